"""Step 2: tiers, and tiers that are harmonious.

A gain exactly on a threshold goes to the tier above. :func:`tier_bands` summarises each
tier; :func:`band_sweep` shows, band after band, how balanced the tiers are
(:func:`balance`: the smallest tier over the largest).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from ..schema import blocks
from .arguments import ClientRoiError, _as_array, _default, _numbers, _population, _shaped
from .bands import DEFAULT_BAND, Bands, bands, reference_gain
from .sums import _GroupSums


def tier(value: Any, population: Any, band: Any = DEFAULT_BAND, trim: float = 0.0, labels: Any = None) -> Any:
    """Tier label of each ``value`` against the bands of ``population``.

    ``band`` is one number ``p`` in (0, 1) — offsets ``(−p, +p)``, three tiers — or a list of
    k−1 strictly increasing offsets, each > −1 (k tiers, 2 ≤ k ≤ 10; a one-item list is one
    offset, two tiers). Thresholds are
    ``reference_gain(population, trim) × (1 + offset)``; a value exactly on a threshold goes to
    the tier above. Tiers are labelled top first: ``A, B, C, …`` or ``labels`` (k distinct
    texts). Blank values give ``None``.

    >>> tier([130, 120, 100, 80, 79.9], [100, 100, 100])
    array(['A', 'A', 'B', 'B', 'C'], dtype=object)
    """
    b = bands(population, band, trim, labels)
    gains, shape = _numbers(value, "value")
    names = np.array((*b.labels, None), dtype=object)
    return _shaped(names[b.tier_index(gains)], shape, value)


def band_summary(b: Bands, gains: np.ndarray) -> pd.DataFrame:
    """The :func:`tier_bands` table for bands already built and non-blank ``gains``."""
    rank = b.tier_index(gains, blanks=False)
    counts = np.array([np.count_nonzero(rank == j) for j in range(b.k)])
    loss = gains < 0
    if loss.any():
        # Losses hold no share of the gain: each tier's gains (group 2j) and losses (2j + 1) apart.
        sums = _GroupSums(gains, 2 * rank.astype(np.intp) + loss, 2 * b.k)
        totals = np.array([sums.sum((2 * j, 2 * j + 1), "a tier's gains") for j in range(b.k)])
        positive_totals = np.array([sums.sum((2 * j,), "a tier's gains") for j in range(b.k)])
        total = sums.sum(range(0, 2 * b.k, 2), "the gains")
    else:
        sums = _GroupSums(gains, rank, b.k, sizes=counts)
        totals = positive_totals = np.array([sums.sum((j,), "a tier's gains") for j in range(b.k)])
        total = sums.sum(name="the gains")
    thresholds = b.thresholds[::-1]  # descending: the top tier's lower bound first
    lower = np.append(thresholds, np.nan)
    upper = np.insert(thresholds, 0, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        average = np.where(counts > 0, totals / counts, np.nan)
        gain_share = positive_totals / total if total > 0 else np.full(b.k, np.nan)
    frame: pd.DataFrame = pd.DataFrame(
        {
            "tier": list(b.labels),
            "lower": lower,
            "upper": upper,
            "customers": counts,
            "customer_share": counts / gains.size,
            "gain": totals,
            "gain_share": gain_share,
            "average_gain": average,
        }
    )
    return frame


def tier_bands(population: Any, band: Any = DEFAULT_BAND, trim: float = 0.0, labels: Any = None) -> pd.DataFrame:
    """The band summary: one row per tier, top tier first.

    Columns: ``tier``, ``lower`` and ``upper`` threshold (NaN for the open ends; a tier holds
    ``lower ≤ gain < upper``), ``customers``, ``customer_share`` (of the non-blank population),
    ``gain`` (total), ``gain_share`` (the tier's share of the positive gain, losses counting
    as 0; NaN when no gain is positive),
    ``average_gain`` (NaN for an empty tier). Trimmed customers are still counted: trimming
    only moves the reference gain. ``DataFrame.attrs['reference']`` holds the reference gain.

    >>> tier_bands([50, 100, 150], band=0.2)[["tier", "customers", "gain"]]
      tier  customers   gain
    0    A          1  150.0
    1    B          1  100.0
    2    C          1   50.0
    """
    gains = _population(population)
    b = bands(band=band, labels=labels, reference=reference_gain(gains, trim))
    frame = band_summary(b, gains)
    frame.attrs["reference"] = b.reference
    return frame


#: The bands a sweep tries by default: ±5 %, ±10 %, …, ±50 % (three tiers each).
SWEEP = tuple(j / 20 for j in range(1, blocks.SWEEP_BANDS + 1))


def shaped_sweep(offsets: Any, widest: Any = SWEEP) -> list[list[float]]:
    """The bands of a sweep for the tiers in use: the band's own shape (its offsets, ascending)
    scaled so that its widest offset is each ``p`` of ``widest``. For three tiers at ±q that is
    ±p; for ``-0.4, -0.2, 0.2, 0.4`` at 10 % it is ``-0.1, -0.05, 0.05, 0.1``. Each offset is
    divided by the widest first, so a symmetric band scales to exactly ±p. Two tiers split at
    the mean (the one offset 0) have no width: the sweep moves that offset to each ``p``.

    >>> shaped_sweep([-0.2, 0.2], [0.05, 0.5]), shaped_sweep([-0.4, -0.2, 0.2, 0.4], [0.1])
    ([[-0.05, 0.05], [-0.5, 0.5]], [[-0.1, -0.05, 0.05, 0.1]])
    """
    o = np.asarray(offsets, dtype=np.float64).reshape(-1)
    if o.size == 0:
        raise ClientRoiError(tr("a band needs at least one offset"), argument="band")
    top = float(np.max(np.abs(o)))
    if top == 0:  # two tiers split at the mean: no width to scale, so the one offset is swept
        return [[float(p)] for p in widest]
    unit = o / top
    return [[float(u * p) for u in unit] for p in widest]


def balance(counts: Any) -> float:
    """How harmonious tiers are: smallest tier ÷ largest tier, by customers.

    1 = equal tiers, 0 = an empty tier; in [0, 1].

    >>> balance([30, 40, 30]), balance([10, 0, 5])
    (0.75, 0.0)
    """
    c = np.asarray(counts, dtype=np.float64)
    if c.size == 0 or c.max() <= 0:
        raise ClientRoiError(tr("balance needs at least one customer in a tier"))
    return float(c.min() / c.max())


def band_sweep(population: Any, bands_: Any = None, trim: float = 0.0) -> pd.DataFrame:
    """Tier sizes for each band of ``bands_`` (default :data:`SWEEP`): one row per band.

    Each item is a band as :func:`tier` takes it (``p`` for ±p, or a list of offsets); all share
    the population's reference gain (``trim`` applied once). Columns: ``band`` (the item),
    ``tiers``, ``balance`` (:func:`balance`), then ``clients_j`` and ``share_j`` for each tier j
    side by side (tier 1 = top; shares of the customers; NaN past a row's own tiers).

    Mean 40: ±20 % puts 100 | 40 | 10, 20, 30; ±50 % puts 100 | 20, 30, 40 | 10.

    >>> band_sweep([10, 20, 30, 40, 100], [0.2, 0.5])[["band", "clients_1", "clients_2", "clients_3"]]
       band  clients_1  clients_2  clients_3
    0   0.2          1          1          3
    1   0.5          1          3          1
    """
    gains = _population(population)
    reference = reference_gain(gains, trim)
    items = list(SWEEP) if _default(bands_, None) is None else _sweep_items(bands_)
    rows = []
    for item in items:
        b = bands(band=item, reference=reference)
        counts = np.bincount(b.tier_index(gains), minlength=b.k)
        rows.append((item, b.k, balance(counts), counts, counts / gains.size))
    k = max(r[1] for r in rows)
    data: dict[str, list[Any]] = {
        "band": [r[0] for r in rows],
        "tiers": [r[1] for r in rows],
        "balance": [r[2] for r in rows],
    }
    for j in range(k):
        data[f"clients_{j + 1}"] = [int(r[3][j]) if j < r[1] else np.nan for r in rows]
        data[f"share_{j + 1}"] = [float(r[4][j]) if j < r[1] else np.nan for r in rows]
    frame: pd.DataFrame = pd.DataFrame(data)
    if all(r[1] == k for r in rows):
        frame = frame.astype({f"clients_{j + 1}": int for j in range(k)})
    return frame


def _sweep_items(bands_: Any) -> list[Any]:
    """A sweep's bands: a list of band specs (each ±p or a list of offsets), or, as typed in a
    range, ±p values (blanks skipped)."""
    if isinstance(bands_, (list, tuple)) and any(isinstance(b, (list, tuple, np.ndarray)) for b in bands_):
        return list(bands_)
    arr = _as_array(bands_).reshape(-1)
    values, _ = _numbers(arr, "bands")
    items = [float(v) for v in values if not np.isnan(v)]
    if not items:
        raise ClientRoiError(tr("bands has no numbers (only blanks)"), argument="bands")
    return items


def most_balanced(sweep: pd.DataFrame, prefer: int | None = None) -> int:
    """Row of the sweep with the largest balance; on ties ``prefer`` (the band in use: no band
    is better), else the first (the narrowest band).

    >>> sweep = pd.DataFrame({"balance": [0.5, 0.8, 0.8]})
    >>> most_balanced(sweep), most_balanced(sweep, prefer=2)
    (1, 2)
    """
    values = sweep["balance"].to_numpy()
    best = int(np.argmax(values))
    if prefer is not None and values[prefer] == values[best]:
        return prefer
    return best
