"""How customers move between tiers from one period to the next.

A customer's **movement** compares its previous tier (the tier it had as a client in the
previous period: a column users fill from last period's book, or that invoice lines give) with
its tier as a client now, by the tiers' rank (top tier first in ``labels``):

* ``up``, ``down``, ``same``: a client now with a previous tier, to a better, worse or the same tier;
* ``new``: a client now without a previous tier;
* ``lost``: a customer with a previous tier who is not a client now;
* blank: neither (a prospect or user without a previous tier, a client without a gain).

A previous tier is compared with the labels after trimming spaces; one that is not a label is
refused by its row. The **mobility matrix** counts customers by previous tier (rows, top first,
then ``new``) and current tier (columns, top first, then ``lost``), with row and column totals.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from .arguments import ClientRoiError, describe, is_blank
from .bands import bands
from .sums import exact_sum

UP, DOWN, SAME, NEW, LOST = "up", "down", "same", "new", "lost"
MOVES = (UP, DOWN, SAME, NEW, LOST)
TOTAL = "total"


def _ranks(values: Any, labels: tuple[str, ...], name: str) -> np.ndarray:
    """Rank of each value among ``labels`` (0 = top), -1 for a blank; anything else raises."""
    index = {label: j for j, label in enumerate(labels)}
    ranks = np.full(len(values), -1, dtype=np.int16)
    for i, v in enumerate(values):
        if is_blank(v):
            continue
        j = index.get(v.strip() if isinstance(v, str) else v)
        if j is None:
            raise ClientRoiError(
                tr(
                    "{name} row {i} is {v}, not one of the tiers {labels}",
                    name=name,
                    i=i + 1,
                    v=describe(v),
                    labels=", ".join(labels),
                ),
                argument=name,
                item=i,
                cause=tr("is {v}, not one of the tiers {labels}", v=describe(v), labels=", ".join(labels)),
            )
        ranks[i] = j
    return ranks


def previous_tiers(
    previous_margin: np.ndarray, typed: Any, offsets: Any, trim: Any, labels: Any
) -> tuple[np.ndarray, int]:
    """Each customer's previous tier under the band in use, and how many were kept as typed.

    A customer with a previous margin (a client of the previous period) gets the tier that
    margin has among the previous period's clients (those with a previous margin: their own
    reference gain) with the same ``offsets``, ``trim`` and ``labels`` as the tiers now, so that
    changing the band moves both periods alike and never creates movement by itself. A
    previous tier typed without a previous margin is kept as typed (counted).

    >>> tiers, kept = previous_tiers(np.array([100.0, 300.0, np.nan, 200.0]), ["C", "C", "B", None],
    ...     [-0.2, 0.2], 0, ("A", "B", "C"))
    >>> tiers.tolist(), kept
    (['C', 'A', 'B', 'B'], 1)
    """
    n = len(previous_margin)
    out = np.array([None if is_blank(v) else v for v in (typed if typed is not None else [None] * n)], dtype=object)
    known = ~np.isnan(previous_margin)
    if known.any():
        try:
            b = bands(previous_margin[known], list(np.asarray(offsets, dtype=float)), trim or 0, list(labels))
        except ClientRoiError as exc:
            raise ClientRoiError(
                tr("the previous period's clients cannot be tiered: {exc}", exc=exc), "previous_margin"
            ) from None
        out[known] = np.array(b.labels, dtype=object)[b.tier_index(previous_margin[known])]
    kept = int(sum(1 for v, k in zip(out.tolist(), known.tolist(), strict=True) if v is not None and not k))
    return out, kept


def movement(previous: Any, current: Any, labels: Any) -> np.ndarray:
    """Each customer's movement (see the module's rule): ``previous`` tiers, ``current`` tiers
    as a client (blank for a customer who is not a client now), ``labels`` top first.

    >>> movement(["A", "C", None, "B", None], ["A", "B", "C", None, None], ("A", "B", "C")).tolist()
    ['same', 'up', 'new', 'lost', None]
    """
    labels = tuple(labels)
    before = _ranks(list(previous), labels, "previous_tier")
    now = _ranks(list(current), labels, "tier")
    if before.size != now.size:
        raise ClientRoiError(tr("previous_tier and tier must have the same length"), argument="previous_tier")
    out = np.full(before.size, None, dtype=object)
    both = (before >= 0) & (now >= 0)
    out[both & (now < before)] = UP
    out[both & (now > before)] = DOWN
    out[both & (now == before)] = SAME
    out[(before < 0) & (now >= 0)] = NEW
    out[(before >= 0) & (now < 0)] = LOST
    return out


def mobility(
    previous: Any, current: Any, labels: Any, gain_then: Any = None, gain_now: Any = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mobility matrix and, per previous tier, the gain then and now.

    The matrix has one row per previous tier (top first), then ``new`` and ``total``; one column
    per current tier, then ``lost`` and ``total``; counts of customers. The gains frame has one
    row per previous tier: ``customers``, ``gain_then`` (the correctly rounded sum of
    ``gain_then`` over them, NaN when not given) and ``gain_now`` (the same of ``gain_now`` over
    those who are clients now; a lost customer brings 0).

    >>> m, g = mobility(["A", "A", "B", None], ["A", None, "A", "B"], ("A", "B"), [10, 5, 3, None], [12, 0, 4, 7])
    >>> m
           A  B  lost  total
    A      1  0     1      2
    B      1  0     0      1
    new    0  1     0      1
    total  2  1     1      4
    >>> g
      tier  customers  gain_then  gain_now
    0    A          2       15.0      12.0
    1    B          1        3.0       4.0
    """
    labels = tuple(labels)
    before = _ranks(list(previous), labels, "previous_tier")
    now = _ranks(list(current), labels, "tier")
    k = len(labels)
    counts = np.zeros((k + 1, k + 1), dtype=np.int64)  # rows: tiers then new; columns: tiers then lost
    seen = (before >= 0) | (now >= 0)
    rows = np.where(before >= 0, before, k)[seen]
    cols = np.where(now >= 0, now, k)[seen]
    np.add.at(counts, (rows, cols), 1)
    counts[k, k] = 0  # no previous tier and no current one: not in the matrix
    table = np.zeros((k + 2, k + 2), dtype=np.int64)
    table[: k + 1, : k + 1] = counts
    table[: k + 1, k + 1] = counts.sum(axis=1)
    table[k + 1, :] = table[: k + 1, :].sum(axis=0)
    names = [*labels, NEW, TOTAL]
    matrix = pd.DataFrame(table, index=names, columns=[*labels, LOST, TOTAL])
    then = None if gain_then is None else np.asarray(gain_then, dtype=float)
    after = None if gain_now is None else np.asarray(gain_now, dtype=float)
    gains = []
    for j, label in enumerate(labels):
        members = before == j
        still = members & (now >= 0)
        gains.append(
            {
                "tier": label,
                "customers": int(members.sum()),
                "gain_then": np.nan if then is None else exact_sum(np.nan_to_num(then[members]), "gain then"),
                "gain_now": np.nan if after is None else exact_sum(np.nan_to_num(after[still]), "gain now"),
            }
        )
    return matrix, pd.DataFrame(gains, columns=["tier", "customers", "gain_then", "gain_now"])
