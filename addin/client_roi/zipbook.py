"""ZipBook: the refresh pipeline's fast file adapter.

An .xlsx (or .xlsm) is a zip of XML parts. A ZipBook reads every value through python-calamine
(cached results of formulas, shared or inline strings, rich text: as Excel shows them), keeps
what the pipeline writes as rectangles of values, and on saving rewrites only the rows of the
sheets it wrote to; every other part is kept as it came, macros included. Reads see earlier
writes, so the fill writes the customers into an empty template and refreshes the same book.

The sheet patch follows the SpreadsheetML grammar (ISO/IEC 29500 §18.3.1): ``sheetData`` holds
``row`` elements in ascending ``r``; a row holds ``c`` elements in ascending column, each with
its reference ``r``, an optional style ``s`` and type ``t``, and a ``v`` (number, error) or an
inline string ``is/t``. A written cell keeps the style of the cell it replaces, else takes its
column's default style (``cols/col/@style``). A file whose sheet XML uses a namespace prefix or
leaves ``r`` out is not patched (:class:`NotPatchable`); the caller uses openpyxl instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import Any
from xml.sax.saxutils import escape

from . import engine, layout, recalc
from .refresh import ExcelError, RefreshError, Table, cell_name, column_letter
from .xlsx import CachedValues, cell_position, column_index, related, tables

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
BIG_PART = 1 << 20

_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_ROW_NUMBER = re.compile(rb'^<row\b[^>]*?\sr="(\d+)"')
_STYLE = re.compile(rb'\ss="(\d+)"')
_SPANS = re.compile(rb'\sspans="[^"]*"')
_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")
# A chart series' cached points: stale once the cells it plots are rewritten.
_CACHE = re.compile(rb"<(?:c:)?(numCache|strCache|multiLvlStrCache)\b.*?</(?:c:)?\1>", re.S)


class NotPatchable(Exception):
    """A workbook whose XML this adapter does not rewrite; refresh it with openpyxl instead."""


column_letters = lru_cache(maxsize=None)(column_letter)  # called once per written cell


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


class ZipBook:
    """The Workbook protocol of :mod:`client_roi.refresh` over the parts of an .xlsx."""

    def __init__(self, data: bytes, name: str = "book.xlsx", cached: CachedValues | None = None):
        """``cached``: the same file's values, when its reading has already begun."""
        from defusedxml.ElementTree import fromstring

        self.name = name
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.order = [i.filename for i in z.infolist()]
            self.parts = {n: z.read(n) for n in self.order}
        if cached is None:
            cached = CachedValues.from_bytes(name, data, self.parts)
        else:
            cached.parts = self.parts  # unzipped once, for both
        self.cached = cached
        self.sheet_parts = self.cached.sheet_parts()
        book = fromstring(self.parts["xl/workbook.xml"])
        defined = [(d.get("name"), d.text, d.get("localSheetId")) for d in book.iter(f"{MAIN}definedName") if d.text]
        self.names = {name: text for name, text, local in defined if local is None}
        self.every_name = {name: text for name, text, _ in defined}  # what formulas may read
        self.tables = tables(self.parts.__getitem__, self.sheet_parts)
        self.rects: dict[str, list[Rect]] = {}
        self.formulas_replaced = False

    @classmethod
    def from_path(cls, path) -> ZipBook:
        """The book of a file; calamine reads the customers' sheet on another core meanwhile."""
        cached = CachedValues.from_path(path)
        cached.prefetch(layout.TABLE)
        return cls(cached.data, cached.name, cached)

    @property
    def has_macros(self) -> bool:
        return "xl/vbaProject.bin" in self.parts

    # -- reading (what was written, else the file's cached values) ----------------------------

    def _base(self, sheet: str, row: int, col: int) -> Any:
        value = self.cached.value(sheet, row, col)
        if value == "" or value is None:
            return None
        return value

    def _value(self, sheet: str, row: int, col: int) -> Any:
        for rect in reversed(self.rects.get(sheet, ())):
            if rect.row <= row <= rect.last_row and rect.col <= col < rect.col + rect.width:
                return rect.at(row, col)
        ref = f"{column_letters(col)}{row}"
        why = self.cached.suspects(sheet).get(ref)
        if why:
            raise RefreshError(f"{cell_name(sheet, row, col)}: {why}")
        return self._base(sheet, row, col)

    def _column(self, sheet: str, first: int, last: int, col: int) -> list[Any]:
        rows = self.cached.grid(sheet)[first - 1 : last]
        if len(rows) == last - first + 1 and col <= self.cached.width(sheet):
            out = [None if (v := row[col - 1]) == "" else v for row in rows]
        else:
            out = [self._base(sheet, r, col) for r in range(first, last + 1)]
        suspect = False
        for ref, why in self.cached.suspects(sheet).items():
            at = cell_position(ref)
            if at and at[1] == col and first <= at[0] <= last:
                out[at[0] - first] = _Suspect(cell_name(sheet, at[0], col), why)
                suspect = True
        for rect in self.rects.get(sheet, ()):
            if rect.col <= col < rect.col + rect.width and rect.row <= last and rect.last_row >= first:
                for r in range(max(first, rect.row), min(last, rect.last_row) + 1):
                    out[r - first] = rect.at(r, col)
        for v in out if suspect else ():  # the first still there (not written over) is refused
            if isinstance(v, _Suspect):
                raise RefreshError(f"{v.where}: {v.why}")
        return out

    def table(self, name: str) -> Table:
        if name not in self.tables:
            raise RefreshError(f"the workbook has no table named '{name}'")
        sheet, ref, totals, _ = self.tables[name]
        c1, r1, c2, r2 = _bounds(ref)
        header = [self._value(sheet, r1, c) for c in range(c1, c2 + 1)]
        return Table(sheet, r1, c1, header, r2 - r1 - totals, totals)

    def column(self, table: Table, offset: int) -> list[Any]:
        if not table.nrows:
            return []
        return self._column(table.sheet, table.top + 1, table.top + table.nrows, table.left + offset)

    def name_cells(self, name: str):
        if name not in self.names:
            raise KeyError(name)
        sheet, ref = _split_name(self.names[name])
        try:
            c1, r1, c2, r2 = _bounds(ref)
        except RefreshError:
            raise RefreshError(
                f"the defined name '{name}' is ={self.names[name]}, not a range of cells: point it "
                "at its cells again (Formulas > Name Manager)"
            ) from None
        values = [[self._value(sheet, r, c) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]
        return sheet, r1, c1, values

    def row(self, sheet: str, row: int, col: int, ncols: int) -> list[Any]:
        return [self._value(sheet, row, c) for c in range(col, col + ncols)]

    def run_end(self, sheet: str, row: int, col: int) -> int:
        while not engine.is_blank(self._value(sheet, row + 1, col)):
            row += 1
        return row

    # -- writing ------------------------------------------------------------------------------

    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None:
        if values and values[0]:
            self.rects.setdefault(sheet, []).append(Rect(row, col, values))

    def write_column(self, sheet: str, row: int, col: int, values: list[Any]) -> None:
        if values:
            self.rects.setdefault(sheet, []).append(Rect(row, col, list(values), column=True))

    def clear(self, sheet: str, row: int, col: int, nrows: int, ncols: int) -> None:
        if nrows > 0 and ncols > 0:
            self.write(sheet, row, col, [[None] * ncols for _ in range(nrows)])

    def refresh(self):
        """Run the refresh pipeline on this book and point its charts at the tiers in use."""
        from .refresh import refresh

        out = refresh(self)
        self.retarget_charts(len(out.bands) - 1)
        return out

    def retarget_charts(self, tiers: int) -> None:
        """Point the charts of the blocks' sheet at the band summary's ``tiers`` rows, and drop
        their cached points (stale after a refresh; Excel and LibreOffice plot the cells).

        Only the charts drawn on the sheet that holds the blocks are looked at, found through
        its drawing's relationships; in them, only a range on that sheet that starts on the
        band summary's header or first row, within its columns, is cut or stretched. A chart
        anywhere else, a user's own, is left byte for byte."""
        sheet, ref = _split_name(self.names[layout.OUT_BANDS])
        left, header, _, _ = _bounds(ref)
        width = 10  # the band summary's columns: engine.band_summary's, then budget and days
        read = self.parts.__getitem__
        charts = [c for d in related(read, self.sheet_parts[sheet], "/drawing") for c in related(read, d, "/chart")]
        names = rb"(?:'" + re.escape(sheet.replace("'", "''")).encode() + rb"'|" + re.escape(sheet).encode() + rb")"
        on_sheet = re.compile(names + rb"!\$([A-Z]{1,3})\$(\d+):\$([A-Z]{1,3})\$(\d+)")

        def retarget(m: re.Match[bytes]) -> bytes:
            c1, r1, c2 = column_index(m.group(1)), int(m.group(2)), column_index(m.group(3))
            if r1 in (header, header + 1) and left <= c1 <= c2 < left + width:
                return m.group()[: m.start(4) - m.start()] + str(header + tiers).encode()
            return m.group()

        plots_blocks = re.compile(names + rb"!")
        for part in dict.fromkeys(charts):
            if part in self.parts and plots_blocks.search(self.parts[part]):
                self.parts[part] = _CACHE.sub(b"", on_sheet.sub(retarget, self.parts[part]))

    def to_bytes(self, compresslevel: int = 6) -> bytes:
        stale = self._stale_formulas() if self.rects else {}
        for sheet, rects in self.rects.items():
            part = self.sheet_parts[sheet]
            self.parts[part] = self._patch(self.parts[part], rects)
        for sheet, refs in stale.items():
            part = self.sheet_parts[sheet]
            self.parts[part] = recalc.drop_results(self.parts[part], refs)
        if self.rects:
            self.parts["xl/workbook.xml"] = recalc.full_calc_on_load(self.parts["xl/workbook.xml"])
        self.rects = {}
        if self.formulas_replaced:
            self._drop_calc_chain()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name in self.order:
                entry = zipfile.ZipInfo(name, FIXED_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                data = self.parts[name]
                # big sheets compress fast (level 1: 3x quicker, files a fifth larger); the rest as usual
                z.writestr(entry, data, compresslevel=1 if len(data) > BIG_PART else compresslevel)
        return out.getvalue()

    def _stale_formulas(self) -> dict[str, set[str]]:
        """Sheet → its formula cells, not written over, that read a written cell (see
        :mod:`client_roi.recalc`)."""
        written = {
            sheet: [(r.row, r.col, r.last_row, r.col + r.width - 1) for r in rects]
            for sheet, rects in self.rects.items()
        }
        tables = {}
        for name, t in self.tables.items():
            c1, r1, c2, r2 = _bounds(t.ref)
            tables[name] = recalc.TableInfo(t.sheet, (r1, c1, r2, c2), t.columns)
        sheets = {name: self.parts[part] for name, part in self.sheet_parts.items() if part in self.parts}
        stale = recalc.stale_formulas(recalc.Book(tables, self.every_name), sheets, written)
        out = {}
        for sheet, refs in stale.items():  # a cell written over holds a value now, not a formula
            boxes = written.get(sheet, [])
            kept = {
                ref
                for ref in refs
                if not any(
                    a <= r <= c and b <= k <= d for a, b, c, d in boxes for r, k in [cell_position(ref) or (0, 0)]
                )
            }
            if kept:
                out[sheet] = kept
        return out

    def _drop_calc_chain(self) -> None:
        """Excel rebuilds the calculation chain; a stale one naming a formula we replaced with a
        value would make it repair the file."""
        if "xl/calcChain.xml" not in self.parts:
            return
        self.order.remove("xl/calcChain.xml")
        del self.parts["xl/calcChain.xml"]
        self.parts["xl/_rels/workbook.xml.rels"] = re.sub(
            rb'<Relationship [^>]*Target="(/xl/)?calcChain.xml"[^>]*/>', b"", self.parts["xl/_rels/workbook.xml.rels"]
        )
        self.parts["[Content_Types].xml"] = re.sub(
            rb'<Override [^>]*PartName="/xl/calcChain.xml"[^>]*/>', b"", self.parts["[Content_Types].xml"]
        )

    def _patch(self, xml: bytes, rects: list[Rect]) -> bytes:
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


@dataclass
class _Suspect:
    where: str
    why: str


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
    c1, r1, c2, r2 = _bounds(m.group(1).decode()) if b":" in m.group(1) else (1, 1, 1, 1)
    ref = f"{column_letters(min(c1, 1))}{min(r1, 1)}:{column_letters(max(c2, max_col))}{max(r2, max_row)}"
    return head[: m.start(1)] + ref.encode() + head[m.end(1) :]


def _bounds(ref: str) -> tuple[int, int, int, int]:
    m = _A1.match(ref.strip())
    if m is None:
        raise RefreshError(f"not a cell range: {ref!r}")
    c1, r1 = column_index(m[1]), int(m[2])
    return (c1, r1, column_index(m[3]), int(m[4])) if m[3] else (c1, r1, c1, r1)


def _split_name(text: str) -> tuple[str, str]:
    sheet, _, ref = text.rpartition("!")
    if sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, ref
