"""Engine speed: tier + band summary of 1M gains vs a bare numpy floor, in the same run.

The floor is the least any implementation must do: one mean, one searchsorted into the
thresholds, two bincounts (counts and gain totals). The engine adds validation (finite,
no text), blanks, shares and averages. Reports the median of several runs and the ratio, and
the engine's peak traced memory against the input array's size.

    python benchmarks/bench_engine.py [--n 1000000] [--repeat 7]
"""

import argparse
import statistics
import time
import tracemalloc

import numpy as np

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


def median_time(fn, arg, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(arg)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    gains = np.random.default_rng(1).lognormal(8, 1, args.n)
    engine(gains)  # warm-up
    t_floor = median_time(floor, gains, args.repeat)
    t_engine = median_time(engine, gains, args.repeat)
    tracemalloc.start()
    engine(gains)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"gains: {args.n:,} lognormal, median of {args.repeat} runs")
    print(f"numpy floor (mean+searchsorted+bincount): {t_floor * 1e3:8.1f} ms")
    print(f"engine tier + tier_bands:                 {t_engine * 1e3:8.1f} ms")
    print(f"ratio engine / floor:                     {t_engine / t_floor:8.2f}  (target <= 3)")
    print(f"peak memory / input array:                {peak / gains.nbytes:8.2f}  (target <= 4)")


if __name__ == "__main__":
    main()
