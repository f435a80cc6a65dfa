"""The thirteen Excel functions, through xlwings.server's real Office.js dispatch."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import xlwings
from catalogue import CASES, EXCEL_NAME
from lite_calls import answers
from officejs import call
from xlwings import server

import client_roi as cr
from client_roi import functions as fx
from client_roi.excel.lite import write_bundle

DIV0 = {"type": "Error", "errorType": "Div0"}
POP = [[100], [100], [100]]  # mean 100 -> thresholds 80 and 120


def test_meta_lists_exactly_the_thirteen_functions_with_their_arguments():
    meta = server.custom_functions_meta(fx)
    funcs = {f["name"]: f for f in meta["functions"]}
    assert sorted(funcs) == sorted(EXCEL_NAME.values())
    signatures = {name: [(p["name"], p.get("optional", False)) for p in f["parameters"]] for name, f in funcs.items()}
    assert signatures == {
        "TIER": [("value", False), ("population", False), ("band", True), ("trim", True), ("labels", True)],
        "TIER_BANDS": [("population", False), ("band", True), ("trim", True), ("labels", True)],
        "BALANCED_BAND": [("population", False), ("tiers", True), ("trim", True)],
        "BAND_SWEEP": [("population", False), ("bands", True), ("trim", True)],
        "CAC_BY_TIER": [("cac", False), ("band", True), ("labels", True)],
        "PROSPECT_EFFORT": [
            ("expected_gain", False),
            ("population", False),
            ("cac", False),
            ("band", True),
            ("trim", True),
        ],
        "EFFORT_DAYS": [
            ("effort", False),
            ("annual_income", False),
            ("margin_rate", True),
            ("working_days", True),
            ("load_factor", True),
        ],
        "CLIENT_ROLE": [("should_pay", False), ("has_paid", False)],
        "TIER_MOBILITY": [("previous_tier", False), ("current_tier", False), ("labels", True), ("role", True)],
        "CLIENT_ROI": [("gain", False), ("acquisition_cost", False)],
        "CONCENTRATION": [("population", False), ("top_n", True)],
        "HHI": [("population", False)],
        "PROSPECT_POTENTIAL": [("attributes", False), ("client_attributes", False), ("client_gains", False)],
    }
    for f in funcs.values():
        assert f["description"] and "\n" not in f["description"]  # one-line tooltip
        for p in f["parameters"]:
            assert not p["description"].startswith("Positional argument")  # real help
    assert "Tier of each value" in funcs["TIER"]["description"]


def test_tier_scalar_column_row_and_grid():
    assert call(fx, "tier", 130, POP) == [["A"]]
    assert call(fx, "tier", [120, 119.99, 80, 79.99, None], POP) == [["A"], ["B"], ["B"], ["C"], [""]]
    assert call(fx, "tier", [[130, 100, 10]], POP) == [["A", "B", "C"]]
    assert call(fx, "tier", [[130, None], [10, 100]], POP, blank=None) == [["A", ""], ["C", "B"]]


def test_tier_with_offset_list_labels_and_trim():
    pop = [[60], [80], [100], [120], [140]]
    labels = [["Gold", "Silver", "Bronze", "Iron", "Tin"]]  # a row of labels
    band = [[-0.4, -0.2, 0.2, 0.4]]  # a row of offsets
    got = call(fx, "tier", [150, 139, 100, 79, 59], pop, band, None, labels)
    assert got == [["Gold"], ["Silver"], ["Bronze"], ["Iron"], ["Tin"]]
    # trim 0.4 of [10,20,30,40,1000] -> mean 30 -> 36 is in A; untrimmed mean 220 -> C
    pop = [10, 20, 30, 40, 1000]
    assert call(fx, "tier", 36, pop, None, 0.4) == [["A"]]
    assert call(fx, "tier", 36, pop) == [["C"]]


def test_tier_bands_table():
    got = call(fx, "tier_bands", [200, 120, 100, 90, 60, 30])
    assert got[0] == ["Tier", "From", "To", "Customers", "Share of customers", "Gain", "Share of gain", "Average gain"]
    assert got[1][:4] == ["A", 120.0, "", 2] and got[1][5] == 320 and got[1][7] == 160
    assert got[2][:4] == ["B", 80.0, 120.0, 2]
    assert got[3][:4] == ["C", "", 80.0, 2] and got[3][6] == pytest.approx(90 / 600)
    empty = call(fx, "tier_bands", [100, 100])
    assert empty[1][3] == 0 and empty[1][7] == ""  # empty tier: no average


def test_balanced_band_round_trips_as_band():
    pop = [10, 20, 30, 40, 100]
    offsets = call(fx, "balanced_band", pop)
    assert offsets == [pytest.approx([23.333333333 / 40 - 1, 36.666666667 / 40 - 1])]
    assert call(fx, "tier_bands", pop, offsets)[1][3] == 2  # A: 40, 100
    assert len(call(fx, "balanced_band", list(range(1, 21)), 5)[0]) == 4
    with pytest.raises(cr.ClientRoiError, match="BALANCED_BAND: tiers must be 3 or more in Excel"):
        call(fx, "balanced_band", pop, 2)


def test_cac_prospect_effort_and_effort_days():
    assert call(fx, "cac_by_tier", 1000) == [["Tier", "Effort budget"], ["A", 1200.0], ["B", 1000.0], ["C", 800.0]]
    assert call(fx, "cac_by_tier", [500, None, 1500], [[-0.4, -0.2, 0.2, 0.4]])[1:] == [
        ["A", 1400.0],
        ["B", 1300.0],
        ["C", 1000.0],
        ["D", 700.0],
        ["E", 600.0],
    ]
    assert call(fx, "prospect_effort", [130, 100, 10, None], POP, 1000) == [[1200.0], [1000.0], [800.0], [""]]
    days = call(fx, "effort_days", 1000, 24000)
    assert days == [[pytest.approx(3.0277777777)]]
    assert call(fx, "effort_days", [[600, None, 1500]], 36000, 0.6, 200, 2) == [[1.0, "", 2.5]]


def test_role_roi_concentration_hhi():
    assert call(fx, "client_role", ["yes", "Oui", "no", None, True], ["yes", "non", "yes", None, False]) == [
        ["client"],
        ["prospect"],
        ["user"],
        [""],
        ["prospect"],
    ]
    assert call(fx, "client_roi", [300, 10, None, 50], [100, 0, 5, 100]) == [[3.0], [DIV0], [""], [0.5]]
    assert call(fx, "concentration", [50, 30, 20]) == [[0.5]]
    assert call(fx, "concentration", [50, 30, 20], 2) == [[pytest.approx(0.8)]]
    assert call(fx, "hhi", [50, 30, 20]) == [[pytest.approx(0.38)]]


def test_blanks_sent_as_null_or_empty_string_are_the_same():
    for blank in ("", None):
        assert call(fx, "tier", [130, None], [100, None, 100], blank=blank) == [["A"], [""]]


EXCEL_CASES = [c for c in CASES if c[4]]


@pytest.mark.parametrize("name, args, words", [c[1:4] for c in EXCEL_CASES], ids=[c[0] for c in EXCEL_CASES])
def test_bad_input_catalogue_through_dispatch(name, args, words):
    excel = EXCEL_NAME[name]
    with pytest.raises(cr.ClientRoiError) as info:
        call(fx, fx.__all__[list(EXCEL_NAME).index(name)], *args)
    message = str(info.value)
    assert message.startswith(f"{excel}: ")
    for word in words:
        assert word in message


def test_no_pyodide_probe_per_cell(monkeypatch):
    """The JsNull probe xlwings runs per cell is answered once outside Pyodide."""
    import builtins

    attempts = []
    real_import = builtins.__import__

    def counting_import(name, *args, **kwargs):
        if name.startswith("pyodide"):
            attempts.append(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", counting_import)
    assert call(fx, "tier", list(range(1, 2001)), list(range(1, 2001)))[0] == ["C"]
    assert len(attempts) < 20  # a handful per call (per argument), not 4000 per cell
    assert xlwings.utils.is_jsnull(None) is False


# --- the Lite bundle ------------------------------------------------------------------------


def test_lite_bundle_answers_identically_in_a_fresh_interpreter(tmp_path):
    main, requirements = write_bundle(tmp_path / "lite")
    wanted = [line for line in requirements.read_text().splitlines() if line and not line.startswith("#")]
    assert wanted == ["xlwings>=0.33.20", "numpy", "pandas"]  # Lite's default xlwings and newer
    script = textwrap.dedent(f"""
        import json, sys
        sys.path[:0] = [{str(main.parent)!r}, {str(Path(__file__).parent)!r}]
        import main
        assert sys.modules["client_roi.method.bands"].__file__ == "<client_roi.method.bands>"  # self-contained
        import lite_calls
        print(json.dumps(lite_calls.answers(main)))
    """)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(XLWINGS_ON_SERVER="true", XLWINGS_LICENSE_KEY=os.environ["XLWINGS_LICENSE_KEY"])
    # -I: no user site, no cwd on the path: the bundle has to carry the package itself
    done = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lite = json.loads(done.stdout.strip().splitlines()[-1])
    assert lite == answers(fx)
    assert lite[-1].startswith("ClientRoiError: TIER: population item 2 is text 'abc'")
    assert sorted(f["name"] for f in server.custom_functions_meta(fx)["functions"]) == sorted(EXCEL_NAME.values())


def test_the_committed_lite_bundle_is_current(tmp_path):
    """lite/ is what `client-roi lite` makes from these sources (`make lite` rewrites it): the
    files a Lite user pastes, without installing anything."""
    main, requirements = write_bundle(tmp_path / "lite")
    committed = Path(__file__).resolve().parents[1] / "lite"
    assert (committed / "main.py").read_bytes() == main.read_bytes(), "run make lite"
    assert (committed / "requirements.txt").read_bytes() == requirements.read_bytes(), "run make lite"
