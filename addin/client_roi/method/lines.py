"""From invoice lines to customers: who is a client this period, who was lost, and the tier each
had in the previous period.

The lines are summed per customer and period by the reading layer (the sums are correctly
rounded: see :mod:`client_roi.files.lines`); this module applies the method to those sums
(:func:`customers_from_lines`):

* a customer with lines in the current period is a **client**: ``Should pay`` yes, ``Has paid``
  yes, ``Gross margin`` = its margin in the period;
* a customer with lines in the previous period and none in the current one is **lost**: a
  prospect to win back (``Should pay`` yes, ``Has paid`` no), ``Expected margin`` = its margin
  in the previous period;
* a customer whose lines are all older is left out (counted).

Without a margin column, a customer's margin is its amount × ``margin_rate``: the amounts are
summed first (correctly rounded), then multiplied once (one more rounding), the same order on
every route. ``Previous tier`` is the tier each customer had as a client of the previous
period, by the same band, trim and labels over the previous period's clients (their own
reference gain); ``Previous margin`` is its margin then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .arguments import parameter_number
from .bands import bands
from .movement import previous_tiers
from .periods import Periods

MARGIN, AMOUNT = "margin", "amount"


@dataclass(frozen=True)
class LineTotals:
    """Per-customer totals of invoice lines, one entry per customer with any line.

    ``current`` and ``previous`` are the correctly rounded sums of the lines' margins (or
    amounts, ``kind``) in each period, NaN for a customer without lines in it; ``current_lines``
    and ``previous_lines`` count them; ``first`` and ``last`` are the dates of the file's first
    and last line. ``later`` counts the lines after the period's end (left out). One customer
    is one name by :func:`~client_roi.method.names.name_key`: ``merged`` says which spellings
    were taken as one customer (``'ACME ← Acme, acme'``)."""

    customer: np.ndarray
    current: np.ndarray
    previous: np.ndarray
    current_lines: np.ndarray
    previous_lines: np.ndarray
    first: dt.date
    last: dt.date
    kind: str
    periods: Periods
    lines: int
    later: int = 0
    merged: tuple[str, ...] = ()  # customers written more than one way: 'ACME ← Acme, acme'
    spellings_merged: int = 0  # how many spellings were merged into another
    ids: np.ndarray | None = None  # each customer's code, when the lines have one beside the name


@dataclass(frozen=True)
class FromLines:
    """The customers made from lines, and what the summary says about them."""

    customers: pd.DataFrame
    clients: int
    lost: int
    older: int  # customers whose lines are all before the previous period: left out
    previous_clients: int
    periods: Periods
    kind: str
    lines: int
    later: int


def customers_from_lines(
    totals: LineTotals, *, margin_rate: Any = 0.5, band: Any = 0.2, trim: Any = 0.0, labels: Any = None
) -> FromLines:
    """The customer table of the current period (see the module's rule), sorted by name.

    >>> from .periods import periods
    >>> t = LineTotals(np.array(["a", "b", "c", "d", "e"], dtype=object),
    ...     np.array([100.0, 300.0, np.nan, 200.0, np.nan]), np.array([100.0, 50.0, 400.0, np.nan, np.nan]),
    ...     np.array([1, 2, 0, 1, 0]), np.array([1, 1, 3, 0, 0]),
    ...     dt.date(2024, 1, 1), dt.date(2025, 12, 31), "margin", periods(dt.date(2025, 12, 31), 12), 9)
    >>> r = customers_from_lines(t)
    >>> r.customers[["customer", "has_paid", "gross_margin", "expected_margin"]]
      customer has_paid  gross_margin  expected_margin
    0        a      yes         100.0              NaN
    1        b      yes         300.0              NaN
    2        c       no           NaN            400.0
    3        d      yes         200.0              NaN
    >>> r.customers["previous_tier"].tolist()  # over a, b, c's previous margins: mean 183.3
    ['C', 'C', 'A', None]
    >>> r.clients, r.lost, r.older
    (3, 1, 1)
    """
    if totals.kind == AMOUNT:
        rate = parameter_number(margin_rate, "margin_rate")
        current, previous = totals.current * rate, totals.previous * rate
    else:
        current, previous = totals.current, totals.previous
    is_client = totals.current_lines > 0
    was_client = totals.previous_lines > 0
    lost = was_client & ~is_client
    kept = is_client | lost
    previous_tier = np.full(len(current), None, dtype=object)
    if was_client.any():
        # the band in use now (its offsets, for band='balanced'), over the previous period's clients
        b = bands(current[is_client] if is_client.any() else previous[was_client], band, trim or 0, labels)
        then = np.where(was_client, previous, np.nan)
        previous_tier, _ = previous_tiers(then, None, b.offsets, trim, b.labels)
    order = np.argsort(totals.customer[kept].astype(str), kind="stable")
    keep = np.flatnonzero(kept)[order]
    yes_no = np.where(is_client[keep], "yes", "no").astype(object)
    customers = pd.DataFrame(
        {
            "customer": pd.Series(totals.customer[keep], dtype=object),
            "should_pay": np.full(keep.size, "yes", dtype=object),
            "has_paid": yes_no,
            "gross_margin": np.where(is_client[keep], current[keep], np.nan),
            "expected_margin": np.where(lost[keep], previous[keep], np.nan),
            "previous_tier": pd.Series(previous_tier[keep], dtype=object),  # None, not NaN, for a blank
            "previous_margin": np.where(was_client[keep], previous[keep], np.nan),
        }
    )
    if totals.ids is not None:  # the ledger's code, kept beside the name it is shown by
        customers.insert(1, "customer_id", pd.Series(totals.ids[keep], dtype=object))
    return FromLines(
        customers=customers,
        clients=int(is_client.sum()),
        lost=int(lost.sum()),
        older=int((~kept).sum()),
        previous_clients=int(was_client.sum()),
        periods=totals.periods,
        kind=totals.kind,
        lines=totals.lines,
        later=totals.later,
    )
