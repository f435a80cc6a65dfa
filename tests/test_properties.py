"""Invariants of the method, for any population hypothesis can think of."""

import numpy as np
import pytest
from hypothesis import assume, given, reject, settings
from hypothesis import strategies as st

import client_roi as cr
from client_roi.method.sums import _GroupSums

gains = st.lists(st.floats(min_value=-1e4, max_value=1e6, allow_nan=False), min_size=1, max_size=60)
positive_gains = st.lists(st.floats(min_value=0.01, max_value=1e6), min_size=3, max_size=60)
bands_ = st.one_of(
    st.floats(min_value=0.01, max_value=0.95),
    st.lists(st.floats(min_value=-0.95, max_value=3), min_size=1, max_size=9, unique=True).map(sorted),
)
trims = st.sampled_from([0, 0.1, 0.2, 0.25, 0.5])


def _tiers_ok(population, band, trim):
    try:
        return cr.bands(population, band, trim)
    except cr.ClientRoiError:
        return None


@settings(max_examples=150, deadline=None)
@given(gains, bands_, trims, st.randoms())
def test_permutation_invariance(population, band, trim, rnd):
    b = _tiers_ok(population, band, trim)
    assume(b is not None and np.all(np.diff(b.offsets) > 0))
    shuffled = population[:]
    rnd.shuffle(shuffled)
    assert cr.reference_gain(shuffled, trim) == pytest.approx(b.reference, rel=1e-12)
    first = dict(zip(population, cr.tier(population, population, band, trim), strict=True))
    again = dict(zip(shuffled, cr.tier(shuffled, shuffled, band, trim), strict=True))
    assert first == again


@settings(max_examples=150, deadline=None)
@given(positive_gains, st.sampled_from([0.2, [-0.4, -0.2, 0.2, 0.4]]), st.sampled_from([2.0, 4.0, 0.5, 8.0]))
def test_scale_invariance(population, band, c):
    # powers of two scale exactly in binary floating point, so the comparison is exact
    before = cr.tier(population, population, band)
    after = cr.tier([g * c for g in population], [g * c for g in population], band)
    assert before.tolist() == after.tolist()


@settings(max_examples=150, deadline=None)
@given(gains, bands_, trims)
def test_monotonic_and_every_customer_in_exactly_one_tier(population, band, trim):
    b = _tiers_ok(population, band, trim)
    assume(b is not None)
    order = np.argsort(population, kind="stable")
    ranks = b.tier_index(np.asarray(population, dtype=float)[order])
    assert np.all(np.diff(ranks) <= 0)  # larger gain, never a lower tier (rank 0 = top)
    assert ranks.min() >= 0 and ranks.max() < b.k
    summary = cr.tier_bands(population, band, trim)
    assert summary["customers"].sum() == len(population)
    assert summary["customer_share"].sum() == pytest.approx(1.0)
    if sum(population) > 0:
        assert summary["gain_share"].sum() == pytest.approx(1.0)


@settings(max_examples=150, deadline=None)
@given(positive_gains, st.integers(min_value=2, max_value=6))
def test_balanced_band_thresholds_are_the_quantiles(population, k):
    try:
        offsets = cr.balanced_band(population, tiers=k)
    except cr.ClientRoiError as exc:
        # refused only when the quantiles cannot make k distinct positive thresholds
        assert any(w in str(exc) for w in ("too many equal gains", "quantile is", "too close")), str(exc)
        reject()
    b = cr.bands(population, band=offsets)
    q = cr.percentile_inc(population, np.arange(1, k) / k)
    # the threshold is the quantile, or the double just below it, never above
    assert np.all(b.thresholds <= q)
    step = np.maximum(np.spacing(1 + offsets), np.spacing(np.abs(offsets)))
    assert np.all(b.thresholds >= q - 2 * b.reference * step - np.spacing(q))
    # No tier is larger than its fair share by more than the ties at its edges allow: with
    # h = (n - 1) j / k, PERCENTILE.INC's quantile lies between the sorted x[floor h] and
    # x[ceil h], so the gains below threshold j (the lower tiers' customers: a gain on a
    # threshold goes up) number at most ceil h, and at least floor h + 1 less the gains tied
    # on the threshold or the quantile.
    x = np.sort(np.asarray(population, dtype=float))
    sizes = cr.tier_bands(population, band=offsets)["customers"].to_numpy()
    below = np.cumsum(sizes[::-1])[:-1]  # customers under each threshold, bottom up
    for j, (t, quantile) in enumerate(zip(b.thresholds, q, strict=True), start=1):
        h = (len(x) - 1) * j / k
        ties = np.count_nonzero(x == t) + (np.count_nonzero(x == quantile) if quantile != t else 0)
        assert below[j - 1] == np.count_nonzero(x < t)
        assert np.floor(h) + 1 - ties <= below[j - 1] <= np.ceil(h), (j, below, h, ties)
    assert sizes.sum() == len(population)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=40))
def test_hhi_bounds(population):
    assume(sum(population) > 0)
    n = len(population)
    index = cr.hhi(population)
    assert 1 / n - 1e-12 <= index <= 1 + 1e-12
    assert cr.concentration(population, n) == pytest.approx(1.0)


# --- same input, same bits ------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=-1e12, max_value=1e12), min_size=1, max_size=80), st.randoms())
def test_sums_are_correctly_rounded_so_order_never_changes_a_bit(values, rnd):
    from fractions import Fraction

    exact = float(sum(Fraction(v) for v in values))  # the exact sum, rounded once
    shuffled = values[:]
    rnd.shuffle(shuffled)
    assert cr.engine.exact_sum(np.array(values)) == exact == cr.engine.exact_sum(shuffled)


# Doubles of every kind: wide exponents, subnormals, near-ties (a value and the half-ulp of another).
any_double = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
    st.floats(min_value=-1e6, max_value=1e6),
    st.integers(-60, 60).map(lambda e: 2.0**e),
    st.integers(-1074, -1000).map(lambda e: -(2.0**e)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_double, min_size=1, max_size=70), st.sampled_from([1, 3, 8, 12]), st.data())
def test_group_sums_are_the_exact_sums_rounded_once_on_every_path(values, count, data):
    """``count`` 3 and 8 take the one-hot path, 12 the bincount path; near-ties and exponent
    ranges beyond three splits fall back to the integer method: all must give fsum's bits."""
    import math

    groups = data.draw(st.lists(st.integers(0, count - 1), min_size=len(values), max_size=len(values)))
    try:
        got = cr.engine.exact_sums(np.array(values), np.array(groups), count)
    except cr.ClientRoiError as exc:
        assert "overflows" in str(exc)
        with pytest.raises(OverflowError):
            [math.fsum(v for v, g in zip(values, groups, strict=True) if g == j) for j in range(count)]
        return
    assert got == [math.fsum(v for v, g in zip(values, groups, strict=True) if g == j) for j in range(count)]


def test_group_sums_decide_near_ties_by_splitting_again_or_by_integers():
    from fractions import Fraction

    def rounded(values):
        return float(sum(map(Fraction, values)))

    # 2^53 + 1 is a tie between two doubles; the 2^-60 decides it, seen only in the second split
    near = [2.0**53, 1.0, 2.0**-60]
    sums = _GroupSums(near)
    assert sums.sum() == rounded(near) == 2.0**53 + 2
    assert len(sums._sigmas) == 2 and sums._exact is None
    # a tie decided 400 binary orders of magnitude below: beyond three splits, integers decide
    far = [2.0**200, 2.0**147, -(2.0**-200)]
    sums = _GroupSums(far)
    assert sums.sum() == rounded(far) == 2.0**200
    assert sums._exact is not None
    # unions of groups are rounded once, not summed from rounded parts
    sums = _GroupSums(near, [0, 1, 1], 2)
    assert sums.sum((0, 1)) == 2.0**53 + 2 and sums.sum((1,)) == 1.0 and sums.sum((0,)) == 2.0**53


@settings(max_examples=150, deadline=None)
@given(positive_gains, st.randoms())
def test_shares_hhi_and_summaries_do_not_depend_on_order(population, rnd):
    shuffled = population[:]
    rnd.shuffle(shuffled)
    assert cr.hhi(population) == cr.hhi(shuffled)
    assert cr.concentration(population, 2) == cr.concentration(shuffled, 2)
    assert cr.engine.pareto(population) == cr.engine.pareto(shuffled)
    a, b = cr.tier_bands(population), cr.tier_bands(shuffled)
    assert a.equals(b) and a.attrs == b.attrs


flags = st.sampled_from(["yes", "no", " Oui ", "n", "VRAI", "0", "1", "", "  ", None, "maybe"])


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=12).flatmap(
        lambda n: st.tuples(st.lists(flags, min_size=n, max_size=n), st.lists(flags, min_size=n, max_size=n))
    )
)
def test_roles_of_text_flags_are_those_of_the_item_by_item_rule(columns):
    """Text flags take the array route; the same flags one by one (the route of any other kind,
    and of every column with a bad flag) give the same roles, or the same error."""
    should, paid = columns

    def roles(sp, hp):
        try:
            return cr.client_role(sp, hp).tolist()
        except cr.ClientRoiError as exc:
            return str(exc)

    # a last customer paid 0.0 (a number: the item route) or "no" (text): a user either way
    slow = roles([*should, "no"], [*paid, 0.0])
    fast = roles([*should, "no"], [*paid, "no"])
    assert fast == slow


# --- numbers written by any supported convention read back to the same float ----------------


def _write(x: float, style: str) -> str:
    text = {
        "plain point": f"{x:.2f}",
        "grouped comma, point": f"{x:,.2f}",
        "grouped apostrophe, point": f"{x:,.2f}".replace(",", "'"),
        "plain comma": f"{x:.2f}".replace(".", ","),
        "grouped point, comma": f"{x:,.2f}".translate(str.maketrans(",.", ".,")),
        "grouped space, comma": f"{x:,.2f}".replace(",", " ").replace(".", ","),
        "grouped no-break space, comma": f"{x:,.2f}".replace(",", "\u00a0").replace(".", ","),
        "grouped narrow no-break space, comma": f"{x:,.2f}".replace(",", "\u202f").replace(".", ","),
    }[style]
    return text


STYLES = [
    "plain point",
    "grouped comma, point",
    "grouped apostrophe, point",
    "plain comma",
    "grouped point, comma",
    "grouped space, comma",
    "grouped no-break space, comma",
    "grouped narrow no-break space, comma",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), min_size=1, max_size=8),
    st.sampled_from(STYLES),
    st.sampled_from(["", " €", "€ ", "$", " EUR"]),
    st.booleans(),
)
def test_numbers_in_any_supported_convention_read_back_exactly(xs, style, currency, accounting):
    from client_roi.files.decimals import read_column

    texts = []
    for x in xs:
        t = _write(abs(x) if accounting else x, style)
        t = (currency + t) if currency.endswith(" ") or currency == "$" else (t + currency)
        texts.append(f"({t})" if accounting and x < 0 else t)
    got, _ = read_column(texts, decimal="," if "comma" in style.split(",")[-1] else ".")
    want = [float(f"{x:.2f}") for x in xs]
    want = [-abs(w) if accounting and x < 0 else w for w, x in zip(want, xs, strict=True)]
    assert got == want


@settings(max_examples=150, deadline=None)
@given(
    xs=st.lists(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(lambda x: abs(x) >= 0.01),
        min_size=1,
        max_size=6,
    ),
    style=st.sampled_from(STYLES),
)
def test_a_csv_column_in_any_convention_reads_back_without_being_told(xs, style, tmp_path_factory):
    """Two decimals: every convention is unambiguous, so the reader must decide it alone."""
    import csv

    from client_roi import files

    path = tmp_path_factory.mktemp("csv") / "in.csv"
    sep = ";" if "comma" in style.split(",")[-1] else ","
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=sep)
        w.writerow(["Customer", "Should pay", "Has paid", "Gross margin"])
        for i, x in enumerate(xs):
            w.writerow([f"C{i}", "yes", "yes", _write(x, style)])
    got = files.read_customers(path)["gross_margin"].tolist()
    assert got == [float(f"{x:.2f}") for x in xs]


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet="0123456789.,+- €$()\u00a0'", max_size=14)
    | st.from_regex(r"[+-]?\d{1,7}([.,]\d{1,4})?", fullmatch=True)
)
def test_the_plain_number_shortcut_reads_as_the_grammar(text):
    from client_roi.files.decimals import COMMA, POINT, parse, parse_both

    assert parse_both(text) == (parse(text, POINT), parse(text, COMMA))
