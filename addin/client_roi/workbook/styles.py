"""How the workbook looks: its number formats, fonts and fills, and the format of each kind of
column of the Customers table (:attr:`client_roi.schema.columns.Column.kind`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from .. import method
from ..files import xlsx
from ..messages import tr
from . import layout

MONEY = '#,##0 "€"'  # every amount is built in it, then shown in the book's currency (_currency)


PERCENT = "0.0%"


class _Days:
    """The number format of effort in days, its unit in the book's language: ``0.00 "d"`` (0.05 d
    stays readable); ``DAYS[lang]``."""

    def __getitem__(self, lang: str) -> str:
        return f'0.00 "{tr("d", lang)}"'


DAYS = _Days()


INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")


INDENTED = Alignment(horizontal="left", indent=1)


# Named, as Excel's own default font: a font without a name is whatever the reader picks
# (LibreOffice takes a serif), and the columns are sized for Calibri (client_roi.workbook.widths).
FONT = "Calibri"


TITLE = Font(name=FONT, bold=True, size=14, color="1F4E79")


BOLD = Font(name=FONT, bold=True)


NOTE = Font(name=FONT, italic=True, color="666666")


TIER_FILLS = {"top": "C6EFCE", "middle": "FFEB9C", "bottom": "FFC7CE"}


#: How each kind of column (:attr:`client_roi.schema.columns.Column.kind`) is shown; the days
#: of effort in the book's language (:data:`DAYS`); text, flags and tiers as they are.
KIND_FORMATS = {"money": MONEY, "count": "0.0", "ratio": "0.00"}


def column_format(column: layout.Column, lang: str) -> str | None:
    """The number format of a column of the Customers table, by its kind."""
    return DAYS[lang] if column.kind == "days" else KIND_FORMATS.get(column.kind)


#: How each kind of a block's column (:mod:`client_roi.schema.blocks`) is shown.
BLOCK_FORMATS = {
    "money": MONEY,
    "whole": "0",
    "count": "#,##0",
    "share": PERCENT,
    "percent": "0%",
    "ratio": "0.00",
    "index": "0.000",
    "offset": '"±"0%',
    "fine offset": "0.00%",
}


def block_format(kind: str, lang: str) -> str:
    """The number format of a kind of a block's column, in the book's language (days)."""
    return DAYS[lang] if kind == "days" else BLOCK_FORMATS[kind]


GREEN = PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE")


def number_formats(wb: Workbook) -> Iterator[tuple[Any, Any, str]]:
    """Every number format the book sets: (sheet, its holder, what it covers), a column's
    default style (its rows below the header) or a cell's."""
    for ws in wb.worksheets:
        for letter, dimension in ws.column_dimensions.items():
            yield ws, dimension, f"{letter}2:{letter}{xlsx.MAX_ROWS}"
        for row in ws.iter_rows():
            for cell in row:
                yield ws, cell, cell.coordinate


def french_percents(wb: Workbook) -> None:
    """A French book writes a space before % (``21,8 %``): every percent format gets one."""
    for _, holder, _ in number_formats(wb):
        if holder.number_format.endswith("%") and not holder.number_format.endswith(" %"):
            holder.number_format = holder.number_format[:-1] + " %"


def money_format(currency: str, lang: str) -> str:
    """An amount's number format in ``currency``: after the number (``1 234 €``, ``1,234 CHF``),
    but before it for $ £ ¥ in English (``$1,234``), as each language writes them."""
    if lang == "en" and currency in ("$", "£", "¥"):
        return f'"{currency}"#,##0'
    return f'#,##0 "{currency}"'


def currency_formats(wb: Workbook, lang: str, currency: str) -> None:
    """Every amount (each cell or column formatted :data:`MONEY`) shown in ``currency``, and
    a conditional format a currency that shows them in another when the ``currency`` parameter
    names it: changing the parameter changes every amount at once, in Excel and LibreOffice,
    without a refresh (and an older Excel without conditional number formats keeps the first)."""
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.styles.numbers import NumberFormat

    base = money_format(currency, lang)
    refs: dict[Any, list[str]] = {}
    for ws, holder, ref in number_formats(wb):
        if holder.number_format == MONEY:
            holder.number_format = base
            refs.setdefault(ws, []).append(ref)
    for ws, where in refs.items():
        for i, other in enumerate(method.CURRENCIES):
            if other == currency:
                continue
            named = ",".join(f'TRIM(currency)="{n}"' for n in method.money.names(other))
            dxf = DifferentialStyle(
                numFmt=NumberFormat(numFmtId=DXF_NUMFMT_ID + i, formatCode=money_format(other, lang))
            )
            ws.conditional_formatting.add(" ".join(where), Rule(type="expression", dxf=dxf, formula=[f"OR({named})"]))


#: Number format ids of the conditional formats, above any a cell's own style takes.
DXF_NUMFMT_ID = 300
