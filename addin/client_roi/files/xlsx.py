"""An .xlsx read without openpyxl: its parts, its tables, and its cells' values as Excel last
computed them (python-calamine). No pandas here: the command line starts reading a big book
before the heavy modules load (:meth:`CachedValues.prefetch`)."""

from __future__ import annotations

import gc
import io
import posixpath
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ..schema.errors import ClientRoiError

BOOK_SUFFIXES = (".xlsx", ".xlsm")  # workbooks, with or without macros
#: The rows of an Excel sheet (1,048,576): a table cannot grow past them.
MAX_ROWS = 1_048_576
MAX_UNZIPPED = 2 * 1024**3  # bytes an .xlsx may expand to
#: The namespace of Strict Open XML workbooks (ISO/IEC 29500-1 strict), which Excel can save.
STRICT_MAIN = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


_CELL = re.compile(r"([A-Z]+)(\d+)")


class InputFileError(ClientRoiError):
    """A customer file that cannot be read; the message names the file, row and column."""


def reader_fault(exc: BaseException) -> bool:
    """Whether ``exc`` is a workbook reader's own failure on a damaged or hostile file: any
    ``Exception``, and a Rust panic in python-calamine, which pyo3 raises as a
    ``PanicException``, no ``Exception`` (a table range written backwards, ``N201:A1``)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def unreadable(name: str, exc: BaseException) -> InputFileError:
    """The one-line refusal of a workbook its reader failed on (:func:`reader_fault`)."""
    return InputFileError(f"{name}: cannot be read as a workbook ({type(exc).__name__}: {exc})")


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


_PAUSES = [0, False]  # readers in bulk(), and whether the collector ran before the first
_PAUSING = threading.Lock()


@contextmanager
def bulk() -> Iterator[None]:
    """Python's cycle collector paused while a reader builds a sheet's rows (a million lists):
    none of them is part of a cycle, yet each full collection would walk every one built so far
    (measured: 2 s of a 10 s read of a million rows). Several readers at once (threads) resume
    it when the last is done."""
    with _PAUSING:
        if _PAUSES[0] == 0:
            _PAUSES[1] = gc.isenabled()
            gc.disable()
        _PAUSES[0] += 1
    try:
        yield
    finally:
        with _PAUSING:
            _PAUSES[0] -= 1
            if _PAUSES[0] == 0 and _PAUSES[1]:
                gc.enable()


def check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise InputFileError(f"{path.name}: not an .xlsx file (not a zip archive)") from None
    total = sum(i.file_size for i in infos)
    seen: set[str] = set()
    for info in infos:  # two parts of one name: which is the book, no reader agrees (the numbers would differ)
        if info.filename in seen:
            raise InputFileError(
                f"{path.name}: holds two parts named '{info.filename}' (a damaged or tampered file): "
                "which one is the workbook cannot be told"
            )
        seen.add(info.filename)
    if total > MAX_UNZIPPED:
        raise InputFileError(f"{path.name}: expands to {total / 1e9:.1f} GB; refused")


class CachedValues:
    """Cell values of an .xlsx as Excel last computed them (python-calamine), and the cells
    whose value cannot be trusted: formulas with no cached result, error values."""

    def __init__(self, name: str, data: bytes, parts: dict[str, bytes] | None = None):
        from python_calamine import CalamineWorkbook

        self.name, self.data, self.parts = name, data, parts  # parts: already unzipped, if at hand
        try:
            self.book = CalamineWorkbook.from_filelike(io.BytesIO(data), load_tables=True)
        except BaseException as exc:  # calamine raises its own kinds for damaged files, panics included
            if not reader_fault(exc):
                raise
            raise unreadable(name, exc) from None
        self._grids: dict[str, list[list[Any]]] = {}
        self._errors: dict[str, str] = {}
        self._reading: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()  # one calamine call at a time: the book is not shared
        self._widths: dict[str, int] = {}
        self._suspects: dict[str, dict[str, str]] = {}
        #: Sheets looked through (:meth:`suspects`) and found to hold no formula at all.
        self.formula_free: set[str] = set()
        self._sheet_parts: dict[str, str] | None = None

    @classmethod
    def from_bytes(cls, name: str, data: bytes, parts: dict[str, bytes] | None = None) -> CachedValues:
        return cls(name, data, parts)

    @classmethod
    def from_path(cls, path: Path) -> CachedValues:
        check_zip(path)
        return cls(path.name, path.read_bytes())

    def check_tables(self) -> None:
        """Refuse, in one line, a table whose range calamine would panic on: written backwards
        (``N201:A1``), or not a range of cells at all. Called before calamine reads a table."""
        for name, table in tables(self._part, self.sheet_parts()).items():
            ends = [cell_position(end) for end in (table.ref or "").split(":")]
            if len(ends) != 2 or None in ends or any(a > b for a, b in zip(*ends, strict=True)):
                raise InputFileError(
                    f"{self.name}: the table '{name}' on sheet '{table.sheet}' has the range {table.ref!r}, "
                    "which is no range from its top-left cell to its bottom-right one: the file is damaged"
                )

    def grid(self, sheet: str) -> list[list[Any]]:
        """The sheet's values, row by row, from A1 (a rectangle: every row as wide)."""
        reading = self._reading.pop(sheet, None)
        if reading is not None:
            reading.join()
        if sheet not in self._grids and sheet not in self._errors:
            self._read(sheet)
        if sheet in self._errors:
            raise InputFileError(self._errors[sheet])
        return self._grids[sheet]

    def prefetch(self, table: str) -> None:
        """Start reading the sheet that holds ``table`` on a thread of its own, and return at
        once: calamine parses without holding the GIL, so what the caller does next (loading
        modules, unzipping the parts) runs alongside on another core; :meth:`grid` waits for
        it. Only a hint: where no thread can start (Pyodide), or the parts do not say where the
        table is, the sheet is read when first asked for, and any error is reported then."""
        try:
            sheet = tables(self._part, self.sheet_parts())[table][0]
            if sheet not in self._grids and sheet not in self._reading:
                thread = threading.Thread(target=self._read, args=(sheet,), daemon=True)
                thread.start()
                self._reading[sheet] = thread
        except Exception:
            return

    def _read(self, sheet: str) -> None:
        with self._lock:
            try:
                with bulk():
                    self._grids[sheet] = self.book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:
                self._errors[sheet] = (
                    f"{self.name}: cannot be read as a workbook (sheet '{sheet}': {type(exc).__name__}: {exc})"
                )

    def forget(self) -> None:
        """Let go of the sheets read (a million rows of Python values); read again if asked."""
        for thread in self._reading.values():
            thread.join()
        self._reading.clear()
        self._grids.clear()
        self._widths.clear()

    def width(self, sheet: str) -> int:
        """The columns every row of the sheet's grid has (calamine's grid is a rectangle)."""
        if sheet not in self._widths:
            self._widths[sheet] = min(map(len, self.grid(sheet)), default=0)
        return self._widths[sheet]

    def value(self, sheet: str, row: int, col: int) -> Any:
        grid = self.grid(sheet)
        if row - 1 < len(grid) and col - 1 < len(grid[row - 1]):
            return grid[row - 1][col - 1]
        return None

    def suspects(self, sheet: str) -> dict[str, str]:
        """{'D5': why} for the sheet's cells whose cached value is missing or an error. A big
        sheet is first looked through piece by piece as it unzips (no formula, no error value:
        nothing to parse), never whole in memory beside calamine's reading of it."""
        if sheet not in self._suspects:
            part = self.sheet_parts()[sheet]
            streamed = self.parts is None or not dict.__contains__(self.parts, part)  # not unzipped yet
            if streamed and not _may_have_suspects(part_pieces(self.data, part)):
                self._suspects[sheet] = {}
                self.formula_free.add(sheet)
            else:
                self._suspects[sheet] = _suspect_cells(self._part(part))
        return self._suspects[sheet]

    def sheet_parts(self) -> dict[str, str]:
        if self._sheet_parts is None:
            if STRICT_MAIN in self._part("xl/workbook.xml")[:2000]:
                raise InputFileError(
                    f"{self.name}: is saved as a Strict Open XML Spreadsheet, which is not read here; in Excel, "
                    "File > Save As > 'Excel Workbook (*.xlsx)' (or 'Excel Macro-Enabled Workbook'), then try again"
                )
            self._sheet_parts = sheet_parts(self._part)
        return self._sheet_parts

    def _part(self, name: str) -> bytes:
        if self.parts is not None and name in self.parts:
            return self.parts[name]
        with zipfile.ZipFile(io.BytesIO(self.data)) as z:
            return z.read(name)


def resolve_part(source: str, target: str) -> str:
    """A relationship's target as a part name, relative to the part that holds it."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def sheet_parts(read) -> dict[str, str]:
    """Sheet name → its part (``xl/worksheets/sheet1.xml``), from ``read(part name) -> bytes``."""
    from defusedxml.ElementTree import fromstring

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    rels = {r.get("Id"): r.get("Target") for r in fromstring(read("xl/_rels/workbook.xml.rels"))}
    return {
        s.get("name"): resolve_part("xl/workbook.xml", rels[s.get(f"{rel_ns}id")])
        for s in fromstring(read("xl/workbook.xml")).iter(f"{main}sheet")
    }


class TablePart(NamedTuple):
    """A table as its part describes it."""

    sheet: str
    ref: str  # its range, header and totals row included
    totals: int  # rows of its totals row (0 or 1)
    columns: tuple[str, ...]  # its columns' names, left to right


def tables(read, sheets: dict[str, str]) -> dict[str, TablePart]:
    """Table name → :class:`TablePart`, from each sheet's relationships. ``sheets``: sheet name
    → part; ``read(part name) -> bytes`` raises KeyError for a part the file lacks (a sheet
    without relationships has no table)."""
    from defusedxml.ElementTree import fromstring

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    out: dict[str, TablePart] = {}
    for sheet, part in sheets.items():
        for target in related(read, part, "/table"):
            t = fromstring(read(target))
            columns = tuple(c.get("name") or "" for c in t.iter(f"{main}tableColumn"))
            out[t.get("displayName") or t.get("name")] = TablePart(
                sheet, t.get("ref"), int(t.get("totalsRowCount") or 0), columns
            )
    return out


def related(read, part: str, kind: str) -> list[str]:
    """The parts ``part`` refers to by relationships whose type ends with ``kind``
    (``/drawing``, ``/chart``, ``/table``); none when it has no relationships part."""
    from defusedxml.ElementTree import fromstring

    folder, name = posixpath.split(part)
    try:
        rels = fromstring(read(posixpath.join(folder, "_rels", name + ".rels")))
    except KeyError:
        return []
    return [
        resolve_part(part, r.get("Target"))
        for r in rels
        if r.get("Type", "").endswith(kind) and r.get("TargetMode") != "External"
    ]


def part_pieces(data: bytes, name: str) -> Iterator[bytes]:
    """A part of the .xlsx ``data`` as it unzips, 16 MB at a time."""
    with zipfile.ZipFile(io.BytesIO(data)) as z, z.open(name) as f:
        while piece := f.read(16 << 20):
            yield piece


# In a default-namespace sheetData, "<f" opens nothing but a formula (one regex pass: twice as
# fast as two substring searches, "<" being everywhere).
_FORMULA_OR_ERROR = re.compile(rb'<f[\s>/]|t="e"')


def _may_have_suspects(pieces: Iterable[bytes]) -> bool:
    """Whether a sheet's XML, read a piece at a time, may hold a formula or an error value in
    its cells (what :func:`_suspect_cells` looks for); False only when it surely holds none."""
    window = b""
    inside = False
    for piece in pieces:
        window = window[-16:] + piece  # a token cut between two pieces is found whole
        if not inside:
            at = window.find(b"<sheetData")
            if at < 0:
                continue
            inside, window = True, window[at:]
        end = window.find(b"</sheetData>")
        if _FORMULA_OR_ERROR.search(window, 0, len(window) if end < 0 else end):
            return True
        if end >= 0:
            return False
    return True  # no default-namespace sheetData: the full parse decides


def _suspect_cells(data: bytes) -> dict[str, str]:
    """{'D5': why} for the cells of one sheet's XML whose value cannot be trusted."""
    from defusedxml.ElementTree import iterparse

    start, end = data.find(b"<sheetData"), data.rfind(b"</sheetData>")
    tokens: tuple[bytes, ...]
    if start >= 0 and end > start:  # unprefixed: "<f" opens nothing but a formula in sheetData
        tokens = (b"<f", b't="e"')
    else:
        start, end, tokens = 0, len(data), (b"<f>", b"<f ", b"<f/", b't="e"', b":f>", b":f ")
    if not any(data.find(token, start, end) >= 0 for token in tokens):
        return {}  # no cell formula, no error value: nothing to check (the common case, fast)
    out = {}
    for _, el in iterparse(io.BytesIO(data)):
        if el.tag.endswith("}c") or el.tag == "c":
            formula = value = None
            has_value = False
            for child in el:
                local = child.tag.rsplit("}", 1)[-1]
                if local == "f":
                    formula = child.text or ""
                elif local == "v":
                    value, has_value = child.text, True
            kind = el.get("t")
            if kind == "e":
                out[el.get("r")] = f"holds the error value {value}"
            elif formula is not None and not value and kind != "inlineStr" and not (kind == "str" and has_value):
                # Excel writes a formula whose result is empty text as <c t="str"><f>…</f><v/></c>:
                # that is a computed blank. A formula with no <v> at all, or an empty <v> of
                # another type (what openpyxl writes), has never been computed.
                out[el.get("r")] = (
                    f"holds the formula ={formula} with no computed value: open and save "
                    "the file in Excel or LibreOffice, then try again"
                )
            el.clear()
    return out
