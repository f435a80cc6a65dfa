"""What a refresh leaves stale, by hand: the references of formulas, the closure over formulas,
the cached results dropped byte-exactly, and calcPr's fullCalcOnLoad."""

from __future__ import annotations

import pytest

from client_roi.workbook.recalc import EVERYTHING, Book, Ref, TableInfo, drop_results, full_calc_on_load, stale_formulas

COLUMNS = ("Customer", "Gross margin", "Tier", "Coût d'acquisition")
BOOK = Book(
    {"Customers": TableInfo("Customers", (1, 1, 41, 4), COLUMNS)},
    {"out_bands": "Tiers!$A$11", "cac": "'Parameters'!$B$13", "spill": 'INDIRECT("A1")', "rel": "Customers!A1"},
)


def box(ref):
    return None if ref is EVERYTHING else sorted((r.sheet, r.box) for r in ref)


@pytest.mark.parametrize(
    "formula, expected",
    [
        ('COUNTIF(Customers[Tier],"A")', [("Customers", (1, 3, 41, 3))]),
        ("Customers[[#This Row],[Gross margin]]*2", [("Customers", (1, 2, 41, 2))]),
        ("SUM(Customers[[Gross margin]:[Tier]])", [("Customers", (1, 2, 41, 3))]),
        ("Customers[Coût d''acquisition]", [("Customers", (1, 4, 41, 4))]),
        ("Customers[#All]", [("Customers", (1, 1, 41, 4))]),
        ("Customers[Unknown]", [("Customers", (1, 1, 41, 4))]),  # a column not placed: all of it
        ("COUNTA(Customers)", [("Customers", (1, 1, 41, 4))]),
        ("'Plan by month'!$B$12:$B$20", [("Plan by month", (12, 2, 20, 2))]),
        ("SUM(Tiers!B12:B14)+cac", [("Parameters", (13, 2, 13, 2)), ("Tiers", (12, 2, 14, 2))]),
        ("out_bands", [("Tiers", (11, 1, 11, 1))]),
        ("SUM(A:B)", [("Dash", (1, 1, 1_048_576, 2))]),
        ("SUM(3:4)", [("Dash", (3, 1, 4, 16_384))]),
        ("LOG10(A1)+$B$2", [("Dash", (1, 1, 1, 1)), ("Dash", (2, 2, 2, 2))]),  # LOG10( is a function
        ('IF(D2="","A1:Z9",D2)', [("Dash", (2, 4, 2, 4)), ("Dash", (2, 4, 2, 4))]),  # text is no reference
        ("[1]Tiers!A1+1", []),  # another book
        ("SUM(Sheet1:Sheet3!A1)", None),
        ('INDIRECT("B2")', None),
        ("OFFSET(A1,1,1)", None),
        ("_xlfn.INDIRECT(B1)", None),
        ("spill", None),
        ("rel", None),
    ],
)
def test_references(formula, expected):
    assert box(BOOK.references(formula, "Dash")) == (None if expected is None else sorted(expected))


def sheet(cells: str) -> bytes:
    return (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + cells.encode()
        + b"</sheetData></worksheet>"
    )


def test_stale_formulas_follow_formulas_through_sheets_and_shared_copies():
    tiers = sheet('<row r="12"><c r="D12"><v>3</v></c><c r="P12"><f>D12*10</f><v>30</v></c></row>')
    dash = sheet(
        '<row r="1"><c r="B1"><f>Tiers!P12</f><v>30</v></c><c r="C1"><f>B1+1</f><v>31</v></c>'
        '<c r="D1"><f>Customers!A1</f><v>1</v></c></row>'
        '<row r="2"><c r="E2"><f t="shared" ref="E2:E4" si="0">Tiers!D10</f><v>0</v></c></row>'
        '<row r="3"><c r="E3"><f t="shared" si="0"/><v>0</v></c></row>'
        '<row r="4"><c r="E4"><f t="shared" si="0"/><v>0</v></c></row>'
    )
    written = {"Tiers": [(12, 4, 12, 4)]}  # D12 written; the shared copies reach D10..D12
    assert stale_formulas(BOOK, {"Tiers": tiers, "Dash": dash}, written) == {
        "Tiers": {"P12"},
        "Dash": {"B1", "C1", "E2", "E3", "E4"},
    }
    assert stale_formulas(BOOK, {"Tiers": tiers, "Dash": dash}, {"Tiers": [(30, 1, 30, 1)]}) == {}


def test_drop_results_keeps_every_other_byte():
    xml = sheet(
        '<row r="1" spans="1:3"><c r="A1" s="2" t="str"><f>B1&amp;"x"</f><v>ax</v></c>'
        '<c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><f>""</f><v/></c>'
        '<c r="D1"><f>1+1</f><v>2</v></c></row>'
    )
    out = drop_results(xml, {"A1", "C1"})
    assert out == sheet(
        '<row r="1" spans="1:3"><c r="A1" s="2"><f>B1&amp;"x"</f></c>'
        '<c r="B1" t="s"><v>0</v></c><c r="C1"><f>""</f></c>'
        '<c r="D1"><f>1+1</f><v>2</v></c></row>'
    )
    assert drop_results(xml, set()) is xml


@pytest.mark.parametrize(
    "before, after",
    [
        (
            b'<sheets/><calcPr calcId="191029"/></workbook>',
            b'<sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
        ),
        (b'<calcPr calcId="191029" fullCalcOnLoad="0"/>', b'<calcPr calcId="191029" fullCalcOnLoad="1"/>'),
        (b'<calcPr calcId="1" fullCalcOnLoad="1"/>', b'<calcPr calcId="1" fullCalcOnLoad="1"/>'),
        (b'<calcPr calcId="1"></calcPr>', b'<calcPr calcId="1" fullCalcOnLoad="1"></calcPr>'),
        (
            b"<sheets/><definedNames/><extLst/></workbook>",
            b'<sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>',
        ),
        (b"<sheets/></workbook>", b'<sheets/><calcPr fullCalcOnLoad="1"/></workbook>'),
    ],
)
def test_full_calc_on_load(before, after):
    assert full_calc_on_load(before) == after


def test_a_refs_rectangle_is_normalised():
    assert Book({}, {}).references("B5:A1", "S") == [Ref("S", (1, 1, 5, 2), (True, True), (True, True))]


def test_an_escaped_bracket_in_a_column_name_does_not_end_the_reference():
    book = Book({"T": TableInfo("S", (1, 1, 9, 2), ("a]b", "c"))}, {})
    assert box(book.references("SUM(T[a']b])+C7", "S")) == sorted([("S", (1, 1, 9, 1)), ("S", (7, 3, 7, 3))])


def test_a_formula_written_over_is_not_stale_but_what_reads_it_is():
    xml = sheet('<row r="2"><c r="I2"><f>D2*2</f><v>4</v></c><c r="J2"><f>I2&amp;"!"</f><v>4!</v></c></row>')
    assert stale_formulas(BOOK, {"Customers": xml}, {"Customers": [(2, 9, 3, 9)]}) == {"Customers": {"J2"}}
