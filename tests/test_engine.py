"""Hand-computed checks of every rule of the method (client_roi.method)."""

import math

import numpy as np
import pandas as pd
import pytest

import client_roi as cr
from client_roi.method.bands import _trim_count

# --- reference gain: TRIMMEAN ------------------------------------------------------------


def test_trimmed_mean_no_trim_is_plain_mean_ignoring_blanks():
    assert cr.trimmed_mean([10, None, 20, float("nan"), 60, "  "]) == 30.0


@pytest.mark.parametrize(
    "n, trim, removed",
    [
        (10, 0.25, 2),  # 2.5 rounded down to even -> 2
        (10, 0.2, 2),
        (10, 0.19, 0),  # 1.9 -> 0
        (10, 0.3, 2),  # 3.0000000000000004 -> 3 -> 2
        (10, 0.4, 4),
        (100, 0.29, 28),  # 28.999999999999996 counts as 29 -> 28
        (100, 0.3, 30),
        (7, 0.5, 2),  # 3.5 -> 2
        (1, 0.9, 0),
        (4, 0.999, 2),
    ],
)
def test_trim_count_rounds_down_to_even(n, trim, removed):
    assert _trim_count(n, trim) == removed


def test_trimmed_mean_removes_half_from_each_end():
    # n=10, trim=0.25: 2 removed, the smallest (1) and the largest (100): mean of 2..9 = 5.5
    assert cr.trimmed_mean([100, 1, 2, 3, 4, 5, 6, 7, 8, 9], trim=0.25) == 5.5
    # n=10, trim=0.4: 4 removed: 1, 2 and 9, 100 -> mean of 3..8 = 5.5
    assert cr.trimmed_mean([100, 1, 2, 3, 4, 5, 6, 7, 8, 9], trim=0.4) == 5.5
    # n=5, trim=0.5: 2.5 -> 2 removed: -50 and 1000 -> mean(10, 20, 30) = 20
    assert cr.trimmed_mean([1000, 10, -50, 20, 30], trim=0.5) == 20.0


def test_percentile_inc_interpolates_like_excel():
    data = [40, 10, 30, 20]  # sorted 10 20 30 40, n-1 = 3
    assert cr.percentile_inc(data, 0) == 10
    assert cr.percentile_inc(data, 1) == 40
    assert cr.percentile_inc(data, 0.5) == 25  # h = 1.5
    assert cr.percentile_inc(data, 1 / 3) == pytest.approx(20.0)  # h = 1
    assert cr.percentile_inc(data, 0.9) == pytest.approx(37.0)  # h = 2.7 -> 30 + 0.7*10


def test_reference_gain_must_be_positive():
    with pytest.raises(cr.ClientRoiError, match="mean gain is -5"):
        cr.reference_gain([-10, 0])
    # The outlier makes the plain mean positive; trimmed, it is not.
    with pytest.raises(cr.ClientRoiError, match="after trimming"):
        cr.reference_gain([-10, -10, -10, 1000], trim=0.5)


# --- bands and tiers ----------------------------------------------------------------------


def test_three_tiers_at_plus_minus_20_percent_edges_go_up():
    population = [100, 100, 100, 100]  # mean 100 -> thresholds 80 and 120
    values = [121, 120, 119.99, 100, 80, 79.99, -5]
    assert list(cr.tier(values, population)) == ["A", "A", "B", "B", "B", "C", "C"]


def test_thresholds_are_mean_times_one_plus_offset():
    b = cr.bands([50, 150], band=0.3)  # mean 100
    assert list(b.offsets) == [-0.3, 0.3]
    assert list(b.thresholds) == [100 * (1 - 0.3), 100 * (1 + 0.3)]


def test_five_tiers_with_offset_list_and_custom_labels():
    population = [60, 80, 100, 120, 140]  # mean 100
    band = [-0.4, -0.2, 0.2, 0.4]  # thresholds 60 80 120 140
    labels = ["Gold", "Silver", "Bronze", "Iron", "Tin"]
    got = cr.tier([150, 140, 139, 120, 100, 80, 79, 60, 59], population, band, labels=labels)
    assert list(got) == ["Gold", "Gold", "Silver", "Silver", "Bronze", "Bronze", "Iron", "Iron", "Tin"]


def test_tier_uses_trimmed_reference():
    population = [10, 20, 30, 40, 1000]  # mean 220; trim 0.4 -> mean(20,30,40) = 30
    assert cr.tier(36, population, trim=0.4) == "A"  # 36 >= 30 * 1.2
    assert cr.tier(36, population) == "C"  # 36 < 220 * 0.8


def test_tier_keeps_shape_and_blanks():
    pop = [100, 100]
    assert cr.tier(100, pop) == "B"
    assert cr.tier(None, pop) is None
    grid = cr.tier([[130, None], [10, 100]], pop)
    assert grid.shape == (2, 2)
    assert grid.tolist() == [["A", None], ["C", "B"]]
    s = pd.Series([130, 10], index=["x", "y"], name="gain")
    out = cr.tier(s, pop)
    assert isinstance(out, pd.Series) and list(out.index) == ["x", "y"] and list(out) == ["A", "C"]


def test_numpy_input_fast_path():
    gains = np.array([50.0, 100.0, 150.0, np.nan])
    assert cr.tier(gains, gains).tolist() == ["C", "B", "A", None]


def test_tier_bands_summary_hand_computed():
    pop = [200, 120, 100, 90, 60, 30]  # mean 600/6 = 100 -> thresholds 80 and 120
    t = cr.tier_bands(pop)
    assert list(t["tier"]) == ["A", "B", "C"]
    assert t["lower"].tolist()[:2] == [120.0, 80.0] and math.isnan(t["lower"].iloc[2])
    assert math.isnan(t["upper"].iloc[0]) and t["upper"].tolist()[1:] == [120.0, 80.0]
    assert t["customers"].tolist() == [2, 2, 2]
    assert t["customer_share"].tolist() == pytest.approx([1 / 3] * 3)
    assert t["gain"].tolist() == [320, 190, 90]
    assert t["gain_share"].tolist() == pytest.approx([320 / 600, 190 / 600, 90 / 600])
    assert t["average_gain"].tolist() == [160, 95, 45]
    assert t.attrs["reference"] == 100


def test_tier_bands_empty_tier_has_no_average():
    t = cr.tier_bands([100, 100, 100])
    assert t["customers"].tolist() == [0, 3, 0]
    assert math.isnan(t["average_gain"].iloc[0]) and t["average_gain"].iloc[1] == 100


def test_balanced_band_reproduces_percentile_inc_thresholds():
    pop = [10, 20, 30, 40, 100]  # mean 40
    offsets = cr.balanced_band(pop)
    # PERCENTILE.INC: k=1/3 -> h=4/3 -> 23.333..., k=2/3 -> h=8/3 -> 36.666...
    assert offsets == pytest.approx([23.333333333 / 40 - 1, 36.666666667 / 40 - 1])
    t = cr.tier_bands(pop, band=offsets)
    assert t["customers"].tolist() == [2, 1, 2]  # 40,100 | 30 | 10,20


def test_balanced_band_equal_sizes_when_quantiles_hit_data_points():
    pop = list(range(1, 10))  # 9 points, h = 8/3 and 16/3: no exact hits
    assert cr.tier_bands(pop, band=cr.balanced_band(pop))["customers"].tolist() == [3, 3, 3]
    pop = list(range(1, 8))  # 7 points: h = 2 and 4 -> quantiles 3 and 5 exactly
    offsets = cr.balanced_band(pop)
    b = cr.bands(pop, band=offsets)
    assert b.thresholds[0] <= 3 and b.thresholds[1] <= 5  # nudged at or just below the quantile
    assert cr.tier([3, 5], pop, band=offsets).tolist() == ["B", "A"]  # exact hits go up


def test_balanced_band_with_ties_is_as_equal_as_ties_allow():
    pop = [10, 10, 10, 10, 20, 30]
    offsets = cr.balanced_band(pop)  # quantiles 10 (h=5/3) and 15 (h=10/3)
    # the four 10s sit on the lower threshold and all go up: nobody is left in C
    assert cr.tier_bands(pop, band=offsets)["customers"].tolist() == [2, 4, 0]


def test_balanced_band_rejects_coinciding_quantiles():
    with pytest.raises(cr.ClientRoiError, match="too many equal gains for 3 tiers"):
        cr.balanced_band([10, 10, 10, 10, 10, 10, 50])


def test_balanced_band_five_tiers():
    pop = list(range(10, 110, 10))  # 10..100, mean 55
    offsets = cr.balanced_band(pop, tiers=5)
    assert len(offsets) == 4
    # quantiles at h = 9*j/5 = 1.8, 3.6, 5.4, 7.2 -> 28, 46, 64, 82
    assert offsets * 55 + 55 == pytest.approx([28, 46, 64, 82])
    assert cr.tier_bands(pop, band=offsets)["customers"].tolist() == [2, 2, 2, 2, 2]


# --- CAC by tier, prospect effort ----------------------------------------------------------


def test_cac_by_tier_multipliers():
    t = cr.cac_by_tier(1000)
    assert t["multiplier"].tolist() == pytest.approx([1.2, 1.0, 0.8])
    assert t["effort_budget"].tolist() == pytest.approx([1200, 1000, 800])
    t5 = cr.cac_by_tier(1000, band=[-0.4, -0.2, 0.2, 0.4], labels=list("VWXYZ"))
    # top 1.4; interior midpoints 1+0.3, 1+0, 1-0.3; bottom 0.6
    assert t5["multiplier"].tolist() == pytest.approx([1.4, 1.3, 1.0, 0.7, 0.6])
    assert t5["tier"].tolist() == list("VWXYZ")


def test_cac_from_list_of_costs_ignores_blanks():
    t = cr.cac_by_tier([500, None, 1500])  # mean 1000
    assert t["effort_budget"].tolist() == pytest.approx([1200, 1000, 800])


def test_prospect_effort():
    pop = [100, 100]
    got = cr.prospect_effort([120, 119, 80, 79, None], pop, cac=[900, 1100])
    assert got[:4].tolist() == pytest.approx([1200, 1000, 1000, 800]) and got[4] is None


# --- effort days ---------------------------------------------------------------------------


def test_effort_days_seed_example():
    # 1000 / (24000 * 2 / 218 * 1.5) = 1000 / 330.2752... = 3.02777...
    assert cr.effort_days(1000, 24000) == pytest.approx(3.0277777, abs=1e-6)
    assert round(cr.effort_days(1000, 24000), 4) == 3.0278


def test_effort_days_parameters_and_vector():
    # income 36000, margin 0.6 -> revenue 60000; /200 days = 300; * 2 load = 600 per day
    got = cr.effort_days([600, 0, None, 1500], 36000, margin_rate=0.6, working_days=200, load_factor=2)
    assert got.tolist() == [1.0, 0.0, None, 2.5]


# --- role, ROI, concentration -------------------------------------------------------------


def test_client_role_truth_table_and_spellings():
    sp = [True, "yes", " OUI ", "y", 1, "o", "no", False, "Non", None, "true", "VRAI"]
    hp = ["yes", 1, "o", "n", 0, None, "yes", None, "no", None, "FALSE", "faux"]
    assert cr.client_role(sp, hp).tolist() == [
        "client",
        "client",
        "client",
        "prospect",
        "prospect",
        "prospect",
        "user",
        "user",
        "user",
        None,
        "prospect",
        "prospect",
    ]


def test_roi_elementwise_with_div0_marker():
    got = cr.roi([300, 50, 10, None, 0, -20], [100, 100, 0, 5, 0, 40])
    assert got.tolist() == [3.0, 0.5, cr.DIV0, None, cr.DIV0, -0.5]
    assert cr.roi(10, 4) == 2.5


def test_concentration_and_hhi():
    pop = [50, 30, 20, None]
    assert cr.concentration(pop) == 0.5
    assert cr.concentration(pop, top_n=2) == pytest.approx(0.8)
    assert cr.concentration(pop, top_n=10) == pytest.approx(1.0)
    assert cr.hhi(pop) == pytest.approx(0.25 + 0.09 + 0.04)
    assert cr.hhi([1] * 20) == pytest.approx(0.05)


@pytest.mark.parametrize(
    "index, verdict",
    [
        (0.05, "diversified"),
        (0.0999, "diversified"),
        (0.10, "moderate"),
        (0.25, "moderate"),
        (0.2501, "concentrated"),
        (1.0, "concentrated"),
    ],
)
def test_concentration_verdict_edges(index, verdict):
    assert cr.concentration_verdict(index) == verdict


def test_one_item_band_list_is_one_offset_two_tiers():
    # a scalar 0.2 means (-0.2, +0.2); the list [0.2] is a single offset: two tiers
    assert cr.tier([130, 119], [100, 100], band=[0.2]).tolist() == ["A", "B"]
    assert cr.tier([130, 119], [100, 100], band=0.2).tolist() == ["A", "B"]
    assert cr.tier([79], [100, 100], band=[0.2]).tolist() == ["B"]
