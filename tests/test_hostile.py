"""Hostile and broken files (issue 35): each finding of the fuzz campaign, at every door it
reached, is one line on stderr, exit 2, naming the file and what is wrong, nothing written and
the input unchanged; and what stays right stays right. Each test failed on the commit before
its fix (9c5267f); the seeded campaign itself is ``tests/fuzz.py`` (``make fuzz``)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from fuzz import patch_entry
from zips import rezip

from client_roi import cli
from client_roi.files import xlsx

DOORS = (["fill", "{}"], ["refresh", "{}"])
CUSTOMERS = "xl/worksheets/sheet3.xml"  # the demo's Customers sheet (checked below)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.xlsx"
    assert cli.main(["demo", "-o", str(path)]) == 0
    with zipfile.ZipFile(path) as z:
        assert b"<tableParts" in z.read(CUSTOMERS)
    return path


def refused(capfd, tmp_path: Path, args: list[str], src: Path) -> str:
    """Run the command on ``src``; assert it is one line, exit 2, nothing written or left
    behind, the input as it was; return the line."""
    before = hashlib.sha256(src.read_bytes()).digest()
    files = sorted(tmp_path.iterdir())
    capfd.readouterr()
    assert cli.main([a.format(src) for a in args] + ["-o", str(tmp_path / "out.xlsx")]) == 2
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and err.startswith("client-roi: "), err
    assert "unexpected" not in err and "Traceback" not in err and "panicked" not in err
    assert sorted(tmp_path.iterdir()) == files and hashlib.sha256(src.read_bytes()).digest() == before
    return err


def sheet_edit(demo: Path, dst: Path, edit) -> Path:
    return rezip(demo, dst, {CUSTOMERS: edit})


def before_sheet_data_end(extra: bytes):
    return lambda d: d.replace(b"</sheetData>", extra + b"</sheetData>")


# -- item 1: what python-calamine would abort the process on, said first --------------------


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (lambda d: d.replace(b'r="A2"', b'r="ZZZZZZZZ1"', 1), "has a cell at ZZZZZZZZ1, beyond the sheet's last cell"),
        (
            before_sheet_data_end(b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>'),
            "has a row 2,000,000, beyond the sheet's last row",
        ),
        (
            before_sheet_data_end(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
            "spans 1,048,576 rows of 16,384 columns (a cell at XFD1048576), 17,179,869,184 cells: more than can",
        ),
        (before_sheet_data_end(b'<row r="3"><c r="A3"><v>1</v></c></row>'), "has row 3 written after row 201"),
        (lambda d: d[: d.rindex(b"</worksheet>")], "is cut short (its XML stops before </worksheet>)"),
    ],
    ids=["ZZZZZZZZ1", "row-beyond", "XFD1048576", "rows-backwards", "cut-short"],
)
def test_what_calamine_would_abort_on_is_one_line(tmp_path, capfd, demo, door, edit, said):
    bad = sheet_edit(demo, tmp_path / "bad.xlsx", edit)
    assert f"bad.xlsx: sheet 'Customers' {said}" in refused(capfd, tmp_path, door, bad)


def test_invoice_lines_in_a_workbook_are_looked_through_too(tmp_path, capfd):
    import openpyxl

    path = tmp_path / "lines.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Customer", "Date", "Amount"])
    wb.active.append(["A", "2025-01-02", 10])
    wb.save(path)
    bad = rezip(
        path, tmp_path / "bad.xlsx", {"xl/worksheets/sheet1.xml": lambda d: d.replace(b'r="C2"', b'r="ZZZZZZZZ2"')}
    )
    path.unlink()
    err = refused(capfd, tmp_path, ["fill", "--transactions", "{}"], bad)
    assert "bad.xlsx: sheet 'Sheet' has a cell at ZZZZZZZZ2" in err


def test_a_cell_at_the_last_row_within_the_grid_is_read(tmp_path, capfd, demo):
    """Within the grid and the reader's means, a far cell is no fault: A1048576 is read."""
    ok = sheet_edit(
        demo, tmp_path / "ok.xlsx", before_sheet_data_end(b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>')
    )
    assert cli.main(["refresh", str(ok), "-o", str(tmp_path / "o.xlsx")]) == 0


@pytest.mark.parametrize("pieces", [1, 3, 50, 997])
def test_the_look_is_the_same_wherever_the_pieces_are_cut(pieces):
    xml = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="AB1"><v>2</v></c></row>'
        b'<row r="7"><c r="B7" t="inlineStr"><is><t>x</t></is></c><c r="C123"><v>1</v></c></row>'
        b'<row r="8"><c r="A8"><v>1</v></c></row></sheetData></worksheet>'
    )
    step = max(1, len(xml) // pieces)
    look = xlsx.Look(xml[i : i + step] for i in range(0, len(xml), step))
    # C123 has more digits than any row before it: found, though neither first nor last
    assert (look.highest, look.columns, look.whole) == ((123, "C123"), 28, True)
    assert look.rows == 999 and look.cells == 999 * 28 and look.refusal("b.xlsx", "S") is None


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("ref", [b"XFD1048576", b"B99999999999", b"B999999"])
def test_a_far_cell_in_the_middle_of_the_sheet_is_found(tmp_path, capfd, demo, door, ref):
    """Found by the campaign: calamine spans every cell's row, not the first's and the last's;
    a far cell among the others (here in place of A5) aborted the process."""
    bad = sheet_edit(demo, tmp_path / "bad.xlsx", lambda d: d.replace(b'r="A5"', b'r="' + ref + b'"', 1))
    wide = sheet_edit(bad, tmp_path / "wide.xlsx", lambda d: d.replace(b'r="A6"', b'r="XFD6"', 1))
    bad.unlink()
    err = refused(capfd, tmp_path, door, wide)
    assert "wide.xlsx: sheet 'Customers' " in err
    assert ("beyond the sheet's last cell" in err) if ref == b"B99999999999" else ("more than can be read" in err)


def test_a_wide_sheet_is_read_exactly_where_the_bound_is_not_enough():
    """100 columns by 300,000 rows is 30M cells, under the cap; the bound on unseen rows
    (999,999 x 100) is not: every reference is then read."""
    row = "".join(f'<c r="{xlsx.column_letter(c)}%d"><v>1</v></c>' for c in range(1, 101))
    xml = "<worksheet><sheetData>" + "".join(
        f'<row r="{r}">' + row % ((r,) * 100) + "</row>" for r in range(1, 300_001, 1000)
    )
    xml += '<row r="300000">' + row % ((300_000,) * 100) + "</row></sheetData></worksheet>"
    look = xlsx.Look([xml.encode()])
    assert look.uncertain and look.cells == 999_999 * 100
    look.exactly([xml.encode()])
    assert look.rows == 300_000 and look.refusal("b.xlsx", "S") is None


# -- item 3: every damaged zip or XML said as what it is ------------------------------------


def _patch_entry(path: Path, name: str, **lies) -> Path:
    """``path`` with the local and central headers of entry ``name`` lying (the campaign's
    :func:`fuzz.patch_entry`: encrypted, a wrong checksum, another size)."""
    path.write_bytes(patch_entry(path.read_bytes(), name, **lies))
    return path


ENTITY = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'


def _entity(data: bytes) -> bytes:
    return ENTITY + data[data.index(b"?>") + 2 :] if data.startswith(b"<?xml") else ENTITY + data


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("make", "said"),
    [
        (
            lambda demo, p: _patch_entry(rezip(demo, p, {}), CUSTOMERS, flag=True),
            f"the part '{CUSTOMERS}' is encrypted, which no workbook's part is",
        ),
        (
            lambda demo, p: _patch_entry(rezip(demo, p, {}), CUSTOMERS, crc=True),
            f"the part '{CUSTOMERS}' is damaged (its contents do not match their checksum)",
        ),
        (
            lambda demo, p: rezip(demo, p, {"xl/workbook.xml": _entity}),
            "the part 'xl/workbook.xml' declares XML entities or a document type, which are refused",
        ),
        (
            lambda demo, p: rezip(demo, p, {"xl/_rels/workbook.xml.rels": _entity}),
            "the part 'xl/_rels/workbook.xml.rels' declares XML entities",
        ),
        (
            lambda demo, p: rezip(demo, p, {"xl/tables/table1.xml": _entity}),
            "the part 'xl/tables/table1.xml' declares XML entities",
        ),
        (
            lambda demo, p: rezip(demo, p, {"xl/workbook.xml": lambda d: d[:-20]}),
            "the part 'xl/workbook.xml' holds XML that is not well formed (unclosed token",
        ),
    ],
    ids=["encrypted-flag", "bad-crc", "entity-workbook", "entity-rels", "entity-table", "unclosed-workbook"],
)
def test_a_damaged_zip_or_part_is_said_as_such(tmp_path, capfd, demo, door, make, said):
    bad = make(demo, tmp_path / "bad.xlsx")
    assert f"bad.xlsx: {said}" in refused(capfd, tmp_path, door, bad)


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("part", "said"),
    [
        ("xl/tables/table1.xml", "has no part 'xl/tables/table1.xml', which it refers to: the file is damaged"),
        ("xl/workbook.xml", "has no part 'xl/workbook.xml': a zip archive, but no Excel workbook"),
    ],
)
def test_a_missing_part_is_said_by_its_name(tmp_path, capfd, demo, door, part, said):
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(demo) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            if item.filename != part:
                out.writestr(item, src.read(item))
    assert said in refused(capfd, tmp_path, door, bad)


def test_a_password_protected_book_is_said_as_such(tmp_path, capfd):
    bad = tmp_path / "locked.xlsx"  # what Excel writes for one: a compound file, no zip
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert "is a password-protected workbook or an old .xls" in refused(capfd, tmp_path, ["fill", "{}"], bad)


# -- item 5: limits before work; every column rule linear ----------------------------------


def test_columns_beyond_a_sheets_are_refused_up_front(tmp_path, capfd):
    path = tmp_path / "wide.csv"
    head = "Customer,Should pay,Has paid,Gross margin," + ",".join(f"c{i}" for i in range(17_000))
    path.write_text(head + "\nA,yes,yes,100," + ",".join(["1"] * 17_000) + "\n")
    assert "has 17,004 columns, more than a sheet holds (16,384)" in refused(capfd, tmp_path, ["fill", "{}"], path)


def test_many_columns_of_one_name_are_kept_each_once(tmp_path):
    """1,500 columns named x ran past 60 s (a set of names rebuilt per column, per rename); the
    thousands of columns then written one by one were looked through per read and per write.
    Now each column costs the same: the names are given by hand-checkable rule."""
    from client_roi.files.rules import _extra_columns

    header = ["Customer", *(["x"] * 1500), "X", "x 2"]
    names = _extra_columns(header, {"customer": 0})
    assert names[1] == "x" and names[2] == "x 2" and names[1500] == "x 1500"
    assert names[1501] == "X 1501" and names[1502] == "x 2 2"  # a name taken already gets a number too
    assert len(set(map(str.casefold, names.values()))) == len(names)
    path = tmp_path / "wide.csv"
    path.write_text(
        "Customer,Should pay,Has paid,Gross margin,"
        + ",".join(["x"] * 1500)
        + "\nA,yes,yes,100,"
        + ",".join(["1"] * 1500)
        + "\n"
    )
    assert cli.main(["fill", str(path), "-o", str(tmp_path / "o.xlsx")]) == 0


# -- item 6: the zip-bomb check counts what is inflated, not what the zip declares -----------


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("part", [CUSTOMERS, "xl/sharedStrings.xml"])
def test_a_part_bigger_than_its_zip_says_is_refused_before_it_is_read(tmp_path, capfd, demo, door, part):
    """A part declared at 1,000 bytes that inflates to 60 MB (a lying zip: the bytes, not the
    declaration, are counted; Python's zipfile stops at the declared size and finds the
    checksum wrong). The shared strings, which calamine reads when it opens the book, too."""
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(202, 600_000))
    big = tmp_path / "big.xlsx"
    if part == CUSTOMERS:
        sheet_edit(demo, big, before_sheet_data_end(rows))
    else:
        sst = (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + rows.replace(b"row", b"si")
            + b"</sst>"
        )
        rezip(
            demo,
            big,
            {
                "xl/_rels/workbook.xml.rels": lambda d: d.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            },
            added={part: sst},
        )
    _patch_entry(big, part, size=1000)
    assert f"the part '{part}' is damaged (its contents do not match their checksum)" in refused(
        capfd, tmp_path, door, big
    )


# -- items 7, 8, 9: no infinity ever written; refused by the input that would cause it --------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Customer,Should pay,Has paid,Gross margin,Days spent\nA,yes,yes,100,\nB,yes,yes,200,\nP,yes,no,,1e308\n",
            "row 4 (customer 3), column 'Days spent': is 1e+308, beyond ±1e15 (Excel's 15 digits)",
        ),
        (
            "Customer,Should pay,Has paid,Gross margin\nA,yes,yes,1e308\nB,yes,yes,200\n",
            "row 2 (customer 1), column 'Gross margin': is 1e+308, beyond ±1e15",
        ),
        (
            "Customer,Should pay,Has paid,Gross margin,Acquisition cost\nA,yes,yes,100,1e-300\nB,yes,yes,300,1e-310\n",
            "row 3 (customer 2), column 'Acquisition cost': is 1e-310: a gain over it passes the double range",
        ),
    ],
    ids=["days-spent", "gross-margin", "tiny-cost"],
)
def test_a_number_that_would_overflow_is_refused_by_its_row(tmp_path, capfd, text, said):
    path = tmp_path / "c.csv"
    path.write_text(text)
    assert said in refused(capfd, tmp_path, ["fill", "{}", "--cac", "1000"], path)


def test_the_smallest_prospecting_days_is_said(tmp_path, capfd):
    path = tmp_path / "c.csv"
    path.write_text("Customer,Should pay,Has paid,Gross margin\nA,yes,yes,100\nB,yes,yes,200\n")
    err = refused(capfd, tmp_path, ["fill", "{}", "--cac", "1000", "--prospecting-days=1e-320"], path)
    assert "--prospecting-days: prospecting_days must be in [0.1, inf)" in err


@pytest.mark.parametrize("value", [b"1e308", b"inf", b"-1E+300"])
def test_a_refresh_refuses_a_book_whose_input_cell_is_out_of_range(tmp_path, capfd, demo, value):
    """A gross margin cell holding 1e308 or inf (no spreadsheet shows it; a program can write
    it) was refreshed into <v>inf</v> cells, which openpyxl cannot even load."""
    cell = b'<c r="D2" s="14"><v>4424</v></c>'
    with zipfile.ZipFile(demo) as z:
        assert cell in z.read(CUSTOMERS), "the demo's first gross margin moved"
    bad = sheet_edit(demo, tmp_path / "bad.xlsx", lambda d: d.replace(cell, cell.replace(b"4424", value)))
    err = refused(capfd, tmp_path, ["refresh", "{}"], bad)
    assert err.startswith("client-roi: Customers!D2 (column 'Gross margin', customer row 1): is "), err
    assert "beyond ±1e15" in err or "infinite" in err


# -- item 4: no warning from a successful run -----------------------------------------------


def test_a_denormal_cost_prints_no_warning(tmp_path, capfd):
    """Found by the campaign (options-174): --cac=1e-320 gave prospects budgets of a denormal's
    days, and the overrun's ratio printed numpy's 'overflow encountered in scalar divide' on
    stderr after a successful run. The ratio is now a Python float's (inf: no ratio)."""
    import warnings

    path = tmp_path / "c.csv"
    path.write_text(
        "Customer,Should pay,Has paid,Gross margin,Expected margin,Days spent\n"
        "A,yes,yes,100,,\nB,yes,yes,200,,\nP,yes,no,,150,3\n"
    )
    capfd.readouterr()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert cli.main(["fill", str(path), "--cac=1e-320", "-o", str(tmp_path / "o.xlsx")]) == 0
    assert not caught and capfd.readouterr().err == ""
