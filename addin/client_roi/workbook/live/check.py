"""A live book checked: its formulas against its own (what an application may rewrite set
aside), the results its application computed against the method's."""

from __future__ import annotations

import re
from typing import Any

from ...files.xlsx import column_index, column_letter
from .. import layout
from ..blocks import Formula, Outputs
from ..cells import number_text
from .helpers import live_sheet
from .outputs import blocks
from .places import ROWS_NAME, Places


def is_live(book: Any) -> bool:
    """Whether ``book`` (any adapter) is a live book: its defined names say so."""
    try:
        book.name_cells(ROWS_NAME)
    except KeyError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# A live book's formulas, checked
# --------------------------------------------------------------------------------------------

_STRING = re.compile(r'("(?:[^"]|"")*")')
_NUMBER = re.compile(r"(?<![\w.$:])\d+(?:\.\d*)?(?:E[+-]?\d+)?(?![\w(:])")
_REF = re.compile(r"(?<![\w$.'])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(!])")


def agrees(want: Any, got: Any) -> bool:
    """A result the book's application computed (``got``) is the method's (``want``): words,
    counts and error values equal, amounts within a relative 1e-9 (the module's tolerance)."""
    if want is None or want == "":
        return got is None or got == ""
    if isinstance(want, bool) or isinstance(got, bool):
        return bool(want == got)
    if isinstance(want, (int, float)) and not isinstance(want, str):
        return isinstance(got, (int, float)) and abs(got - want) <= 1e-9 * abs(want) + 1e-12
    return str(want) == str(got)


def moved(formula: str, rows: int, cols: int = 0) -> str:
    """``formula`` moved ``rows`` down and ``cols`` right, as a spreadsheet moves a shared
    formula's copies: every relative reference (not in a string, not a function's or a name's)."""

    def move(m: re.Match[str]) -> str:
        col = m[2] if m[1] else column_letter(column_index(m[2]) + cols)
        row = m[4] if m[3] else str(int(m[4]) + rows)
        return f"{m[1]}{col}{m[3]}{row}"

    parts = _STRING.split(formula)
    return "".join(p if i % 2 else _REF.sub(move, p) for i, p in enumerate(parts))


def normal(formula: str) -> str:
    """A formula's text as compared: what an application may change when it saves (the
    ``_xlfn.`` prefixes, spaces, the case of names, how a number is written) set aside."""
    parts = _STRING.split(formula.lstrip("="))
    out = []
    for i, p in enumerate(parts):
        if i % 2 == 0:
            p = re.sub(r"_xlfn\.|_xlws\.|\s+|'", "", p).upper()  # a sheet's name quoted or not
            p = re.sub(r"\b(TRUE|FALSE)\(\)", r"\1", p)  # LibreOffice writes TRUE()
            p = _NUMBER.sub(lambda m: number_text(float(m[0])), p)  # 1E+6, 1000000: one number
        out.append(p)
    return "".join(out)


def written(p: Places, out: Outputs, sheets: dict[str, str]) -> dict[tuple[str, int, int], Formula]:
    """Every formula a live book of these places holds, by (sheet, row, column); ``sheets``: the
    sheet of each block and of the table (``customers``, ``live``, ``tiers``, ``review``)."""
    cells: dict[tuple[str, int, int], Formula] = {}

    def put(sheet: str, row: int, col: int, rows: list[list[Any]]) -> None:
        for i, line in enumerate(rows):
            for j, v in enumerate(line):
                if isinstance(v, Formula):
                    cells[(sheet, row + i, col + j)] = v

    made = blocks(p, out)
    for key, values in made.columns.items():
        if key in p.keys:
            put(sheets["customers"], 2, p.keys.index(key) + 1, [[v] for v in values])
    for b in layout.BLOCKS:
        if b.name != "charts":
            row, col = layout.position(b.name)
            put(sheets[b.sheet], row, col, getattr(made, b.name.removeprefix("out_")))
    for row, col, rows in live_sheet(p):
        put(sheets["live"], row, col, rows)
    cells[(sheets["tiers"], 1, 3)] = Formula("live_status")
    return cells


def _short(formula: str, most: int = 100) -> str:
    """A formula as a message shows it: its beginning, when it is long."""
    return formula if len(formula) <= most else formula[: most - 1] + "…"


def first_edit(
    expected: dict[tuple[str, int, int], Formula], found: dict[tuple[str, int, int], tuple[str | None, str | None]]
) -> tuple[str, int, int, str, str] | None:
    """The first cell whose formula is not the live book's: (sheet, row, column, what it holds,
    what it should). ``found``: each formula cell's (text, shared group), a shared copy's text
    None (its group's first cell's, moved)."""
    masters: dict[tuple[str, str], tuple[int, int, str]] = {}
    for (sheet, row, col), (text, si) in found.items():
        if si is not None and text is not None:
            masters[(sheet, si)] = (row, col, text)
    groups: dict[tuple[str, int], tuple[int, int, str]] = {}  # ours: (sheet, si) → its first cell
    for (sheet, row, col), f in expected.items():
        if f.shared is not None and f.shared[1] is not None:
            groups[(sheet, f.shared[0])] = (row, col, f)
    same: dict[tuple[str, str], bool] = {}
    for (sheet, row, col), f in expected.items():
        text, si = found.get((sheet, row, col), (None, None))
        want = f if f.shared is None or f.shared[1] is not None else None
        if want is None:  # a copy of ours: its group's first text, moved
            r0, c0, head = groups[(sheet, f.shared[0])]  # type: ignore[index]
            if si is not None and (sheet, si) in masters and masters[(sheet, si)][:2] == (r0, c0):
                key = (sheet, si)
                if key not in same:
                    same[key] = normal(masters[key][2]) == normal(head)
                if same[key]:
                    continue  # a copy of the very group we wrote, unchanged
            want = Formula(moved(head, row - r0, col - c0))
        if text is None and si is not None and (sheet, si) in masters:
            r0, c0, head_found = masters[(sheet, si)]
            text = moved(head_found, row - r0, col - c0)
        if text is None or normal(text) != normal(want):
            return sheet, row, col, "" if text is None else _short("=" + text), _short("=" + want)
    return None
