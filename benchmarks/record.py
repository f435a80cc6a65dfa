"""What every benchmark shares: one set of targets, the median of alternated runs, and a JSON
record of each figure (commit, machine, sizes, every run's time, the ratio, the target), written
to ``benchmarks/records/`` by ``make bench``; ``--smoke`` runs a script at a tiny size and writes
nothing (``make test`` runs every script so, tests/test_benchmarks.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "benchmarks" / "records"

#: Each figure's target, by its key: the one place the scripts and the README read them.
TARGETS = {
    "fill": ("<=", 0.62, "issue 21: fill / XlsxWriter writing the same table (a peer, not a floor)"),
    "refresh": ("<=", 3.15, "issue 21: refresh / python-calamine reading the book"),
    "help": ("<=", 2.0, "--help / import numpy"),
    "fill against pandas": ("<=", 1.3, "fill / pandas to_excel of the 6 input columns (a peer that writes less)"),
    "book size": ("<=", 1.2, "the book / XlsxWriter's of the same cells"),
    "tier function": ("<=", 1.3, "=TIER() / an identity function, same dispatch"),
    "remote refresh": ("<=", 1.3, "the remote refresh / the same engine writing the same outputs"),
    "engine": ("<=", 1.5, "issue 11"),
    "invoice lines": ("<=", 1.5, "issue 34: the invoice-line route / DuckDB doing the job into a CSV"),
    # no target: the ratio, honestly (above 1 the pushdown pays; on one machine it may not)
    "pushdown": ("", None, "the lines read out and summed here / the aggregation pushed down to PostgreSQL"),
    "parquet past memory": ("<=", 2048, "peak MB of 10^8 Parquet lines under DuckDB's 2 GB limit"),
    # no target on the ratio: the live book's own is under 30 s at 10,000 customers (bench_live asserts it)
    "live book": ("", None, "issue 33: a live book / the Python workbook, each recalculated by LibreOffice"),
}


def median_of(runs: list[float]) -> float:
    return statistics.median(runs)


def alternated(jobs: dict[str, Callable[[], Any]], repeat: int) -> dict[str, list[float]]:
    """Each job's times over ``repeat`` rounds, the jobs alternated within a round (no job
    always first on a cold cache)."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(repeat):
        for name, job in jobs.items():
            t0 = time.perf_counter()
            job()
            times[name].append(time.perf_counter() - t0)
    return times


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


class Record:
    """The figures of one run of one script; :meth:`save` writes them (unless a smoke run)."""

    def __init__(self, script: str, sizes: dict[str, int], smoke: bool, name: str | None = None):
        self.script, self.sizes, self.smoke = script, sizes, smoke
        self.name = name or script  # the record's file: a script measured at two sizes keeps both
        self.figures: list[dict[str, Any]] = []

    def ratio(self, key: str, what: str, runs: list[float], floor: str, floor_runs: list[float], **more: Any) -> float:
        """A figure: ``what`` against ``floor``, medians of their runs; printed with its target."""
        ratio = median_of(runs) / median_of(floor_runs)
        op, target, why = TARGETS[key]
        wanted = f"target {op} {target}x" if target is not None else "no target: the ratio, honestly"
        self.figures.append(
            {
                "key": key,
                "what": what,
                "runs": runs,
                "floor": floor,
                "floor_runs": floor_runs,
                "ratio": ratio,
                "target": f"{op} {target}",
                "why": why,
                **more,
            }
        )
        shown = f"{median_of(runs):.3f} s / {floor}: {median_of(floor_runs):.3f} s"
        print(f"{what}: {shown} = {ratio:.2f}x ({wanted})")
        return ratio

    def save(self) -> Path | None:
        if self.smoke:
            return None
        RECORDS.mkdir(exist_ok=True)
        path = RECORDS / f"{self.name}.json"
        record = {
            "script": self.script,
            "commit": _git("rev-parse", "HEAD"),
            "dirty": bool(_git("status", "--porcelain", "--", "addin")),
            "date": dt.date.today().isoformat(),
            "machine": {"system": platform.platform(), "cpus": os.cpu_count(), "python": sys.version.split()[0]},
            "sizes": self.sizes,
            "figures": self.figures,
        }
        path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"recorded {path.relative_to(ROOT)}")
        return path
