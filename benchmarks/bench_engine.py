"""Engine speed: tier + band summary of 1M gains vs a bare numpy floor, in the same run.

The floor is the least any implementation must do: one mean, one searchsorted into the
thresholds, two bincounts (counts and gain totals), with numpy's own (not correctly rounded)
sums. The engine adds validation (finite, no text), blanks, correctly rounded sums (engine
docstring), shares, averages and a label per gain. Two engine routes are timed:

* the public functions ``tier(gains, gains)`` then ``tier_bands(gains)`` (each validates the
  population and computes the reference gain);
* the refresh pipeline's route: ``bands`` once, ``Bands.tier_index`` and the labels, then
  ``band_summary``.

Runs are alternated (floor, functions, pipeline, floor, …) so that the machine's drift hits all
three alike; medians of the runs and their ratios are reported, and the engine's peak traced
memory against the input array's size. Target (issue 11): ratio <= 1.5.

    python benchmarks/bench_engine.py [--n 1000000] [--repeat 7]
"""

import argparse
import statistics
import time
import tracemalloc

import numpy as np
from record import Record

import client_roi as cr


def floor(gains: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = gains.mean()
    thresholds = mean * np.array([0.8, 1.2])
    idx = np.searchsorted(thresholds, gains, side="right")
    return np.bincount(idx, minlength=3), np.bincount(idx, weights=gains, minlength=3)


def engine(gains: np.ndarray):
    tiers = cr.tier(gains, gains)
    summary = cr.tier_bands(gains)
    return tiers, summary


def pipeline(gains: np.ndarray):
    b = cr.bands(gains)
    labels = np.array((*b.labels, None), dtype=object)[b.tier_index(gains)]
    return labels, cr.engine.band_summary(b, gains)


def all_times(fns, arg, repeat: int) -> list[list[float]]:
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, t in zip(fns, times, strict=True):
            t0 = time.perf_counter()
            fn(arg)
            t.append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=21)
    ap.add_argument("--smoke", action="store_true", help="a tiny run that checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.repeat = 1000, 1
    gains = np.random.default_rng(1).lognormal(8, 1, args.n)
    engine(gains)  # warm-up
    runs = all_times((floor, engine, pipeline), gains, args.repeat)
    t_floor, t_engine, t_pipeline = (statistics.median(t) for t in runs)
    tracemalloc.start()
    engine(gains)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"gains: {args.n:,} lognormal, median of {args.repeat} alternated runs")
    print(f"numpy floor (mean+searchsorted+bincount): {t_floor * 1e3:8.1f} ms")
    print(
        f"engine tier + tier_bands:                 {t_engine * 1e3:8.1f} ms  "
        f"{t_engine / t_floor:5.2f}x the floor (target <= 1.5)"
    )
    print(
        f"pipeline bands, labels, band_summary:     {t_pipeline * 1e3:8.1f} ms  "
        f"{t_pipeline / t_floor:5.2f}x the floor (target <= 1.5)"
    )
    print(f"peak memory / input array:                {peak / gains.nbytes:8.2f}  (target <= 4)")
    record = Record("bench_engine", {"gains": args.n, "repeat": args.repeat}, args.smoke)
    floor_name = "numpy's mean, searchsorted and bincounts"
    record.ratio("engine", "tier + tier_bands", runs[1], floor_name, runs[0], peak_per_input=peak / gains.nbytes)
    record.ratio("engine", "the pipeline's bands, labels, band_summary", runs[2], floor_name, runs[0])
    record.save()


if __name__ == "__main__":
    main()
