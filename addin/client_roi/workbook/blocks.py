"""The exercise's results as the workbook shows them: the computed columns and the blocks of
the Tiers and Review sheets, as rows of cells in the user's words (English or French).

No computation here: every number comes from :func:`client_roi.method.exercise`; this module
only chooses the words, orders the cells, and turns blanks (NaN) into empty cells and a zero
cost's ROI into Excel's ``#DIV/0!``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .. import method
from ..messages import mark, number, tr
from ..method import Exercise
from ..method.compare import equal
from . import layout


class ExcelError(str):
    """An Excel error value to write as such (``#DIV/0!``); any other ``str`` is plain text."""


class Formula(str):
    """A formula to write as such, its text without the ``=`` (a live book's cells: any other
    ``str`` is plain text, never a formula). ``shared``: ``(si, ref)`` for the first cell of a
    shared formula covering ``ref``, ``(si, None)`` for the others of the group (their text is
    the first's, moved: not written)."""

    shared: tuple[int, str | None] | None = None

    def __new__(cls, text: str, shared: tuple[int, str | None] | None = None) -> Formula:
        formula = super().__new__(cls, text)
        formula.shared = shared
        return formula


@dataclass
class Outputs:
    """What a refresh writes: computed columns (key → one cell per customer row) and blocks
    (rows of cells), with what the command line's summary prints."""

    lang: str
    columns: dict[str, list[Any]]
    facts: list[list[Any]]
    bands: list[list[Any]]
    concentration: list[list[Any]]
    pareto: list[list[Any]]
    review: list[list[Any]]
    plan: list[list[Any]] = field(default_factory=list)
    sweep: list[list[Any]] = field(default_factory=list)
    balanced: list[list[Any]] = field(default_factory=list)
    overrun: list[list[Any]] = field(default_factory=list)
    inputs: list[list[Any]] = field(default_factory=list)  # the inputs' fingerprint (stale.py), one row
    mobility: list[list[Any]] = field(default_factory=list)  # one line (how to get it) without previous tiers
    potential: list[list[Any]] = field(default_factory=list)  # the estimates' figures, or one line: why none
    estimated_prospects: int = 0  # prospects whose tier, budget and plan rest on an estimate
    best_band: Any = None  # the widest offset of the most balanced band of the sweep
    best_kind: str = "sweep"  # which row that is: a band of the sweep, the band in use, the balanced band
    days_needed: float = 0.0  # the prospect plan's total effort days
    days_available: float | None = None
    band_text: str = ""  # the band in use, as offsets: "±20%" or "-40.0%; …"
    budgets: bool = True  # False: no acquisition cost is known, so no budget, day or plan
    previous_as_typed: int = 0  # previous tiers typed without a previous margin, kept as typed

    @property
    def load(self) -> float | None:
        """The plan's days needed ÷ days available (None without prospecting days)."""
        return None if self.days_available is None else self.days_needed / self.days_available


def blocks(ex: Exercise, lang: str) -> Outputs:
    """The cells of every computed column and block, in ``lang``."""
    words: dict[str, Any] = layout.TEXT[lang]
    band_text = _band_text(ex.band.offsets, lang)
    return Outputs(
        lang=lang,
        columns=_columns(ex.customers, lang),
        facts=_pairs(words["facts"], ex.facts.tolist()),
        bands=[list(words["bands"]), *(_cells(row) for row in ex.bands.to_numpy(dtype=object).tolist())],
        concentration=_concentration(ex.concentration, words),
        pareto=[words["pareto"], *ex.pareto.to_numpy().tolist()],
        review=_review(ex, words),
        plan=_plan(ex, words),
        sweep=_sweep(ex.sweep, ex.band.labels, words, lang),
        balanced=_balanced(ex, words),
        overrun=[
            words["overrun"],
            *(_cells(row) for row in _rows(ex.overrun, ["customer", "tier", "budget_days", "days_spent", "ratio"])),
        ],
        mobility=_mobility(ex, lang),
        potential=_potential(ex, words),
        estimated_prospects=ex.estimated_prospects,
        best_band=ex.best_band,
        best_kind=ex.best_kind,
        days_needed=ex.days_needed,
        days_available=ex.days_available,
        band_text=band_text,
        budgets=ex.facts["cac"] is not None,
        previous_as_typed=ex.previous_as_typed,
    )


def _columns(customers: pd.DataFrame, lang: str) -> dict[str, list[Any]]:
    """Each computed column of the schema, as cells: words in the book's language (its
    ``Column.words``), an ROI's ``#DIV/0!`` for a zero cost, blanks for NaN, labels as they are.
    ``Previous tier`` too when the customers have previous margins: computed from them under the
    band in use, and written back beside them."""
    out: dict[str, list[Any]] = {}
    if "previous_margin" in customers:
        out["previous_tier"] = customers["previous_tier"].tolist()
    for c in layout.ALL_COLUMNS:
        if not c.computed:
            continue
        if c.words:
            words = layout.VALUE_WORDS[c.words][lang]
            out[c.key] = [None if v is None else words.get(v) for v in customers[c.key].tolist()]
        elif c.kind == "ratio":
            out[c.key] = _roi(customers)
        elif c.kind in ("money", "days", "count"):
            out[c.key] = _cells(customers[c.key].to_numpy())
        else:
            out[c.key] = customers[c.key].tolist()
    return out


def _mobility(ex: Exercise, lang: str) -> list[list[Any]]:
    """Previous tiers (rows, then new and the total) against tiers now (columns, then lost and
    the total), counts; then, for each previous tier, its gain then and now."""
    words: list[str] = layout.TEXT[lang]["mobility"]
    moves = layout.MOVE_WORDS[lang]
    if ex.mobility.empty:
        return [[layout.TEXT[lang]["mobility_none"]]]
    k = ex.band.k

    def word(label: str, j: int) -> str:
        return moves[label] if j >= k else label

    header = [words[0], *(word(c, j) for j, c in enumerate(ex.mobility.columns)), words[1], words[2]]
    gains = ex.mobility_gains
    rows = [header]
    for i, (label, counts) in enumerate(ex.mobility.iterrows()):
        row: list[Any] = [word(str(label), i), *(int(v) for v in counts.tolist())]
        if i < k:
            row += _cells(np.array([gains["gain_then"].iloc[i], gains["gain_now"].iloc[i]], dtype=float))
        rows.append(row)
    return rows


def _potential(ex: Exercise, words: dict[str, Any]) -> list[list[Any]]:
    """What the prospects' estimates rest on and how far to trust them (cross-validated, the
    clients' median beside), and the gate's verdict; none: one line that says why."""
    f = ex.potential
    if "predicts" not in f:
        if method.asks_no_estimate(ex.parameters.get("similar_by")):
            return [[words["potential_off"]]]
        return [[words["potential_none"].format(why=f["why"])]] if "why" in f else [[words["potential_all"]]]
    columns = "; ".join(
        name if kind == "text" else tr("{name} (by quartiles)", name=name) for name, kind in f["attributes"].items()
    )
    corr = f["rank_correlation"]
    values = [
        columns,
        f["clients"],
        f["mae"],
        f["baseline_mae"],
        None if corr != corr else corr,  # NaN: one estimate for all, no ranking
        f["capture"],
        words["potential_verdict"][bool(f["predicts"])],
        ex.estimated_prospects,
    ]
    return _pairs(words["potential"], values)


def _pairs(labels: list[str], values: list[Any]) -> list[list[Any]]:
    return [[label, value] for label, value in zip(labels, values, strict=True)]


def _review(ex: Exercise, words: dict[str, Any]) -> list[list[Any]]:
    """The clients whose ROI < 1, worst first; none: a line that says why (no client with an
    acquisition cost, or every client at ROI ≥ 1)."""
    rows = _rows(ex.review, ["customer", "gross_margin", "acquisition_cost", "roi", "tier"])
    if rows:
        return [words["review"], *rows]
    clients = ex.customers["role"].to_numpy(dtype=object) == "client"
    costs = method.numbers(ex.customers["acquisition_cost"].to_numpy(dtype=object)[clients], "acquisition_cost")
    why = "none" if np.any(costs > 0) else "costs"
    return [words["review"], [words["review_empty"][why], None, None, None, None]]


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[list[Any]]:
    """Rows of Python values, column by column (a float column gives floats)."""
    return [list(row) for row in zip(*(frame[c].tolist() for c in columns), strict=True)]


def _concentration(c: pd.Series, words: dict[str, Any]) -> list[list[Any]]:
    yes, no = words["yesno"]
    values = [
        c["top_1_share"],
        c["top_5_share"],
        c["hhi"],
        words["verdict"][c["verdict"]],
        yes if c["over_limit"] else no,
    ]
    return _pairs(words["concentration"], values)


def _plan(ex: Exercise, words: dict[str, Any]) -> list[list[Any]]:
    """The days available and the load first (fixed rows), then per tier: prospects, effort
    budget and days, and a total."""
    if ex.facts["cac"] is None:  # no acquisition cost: no budget, so no plan to show
        return [
            [words["plan_available"], None, None, ex.days_available],
            [words["plan_load"], None, None, None],
            words["plan"],
            *([label, None, None, None, None] for label in ex.plan["tier"].tolist()),
            [words["plan_total"], None, None, None, None],
        ]
    rows = [
        [words["plan_available"], None, None, ex.days_available],
        [words["plan_load"], None, None, ex.load],
        words["plan"],
    ]
    planned = ex.days_available is not None
    rows += [
        [label, int(n), budget, days, int(fit) if planned else None]
        for label, n, budget, days, fit in _rows(
            ex.plan, ["tier", "prospects", "effort_budget", "effort_days", "in_plan"]
        )
    ]
    total_in = int(ex.plan["in_plan"].sum()) if planned else None
    rows.append([words["plan_total"], int(ex.plan["prospects"].sum()), ex.budget_needed, ex.days_needed, total_in])
    return rows


def _sweep(sweep: pd.DataFrame, labels: tuple[str, ...], words: dict[str, Any], lang: str) -> list[list[Any]]:
    """The sweep of the band's shape (widest offset 5 % … 50 %), the band in use and the
    balanced band: band, balance, then clients and share of each tier side by side, named by the
    tiers' labels, so every column keeps one kind of number."""
    k = int(sweep["tiers"].max())
    band, balance, clients, share = words["sweep"]
    names = [*labels, *(str(j + 1) for j in range(len(labels), k))]
    rows = [[band, balance] + [f"{what} {names[j]}" for j in range(k) for what in (clients, share)]]
    for r in sweep.to_dict("records"):
        if r["kind"] == "sweep":
            first: Any = r["widest"]
        else:
            word = words["sweep_in_use"] if r["kind"] == "in use" else words["sweep_balanced"]
            first = f"{word}{mark(':', lang)}{_band_text(np.asarray(r['band'], dtype=float), lang)}"
        pairs = [r[f"{name}_{j + 1}"] for j in range(k) for name in ("clients", "share")]
        rows.append([first, r["balance"], *_cells(np.array(pairs, dtype=float))])
    return rows


def _band_text(offsets: np.ndarray, lang: str) -> str:
    """The band as its offsets, in the language's form: ``±20%``, ``-40.0%; …`` / ``±20 %``."""
    if offsets.size == 2 and equal(float(offsets[0]), -float(offsets[1])):  # as a spreadsheet compares
        p = offsets[1]
        return "±" + number(p, ".0%" if equal(p * 100, round(p * 100)) else ".2%", lang)
    return mark(";", lang).join(number(o, "+.1%", lang) for o in offsets)


def _balanced(ex: Exercise, words: dict[str, Any]) -> list[list[Any]]:
    """One row: the label and the balanced offsets for the tiers in use, ready to copy."""
    k = ex.band.k
    if ex.balanced_why is not None:
        return [[words["balanced_none"].format(k=k, why=ex.balanced_why)]]
    return [[words["balanced"].format(k=k), *ex.balanced.tolist()]]


def _roi(customers: pd.DataFrame) -> list[Any]:
    """ROI's column: the ratio, and ``#DIV/0!`` where Excel's ``=gain/cost`` gives it (a
    client with a margin and a zero cost); blank elsewhere."""
    ratio = customers["roi"].to_numpy(dtype=float)
    cells = _cells(ratio)
    # only the clients without a ratio are looked at again (a few, not every row)
    rows = np.flatnonzero(np.isnan(ratio) & (customers["role"].to_numpy(dtype=object) == "client"))
    if rows.size:
        cost = method.numbers(customers["acquisition_cost"].to_numpy(dtype=object)[rows], "acquisition_cost")
        gain = method.numbers(customers["gross_margin"].to_numpy(dtype=object)[rows], "gross_margin")
        for i in rows[(cost == 0) & ~np.isnan(gain)].tolist():
            cells[i] = ExcelError(method.DIV0)
    return cells


def _cells(values: Any, errors: bool = False) -> list[Any]:
    """Floats for Excel: NaN (blank) becomes None; with ``errors`` (ROI's column), the text
    ``#DIV/0!`` (:data:`method.DIV0`) the error value; other values pass through."""
    if isinstance(values, np.ndarray) and values.dtype == np.float64:  # a computed column: at C speed
        return list(method.blank_nan(values).tolist())
    items = values.tolist() if hasattr(values, "tolist") else list(values)
    if set(map(type, items)) <= {float, str, type(None)}:  # numbers, text, blanks: by whole arrays
        every = np.asarray(items, dtype=object)
        for i in np.flatnonzero(every == method.DIV0).tolist() if errors else ():
            items[i] = ExcelError(method.DIV0)
        for i in np.flatnonzero(pd.isna(every)).tolist():
            items[i] = None
        return items
    out: list[Any] = []
    for v in items:
        if errors and isinstance(v, str) and v == method.DIV0:
            out.append(ExcelError(method.DIV0))
        elif isinstance(v, float) and v != v:
            out.append(None)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out
