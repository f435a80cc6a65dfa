"""Numbers compared as a spreadsheet compares them: two doubles within 2⁻⁴⁸ of each other, as
far apart as a few roundings, are equal.

A threshold is ``reference × (1 + offset)``, computed: ``126 × 0.8`` is 100.80000000000001, and
a gain typed as 100.8 lies on the −20 % line for anyone who reads it, for LibreOffice and for
Excel, but a strict comparison of doubles puts it under. The method therefore compares as
LibreOffice's ``rtl::math::approxEqual`` (``sal/rtl/math.cxx``) decides equality: ``a == b``;
or both nonzero, of one sign, ``|a − b| < 2⁻⁴⁸ × |a|`` and ``< 2⁻⁴⁸ × |b|``, and not both whole
numbers a double holds exactly (two integers are never "nearly" equal). So ``≥``, ``>``, ``<``
and ``≤`` are the spreadsheet's, and a live book's formulas (:mod:`client_roi.workbook.live`)
give the same tiers, plan and lists as the method, to the bit of every comparison.

Each comparison with a fixed number is turned, once, into a strict one with the last double
that is still "equal" (:func:`lowest_equal`, :func:`highest_equal`: at most 32 steps of an ulp),
so that an array is compared at numpy's speed.
"""

from __future__ import annotations

import math

import numpy as np

E48 = 2.0**-48
_EXACT = 2.0**53  # whole numbers below it are exact doubles


def _whole(x: float) -> bool:
    return abs(x) < _EXACT and x == math.floor(x)


def equal(a: float, b: float) -> bool:
    """``a`` and ``b`` are equal for a spreadsheet (the module's rule).

    >>> equal(100.8, 126 * 0.8), 100.8 == 126 * 0.8, equal(1.0, 1.0 + 2**-52), equal(2.0**50, 2.0**50 + 1)
    (True, False, True, False)
    """
    if a == b:
        return True
    if a == 0 or b == 0 or (a < 0) != (b < 0) or not (math.isfinite(a) and math.isfinite(b)):
        return False
    d = abs(a - b)
    if not math.isfinite(d) or d >= abs(a) * E48 or d >= abs(b) * E48:
        return False
    return not (_whole(a) and _whole(b))


def lowest_equal(t: float) -> float:
    """The smallest double equal to ``t`` (the module's rule): ``x ≥ t`` for a spreadsheet is
    ``x ≥ lowest_equal(t)``."""
    x = t
    while math.isfinite(x) and equal(y := math.nextafter(x, -math.inf), t):
        x = y
    return x


def highest_equal(t: float) -> float:
    """The largest double equal to ``t``: ``x ≤ t`` for a spreadsheet is ``x ≤ highest_equal(t)``."""
    x = t
    while math.isfinite(x) and equal(y := math.nextafter(x, math.inf), t):
        x = y
    return x


def greater(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a > b`` element by element as a spreadsheet says it: greater and not equal (NaN: never)."""
    with np.errstate(invalid="ignore", over="ignore"):
        over = a > b
    if not over.any():
        return over
    rows = np.flatnonzero(over)
    near = np.fromiter((equal(float(x), float(y)) for x, y in zip(a[rows], b[rows], strict=True)), bool, rows.size)
    over[rows[near]] = False
    return over
