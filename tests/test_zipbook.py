"""The fast file adapter against the openpyxl one, on books as users bring them back: saved by
LibreOffice (shared strings, its own styles, cells it writes its way), edited (a formula as an
input, a column of the user's own, more customers), with macros. Both adapters must leave the
same cells; the fast one's output validates against the schemas."""

from __future__ import annotations

import math
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from libreoffice import recalculated
from ooxml import findings
from zips import rezip

from client_roi import cli, files
from client_roi.files import xlsx
from client_roi.workbook import layout, template
from client_roi.workbook.sheet_patch import NotPatchable, Rect, cell_xml, patch_sheet
from client_roi.workbook.zipbook import ZipBook


def _cells(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {
        (ws.title, c.coordinate): c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    }


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-15, abs_tol=0)  # openpyxl writes 15-16 digits
    return a == b


def _refresh_both(book: Path, tmp: Path) -> tuple[Path, Path]:
    fast, slow = tmp / "fast.xlsx", tmp / "slow.xlsx"
    assert cli.main(["refresh", str(book), "-o", str(fast)]) == 0
    wb = files.load_workbook(book)
    template.refresh_workbook(wb, files.CachedValues.from_path(book))
    files.save(wb, slow)
    return fast, slow


def _user_edits(path: Path) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEETS["customers"]["en"]]
    ws["D2"] = "=4000+424"  # a formula as an input
    ws["P1"], ws["P2"] = "Notes", "call back in May"  # a column of the user's own, outside the table
    wb.save(path)


@pytest.mark.parametrize("edited", [False, True], ids=["as saved by LibreOffice", "edited, then saved by LibreOffice"])
def test_fast_and_openpyxl_refresh_leave_the_same_cells(edited, tmp_path, need_libreoffice):
    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    if edited:
        _user_edits(demo)
    book = recalculated(demo, tmp_path)  # shared strings, LibreOffice's styles
    fast, slow = _refresh_both(book, tmp_path)
    a, b = _cells(fast), _cells(slow)
    assert a.keys() == b.keys()
    different = [k for k in a if not _same(a[k], b[k])]
    assert different == []
    assert findings(fast, filled=False) == []
    if edited:
        assert a[(layout.SHEETS["customers"]["en"], "P2")] == "call back in May"


def test_fast_refresh_keeps_every_part_it_does_not_write(tmp_path):
    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    book = ZipBook.from_path(demo)
    before = dict(book.parts)
    book.refresh()
    book.to_bytes()
    changed = {name for name in before if book.parts[name] != before[name]}
    sheets = {book.sheet_parts[layout.SHEETS[k]["en"]] for k in ("customers", "tiers", "review")}
    assert changed <= sheets | {n for n in before if n.startswith("xl/charts/")}


def test_cells_follow_the_grammar():
    from client_roi.workbook.blocks import ExcelError

    assert cell_xml("A1", None, None) == ""
    assert cell_xml("A1", None, 3) == cell_xml("A1", "", 3) == '<c r="A1" s="3"/>'
    assert (
        cell_xml("B2", " a&b<c> ", None)
        == '<c r="B2" t="inlineStr"><is><t xml:space="preserve"> a&amp;b&lt;c&gt; </t></is></c>'
    )
    assert cell_xml("C3", ExcelError("#DIV/0!"), 2) == '<c r="C3" s="2" t="e"><v>#DIV/0!</v></c>'
    assert cell_xml("D4", 0.1 + 0.2, None) == '<c r="D4"><v>0.30000000000000004</v></c>'  # every bit
    assert cell_xml("E5", "=1+2", None).count("inlineStr") == 1  # text, not a formula


def test_prefixed_sheet_xml_falls_back_to_openpyxl(tmp_path, capsys):
    """A sheet whose sheetData carries a namespace prefix (valid XML the patch does not rewrite)
    is refreshed through openpyxl by the command line: the same cells as the fast path."""
    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    book = ZipBook.from_path(demo)
    part = book.sheet_parts[layout.SHEETS["customers"]["en"]]
    with pytest.raises(NotPatchable):
        patch_sheet(
            book.parts[part].replace(b"<sheetData>", b"<x:sheetData>").replace(b"</sheetData>", b"</x:sheetData>"), []
        )
    main = b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    prefixed = rezip(
        demo,
        tmp_path / "prefixed.xlsx",
        {
            part: lambda data: data.replace(b"<sheetData>", b"<x:sheetData " + main + b">").replace(
                b"</sheetData>", b"</x:sheetData>"
            )
        },
    )
    shutil.copy(demo, tmp_path / "again.xlsx")
    assert cli.main(["refresh", str(tmp_path / "again.xlsx"), "-o", str(tmp_path / "fast.xlsx")]) == 0
    assert cli.main(["refresh", str(prefixed), "-o", str(tmp_path / "slow.xlsx")]) == 0
    a, b = _cells(tmp_path / "fast.xlsx"), _cells(tmp_path / "slow.xlsx")
    assert a.keys() == b.keys() and [k for k in a if not _same(a[k], b[k])] == []


EDITS = ["own style", "attribute before r", "out of order", "user cell at the end"]


@pytest.mark.parametrize("edit", EDITS)
@pytest.mark.parametrize("block", ["whole", "a few rows"])
def test_refresh_rewrites_each_written_cell_once_whatever_the_row_looks_like(edit, block, tmp_path, monkeypatch):
    """The column patch finds each row's written cells by reference; rows it cannot read that way
    go to the general patch, from the block they are in. Either way: one cell per reference, a
    cell's own style kept, the user's cells kept, every row's values those of the whole patch."""
    import re

    from client_roi.workbook import sheet_patch

    if block == "a few rows":  # row 5 mid-sheet: blocks before it by the column patch, the rest not
        whole = _values(_refreshed_with(edit, tmp_path / "whole"))
        monkeypatch.setattr(sheet_patch, "BLOCK", 300)
        assert _values(_refreshed_with(edit, tmp_path / "blocks")) == whole
    out = _refreshed_with(edit, tmp_path)
    new_row = re.search(rb'<row r="5".*?</row>', out).group()
    refs = re.findall(rb'<c[^>]*?\sr="([A-Z]+)5"', new_row)
    assert sorted(refs) == sorted(set(refs))  # each cell once
    assert [r for r in refs if len(r) == 1] == sorted(r for r in refs if len(r) == 1)  # in order
    if edit == "own style":
        assert re.search(rb'<c r="K5" s="7"', new_row)
    if edit == "user cell at the end":
        assert b"<t>mine</t>" in new_row and refs[-1] == b"T"


def _values(xml: bytes) -> dict[str, bytes]:
    """Each cell's reference → its element without the reference, blanks left out: the cells
    as any reader sees them, whatever the patch that wrote them."""
    import re

    cells = re.findall(rb'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml)
    return {ref.decode(): attrs.strip() + b"|" + inner for ref, attrs, inner in cells if inner}


def _refreshed_with(edit: str, tmp_path) -> bytes:
    """The customers sheet of the demo, its row 5 edited, after a refresh."""
    import re

    tmp_path.mkdir(exist_ok=True)
    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    book = ZipBook.from_path(demo)
    part = book.sheet_parts[layout.SHEETS["customers"]["en"]]
    xml = book.parts[part]
    row = re.search(rb'<row r="5".*?</row>', xml).group()
    budget = re.search(rb'<c r="K5"[^>]*?(?:/>|>.*?</c>)', row).group()
    tier = re.search(rb'<c r="I5"[^>]*?(?:/>|>.*?</c>)', row).group()
    if edit == "own style":
        changed = row.replace(budget, re.sub(rb' s="\d+"', b' s="7"', budget))
    elif edit == "attribute before r":
        changed = row.replace(budget, re.sub(rb'<c r="K5"( s="\d+")', rb'<c\1 r="K5"', budget))
    elif edit == "out of order":
        changed = row.replace(tier, b"").replace(b"</row>", tier + b"</row>")
    else:
        changed = row.replace(b"</row>", b'<c r="T5" t="inlineStr"><is><t>mine</t></is></c></row>')
    assert changed != row
    book.parts[part] = xml.replace(row, changed)
    book.cached = files.CachedValues.from_bytes(book.name, _zip(book), book.parts)
    book.refresh()
    return ZipBook(book.to_bytes()).parts[part]


def _zip(book: ZipBook) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name in book.order:
            z.writestr(name, book.parts[name])
    return buffer.getvalue()


def test_the_customers_sheet_read_ahead_is_the_sheet_read_when_asked(tmp_path, monkeypatch, capsys):
    """prefetch reads the table's sheet on a thread of its own; grid gives the same rows. Where no
    thread can start (Pyodide) or the hint names no table, the sheet is read when asked for."""
    import threading

    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    sheet = layout.SHEETS["customers"]["en"]
    plain = xlsx.CachedValues.from_path(demo)
    ahead = xlsx.CachedValues.from_path(demo)
    ahead.prefetch(layout.TABLE)
    assert list(ahead._reading) == [sheet]
    assert ahead.grid(sheet) == plain.grid(sheet) and not ahead._reading
    assert ahead.grid(layout.SHEETS["tiers"]["en"]) == plain.grid(layout.SHEETS["tiers"]["en"])

    # pyo3 raises a Rust panic as a BaseException: on the thread it is kept for grid to report,
    # not printed as a traceback
    class PanicException(BaseException):
        pass

    class Panicking:
        def get_sheet_by_name(self, name):
            raise PanicException("index out of bounds")

    panics = xlsx.CachedValues.from_path(demo)
    panics.book = Panicking()
    panics.prefetch(layout.TABLE)
    said = r"demo.xlsx, sheet 'Customers': cannot be read as a workbook \(PanicException: index out of bounds\)"
    with pytest.raises(xlsx.InputFileError, match=said):
        panics.grid(sheet)
    assert "Traceback" not in capsys.readouterr().err

    def no_thread(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_thread)
    for table in (layout.TABLE, "NoSuchTable"):
        later = xlsx.CachedValues.from_path(demo)
        later.prefetch(table)
        assert not later._reading and later.grid(sheet) == plain.grid(sheet)


def test_a_sheet_that_fails_to_read_ahead_is_refused_by_the_refresh_in_one_line(tmp_path, capsys):
    demo, bad = tmp_path / "demo.xlsx", tmp_path / "bad.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    part = ZipBook.from_path(demo).sheet_parts[layout.SHEETS["customers"]["en"]]
    rezip(
        demo,
        bad,
        {
            part: lambda data: data.replace(b"</v>", b"</x>", 1)  # a value element never closed
        },
    )
    assert cli.main(["refresh", str(bad), "-o", str(tmp_path / "out.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("client-roi: bad.xlsx, sheet 'Customers': holds XML that is not well formed")
    assert err.count("\n") == 1 and not (tmp_path / "out.xlsx").exists()


def test_a_fill_written_block_by_block_is_the_same_bytes(tmp_path, monkeypatch):
    """New rows are built and written a block at a time: the blocks do not show in the file."""
    from client_roi.workbook import sheet_patch

    assert cli.main(["demo", "-o", str(tmp_path / "whole.xlsx")]) == 0
    monkeypatch.setattr(sheet_patch, "BLOCK", 300)  # a row or two a block
    assert cli.main(["demo", "-o", str(tmp_path / "blocks.xlsx")]) == 0
    assert (tmp_path / "blocks.xlsx").read_bytes() == (tmp_path / "whole.xlsx").read_bytes()


@given(
    st.sampled_from(["", "<f>A1*2</f><v>4</v>", '<v>#N/A</v>" t="e', "<f/>"]),
    st.lists(st.integers(1, 400), max_size=6),
)
def test_a_big_sheet_looked_through_in_pieces_says_what_the_whole_says(inside, cuts):
    """The piece-by-piece look for formulas and error values (a big sheet is never whole in
    memory while calamine reads it) answers as the look at the whole sheet, wherever the pieces
    are cut; a formula of conditional formatting, after the cells, is none of theirs."""
    error = '" t="e' in inside
    cell = '<c r="B2" t="e"><v>#N/A</v></c>' if error else f'<c r="A2"><v>1</v></c><c r="B2">{inside}</c>'
    xml = (
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        f'<row r="2">{cell}</row></sheetData>'
        '<conditionalFormatting sqref="A1"><cfRule type="expression"><formula>A1&gt;0</formula></cfRule>'
        "</conditionalFormatting></worksheet>"
    ).encode()
    at = sorted({min(c, len(xml)) for c in cuts})
    pieces = [xml[a:b] for a, b in zip([0, *at], [*at, len(xml)], strict=True)]
    may = xlsx._may_have_suspects(pieces)
    assert may == bool(inside)  # a formula or an error value among the cells, else none
    assert may or not xlsx._suspect_cells(xml)  # never "none" where the full parse finds one


def test_a_row_the_patch_cannot_read_midway_leaves_nothing_and_goes_to_openpyxl(tmp_path, monkeypatch, capsys):
    """Blocks of rows are already written when a row without its reference comes (the patch
    streams): the half-written file goes, the book refreshed in place is as it was until the
    openpyxl route writes it whole, with the cells of the fast route."""
    from client_roi.workbook import sheet_patch

    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    part = ZipBook.from_path(demo).sheet_parts[layout.SHEETS["customers"]["en"]]
    odd = rezip(demo, tmp_path / "odd.xlsx", {part: lambda data: data.replace(b'<row r="30">', b"<row>", 1)})
    monkeypatch.setattr(sheet_patch, "BLOCK", 300)  # rows 2 to 29 patched and written first
    book = ZipBook.from_path(odd)
    book.refresh()
    with pytest.raises(NotPatchable):
        book.to_bytes()
    assert cli.main(["refresh", str(odd)]) == 0  # in place: openpyxl's route, written whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.xlsx", "odd.xlsx"]  # no partial file left
    shutil.copy(demo, tmp_path / "again.xlsx")
    assert cli.main(["refresh", str(tmp_path / "again.xlsx")]) == 0
    a, b = _cells(tmp_path / "again.xlsx"), _cells(odd)
    assert a.keys() == b.keys() and [k for k in a if not _same(a[k], b[k])] == []


def test_rows_past_the_last_are_built_column_wise_with_the_cells_of_the_row_rule():
    """A list written past every row of the sheet (longer than before) is built column-wise, a
    block at a time, with the cells the row-by-row rule writes; a block holding a row with no
    value at all goes by that rule (blank cells of a styled column are then elements)."""
    import re

    from client_roi.workbook.sheet_patch import Rect

    xml = (
        b'<worksheet><cols><col min="2" max="2" style="3"/></cols><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>head</t></is></c></row>'
        b'<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>9</v></c></row></sheetData></worksheet>'
    )
    values = [["a & b", 1.5], [None, 2.0], ["z", -0.0]]
    out, _ = patch_sheet(xml, [Rect(2, 2, [[7.0]]), Rect(4, 1, values)])
    assert re.findall(rb'<row r="(\d+)"', out) == [b"1", b"2", b"4", b"5", b"6"]
    expected = {
        "A1": b't="inlineStr"|<is><t>head</t></is>',
        "A2": b"|<v>1</v>",
        "B2": b's="3"|<v>7</v>',
        "C2": b"|<v>9</v>",
        "A4": b't="inlineStr"|<is><t>a &amp; b</t></is>',
        "B4": b's="3"|<v>1.5</v>',
        "B5": b's="3"|<v>2</v>',
        "A6": b't="inlineStr"|<is><t>z</t></is>',
        "B6": b's="3"|<v>-0</v>',
    }
    assert _values(out) == expected
    out, _ = patch_sheet(xml, [Rect(2, 2, [[7.0]]), Rect(4, 1, [*values[:2], [None, None], values[2]])])
    assert _values(out) == {
        **{k: v for k, v in expected.items() if k[1] != "6"},
        "A7": expected["A6"],
        "B7": expected["B6"],
    }


_VALUES = st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.5, 7.0, 1e20]), st.sampled_from(["a", "b & c", " x"]))


@st.composite
def _sheets(draw):
    """A sheet's XML as a refresh finds it: rows (some missing) of cells (some styled), column
    styles, cells of another table to the right; and the writes of a refresh over it."""
    col_styles = draw(st.dictionaries(st.integers(1, 7), st.sampled_from([3, 4]), max_size=3))
    rows = sorted(draw(st.sets(st.integers(1, 12), max_size=10)))
    xml = [b"<worksheet><cols>"]
    xml += [b'<col min="%d" max="%d" style="%d"/>' % (c, c, s) for c, s in sorted(col_styles.items())]
    xml.append(b"</cols><sheetData>")
    for r in rows:
        xml.append(b'<row r="%d">' % r)
        for c in sorted(draw(st.sets(st.integers(1, 7), max_size=6))):
            style = draw(st.sampled_from([b"", b' s="1"', b' s="2"']))
            ref = xlsx.column_letter(c).encode() + b"%d" % r
            xml.append(
                b'<c r="%s"%s><v>%d</v></c>' % (ref, style, c)
                if draw(st.booleans())
                else b'<c r="%s"%s/>' % (ref, style)
            )
        xml.append(b"</row>")
    xml.append(b"</sheetData></worksheet>")
    rects = []
    for _ in range(draw(st.integers(1, 3))):
        row, col = draw(st.integers(1, 14)), draw(st.integers(1, 6))
        n = draw(st.integers(1, 6))
        if draw(st.booleans()):
            rects.append(Rect(row, col, draw(st.lists(_VALUES, min_size=n, max_size=n)), column=True))
        else:
            width = draw(st.integers(1, 3))
            rects.append(Rect(row, col, [draw(st.lists(_VALUES, min_size=width, max_size=width)) for _ in range(n)]))
    return b"".join(xml), rects, draw(st.sampled_from([1, 60, 300, 1 << 20]))


@given(_sheets())
def test_the_patch_by_bands_writes_the_cells_the_row_rule_writes(case):
    """Whatever the writes (columns, blocks, a clear then a write, past the last row) and the rows
    (missing, styled, another table's cells to the right), the patch by bands of columns leaves
    the cells, values and styles, that the general row-by-row patch leaves, each row's cells once
    and in order, the rows in order, whatever the blocks."""
    import re

    from client_roi.workbook import sheet_patch

    xml, rects, block = case
    start, close = xml.index(b"<sheetData>"), xml.index(b"</sheetData>")
    general = b"".join(
        sheet_patch._Patch()._rows(
            xml, start + len(b"<sheetData>"), close, sheet_patch._by_row(rects), sheet_patch._column_styles(xml[:start])
        )
    )
    saved = sheet_patch.BLOCK
    sheet_patch.BLOCK = block
    try:
        patched, _ = patch_sheet(xml, rects)
    finally:
        sheet_patch.BLOCK = saved
    assert _values(patched) == _values(general)
    rows = [int(r) for r in re.findall(rb'<row r="(\d+)"', patched)]
    assert rows == sorted(set(rows))
    for row in re.findall(rb"<row .*?</row>", patched):
        cols = [xlsx.column_index(c.decode()) for c in re.findall(rb'<c r="([A-Z]+)\d+"', row)]
        assert cols == sorted(set(cols))


@pytest.mark.parametrize("where", ["none", "written column", "own column"])
def test_a_big_sheet_found_formula_free_as_it_was_read_is_not_searched_again(where, tmp_path, monkeypatch):
    """A big sheet (every part, here) is looked through as calamine reads it; one found without
    a formula is not searched again for formulas when saved. One with a formula is: a formula
    in a written column is written over (the calculation chain goes), one of the user's is not."""
    import re

    from client_roi.workbook import zipbook

    monkeypatch.setattr(zipbook, "BIG_PART", 0)
    demo = tmp_path / "demo.xlsx"
    assert cli.main(["demo", "-o", str(demo)]) == 0
    sheet = layout.SHEETS["customers"]["en"]
    part = ZipBook.from_path(demo).sheet_parts[sheet]
    formula = b"<f>1+1</f><v>2</v>"

    def edit(data: bytes) -> bytes:
        if where == "written column":  # K: a budget, which the refresh writes
            return re.sub(
                rb'<c r="K5"[^>]*?(?:/>|>.*?</c>)', lambda m: b'<c r="K5">' + formula + b"</c>", data, count=1
            )
        row = re.search(rb'<row r="5".*?</row>', data).group()  # T: the user's own, after the table
        return data.replace(row, row[: -len(b"</row>")] + b'<c r="T5">' + formula + b"</c></row>")

    book_path = rezip(demo, tmp_path / "edited.xlsx", {part: edit}) if where != "none" else demo
    book = ZipBook.from_path(book_path)
    book.refresh()
    book.to_bytes()
    assert (sheet in book.cached.formula_free) == (where == "none")
    assert book.formulas_replaced == (where == "written column")


def test_the_collector_pauses_while_readers_build_rows_and_resumes_after_the_last():
    """calamine's read (on a thread) and another reader overlap: the cycle collector resumes
    when the last of them is done, and stays off if it was off before."""
    import gc
    import threading

    assert gc.isenabled()
    with xlsx.bulk():
        assert not gc.isenabled()

        def reader() -> None:
            with xlsx.bulk():
                assert not gc.isenabled()

        thread = threading.Thread(target=reader)
        thread.start()
        thread.join()
        assert not gc.isenabled()  # the other reader's end does not resume it
    assert gc.isenabled()
    gc.disable()
    try:
        with xlsx.bulk():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_texts_read_from_a_sheet_are_renewed_shared_while_few_and_equal_always():
    """A column's texts become new objects (calamine's go, and their memory with them): one per
    distinct text while there are few, one per cell past that; every value stays equal."""
    from client_roi.workbook.zipbook import _renew_texts

    flags = ["".join(("yes", str(i % 2)))[:3] for i in range(10)] + [None, 1.5]  # ten "yes" objects
    before = list(flags)
    _renew_texts(flags)
    assert flags == before
    assert len({id(v) for v in flags[:10]}) == 1 and all(
        v is not w for v, w in zip(flags[:10], before[:10], strict=True)
    )
    names = [f"customer {i}" for i in range(100)] + [None]
    before = list(names)
    _renew_texts(names, most=8)
    assert names == before
    assert all(v is not w for v, w in zip(names[:100], before[:100], strict=True))


@pytest.mark.parametrize("block", [1, 1 << 20])
def test_a_row_number_twice_goes_by_the_row_rule(block, monkeypatch):
    """A sheet that names a row twice, or its rows out of order (not valid, but a file may): the
    column patch does not take those rows, the row rule writes the first of each, no error."""
    from client_roi.workbook import sheet_patch

    monkeypatch.setattr(sheet_patch, "BLOCK", block)
    rows = [1, 2, 2, 3, 5, 4]
    xml = (
        b"<worksheet><sheetData>"
        + b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in rows)
        + b"</sheetData></worksheet>"
    )
    for first in (1, 2, 4):
        out, _ = patch_sheet(xml, [Rect(first, 1, [5.0] * (6 - first), column=True)])
        assert out.count(b"<v>5</v>") == 6 - first


def test_the_private_attributes_relied_on_still_do_their_work(tmp_path):
    """Issue 36: where no public way exists, the private attribute used is checked here, so that
    a release of Python or openpyxl that changes it fails this test, not a user's book."""
    import io
    import zlib

    from openpyxl import Workbook

    from client_roi.workbook import charts, layout
    from client_roi.workbook.zipbook import FIXED_TIME, LEVEL, deflate_at

    # zipfile: a ZipInfo opened for writing compresses at the level set on it
    data = bytes(range(256)) * 4000
    sizes = {}
    for level in (1, 9):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            entry = zipfile.ZipInfo("x", FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            deflate_at(entry, level)  # what ZipBook.save does
            with z.open(entry, "w") as stream:
                stream.write(data)
        sizes[level] = zipfile.ZipFile(out).getinfo("x").compress_size
    assert sizes[1] == len(zlib.compress(data, 1)) - 6 and sizes[9] == len(zlib.compress(data, 9)) - 6
    assert LEVEL in range(1, 10)
    # openpyxl: the charts of a sheet are its _charts, which draw_charts empties and refills
    wb = Workbook()
    ws = wb.active
    ws.title = layout.SHEETS["tiers"]["en"]
    charts.draw_charts(wb, "en", 3)
    charts.draw_charts(wb, "en", 5)
    assert len(ws._charts) == 3  # the bars, the Pareto curve, the sweep: redrawn, not added to
