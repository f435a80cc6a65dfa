"""After a refresh, every formula in the book shows numbers consistent with what it wrote.

A formula cell keeps the result its application last computed (``<v>``), and the two
applications trust it differently when they open a book:

* Microsoft Excel recalculates on open only when the workbook asks it to
  (``calcPr/@fullCalcOnLoad``, which Excel itself drops when it saves); :func:`full_calc_on_load`
  sets it.
* LibreOffice (by default) shows the cached result of a book Excel saved, whatever
  ``fullCalcOnLoad`` says, and computes a formula only when it has no cached result. So the
  cached results of the formulas that read a cell the refresh wrote, directly or through other
  formulas, are dropped (:func:`stale_formulas`, :func:`drop_results`); every other cell keeps
  its bytes.

Which formulas read what is decided from the formula's text, conservatively: an A1 reference,
a whole row or column, a structured reference (a table's columns, or the whole table when it
names none), a defined name (its range), on the formula's own sheet unless it names another.
A formula that calls ``INDIRECT`` or ``OFFSET``, or names a 3-D range or a name that is no
plain range, counts as reading everything. A shared formula's group counts as reading the
union of its members' references. The closure is taken: a formula reading a stale formula is
stale too. Only what the text shows is ruled out; nothing that may read a written cell is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import unescape

from ..files.xlsx import MAX_ROWS, cell_position, column_index

#: A rectangle of cells: (first row, first column, last row, last column), 1-based, inclusive.
Box = tuple[int, int, int, int]

MAX_COL = 16_384  # the columns of a sheet (XFD)
EVERYTHING = "*"  # a reference that may read any cell of any sheet
EXTERNAL = "\0external"  # the sheet of another book

_CELL_RE = re.compile(rb"<c\s[^>]*?(?:/>|>.*?</c>)", re.S)
_FORMULA_RE = re.compile(rb"<f(\s[^>]*)?(?:/>|>(.*?)</f>)", re.S)
_ATTR_RE = re.compile(rb'\s([\w:]+)="([^"]*)"')
_VALUE_RE = re.compile(rb"<v\s*/>|<v>.*?</v>|<v\s[^>]*?(?:/>|>.*?</v>)", re.S)
_TYPE_RE = re.compile(rb'\st="[^"]*"')
_STRING = re.compile(r'"(?:[^"]|"")*"')
_SHEET = r"(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^\s'!(),;:=<>&+\-*/^%{}\[\]\"]+))!"
_TOKEN = re.compile(
    r"(?P<ext>\[\d+\])"  # an external book: not ours
    r"|(?P<sheet>" + _SHEET + r")"
    r"|(?P<area>(?<![\w.$])\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![\w(\[!]))"
    r"|(?P<cols>(?<![\w.$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![\w(\[!]))"
    r"|(?P<rows>(?<![\w.$])\$?\d+:\$?\d+(?![\w(\[!.]))"
    r"|(?P<table>(?<![\w.])[A-Za-z_\\][\w.\\]*)\["
    r"|(?P<name>(?<![\w.$])[A-Za-z_\\][\w.\\]*)(?P<call>\s*\()?"
)
_A1 = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")
_VOLATILE_REFS = {"INDIRECT", "OFFSET"}


@dataclass(frozen=True)
class Ref:
    """A rectangle on a sheet; ``rel_rows``/``rel_cols``: whether each end moves with a shared
    formula's copies (no ``$``)."""

    sheet: str
    box: Box
    rel_rows: tuple[bool, bool] = (False, False)
    rel_cols: tuple[bool, bool] = (False, False)


@dataclass(frozen=True)
class TableInfo:
    sheet: str
    box: Box
    columns: tuple[str, ...]


class Book:
    """What the reference rules need to know of a workbook: its tables and defined names."""

    def __init__(self, tables: Mapping[str, TableInfo], names: Mapping[str, str]):
        self.tables = {k.casefold(): v for k, v in tables.items()}
        self.names = {k.casefold(): v for k, v in names.items()}
        self._name_refs: dict[str, list[Ref] | str] = {}

    def references(self, formula: str, sheet: str) -> list[Ref] | str:
        """The cells ``formula`` (on ``sheet``) may read, or :data:`EVERYTHING`."""
        text = _STRING.sub('""', formula)
        out: list[Ref] = []
        at_sheet: str | None = None  # the sheet a "Sheet!" prefix just named
        pos = 0
        while (m := _TOKEN.search(text, pos)) is not None:
            pos = m.end()
            if m.group("ext"):
                at_sheet = EXTERNAL
                continue
            if m.group("sheet"):
                quoted, plain = m.group("quoted"), m.group("plain")
                if (plain is not None and text[m.start() - 1 : m.start()] == ":") or ":" in (quoted or ""):
                    return EVERYTHING  # a 3-D reference, Sheet1:Sheet3!A1
                if at_sheet != EXTERNAL:
                    at_sheet = quoted.replace("''", "'") if quoted is not None else plain
                continue
            target = sheet if at_sheet is None else at_sheet
            at_sheet = None
            if m.group("table"):
                found, pos = self._table(m.group("table"), text, m.end() - 1)
                if target != EXTERNAL:
                    out.extend(found)
                continue
            if target == EXTERNAL:
                continue
            if m.group("area"):
                out.append(_area(target, m.group("area")))
            elif m.group("cols"):
                a, b = m.group("cols").replace("$", "").split(":")
                out.append(Ref(target, (1, column_index(a), MAX_ROWS, column_index(b))))
            elif m.group("rows"):
                a, b = m.group("rows").replace("$", "").split(":")
                out.append(Ref(target, (int(a), 1, int(b), MAX_COL)))
            else:
                word = m.group("name")
                if m.group("call"):
                    if word.upper().removeprefix("_XLFN.") in _VOLATILE_REFS:
                        return EVERYTHING
                    continue
                if word.casefold() in self.tables:  # a table's name alone is its data
                    t = self.tables[word.casefold()]
                    out.append(Ref(t.sheet, t.box))
                    continue
                named = self._name(word)
                if isinstance(named, str):
                    return EVERYTHING
                out.extend(named)
        return out

    def _table(self, name: str, text: str, open_at: int) -> tuple[list[Ref], int]:
        """The cells of a structured reference whose ``[`` is at ``open_at``, and where it ends."""
        depth, end = 0, open_at
        while end < len(text):
            if text[end] == "'":  # escapes the next character of a column name
                end += 2
                continue
            depth += {"[": 1, "]": -1}.get(text[end], 0)
            if depth == 0:
                break
            end += 1
        table = self.tables.get(name.casefold())
        if table is None:
            return [], end + 1  # not a table of this book (another book's)
        inside = text[open_at + 1 : end]
        # Column names are the bracketed items that are no special item (#This Row, #All…);
        # "'" escapes a special character in a name.
        items = re.findall(r"\[((?:[^\[\]']|'.)*)\]", inside) if inside.startswith("[") else [inside]
        wanted = [re.sub(r"'(.)", r"\1", x).strip() for x in items]
        wanted = [w for w in wanted if w and not w.startswith("#")]
        if not wanted:
            return [Ref(table.sheet, table.box)], end + 1
        lower = [c.casefold() for c in table.columns]
        if any(w.casefold() not in lower for w in wanted):
            return [Ref(table.sheet, table.box)], end + 1  # a column we cannot place: all of it
        cols = [table.box[1] + lower.index(w.casefold()) for w in wanted]
        return [Ref(table.sheet, (table.box[0], min(cols), table.box[2], max(cols)))], end + 1

    def _name(self, word: str) -> list[Ref] | str:
        key = word.casefold()
        if key not in self.names:
            return []  # TRUE, FALSE, a function's argument name, an unknown name
        if key not in self._name_refs:
            self._name_refs[key] = []  # a name defined through itself reads nothing more
            text = self.names[key].lstrip("=")
            # A name's relative references move with the cell that uses it: they may read anything.
            refs = self.references(text, "\0no sheet")
            if not isinstance(refs, str) and any(r.sheet == "\0no sheet" or any(r.rel_rows + r.rel_cols) for r in refs):
                refs = EVERYTHING
            self._name_refs[key] = refs
        return self._name_refs[key]


def _area(sheet: str, text: str) -> Ref:
    ends = [_A1.fullmatch(p) for p in text.split(":")]
    a, b = ends[0], ends[-1]
    assert a is not None and b is not None
    r1, r2 = int(a[4]), int(b[4])
    c1, c2 = column_index(a[2]), column_index(b[2])
    return Ref(sheet, (min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)), (not a[3], not b[3]), (not a[1], not b[1]))


@dataclass
class _Formula:
    sheet: str
    ref: str
    row: int
    col: int
    text: str | None  # None: a shared formula's copy (its text is its master's)
    shared: str | None  # si of a shared formula group
    span: Box | None  # a shared master's range
    volatile: bool = False


def formulas(sheet: str, xml: bytes) -> dict[tuple[str, int, int], tuple[str | None, str | None]]:
    """Each formula cell of a sheet's XML by (sheet, row, column): its text (None for a shared
    formula's copy: its group's first cell's, moved) and its shared group."""
    return {(sheet, f.row, f.col): (f.text, f.shared) for f in _formula_cells(sheet, xml)}


def _formula_cells(sheet: str, xml: bytes) -> list[_Formula]:
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    if start < 0 or xml.find(b"<f", start, end) < 0:
        return []
    out = []
    for m in _CELL_RE.finditer(xml, start, end):
        cell = m.group()
        f = _FORMULA_RE.search(cell)
        if f is None:
            continue
        head = cell[: cell.index(b">")]
        ref = dict(_ATTR_RE.findall(head)).get(b"r")
        if ref is None:
            continue
        attrs = dict(_ATTR_RE.findall(f.group(1) or b""))
        body = f.group(2)
        text = unescape(body.decode(), {"&quot;": '"', "&apos;": "'"}) if body is not None else None
        span = None
        if b"ref" in attrs and attrs.get(b"t") == b"shared":
            span = _area("", attrs[b"ref"].decode()).box
        at = cell_position(ref.decode())
        if at is None:
            continue
        kind = attrs.get(b"t")
        out.append(
            _Formula(
                sheet,
                ref.decode(),
                at[0],
                at[1],
                text,
                attrs[b"si"].decode() if kind == b"shared" and b"si" in attrs else None,
                span,
                kind == b"dataTable",
            )
        )
    return out


def _moved(ref: Ref, rows: tuple[int, int], cols: tuple[int, int]) -> Ref:
    """``ref`` over every shift of a shared formula's copies (rows and columns: least, most)."""
    r1, c1, r2, c2 = ref.box
    r1 += rows[0] if ref.rel_rows[0] else 0
    r2 += rows[1] if ref.rel_rows[1] else 0
    c1 += cols[0] if ref.rel_cols[0] else 0
    c2 += cols[1] if ref.rel_cols[1] else 0
    return Ref(ref.sheet, (max(1, r1), max(1, c1), r2, c2))


class _Written:
    """What has new values, per sheet (names compared without case, as Excel does): the boxes
    the refresh wrote, few, and the cells of stale formulas, many, by column and row."""

    def __init__(self) -> None:
        self.boxes: dict[str, list[Box]] = {}
        self.cells: dict[str, dict[int, list[int]]] = {}  # sheet -> column -> sorted rows

    def add(self, sheet: str, box: Box) -> None:
        self.boxes.setdefault(sheet.casefold(), []).append(box)

    def add_cells(self, cells: Iterable[tuple[str, int, int]]) -> None:
        for sheet, row, col in cells:
            self.cells.setdefault(sheet.casefold(), {}).setdefault(col, []).append(row)
        for columns in self.cells.values():
            for rows in columns.values():
                rows.sort()

    def hit(self, ref: Ref) -> bool:
        r1, c1, r2, c2 = ref.box
        sheet = ref.sheet.casefold()
        if any(a <= r2 and r1 <= c and b <= c2 and c1 <= d for a, b, c, d in self.boxes.get(sheet, ())):
            return True
        columns = self.cells.get(sheet, {})
        keys = range(c1, c2 + 1) if c2 - c1 < len(columns) else [c for c in columns if c1 <= c <= c2]
        for col in keys:
            rows = columns.get(col)
            if rows and bisect_left(rows, r1) < bisect_right(rows, r2):
                return True
        return False


def stale_formulas(
    book: Book, sheets: Mapping[str, bytes], written: Mapping[str, Iterable[Box]]
) -> dict[str, set[str]]:
    """Sheet → the references of its formula cells whose cached result may be stale once the
    cells ``written`` (sheet → boxes) have new values; see the module's rules. A formula cell
    inside a written box is none of them: it holds the written value now."""
    hit = _Written()
    for sheet, boxes in written.items():
        for box in boxes:
            hit.add(sheet, box)
    cells = [
        f
        for name, xml in sheets.items()
        for f in _formula_cells(name, xml)
        if not hit.hit(Ref(f.sheet, (f.row, f.col, f.row, f.col)))
    ]
    if not cells:
        return {}
    masters = {(f.sheet, f.shared): f for f in cells if f.shared is not None and f.text is not None}
    marks: dict[tuple[str, str], list[Ref] | str] = {}
    refs: list[list[Ref] | str] = []
    for f in cells:
        if f.volatile:
            refs.append(EVERYTHING)
            continue
        master = masters.get((f.sheet, f.shared)) if f.shared is not None else None
        text = f.text if f.text is not None else (master.text if master else None)
        if text is None:
            refs.append(EVERYTHING)  # a copy whose master is missing: assume the worst
            continue
        key = (f.sheet, text) if master is None else (f.sheet, f"\0{f.shared}")
        if key not in marks:
            found = book.references(text, f.sheet)
            if master is not None and master.span and not isinstance(found, str):
                r1, c1, r2, c2 = master.span
                shift = ((r1 - master.row, r2 - master.row), (c1 - master.col, c2 - master.col))
                found = [_moved(r, *shift) for r in found]
            marks[key] = found
        refs.append(marks[key])
    stale: dict[str, set[str]] = {}
    pending = list(range(len(cells)))
    while pending:
        newly = [i for i in pending if _reads(refs[i], hit)]
        if not newly:
            break
        for i in newly:
            stale.setdefault(cells[i].sheet, set()).add(cells[i].ref)
        hit.add_cells((cells[i].sheet, cells[i].row, cells[i].col) for i in newly)
        done = set(newly)
        pending = [i for i in pending if i not in done]
    return stale


def _reads(refs: list[Ref] | str, hit: _Written) -> bool:
    return isinstance(refs, str) or any(hit.hit(r) for r in refs)


def drop_results(xml: bytes, refs: set[str]) -> bytes:
    """The sheet with the cached results (``<v>`` and the type ``t``) of the formula cells
    ``refs`` removed, so that an application computes them; every other byte kept."""
    if not refs:
        return xml
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    wanted = {r.encode() for r in refs}

    def one(m: re.Match[bytes]) -> bytes:
        cell = m.group()
        head_end = cell.index(b">")
        ref = dict(_ATTR_RE.findall(cell[:head_end])).get(b"r")
        if ref not in wanted or cell[head_end - 1 : head_end] == b"/":
            return cell
        head = _TYPE_RE.sub(b"", cell[: head_end + 1])
        return head + _VALUE_RE.sub(b"", cell[head_end + 1 :])

    return xml[:start] + _CELL_RE.sub(one, xml[start:end]) + xml[end:]


_CALC_PR = re.compile(rb"<calcPr\b[^>]*?/?>")
_AFTER_CALC_PR = (
    b"<oleSize",
    b"<customWorkbookViews",
    b"<pivotCaches",
    b"<smartTagPr",
    b"<smartTagTypes",
    b"<webPublishing",
    b"<fileRecoveryPr",
    b"<webPublishObjects",
    b"<extLst",
    b"</workbook>",
)


def full_calc_on_load(workbook_xml: bytes) -> bytes:
    """``xl/workbook.xml`` asking Excel to recalculate every formula when it opens the book
    (``calcPr/@fullCalcOnLoad``, ISO/IEC 29500 §18.2.2); unchanged when it already does."""
    m = _CALC_PR.search(workbook_xml)
    if m is not None:
        element = m.group()
        flag = re.search(rb'\sfullCalcOnLoad="([^"]*)"', element)
        if flag is not None:
            if flag.group(1) in (b"1", b"true"):
                return workbook_xml
            element = element[: flag.start()] + element[flag.end() :]
        end = len(element) - (2 if element.endswith(b"/>") else 1)
        element = element[:end].rstrip() + b' fullCalcOnLoad="1"' + element[end:]
        return workbook_xml[: m.start()] + element + workbook_xml[m.end() :]
    at = min((i for i in (workbook_xml.find(t) for t in _AFTER_CALC_PR) if i >= 0), default=-1)
    if at < 0:
        return workbook_xml
    return workbook_xml[:at] + b'<calcPr fullCalcOnLoad="1"/>' + workbook_xml[at:]
