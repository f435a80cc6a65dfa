"""The refresh pipeline through xlwings' remote engine (the Office.js book payload and
xlwings.server.custom_scripts_call), with hand-computed expectations."""

import pandas as pd
import pytest
from officejs import book_payload, run_script

from client_roi import scripts
from client_roi.workbook import layout, template
from client_roi.workbook.openpyxl_book import OpenpyxlBook
from client_roi.workbook.refresh import RefreshError, refresh

DAY = 24000 / 0.5 / 218 * 1.5  # cost of one day: 330.275...
COLUMNS = [c.key for c in layout.INPUTS if c.key != "days_spent"]

# Clients' gains 300, 100, 200, 400: mean 250, thresholds 200 and 300.
# Client costs 100, 200, 0, 500: average CAC 200 -> budgets A 240, B 200, C 160.
CUSTOMERS = pd.DataFrame(
    [
        ["Alpha", "yes", "yes", 300, None, 100],  # A, ROI 3
        ["-Beta", "yes", "yes", 100, None, 200],  # C, ROI 0.5 (reviewed; name looks like a formula)
        ["Gamma", "oui", "oui", 200, None, 0],  # B, ROI #DIV/0!
        ['=HYPERLINK("http://x")', "yes", "no", None, 260, None],  # prospect, B by expected margin
        ["Eps", "no", None, None, None, None],  # user: no tier
        ["Zeta", "yes", "yes", 400, None, 500],  # A, ROI 0.8 (reviewed)
    ],
    columns=COLUMNS,
).astype(object)


def actions_by_cell(actions, sheet_position):
    """{(row, col): value} written by setValues on one sheet (0-based, as Office.js gets them)."""
    cells = {}
    for a in actions:
        if a["func"] == "setValues" and a["sheet_position"] == sheet_position:
            for i, row in enumerate(a["values"]):
                for j, v in enumerate(row):
                    cells[(a["start_row"] + i, a["start_column"] + j)] = v
    return cells


@pytest.fixture(scope="module")
def remote():
    wb = template.build("en", CUSTOMERS)
    payload = book_payload(wb)
    return wb, run_script(scripts, "refresh", payload)


def sheet_index(wb, key, lang="en"):
    return wb.sheetnames.index(layout.SHEETS[key][lang])


def test_computed_columns_hold_hand_computed_values(remote):
    wb, actions = remote
    cells = actions_by_cell(actions, sheet_index(wb, "customers"))
    col = {c.key: i for i, c in enumerate(layout.COLUMNS)}

    def column(key):
        return [cells[(r, col[key])] for r in range(1, 7)]

    assert column("role") == ["client", "client", "client", "prospect", "user", "client"]
    assert column("tier") == ["A", "C", "B", "B", "", "A"]
    assert column("roi") == [3.0, 0.5, "#DIV/0!", "", "", 0.8]
    assert column("effort_budget") == [240.0, 160.0, 200.0, 200.0, "", 240.0]
    assert column("effort_days") == pytest.approx([240 / DAY, 160 / DAY, 200 / DAY, 200 / DAY, "", 240 / DAY])


def test_no_action_touches_an_input_column(remote):
    wb, actions = remote
    customers = sheet_index(wb, "customers")
    first_computed = len(layout.INPUTS)
    for a in actions:
        if a["sheet_position"] == customers:
            assert a["start_column"] >= first_computed, a
            assert a["start_row"] >= 1  # nor the header
    assert sheet_index(wb, "parameters") not in {a["sheet_position"] for a in actions}


def test_blocks_hold_hand_computed_values(remote):
    wb, actions = remote
    tiers = actions_by_cell(actions, sheet_index(wb, "tiers"))
    r, c = (x - 1 for x in template.FACTS_AT)
    assert [tiers[(r + i, c + 1)] for i in range(6)] == [250.0, 4, 1, 1, 200.0, pytest.approx(DAY)]
    r, c = (x - 1 for x in template.BANDS_AT)
    rows = [[tiers[(r + i, c + j)] for j in range(10)] for i in range(4)]
    assert rows[0][0] == "Tier"
    assert rows[1][:8] == ["A", 300.0, "", 2, 0.5, 700.0, 0.7, 350.0]
    assert rows[2][:8] == ["B", 200.0, 300.0, 1, 0.25, 200.0, 0.2, 200.0]
    assert rows[3][:8] == ["C", "", 200.0, 1, 0.25, 100.0, 0.1, 100.0]
    assert [row[8] for row in rows[1:]] == [240.0, 200.0, 160.0]
    r, c = (x - 1 for x in template.CONCENTRATION_AT)
    assert [tiers[(r + i, c + 1)] for i in range(5)] == [
        0.4,
        1.0,
        pytest.approx(0.16 + 0.09 + 0.04 + 0.01),
        "concentrated",
        "yes",
    ]
    r, c = (x - 1 for x in template.PARETO_AT)
    # 4 clients (400, 300, 200, 100): 25 % of clients -> 1 client -> 0.4; 50 % -> 0.7; 100 % -> 1
    steps = {tiers[(r + 1 + i, c)]: tiers[(r + 1 + i, c + 1)] for i in range(21)}
    assert steps[0.25] == pytest.approx(0.4) and steps[0.5] == pytest.approx(0.7) and steps[1.0] == 1.0


def test_review_lists_losing_clients_worst_first_as_text(remote):
    wb, actions = remote
    review = actions_by_cell(actions, sheet_index(wb, "review"))
    r, c = (x - 1 for x in template.REVIEW_AT)
    assert [review[(r + 1, c + j)] for j in range(5)] == ["'-Beta", 100.0, 200.0, 0.5, "C"]
    assert [review[(r + 2, c + j)] for j in range(5)] == ["Zeta", 400.0, 500.0, 0.8, "A"]
    assert (r + 3, c) not in review
    clears = [
        a for a in actions if a["func"] == "rangeClearContents" and a["sheet_position"] == sheet_index(wb, "review")
    ]
    assert clears and clears[0]["row_count"] >= 3  # stale rows of a longer list are cleared


@pytest.mark.parametrize("fixed, stale_rows", [(["Zeta"], 3), (["Zeta", "-Beta"], 3)])
def test_remote_refresh_clears_the_rows_of_a_longer_previous_review(fixed, stale_rows):
    """Found with Range.end('down'), which remote books have on every xlwings (no used_range)."""
    wb = template.build("en", CUSTOMERS)
    refresh(OpenpyxlBook(wb))  # the review now lists -Beta and Zeta
    ws = wb[layout.SHEETS["customers"]["en"]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in fixed:
            row[5].value = 1  # cost 1: ROI far above 1
    actions = run_script(scripts, "refresh", book_payload(wb))
    review = sheet_index(wb, "review")
    clears = [
        a
        for a in actions
        if a["func"] == "rangeClearContents"
        and a["sheet_position"] == review
        and a["start_column"] == template.REVIEW_AT[1] - 1
    ]
    assert [(c["start_row"], c["row_count"]) for c in clears] == [(template.REVIEW_AT[0] - 1, stale_rows)]
    written = actions_by_cell(actions, review)
    listed = 2 - len(fixed)  # none listed: one line says why (issue 34)
    assert max(r for r, _ in written) == template.REVIEW_AT[0] - 1 + max(listed, 1)
    if not listed:
        assert "every client brings at least what it cost" in written[(template.REVIEW_AT[0], 0)]


def test_remote_refresh_matches_openpyxl_refresh():
    """One pipeline: the file adapter writes what the remote book was told to write."""
    wb = template.build("en", CUSTOMERS)
    actions = run_script(scripts, "refresh", book_payload(wb))
    refresh(OpenpyxlBook(wb))
    ws = wb[layout.SHEETS["customers"]["en"]]
    cells = actions_by_cell(actions, sheet_index(wb, "customers"))
    for (r, c), v in cells.items():
        got = ws.cell(r + 1, c + 1).value
        assert (got if got is not None else "") == (v if v != "#DIV/0!" else got), (r, c)


def test_bad_row_raises_with_location_and_writes_nothing():
    bad = CUSTOMERS.copy()
    bad.loc[3, "expected_margin"] = "lots"
    wb = template.build("en", bad)
    with pytest.raises(
        RefreshError, match=r"Customers!E5 \(column 'Expected margin', customer row 4\): is text 'lots'"
    ):
        run_script(scripts, "refresh", book_payload(wb))
    book_payload_before = book_payload(wb)
    with pytest.raises(RefreshError):
        refresh(OpenpyxlBook(wb))
    assert book_payload(wb) == book_payload_before


@pytest.mark.parametrize(
    "param, value, match",
    [
        ("band", [-0.2, 0.2, 0.1], r"Parameters!D4 \(parameter 'band'\)"),
        ("trim", [1.5], r"Parameters!B7 \(parameter 'trim'\): trim must be in \[0, 1\)"),
        ("labels", ["A", "B"], r"Parameters!B10 \(parameter 'labels'\): labels has 2 item"),
        ("margin_rate", [2], r"Parameters!B19 \(parameter 'margin_rate'\)"),
    ],
)
def test_bad_parameter_names_its_cell(param, value, match):
    wb = template.build("en", CUSTOMERS, **{param: value})
    with pytest.raises(RefreshError, match=match):
        refresh(OpenpyxlBook(wb))


def test_bad_flag_and_negative_cost_name_their_cells():
    bad = CUSTOMERS.copy()
    bad.loc[1, "should_pay"] = "perhaps"
    with pytest.raises(RefreshError, match=r"Customers!B3 \(column 'Should pay', customer row 2\): is text 'perhaps'"):
        refresh(OpenpyxlBook(template.build("en", bad)))
    bad = CUSTOMERS.copy()
    bad.loc[5, "acquisition_cost"] = -5
    with pytest.raises(RefreshError, match=r"Customers!F7 .*costs must be ≥ 0"):
        refresh(OpenpyxlBook(template.build("en", bad)))


def test_no_clients_is_explained_and_no_costs_gives_no_budgets():
    users = CUSTOMERS.assign(should_pay="no")
    with pytest.raises(RefreshError, match="no paying client has a gross margin"):
        refresh(OpenpyxlBook(template.build("en", users)))
    no_costs = CUSTOMERS.assign(acquisition_cost=None)
    # No acquisition cost anywhere is no reason to stop: no budget, day or plan, all else computed.
    out = refresh(OpenpyxlBook(template.build("en", no_costs)))
    assert not out.budgets and set(out.columns["effort_budget"]) == {None} and set(out.columns["in_plan"]) == {None}
    assert [r[8:] for r in out.bands[1:]] == [[None, None]] * 3 and out.facts[4][1] is None
    assert (
        all(r[1:] == [None, None, None, None] for r in out.plan[3:])
        and out.columns["tier"] == refresh(OpenpyxlBook(template.build("en", CUSTOMERS))).columns["tier"]
    )
    out = refresh(OpenpyxlBook(template.build("en", no_costs, cac=1000)))
    assert out.columns["effort_budget"][0] == 1200.0


def test_five_tiers_and_french_workbook_through_remote_engine():
    wb = template.build("fr", CUSTOMERS, band=[-0.5, -0.2, 0.2, 0.5], labels=["Or", "Argent", "Bronze", "Fer", "Zinc"])
    actions = run_script(scripts, "refresh", book_payload(wb))
    cells = actions_by_cell(actions, sheet_index(wb, "customers", "fr"))
    tier_col = [c.key for c in layout.COLUMNS].index("tier")
    role_col = [c.key for c in layout.COLUMNS].index("role")
    # thresholds 125, 200, 300, 375: 300 -> Argent, 100 -> Zinc, 200 -> Bronze, 260 -> Bronze, 400 -> Or
    assert [cells[(r, tier_col)] for r in range(1, 7)] == ["Argent", "Zinc", "Bronze", "Bronze", "", "Or"]
    assert cells[(5, role_col)] == "utilisateur"
    tiers = actions_by_cell(actions, sheet_index(wb, "tiers", "fr"))
    r, c = (x - 1 for x in template.BANDS_AT)
    assert tiers[(r, c)] == "Catégorie" and tiers[(r + 5, c)] == "Zinc"


def test_table_without_a_column_is_refused():
    wb = template.build("en", CUSTOMERS)
    ws = wb[layout.SHEETS["customers"]["en"]]
    ws["D1"] = "Margin typo"
    with pytest.raises(RefreshError, match="has no column 'Gross margin'"):
        refresh(OpenpyxlBook(wb))


def test_lite_bundle_refresh_script_gives_the_same_actions(tmp_path):
    import json
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    from client_roi.excel.lite import write_bundle

    main, _ = write_bundle(tmp_path / "lite")
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps(book_payload(template.build("en", CUSTOMERS))))
    script = textwrap.dedent(f"""
        import json, sys
        sys.path[:0] = [{str(main.parent)!r}, {str(Path(__file__).parent)!r}]
        import main
        from officejs import run_script
        assert sys.modules["client_roi.workbook.refresh"].__file__ == "<client_roi.workbook.refresh>"
        print(json.dumps(run_script(main, "refresh", json.load(open({str(payload)!r})))))
    """)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    lite_actions = json.loads(done.stdout.strip().splitlines()[-1])
    assert lite_actions == json.loads(json.dumps(run_script(scripts, "refresh", json.loads(payload.read_text()))))
