"""Periods of invoice lines: the N months that end on a day, and the N months before them.

Rule (Excel's ``EDATE``/``EOMONTH``, so that a user can check it in a cell): a period of
``months`` months that ends on day ``end`` (inclusive) starts the day after

* ``EOMONTH(end, -months)`` when ``end`` is the last day of its month (whole calendar months:
  the 12 months ending 31 March 2025 are 1 April 2024 – 31 March 2025, and the month ending
  28 February 2025 is February);
* ``EDATE(end, -months)`` otherwise, a day of the month past the end of a shorter month
  falling back to that month's last day (the month ending 30 March 2025 starts on
  1 March 2025, because EDATE(30 March, -1) is 28 February).

The previous period is the period of the same length that ends the day before the current one
starts.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..messages import tr
from .arguments import ClientRoiError

#: The longest period accepted, in months (a century).
MAX_MONTHS = 1200


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def edate(day: dt.date, months: int) -> dt.date:
    """Excel's ``EDATE``: the same day ``months`` months away, clamped to the month's end.

    >>> edate(dt.date(2025, 3, 31), -1), edate(dt.date(2024, 3, 30), -1)
    (datetime.date(2025, 2, 28), datetime.date(2024, 2, 29))
    """
    year, month = _shift(day, months)
    return min(dt.date(year, month, 1) + dt.timedelta(days=day.day - 1), _month_end(year, month))


def eomonth(day: dt.date, months: int) -> dt.date:
    """Excel's ``EOMONTH``: the last day of the month ``months`` months away.

    >>> eomonth(dt.date(2025, 3, 15), -1)
    datetime.date(2025, 2, 28)
    """
    return _month_end(*_shift(day, months))


def period_start(end: dt.date, months: int) -> dt.date:
    """First day of the ``months`` months ending on ``end`` (see the module's rule).

    >>> period_start(dt.date(2025, 3, 31), 12), period_start(dt.date(2025, 2, 28), 1)
    (datetime.date(2024, 4, 1), datetime.date(2025, 2, 1))
    >>> period_start(dt.date(2025, 3, 30), 1), period_start(dt.date(2025, 3, 15), 6)
    (datetime.date(2025, 3, 1), datetime.date(2024, 9, 16))
    """
    month_end = end == _month_end(end.year, end.month)
    before = eomonth(end, -months) if month_end else edate(end, -months)
    return before + dt.timedelta(days=1)


@dataclass(frozen=True)
class Periods:
    """The current period ``start``–``end`` and the previous one, every bound inclusive."""

    start: dt.date
    end: dt.date
    previous_start: dt.date
    previous_end: dt.date
    months: int

    def __str__(self) -> str:
        return tr(
            "{start}–{end} (previous {previous_start}–{previous_end})",
            start=self.start,
            end=self.end,
            previous_start=self.previous_start,
            previous_end=self.previous_end,
        )


def periods(end: dt.date, months: int = 12) -> Periods:
    """The current period of ``months`` months ending on ``end`` and the previous one.

    >>> p = periods(dt.date(2025, 3, 31), 12)
    >>> p.start, p.previous_start, p.previous_end
    (datetime.date(2024, 4, 1), datetime.date(2023, 4, 1), datetime.date(2024, 3, 31))
    """
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise ClientRoiError(
            tr(
                "months must be a whole number of months from 1 to {MAX_MONTHS}, not {months!r}",
                MAX_MONTHS=MAX_MONTHS,
                months=months,
            ),
            "months",
        )
    try:
        start = period_start(end, months)
        previous_end = start - dt.timedelta(days=1)
        return Periods(start, end, period_start(previous_end, months), previous_end, months)
    except (ValueError, OverflowError):  # before 1 January of year 1: no calendar holds it
        raise ClientRoiError(
            tr(
                "the period ending {end} and the one before it would start before the year 1: give a later end (--to)",
                end=end,
            ),
            "to",
        ) from None
