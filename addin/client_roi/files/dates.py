"""Dates written as text, read from the evidence of a whole column: never a guess.

A value is a date in one of three conventions: ``ymd`` (``2025-03-31``, ``2025/03/31``),
``dmy`` (``31/03/2025``, ``31-03-2025``, ``31.03.2025``) or ``mdy`` (``03/31/2025``); one or two
digits for day and month, four for the year; a time after the date (``2025-03-31 14:05``,
``2025-03-31T14:05:00``, ``3/31/2025 2:05 PM``) is allowed and ignored. A whole number from 1 to
2,958,465 is an Excel date serial (``45747`` is 2025-03-31), whatever the convention.

Rule for a column (:func:`read_dates`), as for numbers: the conventions that read **every**
value as a real calendar date are kept. One left: it is used. None: refused, naming a value
that is no date, or two values that need different conventions. Several left that read every
value to the same day (``2025-03-31`` alone, ``01/01/2025``): fine. Several that disagree
(``03/04/2025`` alone is 3 April or 4 March): refused unless the caller decided
(``date_format='dmy'``, ``'mdy'`` or ``'ymd'``, from ``--date-format``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..messages import tr

CONVENTIONS = ("ymd", "dmy", "mdy")
NAMES = {"ymd": "year-month-day", "dmy": "day/month/year", "mdy": "month/day/year"}  # catalogue identifiers
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?)?"
_YMD = re.compile(rf"(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}")
_XYZ = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}){_TIME}")
_SERIAL = re.compile(r"\d{1,7}")
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 0 (Excel's 1900 system, after its phantom 29 Feb 1900)
MAX_SERIAL = 2_958_465  # 9999-12-31


@dataclass
class DateProblem(Exception):
    """Why a column cannot be read; ``row`` is the 0-based index of the value at fault."""

    row: int
    message: str

    def __str__(self) -> str:
        return self.message


def serial_date(serial: float) -> dt.date | None:
    """The day of an Excel date serial (its time of day ignored), None out of Excel's range.

    >>> serial_date(45747), serial_date(45747.75), serial_date(0)
    (datetime.date(2025, 3, 31), datetime.date(2025, 3, 31), None)
    """
    if not 1 <= serial < MAX_SERIAL + 1:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse(text: str, convention: str) -> dt.date | None:
    """The day ``text`` writes in ``convention``, or None.

    >>> parse("31/03/2025", "dmy"), parse("31/03/2025", "mdy"), parse("2025-03-31 14:05", "ymd")
    (datetime.date(2025, 3, 31), None, datetime.date(2025, 3, 31))
    """
    t = text.strip()
    if _SERIAL.fullmatch(t):
        return serial_date(int(t))
    if convention == "ymd":
        m = _YMD.fullmatch(t)
        return None if m is None else _date(m[1], m[3], m[4])
    m = _XYZ.fullmatch(t)
    if m is None:
        return None
    return _date(m[4], m[3], m[1]) if convention == "dmy" else _date(m[4], m[1], m[3])


def read_dates(texts: list[str], date_format: str | None = None) -> tuple[list[dt.date], str]:
    """Read non-blank texts of one date column; the days and the convention used (see the
    module's rule). Raises :class:`DateProblem` naming the value at fault.

    >>> read_dates(["31/03/2025", "01/04/2025"])[1], read_dates(["2025-03-31"])[1]
    ('dmy', 'ymd')
    """
    candidates = [date_format] if date_format else list(CONVENTIONS)
    cache: dict[str, dict[str, dt.date | None]] = {}
    kept = set(candidates)
    failed: dict[str, int] = {}
    for i, text in enumerate(texts):
        read = cache.get(text)
        if read is None:
            read = cache[text] = {c: parse(text, c) for c in candidates}
        if all(v is None for v in read.values()):
            hint = tr(" as {convention}", convention=tr(NAMES[date_format])) if date_format else ""
            raise DateProblem(
                i, tr("{text} is not a date{hint} (e.g. 2025-03-31 or 31/03/2025)", text=_shown(text), hint=hint)
            )
        for c in list(kept):
            if read[c] is None:
                kept.discard(c)
                failed.setdefault(c, i)
    if not kept:
        (_, i), (_, j) = sorted(failed.items(), key=lambda kv: kv[1])[-2:]
        return _refuse_mixed(texts, i, j)
    order = [c for c in candidates if c in kept]
    days = {c: [cache[t][c] for t in texts] for c in order}
    first = days[order[0]]
    for c in order[1:]:
        if days[c] != first:
            i = next(i for i, (x, y) in enumerate(zip(first, days[c], strict=True)) if x != y)
            raise DateProblem(
                i,
                tr(
                    "{text} is {one} as {one_convention} or {other} as {other_convention}, and no other date "
                    "tells which: say --date-format {one_option} or --date-format {other_option}",
                    text=_shown(texts[i]),
                    one=_day(first[i]),
                    one_convention=tr(NAMES[order[0]]),
                    other=_day(days[c][i]),
                    other_convention=tr(NAMES[c]),
                    one_option=order[0],
                    other_option=c,
                ),
            )
    return [d for d in first if d is not None], order[0]


def _refuse_mixed(texts: list[str], i: int, j: int) -> tuple[list[dt.date], str]:
    first, second = sorted((i, j))
    raise DateProblem(
        second,
        tr(
            "{first} and {second} need different date conventions: one column, one convention",
            first=_shown(texts[first]),
            second=_shown(texts[second]),
        ),
    )


def _day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.day} {tr(MONTHS[day.month - 1])} {day.year}"  # 3 March 2025


def _shown(text: str) -> str:
    return repr(text.strip())
