"""client-roi: the three-tier exercise workbook from the command line.

  client-roi demo                      fill the template with the built-in sample customers
  client-roi fill CUSTOMERS.csv|.xlsx  fill the template with your customers and refresh it
  client-roi refresh BOOK.xlsx         refresh an edited workbook (Excel's Refresh, headless)
  client-roi template                  write the template (sample customers, refreshed)
  client-roi lite                      write main.py + requirements.txt for xlwings Lite
  client-roi xlam [--install]          build client_roi.xlam, the ribbon add-in (and install it)
  client-roi install                   build the add-in and copy it to Excel's XLSTART folder
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

import pandas as pd

from . import engine, files, layout
from .refresh import RefreshError
from .xlam import AddinError

SAMPLE = "sample_customers.csv"


def sample_customers() -> pd.DataFrame:
    with resources.as_file(resources.files("client_roi.data").joinpath(SAMPLE)) as path:
        return files.read_customers(Path(path))


def _band(text: str) -> float | list[float]:
    """'0.2' is ±20 %; '-0.4,-0.2,0.2,0.4' (or with ';') are offsets."""
    parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"band must be numbers, got {text!r}") from None
    return values[0] if len(values) == 1 else values


def _progress(done: int, total: int) -> None:
    print(f"\rwriting customers: {done:,}/{total:,} ({done / total:.0%})", end="", file=sys.stderr, flush=True)


def _fill(customers: pd.DataFrame, args: argparse.Namespace, inputs: tuple[Path, ...] = ()) -> int:
    from . import template

    big = len(customers) >= 20_000 and sys.stderr.isatty()
    wb = template.build(args.lang, customers, progress=_progress if big else None,
                        band=args.band, trim=args.trim, labels=args.labels)
    if big:
        print(file=sys.stderr)
    out = template.refresh_workbook(wb)
    path = files.save(wb, Path(args.output), force=args.force, inputs=inputs)
    print(f"wrote {path} ({len(customers):,} customers)")
    _summary(out)
    return 0


def _summary(out) -> None:
    """The tiers at a glance, as the Tiers sheet shows them."""
    facts = dict(out.facts)
    first = out.facts[0]
    print(f"{first[0]}: {first[1]:,.0f}; " + ", ".join(f"{k}: {v}" for k, v in list(facts.items())[1:4]))
    header, *rows = out.bands
    print(f"{header[0]:<10}{header[3]:>9}{header[4]:>18}{header[6]:>15}{header[8]:>23}{header[9]:>15}")
    for r in rows:
        print(f"{r[0]:<10}{r[3]:>9}{r[4]:>18.1%}{r[6]:>15.1%}{r[8]:>23,.0f}{r[9]:>15.1f}")


def _cmd_fill(args: argparse.Namespace) -> int:
    source = Path(args.customers)
    return _fill(files.read_customers(source), args, inputs=(source,))


def _cmd_demo(args: argparse.Namespace) -> int:
    return _fill(sample_customers(), args)


def _cmd_template(args: argparse.Namespace) -> int:
    from . import template

    wb = template.make_workbook(args.lang, sample_customers())
    print(f"wrote {files.save(wb, Path(args.output), force=args.force)}")
    return 0


def _cmd_refresh(args: argparse.Namespace) -> int:
    from . import template

    source = Path(args.book)
    wb = files.load_workbook(source)
    template.refresh_workbook(wb)
    target = Path(args.output) if args.output else source.with_name(source.stem + ".refreshed.xlsx")
    print(f"wrote {files.save(wb, target, force=args.force, inputs=(source,))}")
    return 0


def _cmd_lite(args: argparse.Namespace) -> int:
    from .lite import write_bundle

    for path in write_bundle(Path(args.output)):
        print(f"wrote {path}")
    print("Paste main.py and requirements.txt into the xlwings Lite editor's tabs of the same names.")
    return 0


def _cmd_xlam(args: argparse.Namespace) -> int:
    from . import xlam

    built = xlam.build(Path(args.output))
    print(f"wrote {built}")
    if args.install:
        print(f"installed {xlam.install(built, force=args.force)}; restart Excel to see the Client ROI tab")
    return 0


def _cmd_install(args: argparse.Namespace) -> int:
    args.install, args.output = True, args.output or "."
    return _cmd_xlam(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="client-roi", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    def output(p, default: str | None):
        p.add_argument("-o", "--output", default=default,
                       help="file to write" + (" (default: %(default)s)" if default else ""))
        p.add_argument("--force", action="store_true", help="replace the output if it exists")

    def options(p):
        p.add_argument("--lang", choices=layout.LANGS, default="en")
        p.add_argument("--band", type=_band, default=None, help="0.2, or offsets like -0.4,-0.2,0.2,0.4")
        p.add_argument("--trim", type=float, default=None, help="share trimmed from the mean, e.g. 0.1")
        p.add_argument("--labels", type=lambda t: [x.strip() for x in t.split(",")], default=None,
                       help="tier labels, top first, e.g. Gold,Silver,Bronze")

    demo = sub.add_parser("demo", help="fill the template with the built-in sample customers")
    options(demo)
    output(demo, "client_roi_demo.xlsx")
    demo.set_defaults(run=_cmd_demo)

    fill = sub.add_parser("fill", help="fill the template with customers from a CSV or XLSX file")
    fill.add_argument("customers")
    options(fill)
    output(fill, "client_roi.xlsx")
    fill.set_defaults(run=_cmd_fill)

    refresh = sub.add_parser("refresh", help="refresh an edited workbook")
    refresh.add_argument("book")
    output(refresh, None)
    refresh.set_defaults(run=_cmd_refresh)

    template = sub.add_parser("template", help="write the template workbook")
    template.add_argument("--lang", choices=layout.LANGS, default="en")
    output(template, "three_tier_exercise.xlsx")
    template.set_defaults(run=_cmd_template)

    lite = sub.add_parser("lite", help="write main.py + requirements.txt for xlwings Lite")
    lite.add_argument("-o", "--output", default="client_roi_lite", help="folder (default: %(default)s)")
    lite.set_defaults(run=_cmd_lite)

    addin = sub.add_parser("xlam", help="build client_roi.xlam, the desktop add-in with the Client ROI tab")
    addin.add_argument("-o", "--output", default=".", help="folder (default: current)")
    addin.add_argument("--install", action="store_true", help="also copy it to Excel's XLSTART folder")
    addin.add_argument("--force", action="store_true", help="replace an installed add-in")
    addin.set_defaults(run=_cmd_xlam)

    install = sub.add_parser("install", help="build the add-in and copy it to Excel's XLSTART folder")
    install.add_argument("-o", "--output", default=None, help="folder for the built add-in (default: current)")
    install.add_argument("--force", action="store_true", help="replace an installed add-in")
    install.set_defaults(run=_cmd_install)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (engine.ClientRoiError, RefreshError, files.InputFileError, FileExistsError, AddinError) as exc:
        print(f"client-roi: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
