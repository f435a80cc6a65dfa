"""Step 1 of the method: the reference gain, and the bands around it.

The reference gain is the mean gain per paying customer, optionally after trimming the
extremes (Excel ``TRIMMEAN``); :func:`percentile_inc` is Excel's ``PERCENTILE.INC``. A band
is one number ``p`` (offsets −p, +p: three tiers) or k−1 increasing offsets (k tiers); the
thresholds are ``reference × (1 + offset)``. :func:`balanced_band` finds the offsets that make
the tiers equal in size (``band='balanced'``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np

from ..messages import CATALOGUES, CONTEXT, tr
from ..schema import blocks
from ..schema.parameters import Text, default, interval, parameter
from .arguments import (
    ClientRoiError,
    _as_array,
    _default,
    _finite_result,
    _g,
    _item_error,
    _numbers,
    _population,
    _scalar,
    describe,
    is_blank,
    parameter_number,
)
from .compare import lowest_equal
from .sums import exact_mean

DEFAULT_BAND: float = default("band")


MAX_TIERS = blocks.MAX_TIERS  # the schema's: the workbook has room for as many


def _trim_count(n: int, trim: float) -> int:
    """Points TRIMMEAN removes: ``n × trim`` rounded down to an even number.

    The product is first rounded to 15 significant digits, as LibreOffice's ``approxFloor``
    does, so that ``10 × 0.3`` (3.0000000000000004) and ``100 × 0.29`` (28.999999999999996)
    count as the 3 and 29 a person would compute.
    """
    half = float(f"{n * trim / 2:.15g}")
    return 2 * math.floor(half)


def trimmed_mean(values: Any, trim: float = 0.0, *, name: str = "population") -> float:
    """Mean after removing ``trim`` of the points, half from each end — Excel ``TRIMMEAN``.

    Rule: with ``n`` numbers (blanks ignored), ``m = n × trim`` rounded down to an even
    number; the ``m/2`` smallest and ``m/2`` largest are removed (ties broken arbitrarily, which
    does not change the mean) and the rest averaged. ``0 ≤ trim < 1``.

    Examples
    --------
    >>> trimmed_mean([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], trim=0.25)  # 2.5 -> 2 removed
    5.5
    >>> trimmed_mean([1, 2, None, 3])
    2.0
    """
    trim = parameter_number(trim, "trim")
    gains = _population(values, name)
    cut = _trim_count(gains.size, trim) // 2
    if cut == 0:
        return exact_mean(gains, name)
    kept = np.partition(gains, (cut, gains.size - cut - 1))[cut : gains.size - cut]
    return exact_mean(kept, name)


def percentile_inc(values: Any, k: Any, *, name: str = "population") -> Any:
    """The ``k`` quantile of ``values`` with Excel ``PERCENTILE.INC``'s rule.

    Rule: sort the ``n`` numbers ``x₀ ≤ … ≤ xₙ₋₁``; ``h = (n − 1) × k``; the result is
    ``x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋₊₁ − x⌊h⌋)``. ``0 ≤ k ≤ 1``; ``k`` may be an array.

    >>> percentile_inc([1, 2, 3, 4], 1/3)
    2.0
    """
    gains = np.sort(_population(values, name))
    ks = np.atleast_1d(np.asarray(k, dtype=np.float64))
    if np.any((ks < 0) | (ks > 1)) or np.any(np.isnan(ks)):
        raise ClientRoiError(tr("k must be in [0, 1], got {k!r}", k=k))
    h = (gains.size - 1) * ks
    lo = np.floor(h).astype(np.intp)
    hi = np.minimum(lo + 1, gains.size - 1)
    with np.errstate(over="ignore", invalid="ignore"):
        q = gains[lo] + (h - lo) * (gains[hi] - gains[lo])
    _finite_result(q, tr("a quantile of the population"))
    return float(q[0]) if np.ndim(k) == 0 else q


def reference_gain(population: Any, trim: float = 0.0) -> float:
    """The mean gain that bands are drawn around: :func:`trimmed_mean` of the population.

    A reference gain ≤ 0 has no meaningful ±p % bands and raises :class:`ClientRoiError`.
    """
    mean = trimmed_mean(population, trim)
    if mean <= 0:
        raise ClientRoiError(
            tr(
                "population mean gain is {mean}; tiers need a positive mean gain{value}",
                mean=_g(mean),
                value=" after trimming" if trim else "",
            )
        )
    return mean


def _offsets(band: Any) -> np.ndarray:
    """Ascending band offsets from ``band``: a single number p in (0, 1) means (−p, +p); a
    list or array (even of one item) is the k−1 offsets themselves."""
    arr = _as_array(_default(band, DEFAULT_BAND))
    if arr.ndim == 0:
        p = _scalar(arr[()], "band", low=0.0, high=1.0, high_open=True)
        return np.array([-p, p])
    arr = arr.reshape(-1)
    if arr.size == 0:
        raise ClientRoiError(tr("band is empty"), argument="band")
    values, _ = _numbers(arr, "band")
    if np.isnan(values).any():
        raise _item_error("band", int(np.flatnonzero(np.isnan(values))[0]), (values.size,), tr("is blank"))
    if values.size > MAX_TIERS - 1:
        raise ClientRoiError(
            tr(
                "band has {size} offsets; at most {MAX_TIERS} ({MAX_TIERS2} tiers) are allowed",
                size=values.size,
                MAX_TIERS=MAX_TIERS - 1,
                MAX_TIERS2=MAX_TIERS,
            ),
            argument="band",
        )
    rule = interval("band")  # each offset's, as the workbook's band cells validate it
    assert rule.low is not None and rule.high is None and rule.closed == "neither"  # what the message says
    outside = [i for i, v in enumerate(values.tolist()) if not rule.holds(v)]
    if outside:
        i = outside[0]
        raise _item_error(
            "band", i, (values.size,), tr("is {g}; offsets must be > {low}", g=_g(values[i]), low=_g(rule.low))
        )
    if np.any(np.diff(values) <= 0):
        i = int(np.flatnonzero(np.diff(values) <= 0)[0])
        raise ClientRoiError(
            tr(
                "band offsets must be strictly increasing; item {i} ({g}) is not above item {i2} ({g2})",
                i=i + 2,
                g=_g(values[i + 1]),
                i2=i + 1,
                g2=_g(values[i]),
            ),
            argument="band",
            item=i + 1,
        )
    return values


def _labels(labels: Any, k: int) -> tuple[str, ...]:
    labels = _default(labels, None)
    if labels is None:
        return tuple(chr(ord("A") + i) for i in range(k))
    arr = _as_array(labels).reshape(-1)
    if arr.size != k:
        raise ClientRoiError(
            tr("labels has {size} item(s) but the band gives {k} tiers", size=arr.size, k=k), argument="labels"
        )
    rule = parameter("labels").constraint  # as the workbook's label cells validate them
    assert isinstance(rule, Text)
    out = []
    for i, v in enumerate(arr.tolist()):
        if isinstance(v, (bool, np.bool_)) or is_blank(v):
            raise _item_error(
                "labels", i, (arr.size,), tr("is {value}", value=tr("blank") if is_blank(v) else describe(v))
            )
        text = (f"{v:g}" if isinstance(v, float) else str(v)).strip()
        if text.startswith("#"):
            # Excel would read a label like '#A' returned from a function as an error value.
            raise _item_error("labels", i, (arr.size,), tr("({text!r}) must not start with '#'", text=text))
        if len(text) > rule.longest:
            raise _item_error(
                "labels", i, (arr.size,), tr("({text!r}) is over {longest} characters", text=text, longest=rule.longest)
            )
        out.append(text)
    if len(set(out)) != k:
        raise ClientRoiError(tr("labels must be distinct, got {out}", out=out), argument="labels")
    return tuple(out)


@dataclass(frozen=True)
class Bands:
    """Thresholds that split gains into tiers.

    ``thresholds[j] = reference × (1 + offsets[j])``, ascending, computed in IEEE double exactly
    as the Excel formula ``=reference*(1+offset)`` would be. Intervals are closed on the left:
    a gain ``g`` is in the tier whose lower threshold ``t`` satisfies ``t ≤ g < next t``, so a
    gain on a threshold goes to the tier above it; "on" as a spreadsheet compares
    (:mod:`~client_roi.method.compare`: 100.8 is on ``126 × 0.8``, 100.80000000000001).
    ``labels`` are top tier first.
    """

    reference: float
    offsets: np.ndarray
    thresholds: np.ndarray
    labels: tuple[str, ...]

    @property
    def k(self) -> int:
        return len(self.labels)

    def tier_index(self, gains: np.ndarray, blanks: bool = True) -> np.ndarray:
        """Rank of each gain's tier (int8), 0 = top; NaN gains give -1 (``blanks=False``
        promises there are none and saves a pass)."""
        # k ≤ 10 thresholds: one comparison each beats a binary search per gain; int8 ranks
        # keep the passes to a byte per gain
        rank = np.full(gains.shape, self.k - 1, dtype=np.int8)
        for t in self.thresholds:
            rank -= gains >= lowest_equal(float(t))  # on a threshold, as a spreadsheet sees it: reached
        if blanks:
            blank = np.isnan(gains)
            if blank.any():
                rank[blank] = -1
        return rank

    def multipliers(self) -> np.ndarray:
        """CAC multiplier per tier, top first (see :func:`cac_by_tier`)."""
        o = self.offsets
        interior = 1 + (o[:-1] + o[1:]) / 2  # ascending: tiers between consecutive offsets
        bottom_up = np.concatenate(([1 + o[0]], interior, [1 + o[-1]]))
        return bottom_up[::-1]


#: The word that asks for the balanced band instead of percentages: its catalogue identifier, and
#: how it is read in every language of the catalogue (and French without its accents).
BAND_WORD = "band word" + CONTEXT + "balanced"
BALANCED_WORDS = frozenset({tr(BAND_WORD, lang).casefold() for lang in CATALOGUES} | {"equilibre", "équilibre"})


def is_balanced_word(band: Any) -> bool:
    return isinstance(band, str) and band.strip().casefold() in BALANCED_WORDS


def bands(
    population: Any = None,
    band: Any = DEFAULT_BAND,
    trim: float = 0.0,
    labels: Any = None,
    *,
    reference: float | None = None,
    tiers: Any = None,
) -> Bands:
    """Build the :class:`Bands` of a population (or of a given ``reference`` gain).

    ``band`` may be the word ``balanced`` (``équilibré``): the :func:`balanced_band` offsets of
    the population for ``tiers`` tiers, else as many as ``labels`` has, else 3.
    """
    if is_balanced_word(band):
        if population is None:
            raise ClientRoiError(tr("band 'balanced' needs the population"), argument="band")
        count = _default(tiers, None)
        if count is None:
            given = _default(labels, None)
            count = _as_array(given).size if given is not None else 3
        band = balanced_band(population, count, trim).tolist()
    offsets = _offsets(band)
    names = _labels(labels, offsets.size + 1)
    if reference is None:
        reference = reference_gain(population, trim)
    return Bands(reference, offsets, _finite_result(reference * (1 + offsets), tr("a band threshold")), names)


def _nudge_threshold(reference: float, q: float) -> float:
    """Offset ``o`` ≈ ``q / reference − 1`` such that ``reference × (1 + o)`` is the largest
    threshold the offset can express that is ≤ ``q``; so a gain exactly equal to the quantile
    still lands in the tier above. Each step is the larger of one ulp of ``o`` and of ``1 + o``
    (the smaller could leave the product unchanged); a few steps at most.
    """
    o = q / reference - 1
    for _ in range(64):
        step = max(np.spacing(1 + o), np.spacing(abs(o)))
        if reference * (1 + o) > q:
            o -= step
        elif reference * (1 + (o + step)) <= q:
            o += step
        else:
            break
    return float(o)


def balanced_band(population: Any, tiers: int = 3, trim: float = 0.0) -> np.ndarray:
    """Offsets that split ``population`` into ``tiers`` tiers of equal size, as ties allow.

    Rule: threshold ``j`` (j = 1 … tiers−1) is the ``j / tiers`` quantile of the population
    (Excel ``PERCENTILE.INC``), written as an offset from the reference gain
    (``q / reference − 1``, nudged by at most a few ulps so that ``reference × (1 + offset)``
    reproduces the quantile or the double just below it). The result can be passed back as
    ``band``. Raises if two quantiles coincide (too many equal gains for that many tiers) or
    a quantile is ≤ 0 (offsets must be > −1).

    >>> balanced_band([10, 20, 30, 40, 100], tiers=3).round(4)  # quantiles 23.33 and 36.67, mean 40
    array([-0.4167, -0.0833])
    """
    tiers = _default(tiers, 3)
    if isinstance(tiers, (bool, np.bool_)) or not isinstance(tiers, Real) or tiers != int(tiers):
        raise ClientRoiError(
            tr(
                "tiers must be a whole number from 2 to {MAX_TIERS}, got {tiers}",
                MAX_TIERS=MAX_TIERS,
                tiers=describe(tiers),
            )
        )
    tiers = int(tiers)
    if not 2 <= tiers <= MAX_TIERS:
        raise ClientRoiError(tr("tiers must be from 2 to {MAX_TIERS}, got {tiers}", MAX_TIERS=MAX_TIERS, tiers=tiers))
    gains = _population(population)
    reference = reference_gain(gains, trim)
    qs = percentile_inc(gains, np.arange(1, tiers) / tiers)
    for j, q in enumerate(qs, start=1):
        if q <= 0:
            raise ClientRoiError(
                tr(
                    (
                        "population's {j}/{tiers} quantile is {q}; balanced bands need positive "
                        "thresholds (too many customers with no or negative gain)"
                    ),
                    j=j,
                    tiers=tiers,
                    q=_g(q),
                )
            )
    if np.any(np.diff(qs) <= 0):
        j = int(np.flatnonzero(np.diff(qs) <= 0)[0]) + 1
        raise ClientRoiError(
            tr(
                (
                    "population has too many equal gains for {tiers} tiers: the {j}/{tiers} and "
                    "{j2}/{tiers} quantiles are both {g}; ask for fewer tiers"
                ),
                tiers=tiers,
                j=j,
                j2=j + 1,
                g=_g(qs[j - 1]),
            )
        )
    offsets = np.array([_nudge_threshold(reference, q) for q in qs])
    if np.any(np.diff(offsets) <= 0):  # quantiles closer than an offset can tell apart
        j = int(np.flatnonzero(np.diff(offsets) <= 0)[0]) + 1
        raise ClientRoiError(
            tr(
                (
                    "population's {j}/{tiers} and {j2}/{tiers} quantiles ({g} and {g2}) are too "
                    "close for two distinct thresholds; ask for fewer tiers"
                ),
                j=j,
                tiers=tiers,
                j2=j + 1,
                g=_g(qs[j - 1]),
                g2=_g(qs[j]),
            )
        )
    return offsets
