"""Refresh: read inputs → validate → compute with the engine → write output blocks.

One pipeline for every runtime. It talks to a workbook through :class:`Workbook`, five small
methods that :class:`OpenpyxlBook` (files, the command line) and :class:`XwBook` (any
``xw.Book``: the ribbon button on the desktop, xlwings Lite, xlwings Server) implement.
Everything is found by the table name ``Customers`` and workbook-level defined names
(:mod:`client_roi.layout`), never by sheet name or position, so the French template refreshes
too.

Rules: all inputs are read and validated, and every result computed, before the first write;
a refresh that fails raises :class:`RefreshError` naming sheet, cell, column and cause, and
changes nothing. Input columns are never written. Text from the data is written as text,
never as a formula.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from . import engine, layout


class RefreshError(Exception):
    """A refresh that cannot be done; the message says where (sheet, cell, column) and why."""


class ExcelError(str):
    """An Excel error value to write as such (``#DIV/0!``); any other ``str`` is plain text."""


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

    @property
    def end(self) -> int:
        """The last row of the table, totals row included."""
        return self.top + self.nrows + self.totals


class Workbook(Protocol):
    def table(self, name: str) -> Table: ...
    def column(self, table: Table, offset: int) -> list[Any]: ...
    def name_cells(self, name: str) -> tuple[str, int, int, list[list[Any]]]: ...
    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None: ...
    def write_column(self, sheet: str, row: int, col: int, values: list[Any]) -> None: ...
    def clear(self, sheet: str, row: int, col: int, nrows: int, ncols: int) -> None: ...
    def run_end(self, sheet: str, row: int, col: int) -> int: ...
    def row(self, sheet: str, row: int, col: int, ncols: int) -> list[Any]: ...


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


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


def _columns(table: Table) -> tuple[str, dict[str, int]]:
    index: dict[str, int] = {}
    votes = {"en": 0, "fr": 0}
    for i, name in enumerate(table.header):
        key = layout.HEADER_KEYS.get(layout.normalize(name))
        if key is None:
            continue  # the user's own extra columns are left alone
        if key in index:
            raise RefreshError(
                f"{cell_name(table.sheet, table.top, table.left + i)}: column '{name}' repeats "
                f"'{table.header[index[key]]}' in table {layout.TABLE}"
            )
        index[key] = i
        for lang in layout.LANGS:
            votes[lang] += layout.normalize(name) == layout.normalize(layout.header(key, lang))
    missing = [layout.header(c.key, "en") for c in layout.COLUMNS if c.key not in index and not c.optional]
    if missing:
        raise RefreshError(
            f"table {layout.TABLE} on sheet '{table.sheet}' has no column " + ", ".join(f"'{m}'" for m in missing)
        )
    return ("fr" if votes["fr"] > votes["en"] else "en"), index


def _param(book: Workbook, p: layout.Parameter) -> tuple[Any, tuple[str, int, int] | None]:
    try:
        sheet, row, col, values = book.name_cells(p.name)
    except KeyError:
        if p.optional:
            return None, None
        raise RefreshError(f"the workbook has no defined name '{p.name}' (Parameters)") from None
    except RefreshError as exc:  # a name that is no range of cells
        raise RefreshError(f"parameter '{p.name}': {exc}") from None
    flat = [v for r in values for v in r]
    while flat and engine.is_blank(flat[-1]):
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
    inputs = {index[c.key]: c.key for c in layout.INPUTS if c.key in index}
    stale = 0
    while stale < MAX_STALE_ROWS:
        r = table.end + 1 + stale
        values = book.row(table.sheet, r, table.left, len(table.header))
        filled = [j for j, v in enumerate(values) if not engine.is_blank(v)]
        if not filled:
            break
        typed = [j for j in filled if j in inputs]
        if typed:
            j = typed[0]
            raise RefreshError(
                f"{cell_name(table.sheet, r, table.left + j)} (column '{table.header[j]}'): {values[j]!r} is "
                f"typed just below table {layout.TABLE}, outside it, so it would be left out: resize the "
                "table to include that row (Table Design > Resize Table), or move it"
            )
        stale += 1
    return stale


def read(book: Workbook) -> Inputs:
    """Read the Customers table and the parameters; check the table's shape and what is below."""
    table = book.table(layout.TABLE)
    lang, index = _columns(table)
    stale = _below(book, table, index)
    columns = {
        c.key: book.column(table, index[c.key]) if c.key in index else [None] * table.nrows for c in layout.INPUTS
    }
    params, cells = {}, {}
    for p in layout.PARAMETERS:
        params[p.name], where = _param(book, p)
        if where:
            cells[p.name] = where
    return Inputs(lang, table, index, columns, params, cells, stale)


# --------------------------------------------------------------------------------------------
# Compute
# --------------------------------------------------------------------------------------------


@dataclass
class Outputs:
    lang: str
    columns: dict[str, list[Any]]  # computed column key -> one value per table row
    facts: list[list[Any]]
    bands: list[list[Any]]
    concentration: list[list[Any]]
    pareto: list[list[Any]]
    review: list[list[Any]]
    plan: list[list[Any]] = field(default_factory=list)
    sweep: list[list[Any]] = field(default_factory=list)
    balanced: list[list[Any]] = field(default_factory=list)
    overrun: list[list[Any]] = field(default_factory=list)
    best_band: Any = None  # the most balanced band of the sweep
    days_needed: float = 0.0  # the prospect plan's total effort days
    days_available: float | None = None
    band_text: str = ""  # the band in use, as offsets: "±20%" or "-40.0%; …"

    @property
    def load(self) -> float | None:
        """The plan's days needed ÷ days available (None without prospecting days)."""
        return None if self.days_available is None else self.days_needed / self.days_available


def _locate(inp: Inputs, exc: engine.ClientRoiError) -> RefreshError:
    """Turn an engine error into one that names the sheet, cell and column."""
    t = inp.table
    if exc.argument in inp.index and exc.item is not None:
        col = t.left + inp.index[exc.argument]
        where = cell_name(t.sheet, t.top + 1 + exc.item, col)
        return RefreshError(
            f"{where} (column '{t.header[inp.index[exc.argument]]}', customer row {exc.item + 1}): {exc.cause}"
        )
    if exc.argument in inp.param_cells:
        sheet, row, col = inp.param_cells[exc.argument]
        where = cell_name(sheet, row, col + (exc.item or 0))
        return RefreshError(f"{where} (parameter '{exc.argument}'): {exc}")
    return RefreshError(f"table {layout.TABLE} on sheet '{t.sheet}': {exc}")


def compute(inp: Inputs) -> Outputs:
    """Every result of the refresh, computed by the engine; raises RefreshError on bad input."""
    try:
        return _compute(inp)
    except engine.ClientRoiError as exc:
        raise _locate(inp, exc) from None


def _compute(inp: Inputs) -> Outputs:
    c, p, words = inp.columns, inp.params, layout.TEXT[inp.lang]
    n = inp.table.nrows
    roles = engine.client_role(c["should_pay"], c["has_paid"]).reshape(n)
    gross = engine.numbers(c["gross_margin"], "gross_margin")
    expected = engine.numbers(c["expected_margin"], "expected_margin")
    cost = engine.numbers(c["acquisition_cost"], "acquisition_cost")
    spent = engine.numbers(c["days_spent"], "days_spent")
    roi = engine.roi(gross, cost).reshape(n)  # also refuses negative costs, naming the row
    is_client, is_prospect = roles == "client", roles == "prospect"
    population = gross[is_client & ~np.isnan(gross)]
    if population.size == 0:
        raise engine.ClientRoiError("no paying client has a gross margin: nothing to tier against")

    # Parameter errors carry the parameter's name, which _locate turns into its cell.
    b = engine.bands(population, p["band"], p["trim"] or 0, p["labels"])
    cac = engine.average_cac(p["cac"] if not engine.is_blank(p["cac"]) else _client_costs(cost, is_client))
    budgets = engine.cac_by_tier(cac, b.offsets.tolist(), b.labels)["effort_budget"].to_numpy()
    day_cost = 1 / engine.effort_days(1.0, p["annual_income"], p["margin_rate"], p["working_days"], p["load_factor"])

    gains = np.where(is_client, gross, np.where(is_prospect, expected, np.nan))
    rank = b.tier_index(gains)
    tiered = rank >= 0
    tiers = np.array((*b.labels, None), dtype=object)[rank]  # each row's tier label (None: no tier)
    budget = np.where(tiered, budgets[np.maximum(rank, 0)], np.nan)
    days = budget / day_cost
    roi_cells = [
        (ExcelError(v) if v == engine.DIV0 else v) if client else None
        for v, client in zip(roi.tolist(), is_client.tolist(), strict=True)
    ]
    role_words = layout.ROLE_WORDS[inp.lang]

    # The decision loop: prospects with a budget are planned and followed up.
    planned = is_prospect & tiered
    planned_rank = np.where(planned, rank, -1)
    prospect_days = np.where(planned, days, np.nan)
    prospect_spent = np.where(is_prospect, spent, np.nan)
    available = engine.days_available_for_prospecting(p.get("prospecting_days"))
    left = engine.days_left(prospect_days, prospect_spent)
    in_plan = engine.prospect_plan(planned_rank, expected, prospect_days, available)
    plan_words = layout.PLAN_WORDS[inp.lang]
    band_text = _band_text(b.offsets)

    columns = {
        "role": [role_words.get(r) if r else None for r in roles.tolist()],
        "tier": tiers.tolist(),
        "roi": _cells(roi_cells),
        "effort_budget": _cells(budget),
        "effort_days": _cells(days),
        "days_left": _cells(left),
        "in_plan": [None if v is None else plan_words[v] for v in in_plan.tolist()],
    }
    summary = engine.band_summary(b, population)
    bands: list[list[Any]] = [
        list(words["bands"]),
        *(
            [*_cells(row), float(budgets[k]), float(budgets[k] / day_cost)]
            for k, row in enumerate(summary.to_numpy(dtype=object).tolist())
        ),
    ]
    plan, needed = _plan(b, planned_rank, budget, prospect_days, available, words)
    sweep, best = _sweep(population, b, band_text, p["trim"] or 0, words)
    return Outputs(
        lang=inp.lang,
        columns=columns,
        facts=[
            [label, value]
            for label, value in zip(
                words["facts"],
                [
                    b.reference,
                    int(is_client.sum()),
                    int(is_prospect.sum()),
                    int((roles == "user").sum()),
                    cac,
                    day_cost,
                ],
                strict=True,
            )
        ],
        bands=bands,
        concentration=_concentration(population, words),
        pareto=_pareto(population, words),
        review=_review(inp, words, gross, cost, is_client, tiers),
        plan=plan,
        sweep=sweep,
        balanced=_balanced(population, b.k, p["trim"] or 0, words),
        overrun=_overrun(inp, words, tiers, prospect_days, prospect_spent),
        best_band=best,
        days_needed=needed,
        days_available=available,
        band_text=band_text,
    )


def _plan(b, rank, budget, days, available, words) -> tuple[list[list[Any]], float]:
    """The days available and the load first (fixed rows), then per tier: prospects, effort
    budget and days, and a total. Returns the rows and the days needed."""
    summary = engine.plan_summary(rank, budget, days, b.k)
    needed = engine.exact_sum(summary["effort_days"].to_numpy(), "effort days")
    rows = [
        [words["plan_available"], None, None, available],
        [words["plan_load"], None, None, None if available is None else needed / available],
        words["plan"],
    ]
    columns = (summary["prospects"].tolist(), summary["effort_budget"].tolist(), summary["effort_days"].tolist())
    rows += [[label, int(n), budget_k, days_k] for label, n, budget_k, days_k in zip(b.labels, *columns, strict=True)]
    rows.append(
        [
            words["plan_total"],
            int(summary["prospects"].sum()),
            engine.exact_sum(summary["effort_budget"].to_numpy(), "effort budgets"),
            needed,
        ]
    )
    return rows, needed


def _sweep(population, b, band_text: str, trim, words) -> tuple[list[list[Any]], Any]:
    """The sweep of ±5 % … ±50 % and the band in use: band, balance, then clients and share of
    each tier side by side (tier 1 = top), so every column keeps one kind of number."""
    sweep = engine.band_sweep(population, [*list(engine.SWEEP), b.offsets.tolist()], trim)
    k = int(sweep["tiers"].max())
    band, balance, clients, share = words["sweep"]
    header = [band, balance] + [f"{name} {j + 1}" for j in range(k) for name in (clients, share)]
    rows = [header]
    for i, r in enumerate(sweep.to_dict("records")):
        first = r["band"] if i < len(engine.SWEEP) else f"{words['sweep_in_use']}: {band_text}"
        pairs = [r[f"{name}_{j + 1}"] for j in range(k) for name in ("clients", "share")]
        rows.append([first, r["balance"], *_cells(np.array(pairs, dtype=float))])
    best = engine.SWEEP[engine.most_balanced(sweep.iloc[: len(engine.SWEEP)])]
    return rows, best


def _band_text(offsets: np.ndarray) -> str:
    if offsets.size == 2 and offsets[0] == -offsets[1]:
        return f"±{offsets[1]:.0%}" if offsets[1] * 100 == round(offsets[1] * 100) else f"±{offsets[1]:.2%}"
    return "; ".join(f"{o:+.1%}" for o in offsets)


def _balanced(population, k, trim, words) -> list[list[Any]]:
    """One row: the label and the balanced offsets for the tiers in use, ready to copy."""
    try:
        offsets = engine.balanced_band(population, k, trim).tolist()
    except engine.ClientRoiError as exc:
        return [[words["balanced_none"].format(k=k, why=exc)]]
    return [[words["balanced"].format(k=k), *offsets]]


def _overrun(inp: Inputs, words, tiers, budget_days, spent) -> list[list[Any]]:
    """Prospects over budget, worst first: the limit of concessions."""
    names = inp.columns["customer"]
    rows = [words["overrun"]]
    for i in engine.overrun(budget_days, spent).tolist():
        ratio = spent[i] / budget_days[i] if budget_days[i] > 0 else math.inf
        ratio = ratio if math.isfinite(ratio) else None  # a zero budget: no ratio to show
        rows.append([names[i], tiers[i], float(budget_days[i]), float(spent[i]), ratio])
    return rows


def _client_costs(cost: np.ndarray, is_client: np.ndarray) -> list[float]:
    known = cost[is_client & ~np.isnan(cost)]
    if known.size == 0:
        raise engine.ClientRoiError(
            "cac is blank and no client has an acquisition cost: fill one or the other", argument="cac"
        )
    return known.tolist()


def _cells(values) -> list[Any]:
    """Floats for Excel: NaN (blank) becomes None; markers pass through."""
    if isinstance(values, np.ndarray) and values.dtype == np.float64:  # a computed column: at C speed
        return engine._blank_nan(values).tolist()
    out: list[Any] = []
    for v in values.tolist() if hasattr(values, "tolist") else values:
        if isinstance(v, float) and v != v:
            out.append(None)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


def _concentration(population: np.ndarray, words: dict) -> list[list[Any]]:
    top1 = engine.concentration(population, 1)
    index = engine.hhi(population)
    yes, no = words["yesno"]
    values = [
        top1,
        engine.concentration(population, 5),
        index,
        words["verdict"][engine.concentration_verdict(index)],
        yes if top1 > engine.SINGLE_CUSTOMER_LIMIT else no,
    ]
    return [[label, value] for label, value in zip(words["concentration"], values, strict=True)]


def _pareto(population: np.ndarray, words: dict) -> list[list[Any]]:
    """The engine's Pareto curve of the clients."""
    points = engine.pareto(population, layout.PARETO_STEPS)
    return [words["pareto"]] + [list(p) for p in points]


def _review(inp: Inputs, words: dict, gross, cost, is_client, tiers) -> list[list[Any]]:
    """Paying clients who cost more to win than they bring (ROI < 1), worst first."""
    with np.errstate(divide="ignore", invalid="ignore"):
        roi = gross / cost  # a zero cost (infinite ROI) or a blank never lands here
        losing = is_client & (cost > 0) & ~np.isnan(gross) & (roi < 1)
    order = np.flatnonzero(losing)[np.argsort(roi[losing], kind="stable")]
    names = inp.columns["customer"]
    return [words["review"]] + [
        [names[i], float(gross[i]), float(cost[i]), float(roi[i]), tiers[i]] for i in order.tolist()
    ]


# --------------------------------------------------------------------------------------------
# Write
# --------------------------------------------------------------------------------------------


def write(book: Workbook, inp: Inputs, out: Outputs) -> None:
    t = inp.table
    first = t.top + 1
    written = [key for key in out.columns if key in inp.index]  # an older book may lack the new ones
    if t.nrows:
        for key in written:
            book.write_column(t.sheet, first, t.left + inp.index[key], out.columns[key])
    if inp.stale_rows:  # computed cells left below a table that shrank
        for key in written:
            book.clear(t.sheet, t.end + 1, t.left + inp.index[key], inp.stale_rows, 1)
    for name, block, rows, cols in [
        (layout.OUT_FACTS, out.facts, len(out.facts), 2),
        (layout.OUT_BANDS, out.bands, layout.MAX_TIERS + 1, len(out.bands[0])),
        (layout.OUT_CONCENTRATION, out.concentration, len(out.concentration), 2),
        (layout.OUT_PARETO, out.pareto, len(out.pareto), 2),
        (layout.OUT_PLAN, out.plan, layout.MAX_TIERS + 4, 4),  # 2 fixed rows, header, tiers, total
        (layout.OUT_SWEEP, out.sweep, len(out.sweep), 2 + 2 * layout.MAX_TIERS),
        (layout.OUT_BALANCED, out.balanced, 1, layout.MAX_TIERS),
    ]:
        at = _block_at(book, name)
        if at:
            sheet, row, col = at
            book.clear(sheet, row, col, rows, cols)
            book.write(sheet, row, col, _rectangular(block))
    for name, block in [(layout.OUT_REVIEW, out.review), (layout.OUT_OVERRUN, out.overrun)]:
        at = _block_at(book, name)
        if at:
            # The list may have shrunk: clear down to the end of the previous one, found on its
            # third column (never blank in a listed row).
            sheet, row, col = at
            stale = max(book.run_end(sheet, row, col + 2) - row + 1, len(block))
            book.clear(sheet, row, col, stale, len(block[0]))
            book.write(sheet, row, col, block)


def _block_at(book: Workbook, name: str) -> tuple[str, int, int] | None:
    """Where an output block starts; None for a decision-loop block an older workbook lacks."""
    try:
        sheet, row, col, _ = book.name_cells(name)
    except KeyError:
        if name in layout.OPTIONAL_BLOCKS:
            return None
        raise RefreshError(f"the workbook has no defined name '{name}'") from None
    return sheet, row, col


def _rectangular(block: list[list[Any]]) -> list[list[Any]]:
    """Rows padded with blanks to the widest: one range to write."""
    width = max(len(r) for r in block)
    return [r + [None] * (width - len(r)) for r in block]


def refresh(book: Workbook) -> Outputs:
    """Read, validate and compute everything, then write. Nothing is written on failure."""
    inputs = read(book)
    outputs = compute(inputs)
    write(book, inputs, outputs)
    return outputs


# --------------------------------------------------------------------------------------------
# Adapters
# --------------------------------------------------------------------------------------------


class _ColumnsAsRows:
    """``write_column`` for adapters whose ``write`` takes rows: one value a row."""

    def write(self, sheet: str, row: int, col: int, values: list[list[Any]]) -> None:
        raise NotImplementedError

    def write_column(self, sheet: str, row: int, col: int, values: list[Any]) -> None:
        self.write(sheet, row, col, [[v] for v in values])


class OpenpyxlBook(_ColumnsAsRows):
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
                return Table(ws.title, top, left, list(header), bottom - top - totals, totals)
        raise RefreshError(f"the workbook has no table named '{name}'")

    def column(self, table: Table, offset: int) -> list[Any]:
        col = table.left + offset
        cells = self.wb[table.sheet].iter_rows(
            min_row=table.top + 1, max_row=table.top + table.nrows, min_col=col, max_col=col
        )
        return [self._value(row[0]) for row in cells]

    def _value(self, cell) -> Any:
        if cell.data_type != "f":
            return cell.value
        where = f"{cell_name(cell.parent.title, cell.row, cell.column)}"
        if self.cached is None:
            raise RefreshError(f"{where}: holds the formula {cell.value}, whose value cannot be read here")
        why = self.cached.suspects(cell.parent.title).get(cell.coordinate)
        if why:
            raise RefreshError(f"{where}: {why}")
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
                f"the defined name '{name}' is ={defined.attr_text}, not a range of cells: point it "
                "at its cells again (Formulas > Name Manager)"
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
        while row < ws.max_row and not engine.is_blank(ws.cell(row + 1, col).value):
            row += 1
        return row


class XwBook(_ColumnsAsRows):
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
        raise RefreshError(f"the workbook has no table named '{name}'")

    def column(self, table: Table, offset: int) -> list[Any]:
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
        if engine.is_blank(below[0]):
            return row
        if engine.is_blank(below[1]):
            return row + 1
        return ws.range((row + 1, col)).end("down").row


def main() -> None:
    """Refresh the workbook that called Python: the ribbon's Refresh button."""
    import xlwings as xw

    refresh(XwBook(xw.Book.caller()))
