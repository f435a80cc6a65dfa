"""A prospect's potential, estimated from the paying clients it resembles.

"Il faut rapidement détecter le potentiel d'un prospect afin de déterminer l'effort qu'on va lui
appliquer." A prospect's expected margin, when the user has not typed one, is estimated from the
clients that share its attributes (the user's own columns: sector, region, size…), and every
estimate comes with how far to trust it. What is computed, exactly:

**The scale.** The fit is on ``y = ln(gross margin)`` of the paying clients whose margin is
positive (a logarithm needs one: clients with a loss or no margin are left out of the fit, and
counted in :attr:`Potential.figures` ``left_out``). Margins are skewed; on the log scale a
group's effect is a ratio (Pharmacie clients earn 1.8 times the others), and the estimate
``exp(ŷ)`` is a typical margin, not a mean pulled up by the largest client.

**The attributes.** A text column is its values (trimmed; a blank is no value). A number column
is its quartile among the clients (Excel ``PERCENTILE.INC`` at 0.25, 0.5, 0.75: ``≤ q1``,
``q1 – q2``, ``q2 – q3``, ``> q3``), the prospects binned by the same edges.

**Each attribute's effect** is its values' shrunken mean deviation, the empirical Bayes rule of
scikit-learn's ``TargetEncoder(smooth="auto")``: for a value ``c`` held by ``n_c`` clients whose
partial residuals ``r`` have mean ``m_c`` and variance ``s²_c`` (``ddof=0``), with ``τ²`` the
variance of all ``r``: ``λ_c = n_c τ² / (n_c τ² + s²_c)`` and ``effect_c = λ_c (m_c − mean(r))``.
A value held by one client (no variance of its own) takes ``s²_c = τ²``: ``λ = 1/2``. A value no
client holds, or a blank, has effect 0: the overall level.

**Several attributes** add up on the log scale, fitted by backfitting: ``μ`` is the mean of
``y``; each attribute's effects are refitted in turn on ``r = y − μ − (the others' effects)``,
until no effect moves by more than 1e-12 (at most 50 rounds). ``ŷ = μ + Σ effects``. A prospect
that holds no value any client holds is estimated as the gate's baseline below (the clients'
median, with the median's own range): its attributes say nothing.

**How far to trust it.** Five-fold cross-validation over the fitted clients (client ``i`` in
fold ``i mod 5``, in the table's order: no random draw, the same folds everywhere) gives each
client an estimate from a model that never saw it. From those held-out residuals ``e = y − ŷ``:

* the **80 % range** (split-conformal, CV+ style): ``exp(ŷ + e_(lo))`` to ``exp(ŷ + e_(hi))``,
  ``e_(lo)`` the ``⌊0.1 (n + 1)⌋``-th smallest residual and ``e_(hi)`` the ``⌈0.9 (n + 1)⌉``-th
  (the smallest and largest when ``n < 9``);
* the **error** against the simplest baseline, the clients' median margin (each fold's own):
  the mean absolute error in money of both; the **rank correlation** (Spearman's, ties
  averaged) of the estimates with the margins; the **capture**: the share of the clients' gain
  that the 30 % of clients with the highest estimates bring (30 % by chance);
* **the gate**: the attributes predict only when their absolute errors on the log scale beat the
  baseline's by more than twice the standard error of the paired differences (a one-sided test
  at about 2.3 %). Otherwise every estimate is the baseline (the clients' median, its range from
  the baseline's own held-out residuals) and the verdict says these columns do not predict
  margin here.

Logarithms and exponentials are taken one number at a time by Python's ``math`` (the same
correctly rounded results on glibc and in Pyodide), and the folds are fixed, so the same input
gives the same bits everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..messages import tr
from .arguments import ClientRoiError, is_blank
from .bands import percentile_inc
from .sums import exact_mean, exact_sum, exact_sums

FOLDS = 5
COVERAGE = 0.8
TOP_SHARE = 0.3
#: A text column serves as an attribute with this many distinct values among the clients.
FEWEST_VALUES, MOST_VALUES = 2, 30
#: Too few clients to estimate from (each fold must keep some).
FEWEST_CLIENTS = 10


@dataclass(frozen=True)
class Potential:
    """The estimates and how far to trust them.

    * ``estimates``: one row per row of the input: ``estimate``, ``low``, ``high`` (money; NaN
      where none was asked) and ``source`` (the words that say what it rests on).
    * ``figures``: ``clients`` (fitted), ``left_out`` (clients with a loss or no margin),
      ``attributes`` (the columns used, with their kind), ``mae`` and ``baseline_mae`` (money,
      cross-validated), ``rank_correlation``, ``capture`` (the top 30 %'s share of gain) and
      ``predicts`` (the gate: True when the attributes beat the baseline).
    """

    estimates: pd.DataFrame
    figures: pd.Series


def attribute_columns(frame: pd.DataFrame, is_client: np.ndarray, candidates: list[str]) -> dict[str, str]:
    """Of ``candidates``, the columns that can serve, with their kind: ``text`` with 2 to 30
    distinct values among the clients, or ``number`` (every client's value a number, at least 4
    distinct) read by quartiles."""
    out: dict[str, str] = {}
    for name in candidates:
        values = [v for v in frame[name].to_numpy(dtype=object)[is_client].tolist() if not is_blank(v)]
        if not values:
            continue
        if all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in values):
            if len(set(values)) >= 4:
                out[name] = "number"
            continue
        distinct = {str(v).strip() for v in values}
        if FEWEST_VALUES <= len(distinct) <= MOST_VALUES:
            out[name] = "text"
    return out


def _levels(values: np.ndarray, kind: str, is_client: np.ndarray) -> np.ndarray:
    """Each row's value of the attribute as a word (None: blank): text trimmed; a number by its
    quartile among the clients."""
    out = np.full(values.size, None, dtype=object)
    if kind == "text":
        for i, v in enumerate(values.tolist()):
            if not is_blank(v):
                out[i] = str(v).strip()
        return out
    known = [float(v) for v, c in zip(values.tolist(), is_client.tolist(), strict=True) if c and not is_blank(v)]
    q1, q2, q3 = (float(q) for q in percentile_inc(known, [0.25, 0.5, 0.75]))
    words = [f"≤ {q1:,.6g}", f"{q1:,.6g} – {q2:,.6g}", f"{q2:,.6g} – {q3:,.6g}", f"> {q3:,.6g}"]
    for i, v in enumerate(values.tolist()):
        if not is_blank(v) and isinstance(v, (int, float, np.integer, np.floating)):
            x = float(v)
            out[i] = words[0 if x <= q1 else 1 if x <= q2 else 2 if x <= q3 else 3]
    return out


def _mean(x: np.ndarray) -> float:
    return exact_mean(x) if x.size else 0.0  # no value: no deviation


@dataclass(frozen=True)
class _Effect:
    """One attribute's effect per value, with each value's clients and weight λ."""

    effect: dict[str, float]
    count: dict[str, int]
    weight: dict[str, float]

    def of(self, levels: np.ndarray) -> np.ndarray:
        return np.array([self.effect.get(v, 0.0) if v is not None else 0.0 for v in levels.tolist()], dtype=float)


def encode(levels: np.ndarray, r: np.ndarray) -> _Effect:
    """The shrunken mean deviation of ``r`` per value of ``levels`` (the module's rule)."""
    seen = np.array([v is not None for v in levels.tolist()], dtype=bool)
    overall = _mean(r[seen])
    tau2 = _mean((r[seen] - overall) ** 2)
    values, group = np.unique(levels[seen].astype(str), return_inverse=True)  # sorted, as the words
    x = r[seen]
    sizes = np.bincount(group, minlength=values.size)
    # each value's sums in one pass of the grouped exact sums (the same bits as value by value)
    means = np.array(exact_sums(x, group, values.size)) / np.maximum(sizes, 1)
    spreads = np.array(exact_sums((x - means[group]) ** 2, group, values.size)) / np.maximum(sizes, 1)
    effect, count, weight = {}, {}, {}
    for value, n, mean, spread in zip(values.tolist(), sizes.tolist(), means.tolist(), spreads.tolist(), strict=True):
        var = spread if n > 1 else tau2
        lam = 1.0 if n * tau2 + var == 0 else n * tau2 / (n * tau2 + var)
        effect[value], count[value], weight[value] = lam * (mean - overall), n, lam
    return _Effect(effect, count, weight)


@dataclass(frozen=True)
class _Model:
    mu: float
    effects: dict[str, _Effect]

    def predict(self, levels: dict[str, np.ndarray], n: int) -> np.ndarray:
        out = np.full(n, self.mu)
        for name, e in self.effects.items():
            out = out + e.of(levels[name])
        return out


def fit(levels: dict[str, np.ndarray], y: np.ndarray) -> _Model:
    """Backfitting of the attributes' effects on ``y`` (the module's rule)."""
    mu = _mean(y)
    parts = {name: np.zeros(y.size) for name in levels}
    effects: dict[str, _Effect] = {name: _Effect({}, {}, {}) for name in levels}
    for _ in range(50):
        moved = 0.0
        for name, lv in levels.items():
            others = np.zeros(y.size)
            for other, part in parts.items():
                if other != name:
                    others = others + part
            effects[name] = encode(lv, y - mu - others)
            new = effects[name].of(lv)
            moved = max(moved, float(np.max(np.abs(new - parts[name]))) if y.size else 0.0)
            parts[name] = new
        if moved <= 1e-12:
            break
    return _Model(mu, effects)


def _log(x: np.ndarray) -> np.ndarray:
    return np.array([math.log(v) for v in x.tolist()], dtype=float)


def _exp(x: np.ndarray) -> np.ndarray:
    return np.array([math.exp(v) for v in x.tolist()], dtype=float)


def _range(residuals: np.ndarray) -> tuple[float, float]:
    """The conformal ``e_(lo)``, ``e_(hi)`` of held-out residuals (the module's rule)."""
    e = np.sort(residuals)
    n = e.size
    lo = math.floor((1 - COVERAGE) / 2 * (n + 1))
    hi = math.ceil((1 + COVERAGE) / 2 * (n + 1))
    return float(e[max(lo, 1) - 1]), float(e[min(hi, n) - 1])


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra, rb = pd.Series(a).rank().to_numpy(), pd.Series(b).rank().to_numpy()
    da, db = ra - _mean(ra), rb - _mean(rb)
    den = math.sqrt(exact_sum(da * da) * exact_sum(db * db))
    return exact_sum(da * db) / den if den > 0 else math.nan


def _capture(estimates: np.ndarray, gains: np.ndarray) -> float:
    """The share of the gain that the top 30 % by estimate bring (ties in the table's order)."""
    k = math.ceil(TOP_SHARE * gains.size)
    top = np.argsort(-estimates, kind="stable")[:k]
    return exact_sum(gains[top]) / exact_sum(gains)


def potential(
    attributes: pd.DataFrame, gains: Any, is_client: Any, wanted: Any, kinds: dict[str, str] | None = None
) -> Potential:
    """Estimate the margin of the rows ``wanted`` (a boolean per row) from the clients
    (``is_client``, their ``gains``) that share their ``attributes`` (one column each; ``kinds``
    from :func:`attribute_columns` when not given). See the module for every rule.

    >>> frame = pd.DataFrame({"sector": ["a"] * 6 + ["b"] * 6 + ["a", "b"]})
    >>> gains = np.array([100, 120, 90, 110, 105, 95, 1000, 1100, 900, 1050, 950, 1000, np.nan, np.nan])
    >>> is_client = np.array([True] * 12 + [False] * 2)
    >>> p = potential(frame, gains, is_client, ~is_client)
    >>> p.estimates["estimate"].round(0).tolist()[-2:], bool(p.figures["predicts"])
    ([103.0, 997.0], True)
    """
    gains = np.asarray(gains, dtype=float)
    is_client = np.asarray(is_client, dtype=bool)
    wanted = np.asarray(wanted, dtype=bool)
    n = len(attributes)
    kinds = kinds if kinds is not None else attribute_columns(attributes, is_client, list(attributes.columns))
    fitted = is_client & ~np.isnan(gains) & (gains > 0)
    count = int(fitted.sum())
    if count < FEWEST_CLIENTS:
        raise ClientRoiError(
            tr("a potential needs at least {fewest} clients with a positive margin, got {count}",
               fewest=FEWEST_CLIENTS, count=count)
        )  # fmt: skip
    levels = {name: _levels(attributes[name].to_numpy(dtype=object), kind, fitted) for name, kind in kinds.items()}
    rows = np.flatnonzero(fitted)
    y = _log(gains[rows])
    client_levels = {name: lv[rows] for name, lv in levels.items()}

    # Cross-validation: every fitted client estimated by a model that never saw it.
    held = np.empty(count)
    base = np.empty(count)
    fold = np.arange(count) % FOLDS
    for f in range(FOLDS):
        test, train = fold == f, fold != f
        model = fit({k: v[train] for k, v in client_levels.items()}, y[train])
        held[test] = model.predict({k: v[test] for k, v in client_levels.items()}, int(test.sum()))
        base[test] = math.log(float(percentile_inc(gains[rows][train], 0.5)))
    model_err, base_err = np.abs(y - held), np.abs(y - base)
    diff = base_err - model_err
    spread = math.sqrt(_mean((diff - _mean(diff)) ** 2) / (count - 1))  # the paired mean's standard error
    predicts = bool(kinds) and _mean(diff) > 2 * spread
    actual = gains[rows]
    figures = pd.Series(
        {
            "clients": count,
            "left_out": int((is_client & ~np.isnan(gains) & (gains <= 0)).sum()),
            "attributes": dict(kinds),
            "mae": _mean(np.abs(actual - _exp(held))),
            "baseline_mae": _mean(np.abs(actual - _exp(base))),
            "rank_correlation": _spearman(held, y),
            "capture": _capture(held, actual),
            "predicts": predicts,
        },
        dtype=object,
    )

    # The estimates: from the attributes when they predict, else the clients' median.
    estimate, lowest, highest = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    source = np.full(n, None, dtype=object)
    asked = np.flatnonzero(wanted)
    if asked.size == 0:
        return Potential(_estimates(attributes.index, estimate, lowest, highest, source), figures)
    median = math.log(float(percentile_inc(actual, 0.5)))
    base_lo, base_hi = _range(y - base)
    guess = np.full(asked.size, median)
    low, high = np.full(asked.size, median + base_lo), np.full(asked.size, median + base_hi)
    said = [tr("the median of {count:,} clients: these columns do not predict margin here", count=count)] * asked.size
    if predicts:
        model = fit(client_levels, y)
        lo, hi = _range(y - held)
        shares = [_shares(model, {k: v[i] for k, v in levels.items()}) for i in asked.tolist()]
        guessed = model.predict({k: v[asked] for k, v in levels.items()}, asked.size)
        for j, shared in enumerate(shares):
            if shared:  # a prospect that shares no value with the clients: the median, its own range
                guess[j], low[j], high[j] = guessed[j], guessed[j] + lo, guessed[j] + hi
                said[j] = _source(model, {k: v[asked[j]] for k, v in levels.items()})
            else:
                said[j] = tr("no client shares its attributes: the clients' median")
    estimate[asked], lowest[asked], highest[asked] = _exp(guess), _exp(low), _exp(high)
    source[asked] = said
    return Potential(_estimates(attributes.index, estimate, lowest, highest, source), figures)


def _estimates(
    index: pd.Index, estimate: np.ndarray, low: np.ndarray, high: np.ndarray, source: np.ndarray
) -> pd.DataFrame:
    """The estimates' frame: NaN, and None where none was asked (an object column: pandas would
    infer a text column of strings, and make its None NaN)."""
    frame: pd.DataFrame = pd.DataFrame({"estimate": estimate, "low": low, "high": high}, index=index)
    frame["source"] = pd.Series(source, index=index, dtype=object)
    return frame


def _shares(model: _Model, row: dict[str, Any]) -> bool:
    """Whether the row holds a value some client holds, in one attribute at least."""
    return any(row[name] is not None and row[name] in e.count for name, e in model.effects.items())


def _source(model: _Model, row: dict[str, Any]) -> str:
    """What a prospect's estimate rests on: each attribute value it shares with clients, the
    heaviest first (``12 clients with Sector = Pharmacie, weight 63 %``)."""
    parts = []
    for name, e in model.effects.items():
        value = row[name]
        if value is not None and value in e.count:
            parts.append((e.weight[value], e.count[value], name, value))
    parts.sort(key=lambda p: (-p[0], p[2]))
    return "; ".join(
        tr("{n:,} clients with {column} = {value}, weight {weight:.0%}", n=n, column=name, value=value, weight=w)
        for w, n, name, value in parts
    )
