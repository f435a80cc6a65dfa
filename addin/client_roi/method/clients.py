"""Around the method: who is a client (role), what a client returns (ROI), and how much the
business depends on its largest clients (concentration, HHI, Pareto).

Only those who pay are clients; every share of gain counts a loss as 0.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import Any

import numpy as np

from ..messages import LANGUAGES, lookup, tr
from .arguments import (
    DIV0,
    ClientRoiError,
    _as_array,
    _default,
    _g,
    _item_error,
    _numbers,
    _population,
    _shaped,
    describe,
    is_blank,
)
from .sums import exact_sum

#: Concentration verdict limits on the HHI (the usual antitrust reading of the index).
HHI_MODERATE = 0.10


HHI_CONCENTRATED = 0.25


#: One customer holding more than this share of the total gain is flagged.
SINGLE_CUSTOMER_LIMIT = 0.15


#: A flag's words: the workbook's own in every language of the catalogue, and the usual others.
YES_WORDS = frozenset(
    {"yes", "y", "true", "oui", "o", "vrai", "1"} | {lookup("yes", lang).lower() for lang in LANGUAGES}
)


NO_WORDS = frozenset({"no", "n", "false", "non", "faux", "0"} | {lookup("no", lang).lower() for lang in LANGUAGES})


def _flag(v: Any, name: str, i: int, shape: tuple[int, ...]) -> bool | None:
    """A yes/no flag: booleans, 1/0, yes/no, y/n, true/false, oui/non, o/n, vrai/faux."""
    if is_blank(v):
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, Real) and float(v) in (0.0, 1.0):
        return float(v) == 1.0
    if isinstance(v, str):
        text = v.strip().lower()
        if text in YES_WORDS:
            return True
        if text in NO_WORDS:
            return False
    raise _item_error(name, i, shape, tr("is {v}; expected yes/no, oui/non, true/false or 1/0", v=describe(v)))


_ROLES = np.array([None, "user", "prospect", "client"], dtype=object)


def _flag_codes(values: list[Any]) -> np.ndarray | None:
    """The flags of a column of text and blanks as int8 (-1 blank, 0 no, 1 yes), each distinct
    text read once; None for a column holding anything else, or a flag that is not one."""
    if not set(map(type, values)) <= {str, type(None)}:
        return None
    code = {}
    for v in set(values):
        try:
            flag = _flag(v, "", 0, ())
        except ClientRoiError:
            return None
        code[v] = -1 if flag is None else int(flag)
    return np.fromiter(map(code.__getitem__, values), dtype=np.int8, count=len(values))


def client_role(should_pay: Any, has_paid: Any) -> Any:
    """``client`` (should pay and has paid), ``prospect`` (should pay, has not yet) or
    ``user`` (is not expected to pay, whatever has_paid says).

    A blank ``has_paid`` counts as "not yet". Both blank give ``None``; a blank
    ``should_pay`` with a filled ``has_paid`` is an error (the role cannot be known).
    The two arguments must have the same number of items (or one may be a single value).

    >>> client_role(["yes", "Oui", "no", None], ["yes", "non", "yes", None])
    array(['client', 'prospect', 'user', None], dtype=object)
    """
    sp, hp = _as_array(should_pay), _as_array(has_paid)
    if sp.size != hp.size and hp.size != 1 and sp.size != 1:
        raise ClientRoiError(tr("should_pay has {size} items but has_paid has {size2}", size=sp.size, size2=hp.size))
    like, shape = (should_pay, sp.shape) if sp.size >= hp.size else (has_paid, hp.shape)
    n = max(sp.size, hp.size)
    sp_flat = np.broadcast_to(sp.reshape(-1), (n,)) if sp.size == 1 else sp.reshape(-1)
    hp_flat = np.broadcast_to(hp.reshape(-1), (n,)) if hp.size == 1 else hp.reshape(-1)
    should, paid = _flag_codes(sp_flat.tolist()), _flag_codes(hp_flat.tolist())
    if should is not None and paid is not None and not np.any((should < 0) & (paid >= 0)):
        # every flag good: the roles in a few array passes (None, user, prospect, client)
        pick = np.where(should < 0, 0, np.where(should == 0, 1, 2 + (paid == 1)))
        return _shaped(_ROLES[pick], shape, like)
    # else item by item, to name the first bad item as the rule reads
    out = np.empty(n, dtype=object)
    seen: dict[tuple[Any, ...], bool | None] = {}  # a column holds a handful of distinct flags

    def flag(v: Any, name: str, i: int) -> bool | None:
        key = (name, type(v), v) if isinstance(v, (str, bool, int, float, type(None))) else None
        if key is None:
            return _flag(v, name, i, shape)
        if key not in seen:
            seen[key] = _flag(v, name, i, shape)  # raises, naming item i, on its first occurrence
        return seen[key]

    for i, (s, h) in enumerate(zip(sp_flat.tolist(), hp_flat.tolist(), strict=True)):
        should_pay = flag(s, "should_pay", i)
        has_paid = flag(h, "has_paid", i)
        if should_pay is None:
            if has_paid is not None:
                raise _item_error("should_pay", i, shape, tr("is blank but has_paid is filled"))
            out[i] = None
        elif not should_pay:
            out[i] = "user"
        else:
            out[i] = "client" if has_paid else "prospect"
    return _shaped(out, shape, like)


def roi(gain: Any, acquisition_cost: Any) -> Any:
    """Return on acquisition: ``gain / acquisition_cost`` element by element.

    A zero cost gives the marker :data:`DIV0` for that element only; a blank gain or cost gives
    ``None``; a negative cost raises. Same-size arguments, or one single value.

    >>> roi([300, 50, 10, None], [100, 100, 0, 5])
    array([3.0, 0.5, '#DIV/0!', None], dtype=object)
    """
    g, c, ratio, (like, shape) = _ratio(gain, acquisition_cost)
    out = ratio.astype(object)
    out[np.broadcast_to(c == 0, ratio.shape)] = DIV0
    out[np.isnan(g + c)] = None
    return _shaped(out, shape, like)


def roi_ratio(gain: Any, acquisition_cost: Any) -> np.ndarray:
    """:func:`roi` as floats, checked alike: NaN where :func:`roi` gives :data:`DIV0` or None.

    >>> roi_ratio([300, 50, 10, None], [100, 100, 0, 5]).tolist()
    [3.0, 0.5, nan, nan]
    """
    _, c, ratio, _ = _ratio(gain, acquisition_cost)
    return np.where(np.broadcast_to(c == 0, ratio.shape), np.nan, ratio)


def _ratio(gain: Any, acquisition_cost: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[Any, Any]]:
    """The numbers of ``gain`` and ``acquisition_cost``, their ratio (a zero cost: inf or NaN,
    left to the caller) and the shape of the result; a negative cost, or a ratio past the
    double range, raises."""
    g, gshape = _numbers(gain, "gain")
    c, cshape = _numbers(acquisition_cost, "acquisition_cost")
    if g.size != c.size and 1 not in (g.size, c.size):
        raise ClientRoiError(tr("gain has {size} items but acquisition_cost has {size2}", size=g.size, size2=c.size))
    if np.any(c < 0):
        i = int(np.flatnonzero(c < 0)[0])
        raise _item_error("acquisition_cost", i, cshape, tr("is {g}; costs must be ≥ 0", g=_g(c[i])))
    like = (gain, gshape) if g.size >= c.size else (acquisition_cost, cshape)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = g / c
    overflow = np.isinf(ratio) & np.broadcast_to(c != 0, ratio.shape)  # NaN: a blank, no fault
    if overflow.any():  # refused by the cost that causes it, so that every door names its row
        i = int(np.flatnonzero(overflow)[0]) if c.size > 1 else 0
        raise _item_error(
            "acquisition_cost",
            i,
            cshape,
            tr("is {g}: a gain over it passes the double range (give 0 for no cost)", g=_g(c[i])),
        )
    return g, c, ratio, like


def _positive(population: Any) -> tuple[np.ndarray, float]:
    """The gains with losses as 0 (the module's rule) and their exact total, which must be > 0."""
    positive = np.clip(_population(population), 0, None)
    total = exact_sum(positive, "the gains")
    if total <= 0:
        raise ClientRoiError(tr("population has no positive gain; a share of the gain needs one"))
    return positive, total


def _shares(population: Any) -> np.ndarray:
    """Each customer's share of the gain."""
    positive, total = _positive(population)
    return positive / total


def concentration(population: Any, top_n: int = 1) -> float:
    """Share of the total gain held by the ``top_n`` largest gains (blanks ignored).

    With fewer than ``top_n`` customers it is the share of all of them (1.0). Losses count as 0
    (the module's rule); no positive gain raises. A blank ``top_n`` is 1.

    >>> concentration([50, 30, 20], top_n=2), concentration([100, -50], top_n=1)
    (0.8, 1.0)
    """
    top_n = _default(top_n, 1)
    if isinstance(top_n, (bool, np.bool_)) or not isinstance(top_n, Real) or top_n != int(top_n) or top_n < 1:
        raise ClientRoiError(tr("top_n must be a whole number ≥ 1, got {top_n}", top_n=describe(top_n)))
    shares = _shares(population)
    n = min(int(top_n), shares.size)
    top = np.partition(shares, shares.size - n)[shares.size - n :]
    return exact_sum(top)


def hhi(population: Any) -> float:
    """Herfindahl–Hirschman index: ``Σ shareᵢ²`` over customers, shares of the total gain.

    1/n for n equal customers, 1 for a single one. Losses count as 0 (the module's rule); no
    positive gain raises.

    >>> hhi([50, 30, 20]), hhi([50, 30, 20, -10])
    (0.38, 0.38)
    """
    shares = _shares(population)
    return exact_sum(shares * shares)


def pareto(population: Any, steps: int = 20) -> list[tuple[float, float]]:
    """The Pareto curve: ``(s, share of total gain held by the top s of customers)`` for
    ``s = 0, 1/steps, …, 1``.

    Rule: gains sorted from largest; step ``s = j / steps`` counts the ``⌊s × n + 1/2⌋`` largest
    (the nearest customer, halves up), computed in whole numbers (``(2jn + steps) // 2·steps``:
    no rounding of ``s × n`` can move it, and a formula gets the same); each share is the exact
    sum of those gains ÷ the exact total. Losses count as 0 (the module's rule); no positive
    gain raises.

    >>> pareto([50, 30, 20], steps=2)
    [(0.0, 0.0), (0.5, 0.8), (1.0, 1.0)]
    """
    positive, total = _positive(population)
    ordered = np.sort(positive)[::-1].tolist()
    points = []
    n = len(ordered)
    for j in range(steps + 1):
        points.append((j / steps, math.fsum(ordered[: (2 * j * n + steps) // (2 * steps)]) / total))
    return points


def concentration_verdict(index: float) -> str:
    """``diversified`` (HHI < 0.10), ``moderate`` (0.10 ≤ HHI ≤ 0.25), ``concentrated`` (> 0.25)."""
    if index < HHI_MODERATE:
        return "diversified"
    return "moderate" if index <= HHI_CONCENTRATED else "concentrated"
