"""Command line: client-roi demo | ..."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

import pandas as pd

from . import engine

SAMPLE = "sample_customers.csv"


def sample_customers() -> pd.DataFrame:
    with resources.files("client_roi.data").joinpath(SAMPLE).open("rb") as f:
        return pd.read_csv(f)


def _demo(args: argparse.Namespace) -> int:
    frame = sample_customers()
    roles = engine.client_role(frame["Should pay"], frame["Has paid"])
    gains = frame.loc[roles == "client", "Gross margin"]
    summary = engine.tier_bands(gains, band=args.band, trim=args.trim)
    print(f"{len(gains)} paying clients, reference gain {summary.attrs['reference']:,.0f}")
    print(summary.to_string(index=False, float_format=lambda x: f"{x:,.2f}"))
    return 0


def _lite(args: argparse.Namespace) -> int:
    from .lite import write_bundle

    for path in write_bundle(Path(args.output)):
        print(f"wrote {path}")
    print("Paste main.py and requirements.txt into the xlwings Lite editor's tabs of the same names.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="client-roi", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="tier the built-in sample customers")
    demo.add_argument("--band", type=float, default=engine.DEFAULT_BAND)
    demo.add_argument("--trim", type=float, default=0.0)
    demo.set_defaults(run=_demo)
    lite = sub.add_parser("lite", help="write main.py + requirements.txt for xlwings Lite")
    lite.add_argument("-o", "--output", default="client_roi_lite", help="folder (default: %(default)s)")
    lite.set_defaults(run=_lite)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except engine.ClientRoiError as exc:
        print(f"client-roi: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
