"""Issue 36, item 1: every benchmark is code that runs. Each script runs here at a tiny size
(``--smoke``: it completes and prints its ratio, and writes no record); ``make bench`` runs them
at full size. A script broken by a change of the package fails here, not on the day someone
wants a figure (bench_functions and bench_workbook were, for a week)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted(p.name for p in (ROOT / "benchmarks").glob("bench_*.py"))
#: What each prints when it worked: its ratios with their targets (record.Record.ratio).
SAID = {
    "bench_engine.py": "x (target <= 1.5x)",
    "bench_functions.py": "x (target <= 1.3x)",
    "bench_headless.py": "x (target <= 3.15x)",
    "bench_lines.py": "x (target <= 1.5x)",
    "bench_live.py": "x (no target: the ratio, honestly)",
    "bench_potential.py": "| CDNow, 100 |",
    "bench_sources.py": "ratio",
    "bench_workbook.py": "x (target <= 1.3x)",
}


def test_every_script_is_smoked():
    assert set(SCRIPTS) == set(SAID) and len(SCRIPTS) == 8


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_benchmark_runs_at_a_tiny_size(script, tmp_path):
    if script == "bench_sources.py":
        from postgres import _bindir

        if _bindir() is None:  # its PostgreSQL half needs the server the tests start
            from components import require

            require("postgresql", "PostgreSQL is not installed (no initdb or pg_ctl found)")
    records = ROOT / "benchmarks" / "records"
    before = sorted(records.glob("*.json")) if records.exists() else []
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--smoke"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert SAID[script] in run.stdout, run.stdout
    after = sorted(records.glob("*.json")) if records.exists() else []
    assert after == before  # a smoke run records nothing


def test_the_readme_figures_come_from_the_records():
    """The performance page's table is the generator's over the committed records (its staleness notes
    aside: they depend on the history a clone has)."""
    import json
    import re

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import readme

    records = sorted((ROOT / "benchmarks" / "records").glob("*.json"))
    records = [p for p in records if json.loads(p.read_text(encoding="utf-8"))["script"] not in readme.ACCURACY]
    figures = sum(len(json.loads(p.read_text(encoding="utf-8"))["figures"]) for p in records)
    assert len(records) >= 5 and figures >= 10
    made = readme.table()
    assert made.count("\n") == figures + 1  # a header, its rule, a row a figure
    text = readme.PAGE.read_text(encoding="utf-8")
    shown = text.split(readme.BEGIN, 1)[1].split(readme.END, 1)[0].strip()

    def plain(table: str) -> str:
        return re.sub(r" \((?:stale|measured on)[^)]*\)", "", table)

    assert plain(shown) == plain(made)


def test_the_readme_shows_the_potentials_record():
    """Issue 32, item 4: the README's table of the estimate's accuracy is bench_potential's over
    its committed record, with the baseline beside each figure; on CDNow the attributes predict
    (better than the median, the range near 80 %), on Superstore the gate fires."""
    import json

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_potential

    record = json.loads((ROOT / "benchmarks" / "records" / "bench_potential.json").read_text(encoding="utf-8"))
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = text.split(bench_potential.BEGIN, 1)[1].split(bench_potential.END, 1)[0].strip()
    assert shown == bench_potential.table(record["figures"])
    cdnow = [f for f in record["figures"] if f["data"] == "CDNow"]
    superstore = [f for f in record["figures"] if f["data"] == "Superstore"]
    assert all(f["predicts"] and f["mae"] < f["baseline_mae"] and abs(f["coverage"] - 0.8) < 0.1 for f in cdnow)
    assert superstore and not any(f["predicts"] for f in superstore)
