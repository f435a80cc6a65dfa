"""Steps 3 and 4: CAC by tier, and effort in days.

The average customer-acquisition cost scaled by the band's offsets gives one
prospecting-effort budget per tier; a prospect gets its tier's budget. A budget in money is
converted into working days: ``days = effort / (annual_income × 2 / 218 × 1.5)`` by default.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from ..schema.parameters import default
from .arguments import (
    ClientRoiError,
    _finite_result,
    _g,
    _item_error,
    _numbers,
    _shaped,
    blank_nan,
    parameter_number,
)
from .bands import DEFAULT_BAND, bands
from .sums import exact_mean


def average_cac(cac: Any) -> float:
    """One average CAC: a number ≥ 0, or the mean of acquisition costs (blanks ignored).

    >>> average_cac([500, None, 1500])
    1000.0
    """
    costs, _shape = _numbers(cac, "cac")
    costs = costs[~np.isnan(costs)]
    if costs.size == 0:
        raise ClientRoiError(tr("cac is blank: give a number or acquisition costs"), argument="cac")
    if np.any(costs < 0):
        raise ClientRoiError(tr("cac must be ≥ 0, got {g}", g=_g(costs[costs < 0][0])), argument="cac")
    return exact_mean(costs)


def cac_by_tier(cac: Any, band: Any = DEFAULT_BAND, labels: Any = None) -> pd.DataFrame:
    """One prospecting-effort budget per tier, top first: average CAC × tier multiplier.

    Multipliers from the ascending offsets ``o₁ < … < oₖ₋₁``: top tier ``1 + oₖ₋₁``, bottom
    tier ``1 + o₁``, each interior tier ``1 + (oⱼ + oⱼ₊₁) / 2`` (the midpoint of its two
    offsets). For ±20 %: 1.2, 1.0, 0.8. ``cac`` is a number ≥ 0 or a list of acquisition
    costs whose mean is used (blanks ignored).

    >>> cac_by_tier(1000)
      tier  multiplier  effort_budget
    0    A         1.2         1200.0
    1    B         1.0         1000.0
    2    C         0.8          800.0
    """
    average = average_cac(cac)
    b = bands(band=band, labels=labels, reference=1.0)
    m = b.multipliers()
    with np.errstate(over="ignore"):
        budget = _finite_result(average * m, tr("an effort budget"))
    frame: pd.DataFrame = pd.DataFrame({"tier": list(b.labels), "multiplier": m, "effort_budget": budget})
    return frame


def prospect_effort(expected_gain: Any, population: Any, cac: Any, band: Any = DEFAULT_BAND, trim: float = 0.0) -> Any:
    """The CAC budget of the tier each ``expected_gain`` falls in (see :func:`tier`,
    :func:`cac_by_tier`). Blank expected gains give ``None``.

    >>> prospect_effort([130, 100, 10], [100, 100], cac=1000)
    array([1200., 1000.,  800.])
    """
    budgets = cac_by_tier(cac, band)["effort_budget"].to_numpy()
    b = bands(population, band, trim)
    gains, shape = _numbers(expected_gain, "expected_gain")
    rank = b.tier_index(gains)
    out = np.where(rank >= 0, budgets[np.maximum(rank, 0)], np.nan)
    return _shaped(blank_nan(out), shape, expected_gain)


#: The schema's defaults (the template's Parameters sheet writes the same).
MARGIN_RATE: float = default("margin_rate")
WORKING_DAYS: float = default("working_days")
LOAD_FACTOR: float = default("load_factor")


def effort_days(
    effort: Any,
    annual_income: float,
    margin_rate: float = MARGIN_RATE,
    working_days: float = WORKING_DAYS,
    load_factor: float = LOAD_FACTOR,
) -> Any:
    """An effort budget in working days: ``effort / (annual_income / margin_rate /
    working_days × load_factor)``.

    ``annual_income / margin_rate`` is the revenue that income needs (50 % margin: ×2);
    divided by the working days and multiplied by the employer's load factor it is the cost of
    one day. Unrounded. Checks: ``annual_income > 0``, ``0 < margin_rate ≤ 1``,
    ``0 < working_days ≤ 366``, ``load_factor > 0``, every effort ≥ 0 (blanks give None).

    >>> round(effort_days(1000, 24000), 4)  # the seed's example
    3.0278
    """
    # each checked by its schema constraint, a blank its default (as in the workbook)
    income = parameter_number(annual_income, "annual_income")
    rate = parameter_number(margin_rate, "margin_rate")
    days = parameter_number(working_days, "working_days")
    load = parameter_number(load_factor, "load_factor")
    values, shape = _numbers(effort, "effort")
    if np.any(values < 0):
        i = int(np.flatnonzero(values < 0)[0])
        raise _item_error("effort", i, shape, tr("is {g}; effort must be ≥ 0", g=_g(values[i])))
    day_cost = _finite_result(income / rate / days * load, tr("the cost of one day"))
    with np.errstate(over="ignore"):
        result = _finite_result(values / day_cost, tr("effort in days"))
    return _shaped(blank_nan(result), shape, effort)
