"""Correctly rounded sums: the same bits on every numpy, on every CPU, and in Pyodide.

Every sum that reaches a cell is the exact sum of the doubles, rounded once (what
``math.fsum`` gives). The fast path is error-free splitting (Rump, Ogita and Oishi,
"Accurate floating-point summation", SIAM J. Sci. Comput. 31(1), 2008); when its certified
interval cannot decide, the exact integer method decides. See :class:`_GroupSums`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..messages import tr
from .arguments import _finite_result


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
                    return float(_finite_result(lo + 0.0, tr("the sum of {name}", name=name)))  # + 0.0: no -0.0
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
        return float(_finite_result(total / (1 << 1074), tr("the sum of {name}", name=name)))
    except OverflowError:
        return float(_finite_result(math.inf, tr("the sum of {name}", name=name)))


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
