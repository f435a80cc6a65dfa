"""Rows of a sheet's XML rewritten with the cells a refresh writes, every other byte kept.

The sheet patch follows the SpreadsheetML grammar (ISO/IEC 29500 §18.3.1): ``sheetData`` holds
``row`` elements in ascending ``r``; a row holds ``c`` elements in ascending column, each with
its reference ``r``, an optional style ``s`` and type ``t``, and a ``v`` (number, error) or an
inline string ``is/t``. A written cell keeps the style of the cell it replaces, else takes its
column's default style (``cols/col/@style``). A file whose sheet XML uses a namespace prefix or
leaves ``r`` out is not patched (:class:`NotPatchable`); the caller uses openpyxl instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import chain, pairwise, repeat
from typing import Any

from ..files.xlsx import column_index, column_letter
from ..messages import tr
from .cells import Rect, cell_xml, number_text
from .refresh import RefreshError

_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_ROW_NUMBER = re.compile(rb'^<row\b[^>]*?\sr="(\d+)"')
_STYLE = re.compile(rb'\ss="(\d+)"')
_SPANS = re.compile(rb'\sspans="[^"]*"')
_ROW_AT = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


class NotPatchable(Exception):
    """A workbook whose XML this adapter does not rewrite; refresh it with openpyxl instead."""


def _bands(rects: list[Rect]) -> list[tuple[int, int, dict[int, list]]]:
    """The writes as bands of rows, ascending and disjoint: (first row, last row, column → the
    values of those rows), in each band the same columns written on every row, later writes over
    earlier ones. A rect written over whole (a list cleared, then written as long) is left out;
    rows no rect writes are in no band. A column rect that is a band's whole column is its list,
    not a copy."""
    live = _live(rects)
    cuts = sorted({r.row for r in live} | {r.last_row + 1 for r in live})
    bands = []
    for first, past in pairwise(cuts):
        columns: dict[int, list] = {}
        for r in live:
            if r.row <= first and past - 1 <= r.last_row:  # a cut at each end of it: none straddles
                lo, hi = first - r.row, past - r.row
                if r.column:
                    columns[r.col] = r.values if hi - lo == len(r.values) else r.values[lo:hi]
                else:
                    lines = r.values[lo:hi]
                    for j in range(r.width):
                        columns[r.col + j] = [line[j] for line in lines]
        if columns:
            bands.append((first, past - 1, columns))
    return bands


def _row_start(xml: bytes, at: int, end: int, row: int, existing: int) -> int:
    """Where the first row numbered ``row`` or more starts between ``at`` and ``end`` (rows
    ascend; ``existing``: the last one's number); ``end`` if none does."""
    if row > existing:
        return end
    found = xml.find(b'<row r="%d"' % row, at, end)
    if found >= 0:
        return found
    for m in re.compile(rb"<row\b").finditer(xml, at, end):
        number = _ROW_AT.match(xml, m.start())
        if number is None:
            raise NotPatchable("a row without its r attribute")
        if int(number.group(1)) >= row:
            return m.start()
    return end


def _last_row(xml: bytes, at: int, end: int) -> int:
    """The number of the sheetData's last row (rows ascend: the largest); 0 if it has none."""
    found = xml.rfind(b"<row", at, end)
    if found < 0:
        return 0
    last = _ROW_AT.match(xml, found)
    if last is None:
        raise NotPatchable("a row without its r attribute")
    return int(last.group(1))


def _rows_a_block(columns: int) -> int:
    """New rows a block, of so many columns: about BLOCK bytes of cells."""
    return max(1, BLOCK // (40 * columns + 20))


def _rows_bytes(
    heads: list[bytes],
    numbers: list[bytes],
    columns: dict[int, list],
    styles: dict[int, int],
    own: dict[int, list[int | None]] | None = None,
    ends: list[bytes] | None = None,
) -> bytes:
    """Row after row: its head (what it keeps, or its opening tag), the cells of ``columns``
    (column → values) in column order, its end (``ends``: what it keeps after them, and
    ``</row>``). ``own``: column → each row's style, for a column some of whose cells keep a
    style of their own. Bytes throughout: the kept heads are never decoded, the cells encoded
    once per distinct value."""
    cells = [_column_cells(c, numbers, columns[c], styles.get(c), (own or {}).get(c)) for c in sorted(columns)]
    if ends is None:
        return b"".join(chain.from_iterable(zip(heads, *cells, repeat(b"</row>"))))
    return b"".join(chain.from_iterable(zip(heads, *cells, ends, strict=True)))


def _new_rows(rows: Sequence[int], columns: dict[int, list], styles: dict[int, int]) -> bytes:
    """Rows that are not in the sheet yet, built column-wise: ``columns``, column → the values
    of ``rows``, in order."""
    numbers = [b"%d" % r for r in rows]
    return _rows_bytes([b'<row r="%s">' % n for n in numbers], numbers, columns, styles)


def _column_cells(
    col: int, numbers: list[bytes], values: list, style: int | None, own: list[int | None] | None = None
) -> list[bytes]:
    """The ``c`` elements of one column, row by row (b'' for no element); floats and plain text
    inline. ``numbers``: the rows' numbers as text. ``own``: each row's style, when some cells
    keep one of their own (the cells they replace had it): the row rule then, blanks with a
    style included."""
    letters = column_letters(col)
    if not set(map(type, values)) <= {float, str, type(None)}:  # the rare rest, by the general rule
        return [
            cell_xml(f"{letters}{n.decode()}", v, own[i] if own else style).encode()
            for i, (n, v) in enumerate(zip(numbers, values, strict=True))
        ]
    # Computed columns repeat their values: each distinct value's element is written once, and
    # each cell is its reference and that text. A blank is no element: a cell that is not there
    # takes its column's style, as XlsxWriter and Excel leave it. Zeros (0.0 and -0.0 are equal
    # keys but not the same text) go by the general rule.
    head = f'<c r="{letters}'.encode()
    if own is not None:  # keyed by (style, value): a blank of a style is an element, as by the row rule
        owned: dict[Any, bytes] = {}
        for key in set(zip(own, values, strict=True)):
            if not (type(key[1]) is float and not key[1]):
                owned[key] = cell_xml("", key[1], key[0])[6:].encode()  # b"" for no element
        find = owned.get
        return [
            (head + n + t if t else t)
            if (t := find((st, v))) is not None
            else cell_xml(f"{letters}{n.decode()}", v, st).encode()
            for n, st, v in zip(numbers, own, values, strict=True)
        ]
    s = f' s="{style}"' if style else ""
    tails: dict[Any, bytes] = {}
    for v in set(values):
        if type(v) is float:
            if v:
                tails[v] = f'"{s}><v>{number_text(v)}</v></c>'.encode()
        elif v is not None and v:
            tails[v] = cell_xml("", v, style)[6:].encode()
    get = tails.get
    return [
        head + n + t
        if (t := get(v)) is not None
        else b""
        if v is None
        else cell_xml(f"{letters}{n.decode()}", v, style).encode()
        for n, v in zip(numbers, values, strict=True)
    ]


def _by_row(rects: list[Rect]) -> dict[int, dict[int, Any]]:
    """Row → column → value, later writes over earlier ones."""
    rows: dict[int, dict[int, Any]] = {}
    for i, rect in enumerate(rects):
        if any(_covers(later, rect) for later in rects[i + 1 :]):
            continue  # written over whole (a list cleared, then written as long): nothing of it stays
        if rect.column:
            for r, v in enumerate(rect.values, start=rect.row):
                rows.setdefault(r, {})[rect.col] = v
            continue
        for i, line in enumerate(rect.values):
            cells = rows.setdefault(rect.row + i, {})
            for j, v in enumerate(line):
                cells[rect.col + j] = v
    return rows


def _live(rects: list[Rect]) -> list[Rect]:
    """The rects no later one covers whole, in order. A later rect can cover one only if it
    holds its first column: the later rects are looked up by column, not all of them for each
    (thousands of columns written one by one made it quadratic)."""
    by_column: dict[int, list[Rect]] = {}
    live = []
    for r in reversed(rects):
        if not any(_covers(later, r) for later in by_column.get(r.col, ())):
            live.append(r)
        for c in range(r.col, r.col + r.width):
            by_column.setdefault(c, []).append(r)
    return live[::-1]


def _covers(a: Rect, b: Rect) -> bool:
    return a.row <= b.row and b.last_row <= a.last_row and a.col <= b.col and b.col + b.width <= a.col + a.width


def _column_styles(head: bytes) -> dict[int, int]:
    styles = {}
    for m in re.finditer(rb"<col\b[^>]*/?>", head):
        attrs = dict(re.findall(rb'(\w+)="([^"]*)"', m.group()))
        if b"style" in attrs:
            for c in range(int(attrs[b"min"]), int(attrs[b"max"]) + 1):
                styles[c] = int(attrs[b"style"])
    return styles


def _widen_dimension(head: bytes, max_row: int, max_col: int) -> bytes:
    m = re.search(rb'<dimension ref="([^"]*)"', head)
    if m is None or not max_row:
        return head
    c1, r1, c2, r2 = bounds(m.group(1).decode()) if b":" in m.group(1) else (1, 1, 1, 1)
    ref = f"{column_letters(min(c1, 1))}{min(r1, 1)}:{column_letters(max(c2, max_col))}{max(r2, max_row)}"
    return head[: m.start(1)] + ref.encode() + head[m.end(1) :]


column_letters = cache(column_letter)  # called once per written cell


#: Rows are patched and written a block at a time (about this many bytes of the sheet's XML),
#: so that a sheet of a million rows never stands in memory twice, nor as Python text.
BLOCK = 4 << 20


def patch_sheet(xml: bytes, rects: list[Rect]) -> tuple[bytes, bool]:
    """The sheet with the written cells in place, and whether a formula was written over (the
    calculation chain then names a cell that holds a value)."""
    return b"".join(patch_pieces(xml, rects)), formulas_written(xml, rects)


def patch_pieces(xml: bytes, rects: list[Rect]) -> Iterator[bytes]:
    """The patched sheet in pieces of about :data:`BLOCK` bytes, as they are produced."""
    return _Patch().pieces(xml, rects)


def formulas_written(xml: bytes, rects: list[Rect]) -> bool:
    """Whether a cell the rects write holds a formula now: known before any row is patched, so
    that the parts that come before the sheet (the calculation chain's) are settled first."""
    data = xml.find(b"<sheetData")
    end = xml.find(b"</sheetData>", data)
    at = xml.find(b"<f", data, end) if data >= 0 else -1  # in sheetData, "<f" opens only a formula
    while at >= 0:
        cell = xml.rfind(b"<c ", data, at)
        ref = _REF.search(xml, cell, xml.index(b">", cell)) if cell >= 0 else None
        if ref is None:
            return True  # which cell cannot be told: as if written over (Excel rebuilds the chain)
        row, col = int(ref.group(2)), column_index(ref.group(1))
        if any(r.row <= row <= r.last_row and r.col <= col < r.col + r.width for r in rects):
            return True
        at = xml.find(b"<f", at + 2, end)
    return False


def _rows_up_to(xml: bytes, at: int, stop: int, first: int) -> int:
    """How many rows from row ``first`` at ``at`` end at ``stop``, by the last one's number (the
    rows are then checked one by one); by counting where that number cannot be so."""
    last = _ROW_AT.match(xml, max(xml.rfind(b"<row", at, stop), 0))
    rows = int(last.group(1)) - first + 1 if last else 0
    return rows if 0 < rows <= (stop - at) // 16 else xml.count(b"</row>", at, stop)  # <row r="1"></row>: 17 bytes


def _cut_by_first_column(
    middle: bytes, numbers: list[bytes], letters: bytes
) -> tuple[list[bytes], list[bytes], bytes, list[bytes]] | None:
    """Rows whose written cells start at the first written column's cell, every row having one:
    each row cut there in one split of the regex engine. (What each row keeps before its run,
    its run after that cell's opening tag, what follows the rows, that tag's attributes row by
    row); None when the rows are not all so."""
    parts = re.split(rb'</row>|<c r="' + letters + rb'(\d+)"([^>]*)>', middle)
    # [kept, number, attributes, run, None, None, kept, …, after the rows]: one cell, then the end
    rows = len(numbers)
    if len(parts) != 6 * rows + 1:
        return None
    found = parts[1::3]
    if found[0::2] != numbers or found[1::2].count(None) != rows:
        return None
    texts = parts[0::3]
    return texts[0:-1:2], texts[1::2], texts[-1], parts[2::6]


def _cut_row_by_row(
    middle: bytes, numbers: list[bytes], letters: list[bytes]
) -> tuple[list[bytes], list[bytes], bytes, None] | None:
    """Each row cut where its first written cell starts, found by reference, one search a row;
    None for a row missing in between."""
    chunks = middle.split(b"</row>")
    if len(chunks) - 1 != len(numbers) or chunks[-1].strip():
        return None
    needles = [b'<c r="' + letter for letter in letters]
    kept, runs = [], []
    for chunk, n in zip(chunks[:-1], numbers, strict=True):
        number = n + b'"'
        for needle in needles:
            cut = chunk.find(needle + number)
            if cut >= 0:
                break
        else:
            cut = len(chunk)
        kept.append(chunk[:cut])
        runs.append(chunk[cut:])
    return kept, runs, chunks[-1], None


class _Patch:
    def pieces(self, xml: bytes, rects: list[Rect]) -> Iterator[bytes]:
        """The sheet with the written cells in place (see the module's grammar), in pieces of
        about :data:`BLOCK` bytes. NotPatchable comes before the first piece, or, for a row the
        general patch cannot read, amid them: the caller then drops what it wrote."""
        start = xml.find(b"<sheetData")
        if start < 0:
            raise NotPatchable("no default-namespace sheetData")
        declared = re.match(rb'<\?xml[^>]*?encoding=["\']([^"\']+)', xml)
        if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
            raise NotPatchable("sheet XML not in UTF-8")  # the cells written are UTF-8
        open_end = xml.index(b">", start) + 1
        if xml[open_end - 2 : open_end] == b"/>":  # <sheetData/>: no rows yet
            close = tail = open_end
        else:
            close = xml.index(b"</sheetData>", open_end)
            tail = close + len(b"</sheetData>")
        styles = _column_styles(xml[:start])
        bands = _bands(rects)
        existing = _last_row(xml, open_end, close)
        max_row = max(existing, bands[-1][1] if bands else 0)
        max_col = max((max(columns) for _, _, columns in bands), default=0)
        yield _widen_dimension(xml[:start], max_row, max_col) + b"<sheetData>"
        at = open_end
        for first, last, columns in bands:
            top = min(last, existing)  # the band's rows up to here may be in the sheet; the rest are new
            if first <= top:
                rows = {c: v[: top - first + 1] for c, v in columns.items()} if top < last else columns
                span = self._column_span(xml, at, close, first, top, rows, existing)
                if span is None:  # rows missing, or not as Excel and LibreOffice write them
                    end = _row_start(xml, at, close, top + 1, existing)
                    rects = [Rect(first, c, v, column=True) for c, v in rows.items()]
                    yield from self._rows(xml, at, end, _by_row(rects), styles)
                else:
                    begin, end = span
                    yield xml[at:begin]
                    yield from self._column_blocks(xml, begin, end, first, rows, styles)
                at = end
            if top < last:  # past every row of the sheet (a fill, a longer list): built column-wise
                yield xml[at:close]
                at = close
                new = max(first, top + 1)
                yield from self._appended(new, last, {c: v[new - first :] for c, v in columns.items()}, styles)
        yield from (xml[at:close], b"</sheetData>", xml[tail:])

    def _column_blocks(
        self, xml: bytes, begin: int, end: int, first: int, columns: dict[int, list], styles: dict[int, int]
    ) -> Iterator[bytes]:
        """The rows between ``begin`` and ``end``, from row ``first``, by :meth:`_patch_columns` a
        block at a time; from a block of rows of another shape on (one missing in between), by
        the general patch; the last rows, if missing, new."""
        at, r0 = begin, first
        count = len(next(iter(columns.values())))
        while at < end:
            stop = xml.find(b"</row>", min(at + BLOCK, end - 1), end)
            stop = end if stop < 0 else stop + len(b"</row>")
            rows = _rows_up_to(xml, at, stop, r0)
            block = {c: v[r0 - first : r0 - first + rows] for c, v in columns.items()}
            patched = None
            if 0 < rows <= first + count - r0:  # more rows than written (a number twice): not this way
                patched = self._patch_columns(xml[at:stop], r0, r0 + rows - 1, block, styles)
            if patched is None:
                rest = [Rect(r0, c, v[r0 - first :], column=True) for c, v in columns.items()]
                yield from self._rows(xml, at, end, _by_row(rest), styles)
                return
            yield patched
            at, r0 = stop, r0 + rows
        if r0 < first + count:  # the last rows were missing: new rows, where they fall
            yield from self._appended(r0, first + count - 1, {c: v[r0 - first :] for c, v in columns.items()}, styles)

    def _appended(self, first: int, last: int, columns: dict[int, list], styles: dict[int, int]) -> Iterator[bytes]:
        """New rows ``first``..``last`` (``columns``: column → their values), built column-wise a
        block at a time. A block holding a row with no value at all goes by the row rule (which
        writes no row for it, or its styled blanks)."""
        step = _rows_a_block(len(columns))
        for r0 in range(first, last + 1, step):
            n = min(step, last + 1 - r0)
            block = {c: v[r0 - first : r0 - first + n] for c, v in columns.items()}
            if any(None not in v for v in block.values()) or all(
                any(v[k] is not None for v in block.values()) for k in range(n)
            ):
                yield _new_rows(range(r0, r0 + n), block, styles)
            else:
                yield b"".join(self._new_row(r0 + k, {c: v[k] for c, v in block.items()}, styles) for k in range(n))

    def _rows(
        self, xml: bytes, at: int, end: int, writes: dict[int, dict[int, Any]], styles: dict[int, int]
    ) -> Iterator[bytes]:
        """The general row patch of the rows between ``at`` and ``end``: each written row's cells
        merged into it, new rows where they fall, in pieces of about BLOCK bytes."""
        out: list[bytes] = []
        size = 0
        pending = sorted(writes)
        p = 0
        for m in _ROW.finditer(xml, at, end):
            element = m.group()
            number = _ROW_NUMBER.match(element)
            if number is None:
                raise NotPatchable("a row without its r attribute")
            r = int(number.group(1))
            while p < len(pending) and pending[p] < r:
                out.append(self._new_row(pending[p], writes[pending[p]], styles))
                p += 1
            if p < len(pending) and pending[p] == r:
                out.append(self._patched_row(element, r, writes[r], styles))
                p += 1
            else:
                out.append(element)
            size += len(element)
            if size > BLOCK:
                yield b"".join(out)
                out, size = [], 0
        yield b"".join(out)
        # The rows past every row of the sheet (a list longer than before): built column-wise,
        # a block at a time, as a fill's new rows are. A block holding a row with no value at
        # all goes by the row rule (which writes no row for it, or its styled blanks).
        rest = pending[p:]
        columns = sorted(set().union(*(writes[r] for r in rest)))
        step = _rows_a_block(len(columns))
        for i in range(0, len(rest), step):
            rows = rest[i : i + step]
            if not all(any(v is not None for v in writes[r].values()) for r in rows):
                yield b"".join(self._new_row(r, writes[r], styles) for r in rows)
            else:
                yield _new_rows(rows, {c: [writes[r].get(c) for r in rows] for c in columns}, styles)

    def _column_span(
        self, xml: bytes, open_end: int, close: int, first: int, last: int, columns: dict[int, list], existing: int
    ) -> tuple[int, int] | None:
        """Where the rows ``first``..``last`` lie, when a refresh's usual write (whole contiguous
        columns over existing rows, written as Excel and LibreOffice write them) can be patched
        block by block (:meth:`_patch_columns`); else None, for the general patch."""
        cols = sorted(columns)
        if cols[-1] - cols[0] != len(cols) - 1:
            return None
        begin = xml.find(b'<row r="%d"' % first, open_end, close)
        if begin < 0:
            return None
        # Rows missing, or not written as Excel and LibreOffice write them, are found block by
        # block (each block checks its row numbers), the general patch taking over from there.
        return begin, _row_start(xml, begin, close, last + 1, existing)

    def _patch_columns(
        self, middle: bytes, first: int, last: int, columns: dict[int, list], styles: dict[int, int]
    ) -> bytes | None:
        """A block of a refresh's usual write, done in a few passes of the regex engine: the rows
        ``first``..``last`` (``middle``: every one of them, nothing else), of which whole
        contiguous columns are written, the rightmost of every row. Each row's trailing run of
        cells of those columns goes (their own styles kept), the new cells end the row. None
        when the rows are of another shape: the general patch handles them."""
        cols = sorted(columns)
        rows = last - first + 1
        if b" spans=" in middle:
            middle = _SPANS.sub(b"", middle)  # the spans hints would be stale
        letters = [column_letters(c).encode() for c in cols]
        numbers = [b"%d" % r for r in range(first, last + 1)]
        cut = _cut_by_first_column(middle, numbers, letters[0]) or _cut_row_by_row(middle, numbers, letters)
        if cut is None:
            return None
        kept, runs, tail, heads = cut
        if b"".join(kept).count(b"<row") != rows:  # each row one element with its end tag, none self-closed
            return None
        # Row numbers ascend (the grammar): the first and the last right, every one is.
        if not (kept[0].lstrip().startswith(b'<row r="%d"' % first) and kept[-1].startswith(b'<row r="%d"' % last)):
            return None
        # What was cut must be only written cells, and what stays only cells left of them; cells
        # of other columns after the written ones (another table's, to the right) stay after them.
        run_text, kept_text = b"".join(runs), b"".join(kept)
        ends = None
        foreign = re.compile(rb'<c(?! r="(?:' + b"|".join(letters) + rb")\d)")
        if foreign.search(run_text):
            ends = []
            for i, run in enumerate(runs):
                m = foreign.search(run)
                at = len(run) if m is None else m.start()
                runs[i], right = run[:at], run[at:]
                ends.append(right + b"</row>")
            right_text, run_text = b"".join(ends), b"".join(runs)
            up_to = b"|".join(column_letters(c).encode() for c in range(1, cols[-1] + 1))
            no_reference, out_of_order = rb'<c(?! r="[A-Z]{1,3}\d)', rb'<c r="(?:' + up_to + rb")\d"
            if re.search(no_reference, right_text) or re.search(out_of_order, right_text):
                return None
        # A cell without its reference (<c>, <c s=…>) is refused by the same searches.
        left = b"|".join(column_letters(c).encode() for c in range(1, cols[0]))
        if re.search(rb'<c(?! r="(?:' + left + rb")\d)" if left else rb"<c\b", kept_text):
            return None  # a cell of the written columns before the first of them, or no reference
        # The cells whose own style is not their column's: few, so they alone are listed. A cell
        # is looked at when its style is not right after its reference, its column's.
        owned: dict[int, dict[int, int]] = {c: {} for c in cols}
        if heads is not None:  # the first column's cells were cut out: their attributes, row by row
            for attributes in set(heads):
                style = _STYLE.search(attributes)  # none: the column's style, as by the row rule
                if style is not None and int(style.group(1)) != styles.get(cols[0]):
                    for i in [i for i, a in enumerate(heads) if a == attributes]:
                        owned[cols[0]][first + i] = int(style.group(1))
        unusual = b"|".join(
            letter + rb'\d+"' + (b'(?! s="%d"[ />])' % styles[c] if c in styles else rb'(?=[^>]*?\ss=")')
            for c, letter in zip(cols, letters, strict=True)
        )
        for found in re.finditer(rb'<c r="(?:' + unusual + rb")", run_text):
            cell = run_text[found.start() : run_text.index(b">", found.start())]
            ref, style = _REF.search(cell[2:]), _STYLE.search(cell)
            if ref is None:  # the pattern above matched it: cannot be
                return None
            if style is not None:
                owned[column_index(ref.group(1))][int(ref.group(2))] = int(style.group(1))
        own: dict[int, list[int | None]] = {}
        for c, by_row in owned.items():
            if by_row:
                own[c] = [styles.get(c)] * rows
                for r, st in by_row.items():
                    own[c][r - first] = st or None
        # One join of every piece, row by row; the kept bytes as they were.
        return _rows_bytes(kept, numbers, columns, styles, own, ends) + tail

    def _new_row(self, r: int, cells: dict[int, Any], styles: dict[int, int]) -> bytes:
        xml = "".join([cell_xml(f"{column_letters(c)}{r}", cells[c], styles.get(c)) for c in sorted(cells)])
        return f'<row r="{r}">{xml}</row>'.encode() if xml else b""

    def _patched_row(self, element: bytes, r: int, cells: dict[int, Any], styles: dict[int, int]) -> bytes:
        head_end = element.index(b">") + 1
        if element[head_end - 2 : head_end] == b"/>":
            return self._new_row(r, cells, styles)
        head = _SPANS.sub(b"", element[:head_end])  # the spans hint would be stale
        # Text is escaped in XML, so "<c " only ever opens a cell: split the row on it.
        pieces = element[head_end : -len(b"</row>")].split(b"<c ")
        if pieces[0].strip():
            raise NotPatchable("a row holding something other than cells")
        kept: list[tuple[int, bytes]] = []
        own_styles: dict[int, int] = {}
        for piece in pieces[1:]:
            if piece.startswith(b'r="'):  # how Excel, LibreOffice and openpyxl write a cell
                c = column_index(piece[3 : piece.index(b'"', 3)].rstrip(b"0123456789"))
            else:
                ref = _REF.search(b" " + piece[: piece.index(b">")])
                if ref is None:
                    raise NotPatchable("a cell without its r attribute")
                c = column_index(ref.group(1))
            if c in cells:
                style = _STYLE.search(b" " + piece[: piece.index(b">")])
                if style:
                    own_styles[c] = int(style.group(1))
                continue
            kept.append((c, b"<c " + piece))
        for c, v in cells.items():
            xml = cell_xml(f"{column_letters(c)}{r}", v, own_styles.get(c, styles.get(c)))
            if xml:
                kept.append((c, xml.encode()))
        kept.sort(key=lambda item: item[0])
        return head + b"".join(x for _, x in kept) + b"</row>"


def bounds(ref: str) -> tuple[int, int, int, int]:
    m = _A1.match(ref.strip())
    if m is None:
        raise RefreshError(tr("not a cell range: {ref!r}", ref=ref))
    c1, r1 = column_index(m[1]), int(m[2])
    return (c1, r1, column_index(m[3]), int(m[4])) if m[3] else (c1, r1, c1, r1)
