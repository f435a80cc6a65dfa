"""Invoice lines to the per-customer table, at the size real files reach.

10 million lines (``Customer,Date,Amount``, 1 million customers, two years of dates, amounts
with cents) in a CSV; each run in a process of its own under GNU time (peak resident set):

* **floor**: DuckDB's own ``read_csv`` + ``GROUP BY`` of the same file (sum, count, first and
  last date per customer): what the engine does with nothing checked;
* **lines**: ``client_roi.files.lines.read_lines`` (sniffing, the whole-column rules, exact sums
  of the current and previous periods).

Run: ``python benchmarks/bench_lines.py [--lines 10000000] [--repeat 3]``. Prints the median
times, their ratio and the peak memory of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FLOOR = """
import duckdb, sys, time
t = time.perf_counter()
duckdb.sql("SELECT Customer, sum(Amount), count(*), min(Date), max(Date) FROM read_csv(?) GROUP BY Customer",
           params=[sys.argv[1]]).fetchnumpy()
print(time.perf_counter() - t)
"""
OURS = """
import sys, time
from client_roi.files.lines import read_lines
t = time.perf_counter()
read_lines(sys.argv[1])
print(time.perf_counter() - t)
"""


def make(path: Path, n: int) -> None:
    import duckdb

    customers = max(1, n // 10)
    duckdb.sql(
        f"""COPY (SELECT 'C' || lpad(CAST(hash(i) % {customers} AS VARCHAR), 7, '0') AS Customer,
                   DATE '2024-01-01' + CAST(hash(i * 7 + 1) % 730 AS INTEGER) AS Date,
                   (CAST(hash(i * 13 + 5) % 505000 AS BIGINT) - 5000) / 100 AS Amount
                 FROM range({n}) t(i)) TO '{path}' (HEADER, DELIMITER ',')"""
    )


def run(code: str, path: Path) -> tuple[float, int]:
    """(seconds, peak KB) of one run in a fresh process."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1]), int(out.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.csv"
        make(path, args.lines)
        size = path.stat().st_size / 1e6
        results = {"floor": [], "lines": []}
        for _ in range(args.repeat):  # interleaved: both see the same machine
            results["floor"].append(run(FLOOR, path))
            results["lines"].append(run(OURS, path))
    floor = statistics.median(t for t, _ in results["floor"])
    ours = statistics.median(t for t, _ in results["lines"])
    print(f"{args.lines:,} lines, {size:,.0f} MB CSV, median of {args.repeat}")
    for name, runs in results.items():
        times = ", ".join(f"{t:.2f}" for t, _ in runs)
        median, peak = statistics.median(t for t, _ in runs), max(m for _, m in runs) / 1024
        print(f"  {name:<6} {median:6.2f} s ({times})  peak {peak:,.0f} MB")
    print(f"  ratio lines / DuckDB floor: {ours / floor:.2f}x")


if __name__ == "__main__":
    main()
