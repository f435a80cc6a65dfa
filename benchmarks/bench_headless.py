"""The command line at the speed of its libraries, each job against a floor in the same run.

1. `client-roi fill` of N customers (CSV in, workbook out) vs XlsxWriter (constant_memory)
   writing the same table (the 14 columns the fill writes, with their number formats): the
   fastest trusted general-purpose writer: a peer doing the same writing, not a floor.
2. `client-roi refresh` of that workbook vs python-calamine reading it.
3. `client-roi --help` vs `python -c "import numpy"`.
(Targets: record.TARGETS, the one place the README reads them too.)
4. Peak memory (max RSS, GNU time) of fill and refresh, each in a process of its own, beside
   python-calamine's reading the book and XlsxWriter's writing it. Target: <= 2 GB each at
   1 000 000 customers.
5. The book's size against XlsxWriter's for the same cells.
6. With --growth: time and memory at 10 000, 100 000 and 1 000 000 customers.

Every job runs in a fresh interpreter (subprocess), alternated, median of --repeat runs.

    python benchmarks/bench_headless.py [--n 100000] [--repeat 3] [--growth]
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from record import TARGETS, Record  # noqa: E402  (beside this script)

XLSXWRITER = """
import sys, openpyxl, xlsxwriter
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name("Customers").to_python()
formats = {3: '#,##0 "€"', 4: '#,##0 "€"', 5: '#,##0 "€"', 6: "0.0", 9: "0.00", 10: '#,##0 "€"',
           11: '0.00 "d"', 12: '0.00 "d"'}
import time
t0 = time.perf_counter()
book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
sheet = book.add_worksheet("Customers")
styles = {c: book.add_format({"num_format": f}) for c, f in formats.items()}
for r, row in enumerate(rows):
    for c, v in enumerate(row):
        if v == "":
            continue
        if isinstance(v, str):
            sheet.write_string(r, c, v)
        else:
            sheet.write_number(r, c, v, styles.get(c))
book.close()
print(time.perf_counter() - t0)
"""

CALAMINE = """
import sys, time
t0 = time.perf_counter()
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1], load_tables=True)
for name in book.sheet_names:
    book.get_sheet_by_name(name).to_python()
print(time.perf_counter() - t0)
"""


def run(cmd: list[str]) -> tuple[float, float, str]:
    """Wall time of a command, its peak memory in MB (GNU time's max RSS) and what it printed."""
    t0 = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if out.returncode:
        raise SystemExit(out.stderr)
    return elapsed, int(out.stderr.strip().splitlines()[-1]) / 1024, out.stdout


def measure(n: int, repeat: int, verbose: bool) -> dict[str, Any]:
    """Every figure for N customers: medians of ``repeat`` alternated runs, peaks, sizes."""
    from bench_workbook import customers

    from client_roi.workbook import layout

    tmp = Path(tempfile.mkdtemp())
    csv = tmp / "customers.csv"
    customers(n).rename(columns={c.key: c.en for c in layout.INPUTS}).to_csv(csv, index=False)
    py = sys.executable
    fill = [py, "-m", "client_roi.cli", "fill", str(csv), "-o", str(tmp / "book.xlsx"), "--force"]
    refresh = [py, "-m", "client_roi.cli", "refresh", str(tmp / "book.xlsx"), "-o", str(tmp / "r.xlsx"), "--force"]
    times: dict[str, list[float]] = {k: [] for k in ("fill", "xlsxwriter", "refresh", "calamine", "help", "numpy")}
    memory: dict[str, float] = {}

    def floor(script: str, *args: str) -> tuple[float, float]:
        """A floor script's own timing (it prints it) and its process's peak memory."""
        _, peak, printed = run([py, "-c", script, *args])
        return float(printed), peak

    def peak(key: str, mb: float) -> None:  # the largest over the runs, not the last run's
        memory[key] = max(memory.get(key, 0.0), mb)

    for _ in range(repeat):
        t, mb, _ = run(fill)
        times["fill"].append(t)
        peak("fill", mb)
        t, mb = floor(XLSXWRITER, str(tmp / "book.xlsx"), str(tmp / "x.xlsx"))
        times["xlsxwriter"].append(t)
        peak("xlsxwriter", mb)
        t, mb, _ = run(refresh)
        times["refresh"].append(t)
        peak("refresh", mb)
        t, mb = floor(CALAMINE, str(tmp / "book.xlsx"))
        times["calamine"].append(t)
        peak("calamine", mb)
        times["help"].append(run([py, "-m", "client_roi.cli", "--help"])[0])
        times["numpy"].append(run([py, "-c", "import numpy"])[0])
    if verbose:
        print({k: [round(x, 2) for x in v] for k, v in times.items()})
    m: dict[str, Any] = {k: statistics.median(v) for k, v in times.items()}
    m["runs"] = times
    m.update({f"{k} MB": v for k, v in memory.items()})
    m["book MB"] = (tmp / "book.xlsx").stat().st_size / 1e6
    m["xlsxwriter book MB"] = (tmp / "x.xlsx").stat().st_size / 1e6
    shutil.rmtree(tmp)
    return m


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--growth",
        action="store_true",
        help="also how time and memory grow: 10 000, 100 000 and 1 000 000 customers, one run each",
    )
    ap.add_argument("--verbose", action="store_true", help="every run's time, not only the medians")
    ap.add_argument("--smoke", action="store_true", help="a tiny run that checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.repeat, args.growth = 300, 1, False
    m = measure(args.n, args.repeat, args.verbose)
    name = "bench_headless" if args.n == 100_000 else f"bench_headless.{args.n}"  # 10^6: a record of its own
    record = Record("bench_headless", {"customers": args.n, "repeat": args.repeat}, args.smoke, name)
    runs = m["runs"]
    peaks = {"peak MB": {k: m[f"{k} MB"] for k in ("fill", "refresh", "calamine", "xlsxwriter")}}
    record.ratio(
        "fill", "fill", runs["fill"], "XlsxWriter writing the same table (a peer)", runs["xlsxwriter"], **peaks
    )
    record.ratio("refresh", "refresh", runs["refresh"], "python-calamine reading the book", runs["calamine"], **peaks)
    record.ratio("help", "--help", runs["help"], "import numpy", runs["numpy"])
    print(f"{args.n:,} customers, median of {args.repeat} alternated runs")
    print(
        f"fill {m['fill']:.2f} s / XlsxWriter same table {m['xlsxwriter']:.2f} s = "
        f"{m['fill'] / m['xlsxwriter']:.2f}x (target <= {TARGETS['fill'][1]}x)"
    )
    print(
        f"refresh {m['refresh']:.2f} s / calamine read {m['calamine']:.2f} s = "
        f"{m['refresh'] / m['calamine']:.2f}x (target <= {TARGETS['refresh'][1]}x)"
    )
    print(
        f"--help {m['help']:.3f} s / import numpy {m['numpy']:.3f} s = "
        f"{m['help'] / m['numpy']:.2f}x (target <= {TARGETS['help'][1]}x)"
    )
    print(
        f"peak memory: fill {m['fill MB']:.0f} MB, refresh {m['refresh MB']:.0f} MB (target <= 2048 MB each); "
        f"python-calamine reading the book {m['calamine MB']:.0f} MB, XlsxWriter writing it "
        f"{m['xlsxwriter MB']:.0f} MB (with the read of the cells it writes)"
    )
    print(
        f"book {m['book MB']:.1f} MB / XlsxWriter's {m['xlsxwriter book MB']:.1f} MB = "
        f"{m['book MB'] / m['xlsxwriter book MB']:.2f}x (target <= {TARGETS['book size'][1]}x)"
    )
    record.figures.append(
        {"key": "book size", "ratio": m["book MB"] / m["xlsxwriter book MB"], "book MB": m["book MB"]}
    )
    record.save()
    if args.growth:
        print(
            "\n| customers | fill | / XlsxWriter | peak | refresh | / calamine | peak | calamine's peak "
            "| book | / XlsxWriter's |\n|" + " --- |" * 10
        )
        for n in (10_000, 100_000, 1_000_000):
            g = measure(n, 1, False)
            print(
                f"| {n:,} | {g['fill']:.2f} s | {g['fill'] / g['xlsxwriter']:.2f}x | {g['fill MB']:.0f} MB "
                f"| {g['refresh']:.2f} s | {g['refresh'] / g['calamine']:.2f}x | {g['refresh MB']:.0f} MB "
                f"| {g['calamine MB']:.0f} MB | {g['book MB']:.1f} MB "
                f"| {g['book MB'] / g['xlsxwriter book MB']:.2f}x |",
                flush=True,
            )


if __name__ == "__main__":
    main()
