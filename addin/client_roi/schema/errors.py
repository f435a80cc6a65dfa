"""One error for input that cannot give a right answer, whatever the door: the message says
where and why, and ``argument`` (a column's key or a parameter's name), ``item`` (the 0-based
row or element) and ``cause`` (the bare why) let a caller that knows more name the place in its
own terms: a file's line, a workbook's cell, a DataFrame's row."""

from __future__ import annotations


class ClientRoiError(ValueError):
    """Input that cannot give a right answer. The message names the argument and the cause.

    ``argument`` and ``item`` (0-based, row-major) say where, when one element is at fault,
    so that a caller holding the cells (the refresh pipeline) can name the cell.
    """

    def __init__(self, message: str, argument: str | None = None, item: int | None = None, cause: str | None = None):
        super().__init__(message)
        self.argument = argument
        self.item = item
        self.cause = cause or message
