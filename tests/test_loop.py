"""The decision loop, hand-computed on a small population, through the file pipeline and
through xlwings' remote engine (the Office.js book + custom_scripts_call).

Clients' gains 300, 100, 200, 400: mean 250, ±20 % thresholds 200 and 300; their costs 100, 200,
0, 500 give an average CAC of 200, so budgets A 240, B 200, C 160. One day costs
24 000 / 0.5 / 218 × 1.5 = 330.275… €.

Prospects (expected margin → tier, budget, days; days spent):
  P1 260 → B, 200, 0.6056; spent 1.0  (over: 1.0 / 0.6056 = 1.651)
  P2 350 → A, 240, 0.7267; spent 0.5
  P3 100 → C, 160, 0.4844; spent blank
  P4 320 → A, 240, 0.7267; spent 2.0  (over: 2.752, the worst)
  P5 blank → no tier, no budget; spent 3.0 (not followed up: nothing to compare with)
P1 and P4 have already spent more days than their budget: the limit of concessions, so they are
out of the plan whatever the days available, and take no place in it. With 1.5 prospecting
days: A first, largest margin first: P2 (0.7267), then C: P3 (1.2111 ≤ 1.5). Days needed: the
budgets of P2 and P3, 400 € = 1.2111 days; load 1.2111 / 1.5 = 0.8074.

The sweep of [300, 100, 200, 400]: ±5 %, ±10 %, ±15 % leave the middle tier empty (balance 0);
±20 % … ±50 % give 2-1-1 or 1-2-1 (balance 0.5); the most balanced is the first of those, ±20 %.
The balanced band for 3 tiers is the 1/3 and 2/3 quantiles, 200 and 300: offsets -0.2 and +0.2.
"""

from __future__ import annotations

import math

import openpyxl
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from officejs import book_payload, run_script

import client_roi as cr
from client_roi import cli, scripts
from client_roi.workbook import layout, template
from client_roi.workbook.openpyxl_book import OpenpyxlBook
from client_roi.workbook.refresh import refresh

DAY = 24000 / 0.5 / 218 * 1.5
COLUMNS = [c.key for c in layout.INPUTS]
CUSTOMERS = pd.DataFrame(
    [
        ["Alpha", "yes", "yes", 300, None, 100, None],
        ["P1", "yes", "no", None, 260, None, 1.0],
        ["Beta", "yes", "yes", 100, None, 200, None],
        ["P2", "yes", "no", None, 350, None, 0.5],
        ["Gamma", "yes", "yes", 200, None, 0, None],
        ["P3", "yes", "no", None, 100, None, None],
        ["P4", "yes", "no", None, 320, None, 2.0],
        ["P5", "yes", "no", None, None, None, 3.0],
        ["Zeta", "yes", "yes", 400, None, 500, None],
    ],
    columns=COLUMNS,
).astype(object)
PROSPECTS = {"P1": (200, 1.0, "no"), "P2": (240, 0.5, "yes"), "P3": (160, None, "yes"), "P4": (240, 2.0, "no")}


def _book(lang="en", **params):
    return template.build(lang, CUSTOMERS, prospecting_days=1.5, **params)


def _column(ws, key):
    col = 1 + [c.key for c in layout.COLUMNS].index(key)
    return {ws.cell(r, 1).value: ws.cell(r, col).value for r in range(2, 2 + len(CUSTOMERS))}


def _block(ws, at, rows, cols):
    r, c = at
    return [[ws.cell(r + i, c + j).value for j in range(cols)] for i in range(rows)]


@pytest.fixture(scope="module")
def refreshed():
    wb = _book()
    out = refresh(OpenpyxlBook(wb))
    return wb, out


def test_days_left_and_in_plan_columns(refreshed):
    wb, _ = refreshed
    ws = wb[layout.SHEETS["customers"]["en"]]
    left, plan = _column(ws, "days_left"), _column(ws, "in_plan")
    for name, (budget, spent, in_plan) in PROSPECTS.items():
        assert left[name] == pytest.approx(budget / DAY - (spent or 0), abs=1e-12), name
        assert plan[name] == in_plan, name
    for name in ("Alpha", "Beta", "Gamma", "Zeta", "P5"):  # clients, and a prospect with no budget
        assert left[name] is None and plan[name] is None


def test_plan_block(refreshed):
    wb, out = refreshed
    ws = wb[layout.SHEETS["tiers"]["en"]]
    rows = _block(ws, template.PLAN_AT, 7, 5)
    assert rows[0] == [layout.TEXT["en"]["plan_available"], None, None, 1.5, None]
    assert rows[1][0] == layout.TEXT["en"]["plan_load"] and rows[1][3] == pytest.approx(400 / DAY / 1.5) == out.load
    assert rows[2] == layout.TEXT["en"]["plan"]
    assert rows[3][:3] == ["A", 1, 240] and rows[3][3] == pytest.approx(240 / DAY)  # P4, over budget, is out
    assert rows[4][:3] == ["B", 0, 0] and rows[5][:3] == ["C", 1, 160]  # and so is P1
    assert rows[6][:3] == ["Total", 2, 400] and rows[6][3] == pytest.approx(400 / DAY) == out.days_needed
    # how many the 1.5 days hold: A's 0.73 d, then C's 0.48 d (1.21 d in all)
    assert [r[4] for r in rows[3:7]] == [1, 0, 1, 2]


def test_sweep_block_and_balanced_band(refreshed):
    wb, out = refreshed
    ws = wb[layout.SHEETS["tiers"]["en"]]
    rows = _block(ws, template.SWEEP_AT, 13, 8)
    assert rows[0] == ["Band", "Balance", "Clients A", "Share A", "Clients B", "Share B", "Clients C", "Share C"]
    assert [r[0] for r in rows[1:11]] == list(cr.engine.SWEEP)
    assert [r[1] for r in rows[1:11]] == [0, 0, 0] + [0.5] * 7
    assert [r[2::2] for r in rows[1:4]] == [[2, 0, 2]] * 3
    assert rows[4][2:8] == [2, 0.5, 1, 0.25, 1, 0.25]
    assert rows[5][2::2] == [1, 2, 1]
    assert rows[11][0] == "in use: ±20%" and rows[11][1] == 0.5 and rows[11][2::2] == [2, 1, 1]
    # the balanced band is a row too; it ties with the band in use, which is named the best
    assert rows[12][0].startswith("balanced: ±20") and rows[12][1] == 0.5
    assert out.best_band == 0.2 and out.best_kind == "in use"
    balanced = _block(ws, template.BALANCED_AT, 1, 3)[0]
    assert balanced[0] == "Balanced band, 3 tiers (copy into band):"
    assert balanced[1:] == pytest.approx([-0.2, 0.2])


def test_overrun_list_worst_first(refreshed):
    wb, _ = refreshed
    ws = wb[layout.SHEETS["review"]["en"]]
    rows = _block(ws, template.OVERRUN_AT, 4, 5)
    assert rows[0] == layout.TEXT["en"]["overrun"]
    assert rows[1][:2] == ["P4", "A"] and rows[1][2:] == pytest.approx([240 / DAY, 2.0, 2.0 / (240 / DAY)])
    assert rows[2][:2] == ["P1", "B"] and rows[2][2:] == pytest.approx([200 / DAY, 1.0, 1.0 / (200 / DAY)])
    assert rows[3] == [None] * 5


def test_remote_engine_writes_the_same(refreshed):
    """xw.Book(json=...) + custom_scripts_call: the actions carry the same blocks and columns."""
    wb, _ = refreshed
    fresh = _book()
    actions = run_script(scripts, "refresh", book_payload(fresh))
    cells = {}
    for a in actions:
        if a["func"] == "setValues":
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    cells[(a["sheet_position"], a["start_row"] + i + 1, a["start_column"] + j + 1)] = v
    for sheet_key, at, rows, cols in [
        ("tiers", template.PLAN_AT, 7, 4),
        ("tiers", template.SWEEP_AT, 12, 8),
        ("tiers", template.BALANCED_AT, 1, 3),
        ("review", template.OVERRUN_AT, 3, 5),
    ]:
        ws = wb[layout.SHEETS[sheet_key]["en"]]
        position = wb.sheetnames.index(ws.title)
        for i in range(rows):
            for j in range(cols):
                want = ws.cell(at[0] + i, at[1] + j).value
                got = cells.get((position, at[0] + i, at[1] + j), "")
                assert got == ("" if want is None else want), (sheet_key, i, j)


def test_band_balanced_word_in_the_workbook_and_the_cli(tmp_path, capsys):
    wb = _book("fr", band="équilibré", labels=["Or", "Argent", "Bronze", "Fer"])
    out = refresh(OpenpyxlBook(wb))
    assert [row[3] for row in out.bands[1:]] == [1, 1, 1, 1]  # four equal tiers of one client
    assert out.band_text.count(";") == 2  # three offsets, shown
    path = tmp_path / "c.csv"
    CUSTOMERS.rename(columns={c.key: c.en for c in layout.INPUTS}).to_csv(path, index=False)
    assert cli.main(["fill", str(path), "--band", "balanced", "--tiers", "2", "-o", str(tmp_path / "o.xlsx")]) == 0
    printed = capsys.readouterr().out
    # margins 100 to 400, mean 250: the balanced band of two tiers is the median, at +0 %
    assert "band in use: +0.0%, the most balanced of the sweep" in printed
    ws = openpyxl.load_workbook(tmp_path / "o.xlsx")[layout.SHEETS["parameters"]["en"]]
    assert "balanced" in [c.value for row in ws.iter_rows() for c in row]
    assert cli.main(["demo", "--tiers", "4", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "--tiers goes with --band balanced" in capsys.readouterr().err


def test_blank_prospecting_days_means_no_plan():
    wb = template.build("en", CUSTOMERS)
    ref = wb.defined_names["prospecting_days"].attr_text.split("!")[1].replace("$", "")
    wb[layout.SHEETS["parameters"]["en"]][ref].value = None
    out = refresh(OpenpyxlBook(wb))
    ws = wb[layout.SHEETS["customers"]["en"]]
    assert set(_column(ws, "in_plan").values()) == {None}
    assert out.load is None and out.plan[0][3] is None and out.plan[1][3] is None
    assert len(out.plan) == 2 + 1 + 3 + 1  # available, load, header, tiers, total


#: Labels the refresh writes in plainer words since that release (issue 18: say what HHI means).
RENAMED = {
    "HHI (Σ share²)": "HHI concentration index (Σ share², 0 to 1)",
    "HHI (Σ part²)": "Indice de concentration HHI (Σ part², 0 à 1)",
}


@pytest.mark.parametrize("name", ["before_the_loop.xlsx", "before_the_loop.fr.xlsx"])
def test_workbooks_made_before_the_loop_refresh_as_before(name, tmp_path):
    """The committed templates of the previous release: no Days spent, no new blocks or names."""
    from pathlib import Path

    src = Path(__file__).parent / "data" / name
    out = tmp_path / "out.xlsx"
    assert cli.main(["refresh", str(src), "-o", str(out)]) == 0
    before = openpyxl.load_workbook(src)
    after = openpyxl.load_workbook(out)
    tiers = layout.SHEETS["tiers"]["fr" if ".fr." in name else "en"]
    shares = {f"G{12 + j}" for j in range(3)}  # the share of gain of tiers A, B, C
    for ws in before.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                now = after[ws.title][cell.coordinate].value
                if ws.title == tiers and cell.coordinate in shares:
                    continue  # changed on purpose since (one rule for losses): checked below
                if isinstance(cell.value, float):  # the same computation, to the last bits of the old one's
                    assert now == pytest.approx(cell.value, rel=1e-12, abs=1e-12), (ws.title, cell.coordinate)
                else:
                    assert now == RENAMED.get(cell.value, cell.value), (ws.title, cell.coordinate)
    assert set(after.defined_names) == set(before.defined_names)
    # The share of gain counts a loss as nothing (fad46a8, "one rule for losses"): each tier's
    # positive gains over all positive gains, from the clients of the Customers table, by hand.
    table = after[layout.SHEETS["customers"]["fr" if ".fr." in name else "en"]]
    at = {layout.header_key(h, False): i for i, h in enumerate(next(table.iter_rows(max_row=1, values_only=True)))}
    role, margin, tier = at["role"], at["gross_margin"], at["tier"]  # this book's columns: no Days spent
    rows = [r for r in table.iter_rows(min_row=2, values_only=True) if r[role] == "client"]
    positive = {t: sum(max(r[margin], 0) for r in rows if r[tier] == t) for t in "ABC"}
    assert len(rows) == 124 and min(r[margin] for r in rows) < 0  # the book has losses: the rule shows
    total = sum(positive.values())
    got = [after[tiers][f"G{12 + j}"].value for j in range(3)]
    assert got == pytest.approx([positive[t] / total for t in "ABC"], rel=1e-12)
    assert got != pytest.approx([before[tiers][f"G{12 + j}"].value for j in range(3)], rel=1e-6)


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

populations = st.lists(st.floats(min_value=1, max_value=1e6), min_size=3, max_size=60)


@settings(max_examples=150, deadline=None)
@given(populations)
def test_balance_in_unit_interval_and_balanced_band_beats_every_sweep_row(population):
    sweep = cr.band_sweep(population)
    assert ((sweep["balance"] >= 0) & (sweep["balance"] <= 1)).all()
    try:
        offsets = cr.balanced_band(population, 3)
    except cr.ClientRoiError:
        assume(False)
    counts = (
        pd.Series(cr.tier(population, population, list(offsets))).value_counts().reindex(["A", "B", "C"], fill_value=0)
    )
    ties = pd.Series(population).duplicated(keep=False).any()
    assume(not ties)  # with equal gains a tier boundary cannot split them
    assert cr.balance(counts.to_numpy()) >= sweep["balance"].max() - 1e-12


plans = st.lists(st.tuples(st.integers(-1, 4), st.floats(0, 1e5), st.floats(0.01, 30)), min_size=0, max_size=40)


@settings(max_examples=200, deadline=None)
@given(plans, st.floats(0.1, 200))  # the schema's least prospecting days
def test_plan_never_exceeds_the_days_and_follows_its_order(items, available):
    rank = [r for r, _, _ in items]
    gain = [g for _, g, _ in items]
    days = [d for _, _, d in items]
    plan = cr.prospect_plan(rank, gain, days, available)
    taken = [i for i, v in enumerate(plan) if v]
    assert math.fsum(days[i] for i in taken) <= available
    assert all(plan[i] is None for i, r in enumerate(rank) if r < 0)
    order = sorted((i for i, r in enumerate(rank) if r >= 0), key=lambda i: (rank[i], -gain[i], i))
    flags = [plan[i] for i in order]
    assert flags == sorted(flags, reverse=True)  # yes … yes, then no … no: strict priority
    if False in flags:  # the first left out did not fit
        first_out = order[flags.index(False)]
        assert math.fsum(days[i] for i in taken) + days[first_out] > available


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 50) | st.none(), st.floats(0, 50) | st.none()), max_size=40))
def test_overrun_lists_exactly_the_prospects_over_budget_worst_first(items):
    budget = [b for b, _ in items]
    spent = [s for _, s in items]
    listed = cr.overrun(budget, spent).tolist()
    over = [i for i, (b, s) in enumerate(items) if b is not None and s is not None and s > b]
    assert sorted(listed) == over
    ratios = [spent[i] / budget[i] if budget[i] > 0 else math.inf for i in listed]
    assert ratios == sorted(ratios, reverse=True)


def test_band_sweep_through_the_office_js_dispatch():
    from officejs import call

    from client_roi import functions as fx

    table = call(fx, "band_sweep", [300, 100, 200, 400], [[0.1, 0.2, ""]])
    assert table == [
        ["Band", "Balance", "Clients A", "Share A", "Clients B", "Share B", "Clients C", "Share C"],
        [0.1, 0.0, 2, 0.5, 0, 0.0, 2, 0.5],
        [0.2, 0.5, 2, 0.5, 1, 0.25, 1, 0.25],
    ]
    assert call(fx, "band_sweep", [300, 100, 200, 400])[1:] == [
        [p, *row[1:]]
        for p, row in zip(
            cr.engine.SWEEP, call(fx, "band_sweep", [300, 100, 200, 400], [list(cr.engine.SWEEP)])[1:], strict=True
        )
    ]


def test_cli_summary_names_the_most_balanced_band_and_the_load(tmp_path, capsys):
    assert cli.main(["demo", "--prospecting-days", "40", "-o", str(tmp_path / "d.xlsx")]) == 0
    out = capsys.readouterr().out
    # the balanced band is a row of the sweep, and better than ±20 %: it is the one named
    assert "band in use: ±20%; most balanced: the balanced band (band = balanced)" in out
    # 12 sample prospects have spent more than their budget: out of the plan (checked with plain pandas)
    assert "prospect plan: 111.31 days needed for 40.00 available: load 278%" in out
