"""The whole exercise as one pure function: hand-computed results, its dtypes, its errors
naming column and row, and to_excel writing what ``client-roi fill`` writes."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import client_roi as cr
from client_roi import cli, commands

CUSTOMERS = pd.DataFrame(
    {
        "customer": ["a", "b", "c", "d", "e", "f"],
        "should_pay": ["yes", "yes", "yes", "yes", "yes", "no"],
        "has_paid": ["yes", "yes", "yes", "no", "no", None],
        "gross_margin": [100, 200, 300, None, None, None],
        "expected_margin": [None, None, None, 250, 150, None],
        "acquisition_cost": [50, 400, 100, None, None, None],
        "days_spent": [None, None, None, 2.0, None, None],
    }
)


def test_by_hand():
    """Reference gain 200 (mean of 100, 200, 300); thresholds 240 and 160 (±20 %); CAC 550/3
    (mean of the clients' costs); budgets ×1.2, ×1, ×0.8; a day costs 24000 × 2 / 218 × 1.5."""
    ex = cr.exercise(CUSTOMERS, prospecting_days=3)
    c = ex.customers
    assert c["role"].tolist() == ["client", "client", "client", "prospect", "prospect", "user"]
    assert c["tier"].tolist() == ["C", "B", "A", "A", "C", None]
    assert c["roi"].tolist()[:3] == [2.0, 0.5, 3.0] and c["roi"].iloc[3:].isna().all()  # a float column (issue 34)
    assert c["roi"].mean() == (2.0 + 0.5 + 3.0) / 3
    cac = (50 + 400 + 100) / 3
    day = 24000 * 2 / 218 * 1.5
    assert ex.facts["cac"] == pytest.approx(cac, rel=1e-15) and ex.facts["day_cost"] == pytest.approx(day)
    budget = [cac * 0.8, cac, cac * 1.2, cac * 1.2, cac * 0.8]
    assert c["effort_budget"].tolist()[:5] == pytest.approx(budget, rel=1e-15) and math.isnan(c["effort_budget"][5])
    days_d, days_e = cac * 1.2 / day, cac * 0.8 / day
    assert c["days_left"][3] == pytest.approx(days_d - 2.0) and c["days_left"][4] == pytest.approx(days_e)
    # the plan: d has spent 2 days of its 0.67: over budget, out of the plan and not counted;
    # e (0.44 days) fits in the 3 days
    assert c["in_plan"].tolist() == [None, None, None, False, True, None]
    assert ex.days_needed == pytest.approx(days_e) and ex.load == pytest.approx(days_e / 3)
    assert ex.plan["prospects"].tolist() == [0, 0, 1]
    assert ex.facts[["reference_gain", "clients", "prospects", "users"]].tolist() == [200.0, 3, 2, 1]
    assert ex.bands["customers"].tolist() == [1, 1, 1] and ex.bands["tier"].tolist() == ["A", "B", "C"]
    assert ex.review[["customer", "roi", "tier"]].values.tolist() == [["b", 0.5, "B"]]
    # d has spent 2 days of a budget of 0.67: over it, the limit of concessions
    assert ex.overrun[["customer", "tier", "days_spent"]].values.tolist() == [["d", "A", 2.0]]
    assert ex.overrun["ratio"][0] == pytest.approx(2.0 / days_d)


def test_the_documented_dtypes():
    ex = cr.exercise(CUSTOMERS)
    c = ex.customers
    assert [
        str(c[k].dtype) for k in ("role", "tier", "roi", "effort_budget", "effort_days", "days_left", "in_plan")
    ] == ["object", "object", "float64", "float64", "float64", "float64", "object"]
    assert ex.days_available is None and ex.load is None and c["in_plan"].tolist()[3:5] == [None, None]
    assert list(ex.bands.columns) == [
        "tier",
        "lower",
        "upper",
        "customers",
        "customer_share",
        "gain",
        "gain_share",
        "average_gain",
        "effort_budget",
        "effort_days",
    ]
    assert list(ex.plan.columns) == ["tier", "prospects", "effort_budget", "effort_days", "in_plan"]
    assert list(ex.pareto.columns) == ["customer_share", "gain_share"] and len(ex.pareto) == 21
    assert list(ex.concentration.index) == ["top_1_share", "top_5_share", "hhi", "verdict", "over_limit"]
    assert ex.balanced.dtype == float and len(ex.balanced) == 2 and ex.balanced_why is None
    assert CUSTOMERS.columns.tolist() == list(c.columns[:7])  # the input, unchanged, comes first


def test_a_zero_cost_is_div0_and_an_absent_optional_column_is_blank():
    ex = cr.exercise(
        CUSTOMERS.drop(columns=["days_spent", "expected_margin"]).assign(acquisition_cost=[0, 1, 1, 0, 0, 0])
    )
    roi = ex.customers["roi"]
    assert np.isnan(roi.iloc[0]) and roi.tolist()[1:3] == [200.0, 300.0]  # zero cost: no ratio (NaN)
    assert ex.customers["tier"].tolist()[3:5] == [None, None]  # prospects without an expected margin
    from client_roi.workbook.blocks import blocks

    column = blocks(ex, "en").columns["roi"]  # the workbook still shows Excel's #DIV/0! for it
    assert str(column[0]) == cr.DIV0 and column[1:3] == [200.0, 300.0] and column[3:] == [None, None, None]


@pytest.mark.parametrize(
    "change, argument, item, words",
    [
        ({"gross_margin": [100, "n/a", 300, None, None, None]}, "gross_margin", 1, "'n/a'"),
        ({"has_paid": ["yes", "maybe", "yes", "no", "no", None]}, "has_paid", 1, "'maybe'"),
        ({"acquisition_cost": [50, -1, 100, None, None, None]}, "acquisition_cost", 1, "≥ 0"),
    ],
)
def test_errors_name_the_column_and_the_row(change, argument, item, words):
    with pytest.raises(cr.ClientRoiError) as info:  # the method: by key and item, for a caller to place
        cr.method.exercise(CUSTOMERS.assign(**change))
    assert (info.value.argument, info.value.item) == (argument, item) and words in str(info.value)
    with pytest.raises(cr.ClientRoiError) as info:  # the DataFrame door: by the frame's row and column
        cr.exercise(CUSTOMERS.assign(**change))
    assert f"DataFrame row {item} (customer {item + 1}), column '{argument}'" in str(info.value)
    assert words in str(info.value)


def test_errors_name_the_parameter():
    with pytest.raises(cr.ClientRoiError) as info:
        cr.exercise(CUSTOMERS, trim=1.5)
    assert info.value.argument == "trim"


def test_to_excel_writes_what_fill_writes(tmp_path):
    customers = commands.sample_customers()
    cr.exercise(
        customers, band=[-0.4, -0.2, 0.2, 0.4], labels=["Or", "Argent", "Bronze", "Fer", "Bois"], prospecting_days=60
    ).to_excel(tmp_path / "notebook.xlsx", lang="fr")
    csv = tmp_path / "customers.csv"
    customers.rename(columns=lambda k: k).to_csv(csv, index=False)
    assert (
        cli.main(
            [
                "fill",
                str(csv),
                "-o",
                str(tmp_path / "fill.xlsx"),
                "--lang",
                "fr",
                "--band=-0.4;-0.2;0.2;0.4",
                "--labels",
                "Or;Argent;Bronze;Fer;Bois",
            ]
        )
        == 0
    )
    assert (tmp_path / "notebook.xlsx").read_bytes() == (tmp_path / "fill.xlsx").read_bytes()
    assert np.isfinite(cr.exercise(customers).facts["reference_gain"])
