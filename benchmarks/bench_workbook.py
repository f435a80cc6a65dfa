"""Workbook speed, each against a floor measured in the same run.

1. fill: `client-roi fill` of N customers (read CSV, template, refresh, save) vs
   ``pandas.DataFrame.to_excel`` (openpyxl engine) of the same rows: the 6 input columns
   (target <= 1.3x), and the 11-column table the fill writes (inputs + computed columns).
2. remote refresh: the @xw.script refresh of an N-customer book through xlwings' remote
   engine (xw.Book(json=...) + custom_scripts_call) vs the same engine reading the same inputs
   and writing same-sized outputs with no computation in between. Target <= 1.3x.

    python benchmarks/bench_workbook.py [--n 100000]
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
import types
from pathlib import Path

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import numpy as np
import pandas as pd
import xlwings as xw
from xlwings import server

from client_roi import cli, scripts
from client_roi.workbook import layout, refresh, template

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from officejs import book_payload


def customers(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    kind = rng.choice(["client", "prospect", "user"], n, p=[0.6, 0.3, 0.1])
    gross = np.round(rng.lognormal(8, 0.7, n))
    frame = pd.DataFrame(
        {
            "customer": [f"Customer {i:06d}" for i in range(n)],
            "should_pay": np.where(kind == "user", "no", "yes"),
            "has_paid": np.where(kind == "client", "yes", "no"),
            "gross_margin": np.where(kind == "client", gross, np.nan),
            "expected_margin": np.where(kind == "prospect", gross, np.nan),
            "acquisition_cost": np.where(kind == "client", np.round(rng.lognormal(7, 0.5, n)), np.nan),
        }
    )
    return frame.astype(object).where(frame.notna(), None)


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# The floor script: what any refresh must do with this engine, minus the computation.
floor = types.ModuleType("floor")


@xw.script
def read_write(book: xw.Book):
    adapter = refresh.XwBook(book)
    inputs = refresh.read(adapter)  # same reads
    n = inputs.table.nrows
    blank = refresh.Outputs(
        lang=inputs.lang,
        columns={c.key: [1.0] * n for c in layout.OUTPUTS},  # same-sized writes
        facts=[["x", 1.0]] * 6,
        bands=[["x"] * 10] * 4,
        concentration=[["x", 1.0]] * 5,
        pareto=[["x", 1.0]] * 21,
        review=[["x"] * 5] * 2,
        plan=[["x", 1, 1.0, 1.0]] * 7,
        sweep=[["x"] * 8] * 12,
        balanced=[["x", 1.0, 1.0]],
        overrun=[["x"] * 5] * 2,
    )
    refresh.write(adapter, inputs, blank)


floor.read_write = read_write


def run_script(module, name, payload):
    book = xw.Book(json=json.loads(payload))
    asyncio.run(server.custom_scripts_call(module, name, typehint_to_value={xw.Book: book}))
    return book.json()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    frame = customers(args.n)
    headers = {c.key: c.en for c in layout.INPUTS}
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp, "customers.csv")
        frame.rename(columns=headers).to_csv(csv, index=False)
        t_pandas = timed(lambda: frame.rename(columns=headers).to_excel(Path(tmp, "pandas.xlsx"), index=False))
        t_fill = timed(lambda: cli.main(["fill", str(csv), "-o", str(Path(tmp, "fill.xlsx"))]))
        # The same 11-column table the fill writes (inputs and computed columns), bare
        filled = pd.read_excel(Path(tmp, "fill.xlsx"), sheet_name=layout.SHEETS["customers"]["en"], engine="openpyxl")
        t_pandas11 = timed(lambda: filled.to_excel(Path(tmp, "pandas11.xlsx"), index=False))

    payload = json.dumps(book_payload(template.build("en", frame)))
    t_floor = timed(lambda: run_script(floor, "read_write", payload))
    t_refresh = timed(lambda: run_script(scripts, "refresh", payload))

    print(f"customers: {args.n:,}")
    print(f"pandas to_excel (floor):                 {t_pandas:7.2f} s")
    print(f"client-roi fill (read CSV, build, refresh, save): {t_fill:7.2f} s")
    print(f"ratio fill / to_excel:                   {t_fill / t_pandas:7.2f}  (target <= 1.3)")
    print(f"pandas to_excel of the filled 11 columns: {t_pandas11:7.2f} s")
    print(f"ratio fill / to_excel of the same table: {t_fill / t_pandas11:7.2f}")
    print(f"remote engine read + write only (floor): {t_floor:7.2f} s")
    print(f"remote engine refresh:                   {t_refresh:7.2f} s")
    print(f"ratio refresh / floor:                   {t_refresh / t_floor:7.2f}  (target <= 1.3)")


if __name__ == "__main__":
    main()
