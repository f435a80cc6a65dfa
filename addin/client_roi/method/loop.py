"""The decision loop: the prospect plan that spends the days available in order of
potential, and effort spent against budget, the limit below which no more concessions are
made.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from .arguments import _default, _g, _item_error, numbers, parameter_number
from .compare import greater, highest_equal
from .sums import exact_sums


def prospect_plan(
    tier_rank: Any, expected_gain: Any, days: Any, days_available: Any, days_spent: Any = None
) -> np.ndarray:
    """Which prospects the days available for prospecting cover: ``True``, ``False`` or ``None``.

    Only items with a tier (``tier_rank`` ≥ 0, 0 = top) and a number of days take part; the others
    get ``None``, and so does everyone when ``days_available`` is blank. The limit of concessions
    comes first: a prospect whose ``days_spent`` already exceed its ``days`` is out (``False``)
    and takes no place in the queue. Order of the others: tier (top first), then expected gain
    (largest first), then position (row order: the earlier row first). Rule: walking that order,
    a prospect is in the plan while the running total of its days stays within
    ``days_available`` (> 0; "within" as a spreadsheet compares, :mod:`~client_roi.method.compare`);
    from the first that does not fit, every later one is out: strict priority, no skipping to a
    smaller one. The plan never exceeds the days available.

    >>> prospect_plan([0, 1, 0, -1, 2], [50, 90, 80, 70, 10], [3, 2, 3, 1, 1], 7).tolist()
    [True, False, True, None, False]
    >>> prospect_plan([0, 1, 0], [50, 90, 80], [3, 2, 3], 7, days_spent=[0, 0, 3.5]).tolist()
    [True, True, False]
    """
    rank = np.asarray(tier_rank, dtype=np.intp).reshape(-1)
    gain = numbers(expected_gain, "expected_gain")
    cost = numbers(days, "days")
    out = np.full(rank.size, None, dtype=object)
    available = days_available_for_prospecting(days_available)
    if available is None:
        return out
    over = over_budget(rank, cost, days_spent)
    out[over] = False
    taking = np.flatnonzero((rank >= 0) & ~np.isnan(cost) & ~over)
    order = taking[np.lexsort((taking, -np.nan_to_num(gain[taking], nan=-np.inf), rank[taking]))]
    running, fits, limit = 0.0, True, highest_equal(available)  # as a spreadsheet compares
    for i in order.tolist():
        running = running + cost[i]
        fits = fits and running <= limit
        out[i] = bool(fits)
    return out


def over_budget(tier_rank: Any, days: Any, days_spent: Any = None) -> np.ndarray:
    """Which prospects (``tier_rank`` ≥ 0) have already spent more days than their ``days`` (more
    as a spreadsheet compares, :mod:`~client_roi.method.compare`): the limit below which no more
    concessions are made. None spent: none over."""
    rank = np.asarray(tier_rank, dtype=np.intp).reshape(-1)
    if days_spent is None:
        return np.zeros(rank.size, dtype=bool)
    cost = numbers(days, "days")
    spent = numbers(days_spent, "days_spent").reshape(-1)
    over: np.ndarray = (rank >= 0) & greater(spent, cost)  # a blank (NaN) is never over; as a spreadsheet compares
    return over


def days_available_for_prospecting(value: Any) -> float | None:
    """The ``prospecting_days`` parameter: None when blank (no plan), else a number of at least
    the schema's lowest (0.1 day: fewer would make the plan's load run to infinity)."""
    if _default(value, None) is None:
        return None
    return parameter_number(value, "prospecting_days")


def plan_summary(tier_rank: Any, budgets: Any, days: Any, k: int) -> pd.DataFrame:
    """Per tier (top first): prospects with a budget, their total effort budget and total days
    (exact sums). Items with ``tier_rank`` < 0 or no budget are left out."""
    rank = np.asarray(tier_rank, dtype=np.intp).reshape(-1)
    money = numbers(budgets, "budgets")
    time = numbers(days, "days")
    counted = (rank >= 0) & (rank < k) & ~np.isnan(money)
    tiers = rank[counted]
    frame: pd.DataFrame = pd.DataFrame(
        {
            "prospects": np.bincount(tiers, minlength=k),
            "effort_budget": exact_sums(money[counted], tiers, k, name="effort budgets"),
            "effort_days": exact_sums(time[counted], tiers, k, name="effort days"),
        }
    )
    return frame


def days_left(budget_days: Any, days_spent: Any) -> np.ndarray:
    """``budget days − days spent`` where there is a budget (a blank days spent counts as 0);
    negative = over budget; NaN where there is no budget. Days spent must be ≥ 0.

    >>> days_left([3.0, 2.0, None], [1.0, None, 4.0]).tolist()
    [2.0, 2.0, nan]
    """
    budget = numbers(budget_days, "budget_days")
    spent = numbers(days_spent, "days_spent")
    if np.any(spent < 0):
        i = int(np.flatnonzero(spent < 0)[0])
        raise _item_error("days_spent", i, (spent.size,), tr("is {g}; days spent must be ≥ 0", g=_g(spent[i])))
    left: np.ndarray = budget - np.nan_to_num(spent, nan=0.0)
    return left


def overrun(budget_days: Any, days_spent: Any) -> np.ndarray:
    """Positions of the items over budget (days spent > budget days), worst first.

    Worst = largest ``days spent ÷ budget days`` (a zero budget overrun is infinitely bad);
    ties by position. Items without a budget or days spent are not listed.

    >>> overrun([2.0, 4.0, 1.0, 3.0, None], [3.0, 4.5, 1.0, 6.0, 9.0]).tolist()
    [3, 0, 1]
    """
    budget = numbers(budget_days, "budget_days")
    spent = numbers(days_spent, "days_spent")
    over = np.flatnonzero(greater(spent, budget))  # a blank is never over; as a spreadsheet compares
    with np.errstate(divide="ignore", over="ignore"):  # a budget of (almost) 0: infinitely bad
        ratio = np.where(budget[over] > 0, spent[over] / np.where(budget[over] > 0, budget[over], 1), np.inf)
    return over[np.lexsort((over, -ratio))]
