"""Refresh of books as Microsoft Excel saves them, after the edits users make in Excel.

Each scenario starts from ``fill`` of 40 sample customers, makes a user's edits (openpyxl), with
the results Excel would have cached for every formula (computed here by hand from the book as
it was), and writes the book in Excel 365's dialect (:mod:`excel_dialect`). Then ``client-roi
refresh``, and:

* the results (computed columns by customer, every block) are those of ``fill`` of the same
  customers and parameters;
* every part the refresh does not own is byte for byte the same; a user's sheet changes only
  by the cached results of formulas that read what the refresh wrote;
* no schema finding appears that the Excel-saved book did not have;
* LibreOffice, with the settings users have (it trusts an Excel book's cached results), opens
  the refreshed book with no error cell of its own, and the user's formulas show numbers
  consistent with the refreshed cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from excel_dialect import excel_saved, macros, sensitivity_label, x14_markup
from libreoffice import convert
from ooxml import findings
from openpyxl.chart import LineChart, Reference
from openpyxl.worksheet.table import TableColumn, TableFormula
from python_calamine import CalamineWorkbook
from zips import rezip

from client_roi import cli, commands
from client_roi.excel import xlam
from client_roi.files import xlsx
from client_roi.workbook import layout

N = 40
COMPUTED = [c.key for c in layout.OUTPUTS]
BLOCKS = {
    layout.OUT_FACTS: (6, 2),
    layout.OUT_BANDS: (11, 10),
    layout.OUT_CONCENTRATION: (5, 2),
    layout.OUT_PARETO: (22, 2),
    layout.OUT_PLAN: (14, 4),
    layout.OUT_SWEEP: (12, 22),
    layout.OUT_BALANCED: (1, 10),
    layout.OUT_REVIEW: (None, 5),
    layout.OUT_OVERRUN: (None, 5),
    layout.OUT_MOBILITY: (13, 16),
    layout.OUT_POTENTIAL: (8, 2),
    layout.OUT_INPUTS: (1, 37),
}


def sample(n: int = N) -> pd.DataFrame:
    return pd.read_csv(Path(cli.__file__).parent / "data" / commands.SAMPLE, dtype=object).head(n)


# --------------------------------------------------------------------------------------------
# Reading a book's results (python-calamine: the values as saved)
# --------------------------------------------------------------------------------------------


def _grid(book: CalamineWorkbook, sheet: str) -> list[list[Any]]:
    return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def _at(grid, r: int, c: int):
    return grid[r - 1][c - 1] if r - 1 < len(grid) and c - 1 < len(grid[r - 1]) else ""


def _names(data: bytes) -> dict[str, tuple[str, int, int]]:
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = fromstring(z.read("xl/workbook.xml"))
    out = {}
    for d in root.iter(f"{{{xlsx_main()}}}definedName"):
        if d.get("localSheetId") is None and d.get("name", "").startswith("out_"):
            sheet, _, ref = d.text.rpartition("!")
            row, col = xlsx.cell_position(ref.replace("$", ""))
            out[d.get("name")] = (sheet.strip("'").replace("''", "'"), row, col)
    return out


def xlsx_main() -> str:
    return "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def results(data: bytes) -> dict[str, Any]:
    """Computed columns by customer and every block's values, as the book holds them."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    table = xlsx.tables(parts.__getitem__, xlsx.sheet_parts(parts.__getitem__))[layout.TABLE]
    grid = _grid(book, table.sheet)
    (top, left), (bottom, _) = (xlsx.cell_position(x) for x in table.ref.split(":"))
    keys = [layout.HEADER_KEYS.get(layout.normalize(h)) for h in table.columns]
    customers = {}
    for r in range(top + 1, bottom - table.totals + 1):
        row = {k: _at(grid, r, left + i) for i, k in enumerate(keys) if k}
        customers[row["customer"]] = tuple(row.get(k) for k in COMPUTED)
    blocks = {}
    for name, (sheet, row, col) in _names(data).items():
        g = _grid(book, sheet)
        height, width = BLOCKS[name]
        if height is None:  # a list: down to its first blank on the third column
            height = 0
            while _at(g, row + height, col + 2) not in ("", None):
                height += 1
        blocks[name] = [[_at(g, row + i, col + j) for j in range(width)] for i in range(height)]
    return {"customers": customers, "blocks": blocks}


def cell(data: bytes, sheet: str, ref: str) -> Any:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    r, c = xlsx.cell_position(ref)
    return _at(_grid(book, sheet), r, c)


# --------------------------------------------------------------------------------------------
# A scenario: the user's edits, as Excel writes them
# --------------------------------------------------------------------------------------------


@dataclass
class Ctx:
    """What a scenario's edit sees and changes: the customers the book will hold, the fill's
    options, the results the book had before the edit (what Excel cached), and the checks of
    the user's formulas after the refresh (sheet, ref) -> f(results after) -> expected."""

    customers: pd.DataFrame
    before: dict[str, Any]
    lang: str = "en"
    options: list[str] = field(default_factory=list)
    values: dict[tuple[str, str], Any] = field(default_factory=dict)
    checks: dict[tuple[str, str], Callable[[dict[str, Any]], Any]] = field(default_factory=dict)
    rich: dict[str, str] = field(default_factory=dict)
    extra: list[Callable] = field(default_factory=list)
    renames: dict[str, str] = field(default_factory=dict)
    suffix: str = ".xlsx"

    def sheet(self, key: str) -> str:
        return layout.SHEETS[key][self.lang]

    def column(self, ws, key: str) -> int:
        header = [c.value for c in ws[1]]
        return header.index(layout.header(key, self.lang)) + 1

    def tiers(self) -> list[Any]:
        """The tier of each customer row as the book holds it before the refresh."""
        return [self.before["customers"][name][COMPUTED.index("tier")] for name in self.customers["Customer"]]


def _table(ws):
    return ws.tables[layout.TABLE]


def _grow(ws, rows: int) -> None:
    t = _table(ws)
    first, last = t.ref.split(":")
    col, row = re.match(r"([A-Z]+)(\d+)", last).groups()
    t.ref = f"{first}:{col}{int(row) + rows}"
    t.autoFilter.ref = t.ref


def _edit_margins(wb, ctx: Ctx) -> None:
    """Three margins changed and a client who stopped paying: tiers move."""
    ws = wb[ctx.sheet("customers")]
    gross, paid = ctx.column(ws, "gross_margin"), ctx.column(ws, "has_paid")
    for i, margin in ((0, 30000.0), (4, 123.45), (10, 9876.5)):
        if ctx.customers.loc[i, "Gross margin"] not in (None, "") and not pd.isna(ctx.customers.loc[i, "Gross margin"]):
            ws.cell(i + 2, gross).value = margin
            ctx.customers.loc[i, "Gross margin"] = str(margin)
    ws.cell(2 + 1, paid).value = "no" if ctx.lang == "en" else "non"
    ctx.customers.loc[1, "Has paid"] = "no"


def as_saved(wb, ctx):
    """Opened in Excel and saved, nothing changed."""


def inputs_edited(wb, ctx):
    _edit_margins(wb, ctx)


def rich_text_names(wb, ctx):
    _edit_margins(wb, ctx)
    ctx.rich[ctx.sheet("customers")] = "A"


def empty_text_results(wb, ctx):
    """The Expected margin column as formulas; where there is none, the result is empty text
    (<c t="str"><f>…</f><v/></c>), which is a blank, not a missing result."""
    ws = wb[ctx.sheet("customers")]
    col = ctx.column(ws, "expected_margin")
    paid = ctx.column(ws, "has_paid")
    letter = openpyxl.utils.get_column_letter(paid)
    for i, v in enumerate(ctx.customers["Expected margin"]):
        r = i + 2
        if pd.isna(v):
            ws.cell(r, col).value = f'=IF({letter}{r}<>"","","?")'
            ctx.values[(ws.title, ws.cell(r, col).coordinate)] = ""
        else:
            ws.cell(r, col).value = f"={v}*1"
            ctx.values[(ws.title, ws.cell(r, col).coordinate)] = float(v)


def _customers_cols(ws, ctx):
    return {k: openpyxl.utils.get_column_letter(ctx.column(ws, k)) for k in ("gross_margin", "tier", "effort_budget")}


def calculated_columns(wb, ctx):
    """Two calculated columns of the user's own in the table, written in full in every row:
    one reads an input (kept), one reads Tier (its results go stale)."""
    _edit_margins(wb, ctx)
    ws = wb[ctx.sheet("customers")]
    t = _table(ws)
    right = ws.max_column
    gross, tier = layout.header("gross_margin", ctx.lang), layout.header("tier", ctx.lang)
    formulas = {
        "Double margin": f"{layout.TABLE}[[#This Row],[{gross}]]*2",
        "Top tier": f'{layout.TABLE}[[#This Row],[{tier}]]="A"',
    }
    first, last = t.ref.split(":")
    last_row = re.search(r"\d+", last).group()
    t.ref = f"{first}:{openpyxl.utils.get_column_letter(right + 2)}{last_row}"
    t.autoFilter.ref = t.ref
    before_tiers = ctx.tiers()
    for j, (name, formula) in enumerate(formulas.items()):
        col = right + 1 + j
        ws.cell(1, col).value = name
        t.tableColumns.append(
            TableColumn(id=len(t.tableColumns) + 1, name=name, calculatedColumnFormula=TableFormula(attr_text=formula))
        )
        for i in range(len(ctx.customers)):
            c = ws.cell(i + 2, col)
            c.value = "=" + formula
            if name == "Double margin":
                g = ctx.customers.loc[i, "Gross margin"]
                ctx.values[(ws.title, c.coordinate)] = float(g) * 2 if not pd.isna(g) else 0.0
            else:
                ctx.values[(ws.title, c.coordinate)] = before_tiers[i] == "A"
                ctx.checks[(ws.title, c.coordinate)] = lambda res, name=ctx.customers.loc[i, "Customer"]: (
                    res["customers"][name][COMPUTED.index("tier")] == "A"
                )


def user_sheet_with_chart(wb, ctx):
    """The reported data loss: a user's sheet whose chart starts on the band summary's rows,
    and formulas over the refreshed table, one through another."""
    _edit_margins(wb, ctx)
    ws = wb.create_sheet("Plan by month")
    ws["B11"] = "Visits"
    for r in range(12, 21):
        ws.cell(r, 2).value = float(r * 3)
    chart = LineChart()
    chart.add_data(Reference(ws, min_col=2, min_row=11, max_row=20), titles_from_data=True)
    ws.add_chart(chart, "D2")
    ws["A1"], ws["A2"], ws["A3"] = "Tier A clients", "Twice that", "Visits in all"
    ws["B1"] = f'=COUNTIF({layout.TABLE}[{layout.header("tier", ctx.lang)}],"A")'
    ws["B2"] = "=B1*2"
    ws["B3"] = "=SUM(B12:B20)"
    count = sum(1 for t in ctx.tiers() if t == "A")
    ctx.values.update(
        {
            (ws.title, "B1"): count,
            (ws.title, "B2"): count * 2,
            (ws.title, "B3"): float(sum(r * 3 for r in range(12, 21))),
        }
    )
    after = lambda res: sum(1 for v in res["customers"].values() if v[COMPUTED.index("tier")] == "A")  # noqa: E731
    ctx.checks[(ws.title, "B1")] = after
    ctx.checks[(ws.title, "B2")] = lambda res: after(res) * 2
    ctx.checks[(ws.title, "B3")] = lambda res: float(sum(r * 3 for r in range(12, 21)))


def shared_formulas(wb, ctx):
    """A sheet of workings, formulas copied down (shared formulas as Excel writes them)."""
    _edit_margins(wb, ctx)
    cust = ctx.sheet("customers")
    ws = wb.create_sheet("Workings")
    cols = _customers_cols(wb[cust], ctx)
    tiers = ctx.tiers()
    for i in range(len(ctx.customers)):
        r = i + 2
        ws.cell(r, 1).value = f"={cust}!{cols['gross_margin']}{r}"
        ws.cell(r, 2).value = f"={cust}!{cols['tier']}{r}"
        g = ctx.customers.loc[i, "Gross margin"]
        ctx.values[(ws.title, f"A{r}")] = 0.0 if pd.isna(g) else float(g)
        ctx.values[(ws.title, f"B{r}")] = tiers[i] or 0.0
        name = ctx.customers.loc[i, "Customer"]
        ctx.checks[(ws.title, f"B{r}")] = lambda res, name=name: res["customers"][name][COMPUTED.index("tier")] or 0.0


def totals_row(wb, ctx):
    """The table's totals row: a label, a sum of an input, a sum and a count of computed
    columns (SUBTOTAL over structured references)."""
    _edit_margins(wb, ctx)
    ws = wb[ctx.sheet("customers")]
    t = _table(ws)
    last = len(ctx.customers) + 2
    _grow(ws, 1)
    t.autoFilter.ref = t.ref.replace(str(last), str(last - 1))
    t.totalsRowCount = 1
    fields = {"customer": None, "gross_margin": "sum", "tier": "count", "effort_budget": "sum"}
    budget_col = ctx.column(ws, "effort_budget")
    for key, function in fields.items():
        col = ctx.column(ws, key)
        tc = t.tableColumns[col - 1]
        if function is None:
            tc.totalsRowLabel = "Total"
            ws.cell(last, col).value = "Total"
            continue
        tc.totalsRowFunction = function
        code = 109 if function == "sum" else 103
        ws.cell(last, col).value = f"=SUBTOTAL({code},{layout.TABLE}[{layout.header(key, ctx.lang)}])"
    before = ctx.before["customers"]
    margins = pd.to_numeric(ctx.customers["Gross margin"]).fillna(0).sum()
    budgets = sum(
        v[COMPUTED.index("effort_budget")] or 0
        for v in before.values()
        if isinstance(v[COMPUTED.index("effort_budget")], float)
    )
    ref = lambda key: ws.cell(last, ctx.column(ws, key)).coordinate  # noqa: E731
    ctx.values.update(
        {
            (ws.title, ref("gross_margin")): float(margins),
            (ws.title, ref("tier")): sum(1 for v in before.values() if v[COMPUTED.index("tier")]),
            (ws.title, ref("effort_budget")): float(budgets),
        }
    )
    ctx.checks[(ws.title, ref("tier"))] = lambda res: sum(
        1 for v in res["customers"].values() if v[COMPUTED.index("tier")]
    )
    ctx.checks[(ws.title, ref("effort_budget"))] = lambda res: pytest.approx(
        sum(
            v[COMPUTED.index("effort_budget")]
            for v in res["customers"].values()
            if isinstance(v[COMPUTED.index("effort_budget")], float)
        ),
        rel=1e-12,
    )
    assert budget_col


def rows_inserted(wb, ctx):
    """Two customers inserted in the middle of the table (Insert > Table Rows Above)."""
    ws = wb[ctx.sheet("customers")]
    ws.insert_rows(10, 2)
    _grow(ws, 2)
    new = [
        ["Atelier Nouveau", "yes", "yes", "7777.5", None, "800", None],
        ["Boulangerie Neuve", "yes", "no", None, "5000", None, "2"],
    ]
    for j, row in enumerate(new):
        for k, v in enumerate(row):
            ws.cell(10 + j, k + 1).value = None if v is None else (float(v) if k >= 3 else v)
    top, bottom = ctx.customers.iloc[:8], ctx.customers.iloc[8:]
    ctx.customers = pd.concat([top, pd.DataFrame(new, columns=ctx.customers.columns), bottom], ignore_index=True)


def rows_deleted(wb, ctx):
    """Three customers deleted (Delete > Table Rows)."""
    ws = wb[ctx.sheet("customers")]
    ws.delete_rows(5, 3)
    _grow(ws, -3)
    ctx.customers = ctx.customers.drop(index=[3, 4, 5]).reset_index(drop=True)


def row_auto_added(wb, ctx):
    """A customer typed just below the table: Excel grows the table by that row."""
    ws = wb[ctx.sheet("customers")]
    r = len(ctx.customers) + 2
    row = ["Cabinet Tardif", "yes", "yes", "12000", None, "1500", None]
    for k, v in enumerate(row):
        ws.cell(r, k + 1).value = None if v is None else (float(v) if k >= 3 else v)
    _grow(ws, 1)
    ctx.customers = pd.concat([ctx.customers, pd.DataFrame([row], columns=ctx.customers.columns)], ignore_index=True)


def dashboard(wb, ctx):
    """A dashboard over the Tiers sheet's blocks, and a formula of the user's on that sheet."""
    _edit_margins(wb, ctx)
    tiers = ctx.sheet("tiers")
    ws = wb.create_sheet("Dashboard", 0)
    a_clients = ctx.before["blocks"][layout.OUT_BANDS][1][3]
    row = int(wb.defined_names[layout.OUT_BANDS].attr_text.split("$")[-1]) + 1  # tier A's row of the bands
    ws["A1"], ws["B1"] = "Tier A clients", f"='{tiers}'!D{row}"
    ws["A2"], ws["B2"] = "Plus one", "=B1+1"
    wb[tiers]["P2"] = f"=D{row}*10"
    ctx.values.update({(ws.title, "B1"): a_clients, (ws.title, "B2"): a_clients + 1, (tiers, "P2"): a_clients * 10})
    now = lambda res: res["blocks"][layout.OUT_BANDS][1][3]  # noqa: E731
    ctx.checks.update(
        {(ws.title, "B1"): now, (ws.title, "B2"): lambda res: now(res) + 1, (tiers, "P2"): lambda res: now(res) * 10}
    )


def sheets_renamed(wb, ctx):
    """Every sheet of ours renamed (names that need quotes, an ampersand), as Excel renames:
    defined names and charts follow."""
    _edit_margins(wb, ctx)
    ctx.renames = {
        ctx.sheet("customers"): "Clients 2026",
        ctx.sheet("tiers"): "Tiers & bands",
        ctx.sheet("review"): "Revue d'ensemble",
    }


def sheets_reordered(wb, ctx):
    _edit_margins(wb, ctx)
    wb.move_sheet(ctx.sheet("review"), offset=-4)
    wb.move_sheet(ctx.sheet("guide"), offset=4)


def label(wb, ctx):
    """A sensitivity label (Microsoft Purview), as Excel stores it."""
    _edit_margins(wb, ctx)
    ctx.extra.append(sensitivity_label)


def xlsm(wb, ctx):
    _edit_margins(wb, ctx)
    with zipfile.ZipFile(xlam.template_path()) as z:
        vba = z.read("xl/vbaProject.bin")
    ctx.extra.append(lambda w: macros(w, vba))
    ctx.suffix = ".xlsm"


def x14_extensions(wb, ctx):
    """An x14 data validation (a list from another sheet) and a data bar, in extLst."""
    _edit_margins(wb, ctx)
    cust, params = ctx.sheet("customers"), ctx.sheet("parameters")
    n = len(ctx.customers) + 1
    ctx.extra.append(lambda w: x14_markup(w, cust, f"{params}!$A$1:$A$2", f"B2:B{n}", f"D2:D{n}"))


def french(wb, ctx):
    _edit_margins(wb, ctx)
    user_sheet_with_chart(wb, ctx)


def five_tiers(wb, ctx):
    """Five tiers with labels typed in Parameters: the band summary's chart grows to five rows;
    the user's chart over rows 12-20 of another sheet stays as it was."""
    user_sheet_with_chart(wb, ctx)
    ws = wb[ctx.sheet("parameters")]
    for j, v in enumerate([-0.4, -0.2, 0.2, 0.4]):
        ws.cell(4, 2 + j).value = v
    for j, v in enumerate(["Or", "Argent", "Bronze", "Fer", "Bois"]):
        ws.cell(10, 2 + j).value = v
    ctx.options = ["--band=-0.4;-0.2;0.2;0.4", "--labels", "Or;Argent;Bronze;Fer;Bois"]
    ctx.checks[("Plan by month", "B1")] = lambda res: sum(
        1 for v in res["customers"].values() if v[COMPUTED.index("tier")] == "A"
    )


def filtered(wb, ctx):
    """A filter left on: hidden rows in the table."""
    _edit_margins(wb, ctx)
    ws = wb[ctx.sheet("customers")]
    for r in (3, 6, 7):
        ws.row_dimensions[r].hidden = True


def notes_beside_the_table(wb, ctx):
    """The user's own cells right of the table, one reading the Tier column."""
    _edit_margins(wb, ctx)
    ws = wb[ctx.sheet("customers")]
    col = ws.max_column + 2
    tier = openpyxl.utils.get_column_letter(ctx.column(ws, "tier"))
    ws.cell(1, col).value = "Note"
    ws.cell(2, col).value = "call back in May"
    ws.cell(3, col).value = f'={tier}3&" tier"'
    ctx.values[(ws.title, ws.cell(3, col).coordinate)] = f"{ctx.tiers()[1]} tier"
    name = ctx.customers.loc[1, "Customer"]
    ctx.checks[(ws.title, ws.cell(3, col).coordinate)] = lambda res: (
        f"{res['customers'][name][COMPUTED.index('tier')] or ''} tier"
    )


SCENARIOS = [
    as_saved,
    inputs_edited,
    rich_text_names,
    empty_text_results,
    calculated_columns,
    user_sheet_with_chart,
    shared_formulas,
    totals_row,
    rows_inserted,
    rows_deleted,
    row_auto_added,
    dashboard,
    sheets_renamed,
    sheets_reordered,
    label,
    xlsm,
    x14_extensions,
    french,
    five_tiers,
    filtered,
    notes_beside_the_table,
]


# --------------------------------------------------------------------------------------------
# Building and checking
# --------------------------------------------------------------------------------------------


def _fill(customers: pd.DataFrame, tmp: Path, name: str, lang: str, options: list[str]) -> bytes:
    csv = tmp / f"{name}.csv"
    customers.to_csv(csv, index=False)
    out = tmp / f"{name}.filled.xlsx"
    assert cli.main(["fill", str(csv), "-o", str(out), "--lang", lang, "--force", *options]) == 0
    return out.read_bytes()


def _renamed(data: bytes, renames: dict[str, str]) -> bytes:
    """Sheets renamed as Excel renames them: the sheet, defined names, charts, app.xml."""
    if not renames:
        return data
    from xml.sax.saxutils import escape, quoteattr

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            part = zin.read(item.filename)
            if item.filename == "xl/workbook.xml" or item.filename.startswith(("xl/charts/", "docProps/app")):
                text = part.decode()
                for old, new in renames.items():
                    quoted = "'" + new.replace("'", "''") + "'"
                    text = text.replace(f'name="{old}"', f"name={quoteattr(new)}")
                    text = text.replace(f"'{old}'!", escape(quoted) + "!")
                    text = text.replace(f"<vt:lpstr>{old}</vt:lpstr>", f"<vt:lpstr>{escape(new)}</vt:lpstr>")
                part = text.encode()
            zout.writestr(item, part)
    return out.getvalue()


def build(scenario, tmp: Path, lang: str = "en") -> tuple[bytes, Ctx]:
    ctx = Ctx(sample(), {}, lang=lang if scenario is not french else "fr")
    base = _fill(ctx.customers, tmp, "base", ctx.lang, [])
    ctx.before = results(base)
    wb = openpyxl.load_workbook(io.BytesIO(base))
    scenario(wb, ctx)
    edited = io.BytesIO()
    wb.save(edited)
    data = _renamed(edited.getvalue(), ctx.renames)
    values = {(ctx.renames.get(s, s), r): v for (s, r), v in ctx.values.items()}
    ctx.checks = {(ctx.renames.get(s, s), r): f for (s, r), f in ctx.checks.items()}

    def extra(w):
        for e in ctx.extra:
            e(w)

    return excel_saved(data, values, seed=scenario.__name__, rich_column=ctx.rich, extra=extra), ctx


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


_RESULT = re.compile(rb"<v\s*/>|<v>.*?</v>")


def _without_results(xml: bytes) -> bytes:
    """A sheet with the cached results of its formula cells taken out (and their types)."""

    def one(m):
        cell = m.group()
        if b"<f" not in cell:
            return cell
        head_end = cell.index(b">")
        return re.sub(rb'\st="[^"]*"', b"", cell[: head_end + 1]) + _RESULT.sub(b"", cell[head_end + 1 :])

    return re.sub(rb"<c\s[^>]*?(?:/>|>.*?</c>)", one, xml, flags=re.S)


def owned_parts(data: bytes) -> set[str]:
    """The parts a refresh may rewrite: the sheets of its table and blocks, the workbook part
    (calcPr), and the charts drawn on the blocks' sheet."""
    parts = _parts(data)
    read = parts.__getitem__
    sheets = xlsx.sheet_parts(read)
    names = _names(data)
    table = xlsx.tables(read, sheets)[layout.TABLE]
    owned = {sheets[table.sheet], "xl/workbook.xml"} | {sheets[s] for s, _, _ in names.values()}
    bands = sheets[names[layout.OUT_BANDS][0]]
    owned |= {c for d in xlsx.related(read, bands, "/drawing") for c in xlsx.related(read, d, "/chart")}
    return owned


@pytest.fixture(scope="module")
def lo_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("libreoffice")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
def test_refresh_of_an_excel_saved_book(scenario, tmp_path, need_libreoffice):
    excel, ctx = build(scenario, tmp_path)
    book = tmp_path / f"{scenario.__name__}{ctx.suffix}"
    book.write_bytes(excel)
    out = tmp_path / f"{scenario.__name__}.refreshed{ctx.suffix}"
    assert cli.main(["refresh", str(book), "-o", str(out)]) == 0
    refreshed = out.read_bytes()

    # The same results as a fill of the same customers and parameters.
    expected = results(_fill(ctx.customers, tmp_path, "expected", ctx.lang, ctx.options))
    got = results(refreshed)
    assert got["customers"] == expected["customers"]
    # the inputs' fingerprint is of the cells as the book holds them (a formula, a flag typed
    # otherwise), not a result of the method: compared with the formulas in test_stale.py
    assert {k: v for k, v in got["blocks"].items() if k != layout.OUT_INPUTS} == {
        k: v for k, v in expected["blocks"].items() if k != layout.OUT_INPUTS
    }

    # Every part it does not own is unchanged; a user's sheet only loses stale results.
    before, after = _parts(excel), _parts(refreshed)
    assert set(after) == set(before)
    owned = owned_parts(excel)
    sheets = set(xlsx.sheet_parts(before.__getitem__).values())
    for part in sorted(set(before) - owned):
        if part in sheets and before[part] != after[part]:
            assert _without_results(before[part]) == _without_results(after[part]), part
        else:
            assert before[part] == after[part], part
    assert b'fullCalcOnLoad="1"' in after["xl/workbook.xml"]
    for part in owned & sheets:  # a sheet the refresh writes keeps the user's extensions (x14, …)
        assert re.findall(rb"<ext\b[^>]*>", before[part]) == re.findall(rb"<ext\b[^>]*>", after[part]), part
        assert before[part].count(b"<x14:") == after[part].count(b"<x14:"), part

    # No schema finding the Excel-saved book did not have.
    assert set(findings(out)) <= set(findings(book))

    # LibreOffice, as users have it: the user's formulas agree with the refreshed cells, and
    # no error cell appears that the refresh did not write (ROI's #DIV/0! for a zero cost).
    shown = convert(out, "xlsx", tmp_path / "lo", recalc_on_load=False).read_bytes()
    for (sheet, ref), check in ctx.checks.items():
        assert cell(shown, sheet, ref) == check(got), (sheet, ref)
    assert _errors(shown) <= _errors(refreshed)
    if any(ref[0] != layout.TABLE for ref in ctx.checks):  # the edit moved what they read
        assert any(ctx.values[key] != check(got) for key, check in ctx.checks.items())

    # And the refreshed book refreshes again, to the same results.
    again = tmp_path / f"again{ctx.suffix}"
    assert cli.main(["refresh", str(out), "-o", str(again)]) == 0
    assert results(again.read_bytes()) == got


def test_a_strict_open_xml_book_is_refused_by_its_format(tmp_path, capsys):
    """Excel can save 'Strict Open XML Spreadsheet'; the refusal says so and how to save it."""
    book = tmp_path / "strict.xlsx"
    book.write_bytes(_fill(sample(10), tmp_path, "plain", "en", []))
    strict = tmp_path / "strict2.xlsx"
    rezip(
        book,
        strict,
        {
            "xl/workbook.xml": lambda d: d.replace(
                b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                b"http://purl.oclc.org/ooxml/spreadsheetml/main",
            )
        },
    )
    original = strict.read_bytes()
    for command in (["refresh", str(strict)], ["fill", str(strict), "-o", str(tmp_path / "x.xlsx")]):
        assert cli.main(command) == 2
        err = capsys.readouterr().err
        assert "strict2.xlsx: is saved as a Strict Open XML Spreadsheet" in err
        assert "'Excel Workbook (*.xlsx)'" in err and err.count("\n") == 1
    assert strict.read_bytes() == original and not (tmp_path / "x.xlsx").exists()


def test_a_parameter_name_redefined_as_a_formula_is_refused_by_its_name(tmp_path, capsys):
    data = _fill(sample(10), tmp_path, "plain", "en", [])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    wb.defined_names["cac"].attr_text = f"AVERAGE({layout.TABLE}[Acquisition cost])*1.1"
    edited = io.BytesIO()
    wb.save(edited)
    book = tmp_path / "book.xlsx"
    book.write_bytes(excel_saved(edited.getvalue(), seed="cac-name"))
    assert cli.main(["refresh", str(book)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "client-roi: parameter 'cac': the defined name 'cac' is =AVERAGE(Customers[Acquisition cost])*1.1, "
        "not a range of cells: point it at its cells again (Formulas > Name Manager)\n"
    )


def test_a_formula_in_a_parameter_cell_is_read_by_its_result(tmp_path):
    """cac as =ROUND(AVERAGE(...)*1.1,2): the refresh reads what Excel computed, as if typed."""
    customers = sample()
    data = _fill(customers, tmp_path, "plain", "en", [])
    cac = round(float(pd.to_numeric(customers["Acquisition cost"]).mean() * 1.1), 2)
    books = {}
    for how, value in (("formula", f"=ROUND(AVERAGE({layout.TABLE}[Acquisition cost])*1.1,2)"), ("typed", cac)):
        wb = openpyxl.load_workbook(io.BytesIO(data))
        wb["Parameters"]["B13"] = value
        edited = io.BytesIO()
        wb.save(edited)
        book = tmp_path / f"{how}.xlsx"
        book.write_bytes(excel_saved(edited.getvalue(), {("Parameters", "B13"): cac}, seed=how))
        out = tmp_path / f"{how}.out.xlsx"
        assert cli.main(["refresh", str(book), "-o", str(out)]) == 0
        books[how] = results(out.read_bytes())
    assert books["formula"] == books["typed"]
    assert books["typed"]["blocks"][layout.OUT_FACTS][4][1] == cac


def test_fill_reads_empty_text_results_of_an_excel_saved_customer_file_as_blanks(tmp_path):
    """A customer list kept in Excel, with =IF(…,"",…) in a number column: <v/> is a blank."""
    customers = sample(12)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    ws.append(list(customers.columns))
    values = {}
    for i, row in enumerate(customers.itertuples(index=False), start=2):
        ws.append([None if pd.isna(v) else (float(v) if j >= 3 else v) for j, v in enumerate(row)])
        expected = row[4]
        ws.cell(i, 5).value = f'=IF(C{i}="yes","",{expected if not pd.isna(expected) else 0})'
        values[("Export", f"E{i}")] = "" if row[2] == "yes" else float(0 if pd.isna(expected) else expected)
    edited = io.BytesIO()
    wb.save(edited)
    book = tmp_path / "export.xlsx"
    book.write_bytes(excel_saved(edited.getvalue(), values, seed="export"))
    assert b"<v/>" in _parts(book.read_bytes())["xl/worksheets/sheet1.xml"]
    via_excel = tmp_path / "via_excel.xlsx"
    assert cli.main(["fill", str(book), "-o", str(via_excel)]) == 0
    plain = customers.copy()
    plain["Expected margin"] = [None if v == "" else v for v in (values[("Export", f"E{i}")] for i in range(2, 14))]
    assert results(via_excel.read_bytes()) == results(_fill(plain, tmp_path, "plain", "en", []))


def _errors(data: bytes) -> set[tuple[str, int, int]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    out = set()
    for name in book.sheet_names:
        for r, row in enumerate(_grid(book, name)):
            for c, v in enumerate(row):
                if isinstance(v, str) and v in ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"):
                    out.add((name, r, c))
    return out
