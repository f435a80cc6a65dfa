"""Refresh: read the table and the parameters → :func:`client_roi.method.exercise` → the
blocks in the user's words (:mod:`.blocks`) → write.

One pipeline for every runtime. It talks to a workbook through :class:`Workbook`, a few small
methods that :class:`~.openpyxl_book.OpenpyxlBook` (openpyxl workbooks),
:class:`~.zipbook.ZipBook` (files, the command line) and :class:`~.xw_book.XwBook` (any
``xw.Book``: the ribbon button on the desktop, xlwings Lite, xlwings Server) implement.
Everything is found by the table name ``Customers`` and workbook-level defined names
(:mod:`client_roi.workbook.layout`), never by sheet name or position, so the French template refreshes
too.

Rules: all inputs are read and validated, and every result computed, before the first write;
a refresh that fails raises :class:`RefreshError` naming sheet, cell, column and cause, and
changes nothing. Input columns are never written. Text from the data is written as text,
never as a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from .. import messages, method
from ..files.xlsx import column_letter
from ..messages import tr
from . import layout, live, stale
from .blocks import ExcelError, Formula, Outputs, blocks


class RefreshError(Exception):
    """A refresh that cannot be done; the message says where (sheet, cell, column) and why.
    A customer's bad value also carries its column key (``argument``), its 0-based row in the
    table (``item``) and the bare ``cause``, so that a caller that read the customers from a
    file can name the file's line instead of the cell of the book it built."""

    def __init__(self, message: str, argument: str | None = None, item: int | None = None, cause: str = ""):
        super().__init__(message)
        self.argument, self.item, self.cause = argument, item, cause


# Text that a spreadsheet would read as a formula (or that CSV injection relies on).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and not isinstance(value, ExcelError) and value.startswith(FORMULA_PREFIXES)


@dataclass
class Table:
    sheet: str
    top: int  # 1-based row of the header
    left: int  # 1-based column of the first column
    header: list[Any]
    nrows: int  # data rows below the header (a totals row is not one)
    totals: int = 0  # rows of the table's totals row (0 or 1), after the data rows
    calculated: tuple[int, ...] = ()  # the table's calculated columns (0-based): formulas, not the customers' data

    @property
    def end(self) -> int:
        """The last row of the table, totals row included."""
        return self.top + self.nrows + self.totals


class Workbook(Protocol):
    def table(self, name: str) -> Table: ...
    def column(self, table: Table, offset: int, computed: bool = False) -> list[Any]: ...
    def name_cells(self, name: str) -> tuple[str, int, int, list[list[Any]]]: ...
    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None: ...
    def write_column(self, sheet: str, row: int, col: int, values: list[Any]) -> None: ...
    def clear(self, sheet: str, row: int, col: int, nrows: int, ncols: int) -> None: ...
    def run_end(self, sheet: str, row: int, col: int) -> int: ...
    def row(self, sheet: str, row: int, col: int, ncols: int) -> list[Any]: ...


class ColumnsAsRows:
    """``write_column`` for adapters whose ``write`` takes rows: one value a row."""

    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None:
        raise NotImplementedError

    def write_column(self, sheet: str, row: int, col: int, values: list[Any]) -> None:
        self.write(sheet, row, col, [[v] for v in values])


def cell_name(sheet: str, row: int, col: int) -> str:
    return f"{sheet}!{column_letter(col)}{row}"


# --------------------------------------------------------------------------------------------
# Read
# --------------------------------------------------------------------------------------------


@dataclass
class Inputs:
    lang: str
    table: Table
    index: dict[str, int]  # column key -> 0-based position in the table
    columns: dict[str, list[Any]]  # input column key -> raw cell values
    params: dict[str, Any]
    param_cells: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    stale_rows: int = 0  # rows below the table holding only old computed cells
    extras: dict[str, list[Any]] = field(default_factory=dict)  # the user's own columns, by header, when needed


def _columns(table: Table) -> tuple[str, dict[str, int]]:
    index: dict[str, int] = {}
    votes = dict.fromkeys(messages.LANGUAGES, 0)  # the headers' language: an exact name counts twice
    for i, name in enumerate(table.header):
        key = layout.header_key(name, door=False)  # a percent is never money: Gross Margin % is the user's
        if key is None:
            continue  # the user's own extra columns are left alone
        if key in index:
            raise RefreshError(
                tr(
                    "{cell_name}: column '{name}' repeats '{header}' in table {TABLE}",
                    cell_name=cell_name(table.sheet, table.top, table.left + i),
                    name=name,
                    header=table.header[index[key]],
                    TABLE=_table(),
                )
            )
        index[key] = i
        for lang in votes:
            said = layout.header(key, lang)
            votes[lang] += (name.strip() == said) + (layout.normalize(name) == layout.normalize(said))
    missing = [layout.header(c.key, "en") for c in layout.COLUMNS if c.key not in index and not c.optional]
    if missing:
        raise RefreshError(
            tr(
                "table {TABLE} on sheet '{sheet}' has no column {value}",
                TABLE=_table(),
                sheet=table.sheet,
                value=", ".join(f"'{m}'" for m in missing),
            )
        )
    return max(votes, key=lambda lang: (votes[lang], lang == "en")), index  # a tie: English


def _param(book: Workbook, p: layout.Parameter) -> tuple[Any, tuple[str, int, int] | None]:
    try:
        sheet, row, col, values = book.name_cells(p.name)
    except KeyError:
        if p.optional:
            return None, None
        raise RefreshError(tr("the workbook has no defined name '{name}' (Parameters)", name=p.name)) from None
    except RefreshError as exc:  # a name that is no range of cells
        raise RefreshError(tr("parameter '{name}': {exc}", name=p.name, exc=exc)) from None
    flat = [v for r in values for v in r]
    while flat and method.is_blank(flat[-1]):
        flat.pop()
    if p.cells == 1:
        value = flat[0] if flat else None
    elif p.name == "band":
        value = flat[0] if len(flat) == 1 else flat  # one cell is ±p; several are the offsets
    else:
        value = flat or None
    return value, (sheet, row, col)


#: How far below the table a refresh looks for old computed cells to clear.
MAX_STALE_ROWS = 100_000


def _below(book: Workbook, table: Table, index: dict[str, int]) -> int:
    """Rows just below the table that hold only computed cells left from a longer table (to
    clear); a customer typed below the table, outside it, is refused by its cell."""
    inputs = {index[c.key]: c.key for c in layout.INPUTS + layout.MOVEMENT_INPUTS if c.key in index}
    stale = 0
    while stale < MAX_STALE_ROWS:
        r = table.end + 1 + stale
        values = book.row(table.sheet, r, table.left, len(table.header))
        filled = [j for j, v in enumerate(values) if not method.is_blank(v)]
        if not filled:
            break
        typed = [j for j in filled if j in inputs]
        if typed:
            j = typed[0]
            raise RefreshError(
                tr(
                    (
                        "{cell_name} (column '{header}'): {values!r} is typed just below table {TABLE}, "
                        "outside it, so it would be left out: resize the table to include that row "
                        "(Table Design > Resize Table), or move it"
                    ),
                    cell_name=cell_name(table.sheet, r, table.left + j),
                    header=table.header[j],
                    values=values[j],
                    TABLE=_table(),
                )
            )
        stale += 1
    return stale


def read(book: Workbook) -> Inputs:
    """Read the Customers table and the parameters; check the table's shape and what is below."""
    table = book.table(layout.TABLE)
    lang, index = _columns(table)
    stale = _below(book, table, index)
    columns = {
        c.key: _column(book, table, index[c.key], c.key) if c.key in index else [None] * table.nrows
        for c in layout.INPUTS + layout.MOVEMENT_INPUTS
        if c.key in index or not c.movement  # no Previous tier column: no movement at all
    }
    params, cells = {}, {}
    for p in layout.PARAMETERS:
        params[p.name], where = _param(book, p)
        if where:
            cells[p.name] = where
    extras = _extras(book, table, index, columns, params.get("similar_by"))
    return Inputs(lang, table, index, columns, params, cells, stale, extras)


def _column(book: Workbook, table: Table, j: int, key: str) -> list[Any]:
    """An input column's values. A live book computes its Previous tier where there is a previous
    margin (which the method reads instead): such a formula, not yet computed, reads as blank."""
    if key == "previous_tier" and live.is_live(book):
        return book.column(table, j, computed=True)
    return book.column(table, j)


def _extras(book: Workbook, table: Table, index: dict[str, int], columns: dict[str, list[Any]], similar_by: Any):
    """The user's own columns of the table, by header: read only when a prospect's potential is
    to be estimated from them (a prospect without an expected margin, and ``similar_by`` not
    ``none``), so a refresh reads no more than it needs. A calculated column (the table's own
    formula, ``=[@Gross margin]*2``) is no attribute of a customer: left out."""
    known = set(index.values()) | set(table.calculated)  # a calculated column is formulas, not an attribute
    own = [j for j, h in enumerate(table.header) if j not in known and not method.is_blank(h)]
    if not own or method.asks_no_estimate(similar_by):
        return {}  # most books: no column of the user's, and no pass over the roles
    try:
        roles = np.asarray(method.client_role(columns["should_pay"], columns["has_paid"]), dtype=object)
        expected = method.numbers(columns["expected_margin"], "expected_margin")
    except method.ClientRoiError:
        return {}  # the exercise refuses it, by its cell
    if not np.any((roles.reshape(-1) == "prospect") & np.isnan(expected)):
        return {}
    return {str(table.header[j]): book.column(table, j) for j in own}


# --------------------------------------------------------------------------------------------
# Compute
# --------------------------------------------------------------------------------------------


def _locate(inp: Inputs, exc: method.ClientRoiError) -> RefreshError:
    """Turn an engine error into one that names the sheet, cell and column."""
    t = inp.table
    if exc.argument in inp.index and exc.item is not None:
        col = t.left + inp.index[exc.argument]
        where = cell_name(t.sheet, t.top + 1 + exc.item, col)
        return RefreshError(
            tr(
                "{where} (column '{header}', customer row {item}): {cause}",
                where=where,
                header=t.header[inp.index[exc.argument]],
                item=exc.item + 1,
                cause=exc.cause,
            ),
            exc.argument,
            exc.item,
            exc.cause,
        )
    if exc.argument in inp.param_cells:
        sheet, row, col = inp.param_cells[exc.argument]
        where = cell_name(sheet, row, col + (exc.item or 0))
        return RefreshError(tr("{where} (parameter '{argument}'): {exc}", where=where, argument=exc.argument, exc=exc))
    return RefreshError(tr("table {TABLE} on sheet '{sheet}': {exc}", TABLE=_table(), sheet=t.sheet, exc=exc))


def compute(inp: Inputs) -> Outputs:
    """Every result of the refresh (:func:`client_roi.method.exercise`) as the cells to write;
    raises RefreshError, naming the cell, on bad input."""
    customers = pd.DataFrame({**inp.extras, **inp.columns}, dtype=object)  # ours win a clash of names
    try:
        ex = method.exercise(customers, **inp.params)
    except method.ClientRoiError as exc:
        raise _locate(inp, exc) from None
    out = blocks(ex, inp.lang)
    exact, close = stale.values(inp.columns, inp.params, inp.table.top + 1)
    out.inputs = [[*exact, *close]]
    return out


# --------------------------------------------------------------------------------------------
# Write
# --------------------------------------------------------------------------------------------


def write(
    book: Workbook, inp: Inputs, out: Outputs, only: frozenset[str] | None = None, listed: int | None = None
) -> None:
    """Write the computed columns and every block; each block's place is checked first, so a
    block that would go past the sheet's last row changes nothing. ``only``: those columns and
    blocks (by key and name) alone; ``listed``: how long the lists were (a live book's: its
    rows), else found by reading them."""
    from ..files.xlsx import MAX_ROWS

    places: list[tuple[str, int, int, list[list[Any]], int | None, int | None]] = []
    for b in layout.BLOCKS:
        if b.name == "charts" or (only is not None and b.name not in only):
            continue
        name, block = b.name, getattr(out, b.name.removeprefix("out_"))
        # a table's cells at its largest are cleared; a list is as long as it is
        rows, cols = (None, None) if b.listed else (b.rows, b.columns or (len(block[0]) if block else 0))
        at = _block_at(book, name)
        if at is None:
            continue
        sheet, row, col = at
        if row + len(block) - 1 > MAX_ROWS:
            raise RefreshError(
                tr(
                    (
                        "{cell_name} ({name}): its {n_block:,} rows would go past the sheet's last row, "
                        "{MAX_ROWS:,} (Excel's limit)"
                    ),
                    cell_name=cell_name(sheet, row, col),
                    name=name,
                    n_block=len(block),
                    MAX_ROWS=MAX_ROWS,
                )
            )
        places.append((sheet, row, col, block, rows, cols))
    t = inp.table
    first = t.top + 1
    written = [
        key for key in out.columns if key in inp.index and (only is None or key in only)
    ]  # an older book may lack the new ones
    if t.nrows:
        for key in written:
            book.write_column(t.sheet, first, t.left + inp.index[key], out.columns[key])
    if inp.stale_rows:  # computed cells left below a table that shrank
        for key in written:
            book.clear(t.sheet, t.end + 1, t.left + inp.index[key], inp.stale_rows, 1)
    for sheet, row, col, block, rows, cols in places:
        if rows is None or cols is None:
            # A list, which may have shrunk: clear down to the end of the previous one, found on
            # its third column (never blank in a listed row).
            end = book.run_end(sheet, row, col + 2) - row + 1 if listed is None else listed + 1
            stale = max(end, len(block))
            book.clear(sheet, row, col, stale, len(block[0]))
            book.write(sheet, row, col, block)
        else:
            book.clear(sheet, row, col, rows, cols)
            if block:  # an empty block (no previous tiers) is left empty
                book.write(sheet, row, col, _rectangular(block))


def _block_at(book: Workbook, name: str) -> tuple[str, int, int] | None:
    """Where an output block starts; None for a decision-loop block an older workbook lacks."""
    try:
        sheet, row, col = _place(book, name)
    except KeyError:
        if name in layout.OPTIONAL_BLOCKS:
            return None
        raise RefreshError(tr("the workbook has no defined name '{name}'", name=name)) from None
    return sheet, row, col


def _place(book: Workbook, name: str) -> tuple[str, int, int]:
    """Where a defined name starts: without reading its cells where the adapter can (a live
    book's formulas may not be computed yet)."""
    place = getattr(book, "name_place", None)
    if place is not None:
        return place(name)
    sheet, row, col, _ = book.name_cells(name)
    return sheet, row, col


def _rectangular(block: list[list[Any]]) -> list[list[Any]]:
    """Rows padded with blanks to the widest: one range to write."""
    width = max(len(r) for r in block)
    return [r + [None] * (width - len(r)) for r in block]


def refresh(book: Workbook, inputs_read: Callable[[], None] | None = None) -> Outputs:
    """Read, validate and compute everything, then write. Nothing is written on failure.
    ``inputs_read``: called once the inputs are read (an adapter lets go of what it read)."""
    with messages.using(_language_of(book)):  # a French book speaks French, by the ribbon and in Lite too
        if live.is_live(book) and not hasattr(book, "formulas"):
            raise RefreshError(
                tr(
                    "this live book computes itself as you type: there is nothing to refresh here; "
                    "client-roi refresh on its file checks its formulas and writes the estimates"
                )
            )
        inputs = read(book)
        if inputs_read is not None:
            inputs_read()
        outputs = compute(inputs)
        if live.is_live(book):
            refresh_live(book, inputs, outputs)
        else:
            write(book, inputs, outputs)
    return outputs


#: What the method alone computes in a live book: written by a refresh as values.
METHOD_ONLY = frozenset({"estimated_margin", "estimate_low", "estimate_high", "estimated_from", layout.OUT_POTENTIAL})


def refresh_live(book: Workbook, inp: Inputs, out: Outputs) -> None:
    """A live book computes itself: a refresh checks that its formulas are still its own (one
    edited is refused, by its cell) and that the results its application last computed are the
    method's, then writes what the method alone computes (a prospect's estimate, the potential's
    figures). A table that grew or shrank gets its formulas again for its rows."""
    formulas = book.formulas  # type: ignore[attr-defined]  # refresh() sent the others away
    t = inp.table
    rows = book.name_cells(live.ROWS_NAME)[3][0][0]  # the rows its formulas cover (none yet: a new book)
    if rows != t.nrows:
        write_live(book, inp, out, int(rows or 0))
        return
    places = _places(inp)
    sheets = {
        "customers": t.sheet,
        "live": _place(book, live.ROWS_NAME)[0],
        "tiers": _place(book, layout.OUT_FACTS)[0],
        "review": _place(book, layout.OUT_REVIEW)[0],
    }
    edit = live.first_edit(live.written(places, out, sheets), formulas(set(sheets.values())))
    if edit is not None:
        sheet, row, col, found, wanted = edit
        raise RefreshError(
            tr(
                (
                    "{cell}: a formula of this live book was edited: it is {found}, the book's own is "
                    "{wanted}; its numbers are no longer the method's. Undo the edit, or write the book "
                    "again (client-roi fill --live)"
                ),
                cell=cell_name(sheet, row, col),
                found=found or tr("no formula"),
                wanted=wanted,
            )
        )
    _check_results(book, inp, out)
    write(book, inp, out, METHOD_ONLY)


def _check_results(book: Workbook, inp: Inputs, out: Outputs) -> None:
    """The results the book's application last computed (when it has) against the method's:
    every word equal, every amount within a relative 1e-9 (see :mod:`.live`)."""
    t = inp.table
    for key in ("role", "tier", "roi", "effort_budget", "effort_days", "days_left", "in_plan"):
        if key not in inp.index:
            continue
        try:
            cached = book.column(t, inp.index[key])
        except RefreshError:  # never computed (a book as written, not yet opened): nothing to check
            return
        for i, (got, want) in enumerate(zip(cached, out.columns[key], strict=False)):
            if got is None or live.agrees(want, got):
                continue
            raise RefreshError(
                tr(
                    "{cell}: the book shows {got}, the method {want}: its application computed it otherwise",
                    cell=cell_name(t.sheet, t.top + 1 + i, t.left + inp.index[key]),
                    got=repr(got),
                    want=repr(want),
                )
            )


def _places(inp: Inputs) -> live.Places:
    t = inp.table
    if (t.top, t.left) != (1, 1):
        raise RefreshError(
            tr(
                "table {TABLE} must start at cell A1 of its sheet for its formulas (a live book): it starts at {cell}",
                TABLE=_table(),
                cell=cell_name(t.sheet, t.top, t.left),
            )
        )
    keys = tuple(layout.header_key(h, door=False) or f"\0{j}" for j, h in enumerate(t.header))
    then = inp.columns.get("previous_margin", [None] * t.nrows)
    known = tuple(not method.is_blank(v) for v in then)  # a number: the method read them all
    return live.Places(inp.lang, t.nrows, keys, known)


def write_live(book: Workbook, inp: Inputs, out: Outputs, before: int) -> None:
    """A live book (:mod:`.live`): every computed cell written as its formula, the estimates
    as the method's values; the hidden sheet's helper columns and tables for the table's rows.
    ``before``: the rows its formulas covered (0: none yet)."""
    t = inp.table
    places = _places(inp)
    write(book, inp, live.blocks(places, out), listed=before)
    sheet, row, col = _place(book, live.ROWS_NAME)
    for r, c, cells in live.live_sheet(places):
        book.write(sheet, r, c, cells)
    if before > t.nrows:  # a table that shrank: its helper rows past its end go
        book.clear(sheet, t.nrows + 2, 1, before - t.nrows, len(live.HELPERS))
    book.write(sheet, row, col, [[t.nrows]])
    tiers = _place(book, layout.OUT_FACTS)[0]
    book.write(tiers, 1, 3, [[Formula("live_status")]])


def _language_of(book: Workbook) -> str:
    """The workbook's language, by its Parameters sheet's name (English when it cannot tell)."""
    try:
        sheet = book.name_cells("band")[0]
    except (KeyError, RefreshError):
        return "en"
    return layout.book_language([sheet])


def _table() -> str:
    """The Customers table as the user knows it: by its sheet's name in the book's language (the
    Excel table is named Customers in every language)."""
    return layout.SHEETS["customers"][messages.language()]
