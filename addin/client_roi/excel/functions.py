"""The thirteen Excel functions of Client ROI, for every xlwings runtime.

Written once with xlwings' unified decorators, this module serves classic Windows UDFs
("UDF Modules" = ``client_roi.functions``), xlwings Lite (``client-roi lite``) and xlwings
Server. Each function converts its Excel arguments and delegates to :mod:`client_roi.engine`;
the rules are documented there.

Conventions: value-like arguments take one cell or a range and return the same shape (a
range spills); blank cells give blank results; Excel error values in the inputs are refused
by name, never read as blanks. An invalid call raises ``"FUNCTION: argument ... cause"``.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from typing import Any

import xlwings as xw

from .. import method
from ..messages import tr

# Read error cells as their text ('#N/A') so the engine can refuse them by name; xlwings'
# default would turn them into blanks and silently drop them from a population.
CELLS = {"ndim": 2, "err_to_str": True}
LIST = {"err_to_str": True}

POPULATION_DOC = "Gains of the paying customers (a column or range; blanks ignored)."
BAND_DOC = "Band: one offset p in (0, 1) for ±p (default 0.2), or a row/column of k-1 increasing offsets."
TRIM_DOC = "Share of customers removed before averaging, half from each end (Excel TRIMMEAN rule). Default 0."
LABELS_DOC = "Tier labels, top tier first (default A, B, C, ...)."

# In the order of the README's catalogue, which Excel's function list follows.
__all__ = [
    "tier",
    "tier_bands",
    "balanced_band",
    "band_sweep",
    "cac_by_tier",
    "prospect_effort",
    "effort_days",
    "client_role",
    "client_roi",
    "concentration",
    "hhi",
    "tier_mobility",
    "prospect_potential",
]

BANDS_HEADER = ["Tier", "From", "To", "Customers", "Share of customers", "Gain", "Share of gain", "Average gain"]
CAC_HEADER = ["Tier", "Effort budget"]
SWEEP_HEADER = ["Band", "Balance", "Clients A", "Share A", "Clients B", "Share B", "Clients C", "Share C"]


def _never_jsnull(value: Any) -> bool:
    return False


def _skip_pyodide_probe() -> None:
    """xlwings 0.37 recognises Pyodide's JS null by trying ``from pyodide.ffi import JsNull``
    once per cell (``xlwings.utils.is_jsnull``); outside Pyodide that failed import costs
    ~40 µs a cell, about 4 s per 100 000 cells. Where Pyodide cannot be imported the answer is
    always False, so give it directly. Upstream fix: cache the import in ``is_jsnull``."""
    if importlib.util.find_spec("pyodide") is not None:
        return
    utils = importlib.import_module("xlwings.utils")
    if hasattr(utils, "is_jsnull"):
        setattr(utils, "is_jsnull", _never_jsnull)  # noqa: B010 - the attribute exists only in some versions


_skip_pyodide_probe()


def _named(excel_name: str) -> Callable:
    """Prefix engine errors with the Excel function's name: ``TIER: population item 3 ...``."""

    def decorate(f: Callable) -> Callable:
        @functools.wraps(f)
        def wrapper(*args):
            try:
                return f(*args)
            except method.ClientRoiError as exc:
                raise method.ClientRoiError(tr("{place}: {cause}", place=excel_name, cause=exc)) from None

        return wrapper

    return decorate


def _grid(result: Any) -> list[list[Any]]:
    """A 2-D engine result as Excel rows (NumPy scalars become Python numbers)."""
    return result.tolist()


def _table(header: list[str], frame) -> list[list[Any]]:
    """Header row + one row per tier; NaN (open ends, empty tiers) becomes an empty cell."""
    rows = frame.astype(object).where(frame.notna(), None).to_numpy().tolist()
    return [header, *rows]


@xw.func
@xw.arg("value", doc="Gain(s) to place in a tier: one cell or a range (spills the same shape).", **CELLS)
@xw.arg("population", doc=POPULATION_DOC, **CELLS)
@xw.arg("band", doc=BAND_DOC, **LIST)
@xw.arg("trim", doc=TRIM_DOC)
@xw.arg("labels", doc=LABELS_DOC, **LIST)
@_named("TIER")
def tier(value, population, band=method.DEFAULT_BAND, trim=0.0, labels=None):
    """Tier of each value against the bands of the population (top tier first: A, B, C)."""
    return _grid(method.tier(value, population, band, trim, labels))


@xw.func
@xw.arg("population", doc=POPULATION_DOC, **CELLS)
@xw.arg("band", doc=BAND_DOC, **LIST)
@xw.arg("trim", doc=TRIM_DOC)
@xw.arg("labels", doc=LABELS_DOC, **LIST)
@_named("TIER_BANDS")
def tier_bands(population, band=method.DEFAULT_BAND, trim=0.0, labels=None):
    """Band summary, one row per tier: thresholds, customers, gain and their shares."""
    return _table(BANDS_HEADER, method.tier_bands(population, band, trim, labels))


@xw.func
@xw.arg("population", doc=POPULATION_DOC, **CELLS)
@xw.arg("tiers", doc="Number of tiers, 3 to 10 (default 3).")
@xw.arg("trim", doc=TRIM_DOC)
@_named("BALANCED_BAND")
def balanced_band(population, tiers=3, trim=0.0):
    """Band offsets giving tiers of equal size (PERCENTILE.INC quantiles); pass them as band."""
    if tiers == 2:
        # One offset would come back into `band` as a single cell, which means ±p.
        raise method.ClientRoiError(
            tr("tiers must be 3 or more in Excel: a 2-tier band is one offset, which band reads as ±p")
        )
    return [method.balanced_band(population, tiers, trim).tolist()]


@xw.func
@xw.arg("population", doc=POPULATION_DOC, **CELLS)
@xw.arg("bands", doc="Bands p to try, each for ±p (a row or column; default 0.05, 0.10, ..., 0.50).", **LIST)
@xw.arg("trim", doc=TRIM_DOC)
@_named("BAND_SWEEP")
def band_sweep(population, bands=None, trim=0.0):
    """How harmonious the three tiers are for each band: clients and shares per tier, balance."""
    frame = method.band_sweep(population, bands, trim)
    return _table(SWEEP_HEADER, frame.drop(columns="tiers"))


@xw.func
@xw.arg("cac", doc="Average customer-acquisition cost, or a range of acquisition costs to average.", **LIST)
@xw.arg("band", doc=BAND_DOC, **LIST)
@xw.arg("labels", doc=LABELS_DOC, **LIST)
@_named("CAC_BY_TIER")
def cac_by_tier(cac, band=method.DEFAULT_BAND, labels=None):
    """Prospecting-effort budget per tier: average CAC scaled by the band's percentages."""
    return _table(CAC_HEADER, method.cac_by_tier(cac, band, labels)[["tier", "effort_budget"]])


@xw.func
@xw.arg("expected_gain", doc="Expected gain of each prospect: one cell or a range.", **CELLS)
@xw.arg("population", doc=POPULATION_DOC, **CELLS)
@xw.arg("cac", doc="Average customer-acquisition cost, or a range of acquisition costs.", **LIST)
@xw.arg("band", doc=BAND_DOC, **LIST)
@xw.arg("trim", doc=TRIM_DOC)
@_named("PROSPECT_EFFORT")
def prospect_effort(expected_gain, population, cac, band=method.DEFAULT_BAND, trim=0.0):
    """Effort budget each prospect deserves: the CAC budget of the tier of its expected gain."""
    return _grid(method.prospect_effort(expected_gain, population, cac, band, trim))


@xw.func
@xw.arg("effort", doc="Effort budget(s) in money: one cell or a range.", **CELLS)
@xw.arg("annual_income", doc="Annual income of the person doing the work (> 0).")
@xw.arg("margin_rate", doc="Gross margin rate, in (0, 1] (default 0.5: 100 of revenue leaves 50).")
@xw.arg("working_days", doc="Working days per year, in (0, 366] (default 218).")
@xw.arg("load_factor", doc="Employer's load factor (default 1.5).")
@_named("EFFORT_DAYS")
def effort_days(
    effort,
    annual_income,
    margin_rate=method.MARGIN_RATE,
    working_days=method.WORKING_DAYS,
    load_factor=method.LOAD_FACTOR,
):
    """Effort budget in working days: effort / (income / margin_rate / working_days × load)."""
    return _grid(method.effort_days(effort, annual_income, margin_rate, working_days, load_factor))


@xw.func
@xw.arg("should_pay", doc="Is this customer expected to pay? yes/no, oui/non, TRUE/FALSE, 1/0.", **CELLS)
@xw.arg("has_paid", doc="Has this customer paid? yes/no, oui/non, TRUE/FALSE, 1/0 (blank = not yet).", **CELLS)
@_named("CLIENT_ROLE")
def client_role(should_pay, has_paid):
    """Role: client (pays), prospect (should pay, has not yet) or user (does not pay)."""
    return _grid(method.client_role(should_pay, has_paid))


@xw.func
@xw.arg("gain", doc="Gain (gross margin) of each client: one cell or a range.", **CELLS)
@xw.arg("acquisition_cost", doc="What it cost to win each client (≥ 0; 0 gives #DIV/0!).", **CELLS)
@_named("CLIENT_ROI")
def client_roi(gain, acquisition_cost):
    """Return on acquisition of each client: gain / acquisition cost."""
    return _grid(method.roi(gain, acquisition_cost))


@xw.func
@xw.arg("population", doc=POPULATION_DOC, **CELLS)
@xw.arg("top_n", doc="How many of the largest gains to add up (default 1).")
@_named("CONCENTRATION")
def concentration(population, top_n=1):
    """Share of the total gain held by the top_n largest customers."""
    return method.concentration(population, top_n)


@xw.func
@xw.arg("population", doc="Gains of the paying customers (all ≥ 0; blanks ignored).", **CELLS)
@_named("HHI")
def hhi(population):
    """Herfindahl-Hirschman index of the gains: 1/n when even, 1 for a single customer."""
    return method.hhi(population)


@xw.func
@xw.arg("previous_tier", doc="Each customer's tier in the previous period (blank: none).", **CELLS)
@xw.arg("current_tier", doc="Each customer's tier now, as a client (blank: not a client now).", **CELLS)
@xw.arg("labels", doc="Tier labels, top tier first (default: the tiers found, in alphabetical order).", **LIST)
@xw.arg("role", doc="Optional: each customer's role; only 'client' rows count as tiered now.", **CELLS)
@_named("TIER_MOBILITY")
def tier_mobility(previous_tier, current_tier, labels=None, role=None):
    """Customers by previous tier (rows, then new, Total) and tier now (columns, then lost, Total)."""
    previous = [v for r in previous_tier for v in r]
    current = [v for r in current_tier for v in r]
    if role is not None:
        roles = [v for r in role for v in r]
        if len(roles) != len(current):
            raise method.ClientRoiError(tr("role must have as many cells as current_tier"), argument="role")
        current = [
            v if isinstance(r, str) and r.strip().casefold() == "client" else None
            for v, r in zip(current, roles, strict=True)
        ]
    if len(previous) != len(current):
        raise method.ClientRoiError(
            tr("previous_tier and current_tier must have as many cells"), argument="previous_tier"
        )
    if labels is None or all(method.is_blank(v) for v in labels):
        found = {v.strip() if isinstance(v, str) else v for v in previous + current if not method.is_blank(v)}
        if not found:
            raise method.ClientRoiError(tr("no tier in previous_tier or current_tier"), argument="current_tier")
        labels = sorted(str(v) for v in found)
    else:
        labels = [str(v).strip() for v in labels if not method.is_blank(v)]
    matrix, _ = method.mobility(previous, current, labels)
    header = ["Previous \\ now", *matrix.columns.tolist()]
    return [
        header,
        *([str(i), *(int(v) for v in row)] for i, row in zip(matrix.index, matrix.to_numpy().tolist(), strict=True)),
    ]


@xw.func
@xw.arg("attributes", doc="Each prospect's attributes: one row per prospect, one column per attribute.", **CELLS)
@xw.arg("client_attributes", doc="The clients' attributes, in the same columns.", **CELLS)
@xw.arg("client_gains", doc="Each client's gain (gross margin), one per row of client_attributes.", **CELLS)
@_named("PROSPECT_POTENTIAL")
def prospect_potential(attributes, client_attributes, client_gains):
    """Each prospect's margin estimated from the clients it resembles: estimate, low, high (80 %)."""
    width = len(client_attributes[0])
    if any(len(r) != width for r in attributes):
        raise method.ClientRoiError(tr("attributes must have as many columns as client_attributes"), "attributes")
    gains = method.numbers([v for r in client_gains for v in r], "client_gains")
    if gains.size != len(client_attributes):
        raise method.ClientRoiError(
            tr("client_gains must have one cell per row of client_attributes"), argument="client_gains"
        )
    import numpy as np
    import pandas as pd

    names = [str(j + 1) for j in range(width)]
    frame = pd.DataFrame([*client_attributes, *attributes], columns=names, dtype=object)
    is_client = np.arange(len(frame)) < len(client_attributes)
    everyone = np.concatenate([gains, np.full(len(attributes), np.nan)])
    got = method.potential(frame, everyone, is_client, ~is_client).estimates.iloc[len(client_attributes) :]
    return got[["estimate", "low", "high"]].to_numpy().tolist()
