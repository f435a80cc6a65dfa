"""Build the three-tier exercise workbook (openpyxl).

``build(lang, customers, band=..., trim=...)`` lays out the Guide, Parameters, Customers
(the ``Customers`` table), Tiers and Review sheets with their defined names, validation,
formats and charts, writes the customers in, and returns the workbook ready for
:func:`client_roi.refresh.refresh`. Names and words come from :mod:`client_roi.layout`.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from .. import method
from ..files import xlsx
from ..files.xlsx import column_letter
from ..messages import LANGUAGES, tr
from ..method.exercise import PARETO_STEPS  # the points the exercise's Pareto curve has
from ..schema.parameters import interval
from . import layout, stale, widths
from .charts import draw_charts
from .openpyxl_book import OpenpyxlBook
from .refresh import RefreshError, refresh
from .styles import (
    BOLD,
    DAYS,
    FONT,
    GREEN,
    INDENTED,
    INPUT_FILL,
    NOTE,
    TIER_FILLS,
    TITLE,
    block_format,
    column_format,
    currency_formats,
    french_percents,
)
from .words import GUIDE_WIDTH, LIVE_NOTES, LOOP_TITLES, STALE_TEXT, TITLES, guide
from .zipbook import ZipBook

# Where the blocks of the Tiers and Review sheets start (row, column), written by Refresh: from
# the schema's sizes (schema.blocks), each under or beside another, nothing a fixed row.
FACTS_AT, CONCENTRATION_AT, BANDS_AT, PARETO_AT, REVIEW_AT = map(
    layout.position,
    (layout.OUT_FACTS, layout.OUT_CONCENTRATION, layout.OUT_BANDS, layout.OUT_PARETO, layout.OUT_REVIEW),
)
# The decision loop: the prospect plan, the band sweep, the balanced band, the movement (Tiers),
# the prospects over budget (Review, beside the clients whose ROI < 1); the inputs' fingerprint.
PLAN_AT, SWEEP_AT, BALANCED_AT, OVERRUN_AT, MOBILITY_AT, POTENTIAL_AT, INPUTS_AT = map(
    layout.position,
    (
        layout.OUT_PLAN,
        layout.OUT_SWEEP,
        layout.OUT_BALANCED,
        layout.OUT_OVERRUN,
        layout.OUT_MOBILITY,
        layout.OUT_POTENTIAL,
        layout.OUT_INPUTS,
    ),
)
STALE_AT = "C1"  # beside the title: "Inputs changed since the last refresh: click Refresh"
SWEEP_ROWS = layout.SWEEP_ROWS  # the shape at 5 % … 50 %, the band in use, the balanced band


def _name(wb: Workbook, name: str, sheet: str, first: tuple[int, int], last: tuple[int, int] | None = None):
    ref = f"${column_letter(first[1])}${first[0]}"
    if last:
        ref += f":${column_letter(last[1])}${last[0]}"
    quoted = "'" + sheet.replace("'", "''") + "'"
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quoted}!{ref}")


def _title(ws, key: str, lang: str, live: bool = False) -> None:
    title, note = TITLES[key][lang]
    if live:  # its results are formulas: nothing to press
        note = LIVE_NOTES[lang][key]
    ws["A1"], ws["A2"] = title, note
    ws["A1"].font, ws["A2"].font = TITLE, NOTE


def _page(ws, landscape: bool = True) -> None:
    """Print (and render) one page wide."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def _guide(wb: Workbook, lang: str, live: bool = False) -> None:
    ws = wb.active
    ws.title = layout.SHEETS["guide"][lang]
    ws.column_dimensions["A"].width = GUIDE_WIDTH
    for row, (text, font) in enumerate(guide(lang, live), start=1):
        cell = ws.cell(row, 1, text or None)  # a spacer row is a blank cell, not empty text
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font:
            cell.font = font
        lines = max(1, -(-len(text) // int(GUIDE_WIDTH * 0.95)))
        ws.row_dimensions[row].height = 15 * lines + (6 if font is TITLE else 2)
    ws.sheet_view.showGridLines = False
    _page(ws)


def _validation(p: layout.Parameter, lang: str, cell: str) -> DataValidation:
    """A parameter's data validation, derived from the schema's constraint (the rule the
    method checks), in the book's language; ``cell``: its first cell (a custom formula's
    reference, relative to the cells it covers)."""
    title = p.said(lang)[0]
    if p.name == "currency":
        signs = ",".join(method.CURRENCIES)
        return DataValidation(
            type="list", formula1=f'"{signs}"', allow_blank=True, showErrorMessage=True, errorTitle=title
        )
    assert p.constraint is not None, p.name
    kind, op, formula1, formula2 = p.constraint.validation(cell)
    return DataValidation(
        type=kind,
        operator=op,
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=title,
        error=tr(p.invalid, lang),
    )


def _balanced_or_offset(p: layout.Parameter, cell: str, lang: str) -> DataValidation:
    """The first band cell: an offset (the band's constraint), or the word that asks for the
    balanced band."""
    kind, op, formula1, _ = interval(p.name).validation(cell)
    assert (kind, op) == ("decimal", "greaterThan"), "an offset's rule as a formula"
    word = tr(method.BAND_WORD, lang)
    formula = f'OR(AND(ISNUMBER({cell}),{cell}>{formula1}),LOWER({cell})="{word}")'
    message = tr("An offset above -1 (0.2 = 20 %), or the word balanced.", lang)
    return DataValidation(
        type="custom",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=p.said(lang)[0],
        error=message,
    )


def _parameters(wb: Workbook, lang: str, values: dict[str, tuple], live: bool = False) -> None:
    ws = wb.create_sheet(layout.SHEETS["parameters"][lang])
    _title(ws, "parameters", lang, live)
    ws.column_dimensions["A"].width = max(30, _label_width([p.said(lang)[0] for p in layout.PARAMETERS], bold=True))
    for c in range(2, 12):
        ws.column_dimensions[column_letter(c)].width = 11
    for i, p in enumerate(layout.PARAMETERS):
        row = 4 + 3 * i
        label, note = p.said(lang)
        ws.cell(row, 1, label).font = BOLD
        ws.cell(row + 1, 1, note).font = NOTE
        dv = _validation(p, lang, ws.cell(row, 2).coordinate)
        ws.add_data_validation(dv)
        for j in range(p.cells):
            cell = ws.cell(row, 2 + j)
            cell.fill, cell.number_format = INPUT_FILL, p.number_format
            if p.name == "band" and j == 0:
                first = _balanced_or_offset(p, cell.coordinate, lang)
                ws.add_data_validation(first)
                first.add(cell.coordinate)
            else:
                dv.add(cell.coordinate)
        for j, value in enumerate(values.get(p.name, p.default)):
            ws.cell(row, 2 + j, value)
        _name(wb, p.name, ws.title, (row, 2), (row, 1 + p.cells) if p.cells > 1 else None)
    ws.sheet_view.showGridLines = False
    _page(ws)


def _header_width(text: str) -> float:
    """A table header's column width: its bold text whole, beside the filter button."""
    return widths.width_for(text, bold=True, extra_px=widths.FILTER_BUTTON_PX)


def _label_width(texts, bold: bool = False) -> float:
    """The width of a column of labels: the longest one whole (plus a digit of air)."""
    return max(widths.width_for(t, bold=bold) for t in texts) + 1


def has_movement(customers: pd.DataFrame | None) -> bool:
    """Whether the table gets the movement columns: some customer has a previous tier."""
    return (
        customers is not None
        and "previous_tier" in customers
        and not all(method.is_blank(v) for v in customers["previous_tier"].tolist())
    )


def extra_columns(customers: pd.DataFrame | None) -> list[str]:
    """The user's own columns of ``customers`` (any column that is none of ours), kept to the
    right of ours in the table."""
    ours = {c.key for c in layout.ALL_COLUMNS}
    return [] if customers is None else [c for c in customers.columns if c not in ours]


def _longest_texts(customers: pd.DataFrame | None) -> tuple[tuple[str, str], ...]:
    """The user's own columns and the longest text each holds (by characters: what sizes the
    column; numbers show in General format within the narrowest width)."""
    if customers is None:
        return ()
    out = []
    for name in extra_columns(customers):
        out.append((name, max((v for v in customers[name].tolist() if type(v) is str), key=len, default="")))
    return tuple(out)


def _customers(
    wb: Workbook, lang: str, n: int, extras: tuple[tuple[str, str], ...] = (), movement: bool = False
) -> None:
    """The Customers sheet: header, column widths and number formats (each column's default
    style, which the rows written later and the cells Excel users add take), the table sized
    for ``n`` customers, validation and the tier colours. The rows themselves are written by
    :func:`write_inputs` through the book's adapter, the one writer of customer rows."""
    ws = wb.create_sheet(layout.SHEETS["customers"][lang])
    keys = layout.table_keys(movement)
    columns = {c.key: c for c in layout.ALL_COLUMNS}
    for col, key in enumerate(keys, start=1):
        ws.cell(1, col, layout.header(key, lang)).font = BOLD
        dimension = ws.column_dimensions[column_letter(col)]
        dimension.width = max(columns[key].width, _header_width(layout.header(key, lang)))
        fmt = column_format(columns[key], lang)
        if fmt is not None:
            dimension.number_format = fmt
        elif col > 1:  # a text column: kept apart from the number to its left ("0.72 d yes", not "dyes")
            dimension.alignment = INDENTED
    for col, (name, longest) in enumerate(extras, start=len(keys) + 1):  # the user's own, after ours
        ws.cell(1, col, name).font = BOLD
        dimension = ws.column_dimensions[column_letter(col)]
        # sized for their texts like ours (the longest whole, up to 40), and for the header
        text = widths.width_for(longest, extra_px=widths.DIGIT_PX)  # a digit of air for the indent
        dimension.width = max(12, min(40, max(_header_width(name), text)))
        dimension.alignment = INDENTED
    last = max(n, 1) + 1
    headers = [layout.header(k, lang) for k in keys] + [name for name, _ in extras]
    ws.add_table(_table(f"A1:{column_letter(len(headers))}{last}", headers))
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    _page(ws)
    yes_no = ",".join(layout.TEXT[lang]["yesno"])
    flags = DataValidation(type="list", formula1=f'"{yes_no}"', allow_blank=True)
    ws.add_data_validation(flags)
    flags.add(f"B2:C{last}")
    _tier_colours(ws, column_letter(keys.index("tier") + 1), last)


def _table(ref: str, headers: list[str]) -> Table:
    table = Table(displayName=layout.TABLE, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    # Named here: left unnamed, openpyxl's writer reads the whole table range to name them.
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, start=1)]
    table.autoFilter = AutoFilter(ref=ref)
    return table


def _tier_colours(ws, col: str, last: int) -> None:
    """Top tier green, bottom tier red, the others yellow, whatever the labels and their count."""
    ref, cell = f"{col}2:{col}{last}", f"${col}2"
    rules = [
        ("top", f'AND({cell}<>"",{cell}=INDEX(labels,1,1))'),
        ("bottom", f'AND({cell}<>"",{cell}=INDEX(labels,1,COUNTA(labels)))'),
        ("middle", f'AND({cell}<>"",COUNTIF(labels,{cell})>0)'),
    ]
    for kind, formula in rules:
        fill = PatternFill("solid", start_color=TIER_FILLS[kind], end_color=TIER_FILLS[kind])
        ws.conditional_formatting.add(ref, FormulaRule(formula=[formula], fill=fill, stopIfTrue=True))


def write_inputs(book, lang: str, customers: pd.DataFrame) -> None:
    """Write the input columns of ``customers`` (canonical keys) from row 2 of the table,
    through the book's adapter. Text is stored as text (``=HYPERLINK(…)`` stays a name); a
    blank is no value at all (empty text would not be ISBLANK in Excel)."""
    keys = layout.table_keys(has_movement(customers))
    sheet = layout.SHEETS["customers"][lang]
    for c in layout.INPUTS + layout.MOVEMENT_INPUTS:
        if c.key in customers and c.key in keys:
            cells = _cells(customers[c.key], (str,))
            if c.key in ("should_pay", "has_paid"):
                cells = layout.flags_in(cells, lang)
            book.write_column(sheet, 2, keys.index(c.key) + 1, cells)
    for col, name in enumerate(extra_columns(customers), start=len(keys) + 1):
        book.write_column(sheet, 2, col, _cells(customers[name], (str, bool)))


def _cells(column: pd.Series, kept: tuple[type, ...]) -> list:
    """A column's values as cells: a blank (:func:`method.is_blank`) None, values of the types
    ``kept`` as they are, any other a float. Numbers and blanks, or text and blanks, the usual
    columns, go without a call a value."""
    values = column.tolist()
    kinds = set(map(type, values))
    if kinds <= {float, type(None)}:
        for i in np.flatnonzero(np.isnan(np.array(values, dtype=float))).tolist():  # None → NaN too
            values[i] = None
        return values
    if kinds <= {str, type(None)}:
        return [v if v is not None and v.strip() else None for v in values]
    return [None if method.is_blank(v) else (v if isinstance(v, kept) else float(v)) for v in values]


def _tiers(wb: Workbook, lang: str, live: bool = False) -> None:
    ws = wb.create_sheet(layout.SHEETS["tiers"][lang])
    _title(ws, "tiers", lang, live)
    words: dict[str, Any] = layout.TEXT[lang]
    labels = [*words["facts"], *words["concentration"], words["plan_available"], words["plan_load"]]
    labels.append(words["balanced"].format(k=layout.MAX_TIERS))
    ws.column_dimensions["A"].width = max(34, _label_width([*labels, words["mobility"][0], *words["potential"]]))
    for c in range(2, 11):
        ws.column_dimensions[column_letter(c)].width = 13
    for letter, header in zip("LM", words["pareto"], strict=True):
        ws.column_dimensions[letter].width = max(16, _label_width([header], bold=True))
    for name, (row, col) in [
        (layout.OUT_FACTS, FACTS_AT),
        (layout.OUT_BANDS, BANDS_AT),
        (layout.OUT_CONCENTRATION, CONCENTRATION_AT),
        (layout.OUT_PARETO, PARETO_AT),
    ]:
        _name(wb, name, ws.title, (row, col))
    for name in (layout.OUT_FACTS, layout.OUT_CONCENTRATION):
        _pair_formats(ws, name, lang)
    r, c = BANDS_AT
    _block_formats(ws, layout.OUT_BANDS, lang, range(1, layout.MAX_TIERS + 1))
    for j in range(layout.block(layout.OUT_BANDS).columns):
        ws.cell(r, c + j).font = BOLD
        ws.cell(r, c + j).alignment = Alignment(
            wrap_text=True, vertical="bottom", horizontal="left" if j == 0 else "right"
        )
    ws.row_dimensions[r].height = 30
    r, c = PARETO_AT
    _block_formats(ws, layout.OUT_PARETO, lang, range(1, PARETO_STEPS + 2))
    ws.cell(r, c).font = ws.cell(r, c + 1).font = BOLD
    _loop_blocks(wb, ws, lang)
    if live:  # never stale: beside the title, what stops it computing, if anything
        ws[STALE_AT].font = Font(name=FONT, bold=True, color="C00000")
    else:
        _stale(wb, ws, lang)
    ws.sheet_view.showGridLines = False
    _page(ws)


def _block_formats(ws, name: str, lang: str, rows: range) -> None:
    """The number formats of the block ``name``'s columns, by the schema's kinds, on its
    ``rows`` (counted from its top-left cell: 0 is its first row)."""
    r, c = layout.position(name)
    formats = [(j, block_format(kind, lang)) for j, kind in enumerate(layout.block(name).kinds) if kind]
    for i in rows:
        for j, fmt in formats:
            ws.cell(r + i, c + j).number_format = fmt


def _pair_formats(ws, name: str, lang: str) -> None:
    """A block of pairs (a label, its value): each value's format by its row's kind."""
    r, c = layout.position(name)
    for i, kind in enumerate(layout.block(name).row_kinds):
        if kind:
            ws.cell(r + i, c + 1).number_format = block_format(kind, lang)


def _list_formats(ws, name: str, lang: str) -> None:
    """A list's formats are its columns' (every row, however long the list: a refresh writes a
    cell with its column's style), not a cell's: by the schema's kinds."""
    c = layout.position(name)[1]
    for j, kind in enumerate(layout.block(name).kinds):
        if kind:
            ws.column_dimensions[column_letter(c + j)].number_format = block_format(kind, lang)


def _loop_blocks(wb: Workbook, ws, lang: str) -> None:
    """Names, formats and the conditional format of the plan, sweep and balanced blocks."""
    for name, (row, col) in [
        (layout.OUT_PLAN, PLAN_AT),
        (layout.OUT_SWEEP, SWEEP_AT),
        (layout.OUT_BALANCED, BALANCED_AT),
        (layout.OUT_MOBILITY, MOBILITY_AT),
        (layout.OUT_POTENTIAL, POTENTIAL_AT),
    ]:
        _name(wb, name, ws.title, (row, col))
    for key, (row, col) in [
        ("plan", PLAN_AT),
        ("sweep", SWEEP_AT),
        ("mobility", MOBILITY_AT),
        ("potential", POTENTIAL_AT),
    ]:
        ws.cell(row - 1, col, LOOP_TITLES[key][lang]).font = BOLD
    r, c = PLAN_AT  # days available, load, then the table (header, tiers, total)
    ws.cell(r, c + 3).number_format = DAYS[lang]
    ws.cell(r + 1, c + 3).number_format = "0%"
    _block_formats(ws, layout.OUT_PLAN, lang, range(3, layout.block(layout.OUT_PLAN).rows))  # tiers, total
    for j in range(5):  # "Effort de prospection", "Dans le plan": wrapped under their width
        ws.cell(r + 2, c + j).font = BOLD
        ws.cell(r + 2, c + j).alignment = Alignment(
            horizontal="left" if j == 0 else "right", vertical="bottom", wrap_text=j > 0
        )
    ws.row_dimensions[r + 2].height = 30
    r, c = SWEEP_AT  # band, balance, then clients and share of each tier side by side
    _block_formats(ws, layout.OUT_SWEEP, lang, range(1, SWEEP_ROWS + 1))
    for i in range(1, SWEEP_ROWS + 1):
        ws.cell(r + i, c).alignment = Alignment(horizontal="left")
    for j in range(2 + 2 * layout.MAX_TIERS):  # "Clients Argent", "Part Bronze": wrapped, never run together
        ws.cell(r, c + j).font = BOLD
        ws.cell(r, c + j).alignment = Alignment(
            horizontal="left" if j == 0 else "right", vertical="bottom", wrap_text=j > 0
        )
    ws.row_dimensions[r].height = 30
    for i in (SWEEP_ROWS - 1, SWEEP_ROWS):  # the band in use and the balanced band, as offsets
        ws.cell(r + i, c).alignment = Alignment(horizontal="left", wrap_text=True)  # nine offsets: two lines
    ws.row_breaks.append(Break(id=PLAN_AT[0] - 2))  # the loop prints on a page of its own
    balance = f"${column_letter(c + 1)}"
    first, last = r + 1, r + SWEEP_ROWS  # the green row may be the band in use or the balanced one
    ws.conditional_formatting.add(
        f"{column_letter(c)}{first}:{column_letter(c + 1)}{last}",
        FormulaRule(
            formula=[f"AND(ISNUMBER({balance}{first}),{balance}{first}=MAX({balance}${first}:{balance}${last}))"],
            fill=GREEN,
        ),
    )
    _block_formats(ws, layout.OUT_BALANCED, lang, range(1))
    r, c = MOBILITY_AT  # header, a row per previous tier, new, total; counts then two gains
    for j in range(layout.MAX_TIERS + 6):
        ws.cell(r, c + j).font = BOLD
        # the first cell holds the header, or a sentence that runs on across the empty row
        ws.cell(r, c + j).alignment = Alignment(horizontal="left" if j == 0 else "right", wrap_text=j > 0)
    ws.row_dimensions[r].height = 30
    for i in range(1, layout.block(layout.OUT_MOBILITY).rows):
        ws.cell(r + i, c).font = BOLD
    _block_formats(ws, layout.OUT_MOBILITY, lang, range(1, layout.block(layout.OUT_MOBILITY).rows))
    _pair_formats(ws, layout.OUT_POTENTIAL, lang)  # the columns, the figures, the verdict


def _stale(wb: Workbook, ws, lang: str) -> None:
    """The inputs' fingerprint: the row Refresh writes (``out_inputs``), the same computed by
    formulas below it, and beside the title the formula that compares them (see
    :mod:`client_roi.workbook.stale`)."""
    r, c = INPUTS_AT
    exact, close = stale.formulas(lang)
    width = len(exact) + len(close)
    _name(wb, layout.OUT_INPUTS, ws.title, (r, c))
    for i, label in enumerate(STALE_TEXT[lang]):
        ws.cell(r + i, c - 1, label).font = NOTE
        ws.row_dimensions[r + i].hidden = True  # machinery: out of the way, still calculated
    for j, formula in enumerate([*exact, *close]):
        ws.cell(r + 1, c + j, formula)
    stored = f"{quote_sheetname(ws.title)}!${column_letter(c)}${r}:${column_letter(c + width - 1)}${r}"
    live = f"{quote_sheetname(ws.title)}!${column_letter(c)}${r + 1}:${column_letter(c + width - 1)}${r + 1}"
    cell = ws[STALE_AT]
    cell.value = stale.indicator(lang, stored, live, len(exact))
    cell.font = Font(name=FONT, bold=True, color="C00000")


def _review(wb: Workbook, lang: str, live: bool = False) -> None:
    ws = wb.create_sheet(layout.SHEETS["review"][lang])
    _title(ws, "review", lang, live)
    r, c = REVIEW_AT
    _name(wb, layout.OUT_REVIEW, ws.title, (r, c))
    for j, width in enumerate([30, 14, 17, 8, 10]):
        header = list(layout.TEXT[lang]["review"])[j]
        ws.column_dimensions[column_letter(c + j)].width = max(width, _label_width([header], bold=True))
        ws.cell(r, c + j).font = BOLD
    _list_formats(ws, layout.OUT_REVIEW, lang)
    ws.column_dimensions[column_letter(c + 4)].alignment = INDENTED  # the tier, apart from the ROI before it
    r, c = OVERRUN_AT
    _name(wb, layout.OUT_OVERRUN, ws.title, (r, c))
    ws.cell(r - 1, c, LOOP_TITLES["overrun"][lang]).font = BOLD
    for j, width in enumerate([30, 10, 13, 12, 14]):
        header = list(layout.TEXT[lang]["overrun"])[j]
        ws.column_dimensions[column_letter(c + j)].width = max(width, _label_width([header], bold=True))
        ws.cell(r, c + j).font = BOLD
    _list_formats(ws, layout.OUT_OVERRUN, lang)
    ws.freeze_panes = ws.cell(REVIEW_AT[0] + 1, 1).coordinate
    ws.print_title_rows = f"{REVIEW_AT[0]}:{REVIEW_AT[0]}"  # the lists' header on every printed page
    _page(ws)


def skeleton(
    lang: str = "en",
    n: int = 0,
    extras: tuple[tuple[str, str], ...] = (),
    movement: bool = False,
    live: bool = False,
    **params: Any,
) -> Workbook:
    """The workbook with its ``params`` (``band=0.2`` or a list of offsets, ``trim=0.1``, ...)
    and a Customers table sized for ``n`` customers, not yet filled: the Guide, Parameters,
    Customers, Tiers and Review sheets with their names, formats, validation and charts;
    ``live``: and the hidden sheet of a live book's helper columns (:mod:`.live`)."""
    if lang not in LANGUAGES:  # (the tests' pseudo-language too)
        raise ValueError(f"lang must be one of {layout.LANGS}, got {lang!r}")
    values = {k: tuple(v) if isinstance(v, (list, tuple)) else (v,) for k, v in params.items() if v is not None}
    if len(values.get("band", ())) > 1 and "labels" not in values:  # k offsets: k + 1 default labels
        values["labels"] = tuple(chr(ord("A") + i) for i in range(len(values["band"]) + 1))
    values["currency"] = (method.currency(values.get("currency", (None,))[0]),)  # its sign, as the list offers it
    wb = Workbook()
    _guide(wb, lang, live)
    _parameters(wb, lang, values, live)
    _customers(wb, lang, n, extras, movement)
    _tiers(wb, lang, live)
    _review(wb, lang, live)
    if live:
        _live_sheet(wb, lang)
    # the tiers the book is made for (its labels, else its offsets): one line of the sweep chart
    # each; the bars are pointed at the tiers in use by the refresh (retarget_charts)
    draw_charts(wb, lang, len(values["labels"]) if "labels" in values else 3)
    currency_formats(wb, lang, values["currency"][0])
    if lang == "fr":
        french_percents(wb)
    wb.active = 2  # open on the customers
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == layout.SHEETS["customers"][lang]
    return wb


def _live_sheet(wb: Workbook, lang: str) -> None:
    """A live book's hidden sheet and its defined names; its formulas are the refresh's."""
    from . import live

    ws = wb.create_sheet(live.LIVE_SHEET[lang])
    ws.sheet_state = "hidden"  # machinery: out of the way, still calculated
    for name, (r1, c1, r2, c2) in live.names(lang).items():
        _name(wb, name, ws.title, (r1, c1), (r2, c2) if (r1, c1) != (r2, c2) else None)
    r, c = live.ROWS_AT
    ws.cell(r, c - 1, tr("rows", lang))  # and beside it, the customer rows its formulas cover: the refresh's
    _name(wb, live.ROWS_NAME, ws.title, (r, c))


def book(lang: str = "en", customers: pd.DataFrame | None = None, live: bool = False, **params: Any) -> ZipBook:
    """The workbook filled with ``customers``, not yet refreshed, as a :class:`ZipBook`;
    ``live``: a live book's (:mod:`.live`)."""
    from ..files.output import workbook_bytes

    n = 0 if customers is None else len(customers)
    limit = xlsx.MAX_ROWS  # read when called: a test makes it small
    if n > limit - 1:  # whatever they came from (invoice lines, a database): the sheet cannot hold them
        raise RefreshError(
            tr(
                (
                    "{n:,} customers, and the Customers sheet holds at most {limit:,} below its "
                    "header (Excel's limit of {limit2:,} rows): take a shorter period, or split the "
                    "customers"
                ),
                n=n,
                limit=limit - 1,
                limit2=limit,
            )
        )
    zb = ZipBook(workbook_bytes(skeleton(lang, n, _longest_texts(customers), has_movement(customers), live, **params)))
    if customers is not None:
        write_inputs(zb, lang, customers)
    return zb


def build(lang: str = "en", customers: pd.DataFrame | None = None, **params: Any) -> Workbook:
    """:func:`book` as an openpyxl workbook (written by the same writer, then read back)."""
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(book(lang, customers, **params).to_bytes()))


def make_book(lang: str = "en", customers: pd.DataFrame | None = None, live: bool = False, **params: Any):
    """The template filled with ``customers`` and refreshed: what ``fill``, ``demo`` and
    ``template`` save (``live``: a live book, :mod:`.live`). Returns the book and the refresh's
    outputs."""
    zb = book(lang, customers, live, **params)
    return zb, zb.refresh()


def refresh_workbook(wb: Workbook, cached=None):
    """Refresh an openpyxl workbook and redraw its charts for the tiers it now has.
    ``cached``: the computed values of its formulas (see :class:`OpenpyxlBook`)."""
    out = refresh(OpenpyxlBook(wb, cached))
    draw_charts(wb, out.lang, len(out.bands) - 1)
    # openpyxl writes no formula results (LibreOffice computes them all); Excel needs asking,
    # as it drops the flag when it saves (see client_roi.recalc)
    wb.calculation.fullCalcOnLoad = True
    return out


def make_workbook(lang: str = "en", customers: pd.DataFrame | None = None, **params: Any) -> Workbook:
    """:func:`make_book` as an openpyxl workbook."""
    from openpyxl import load_workbook

    zb, _ = make_book(lang, customers, **params)
    return load_workbook(io.BytesIO(zb.to_bytes()))
