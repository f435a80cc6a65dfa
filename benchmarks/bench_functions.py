"""=TIER() over a 100 000-row column through xlwings.server's Office.js dispatch.

Compared in the same run with (1) the engine alone on the same numbers and (2) an identity
function with the same argument conversions, dispatched the same way: the floor that any
xlwings function pays to receive and return 100 000 cells. Target: TIER <= 1.3x identity.
Also shows what xlwings' per-cell Pyodide probe costs when it is not short-circuited.

    python benchmarks/bench_functions.py [--rows 100000] [--repeat 5]
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
import types
from pathlib import Path

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import numpy as np
import xlwings as xw
import xlwings.utils
from record import Record, alternated
from xlwings import server

import client_roi as cr
from client_roi.excel import functions as fx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from officejs import body

floor = types.ModuleType("floor")


@xw.func
@xw.arg("value", **fx.CELLS)
@xw.arg("population", **fx.CELLS)
def identity(value, population):
    return value


floor.identity = identity  # type: ignore[attr-defined]


def timed(fn, repeat):
    return statistics.median(runs_of(fn, repeat))


def runs_of(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--smoke", action="store_true", help="a tiny run that checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.rows, args.repeat = 200, 1
    gains = np.round(np.random.default_rng(3).lognormal(8, 1, args.rows), 2)
    column = [[g] for g in gains.tolist()]
    tier_body = body("tier", [column, column, None, None, None])
    identity_body = body("identity", [column, column])

    def run(data, module):
        return asyncio.run(server.custom_functions_call(data, module))

    times = alternated({"tier": lambda: run(tier_body, fx), "identity": lambda: run(identity_body, floor)}, args.repeat)
    t_tier, t_identity = statistics.median(times["tier"]), statistics.median(times["identity"])
    t_engine = timed(lambda: cr.tier(column, column), args.repeat)
    patched = xlwings.utils.is_jsnull
    xlwings.utils.is_jsnull = _original_is_jsnull
    t_unpatched = timed(lambda: run(identity_body, floor), 1)
    xlwings.utils.is_jsnull = patched
    print(f"rows: {args.rows:,}, median of {args.repeat} runs (xlwings {xw.__version__})")
    print(f"engine tier() on the same lists:         {t_engine * 1e3:8.1f} ms")
    print(f"identity through custom_functions_call:  {t_identity * 1e3:8.1f} ms  (floor)")
    print(f"TIER through custom_functions_call:      {t_tier * 1e3:8.1f} ms")
    print(f"ratio TIER / identity floor:             {t_tier / t_identity:8.2f}  (target <= 1.3)")
    print(f"identity without the JsNull short-cut:   {t_unpatched * 1e3:8.1f} ms  (xlwings as shipped)")
    record = Record("bench_functions", {"rows": args.rows, "repeat": args.repeat}, args.smoke)
    record.ratio(
        "tier function",
        "=TIER() through custom_functions_call",
        times["tier"],
        "an identity function, same conversions and dispatch",
        times["identity"],
        xlwings=xw.__version__,
    )
    record.save()


def _original_is_jsnull(value):
    # xlwings.utils.is_jsnull as shipped in 0.37: a failed import per call outside Pyodide
    try:
        from pyodide.ffi import JsNull  # type: ignore[import-not-found]  # only in Pyodide
    except ImportError:
        return False
    return isinstance(value, JsNull)


if __name__ == "__main__":
    main()
