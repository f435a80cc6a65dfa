"""The refresh pipeline's adapter for an openpyxl workbook (loaded with formulas, not
data_only, so that they are kept): the fallback for books the fast adapter does not rewrite,
and workbooks built in memory."""

from __future__ import annotations

from typing import Any

from .. import method
from ..messages import tr
from .refresh import ColumnsAsRows, ExcelError, RefreshError, Table, cell_name


class OpenpyxlBook(ColumnsAsRows):
    """An openpyxl workbook (loaded with formulas, not data_only, so that they are kept).

    ``cached`` (:class:`client_roi.files.CachedValues` of the same file) gives input cells that
    hold formulas their computed value, as Excel shows it; a formula with no computed value
    is refused by its cell. Without it (a workbook built in memory) formulas are refused too.
    """

    def __init__(self, wb, cached=None):
        self.wb = wb
        self.cached = cached

    def table(self, name: str) -> Table:
        from openpyxl.utils.cell import range_boundaries

        for ws in self.wb.worksheets:
            if name in ws.tables:
                t = ws.tables[name]
                left, top, right, bottom = range_boundaries(t.ref)
                header = next(ws.iter_rows(min_row=top, max_row=top, min_col=left, max_col=right, values_only=True))
                totals = int(t.totalsRowCount or 0)
                calculated = tuple(j for j, c in enumerate(t.tableColumns) if c.calculatedColumnFormula is not None)
                return Table(ws.title, top, left, list(header), bottom - top - totals, totals, calculated)
        raise RefreshError(tr("the workbook has no table named '{name}'", name=name))

    def column(self, table: Table, offset: int, computed: bool = False) -> list[Any]:
        """A table column's values; ``computed``: a formula with no computed value reads as blank."""
        col = table.left + offset
        cells = self.wb[table.sheet].iter_rows(
            min_row=table.top + 1, max_row=table.top + table.nrows, min_col=col, max_col=col
        )
        if computed:
            return [None if row[0].data_type == "f" and self.cached is None else self._value(row[0]) for row in cells]
        return [self._value(row[0]) for row in cells]

    def _value(self, cell) -> Any:
        if cell.data_type != "f":
            return cell.value
        where = f"{cell_name(cell.parent.title, cell.row, cell.column)}"
        if self.cached is None:
            raise RefreshError(
                tr("{where}: holds the formula {value}, whose value cannot be read here", where=where, value=cell.value)
            )
        why = self.cached.suspects(cell.parent.title).get(cell.coordinate)
        if why:
            raise RefreshError(tr("{place}: {cause}", place=where, cause=why))
        value = self.cached.value(cell.parent.title, cell.row, cell.column)
        return None if value == "" else value

    def row(self, sheet: str, row: int, col: int, ncols: int) -> list[Any]:
        ws = self.wb[sheet]
        if row > ws.max_row:
            return [None] * ncols
        return list(
            next(ws.iter_rows(min_row=row, max_row=row, min_col=col, max_col=col + ncols - 1, values_only=True))
        )

    def name_cells(self, name: str):
        from openpyxl.utils.cell import range_boundaries

        defined = self.wb.defined_names.get(name)
        if defined is None:
            raise KeyError(name)
        destinations = list(defined.destinations)
        if len(destinations) != 1:
            raise RefreshError(
                tr(
                    (
                        "the defined name '{name}' is ={attr_text}, not a range of cells: point it at "
                        "its cells again (Formulas > Name Manager)"
                    ),
                    name=name,
                    attr_text=defined.attr_text,
                )
            )
        sheet, ref = destinations[0]
        left, top, right, bottom = range_boundaries(ref.replace("$", ""))
        ws = self.wb[sheet]
        values = [
            [self._value(c) for c in r] for r in ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right)
        ]
        return sheet, top, left, values

    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None:
        ws = self.wb[sheet]
        for r, line in enumerate(values, start=row):
            for c, v in enumerate(line, start=col):
                cell = ws.cell(r, c)
                cell.value = v
                if isinstance(v, str) and not isinstance(v, ExcelError):
                    cell.data_type = "s"  # openpyxl would read '=…' as a formula

    def clear(self, sheet: str, row: int, col: int, nrows: int, ncols: int) -> None:
        ws = self.wb[sheet]
        for r in range(row, row + nrows):
            for c in range(col, col + ncols):
                if ws.cell(r, c).value is not None:
                    ws.cell(r, c).value = None

    def run_end(self, sheet: str, row: int, col: int) -> int:
        """The last row of the run of filled cells just below (row, col); ``row`` if none."""
        ws = self.wb[sheet]
        while row < ws.max_row and not method.is_blank(ws.cell(row + 1, col).value):
            row += 1
        return row
