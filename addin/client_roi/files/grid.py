"""Excel's grid: its limits, its cell references, and what python-calamine will make of a
sheet's cells before it reads them (:class:`Look`). No XML parser and no zip here: the bytes of
a sheet as they unzip, looked through with regular expressions."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..messages import tr

_CELL = re.compile(r"([A-Z]+)(\d+)")


@cache
def column_index(letters: str | bytes) -> int:
    """1 for A, 27 for AA."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + ord(ch) - 64
    return n


def column_letter(col: int) -> str:
    """A for 1, AA for 27."""
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_position(ref: str) -> tuple[int, int] | None:
    """(row, column) of a cell reference as a sheet's XML writes it (``D5``); None otherwise."""
    m = _CELL.fullmatch(ref)
    return (int(m[2]), column_index(m[1])) if m else None


#: The cells python-calamine may lay out for one sheet. It builds a dense rectangle from the
#: lowest cell's row to the highest's, across every column used, 32 bytes a cell, and a failed
#: allocation aborts the process, no exception to catch (``ZZZZZZZZ1``: 15 TB asked for).
#: 2**26 cells are 2 GB of it: a million rows of 64 columns.
MAX_CELLS = 1 << 26
MAX_COLUMNS = 16_384  # XFD, Excel's last column
LAST_ROW = 1_048_576  # Excel's last row, where the grid ends for calamine too (MAX_ROWS is the tables')
# Each pattern opens with a literal, which re finds at memchr's speed (ten times faster than a
# pattern opening with a class or a group, measured at a million customers); the namespace
# prefix some writers put on tags (<x:c r=…>) is left out of it, so either way is found.
_ROW = re.compile(rb'row r="(\d+)"')
_CELL_REF = re.compile(rb'c r="([A-Z]+)(\d+)"')


class Look:
    """A sheet's XML looked through once, a piece at a time as it unzips (never whole in memory
    beside calamine's reading of it), before python-calamine reads it: what calamine's
    ``Range::from_sparse`` will make of its cells. That lays out every row from the lowest
    cell's to the highest's, each as wide as from the leftmost column to the rightmost, 32 bytes
    a cell, and a failed allocation aborts the process: a reference past the sheet's grid, or a
    rectangle past :data:`MAX_CELLS`, is said first, by :meth:`refusal` (rows written out of
    order too, which no spreadsheet writes).

    Every cell's reference is not read (twenty million at a million customers: seconds).
    Columns past Z are few and all read. A row is found wherever it has more digits than the
    highest row seen so far: any other is below ``10 ** digits``, which bounds the rectangle
    (from row 1 and column A). Only where that bound passes :data:`MAX_CELLS` while what was
    seen does not (a sheet wider than 64 columns) is every reference read, in a second pass
    (:meth:`exactly`).

    Each piece is cut before its last ``<`` and the rest carried to the next, so that no tag
    is ever split between two pieces."""

    def __init__(self, pieces: Iterable[bytes]):
        self.highest: tuple[int, str] = (0, "")  # the highest cell found, row and reference
        self.exact = False  # whether every cell's reference was read for it (exactly())
        self.top = 0  # the highest row element written so far
        self.columns = 0  # the widest column past Z
        self.outside: tuple[str, str] | None = (
            None  # ("cell", its reference) or ("row", its number): the first met beyond XFD1048576
        )
        self.backwards: tuple[int, int] | None = None  # (a row, the row written after it)
        self.entities: bool | None = None  # declares a document type or entities
        chunk = b""
        for chunk in _cut(pieces):
            if self.entities is None:  # a document type comes before the root element
                self.entities = b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk
            self._extent(chunk)
        # calamine reads a sheet cut short after its cells as whole, where the same sheet read
        # as a table's is refused: the end of the XML is looked for, so that no door reads it.
        # The last chunk holds everything after the last "<": the closing tag, if it is there.
        self.whole = chunk.rstrip().endswith(b"worksheet>")

    def _extent(self, chunk: bytes) -> None:
        rows = [self.top, *map(int, _ROW.findall(chunk))]
        if len(rows) > 1:
            if self.backwards is None and not all(map(operator.lt, rows, rows[1:])):  # C speed, a million rows
                self.backwards = next((a, b) for a, b in itertools.pairwise(rows) if b <= a)
            self.top = max(rows)
            if self.top > LAST_ROW and self.outside is None:
                self.outside = ("row", f"{self.top:,}")
        digits = len(str(max(self.top, self.highest[0])))
        for ref in _far_refs(digits).finditer(chunk):
            letters, digits_ = (ref[1], ref[2]) if ref[1] else (ref[3], ref[4])
            col, row = column_index(letters), int(digits_)
            self.columns = max(self.columns, col if len(letters) > 1 else 0)
            self._found(row, letters + digits_)
            if self.outside is None and (col > MAX_COLUMNS or row > LAST_ROW):
                self.outside = ("cell", (letters + digits_).decode())
        if first := _CELL_REF.search(chunk):
            self._found(int(first[2]), first[1] + first[2])
        at = chunk.rfind(b'c r="')
        if at >= 0 and (last := _CELL_REF.match(chunk, at)):
            self._found(int(last[2]), last[1] + last[2])

    def _found(self, row: int, ref: bytes) -> None:
        if row > self.highest[0]:
            self.highest = (row, ref.decode())

    def exactly(self, pieces: Iterable[bytes]) -> None:
        """Read every cell's reference for the highest row (the bound was not enough)."""
        for piece in _cut(pieces):
            for ref in _CELL_REF.finditer(piece):
                self._found(int(ref[2]), ref[1] + ref[2])
        self.exact = True

    @property
    def rows(self) -> int:
        """The rows calamine may lay out, from row 1: the highest found, or the bound on any
        row not found (below the next power of ten)."""
        if self.exact:
            return self.highest[0]
        if self.highest[0] == 0:
            return 0
        return min(10 ** len(str(max(self.top, self.highest[0]))) - 1, LAST_ROW)

    @property
    def cells(self) -> int:
        """The cells calamine may lay out: the rows by the widest column (26, Z, where none
        is past it), from A1."""
        return self.rows * max(self.columns, 26)

    @property
    def uncertain(self) -> bool:
        """Whether the bound passes :data:`MAX_CELLS` where what was found does not: then
        :meth:`exactly` decides."""
        return not self.exact and self.cells > MAX_CELLS >= self.highest[0] * max(self.columns, 26)

    def refusal(self, name: str, sheet: str) -> str | None:
        """Why python-calamine must not read the sheet, in one line; None when it may."""
        if self.entities:
            return tr(
                (
                    "{name}: sheet '{sheet}' declares XML entities or a document type, which are "
                    "refused (a damaged or hostile file)"
                ),
                name=name,
                sheet=sheet,
            )
        if not self.whole:
            return tr(
                "{name}: sheet '{sheet}' is cut short (its XML stops before </worksheet>): the file is damaged",
                name=name,
                sheet=sheet,
            )
        if self.outside is not None and self.outside[0] == "row":
            return tr(
                (
                    "{name}: sheet '{sheet}' has a row {outside}, beyond the sheet's last row "
                    "1,048,576: the file is damaged (no spreadsheet writes it)"
                ),
                name=name,
                sheet=sheet,
                outside=self.outside[1],
            )
        if self.outside is not None:
            return tr(
                (
                    "{name}: sheet '{sheet}' has a cell at {outside}, beyond the sheet's last cell "
                    "XFD1048576: the file is damaged (no spreadsheet writes it)"
                ),
                name=name,
                sheet=sheet,
                outside=self.outside[1],
            )
        if self.backwards is not None:
            a, b = self.backwards
            return tr(
                (
                    "{name}: sheet '{sheet}' has row {b} written after row {a}: a sheet's rows are "
                    "written in order, so the file is damaged; open and save it in Excel or "
                    "LibreOffice, then try again"
                ),
                name=name,
                sheet=sheet,
                b=b,
                a=a,
            )
        if self.cells > MAX_CELLS:
            return tr(
                (
                    "{name}: sheet '{sheet}' spans {rows:,} rows of {max:,} columns (a cell at "
                    "{highest}), {cells:,} cells: more than can be read ({MAX_CELLS:,}); delete what "
                    "lies far from the table, save, and try again"
                ),
                name=name,
                sheet=sheet,
                rows=self.rows,
                max=max(self.columns, 26),
                highest=self.highest[1],
                cells=self.cells,
                MAX_CELLS=MAX_CELLS,
            )
        return None


def _cut(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The pieces of an XML part cut before their last ``<``, the rest carried to the next:
    no tag is ever split between two."""
    carry = b""
    for piece in itertools.chain(pieces, [b"<"]):  # the last "<" lets the final piece through whole
        chunk = carry + piece
        cut = chunk.rfind(b"<")
        chunk, carry = chunk[: max(cut, 0)], chunk[max(cut, 0) :]
        if chunk:
            yield chunk


@cache
def _far_refs(digits: int) -> re.Pattern[bytes]:
    """Cell references past column Z, or whose row has more than ``digits`` digits: one
    pattern, one pass (two took half as long again)."""
    return re.compile(rb'c r="(?:([A-Z]{2,})(\d+)|([A-Z])(\d{%d,}))"' % (digits + 1))


def _finds(data: bytes, token: bytes, start: int, end: int) -> Iterator[int]:
    """Where ``token`` is in ``data[start:end]``, left to right."""
    while (at := data.find(token, start, end)) >= 0:
        yield at
        start = at + 1
