"""Invoice lines to the per-customer table, at the size real files reach.

10 million lines (``Customer,Date,Amount``, 1 million customers, two years of dates, amounts
with cents) in a CSV; each run in a process of its own under GNU time (peak resident set):

* **floor**: DuckDB doing the same job on the same file with nothing checked (:data:`FLOOR`):
  the last day, then the two periods' sums and line counts per customer into a CSV;
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

from record import Record

#: The floor: DuckDB doing the same job on the same file, with nothing checked: the last day,
#: then per customer (the name rule's nearest SQL, trimmed and lower-cased) the two periods'
#: sums and line counts, written to a CSV, as read_lines leaves them.
FLOOR = """
import duckdb, sys, time
t = time.perf_counter()
con = duckdb.connect()
con.execute("SET preserve_insertion_order = false")
kinds = "{'Customer': 'VARCHAR', 'Date': 'DATE', 'Amount': 'DECIMAL(18,2)'}"
lines = f"read_csv('{sys.argv[1]}', header=true, columns={kinds})"
(end,) = con.execute(f"SELECT max(Date) FROM {lines}").fetchone()
start, before = f"DATE '{end}' - INTERVAL 12 MONTH", f"DATE '{end}' - INTERVAL 24 MONTH"
current, previous = f"Date > {start}", f"Date <= {start} AND Date > {before}"
con.execute(
    f"COPY (SELECT lower(trim(Customer)) AS customer, sum(CASE WHEN {current} THEN Amount END) AS cur, "
    f"sum(CASE WHEN {previous} THEN Amount END) AS prev, count(CASE WHEN {current} THEN 1 END) AS cur_lines, "
    f"count(CASE WHEN {previous} THEN 1 END) AS prev_lines FROM {lines} WHERE Date <= DATE '{end}' GROUP BY 1) "
    f"TO '{sys.argv[1]}.floor.csv' (FORMAT csv)"
)
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
    parser.add_argument("--smoke", action="store_true", help="a tiny run that checks the script works")
    args = parser.parse_args()
    if args.smoke:
        args.lines, args.repeat = 2000, 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.csv"
        make(path, args.lines)
        size = path.stat().st_size / 1e6
        results: dict[str, list[tuple[float, int]]] = {"floor": [], "lines": []}
        for _ in range(args.repeat):  # interleaved: both see the same machine
            results["floor"].append(run(FLOOR, path))
            results["lines"].append(run(OURS, path))
    print(f"{args.lines:,} lines, {size:,.0f} MB CSV, median of {args.repeat}")
    for name, runs in results.items():
        times = ", ".join(f"{t:.2f}" for t, _ in runs)
        median, peak = statistics.median(t for t, _ in runs), max(m for _, m in runs) / 1024
        print(f"  {name:<6} {median:6.2f} s ({times})  peak {peak:,.0f} MB")
    record = Record("bench_lines", {"lines": args.lines, "repeat": args.repeat}, args.smoke)
    record.ratio(
        "invoice lines",
        "read_lines (the two periods' sums per customer, the name rule)",
        [t for t, _ in results["lines"]],
        "DuckDB doing the same job into a CSV",
        [t for t, _ in results["floor"]],
        peak_MB={name: max(m for _, m in runs) / 1024 for name, runs in results.items()},
    )
    record.save()


if __name__ == "__main__":
    main()
