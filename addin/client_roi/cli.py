"""client-roi: the three-tier exercise workbook from the command line.

client-roi demo                      fill the template with the built-in sample customers
client-roi fill CUSTOMERS.csv|.xlsx  fill the template with your customers and refresh it
client-roi fill --transactions LINES the same from invoice lines (customers summed per period)
client-roi customers --transactions LINES -o customers.csv
                                     the per-customer table the fill would use, to inspect
client-roi refresh BOOK.xlsx         refresh an edited workbook (Excel's Refresh, headless)
client-roi template                  write the template (sample customers, refreshed)
client-roi lite                      write main.py + requirements.txt for xlwings Lite
client-roi xlam [--install]          build client_roi.xlam, the ribbon add-in (and install it)
client-roi install                   build the add-in and copy it to Excel's XLSTART folder
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .commands import (
    CSV_DIALECTS,
    _cmd_customers,
    _cmd_demo,
    _cmd_fill,
    _cmd_refresh,
    _cmd_template,
)
from .files.options import OptionError
from .report import say
from .schema.parameters import default as default_value
from .schema.parameters import interval


def _cmd_lite(args: argparse.Namespace) -> int:
    from .excel.lite import write_bundle

    for path in write_bundle(Path(args.output)):
        say(f"wrote {path}")
    say("Paste main.py and requirements.txt into the xlwings Lite editor's tabs of the same names.")
    return 0


def _cmd_xlam(args: argparse.Namespace) -> int:
    from .excel import xlam

    built = xlam.build(Path(args.output))
    say(f"wrote {built}")
    if args.install:
        say(f"installed {xlam.install(built, force=args.force)}; restart Excel to see the Client ROI tab")
    return 0


def _cmd_install(args: argparse.Namespace) -> int:
    args.install, args.output = True, args.output or "."
    return _cmd_xlam(args)


BAND_HELP = (
    "0.2 (or 0,2) for tiers at ±20%% of the mean gain; or 2 to 9 increasing offsets separated by "
    "';' or spaces for more tiers: --band=\"-0.4;-0.2;0.2;0.4\" (write --band= when the value starts "
    "with a minus sign; a comma is always a decimal comma); or balanced: tiers of equal size"
)


def _default(name: str) -> str:
    value = default_value(name)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _rule(name: str) -> str:
    """A parameter's constraint as its option's help says it: ``(0, 366]``."""
    return interval(name).text()


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors on one line like every other failure."""

    def error(self, message: str):
        self.exit(2, f"client-roi: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="client-roi", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output(p, default: str | None, what: str = "workbook", metavar: str = "OUT.xlsx"):
        p.add_argument(
            "-o",
            "--output",
            default=default,
            metavar=metavar,
            help=f"{what} to write" + (" (default: %(default)s)" if default else ""),
        )
        p.add_argument("--force", action="store_true", help="replace OUT if it exists (a regular file only)")

    def lines_options(p, required: bool = False):
        p.add_argument(
            "--transactions",
            metavar="LINES",
            required=required,
            help="invoice lines (Customer, Date, Amount or Gross margin): a text export, an .xlsx "
            "(its Transactions table, else its first sheet), a .parquet or a folder of them, a DuckDB "
            "database or a postgresql:// URL (with --table or --query); customers are summed per period",
        )
        p.add_argument("--to", default=None, metavar="DATE", help="last day of the period (default: the latest line)")
        p.add_argument("--months", default=None, metavar="N", help="length of the period in months (default: 12)")
        p.add_argument(
            "--customers",
            dest="customers_file",
            default=None,
            metavar="FILE",
            help="a customer file merged by name: acquisition costs, days spent, free users, prospects",
        )
        p.add_argument(
            "--table",
            default=None,
            metavar="NAME",
            help="with a database (a postgresql:// URL or a .duckdb file): the table of lines",
        )
        p.add_argument(
            "--query",
            default=None,
            metavar="SQL",
            help="with a database: a query that returns the lines (instead of --table)",
        )
        p.add_argument(
            "--engine",
            choices=("duckdb", "spark"),
            default="duckdb",
            help="where Parquet lines are summed: DuckDB here (default), or Spark (PySpark and Java 17)",
        )
        p.add_argument(
            "--spark-master",
            default=None,
            metavar="URL",
            help="with --engine spark: local[*] (default) or spark://host:7077",
        )
        p.add_argument(
            "--date-format",
            choices=("dmy", "mdy", "ymd"),
            default=None,
            help="the order of the dates' parts, when the dates cannot tell (03/04/2025 alone)",
        )

    def currency_option(p):
        p.add_argument(
            "--currency",
            default=None,
            metavar="SIGN",
            help="the currency of the amounts: € $ £ CHF ¥ or EUR USD GBP JPY (default: what the file "
            "shows, else €); a workbook parameter, changed there at any time",
        )

    def options(p):
        p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the workbook (default: en)")
        p.add_argument("--band", default=None, help=BAND_HELP)
        currency_option(p)
        p.add_argument(
            "--trim",
            default=None,
            metavar="SHARE",
            help="share of clients left out of the mean, half from each end (Excel TRIMMEAN), e.g. 0.1; "
            f"in {_rule('trim')}; default 0",
        )
        p.add_argument(
            "--labels",
            default=None,
            metavar="A;B;C",
            help="tier labels, top tier first, separated by ';' (or ','), as many as tiers: "
            "Gold;Silver;Bronze (default A, B, C, ...)",
        )
        p.add_argument(
            "--tiers",
            type=int,
            default=None,
            metavar="N",
            help="with --band balanced: the number of tiers, 2 to 10 (default: as many as the labels, else 3)",
        )
        p.add_argument(
            "--prospecting-days",
            default=None,
            metavar="DAYS",
            help="days per year available for prospecting: the prospect plan fits the prospects "
            f"in them, best tier first; in {_rule('prospecting_days')} (default: the template's "
            f"{_default('prospecting_days')}); none: no plan",
        )
        for option, metavar, text in [
            (
                "cac",
                "MONEY",
                f"the average cost of winning a client, in {_rule('cac')} (default: the mean of the clients' "
                "acquisition costs; with neither, the workbook has no effort budgets)",
            ),
            (
                "annual_income",
                "MONEY",
                f"the annual income of whoever prospects, in {_rule('annual_income')} "
                f"(default: {_default('annual_income')})",
            ),
            (
                "margin_rate",
                "RATE",
                f"the share of income that is margin, in {_rule('margin_rate')} or as 50%% "
                f"(default: {_default('margin_rate')})",
            ),
            (
                "working_days",
                "DAYS",
                f"working days a year, in {_rule('working_days')} (default: {_default('working_days')})",
            ),
            (
                "load_factor",
                "FACTOR",
                f"the overheads on a day of work, in {_rule('load_factor')} (default: {_default('load_factor')})",
            ),
        ]:
            p.add_argument("--" + option.replace("_", "-"), default=None, metavar=metavar, help=text)

    demo = sub.add_parser("demo", help="fill the template with the built-in sample customers")
    options(demo)
    output(demo, "client_roi_demo.xlsx")
    demo.set_defaults(run=_cmd_demo)

    fill = sub.add_parser("fill", help="fill the template with customers from a text export or a workbook")
    fill.add_argument(
        "customers",
        metavar="CUSTOMERS",
        nargs="?",
        help="a CSV / semicolon CSV / CSV UTF-8 / Unicode Text export (.csv .txt .tsv), or an "
        ".xlsx/.xlsm (its Customers table, else its first sheet)",
    )
    lines_options(fill)
    fill.add_argument(
        "--decimal",
        choices=(".", ","),
        default=None,
        help="the decimal separator of the file's numbers, when they cannot tell (1.234 alone)",
    )
    fill.add_argument(
        "--column",
        action="append",
        metavar='"OURS=THEIRS"',
        help="the file's header for one of our columns, when its name does not say it: --column \"Gross "
        'margin=Marge (k€)" (repeatable)',
    )
    fill.add_argument(
        "--sheet",
        default=None,
        help="the sheet of a workbook to read (default: the Customers table, "
        "else a table or the first sheet naming our columns)",
    )
    fill.add_argument(
        "--status",
        action="append",
        metavar='"WORD=ROLE"',
        help="what a word of the file's Status column means, when no rule reads it: --status \"Free "
        'trial=prospect" (roles: client, prospect, lost, user; repeatable)',
    )
    fill.add_argument(
        "--merge-duplicates",
        action="store_true",
        help="a customer listed more than once is one customer: add up its rows' numbers (default: refuse the file)",
    )
    fill.add_argument(
        "--encoding",
        default=None,
        help="the text encoding of the file, when it cannot be told (e.g. cp1252, mac_roman)",
    )
    options(fill)
    output(fill, "client_roi.xlsx")
    fill.set_defaults(run=_cmd_fill)

    listing = sub.add_parser(
        "customers", help="write the per-customer table of invoice lines as a CSV (what fill would use)"
    )
    lines_options(listing, required=True)
    flags: list[tuple[str, dict[str, Any]]] = [
        (
            "--decimal",
            {"choices": (".", ","), "default": None, "help": "the decimal separator, when numbers cannot tell"},
        ),
        ("--column", {"action": "append", "metavar": '"OURS=THEIRS"', "help": "a header for one of our columns"}),
        ("--sheet", {"default": None, "help": "the sheet of a workbook to read"}),
        ("--encoding", {"default": None, "help": "the text encoding of the file, when it cannot be told"}),
    ]
    for flag, kwargs in flags:
        listing.add_argument(flag, **kwargs)
    listing.add_argument(
        "--csv-dialect",
        choices=tuple(CSV_DIALECTS),
        default=None,
        help="the CSV written: excel-fr (; separator, decimal comma, UTF-8 with a BOM: what French Excel opens with "
        "a double click), excel-en (, and decimal point, UTF-8 with a BOM), plain (, and point, UTF-8); "
        "default: excel-fr with --lang fr, else excel-en",
    )
    options(listing)
    output(listing, "customers.csv", "the CSV file", "OUT.csv")
    listing.set_defaults(run=_cmd_customers)

    refresh = sub.add_parser("refresh", help="refresh an edited workbook (what Excel's Refresh button does)")
    refresh.add_argument(
        "book", metavar="BOOK", help="the .xlsx or .xlsm workbook to refresh: updated in place, as Excel's button does"
    )
    output(refresh, None)
    refresh.set_defaults(run=_cmd_refresh)

    template = sub.add_parser("template", help="write the template workbook")
    template.add_argument("--lang", choices=("en", "fr"), default="en", help="language (default: en)")
    currency_option(template)
    output(template, "three_tier_exercise.xlsx")
    template.set_defaults(run=_cmd_template)

    lite = sub.add_parser("lite", help="write main.py + requirements.txt for xlwings Lite")
    lite.add_argument("-o", "--output", default="client_roi_lite", metavar="DIR", help="folder (default: %(default)s)")
    lite.set_defaults(run=_cmd_lite)

    addin = sub.add_parser("xlam", help="build client_roi.xlam, the desktop add-in with the Client ROI tab")
    addin.add_argument("-o", "--output", default=".", metavar="DIR", help="folder (default: current)")
    addin.add_argument("--install", action="store_true", help="also copy it to Excel's XLSTART folder")
    addin.add_argument("--force", action="store_true", help="replace an installed add-in")
    addin.set_defaults(run=_cmd_xlam)

    install = sub.add_parser("install", help="build the add-in and copy it to Excel's XLSTART folder")
    install.add_argument(
        "-o", "--output", default=None, metavar="DIR", help="folder for the built add-in (default: current)"
    )
    install.add_argument("--force", action="store_true", help="replace an installed add-in")
    install.set_defaults(run=_cmd_install)
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    from . import files, method
    from .excel.xlam import AddinError
    from .workbook.refresh import RefreshError

    return (method.ClientRoiError, RefreshError, files.InputFileError, files.OutputError, AddinError, OptionError)


def main(argv: list[str] | None = None) -> int:
    """Run one command. Every failure is one line on stderr and exit status 2 (argparse's own
    usage errors included); ``CLIENT_ROI_DEBUG=1`` shows the traceback of an unexpected one."""
    from . import messages

    args = build_parser().parse_args(argv)
    messages.use(getattr(args, "lang", None) or "en")  # a refresh: its book's, once read (_cmd_refresh)
    try:
        return args.run(args)
    except _expected_errors() as exc:
        say(f"client-roi: {exc}", file=sys.stderr)
    except BrokenPipeError:
        # the reader of the summary went away (| head): the work is done, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"client-roi: {where}{exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        say("client-roi: interrupted; nothing was written", file=sys.stderr)
    except Exception as exc:
        if os.environ.get("CLIENT_ROI_DEBUG"):
            raise
        say(
            f"client-roi: unexpected error ({type(exc).__name__}: {exc}); nothing was written. "
            "Please report it (CLIENT_ROI_DEBUG=1 shows the details)",
            file=sys.stderr,
        )
    return 2


if __name__ == "__main__":
    sys.exit(main())
