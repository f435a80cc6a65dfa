"""The refresh pipeline's adapter for any ``xw.Book``: Excel on the desktop (the ribbon's
button), or the remote book of xlwings Lite and Server."""

from __future__ import annotations

from typing import Any

from .. import method
from ..messages import tr
from .refresh import ColumnsAsRows, RefreshError, Table, is_formula_like, refresh


class XwBook(ColumnsAsRows):
    """Any ``xw.Book``: Excel on the desktop, or the remote book of xlwings Lite and Server."""

    def __init__(self, book):
        self.book = book

    def _sheet(self, name: str):
        return self.book.sheets[name]

    def table(self, name: str) -> Table:
        for sheet in self.book.sheets:
            for t in sheet.tables:
                if t.name == name:
                    rng = t.range
                    header = t.header_row_range.options(ndim=1).value
                    body = t.data_body_range
                    nrows = body.shape[0] if body else 0
                    return Table(sheet.name, rng.row, rng.column, list(header), nrows, rng.shape[0] - 1 - nrows)
        raise RefreshError(tr("the workbook has no table named '{name}'", name=name))

    def column(self, table: Table, offset: int, computed: bool = False) -> list[Any]:
        # ``computed``: Excel has computed every formula already
        if not table.nrows:
            return []
        first = (table.top + 1, table.left + offset)
        last = (table.top + table.nrows, table.left + offset)
        values = self._sheet(table.sheet).range(first, last).options(ndim=2, err_to_str=True).value
        return [row[0] for row in values]

    def name_cells(self, name: str):
        names = self.book.names
        if name not in [n.name for n in names]:
            raise KeyError(name)
        rng = names[name].refers_to_range
        return rng.sheet.name, rng.row, rng.column, rng.options(ndim=2, err_to_str=True).value

    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None:
        safe = [["'" + v if is_formula_like(v) else v for v in line] for line in values]
        self._sheet(sheet).range((row, col)).value = safe

    def clear(self, sheet: str, row: int, col: int, nrows: int, ncols: int) -> None:
        self._sheet(sheet).range((row, col), (row + nrows - 1, col + ncols - 1)).clear_contents()

    def row(self, sheet: str, row: int, col: int, ncols: int) -> list[Any]:
        rng = self._sheet(sheet).range((row, col), (row, col + ncols - 1))
        return rng.options(ndim=2, err_to_str=True).value[0]

    def run_end(self, sheet: str, row: int, col: int) -> int:
        """As OpenpyxlBook.run_end, with ``Range.end('down')`` (Ctrl+Down), which every xlwings
        has, remote books from 0.33 on (``Sheet.used_range`` needs 0.37 there). Ctrl+Down from
        a lone filled cell would jump past the blank below it, hence the two cells looked at."""
        ws = self._sheet(sheet)
        below = ws.range((row + 1, col), (row + 2, col)).options(ndim=1).value
        if method.is_blank(below[0]):
            return row
        if method.is_blank(below[1]):
            return row + 1
        return ws.range((row + 1, col)).end("down").row


def main() -> None:
    """Refresh the workbook that called Python: the ribbon's Refresh button."""
    import xlwings as xw

    refresh(XwBook(xw.Book.caller()))
