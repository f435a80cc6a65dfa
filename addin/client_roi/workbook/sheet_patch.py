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
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from typing import Any
from xml.sax.saxutils import escape

from ..files.xlsx import column_index, column_letter
from .blocks import ExcelError
from .refresh import RefreshError

_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_ROW_NUMBER = re.compile(rb'^<row\b[^>]*?\sr="(\d+)"')
_STYLE = re.compile(rb'\ss="(\d+)"')
_SPANS = re.compile(rb'\sspans="[^"]*"')
_ROW_AT = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


@dataclass
class Rect:
    """Values written (None: cleared) from (row, col) down and right; ``column``: ``values`` is
    one column, flat (how a refresh writes a table column)."""

    row: int
    col: int
    values: list
    column: bool = False

    @property
    def last_row(self) -> int:
        return self.row + len(self.values) - 1

    @property
    def width(self) -> int:
        return 1 if self.column else len(self.values[0])

    def at(self, row: int, col: int) -> Any:
        line = self.values[row - self.row]
        return line if self.column else line[col - self.col]


def cell_xml(ref: str, value: Any, style: int | None) -> str:
    """One ``c`` element; a blank with no style is no element at all."""
    s = f' s="{style}"' if style else ""
    kind = type(value)
    if kind is float:  # the common case first: this runs once per written cell
        return f'<c r="{ref}"{s}><v>{_number_text(value)}</v></c>'
    if kind is str and value:
        if "&" in value or "<" in value or ">" in value:
            value = escape(value)
        space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{value}</t></is></c>'
    if value is None or value == "":  # a blank is no value: empty text would not be ISBLANK
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, ExcelError):
        return f'<c r="{ref}"{s} t="e"><v>{escape(value)}</v></c>'
    if isinstance(value, str):
        return cell_xml(ref, str(value), style)
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    return f'<c r="{ref}"{s}><v>{_number_text(float(value))}</v></c>'


class NotPatchable(Exception):
    """A workbook whose XML this adapter does not rewrite; refresh it with openpyxl instead."""


def _whole_columns(rects: list[Rect]) -> tuple[int, int, dict[int, list]] | None:
    """When every write is one whole column over the same rows: (first row, last row,
    column → values); else None."""
    if not rects or not all(r.column for r in rects):
        return None
    first, last = rects[0].row, rects[0].last_row
    if any(r.row != first or r.last_row != last for r in rects) or len({r.col for r in rects}) != len(rects):
        return None
    return first, last, {r.col: r.values for r in rects}


def _below_every_row(xml: bytes, at: int, end: int, row: int) -> bool:
    """Whether ``row`` comes after every row of the sheetData between ``at`` and ``end`` (rows
    ascend: the last is the largest). Rows written otherwise (no ``r`` on the last) count as not."""
    if xml.rfind(b"<row ", at, end) < 0:
        return re.compile(rb"<row\b").search(xml, at, end) is None
    return 0 < _last_row(xml, at, end) < row


def _last_row(xml: bytes, at: int, end: int) -> int:
    """The number of the sheetData's last row (rows ascend: the largest); 0 if none says."""
    found = xml.rfind(b"<row ", at, end)
    last = _ROW_AT.match(xml, found) if found >= 0 else None
    return int(last.group(1)) if last else 0


def _rows_a_block(columns: int) -> int:
    """New rows a block, of so many columns: about BLOCK bytes of cells."""
    return max(1, BLOCK // (40 * columns + 20))


def _rows_bytes(
    heads: list[bytes],
    numbers: list[bytes],
    columns: dict[int, list],
    styles: dict[int, int],
    own: dict[int, dict[int, int]] | None = None,
) -> bytes:
    """Row after row: its head (what it keeps, or its opening tag), the cells of ``columns``
    (column → values) in column order, ``</row>``. ``own``: column → row → a kept own style.
    Bytes throughout: the kept heads are never decoded, the cells encoded once per distinct value."""
    cells = [_column_cells(c, numbers, columns[c], styles.get(c), own[c] if own else None) for c in sorted(columns)]
    return b"".join(chain.from_iterable(zip(heads, *cells, repeat(b"</row>"))))


def _new_rows(rows: Sequence[int], columns: dict[int, list], styles: dict[int, int]) -> bytes:
    """Rows that are not in the sheet yet, built column-wise: ``columns``, column → the values
    of ``rows``, in order."""
    numbers = [b"%d" % r for r in rows]
    return _rows_bytes([b'<row r="%s">' % n for n in numbers], numbers, columns, styles)


def _column_cells(
    col: int, numbers: list[bytes], values: list, style: int | None, own: dict[int, int] | None = None
) -> list[bytes]:
    """The ``c`` elements of one column, row by row (b'' for no element); floats and plain text
    inline. ``numbers``: the rows' numbers as text. ``own``: row → the style of the cell a value
    replaces, when not the column's, which it keeps."""
    letters = column_letters(col)
    if own or not set(map(type, values)) <= {float, str, type(None)}:  # the rare rest, by the general rule
        return [
            cell_xml(f"{letters}{n.decode()}", v, (own or {}).get(int(n), style)).encode()
            for n, v in zip(numbers, values, strict=True)
        ]
    # Computed columns repeat their values: each distinct value's element is written once, and
    # each cell is its reference and that text. A blank is no element: a cell that is not there
    # takes its column's style, as XlsxWriter and Excel leave it. Zeros (0.0 and -0.0 are equal
    # keys but not the same text) go by the general rule.
    s = f' s="{style}"' if style else ""
    tails: dict[Any, bytes] = {}
    for v in set(values):
        if type(v) is float:
            if v:
                tails[v] = f'"{s}><v>{_number_text(v)}</v></c>'.encode()
        elif v is not None and v:
            tails[v] = cell_xml("", v, style)[6:].encode()
    head, get = f'<c r="{letters}'.encode(), tails.get
    return [
        head + n + t
        if (t := get(v)) is not None
        else b""
        if v is None
        else cell_xml(f"{letters}{n.decode()}", v, style).encode()
        for n, v in zip(numbers, values, strict=True)
    ]


def _number_text(value: float) -> str:
    """A double as the shortest text that reads back as it (``repr``), a whole number without
    its ``.0`` (as Excel writes it): 1478 for 1478.0."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


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
        whole = _whole_columns(rects)
        if whole:
            first, last, columns = whole
            head = _widen_dimension(xml[:start], last, max(columns))
            if _below_every_row(xml, open_end, close, first):  # new rows (a fill): built column-wise
                yield from (head, b"<sheetData>", xml[open_end:close])
                step = _rows_a_block(len(columns))
                for r0 in range(first, last + 1, step):
                    new = range(r0, min(last, r0 + step - 1) + 1)
                    yield _new_rows(new, {c: v[r0 - first : r0 - first + len(new)] for c, v in columns.items()}, styles)
                yield from (b"</sheetData>", xml[tail:])
                return
            span = self._column_span(xml, open_end, close, first, last, columns)
            if span is not None:
                begin, end = span
                yield from (head, b"<sheetData>", xml[open_end:begin])
                at, r0 = begin, first
                while at < end:
                    stop = xml.find(b"</row>", min(at + BLOCK, end - 1), end)
                    stop = end if stop < 0 else stop + len(b"</row>")
                    rows = xml.count(b"</row>", at, stop)
                    block = {c: v[r0 - first : r0 - first + rows] for c, v in columns.items()}
                    patched = self._patch_columns(xml[at:stop], r0, r0 + rows - 1, block, styles)
                    if patched is None:  # rows of another shape from here on: the general patch
                        rest = [Rect(r0, c, v[r0 - first :], column=True) for c, v in columns.items()]
                        yield from self._rows(xml, at, end, _by_row(rest), styles)
                        break
                    yield patched
                    at, r0 = stop, r0 + rows
                yield from (xml[end:close], b"</sheetData>", xml[tail:])
                return
        writes = _by_row(rects)
        max_row = max(_last_row(xml, open_end, close), max(writes, default=0))
        max_col = max((max(cells) for cells in writes.values() if cells), default=0)
        yield _widen_dimension(xml[:start], max_row, max_col) + b"<sheetData>"
        yield from self._rows(xml, open_end, close, writes, styles)
        yield from (b"</sheetData>", xml[tail:])

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
        self, xml: bytes, open_end: int, close: int, first: int, last: int, columns: dict[int, list]
    ) -> tuple[int, int] | None:
        """Where the rows ``first``..``last`` lie, when a refresh's usual write (whole contiguous
        columns over existing rows, written as Excel and LibreOffice write them) can be patched
        block by block (:meth:`_patch_columns`); else None, for the general patch."""
        cols = sorted(columns)
        if cols[-1] - cols[0] != len(cols) - 1:
            return None
        begin = xml.find(b'<row r="%d"' % first, open_end, close)
        end = xml.find(b'<row r="%d"' % (last + 1), open_end, close)
        end = close if end < 0 else end
        if begin < 0 or end < begin or xml.count(b"</row>", begin, end) != last - first + 1:
            return None  # rows missing, or not written as Excel and LibreOffice write them
        return begin, end

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
        if middle.count(b"<row") != rows:  # each row one element with its end tag, none self-closed
            return None
        if b" spans=" in middle:
            middle = _SPANS.sub(b"", middle)  # the spans hints would be stale
        chunks = middle.split(b"</row>")
        if len(chunks) - 1 != rows or chunks[-1].strip():
            return None  # a row missing in between
        # Row numbers ascend (the grammar): the first and the last right, every one is.
        if not (
            chunks[0].lstrip().startswith(b'<row r="%d"' % first)
            and chunks[-2].lstrip().startswith(b'<row r="%d"' % last)
        ):
            return None
        # Each row's run of written cells starts at the first of them it has: found by its
        # reference, so one search a row, usually the first column's.
        letters = [column_letters(c).encode() for c in cols]
        needles = [b'<c r="' + letter for letter in letters]
        kept, runs = [], []
        for chunk, r in zip(chunks[:-1], range(first, last + 1), strict=True):  # the last chunk: after the rows
            number = b'%d"' % r
            for needle in needles:
                cut = chunk.find(needle + number)
                if cut >= 0:
                    break
            else:
                cut = len(chunk)
            kept.append(chunk[:cut])
            runs.append(chunk[cut:])
        # What was cut must be only written cells, and what stays only cells left of them.
        run_text, kept_text = b"".join(runs), b"".join(kept)
        # A cell without its reference (<c>, <c s=…>) is refused by the same searches.
        left = b"|".join(column_letters(c).encode() for c in range(1, cols[0]))
        if re.search(rb'<c(?! r="(?:' + b"|".join(letters) + rb")\d)", run_text) or re.search(
            rb'<c(?! r="(?:' + left + rb")\d)" if left else rb"<c\b", kept_text
        ):
            return None  # written cells out of order, or cells of the user's own to the right
        # The cells whose own style is not their column's: few, so they alone are listed.
        own: dict[int, dict[int, int]] = {c: {} for c in cols}
        unusual = b"|".join(
            letter + rb'\d+"[^>]*?\ss="' + (b'(?!%d")' % styles[c] if c in styles else b"")
            for c, letter in zip(cols, letters, strict=True)
        )
        for found in re.findall(rb'<c r="(?:' + unusual + rb')\d+"', run_text):
            ref, style = _REF.search(found[2:]), _STYLE.search(found)
            if ref is None or style is None:  # the pattern above matched both: cannot be
                return None
            own[column_index(ref.group(1))][int(ref.group(2))] = int(style.group(1))
        # One join of every piece, row by row; the kept bytes as they were.
        return _rows_bytes(kept, [b"%d" % r for r in range(first, last + 1)], columns, styles, own) + chunks[-1]

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
        raise RefreshError(f"not a cell range: {ref!r}")
    c1, r1 = column_index(m[1]), int(m[2])
    return (c1, r1, column_index(m[3]), int(m[4])) if m[3] else (c1, r1, c1, r1)
