"""What a refresh writes into a sheet's XML: rectangles of values (:class:`Rect`), each value
one SpreadsheetML ``c`` element (:func:`cell_xml`), numbers as Excel writes them
(:func:`number_text`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from .blocks import ExcelError, Formula


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
        return f'<c r="{ref}"{s}><v>{number_text(value)}</v></c>'
    if kind is str and value:
        if "&" in value or "<" in value or ">" in value:
            value = escape(value)
        space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{value}</t></is></c>'
    if kind is Formula:
        return f'<c r="{ref}"{s}>{formula_xml(value)}</c>'
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
    return f'<c r="{ref}"{s}><v>{number_text(float(value))}</v></c>'


def formula_xml(formula: Formula) -> str:
    """A formula's ``f`` element: no cached result, so every application computes it."""
    if formula.shared is None:
        return f"<f>{escape(formula)}</f>"
    si, ref = formula.shared
    if ref is None:
        return f'<f t="shared" si="{si}"/>'
    return f'<f t="shared" ref="{ref}" si="{si}">{escape(formula)}</f>'


def number_text(value: float) -> str:
    """A double as the shortest text that reads back as it (``repr``), a whole number without
    its ``.0`` (as Excel writes it): 1478 for 1478.0."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text
