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
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
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
    return f'<c r="{ref}"{s}><v>{float(value)!r}</v></c>'


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


def _below_every_row(body: bytes, row: int) -> bool:
    """Whether ``row`` comes after every row of the sheetData ``body`` (rows ascend: the last is
    the largest). Rows written otherwise (no ``r`` on the last) count as not."""
    at = body.rfind(b"<row ")
    if at < 0:
        return re.search(rb"<row\b", body) is None
    last = re.match(rb'<row\b[^>]*?\sr="(\d+)"', body[at:])
    return last is not None and int(last.group(1)) < row


def _rows_text(
    heads: list[str],
    numbers: list[str],
    columns: dict[int, list],
    styles: dict[int, int],
    own: dict[int, dict[int, int]] | None = None,
) -> str:
    """Row after row: its head (what it keeps, or its opening tag), the cells of ``columns``
    (column → values) in column order, ``</row>``. ``own``: column → row → a kept own style."""
    cells = [_column_cells(c, numbers, columns[c], styles.get(c), own[c] if own else None) for c in sorted(columns)]
    return "".join(chain.from_iterable(zip(heads, *cells, repeat("</row>"))))


def _column_cells(
    col: int, numbers: list[str], values: list, style: int | None, own: dict[int, int] | None = None
) -> list[str]:
    """The ``c`` elements of one column, row by row ('' for no element); floats and plain text
    inline. ``numbers``: the rows' numbers as text. ``own``: row → the style of the cell a value
    replaces, when not the column's, which it keeps."""
    letters = column_letters(col)
    if own or not set(map(type, values)) <= {float, str, type(None)}:  # the rare rest, by the general rule
        return [
            cell_xml(f"{letters}{n}", v, (own or {}).get(int(n), style)) for n, v in zip(numbers, values, strict=True)
        ]
    # Computed columns repeat their values: each distinct value's element is written once, and
    # each cell is its reference and that text. Zeros (0.0 and -0.0 are equal keys but not the
    # same text) and unstyled blanks (no element) go by the general rule.
    s = f' s="{style}"' if style else ""
    tails: dict[Any, str] = {}
    for v in set(values):
        if v is None:
            if style:
                tails[v] = f'"{s}/>'
        elif type(v) is float:
            if v:
                tails[v] = f'"{s}><v>{v!r}</v></c>'
        elif v:
            tails[v] = cell_xml("", v, style)[6:]
    head, get = f'<c r="{letters}', tails.get
    return [
        head + n + t if (t := get(v)) is not None else cell_xml(f"{letters}{n}", v, style)
        for n, v in zip(numbers, values, strict=True)
    ]


def _by_row(rects: list[Rect]) -> dict[int, dict[int, Any]]:
    """Row → column → value, later writes over earlier ones."""
    rows: dict[int, dict[int, Any]] = {}
    for rect in rects:
        if rect.column:
            for r, v in enumerate(rect.values, start=rect.row):
                rows.setdefault(r, {})[rect.col] = v
            continue
        for i, line in enumerate(rect.values):
            cells = rows.setdefault(rect.row + i, {})
            for j, v in enumerate(line):
                cells[rect.col + j] = v
    return rows


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


def patch_sheet(xml: bytes, rects: list[Rect]) -> tuple[bytes, bool]:
    """The sheet with the written cells in place, and whether a formula was written over (the
    calculation chain then names a cell that holds a value)."""
    patch = _Patch()
    return patch.sheet(xml, rects), patch.formulas_replaced


class _Patch:
    def __init__(self) -> None:
        self.formulas_replaced = False

    def sheet(self, xml: bytes, rects: list[Rect]) -> bytes:
        """The sheet with the written cells in place (see the module's grammar)."""
        start = xml.find(b"<sheetData")
        if start < 0:
            raise NotPatchable("no default-namespace sheetData")
        declared = re.match(rb'<\?xml[^>]*?encoding=["\']([^"\']+)', xml)
        if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
            raise NotPatchable("sheet XML not in UTF-8")  # the cells written are UTF-8
        open_end = xml.index(b">", start) + 1
        if xml[open_end - 2 : open_end] == b"/>":  # <sheetData/>: no rows yet
            body, tail = b"", open_end
        else:
            close = xml.index(b"</sheetData>", open_end)
            body, tail = xml[open_end:close], close + len(b"</sheetData>")
        styles = _column_styles(xml[:start])
        whole = _whole_columns(rects)
        if whole:
            first, last, columns = whole
            head = _widen_dimension(xml[:start], last, max(columns))
            if _below_every_row(body, first):  # new rows (a fill): built column-wise, faster
                numbers = [str(r) for r in range(first, last + 1)]
                rows = _rows_text([f'<row r="{n}">' for n in numbers], numbers, columns, styles)
                return b"".join((head, b"<sheetData>", body, rows.encode(), b"</sheetData>", xml[tail:]))
            patched = self._patch_columns(body, first, last, columns, styles)
            if patched is not None:
                return b"".join((head, b"<sheetData>", *patched, b"</sheetData>", xml[tail:]))
        writes = _by_row(rects)
        out: list[bytes] = [b"<sheetData>"]
        pending = sorted(writes)
        p = 0
        max_row = max_col = 0
        for m in _ROW.finditer(body):
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
            max_row = max(max_row, r)
        while p < len(pending):
            out.append(self._new_row(pending[p], writes[pending[p]], styles))
            p += 1
        out.append(b"</sheetData>")
        if writes:
            max_row = max(max_row, max(writes))
            max_col = max(max(cells) for cells in writes.values())
        head = _widen_dimension(xml[:start], max_row, max_col)
        return head + b"".join(out) + xml[tail:]

    def _patch_columns(
        self, body: bytes, first: int, last: int, columns: dict[int, list], styles: dict[int, int]
    ) -> tuple[bytes, ...] | None:
        """A refresh's usual write, done in a few passes of the regex engine: whole contiguous
        columns over existing rows, the rightmost of every row. Each row's trailing run of cells
        of those columns goes (their own styles kept), the new cells end the row. None when the
        write or the rows are of another shape: the general patch handles them. The new body
        comes in pieces, joined once by the caller."""
        cols = sorted(columns)
        if cols[-1] - cols[0] != len(cols) - 1 or re.search(rb"<row\b[^>]*/>", body):
            return None
        begin = body.find(b'<row r="%d"' % first)
        end = body.find(b'<row r="%d"' % (last + 1))
        end = len(body) if end < 0 else end
        if begin < 0 or end < begin:
            return None  # rows missing, or not written as Excel and LibreOffice write them
        middle = body[begin:end]
        if b" spans=" in middle:
            middle = _SPANS.sub(b"", middle)  # the spans hints would be stale
        chunks = middle.split(b"</row>")
        if len(chunks) - 1 != last - first + 1 or re.search(rb'<c(?:>|/>|\s(?!r="))', middle):
            return None  # a row missing in between, or a cell not opening with its reference
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
        left = b"|".join(column_letters(c).encode() for c in range(1, cols[0]))
        if re.search(rb'<c r="(?!(?:' + b"|".join(letters) + rb")\d)", run_text) or re.search(
            rb'<c r="(?!(?:' + left + rb")\d)" if left else rb"<c r=", kept_text
        ):
            return None  # written cells out of order, or cells of the user's own to the right
        if b"<f" in run_text:
            self.formulas_replaced = True
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
        # One join of every piece, row by row, then one encoding (the XML is ASCII or UTF-8).
        # surrogateescape: the kept bytes come back exactly as they were, whatever they are.
        heads = [chunk.decode("utf-8", "surrogateescape") for chunk in kept]
        rows = _rows_text(heads, [str(r) for r in range(first, last + 1)], columns, styles, own)
        return body[:begin], rows.encode("utf-8", "surrogateescape"), chunks[-1], body[end:]

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
                if b"<f" in piece:
                    self.formulas_replaced = True
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
