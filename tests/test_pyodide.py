"""The xlwings Lite bundle in real Pyodide (Node), on the xlwings versions Lite users have.

Pyodide 0.27.7 (CPython 3.12, numpy 2.0.2, pandas 2.2.3: Lite's runtime) is fetched and checked
by ``scripts/fetch_test_assets.py`` (``make test`` runs it). ``wasm/harness.py`` loads main.py
as Lite's runtime does and answers every function call and the refresh script; the same harness
in a plain CPython (``-I``, without the installed package) answers the same requests. The two
must agree to the last bit: the engine's sums are correctly rounded (see engine's conventions).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from assets import fetched, require_pyodide
from lite_calls import LITE_CALLS
from officejs import body, book_payload
from test_refresh import CUSTOMERS

from client_roi.commands import sample_customers
from client_roi.excel.lite import MIN_XLWINGS, bundle_main
from client_roi.workbook import layout, template
from client_roi.workbook.openpyxl_book import OpenpyxlBook
from client_roi.workbook.refresh import refresh

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).parent / "wasm"  # not "pyodide": tests/ is on sys.path

VERSIONS = sorted(fetched.XLWINGS, key=lambda v: tuple(map(int, v.split("."))))


def test_lite_versions_cover_the_oldest_supported_and_the_newest():
    assert VERSIONS[0] == MIN_XLWINGS


def _scripts() -> list[dict]:
    """Refresh requests: a fresh book, a shrinking review, French five tiers, a bad cell."""
    fresh = template.build("en", CUSTOMERS)
    shrinking = template.build("en", CUSTOMERS)
    refresh(OpenpyxlBook(shrinking))
    for row in shrinking[layout.SHEETS["customers"]["en"]].iter_rows(min_row=2):
        if row[0].value == "Zeta":
            row[5].value = 1
    french = template.build("fr", sample_customers(), band=[-0.4, -0.2, 0.2, 0.4])
    bad = CUSTOMERS.copy()
    bad.loc[3, "expected_margin"] = "lots"
    return [book_payload(wb) for wb in (fresh, shrinking, french, template.build("en", bad))]


@pytest.fixture(scope="module")
def request_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pyodide") / "request.json"
    calls = [body(name, args) for name, args in LITE_CALLS]
    path.write_text(json.dumps({"main": bundle_main(), "calls": calls, "scripts": _scripts()}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cpython(request_file) -> dict:
    out = subprocess.run(
        [sys.executable, "-I", str(HERE / "harness.py"), str(request_file)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module", params=VERSIONS)
def pyodide(request, request_file) -> dict:
    require_pyodide()
    out = subprocess.run(
        [
            "node",
            str(HERE / "run.mjs"),
            str(fetched.pyodide_dir()),
            str(fetched.xlwings_wheel(request.param)),
            str(HERE / "harness.py"),
            str(request_file),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def test_it_is_lites_runtime(pyodide):
    v = pyodide["versions"]
    assert v["platform"] == "emscripten"
    assert v["python"].startswith("3.12.")
    assert (v["numpy"], v["pandas"]) == ("2.0.2", "2.2.3")
    assert v["xlwings"] in fetched.XLWINGS


def test_the_thirteen_functions_are_registered(pyodide):
    names = {f["name"] for f in pyodide["meta"]["functions"]}
    assert names == {
        "TIER",
        "TIER_BANDS",
        "BALANCED_BAND",
        "BAND_SWEEP",
        "CAC_BY_TIER",
        "PROSPECT_EFFORT",
        "EFFORT_DAYS",
        "CLIENT_ROLE",
        "CLIENT_ROI",
        "CONCENTRATION",
        "HHI",
        "TIER_MOBILITY",
        "PROSPECT_POTENTIAL",
    }


def test_every_function_answers_as_in_cpython(pyodide, cpython):
    assert len(pyodide["calls"]) == len(LITE_CALLS)
    for (name, _), got, want in zip(LITE_CALLS, pyodide["calls"], cpython["calls"], strict=True):
        assert got == want, name
    assert pyodide["calls"][-1].startswith("ClientRoiError: TIER: population item 2 is text 'abc'")


def test_refresh_script_writes_what_cpython_writes(pyodide, cpython):
    fresh, shrinking, french, bad = pyodide["scripts"]
    for got, want in zip(pyodide["scripts"], cpython["scripts"], strict=True):
        assert got == want
    assert isinstance(fresh, list) and any(a["func"] == "setValues" for a in fresh)
    assert any(a["func"] == "rangeClearContents" for a in shrinking)
    assert isinstance(french, list)
    assert bad.startswith("RefreshError: Customers!E5 (column 'Expected margin', customer row 4): is text 'lots'")
