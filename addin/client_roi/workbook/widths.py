"""How wide a text is in Excel's default font (Calibri 11, as Excel draws it at 96 dpi: each
character's advance rounded to whole pixels), and the column width that shows it whole.

Excel's column width is in characters of the widest digit, 7 pixels in Calibri 11, plus 5
pixels of margins: a width of ``w`` shows ``round(w × 7)`` pixels of text. A character this
table does not hold counts as wide as ``W``: a column is never sized short by a guess."""

from __future__ import annotations

import math

from .widths_table import BOLD, CHARS, REGULAR, UNITS_PER_EM

DIGIT_PX = 7  # Calibri 11's widest digit at 96 dpi: Excel's unit of column width
FILTER_BUTTON_PX = 17  # the drop-down arrow a table's header cell shows at its right


def _pixels(widths: tuple[int, ...], size: float) -> dict[str, int]:
    scale = size * 96 / 72 / UNITS_PER_EM
    return {ch: int(w * scale + 0.5) for ch, w in zip(CHARS, widths, strict=True)}


_REGULAR, _BOLD = _pixels(REGULAR, 11), _pixels(BOLD, 11)


def text_px(text: str, bold: bool = False) -> int:
    """The width of ``text`` in Calibri 11, in pixels.

    >>> text_px("0000000"), text_px("Effort days") < text_px("Effort days", bold=True)
    (49, True)
    """
    table = _BOLD if bold else _REGULAR
    wide = table["W"]
    return sum(table.get(ch, wide) for ch in text)


def shown_px(width: float) -> int:
    """The pixels of text a column of ``width`` shows."""
    return round(width * DIGIT_PX)


def width_for(text: str, bold: bool = False, extra_px: int = 0) -> float:
    """The narrowest column width (to a tenth) that shows ``text`` whole.

    >>> width_for("0000000"), shown_px(width_for("Acquisition cost", True)) >= text_px("Acquisition cost", True)
    (7.0, True)
    """
    return math.ceil((text_px(text, bold) + extra_px) / DIGIT_PX * 10) / 10
