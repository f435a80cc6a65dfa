"""The Client ROI method: numbers in, numbers out (numpy and pandas only).

Read top to bottom, this module is the whole method of "Le client est R.O.I.":

1. **Reference gain.** The mean gain per customer, optionally after trimming the extremes
   (Excel ``TRIMMEAN``).
2. **Bands and tiers.** Thresholds at ``reference × (1 + offset)``; ±20 % gives three tiers.
   :func:`balanced_band` finds the offsets that make the tiers equal in size.
3. **CAC by tier.** The average customer-acquisition cost scaled by the same offsets: one
   prospecting-effort budget per tier; a prospect gets the budget of its tier.
4. **Effort in days.** A budget in money converted into working days of the person who spends it.
5. **Around it.** Who is a client (role), what a client returns (ROI), and how much the business
   depends on its largest clients (concentration, HHI).
6. **The decision loop.** Harmonious tiers without trial and error (:func:`band_sweep`,
   :func:`balance`, ``band='balanced'``); the prospect plan that spends the days available in
   order of potential (:func:`prospect_plan`, :func:`plan_summary`); effort spent against budget,
   the limit of concessions (:func:`days_left`, :func:`overrun`).

Conventions shared by every function
------------------------------------
* Value-like arguments accept a number, a (nested) list, a numpy array or a pandas Series and
  the result keeps the input's shape: a scalar gives a scalar, a Series a Series with the same
  index, anything else a numpy array of the same shape.
* **Blanks** (``None``, ``NaN``, empty or all-space text) are ignored in populations and give a
  blank result (``None``) element by element.
* Anything else that is not a number — text, booleans, Excel error values such as ``'#N/A'``,
  infinities — raises :class:`ClientRoiError` whose message names the argument, the 1-based item
  and the offending value. No value is ever guessed.

* **Blank optional arguments** (``None``, a blank cell, a range of blank cells) mean their
  default, as if the argument had not been given.
* **Numbers that cannot be right are refused**: a sum, mean, threshold, budget, ROI or number of
  days that overflows the double range raises :class:`ClientRoiError` naming what overflowed,
  never an infinity, a blank or a zero.
* **Losses hold no share of the gain.** Every *share of gain* (:func:`concentration`,
  :func:`hhi`, :func:`pareto`, the ``gain_share`` of :func:`tier_bands`) counts a negative gain
  as 0 and divides by the total of the positive gains; shares therefore lie in [0, 1] and add
  up to 1. Means, totals and tiers use the gains as they are. No positive gain at all: no share
  can be given, and the share functions raise.

Same input, same bits, everywhere
---------------------------------
Every sum is correctly rounded (:func:`exact_sum`, ``math.fsum``: the exact sum of the doubles,
rounded once), and every other result is one IEEE-754 operation on such values (a division, a
product, a comparison). So means, totals, shares, HHI, concentration, Pareto and band summaries
are **exact functions of the input**: the same bits with any numpy, on any CPU, and in Pyodide
(xlwings Lite); the committed templates are byte-identical wherever they are built. numpy's own
``sum``/``mean``/``dot`` are not used for results, because their pairwise and SIMD orderings
change with the numpy version and the processor. The only comparisons that carry a tolerance
are against other engines: Excel and LibreOffice add left to right without compensation, so
their ``AVERAGE``/``TRIMMEAN``/``SUM`` may differ from ours in the last bits (the tests allow a
relative 1e-12).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "BALANCED_WORDS",
    "DIV0",
    "SWEEP",
    "Bands",
    "ClientRoiError",
    "average_cac",
    "balance",
    "balanced_band",
    "band_summary",
    "band_sweep",
    "bands",
    "cac_by_tier",
    "client_role",
    "concentration",
    "concentration_verdict",
    "days_available_for_prospecting",
    "days_left",
    "effort_days",
    "exact_sum",
    "exact_sums",
    "hhi",
    "is_blank",
    "most_balanced",
    "numbers",
    "overrun",
    "pareto",
    "percentile_inc",
    "plan_summary",
    "prospect_effort",
    "prospect_plan",
    "reference_gain",
    "roi",
    "tier",
    "tier_bands",
    "trimmed_mean",
]

#: The element-level marker :func:`roi` returns where the acquisition cost is zero. It is the
#: text of Excel's error value, which the Excel layer turns into a real ``#DIV/0!``.
DIV0 = "#DIV/0!"

EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)

DEFAULT_BAND = 0.2
MAX_TIERS = 10

#: Concentration verdict limits on the HHI (the usual antitrust reading of the index).
HHI_MODERATE = 0.10
HHI_CONCENTRATED = 0.25
#: One customer holding more than this share of the total gain is flagged.
SINGLE_CUSTOMER_LIMIT = 0.15


class ClientRoiError(ValueError):
    """Input that cannot give a right answer. The message names the argument and the cause.

    ``argument`` and ``item`` (0-based, row-major) say where, when one element is at fault,
    so that a caller holding the cells (the refresh pipeline) can name the cell.
    """

    def __init__(self, message: str, argument: str | None = None, item: int | None = None, cause: str | None = None):
        super().__init__(message)
        self.argument = argument
        self.item = item
        self.cause = cause or message


def _item_error(name: str, i: int, shape: tuple[int, ...], cause: str) -> ClientRoiError:
    return ClientRoiError(f"{name} {_position(i, shape)} {cause}", argument=name, item=i, cause=cause)


# --------------------------------------------------------------------------------------------
# Reading inputs
# --------------------------------------------------------------------------------------------


def _describe(value: Any) -> str:
    if isinstance(value, (bool, np.bool_)):
        return f"a boolean ({bool(value)})"
    if isinstance(value, str):
        text = value.strip()
        if text.upper() in EXCEL_ERRORS:
            return f"the error value {text.upper()}"
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, (float, np.floating)) and math.isinf(value):
        return f"infinite ({value})"
    return f"{type(value).__name__} {value!r}"


def is_blank(value: Any) -> bool:
    """The module's blank: None, NaN, or empty/all-space text."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    return value is pd.NA or value is pd.NaT


def _position(index: int, shape: tuple[int, ...]) -> str:
    """'item 3' for 1-D input; 'item 5 (row 3, column 1)' for a 2-D range."""
    if len(shape) == 2 and shape[1] > 1:
        row, col = divmod(index, shape[1])
        return f"item {index + 1} (row {row + 1}, column {col + 1})"
    return f"item {index + 1}"


def _as_array(values: Any) -> np.ndarray:
    if isinstance(values, (pd.Series, pd.Index)):
        values = values.to_numpy(dtype=object) if values.dtype == object else values.to_numpy()
    elif isinstance(values, pd.DataFrame):
        values = values.to_numpy()
    if isinstance(values, np.ndarray):
        return values
    if isinstance(values, (list, tuple)):
        # object dtype: numpy would silently turn True into 1 and '1.5' into a number
        return np.array(values, dtype=object)
    arr = np.empty((), dtype=object)
    arr[()] = values
    return arr


_PLAIN_NUMBER_TYPES = {int, float, type(None)}


def numbers(values: Any, name: str) -> np.ndarray:
    """``values`` as a flat float64 array, NaN for blanks; anything else raises, naming
    ``name`` and the item (see the module's conventions).

    >>> numbers([1, None, 2.5], "gain")
    array([1. , nan, 2.5])
    """
    return _numbers(values, name)[0]


def _finite(out: np.ndarray, name: str, shape: tuple[int, ...]) -> tuple[np.ndarray, bool]:
    """``out`` if no item is infinite (else raise), and whether it has no blank either."""
    if np.isfinite(out).all():  # the common case in one pass
        return out, True
    bad = np.isinf(out)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _item_error(name, i, shape, f"is {_describe(out[i])}")
    return out, False


def _numbers(values: Any, name: str) -> tuple[np.ndarray, tuple[int, ...]]:
    """Flat float64 array of ``values`` (NaN = blank) and the input's shape.

    Raises ClientRoiError naming ``name`` and the item for any non-blank that is not a finite
    real number.
    """
    return _read(values, name)[:2]


def _read(values: Any, name: str) -> tuple[np.ndarray, tuple[int, ...], bool]:
    """:func:`_numbers`, and whether there is no blank (known for free on the fast paths)."""
    arr = _as_array(values)
    shape = arr.shape
    flat = arr.reshape(-1)
    if flat.dtype.kind in "fiu":
        out, full = _finite(flat.astype(np.float64, copy=False), name, shape)
        return out, shape, full
    items = flat.tolist()
    if set(map(type, items)) <= _PLAIN_NUMBER_TYPES:  # Excel ranges: one C-speed pass
        out, full = _finite(np.array(items, dtype=np.float64), name, shape)  # None -> NaN
        return out, shape, full
    out = np.empty(flat.size, dtype=np.float64)
    for i, v in enumerate(items):
        if isinstance(v, Real) and not isinstance(v, bool):
            f = float(v)
            if math.isinf(f):
                raise _item_error(name, i, shape, f"is {_describe(v)}")
            out[i] = f
        elif is_blank(v):
            out[i] = np.nan
        else:
            raise _item_error(name, i, shape, f"is {_describe(v)}")
    return out, shape, False


def _shaped(flat: np.ndarray, shape: tuple[int, ...], like: Any) -> Any:
    """Give ``flat`` the shape and container type of the original argument ``like``."""
    if shape == ():
        item = flat[0]
        return item.item() if isinstance(item, np.generic) else item
    if isinstance(like, pd.Series):
        return pd.Series(flat, index=like.index, name=like.name)
    return flat.reshape(shape)


def _population(population: Any, name: str = "population") -> np.ndarray:
    gains, _, full = _read(population, name)
    if not full:
        gains = gains[~np.isnan(gains)]
    if gains.size == 0:
        raise ClientRoiError(f"{name} has no numbers (only blanks)")
    return gains


def _scalar(
    value: Any,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = True,
    high_open: bool = False,
) -> float:
    """A parameter that must be one finite number within bounds (open or closed)."""
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)) and np.size(value) == 1:
        value = np.asarray(value, dtype=object).reshape(-1)[0]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        raise ClientRoiError(f"{name} must be a number, got {_describe(value)}", argument=name)
    x = float(value)
    if not math.isfinite(x):
        raise ClientRoiError(f"{name} must be a finite number, got {x}", argument=name)
    lo = "(" if low_open else "["
    hi = ")" if high_open else "]"
    rng = f"{lo}{'-inf' if low is None else _g(low)}, {'inf' if high is None else _g(high)}{hi}"
    if low is not None and (x < low or (low_open and x == low)):
        raise ClientRoiError(f"{name} must be in {rng}, got {_g(x)}", argument=name)
    if high is not None and (x > high or (high_open and x == high)):
        raise ClientRoiError(f"{name} must be in {rng}, got {_g(x)}", argument=name)
    return x


def _g(x: float) -> str:
    return f"{x:g}"


def exact_sum(values: Any, name: str = "values") -> float:
    """Correctly rounded sum of float values: the exact sum of the doubles, rounded once (what
    ``math.fsum`` gives), the same bits on every platform. A sum beyond the double range raises
    :class:`ClientRoiError` naming ``name``. See :class:`_GroupSums` for how.

    >>> exact_sum(np.array([0.1] * 10)), sum([0.1] * 10)  # left to right, as a spreadsheet adds
    (1.0, 0.9999999999999999)
    """
    return _GroupSums(values).sum(name=name)


def exact_sums(values: Any, groups: Any = None, count: int = 1, *, name: str = "values") -> list[float]:
    """Correctly rounded sum of the values of each group ``0 … count − 1`` (all in group 0 when
    ``groups`` is None). See :class:`_GroupSums`."""
    sums = _GroupSums(values, groups, count)
    return [sums.sum((j,), name) for j in range(count)]


_SPLIT_ROUNDS = 3  # splits tried before the integer method decides
_SIGN_EXPONENT = 4096  # a double's sign and exponent bits: 2 × 2048 values
_BLOCK = 1 << 14  # values per vectorised pass: temporaries stay in the CPU cache
_ONE_HOT_GROUPS = 8  # up to this many groups, sum by one-hot products (see _GroupSums._pass)


class _GroupSums:
    """Correctly rounded sums of the values of groups ``0 … count − 1``, and of unions of groups.

    Fast path: error-free splitting (Rump, Ogita and Oishi's ExtractVector, "Accurate
    floating-point summation", 2008). With ``σ = 2^k`` at least twice ``n × max|x|``,
    ``q = fl(σ + x) − σ`` and ``r = x − q`` are exact, so ``x = q + r``. Every ``q`` is a
    multiple of ``2^(k−53)`` below ``σ`` in total, so a group's ``q`` add up **exactly**, in any
    order. Its ``r`` (each at most ``2^(k−53)``) add up with an error at most
    ``γ(m−1) × Σ|r|`` for ``m`` terms, in any order (Higham, *Accuracy and Stability of Numerical
    Algorithms*, §4.2). The exact sum therefore lies in a known interval; when both ends round to
    the same double (``math.fsum`` of the parts, rounding being monotonic), that double *is* the
    correctly rounded sum. Otherwise the ``r`` are split again (at most three rounds), and when
    even that cannot decide (a sum within a hair of a rounding boundary, huge or subnormal
    magnitudes), the integer method :func:`_scaled_sums` decides. Both give the same bits; the
    fast path costs a few cache-sized passes, independent of numpy's summation order.
    """

    def __init__(self, values: Any, groups: Any = None, count: int = 1, sizes: Any = None):
        self._x = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
        self._g = None if groups is None else np.asarray(groups).reshape(-1)
        self._count = count
        if sizes is None:
            sizes = [self._x.size] if self._g is None else np.bincount(self._g, minlength=count)
        # Error bound of a group's r sum, in units of 2^(k−106): m terms of at most 2^(k−53) each
        # add up in blocks, each block's at most B terms with error γ(B−1)·Σ|r|, then one addition
        # per block, error u·|total| each; so the bound is m × min(m, B + blocks) (+2 % for γ's
        # second-order terms and for rounding the bound itself).
        m = np.asarray(sizes, dtype=np.float64)
        self._spread = 1.02 * m * np.minimum(m, _BLOCK + -(-self._x.size // _BLOCK))
        self._sigmas: list[float] = []
        self._parts: list[list[float]] = [[] for _ in range(count)]  # exact, per group
        self._near = self._error = np.zeros(count)  # computed remainder sums and their bounds
        self._exact: list[int] | None = None

    def sum(self, which: Any = None, name: str = "values") -> float:
        """The correctly rounded sum of the groups ``which`` (all groups when None)."""
        which = range(self._count) if which is None else which
        while self._exact is None:
            if self._sigmas:
                lo, hi = self._ends(which)
                if lo is not None and lo == hi:
                    return float(_finite_result(lo + 0.0, f"the sum of {name}"))  # + 0.0: no -0.0
            if not self._split():
                self._exact = _scaled_sums(self._x, self._g, self._count)
        return _rounded(sum(self._exact[j] for j in which), name)

    def _ends(self, which: Any) -> tuple[float | None, float | None]:
        parts = [p for j in which for p in self._parts[j]]
        near = [float(self._near[j]) for j in which]
        error = [2 * float(self._error[j]) for j in which]  # 2×: covers rounding the ends
        try:
            return (
                math.fsum(parts + [n - e for n, e in zip(near, error, strict=True)]),
                math.fsum(parts + [n + e for n, e in zip(near, error, strict=True)]),
            )
        except (OverflowError, ValueError):
            return None, None

    def _split(self) -> bool:
        """Split once more (or, on the first call, once); False when the fast path must stop."""
        if self._sigmas and not self._error.any():
            return False  # exact already: the last ends were decided
        if len(self._sigmas) == _SPLIT_ROUNDS or self._x.size == 0:
            return False
        if self._sigmas:
            top = math.ldexp(self._sigmas[-1], -53)  # the remainders' bound, 2^(k−53)
        else:
            top = max(-float(self._x.min()), float(self._x.max()))
        if not 0 < top < math.inf:
            return top == 0 and not self._sigmas and self._zero()
        k = math.frexp(top)[1] + max(self._x.size - 1, 1).bit_length() + 1
        if not -800 < k < 1023:  # σ must not overflow nor its error bound underflow
            return False
        self._sigmas.append(math.ldexp(1.0, k))
        q_sums, r_sums = self._pass()
        for j in range(self._count):
            self._parts[j].append(float(q_sums[j]))
        self._near = r_sums
        self._error = self._spread * math.ldexp(1.0, k - 106)
        return True

    def _zero(self) -> bool:
        self._sigmas.append(0.0)
        self._parts = [[0.0] for _ in range(self._count)]
        return True

    def _pass(self) -> tuple[np.ndarray, np.ndarray]:
        """Sums per group of the last split's ``q`` and ``r``, in cache-sized blocks; the
        earlier splits are redone on the fly (they are exact, so they give the same remainders).

        A few groups are summed as one-hot rows times the block (``@``: 0 × r is an exact 0 and
        adds nothing, so any order of the products' sum keeps the bounds above), twice as fast
        as ``bincount``, which sums many groups."""
        count = self._count
        q_sums, r_sums = np.zeros(count), np.zeros(count)
        qr = np.empty((2, _BLOCK))
        hot = codes = None
        if self._g is not None and count <= _ONE_HOT_GROUPS:
            hot, codes = np.empty((count, _BLOCK)), np.arange(count, dtype=self._g.dtype)[:, None]
        for start in range(0, self._x.size, _BLOCK):
            rest = self._x[start : start + _BLOCK]
            q, r = qr[0, : rest.size], qr[1, : rest.size]
            for sigma in self._sigmas:
                np.add(rest, sigma, out=q)
                q -= sigma
                np.subtract(rest, q, out=r)
                rest = r
            if self._g is None:
                q_sums[0] += q.sum()
                r_sums[0] += r.sum()
            elif hot is not None and codes is not None:
                h = hot[:, : rest.size]
                np.equal(self._g[start : start + _BLOCK], codes, out=h, casting="unsafe")
                sums = h @ qr[:, : rest.size].T
                q_sums += sums[:, 0]
                r_sums += sums[:, 1]
            else:
                g = self._g[start : start + _BLOCK].astype(np.intp, copy=False)
                q_sums += np.bincount(g, weights=q, minlength=count)
                r_sums += np.bincount(g, weights=r, minlength=count)
        return q_sums, r_sums


def _rounded(total: int, name: str) -> float:
    """An exact sum in units of 2^-1074, correctly rounded to a double (int / int rounds once)."""
    try:
        return float(_finite_result(total / (1 << 1074), f"the sum of {name}"))
    except OverflowError:
        return float(_finite_result(math.inf, f"the sum of {name}"))


def _scaled_sums(values: Any, groups: Any = None, count: int = 1) -> list[int]:
    """Exact sums per group as Python integers in units of 2^-1074 (the smallest double).

    Method: every double is ``±m × 2^(e − 1075)`` with an integer ``m < 2^53``. Split ``m`` into
    its high and low 26 bits and add each half per (group, sign, exponent) with ``bincount``:
    the partial sums are integers below 2^53 (at most 2^26 values a pass; longer arrays go in
    chunks), so the float additions are exact. The few non-empty bins are then combined in
    Python's exact integers.
    """
    x = np.ascontiguousarray(values, dtype=np.float64).reshape(-1)
    g = None if groups is None else np.asarray(groups, dtype=np.intp).reshape(-1)
    size = count * _SIGN_EXPONENT
    totals = [0] * count
    for start in range(0, x.size, 1 << 26):  # below 2^26 values the float bin sums stay exact
        high, low = np.zeros(size), np.zeros(size)
        for block in range(start, min(start + (1 << 26), x.size), _BLOCK):  # cache-sized passes
            bits = x[block : block + _BLOCK].view(np.uint64)
            top = bits >> np.uint64(52)  # sign and biased exponent
            mantissa = bits & np.uint64((1 << 52) - 1)
            mantissa |= ((top & np.uint64(0x7FF)) != 0).astype(np.uint64) << np.uint64(52)  # implicit bit
            index = top.astype(np.intp)
            if g is not None:
                index += g[block : block + _BLOCK] * _SIGN_EXPONENT
            high += np.bincount(index, weights=(mantissa >> np.uint64(26)).astype(np.float64), minlength=size)
            low += np.bincount(index, weights=(mantissa & np.uint64((1 << 26) - 1)).astype(np.float64), minlength=size)
        for b in np.flatnonzero((high != 0) | (low != 0)).tolist():
            group, code = divmod(b, _SIGN_EXPONENT)
            term = ((int(high[b]) << 26) + int(low[b])) << (max(code & 0x7FF, 1) - 1)
            totals[group] += -term if code & 0x800 else term
    return totals


def exact_mean(values: np.ndarray, name: str = "values") -> float:
    """``exact_sum / n``: one rounding for the sum, one for the division."""
    return exact_sum(values, name) / values.size


def _finite_result(x: Any, what: str) -> Any:
    """``x`` (a number or an array) if every element is finite, else ClientRoiError."""
    if not np.all(np.isfinite(x) | np.isnan(x)):
        raise ClientRoiError(f"{what} overflows (beyond ±{np.finfo(float).max:.3g}); check the magnitudes")
    return x


def _default(value: Any, default: Any) -> Any:
    """``default`` for a blank argument: None, a blank cell, or a range of blanks."""
    if isinstance(value, (list, tuple, np.ndarray, pd.Series)):
        flat = _as_array(value).reshape(-1).tolist()
        return default if all(is_blank(v) for v in flat) else value
    return default if is_blank(value) else value


# --------------------------------------------------------------------------------------------
# 1. Reference gain: Excel TRIMMEAN and PERCENTILE.INC
# --------------------------------------------------------------------------------------------


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
    trim = _scalar(_default(trim, 0.0), "trim", low=0.0, high=1.0, low_open=False, high_open=True)
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
        raise ClientRoiError(f"k must be in [0, 1], got {k!r}")
    h = (gains.size - 1) * ks
    lo = np.floor(h).astype(np.intp)
    hi = np.minimum(lo + 1, gains.size - 1)
    with np.errstate(over="ignore", invalid="ignore"):
        q = gains[lo] + (h - lo) * (gains[hi] - gains[lo])
    _finite_result(q, "a quantile of the population")
    return float(q[0]) if np.ndim(k) == 0 else q


def reference_gain(population: Any, trim: float = 0.0) -> float:
    """The mean gain that bands are drawn around: :func:`trimmed_mean` of the population.

    A reference gain ≤ 0 has no meaningful ±p % bands and raises :class:`ClientRoiError`.
    """
    mean = trimmed_mean(population, trim)
    if mean <= 0:
        raise ClientRoiError(
            f"population mean gain is {_g(mean)}; tiers need a positive mean gain" + (" after trimming" if trim else "")
        )
    return mean


# --------------------------------------------------------------------------------------------
# 2. Bands and tiers
# --------------------------------------------------------------------------------------------


def _offsets(band: Any) -> np.ndarray:
    """Ascending band offsets from ``band``: a single number p in (0, 1) means (−p, +p); a
    list or array (even of one item) is the k−1 offsets themselves."""
    arr = _as_array(_default(band, DEFAULT_BAND))
    if arr.ndim == 0:
        p = _scalar(arr[()], "band", low=0.0, high=1.0, high_open=True)
        return np.array([-p, p])
    arr = arr.reshape(-1)
    if arr.size == 0:
        raise ClientRoiError("band is empty", argument="band")
    values, _ = _numbers(arr, "band")
    if np.isnan(values).any():
        raise _item_error("band", int(np.flatnonzero(np.isnan(values))[0]), (values.size,), "is blank")
    if values.size > MAX_TIERS - 1:
        raise ClientRoiError(
            f"band has {values.size} offsets; at most {MAX_TIERS - 1} ({MAX_TIERS} tiers) are allowed", argument="band"
        )
    if np.any(values <= -1):
        i = int(np.flatnonzero(values <= -1)[0])
        raise _item_error("band", i, (values.size,), f"is {_g(values[i])}; offsets must be > -1")
    if np.any(np.diff(values) <= 0):
        i = int(np.flatnonzero(np.diff(values) <= 0)[0])
        raise ClientRoiError(
            f"band offsets must be strictly increasing; item {i + 2} ({_g(values[i + 1])}) "
            f"is not above item {i + 1} ({_g(values[i])})",
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
        raise ClientRoiError(f"labels has {arr.size} item(s) but the band gives {k} tiers", argument="labels")
    out = []
    for i, v in enumerate(arr.tolist()):
        if isinstance(v, (bool, np.bool_)) or is_blank(v):
            raise _item_error("labels", i, (arr.size,), f"is {'blank' if is_blank(v) else _describe(v)}")
        text = (f"{v:g}" if isinstance(v, float) else str(v)).strip()
        if text.startswith("#"):
            # Excel would read a label like '#A' returned from a function as an error value.
            raise _item_error("labels", i, (arr.size,), f"({text!r}) must not start with '#'")
        out.append(text)
    if len(set(out)) != k:
        raise ClientRoiError(f"labels must be distinct, got {out}", argument="labels")
    return tuple(out)


@dataclass(frozen=True)
class Bands:
    """Thresholds that split gains into tiers.

    ``thresholds[j] = reference × (1 + offsets[j])``, ascending, computed in IEEE double exactly
    as the Excel formula ``=reference*(1+offset)`` would be. Intervals are closed on the left:
    a gain ``g`` is in the tier whose lower threshold ``t`` satisfies ``t ≤ g < next t``, so a
    gain exactly on a threshold goes to the tier above it. ``labels`` are top tier first.
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
            rank -= gains >= t  # a gain on a threshold counts as reaching it
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


#: The word that asks for the balanced band instead of percentages (English, French).
BALANCED_WORDS = frozenset({"balanced", "équilibré", "equilibre", "équilibre"})


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
            raise ClientRoiError("band 'balanced' needs the population", argument="band")
        count = _default(tiers, None)
        if count is None:
            given = _default(labels, None)
            count = _as_array(given).size if given is not None else 3
        band = balanced_band(population, count, trim).tolist()
    offsets = _offsets(band)
    names = _labels(labels, offsets.size + 1)
    if reference is None:
        reference = reference_gain(population, trim)
    return Bands(reference, offsets, _finite_result(reference * (1 + offsets), "a band threshold"), names)


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
        raise ClientRoiError(f"tiers must be a whole number from 2 to {MAX_TIERS}, got {_describe(tiers)}")
    tiers = int(tiers)
    if not 2 <= tiers <= MAX_TIERS:
        raise ClientRoiError(f"tiers must be from 2 to {MAX_TIERS}, got {tiers}")
    gains = _population(population)
    reference = reference_gain(gains, trim)
    qs = percentile_inc(gains, np.arange(1, tiers) / tiers)
    for j, q in enumerate(qs, start=1):
        if q <= 0:
            raise ClientRoiError(
                f"population's {j}/{tiers} quantile is {_g(q)}; balanced bands need positive "
                "thresholds (too many customers with no or negative gain)"
            )
    if np.any(np.diff(qs) <= 0):
        j = int(np.flatnonzero(np.diff(qs) <= 0)[0]) + 1
        raise ClientRoiError(
            f"population has too many equal gains for {tiers} tiers: the {j}/{tiers} and "
            f"{j + 1}/{tiers} quantiles are both {_g(qs[j - 1])}; ask for fewer tiers"
        )
    offsets = np.array([_nudge_threshold(reference, q) for q in qs])
    if np.any(np.diff(offsets) <= 0):  # quantiles closer than an offset can tell apart
        j = int(np.flatnonzero(np.diff(offsets) <= 0)[0]) + 1
        raise ClientRoiError(
            f"population's {j}/{tiers} and {j + 1}/{tiers} quantiles ({_g(qs[j - 1])} and {_g(qs[j])}) are too "
            "close for two distinct thresholds; ask for fewer tiers"
        )
    return offsets


# --------------------------------------------------------------------------------------------
# 3. CAC by tier and prospect effort
# --------------------------------------------------------------------------------------------


def average_cac(cac: Any) -> float:
    """One average CAC: a number ≥ 0, or the mean of acquisition costs (blanks ignored).

    >>> average_cac([500, None, 1500])
    1000.0
    """
    costs, _shape = _numbers(cac, "cac")
    costs = costs[~np.isnan(costs)]
    if costs.size == 0:
        raise ClientRoiError("cac is blank: give a number or acquisition costs", argument="cac")
    if np.any(costs < 0):
        raise ClientRoiError(f"cac must be ≥ 0, got {_g(costs[costs < 0][0])}", argument="cac")
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
        budget = _finite_result(average * m, "an effort budget")
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
    return _shaped(_blank_nan(out), shape, expected_gain)


def _blank_nan(x: np.ndarray) -> np.ndarray:
    """Float results keep NaN for blanks unless some are blank: then None, as an object array."""
    if np.isnan(x).any():
        obj = x.astype(object)
        obj[np.isnan(x)] = None
        return obj
    return x


# --------------------------------------------------------------------------------------------
# 4. Effort in days
# --------------------------------------------------------------------------------------------

MARGIN_RATE = 0.5
WORKING_DAYS = 218
LOAD_FACTOR = 1.5


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
    income = _scalar(annual_income, "annual_income", low=0.0)
    rate = _scalar(MARGIN_RATE if margin_rate is None else margin_rate, "margin_rate", low=0.0, high=1.0)
    days = _scalar(WORKING_DAYS if working_days is None else working_days, "working_days", low=0.0, high=366.0)
    load = _scalar(LOAD_FACTOR if load_factor is None else load_factor, "load_factor", low=0.0)
    values, shape = _numbers(effort, "effort")
    if np.any(values < 0):
        i = int(np.flatnonzero(values < 0)[0])
        raise _item_error("effort", i, shape, f"is {_g(values[i])}; effort must be ≥ 0")
    day_cost = _finite_result(income / rate / days * load, "the cost of one day")
    with np.errstate(over="ignore"):
        result = _finite_result(values / day_cost, "effort in days")
    return _shaped(_blank_nan(result), shape, effort)


# --------------------------------------------------------------------------------------------
# 5. Role, ROI, concentration
# --------------------------------------------------------------------------------------------

_YES = frozenset({"yes", "y", "true", "oui", "o", "vrai", "1"})
_NO = frozenset({"no", "n", "false", "non", "faux", "0"})


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
        if text in _YES:
            return True
        if text in _NO:
            return False
    raise _item_error(name, i, shape, f"is {_describe(v)}; expected yes/no, oui/non, true/false or 1/0")


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
        raise ClientRoiError(f"should_pay has {sp.size} items but has_paid has {hp.size}")
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
                raise _item_error("should_pay", i, shape, "is blank but has_paid is filled")
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
    g, gshape = _numbers(gain, "gain")
    c, cshape = _numbers(acquisition_cost, "acquisition_cost")
    if g.size != c.size and 1 not in (g.size, c.size):
        raise ClientRoiError(f"gain has {g.size} items but acquisition_cost has {c.size}")
    if np.any(c < 0):
        i = int(np.flatnonzero(c < 0)[0])
        raise _item_error("acquisition_cost", i, cshape, f"is {_g(c[i])}; costs must be ≥ 0")
    like, shape = (gain, gshape) if g.size >= c.size else (acquisition_cost, cshape)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = g / c
    _finite_result(np.where(np.broadcast_to(c == 0, ratio.shape), 0.0, ratio), "gain / acquisition_cost")
    out = ratio.astype(object)
    out[np.broadcast_to(c == 0, ratio.shape)] = DIV0
    out[np.isnan(g + c)] = None
    return _shaped(out, shape, like)


def _positive(population: Any) -> tuple[np.ndarray, float]:
    """The gains with losses as 0 (the module's rule) and their exact total, which must be > 0."""
    positive = np.clip(_population(population), 0, None)
    total = exact_sum(positive, "the gains")
    if total <= 0:
        raise ClientRoiError("population has no positive gain; a share of the gain needs one")
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
        raise ClientRoiError(f"top_n must be a whole number ≥ 1, got {_describe(top_n)}")
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

    Rule: gains sorted from largest; step ``s`` counts the ``⌊s × n + 0.5⌋`` largest (nearest
    customer, halves up); each share is the exact sum of those gains ÷ the exact total. Losses
    count as 0 (the module's rule); no positive gain raises.

    >>> pareto([50, 30, 20], steps=2)
    [(0.0, 0.0), (0.5, 0.8), (1.0, 1.0)]
    """
    positive, total = _positive(population)
    ordered = np.sort(positive)[::-1].tolist()
    points = []
    for j in range(steps + 1):
        s = j / steps
        points.append((s, math.fsum(ordered[: math.floor(s * len(ordered) + 0.5)]) / total))
    return points


def concentration_verdict(index: float) -> str:
    """``diversified`` (HHI < 0.10), ``moderate`` (0.10 ≤ HHI ≤ 0.25), ``concentrated`` (> 0.25)."""
    if index < HHI_MODERATE:
        return "diversified"
    return "moderate" if index <= HHI_CONCENTRATED else "concentrated"


# --------------------------------------------------------------------------------------------
# 6. The decision loop: harmonious tiers, the prospect plan, effort spent against budget
# --------------------------------------------------------------------------------------------

#: The bands a sweep tries by default: ±5 %, ±10 %, …, ±50 % (three tiers each).
SWEEP = tuple(j / 20 for j in range(1, 11))


def balance(counts: Any) -> float:
    """How harmonious tiers are: smallest tier ÷ largest tier, by customers.

    1 = equal tiers, 0 = an empty tier; in [0, 1].

    >>> balance([30, 40, 30]), balance([10, 0, 5])
    (0.75, 0.0)
    """
    c = np.asarray(counts, dtype=np.float64)
    if c.size == 0 or c.max() <= 0:
        raise ClientRoiError("balance needs at least one customer in a tier")
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
        raise ClientRoiError("bands has no numbers (only blanks)", argument="bands")
    return items


def most_balanced(sweep: pd.DataFrame) -> int:
    """Row of the sweep with the largest balance; the first (smallest band) on ties."""
    return int(np.argmax(sweep["balance"].to_numpy()))


def prospect_plan(tier_rank: Any, expected_gain: Any, days: Any, days_available: Any) -> np.ndarray:
    """Which prospects the days available for prospecting cover: ``True``, ``False`` or ``None``.

    Only items with a tier (``tier_rank`` ≥ 0, 0 = top) and a number of days take part; the others
    get ``None``, and so does everyone when ``days_available`` is blank. Order: tier (top first),
    then expected gain (largest first), then position (row order: the earlier row first). Rule:
    walking that order, a prospect is in the plan while the running total of its days stays
    within ``days_available`` (> 0); from the first that does not fit, every later one is out:
    strict priority, no skipping to a smaller one. The plan never exceeds the days available.

    >>> prospect_plan([0, 1, 0, -1, 2], [50, 90, 80, 70, 10], [3, 2, 3, 1, 1], 7).tolist()
    [True, False, True, None, False]
    """
    rank = np.asarray(tier_rank, dtype=np.intp).reshape(-1)
    gain = numbers(expected_gain, "expected_gain")
    cost = numbers(days, "days")
    out = np.full(rank.size, None, dtype=object)
    available = days_available_for_prospecting(days_available)
    if available is None:
        return out
    taking = np.flatnonzero((rank >= 0) & ~np.isnan(cost))
    order = taking[np.lexsort((taking, -np.nan_to_num(gain[taking], nan=-np.inf), rank[taking]))]
    running, fits = 0.0, True
    for i in order.tolist():
        running = running + cost[i]
        fits = fits and running <= available
        out[i] = bool(fits)
    return out


def days_available_for_prospecting(value: Any) -> float | None:
    """The ``prospecting_days`` parameter: None when blank (no plan), else a number > 0."""
    if _default(value, None) is None:
        return None
    return _scalar(value, "prospecting_days", low=0.0)


def plan_summary(tier_rank: Any, budgets: Any, days: Any, k: int) -> pd.DataFrame:
    """Per tier (top first): prospects with a budget, their total effort budget and total days
    (exact sums). Items with ``tier_rank`` < 0 or no budget are left out."""
    rank = np.asarray(tier_rank, dtype=np.intp).reshape(-1)
    money = numbers(budgets, "budgets")
    time = numbers(days, "days")
    counted = (rank >= 0) & (rank < k) & ~np.isnan(money)
    tiers = rank[counted]
    frame: pd.DataFrame = pd.DataFrame(
        {
            "prospects": np.bincount(tiers, minlength=k),
            "effort_budget": exact_sums(money[counted], tiers, k, name="effort budgets"),
            "effort_days": exact_sums(time[counted], tiers, k, name="effort days"),
        }
    )
    return frame


def days_left(budget_days: Any, days_spent: Any) -> np.ndarray:
    """``budget days − days spent`` where there is a budget (a blank days spent counts as 0);
    negative = over budget; NaN where there is no budget. Days spent must be ≥ 0.

    >>> days_left([3.0, 2.0, None], [1.0, None, 4.0]).tolist()
    [2.0, 2.0, nan]
    """
    budget = numbers(budget_days, "budget_days")
    spent = numbers(days_spent, "days_spent")
    if np.any(spent < 0):
        i = int(np.flatnonzero(spent < 0)[0])
        raise _item_error("days_spent", i, (spent.size,), f"is {_g(spent[i])}; days spent must be ≥ 0")
    left: np.ndarray = budget - np.nan_to_num(spent, nan=0.0)
    return left


def overrun(budget_days: Any, days_spent: Any) -> np.ndarray:
    """Positions of the items over budget (days spent > budget days), worst first.

    Worst = largest ``days spent ÷ budget days`` (a zero budget overrun is infinitely bad);
    ties by position. Items without a budget or days spent are not listed.

    >>> overrun([2.0, 4.0, 1.0, 3.0, None], [3.0, 4.5, 1.0, 6.0, 9.0]).tolist()
    [3, 0, 1]
    """
    budget = numbers(budget_days, "budget_days")
    spent = numbers(days_spent, "days_spent")
    over = np.flatnonzero(~np.isnan(budget) & ~np.isnan(spent) & (spent > budget))
    with np.errstate(divide="ignore", over="ignore"):  # a budget of (almost) 0: infinitely bad
        ratio = np.where(budget[over] > 0, spent[over] / np.where(budget[over] > 0, budget[over], 1), np.inf)
    return over[np.lexsort((over, -ratio))]
