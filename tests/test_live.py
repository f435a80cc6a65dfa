"""A live book (``--live``): the exercise as native formulas, held to the method cell by cell
after LibreOffice recalculates it.

Tolerance, and why: the words (roles, tiers, yes/no, verdicts, every text), the counts and the
ranks must be equal; an amount may differ from the method's by a relative 1e-9. The method's
sums are correctly rounded; a spreadsheet adds left to right, rounding at each step, so a sum
of n terms may be off by up to n × 2⁻⁵³ of the terms' magnitude: 1.2e-10 at Excel's
1,048,575 rows, so 1e-9 holds for any table with room to spare (and the plan's running total,
a product per tier in the book, one addition a prospect in the method, is such a sum).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from libreoffice import recalculated_all

import client_roi as cr
from client_roi.workbook import layout, live, template
from client_roi.workbook.blocks import Formula

REL = 1e-9
COMPUTED = ("role", "tier", "roi", "effort_budget", "effort_days", "days_left", "in_plan", "previous_tier", "movement")
BLOCKS = (
    layout.OUT_FACTS,
    layout.OUT_CONCENTRATION,
    layout.OUT_BANDS,
    layout.OUT_PARETO,
    layout.OUT_PLAN,
    layout.OUT_SWEEP,
    layout.OUT_BALANCED,
    layout.OUT_REVIEW,
    layout.OUT_OVERRUN,
    layout.OUT_MOBILITY,
)


def _same(want, got) -> bool:
    if want is None or want == "":
        return got is None or got == ""
    if isinstance(want, bool) or isinstance(got, bool):
        return want == got
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and got == pytest.approx(want, rel=REL, abs=1e-12)
    return str(want) == str(got)


def differences(out, path: Path, lang: str = "en") -> list[str]:
    """Every cell of the recalculated live book that is not the method's (``out``)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    found = []
    customers = wb[layout.SHEETS["customers"][lang]]
    header = [c.value for c in customers[1]]
    for key in COMPUTED:
        if layout.header(key, lang) not in header:
            continue  # no previous tiers: no movement columns
        col = header.index(layout.header(key, lang)) + 1
        for i, want in enumerate(out.columns[key]):
            got = customers.cell(i + 2, col).value
            if not _same(want, got):
                found.append(f"{key} row {i + 2}: method {want!r}, book {got!r}")
    for name in BLOCKS:
        b = layout.block(name)
        sheet = wb[layout.SHEETS[b.sheet][lang]]
        r, c = layout.position(name)
        cells = getattr(out, name.removeprefix("out_"))
        rows = max(len(cells), len(customers["A"]) if b.listed else b.rows)
        for i in range(rows):
            want_row = cells[i] if i < len(cells) else []
            for j in range(b.columns):
                want = want_row[j] if j < len(want_row) else None
                got = sheet.cell(r + i, c + j).value
                if not _same(want, got):
                    found.append(f"{name} ({i}, {j}): method {want!r}, book {got!r}")
    status = wb[layout.SHEETS["tiers"][lang]]["C1"].value
    if status:
        found.append(f"status: {status}")
    return found


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer", *cr.INPUTS[1:]], dtype=object)


HAND = _frame(
    [
        {"customer": "Alpha", "should_pay": "yes", "has_paid": "yes", "gross_margin": 100, "acquisition_cost": 500},
        {"customer": "Beta", "should_pay": "Oui", "has_paid": 1, "gross_margin": 200, "acquisition_cost": 50},
        {"customer": "Gamma", "should_pay": "yes", "has_paid": "yes", "gross_margin": 300, "acquisition_cost": 100},
        {"customer": "Delta", "should_pay": "yes", "has_paid": "yes", "gross_margin": 50, "acquisition_cost": 0},
        {"customer": "Eps", "should_pay": "yes", "has_paid": "no", "expected_margin": 250, "days_spent": 1},
        {"customer": "Zeta", "should_pay": "no", "has_paid": "no"},
        {"customer": "Eta", "should_pay": "yes", "expected_margin": 80, "days_spent": 9},
        {"customer": "Theta", "should_pay": "yes", "has_paid": "yes", "gross_margin": -20, "acquisition_cost": 10},
        {"customer": "Iota", "should_pay": "yes", "has_paid": "no", "expected_margin": 126, "days_spent": 0.25},
        {"customer": "Kappa", "should_pay": "yes", "has_paid": "no", "expected_margin": 100.8},
        {"customer": "Lambda", "should_pay": "yes", "has_paid": "no", "expected_margin": 151.2},
    ]
)


def test_the_hand_example_is_the_method_everywhere(tmp_path, need_libreoffice):
    """One book by hand: a gain on each threshold (100.8 = 126 × 0.8, 151.2 = 126 × 1.2), a
    zero cost (#DIV/0!), a loss, a user, prospects over budget and in the plan."""
    zb, out = template.make_book("en", HAND, live=True, prospecting_days=1)
    assert out.columns["tier"][9:] == ["B", "A"]  # 100.8 is on 126 × 0.8 (100.80000000000001): the tier above
    src = tmp_path / "hand.xlsx"
    src.write_bytes(zb.to_bytes())
    (done,) = recalculated_all([src], tmp_path)
    assert differences(out, done) == []


def test_shared_formulas_are_each_rows_own(tmp_path):
    """The book writes each column's formula once, shared: the formula of every other row is
    that one moved down, which must be exactly what the row's own formula is."""
    p = live.Places("en", 6, tuple(layout.table_keys(False)))
    first = live.helper_row(p, 2)
    for r in range(3, 8):
        assert [live.moved(f, r - 2) for f in first] == live.helper_row(p, r)
    rows = live.shared(lambda r: live.helper_row(p, r), 2, 7, 1, 0)
    assert rows[0][0].shared == (0, "A2:A7") and rows[3][5] == Formula("", (5, None))


# --------------------------------------------------------------------------------------------
# The property: any population hypothesis can think of
# --------------------------------------------------------------------------------------------

YES = ["yes", "Yes", " oui ", "1", 1.0, "y", "VRAI", "true"]
NO = ["no", "Non", "0", 0.0, "n", "faux"]
AMOUNTS = st.one_of(
    st.sampled_from([-50, 0, 10, 20, 25, 40, 50, 60, 75, 80, 100, 120, 125, 150, 200, 250, 400, 1000]),
    st.integers(-100, 3000),
    st.integers(-400, 12000).map(lambda q: q / 4),
).map(float)
DAYS = st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.0, 3.0, 10.0])


@st.composite
def customer(draw, i: int) -> dict:
    role = draw(st.sampled_from(["client"] * 4 + ["prospect"] * 3 + ["user", "none"]))
    row: dict = {"customer": f"C{i:03d}"}
    if role == "client":
        row |= {"should_pay": draw(st.sampled_from(YES)), "has_paid": draw(st.sampled_from(YES))}
        row["gross_margin"] = draw(st.one_of(AMOUNTS, AMOUNTS, AMOUNTS, st.none()))
    elif role == "prospect":
        row |= {"should_pay": draw(st.sampled_from(YES)), "has_paid": draw(st.sampled_from([*NO, None]))}
        row["expected_margin"] = draw(st.one_of(AMOUNTS, AMOUNTS, st.none()))
        row["days_spent"] = draw(st.one_of(st.none(), DAYS))
    elif role == "user":
        row |= {"should_pay": draw(st.sampled_from(NO)), "has_paid": draw(st.sampled_from([*YES, *NO, None]))}
    row["acquisition_cost"] = draw(st.one_of(st.none(), st.sampled_from([0.0, 10.0, 50.0, 100.0, 150.0, 500.0])))
    return row


BANDS = st.one_of(
    st.sampled_from([0.1, 0.2, 0.25, 0.5, 0.05]),
    st.integers(2, 10).flatmap(
        lambda k: st.lists(st.integers(-19, 30), min_size=k - 1, max_size=k - 1, unique=True).map(
            lambda xs: [x / 20 for x in sorted(xs)]
        )
    ),
    st.just("balanced"),
)


@st.composite
def exercise_inputs(draw) -> tuple[pd.DataFrame, dict]:
    n = draw(st.integers(1, 30))
    rows = [draw(customer(i)) for i in range(n)]
    band = draw(BANDS)
    params: dict = {"band": band, "trim": draw(st.sampled_from([0, 0, 0.1, 0.2, 0.25, 0.5]))}
    k = 3 if not isinstance(band, list) else len(band) + 1
    if band == "balanced":
        k = draw(st.integers(2, 6))
    if draw(st.booleans()) or band == "balanced":
        params["labels"] = (
            [f"T{j}" for j in range(k)] if k != 3 or draw(st.booleans()) else ["Gold", "Silver", "Bronze"]
        )
    params["cac"] = draw(st.sampled_from([None, None, 0, 100, 1000]))
    params["prospecting_days"] = draw(st.sampled_from([None, 0.5, 1, 2, 5, 60]))
    if draw(st.booleans()):  # a day of 256: budgets of quarters give days in binary fractions, limits exact
        params |= {"annual_income": 32768, "margin_rate": 0.5, "working_days": 256, "load_factor": 1}
    # prospects on the thresholds: as computed, and as a person types them (2 decimals). Not on the
    # balanced band's: a quantile between two gains is interpolated, and a spreadsheet's
    # PERCENTILE.INC rounds its own way (docs/live.md); one that is a gain is tied at every try.
    if band != "balanced" and draw(st.booleans()):
        gains = [r["gross_margin"] for r in rows if r.get("has_paid") in YES and r.get("gross_margin") is not None]
        try:
            b = cr.bands(gains, band, params["trim"], params.get("labels"))
        except cr.ClientRoiError:
            b = None
        for j, t in enumerate(b.thresholds.tolist() if b is not None else []):
            typed = draw(st.sampled_from([t, round(t, 2), round(t, 1)]))
            rows.append({"customer": f"T{j}", "should_pay": "yes", "has_paid": "no", "expected_margin": typed})
    if draw(st.booleans()):  # last period's tiers: typed, or from last period's margins
        names = params.get("labels") or [chr(ord("A") + j) for j in range(k)]
        for row in rows:
            if draw(st.booleans()):
                row["previous_margin"] = draw(AMOUNTS)
            elif draw(st.booleans()):
                row["previous_tier"] = draw(st.sampled_from(names))
        if all(r.get("previous_tier") is None for r in rows):
            rows[0]["previous_tier"] = names[0]  # the table has the movement columns when one is typed
    return _frame(rows), params


def _fit(frame: pd.DataFrame, params: dict):
    """The method's cells for these inputs, or None when it refuses them."""
    try:
        return template.make_book("en", frame, live=True, **params)
    except Exception:
        return None


# no shrinking: each try is a LibreOffice run; a failure names its case and its cells instead
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), phases=[Phase.generate])
@given(st.lists(exercise_inputs(), min_size=14, max_size=14))
def test_a_live_book_recalculated_is_the_method_cell_by_cell(tmp_path_factory, need_libreoffice, cases):
    tmp = tmp_path_factory.mktemp("live")
    books = []
    for i, (frame, params) in enumerate(cases):
        made = _fit(frame, params)
        if made is None:
            continue
        zb, out = made
        src = tmp / f"case{i}.xlsx"
        src.write_bytes(zb.to_bytes())
        books.append((src, out, frame, params))
    if not books:  # the method refuses every one: nothing to hold the book to
        return
    failed = []
    for (src, out, frame, params), done in zip(books, recalculated_all([b[0] for b in books], tmp), strict=True):
        found = differences(out, done)
        if found:
            failed.append(f"{src.name} {params} {frame.to_dict('records')}\n  " + "\n  ".join(found[:8]))
    assert not failed, "\n".join(failed)


def test_numbers_and_texts_of_the_method_are_those_of_a_python_book(tmp_path):
    """The live book holds the same inputs and words as the Python book: only the computed
    cells are formulas."""
    zb, _ = template.make_book("en", HAND, live=True)
    python, _ = template.make_book("en", HAND)
    a = openpyxl.load_workbook(__import__("io").BytesIO(zb.to_bytes()))
    b = openpyxl.load_workbook(__import__("io").BytesIO(python.to_bytes()))
    sheet = layout.SHEETS["customers"]["en"]
    for row_a, row_b in zip(a[sheet].iter_rows(max_col=7), b[sheet].iter_rows(max_col=7), strict=True):
        assert [c.value for c in row_a] == [c.value for c in row_b]
    assert live.LIVE_SHEET["en"] in a.sheetnames and a[live.LIVE_SHEET["en"]].sheet_state == "hidden"
    assert np.all([isinstance(c.value, str) and c.value.startswith("=") for c in a[sheet]["I"][1:]])


# --------------------------------------------------------------------------------------------
# A live book is still ours: its refresh, its refusals, its doors
# --------------------------------------------------------------------------------------------


def _edited(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    """``data`` (a book) with ``old`` replaced by ``new`` in its part ``part``."""
    import io
    import zipfile

    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == part:
                assert old in body
                body = body.replace(old, new, 1)
            z.writestr(item, body)
    return out.getvalue()


def _part(data: bytes, sheet: str) -> str:
    from client_roi.workbook.zipbook import ZipBook

    return ZipBook(data).sheet_parts[sheet]


def test_a_live_book_refreshed_keeps_its_formulas_and_refuses_an_edited_one():
    from client_roi.workbook.refresh import RefreshError
    from client_roi.workbook.zipbook import ZipBook

    zb, _ = template.make_book("en", HAND, live=True, prospecting_days=1)
    data = zb.to_bytes()
    again = ZipBook(data)
    again.refresh()  # its formulas are its own: nothing but the method's own cells written
    assert set(again.rects) == {"Customers", "Tiers"}  # the estimates' columns, the potential and mobility blocks
    customers, live_sheet = _part(data, "Customers"), _part(data, live.LIVE_SHEET["en"])
    for part, old, new, cell in [
        (customers, b"INDEX(live_labels,", b"INDEX(live_labels,1+0*", "Customers!I2"),
        (live_sheet, b"live_k-SUMPRODUCT", b"live_k+0-SUMPRODUCT", "Calculations!G2"),
    ]:
        with pytest.raises(RefreshError, match=f"^{cell}: a formula of this live book was edited"):
            ZipBook(_edited(data, part, old, new)).refresh()


def test_a_live_book_after_libreoffice_grown_or_wrong(tmp_path, need_libreoffice):
    """Saved by LibreOffice, a live book refreshes (its formulas as LibreOffice writes them are
    still its own, its results the method's); a customer added at the end of the table gets its
    formulas from a refresh; a row that cannot be read stops every block and says which row."""
    import io

    from client_roi.workbook.refresh import RefreshError
    from client_roi.workbook.zipbook import ZipBook

    zb, _ = template.make_book("en", HAND, live=True, prospecting_days=1)
    saved = tmp_path / "saved.xlsx"
    saved.write_bytes(zb.to_bytes())
    wb = openpyxl.load_workbook(io.BytesIO(zb.to_bytes()))
    ws = wb["Customers"]
    table = ws.tables["Customers"]
    ws.append(["Omega", "yes", "yes", 900, None, 100])
    table.ref = table.autoFilter.ref = f"A1:R{ws.max_row}"
    grown = tmp_path / "grown.xlsx"
    wb.save(grown)
    grown_book = ZipBook.from_path(grown)
    out = grown_book.refresh()  # 12 rows now: every formula written again for them
    grown.write_bytes(grown_book.to_bytes())
    wb = openpyxl.load_workbook(io.BytesIO(zb.to_bytes()))
    wb["Customers"]["B4"] = "maybe"  # Gamma's Should pay
    wrong = tmp_path / "wrong.xlsx"
    wb.save(wrong)
    done_saved, done_grown, done_wrong = recalculated_all([saved, grown, wrong], tmp_path)
    ZipBook.from_path(done_saved).refresh()
    assert differences(out, done_grown) == []
    calc = openpyxl.load_workbook(done_wrong, data_only=True)
    assert calc["Tiers"]["C1"].value.startswith("Row 4 of Customers cannot be read")
    assert calc["Customers"]["H4"].value == "#N/A" and calc["Tiers"]["B3"].value == "#N/A"
    with pytest.raises(RefreshError, match="Customers!B4"):  # the method refuses it by its cell, too
        ZipBook.from_path(wrong).refresh()


def test_fill_template_and_to_excel_write_live_books(tmp_path):
    from client_roi.cli import main

    assert main(["template", "--live", "-o", str(tmp_path / "t.xlsx")]) == 0
    assert main(["demo", "--live", "--lang", "fr", "-o", str(tmp_path / "d.xlsx")]) == 0
    ex = cr.exercise(HAND, prospecting_days=1)
    ex.to_excel(tmp_path / "e.xlsx", live=True)
    for name, lang in [("t", "en"), ("d", "fr"), ("e", "en")]:
        wb = openpyxl.load_workbook(tmp_path / f"{name}.xlsx")
        assert live.ROWS_NAME in wb.defined_names
        assert wb[layout.SHEETS["tiers"][lang]]["C1"].value == "=live_status"


def test_every_function_is_one_every_target_has():
    """The formulas call Excel 2007's functions (LibreOffice's, Google Sheets') and PERCENTILE.INC
    (Excel 2010), written with its _xlfn. prefix, as the file format asks; nothing else."""
    frame = HAND.copy()
    frame["previous_tier"] = ["A", *[None] * 10]
    frame["previous_margin"] = [None, 100.0, *[None] * 9]
    _, out = template.make_book("en", frame, live=True)
    p = live.Places("en", len(frame), tuple(layout.table_keys(True)), (False, True, *[False] * 9))
    used: set[str] = set()
    for f in live.written(p, out, {"customers": "C", "live": "L", "tiers": "T", "review": "R"}).values():
        code = "".join(re.split(r'("(?:[^"]|"")*")', str(f))[::2])  # strings aside
        used |= set(re.findall(r"([A-Za-z_][A-Za-z0-9_.]*)\(", code))
        assert "PERCENTILE.INC" not in code.replace("_xlfn.PERCENTILE.INC", "")
    assert used - {"_xlfn.PERCENTILE.INC"} <= live.FUNCTIONS
    assert {"_xlfn." + f for f in live.EXCEL_2010} <= used


def test_the_ribbons_refresh_of_a_live_book_says_it_computes_itself():
    """Through xlwings' own dispatch (the ribbon's and Lite's Refresh): a live book is refused with
    a message and not one action, and so through openpyxl."""
    import io

    from officejs import book_payload, run_script

    from client_roi.excel import scripts
    from client_roi.workbook.openpyxl_book import OpenpyxlBook
    from client_roi.workbook.refresh import RefreshError, refresh

    zb, _ = template.make_book("en", HAND, live=True)
    wb = openpyxl.load_workbook(io.BytesIO(zb.to_bytes()))
    with pytest.raises(RefreshError, match=r"^this live book computes itself as you type"):
        run_script(scripts, "refresh", book_payload(wb))
    with pytest.raises(RefreshError, match=r"^this live book computes itself as you type"):
        refresh(OpenpyxlBook(wb))


def test_invoice_lines_in_french_make_a_live_book_with_its_movement(tmp_path, need_libreoffice):
    """The README's invoice lines, filled --live in French: both periods tiered, who moved and
    the mobility matrix, all formulas, recalculated by LibreOffice as the method computes them."""
    from client_roi.cli import main
    from client_roi.workbook.zipbook import ZipBook

    book = tmp_path / "lignes.xlsx"
    lines = Path(__file__).parents[1] / "examples" / "lignes_factures.csv"
    assert main(["fill", "--transactions", str(lines), "--lang", "fr", "--live", "-o", str(book)]) == 0
    out = ZipBook.from_path(book).refresh()  # the method's cells for this very book
    assert len(out.mobility) > 2  # previous tiers: a matrix
    (done,) = recalculated_all([book], tmp_path)
    assert differences(out, done, "fr") == []


def test_fill_says_when_a_live_book_is_too_big_to_be_quick(tmp_path, capsys, monkeypatch):
    """Its plan and lists compare every prospect with every other (RANK, MATCH): past
    LIVE_ADVISED customers, fill --live says to use the Python workbook (and writes the book)."""
    from client_roi import commands
    from client_roi.cli import main

    monkeypatch.setattr(commands, "LIVE_ADVISED", 5)
    src = tmp_path / "c.csv"
    HAND.to_csv(src, index=False)
    assert main(["fill", str(src), "--live", "-o", str(tmp_path / "l.xlsx")]) == 0
    assert "a live book of 11 customers recalculates slowly" in capsys.readouterr().out
    assert main(["fill", str(src), "-o", str(tmp_path / "p.xlsx")]) == 0
    assert "recalculates slowly" not in capsys.readouterr().out
