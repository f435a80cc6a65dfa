"""Workbook speed, each against a floor measured in the same run.

1. fill: `client-roi fill` of N customers (read CSV, template, refresh, save) vs
   ``pandas.DataFrame.to_excel`` (openpyxl engine) of the same rows' 6 input columns: a peer
   that writes less, not a floor (bench_headless has the floor of the same table).
2. remote refresh: the @xw.script refresh of an N-customer book through xlwings' remote
   engine (xw.Book(json=...) + custom_scripts_call) vs the same engine reading the same inputs
   and writing the same outputs (computed beforehand): the floor of the same work, with no
   computation in between. Target <= 1.3x. Both alternated, median of --repeat runs.

    python benchmarks/bench_workbook.py [--n 100000] [--repeat 3] [--smoke]
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import types
from pathlib import Path

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import numpy as np
import pandas as pd
import xlwings as xw
from record import Record, alternated
from xlwings import server

from client_roi import cli
from client_roi.excel import scripts
from client_roi.workbook import layout, refresh, template
from client_roi.workbook.blocks import Outputs
from client_roi.workbook.xw_book import XwBook

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


# The floor script: what any refresh must do with this engine, minus the computation: the same
# reads, and the writes of the very outputs the refresh writes (computed beforehand, untimed).
floor = types.ModuleType("floor")
OUTPUTS: list[Outputs] = []


@xw.script
def read_write(book: xw.Book):
    adapter = XwBook(book)
    inputs = refresh.read(adapter)  # same reads
    refresh.write(adapter, inputs, OUTPUTS[0])  # same writes


floor.read_write = read_write  # type: ignore[attr-defined]


def run_script(module, name, payload):
    book = xw.Book(json=json.loads(payload))
    asyncio.run(server.custom_scripts_call(module, name, typehint_to_value={xw.Book: book}))
    return book.json()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--smoke", action="store_true", help="a tiny run that checks the script works; no record")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.repeat = 200, 1
    record = Record("bench_workbook", {"customers": args.n}, args.smoke)
    frame = customers(args.n)
    headers = {c.key: c.en for c in layout.INPUTS}
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp, "customers.csv")
        frame.rename(columns=headers).to_csv(csv, index=False)
        fill = Path(tmp, "fill.xlsx")
        times = alternated(
            {
                "to_excel": lambda: frame.rename(columns=headers).to_excel(Path(tmp, "pandas.xlsx"), index=False),
                "fill": lambda: cli.main(["fill", str(csv), "-o", str(fill), "--force"]),
            },
            args.repeat,
        )
    record.ratio(
        "fill against pandas",
        "client-roi fill (read CSV, build, refresh, save)",
        times["fill"],
        "pandas to_excel of the 6 input columns (a peer)",
        times["to_excel"],
    )

    zb = template.book("en", frame)
    payload = json.dumps(book_payload(template.build("en", frame)))
    OUTPUTS.append(zb.refresh())
    times = alternated(
        {
            "floor": lambda: run_script(floor, "read_write", payload),
            "refresh": lambda: run_script(scripts, "refresh", payload),
        },
        args.repeat,
    )
    record.ratio(
        "remote refresh",
        "the remote engine's refresh",
        times["refresh"],
        "the same reads and writes of the same outputs",
        times["floor"],
    )
    record.save()


if __name__ == "__main__":
    main()
