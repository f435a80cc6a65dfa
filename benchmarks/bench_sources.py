"""Invoice lines where they live, at scale (``make bench``; not a timed test).

* **DuckDB, past memory**: 10^8 lines in Parquet (10^6 customers, amounts DECIMAL(10,2)) to the
  per-customer table under a 2 GB DuckDB memory limit, in a process of its own under GNU time
  (peak resident set).
* **PostgreSQL, pushdown**: 10^7 lines in a throwaway server (Debian's binaries, as the tests
  start it): ``read_database`` (the aggregation runs in PostgreSQL, per-customer rows come back)
  against reading the lines out (``COPY … TO STDOUT`` into a local CSV) and summing them here
  with ``read_lines``, for 10 and for 100 lines a customer; the ratio is why the aggregation
  goes where the lines are (here the server is on the same machine: no network to cross).

Run: ``python benchmarks/bench_sources.py [--parquet-lines 100000000] [--pg-lines 10000000]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from record import Record, alternated

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

READ = """
import sys, time
from client_roi.files.lines import read_lines
t = time.perf_counter()
r = read_lines(sys.argv[1])
print(time.perf_counter() - t, len(r.totals.customer))
"""


def make_parquet(path: Path, n: int) -> None:
    import duckdb

    con = duckdb.connect(config={"memory_limit": "2GB"})
    con.execute(
        f"""COPY (SELECT 'C' || lpad(CAST(hash(i) % {max(1, n // 100)} AS VARCHAR), 7, '0') AS Customer,
                   DATE '2024-01-01' + CAST(hash(i * 7 + 1) % 730 AS INTEGER) AS Date,
                   CAST((CAST(hash(i * 13 + 5) % 505000 AS BIGINT) - 5000) / 100 AS DECIMAL(10, 2)) AS Amount
                 FROM range({n}) t(i)) TO '{path}' (FORMAT parquet)"""
    )
    con.close()


def parquet_bench(n: int, record: Record) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lines.parquet"
        t = time.perf_counter()
        make_parquet(path, n)
        made = time.perf_counter() - t
        env = {**os.environ, "CLIENT_ROI_DUCKDB_MEMORY": "2GB"}
        out = subprocess.run(
            ["/usr/bin/time", "-f", "%M", sys.executable, "-c", READ, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        seconds, customers = out.stdout.split()
        peak = int(out.stderr.strip().splitlines()[-1]) / 1024
        size = path.stat().st_size / 1e9
        print(
            f"DuckDB, {n:,} lines in Parquet ({size:.1f} GB, written in {made:.0f} s), memory limit 2 GB: "
            f"{float(seconds):.1f} s, {int(customers):,} customers, peak {peak:,.0f} MB"
        )
        record.figures.append(
            {
                "key": "parquet past memory",
                "what": f"{n:,} lines in Parquet to the per-customer table",
                "seconds": float(seconds),
                "peak MB": peak,
                "limit MB": 2048,
            }
        )


def pg_bench(n: int, customers: int, repeat: int, record: Record) -> None:
    import psycopg
    from postgres import PASSWORD, server

    from client_roi.files.lines import read_lines
    from client_roi.files.sources import read_database

    os.environ["PGPASSWORD"] = PASSWORD
    with server() as (url, _), tempfile.TemporaryDirectory() as folder:
        with psycopg.connect(url, autocommit=True) as con:
            t = time.perf_counter()
            con.execute(
                f"""CREATE TABLE invoices AS SELECT 'C' || lpad((abs(hashint4(i)) % {customers})::text, 7, '0')
                        AS customer, DATE '2024-01-01' + abs(hashint4(i * 7 + 1)) % 730 AS day,
                        ((abs(hashint4(i * 13 + 5)) % 505000) - 5000) / 100.0 AS amount
                    FROM generate_series(1, {n}) AS i"""
            )
            con.execute("ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(10, 2)")
            con.execute("ANALYZE invoices")
            loaded = time.perf_counter() - t
        local = Path(folder) / "lines.csv"
        got: dict[str, Any] = {}

        def pushed_down() -> None:
            got["pushed"] = read_database(url, table="invoices")

        def read_out() -> None:
            with psycopg.connect(url) as con, open(local, "wb") as f:
                with con.cursor().copy("COPY invoices TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
                    for chunk in copy:
                        f.write(chunk)
            got["here"] = read_lines(local)

        # alternated, both on the same server and cache: the first round warms it for both
        times = alternated({"pushed": pushed_down, "read out": read_out}, repeat)
        assert len(got["pushed"].totals.customer) == len(got["here"].totals.customer)
        print(f"PostgreSQL, {n:,} lines (made in {loaded:.0f} s), {len(got['pushed'].totals.customer):,} customers:")
        record.ratio(
            "pushdown",
            f"the lines read out (COPY) and summed here, {n // customers} lines a customer",
            times["read out"],
            "the aggregation pushed down",
            times["pushed"],
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parquet-lines", type=int, default=100_000_000)
    parser.add_argument("--pg-lines", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a tiny run that checks the script works")
    args = parser.parse_args()
    if args.smoke:
        args.parquet_lines, args.pg_lines, args.repeat = 2000, 2000, 1
    sizes = {"parquet lines": args.parquet_lines, "postgresql lines": args.pg_lines}
    record = Record("bench_sources", sizes, args.smoke)
    if args.pg_lines:  # 10 and 100 lines a customer
        for customers in (args.pg_lines // 10, args.pg_lines // 100):
            pg_bench(args.pg_lines, customers, args.repeat, record)
    if args.parquet_lines:
        parquet_bench(args.parquet_lines, record)
    record.save()


if __name__ == "__main__":
    main()
