"""The whole exercise as one pure function: customers and parameters in, every result out.

Read top to bottom, :func:`exercise` is the method applied to a customer list: who pays
(roles), the reference gain and the bands over the paying clients, each customer's tier, the
effort budget of each tier in money and in days, the prospect plan that spends the days
available, the band sweep and the balanced band, the clients who cost more than they bring,
and the prospects over budget. The refresh of every runtime, ``client-roi fill`` and notebook
users call it once; the workbook layer only puts its frames into cells, in the user's words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from ..schema import blocks
from ..schema import columns as schema
from ..schema.parameters import DEFAULTS
from .arguments import ClientRoiError, is_blank, numbers
from .bands import Bands, balanced_band, bands
from .clients import SINGLE_CUSTOMER_LIMIT, client_role, concentration, concentration_verdict, hhi, pareto, roi_ratio
from .compare import lowest_equal
from .effort import average_cac, cac_by_tier, effort_days
from .loop import days_available_for_prospecting, days_left, over_budget, overrun, plan_summary, prospect_plan
from .money import currency as currency_check
from .movement import mobility, movement, previous_tiers
from .potential import attribute_columns, potential
from .sums import exact_sum
from .tiers import SWEEP, band_summary, band_sweep, most_balanced, shaped_sweep

#: The input columns, by their keys (the ``Customers`` table's columns, in any language): the schema's.
INPUTS = tuple(c.key for c in (*schema.INPUTS, *schema.MOVEMENT_INPUTS))
#: The columns :func:`exercise` adds to the customers: the schema's computed columns.
COMPUTED = tuple(c.key for c in schema.ALL_COLUMNS if c.computed)
PARETO_STEPS = blocks.PARETO_STEPS  # the points of the Pareto curve, as its block has room for


@dataclass(frozen=True)
class Exercise:
    """Every result of the exercise, as pandas objects.

    * ``customers``: the input columns, then ``role`` (``'client'``, ``'prospect'``, ``'user'``
      or None), ``tier`` (a label or None), ``roi`` (float64: gross margin ÷ acquisition cost
      for a client; NaN for anyone else, a blank, or a zero cost, which the workbook shows as
      ``#DIV/0!``), ``effort_budget``, ``effort_days`` and ``days_left`` (float64, NaN where
      there is none) and ``in_plan`` (True, False or None); one row per
      customer, in the input's order.
    * ``bands``: one row per tier, top first: ``tier``, ``lower``, ``upper``, ``customers``,
      ``customer_share``, ``gain``, ``gain_share``, ``average_gain`` (:func:`band_summary`),
      ``effort_budget`` and ``effort_days``.
    * ``facts``: ``reference_gain``, ``clients``, ``prospects``, ``users``, ``cac`` (None when no
      acquisition cost is known: ``cac`` blank and no client's cost; then every budget, day and
      the plan are blank too) and ``day_cost`` (the money one day of effort costs).
    * ``concentration``: ``top_1_share``, ``top_5_share``, ``hhi``, ``verdict``
      (:func:`concentration_verdict`) and ``over_limit`` (the largest client's share above
      :data:`SINGLE_CUSTOMER_LIMIT`).
    * ``pareto``: ``customer_share`` and ``gain_share`` of the Pareto curve.
    * ``plan``: one row per tier: ``tier``, ``prospects``, ``effort_budget``, ``effort_days`` of
      the prospects with a budget and not over it (:func:`over_budget`), and ``in_plan``, how
      many of them the days available hold; ``days_available``
      (None: no plan), ``days_needed`` and ``budget_needed`` (their correctly rounded totals),
      ``load`` (needed ÷ available).
    * ``sweep``: :func:`band_sweep` of the band's own shape scaled to a widest offset of 5 % …
      50 % (:func:`shaped_sweep`; ±5 % … ±50 % for three tiers), then the band in use, then the
      balanced band when there is one; columns ``band``, ``kind`` (``sweep``, ``in use``,
      ``balanced``), ``widest`` (the widest offset), ``tiers``, ``balance``, ``clients_j`` and
      ``share_j``. ``best_band`` and ``best_kind``: the widest offset and kind of the most
      balanced row (:func:`most_balanced`, the band in use on ties).
    * ``balanced``: the balanced offsets for the number of tiers in use (empty, with
      ``balanced_why`` saying why, when there are none).
    * ``review``: clients whose ROI < 1, worst first: ``row`` (in ``customers``), ``customer``,
      ``gross_margin``, ``acquisition_cost``, ``roi``, ``tier``.
    * ``overrun``: prospects over budget, worst first (:func:`overrun`): ``row``, ``customer``,
      ``tier``, ``budget_days``, ``days_spent``, ``ratio`` (NaN for a zero budget).
    * ``mobility``: with a ``previous_tier`` column, the :func:`mobility` matrix of previous
      tiers against the tiers of the clients now (empty without one); ``mobility_gains``: per
      previous tier, the customers, their gain then (``previous_margin``) and now. With a
      ``previous_margin`` column, ``customers['previous_tier']`` is recomputed under the band
      in use (:func:`~client_roi.method.movement.previous_tiers`); ``previous_as_typed`` counts
      the previous tiers typed without a previous margin, kept as typed.
    * ``estimates``: with ``similar_by``, one row per customer: ``estimated_margin``,
      ``estimate_low``, ``estimate_high`` (the 80 % range) and ``estimated_from`` (words), for
      each prospect without an expected margin (NaN and None elsewhere:
      :mod:`~client_roi.method.potential`); ``potential``: the cross-validated figures and the
      gate (``predicts``); ``estimated_prospects``: how many prospects rest on an estimate.
      A prospect's tier, budget, days and place in the plan use its expected margin when typed,
      else its estimate; a client's margin is never replaced.
    * ``band``: the :class:`Bands` in use; ``parameters``: the parameters as given.
    """

    customers: pd.DataFrame
    bands: pd.DataFrame
    facts: pd.Series
    concentration: pd.Series
    pareto: pd.DataFrame
    plan: pd.DataFrame
    sweep: pd.DataFrame
    balanced: pd.Series
    review: pd.DataFrame
    overrun: pd.DataFrame
    band: Bands
    best_band: float
    days_available: float | None
    days_needed: float
    budget_needed: float
    balanced_why: str | None = None
    best_kind: str = "sweep"  # the most balanced row: a band of the sweep, the band in use, or the balanced band
    parameters: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    mobility: pd.DataFrame = field(default_factory=pd.DataFrame)
    mobility_gains: pd.DataFrame = field(default_factory=pd.DataFrame)
    previous_as_typed: int = 0  # previous tiers typed without a previous margin, kept as typed
    estimates: pd.DataFrame = field(default_factory=pd.DataFrame)
    potential: pd.Series = field(default_factory=lambda: pd.Series(dtype=object))
    estimated_prospects: int = 0

    def __repr__(self) -> str:
        """One screen line: who, the reference gain, the band and the plan."""
        f = self.facts
        plan = (
            "no plan" if self.days_available is None else f"plan {self.days_needed:g} of {self.days_available:g} days"
        )
        shown = (  # not a message: Python's view of the object
            f"<Exercise: {len(self.customers):,} customers ({f['clients']:,} clients, {f['prospects']:,} prospects, "
            f"{f['users']:,} users); reference gain {f['reference_gain']:,.2f}; {self.band.k} tiers "
            f"{', '.join(map(str, self.band.labels))}; {plan}>"
        )
        return shown

    @property
    def load(self) -> float | None:
        """The plan's days needed ÷ days available (None without prospecting days)."""
        return None if self.days_available is None else self.days_needed / self.days_available

    def to_excel(self, path: str | Path, lang: str = "en", *, force: bool = False, live: bool = False) -> Path:
        """Write the filled workbook (the template with these customers, refreshed): what
        ``client-roi fill`` writes; ``live``: a live book, every result a formula that
        recalculates with no add-in (``fill --live``). Returns the path written."""
        # The workbook layer sits above the method; only this convenience reaches up to it.
        from ..files.output import OutputError, save_bytes
        from ..workbook.template import book

        inputs = self.customers[[c for c in self.customers.columns if c not in COMPUTED]]  # the user's own too
        given = {k: v for k, v in self.parameters.items() if v is not None}
        if self.days_available is None:
            given["prospecting_days"] = ()  # no plan here: none in the book (a blank cell), not its default
        zb = book(lang, inputs, live, **given)
        zb.refresh()
        try:
            return save_bytes(zb.save, Path(path), force=force)
        except OutputError as exc:
            raise OutputError(str(exc).replace("use --force", "say force=True")) from None


def exercise(
    customers: pd.DataFrame,
    *,
    band: Any = DEFAULTS["band"],
    trim: Any = DEFAULTS["trim"],
    labels: Any = None,
    cac: Any = None,
    annual_income: Any = DEFAULTS["annual_income"],
    margin_rate: Any = DEFAULTS["margin_rate"],
    working_days: Any = DEFAULTS["working_days"],
    load_factor: Any = DEFAULTS["load_factor"],
    prospecting_days: Any = None,
    currency: Any = None,
    similar_by: Any = None,
) -> Exercise:
    """The exercise for ``customers`` (columns by their keys, see :data:`INPUTS`; an absent
    optional column is blank) with the workbook's parameters (a blank one means its default).
    ``currency`` (:func:`~client_roi.method.money.currency`) is checked and kept in
    ``parameters``: amounts are shown in it, never converted. ``similar_by`` estimates the
    prospects without an expected margin from the clients they resemble
    (:mod:`~client_roi.method.potential`): a list of columns (or ``"Sector;Region"``), each of
    which must serve; blank (or ``"auto"``): every column of the user's own (not one of
    :data:`INPUTS`) that can serve, that at least half the prospects to estimate fill in and
    that does not hold one value for them all; no estimate, said why, when none can or there
    are too few clients; ``"none"``: no estimate.

    Errors are :class:`ClientRoiError` naming the column key and the customer row (``argument``
    and ``item``), or the parameter.

    >>> customers = pd.DataFrame({"customer": ["a", "b", "c", "d"], "should_pay": ["yes"] * 4,
    ...     "has_paid": ["yes", "yes", "yes", "no"], "gross_margin": [100, 200, 300, None],
    ...     "expected_margin": [None, None, None, 250], "acquisition_cost": [50, 400, 100, None]})
    >>> ex = exercise(customers, prospecting_days=10)
    >>> ex.customers[["customer", "role", "tier", "effort_days"]].round(2)
      customer      role tier  effort_days
    0        a    client    C         0.44
    1        b    client    B         0.56
    2        c    client    A         0.67
    3        d  prospect    A         0.67
    >>> ex.facts["reference_gain"], ex.review["customer"].tolist(), round(ex.load, 3)
    (200.0, ['b'], 0.067)
    """
    currency_check(currency)  # the amounts' currency: only shown, never converted
    n = len(customers)
    # object arrays, as the frame holds them: no list in between (the refresh's hot path)
    columns = {
        key: (customers[key].to_numpy(dtype=object) if key in customers else np.full(n, None, dtype=object))
        for key in INPUTS
    }
    roles = np.asarray(client_role(columns["should_pay"], columns["has_paid"]), dtype=object).reshape(n)
    gross = numbers(columns["gross_margin"], "gross_margin")
    expected = numbers(columns["expected_margin"], "expected_margin")
    cost = numbers(columns["acquisition_cost"], "acquisition_cost")
    spent = numbers(columns["days_spent"], "days_spent")
    returns = roi_ratio(gross, cost)  # zero cost: no ratio (Excel shows #DIV/0!); refuses negative costs by row
    is_client, is_prospect = roles == "client", roles == "prospect"
    population = gross[is_client & ~np.isnan(gross)]
    if population.size == 0:
        raise ClientRoiError(tr("no paying client has a gross margin: nothing to tier against"))
    # A prospect without an expected margin: its estimate, from the clients it resembles.
    estimates, figures = _estimates(customers, similar_by, gross, is_client, is_prospect & np.isnan(expected))
    if not estimates.empty:
        expected = np.where(np.isnan(expected), estimates["estimated_margin"].to_numpy(), expected)

    # Tiers over the paying clients; budgets per tier, in money and in days.
    b = bands(population, band, trim or 0, labels)
    # No acquisition cost at all (none given, no client's known) is no reason to stop: everything
    # but the budgets, days and plan is computed, and those are left blank.
    costs = cac if not is_blank(cac) else _client_costs(cost, is_client)
    average = None if costs is None else average_cac(costs)
    budgets = (
        np.full(b.k, np.nan)
        if average is None
        else cac_by_tier(average, b.offsets.tolist(), b.labels)["effort_budget"].to_numpy()
    )
    day_cost = 1 / effort_days(1.0, annual_income, margin_rate, working_days, load_factor)
    gains = np.where(is_client, gross, np.where(is_prospect, expected, np.nan))
    rank = b.tier_index(gains)
    tiered = rank >= 0
    tiers = np.array((*b.labels, None), dtype=object)[rank]  # each row's tier label (None: no tier)
    budget = np.where(tiered, budgets[np.maximum(rank, 0)], np.nan)
    days = budget / day_cost

    # The decision loop: prospects with a budget are planned and followed up.
    planned = is_prospect & tiered
    planned_rank = np.where(planned, rank, -1)
    prospect_days = np.where(planned, days, np.nan)
    prospect_spent = np.where(is_prospect, spent, np.nan)
    available = days_available_for_prospecting(prospecting_days)
    left = days_left(prospect_days, prospect_spent)
    in_plan = prospect_plan(planned_rank, expected, prospect_days, available, prospect_spent)
    queued_rank = np.where(over_budget(planned_rank, prospect_days, prospect_spent), -1, planned_rank)

    # Movement: the tiers of the clients now against their previous tiers, both under the band
    # in use (the previous ones from the previous margins: a band changed moves both alike). A
    # frame of previous margins alone (a notebook's) has its previous tiers from them all.
    moves = np.full(n, None, dtype=object)
    matrix, moved_gains = pd.DataFrame(), pd.DataFrame()
    previous, as_typed = columns["previous_tier"], 0
    if "previous_tier" in customers or "previous_margin" in customers:
        now = np.where(is_client, tiers, None)
        then = numbers(columns["previous_margin"], "previous_margin")
        if "previous_margin" in customers:
            previous, as_typed = previous_tiers(then, previous, b.offsets, trim, b.labels)
        moves = movement(previous, now, b.labels)
        matrix, moved_gains = mobility(previous, now, b.labels, then if "previous_margin" in customers else None, gross)

    out = customers.copy(deep=False)  # columns are added, none changed: the inputs' arrays shared, not copied
    if "previous_margin" in customers:
        out["previous_tier"] = pd.Series(previous, index=out.index, dtype=object)  # under the band in use
    for key, values in {
        "role": roles,
        "tier": tiers,
        "roi": np.where(is_client, returns, np.nan),
        "effort_budget": budget,
        "effort_days": days,
        "days_left": left,
        "in_plan": in_plan,
        "movement": moves,
        **_estimated(estimates, n),
    }.items():
        out[key] = pd.Series(values, index=out.index, dtype=float if values.dtype == float else object)
    # The blocks, in the order their errors are reported.
    summary = band_summary(b, population)
    summary["effort_budget"] = budgets
    summary["effort_days"] = budgets / day_cost
    plan = plan_summary(queued_rank, budget, prospect_days, b.k)  # over budget: no more days
    plan.insert(0, "tier", list(b.labels))
    fitted = np.asarray([v is True for v in in_plan.tolist()], dtype=bool)
    plan["in_plan"] = np.bincount(rank[fitted & (rank >= 0)], minlength=b.k)
    top1 = concentration(population, 1)
    index = hhi(population)
    balanced, why = _balanced(population, b.k, trim or 0)
    # One sweep for the tiers in use: the band's shape scaled to widest offsets of 5 % … 50 %,
    # then the band in use and the balanced band, so that no better band goes unmentioned.
    items: list[Any] = [*shaped_sweep(b.offsets), b.offsets.tolist()]
    if why is None:
        items.append(balanced.tolist())
    sweep = band_sweep(population, items, trim or 0)
    sweep.insert(1, "kind", ["sweep"] * len(SWEEP) + ["in use"] + (["balanced"] if why is None else []))
    sweep.insert(2, "widest", [float(np.max(np.abs(np.asarray(i, dtype=float)))) for i in items])
    best = most_balanced(sweep, prefer=len(SWEEP))
    return Exercise(
        customers=out,
        bands=summary,
        facts=pd.Series(
            {
                "reference_gain": b.reference,
                "clients": int(is_client.sum()),
                "prospects": int(is_prospect.sum()),
                "users": int((roles == "user").sum()),
                "cac": average,
                "day_cost": day_cost,
            },
            dtype=object,
        ),
        concentration=pd.Series(
            {
                "top_1_share": top1,
                "top_5_share": concentration(population, 5),
                "hhi": index,
                "verdict": concentration_verdict(index),
                "over_limit": top1 > SINGLE_CUSTOMER_LIMIT,
            },
            dtype=object,
        ),
        pareto=pd.DataFrame(pareto(population, PARETO_STEPS), columns=["customer_share", "gain_share"]),
        plan=plan,
        sweep=sweep,
        balanced=balanced,
        review=_review(columns["customer"], gross, cost, is_client, tiers),
        overrun=_overrun(columns["customer"], tiers, prospect_days, prospect_spent),
        band=b,
        best_band=float(sweep["widest"].iloc[best]),
        best_kind=str(sweep["kind"].iloc[best]),
        days_available=available,
        days_needed=exact_sum(plan["effort_days"].to_numpy(), "effort days"),
        budget_needed=exact_sum(plan["effort_budget"].to_numpy(), "effort budgets"),
        balanced_why=why,
        mobility=matrix,
        mobility_gains=moved_gains,
        previous_as_typed=as_typed,
        estimates=estimates,
        potential=figures,
        estimated_prospects=int((~estimates["estimated_margin"].isna()).sum()) if not estimates.empty else 0,
        parameters=MappingProxyType(
            {
                "band": band,
                "trim": trim,
                "labels": labels,
                "cac": cac,
                "annual_income": annual_income,
                "margin_rate": margin_rate,
                "working_days": working_days,
                "load_factor": load_factor,
                "prospecting_days": prospecting_days,
                "currency": currency,
                "similar_by": similar_by,
            }
        ),
    )


def _estimated(estimates: pd.DataFrame, n: int) -> dict[str, np.ndarray]:
    """The estimate's computed columns: NaN and None where there is none."""
    keys = ("estimated_margin", "estimate_low", "estimate_high", "estimated_from")
    if estimates.empty:
        return {k: np.full(n, np.nan) if k != "estimated_from" else np.full(n, None, dtype=object) for k in keys}
    return {k: estimates[k].to_numpy(dtype=object if k == "estimated_from" else float) for k in keys}


#: The words of ``similar_by`` that ask for no estimate, in the catalogue's languages.
NO_ESTIMATE = frozenset({"none", "aucune", "aucun"})


def asks_no_estimate(similar_by: Any) -> bool:
    """Whether ``similar_by`` says no estimate (``none``; ``aucune`` in French): one rule for
    the method, the refresh that reads the columns, and the block that says why."""
    return isinstance(similar_by, str) and similar_by.strip().casefold() in NO_ESTIMATE


def _held_by_most(values: np.ndarray) -> bool:
    """At least half of ``values`` are filled in, and not all alike. A column the prospects
    leave blank, or that is the same for them all, cannot tell them apart; and a column of the
    user's computed from the margin or the tier (``=[@Gross margin]*2``, ``=[@Tier]="A"``) is
    such a column for prospects (0 or FALSE for them all): it would only say their margin is
    blank. Name a column in ``similar_by`` to use it all the same."""
    filled = [str(v).strip() for v in values.tolist() if not is_blank(v)]
    return 2 * len(filled) >= values.size and len(set(filled)) > 1


def _own_columns(customers: pd.DataFrame) -> list[str]:
    """The user's own columns: neither an input of the method nor one it computes."""
    return [c for c in customers.columns if c not in INPUTS and c not in COMPUTED]


def similar_columns(customers: pd.DataFrame, similar_by: Any) -> list[str]:
    """The columns ``similar_by`` names (a list, or one text of names separated by ``;``), each
    one of ``customers``' (refused by name otherwise); ``"auto"``: the user's own columns."""
    if isinstance(similar_by, str) and similar_by.strip().casefold() == "auto":
        return _own_columns(customers)
    names = [n.strip() for n in similar_by.split(";")] if isinstance(similar_by, str) else [str(n) for n in similar_by]
    names = [n for n in names if n]
    for name in names:
        if name not in customers.columns:
            raise ClientRoiError(
                tr("similar_by: there is no column '{name}' (columns of yours: {columns})", name=name,
                   columns=", ".join(map(str, _own_columns(customers))) or tr("none")),
                argument="similar_by",
            )  # fmt: skip
    return names


def _estimates(
    customers: pd.DataFrame, similar_by: Any, gross: np.ndarray, is_client: np.ndarray, wanted: np.ndarray
) -> tuple[pd.DataFrame, pd.Series]:
    """The prospects' estimates and the potential's figures (``why`` when there are none);
    empty with ``similar_by="none"`` or when no prospect lacks an expected margin."""
    listed = isinstance(similar_by, (list, tuple))
    word = "" if listed or is_blank(similar_by) else str(similar_by).strip().casefold()
    if (listed and not similar_by) or asks_no_estimate(similar_by) or not wanted.any():
        return pd.DataFrame(), pd.Series(dtype=object)
    auto = not listed and word in ("", "auto")
    names = similar_columns(customers, "auto" if auto else similar_by)
    if auto:  # a column the prospects to estimate leave blank cannot say whom they resemble
        names = [n for n in names if _held_by_most(customers[n].to_numpy(dtype=object)[wanted])]
    kinds = attribute_columns(customers, is_client, names)
    if auto and not kinds:
        return pd.DataFrame(), pd.Series({"why": tr("no column of yours says which clients a prospect resembles")})
    try:
        got = potential(customers[names], gross, is_client, wanted, kinds)
    except ClientRoiError as exc:
        if not auto:
            raise ClientRoiError(str(exc), argument="similar_by") from None
        return pd.DataFrame(), pd.Series({"why": str(exc)})
    keys = {"estimate": "estimated_margin", "low": "estimate_low", "high": "estimate_high", "source": "estimated_from"}
    return got.estimates.rename(columns=keys), got.figures


def _frame(columns: dict[str, Any]) -> pd.DataFrame:
    frame: pd.DataFrame = pd.DataFrame(columns)
    return frame


def _client_costs(cost: np.ndarray, is_client: np.ndarray) -> list[float] | None:
    """The clients' known acquisition costs, when ``cac`` is blank; None when there are none."""
    known = cost[is_client & ~np.isnan(cost)]
    return list(known.tolist()) if known.size else None


def _balanced(population: np.ndarray, k: int, trim: float) -> tuple[pd.Series, str | None]:
    """The balanced offsets for ``k`` tiers, or none and why."""
    try:
        return pd.Series(balanced_band(population, k, trim), dtype=float), None
    except ClientRoiError as exc:
        return pd.Series([], dtype=float), str(exc)


def _review(names: Any, gross: np.ndarray, cost: np.ndarray, is_client: np.ndarray, tiers: np.ndarray) -> pd.DataFrame:
    """Paying clients who cost more to win than they bring (ROI < 1, as a spreadsheet compares:
    :mod:`~client_roi.method.compare`), worst first (ties in row order)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = gross / cost  # a zero cost (infinite ROI) or a blank never lands here
        losing = is_client & (cost > 0) & ~np.isnan(gross) & (ratio < lowest_equal(1.0))  # as a spreadsheet compares
    order = np.flatnonzero(losing)[np.argsort(ratio[losing], kind="stable")]
    return _frame(
        {
            "row": order,
            "customer": pd.Series([names[i] for i in order.tolist()], dtype=object),
            "gross_margin": gross[order],
            "acquisition_cost": cost[order],
            "roi": ratio[order],
            "tier": pd.Series(tiers[order], dtype=object),
        }
    )


def _overrun(names: Any, tiers: np.ndarray, budget_days: np.ndarray, spent: np.ndarray) -> pd.DataFrame:
    """Prospects over budget, worst first: the limit of concessions."""
    order = overrun(budget_days, spent)
    ratios = []
    for i in order.tolist():
        # as Python floats: a budget of a denormal's days overflows to inf without numpy's warning
        ratio = float(spent[i]) / float(budget_days[i]) if budget_days[i] > 0 else math.inf
        ratios.append(ratio if math.isfinite(ratio) else math.nan)  # a zero budget: no ratio
    return _frame(
        {
            "row": order,
            "customer": pd.Series([names[i] for i in order.tolist()], dtype=object),
            "tier": pd.Series(tiers[order], dtype=object),
            "budget_days": budget_days[order],
            "days_spent": spent[order],
            "ratio": np.array(ratios, dtype=float),
        }
    )
