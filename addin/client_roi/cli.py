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
from .messages import LANGS, reason, tr
from .report import say
from .schema.parameters import default as default_value
from .schema.parameters import interval


def _cmd_lite(args: argparse.Namespace) -> int:
    from .excel.lite import write_bundle

    for path in write_bundle(Path(args.output)):
        say(tr("wrote {built}", built=path))
    say(tr("Paste main.py and requirements.txt into the xlwings Lite editor's tabs of the same names."))
    return 0


def _cmd_xlam(args: argparse.Namespace) -> int:
    from .excel import xlam

    built = xlam.build(Path(args.output))
    say(tr("wrote {built}", built=built))
    if args.install:
        say(
            tr(
                "installed {built}; restart Excel to see the Client ROI tab",
                built=xlam.install(built, force=args.force),
            )
        )
    return 0


def _cmd_install(args: argparse.Namespace) -> int:
    args.install, args.output = True, args.output or "."
    return _cmd_xlam(args)


def _default(name: str) -> str:
    value = default_value(name)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _rule(name: str) -> str:
    """A parameter's constraint as its option's help says it: ``(0, 366]``."""
    return interval(name).text()


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors on one line like every other failure."""

    def error(self, message: str):
        self.exit(2, tr("client-roi: {message} (see {prog} --help)", message=message, prog=self.prog) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="client-roi", description=tr(__doc__ or ""), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output(p, default: str | None, what: str | None = None, metavar: str = "OUT.xlsx"):
        what = what or tr("workbook")
        said = tr("{what} to write (default: %(default)s)", what=what) if default else tr("{what} to write", what=what)
        p.add_argument("-o", "--output", default=default, metavar=metavar, help=said)
        p.add_argument("--force", action="store_true", help=tr("replace OUT if it exists (a regular file only)"))

    def lines_options(p, required: bool = False):
        p.add_argument(
            "--transactions",
            metavar="LINES",
            required=required,
            help=tr(
                "invoice lines (Customer, Date, Amount or Gross margin): a text export, an .xlsx "
                "(its Transactions table, else its first sheet), a .parquet or a folder of them, "
                "a DuckDB database or a postgresql:// URL (with --table or --query); customers "
                "are summed per period"
            ),
        )
        p.add_argument(
            "--to", default=None, metavar="DATE", help=tr("last day of the period (default: the latest line)")
        )
        p.add_argument("--months", default=None, metavar="N", help=tr("length of the period in months (default: 12)"))
        p.add_argument(
            "--customers",
            dest="customers_file",
            default=None,
            metavar="FILE",
            help=tr("a customer file merged by name: acquisition costs, days spent, free users, prospects"),
        )
        p.add_argument(
            "--table",
            default=None,
            metavar="NAME",
            help=tr("with a database (a postgresql:// URL or a .duckdb file): the table of lines"),
        )
        p.add_argument(
            "--query",
            default=None,
            metavar="SQL",
            help=tr("with a database: a query that returns the lines (instead of --table)"),
        )
        p.add_argument(
            "--engine",
            choices=("duckdb", "spark"),
            default="duckdb",
            help=tr("where Parquet lines are summed: DuckDB here (default), or Spark (PySpark and Java 17)"),
        )
        p.add_argument(
            "--spark-master",
            default=None,
            metavar="URL",
            help=tr("with --engine spark: local[*] (default) or spark://host:7077"),
        )
        p.add_argument(
            "--date-format",
            choices=("dmy", "mdy", "ymd"),
            default=None,
            help=tr("the order of the dates' parts, when the dates cannot tell (03/04/2025 alone)"),
        )

    def currency_option(p):
        p.add_argument(
            "--currency",
            default=None,
            metavar="SIGN",
            help=tr(
                "the currency of the amounts: € $ £ CHF ¥ or EUR USD GBP JPY (default: what the "
                "file shows, else €); a workbook parameter, changed there at any time"
            ),
        )

    def options(p):
        p.add_argument("--lang", choices=LANGS, default="en", help=tr("language of the workbook (default: en)"))
        p.add_argument(
            "--band",
            default=None,
            help=tr(
                "0.2 (or 0,2) for tiers at ±20%% of the mean gain; or 2 to 9 increasing offsets separated by "
                "';' or spaces for more tiers: --band=\"-0.4;-0.2;0.2;0.4\" (write --band= when the value starts "
                "with a minus sign; a comma is always a decimal comma); or balanced: tiers of equal size"
            ),
        )
        currency_option(p)
        p.add_argument(
            "--trim",
            default=None,
            metavar="SHARE",
            help=tr(
                (
                    "share of clients left out of the mean, half from each end (Excel TRIMMEAN), "
                    "e.g. 0.1; in {rule}; default 0"
                ),
                rule=_rule("trim"),
            ),
        )
        p.add_argument(
            "--labels",
            default=None,
            metavar="A;B;C",
            help=tr(
                "tier labels, top tier first, separated by ';' (or ','), as many as tiers: "
                "Gold;Silver;Bronze (default A, B, C, ...)"
            ),
        )
        p.add_argument(
            "--tiers",
            type=int,
            default=None,
            metavar="N",
            help=tr("with --band balanced: the number of tiers, 2 to 10 (default: as many as the labels, else 3)"),
        )
        p.add_argument(
            "--prospecting-days",
            default=None,
            metavar="DAYS",
            help=tr(
                (
                    "days per year available for prospecting: the prospect plan fits the prospects "
                    "in them, best tier first; in {rule} (default: the template's "
                    "{default}); none: no plan"
                ),
                rule=_rule("prospecting_days"),
                default=_default("prospecting_days"),
            ),
        )
        p.add_argument(
            "--similar-by",
            default=None,
            metavar="COLUMNS",
            help=tr(
                "the columns of yours (separated by ';') that say which clients a prospect without an "
                "expected margin resembles, to estimate it (default: every column of yours that can "
                "serve); none: no estimate"
            ),
        )
        for option, metavar, text in [
            (
                "cac",
                "MONEY",
                tr(
                    (
                        "the average cost of winning a client, in {rule} (default: the mean of the "
                        "clients' acquisition costs; with neither, the workbook has no effort budgets)"
                    ),
                    rule=_rule("cac"),
                ),
            ),
            (
                "annual_income",
                "MONEY",
                tr(
                    ("the annual income of whoever prospects, in {rule} (default: {default})"),
                    rule=_rule("annual_income"),
                    default=_default("annual_income"),
                ),
            ),
            (
                "margin_rate",
                "RATE",
                tr(
                    ("the share of income that is margin, in {rule} or as 50%% (default: {default})"),
                    rule=_rule("margin_rate"),
                    default=_default("margin_rate"),
                ),
            ),
            (
                "working_days",
                "DAYS",
                tr(
                    ("working days a year, in {rule} (default: {default})"),
                    rule=_rule("working_days"),
                    default=_default("working_days"),
                ),
            ),
            (
                "load_factor",
                "FACTOR",
                tr(
                    ("the overheads on a day of work, in {rule} (default: {default})"),
                    rule=_rule("load_factor"),
                    default=_default("load_factor"),
                ),
            ),
        ]:
            p.add_argument("--" + option.replace("_", "-"), default=None, metavar=metavar, help=text)

    def live_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--live",
            action="store_true",
            help=tr(
                "a live book: every result a native formula that recalculates as you type, in Excel, "
                "LibreOffice or Google Sheets, with no add-in and no Python"
            ),
        )

    demo = sub.add_parser("demo", help=tr("fill the template with the built-in sample customers"))
    live_option(demo)
    options(demo)
    output(demo, "client_roi_demo.xlsx")
    demo.set_defaults(run=_cmd_demo)

    fill = sub.add_parser("fill", help=tr("fill the template with customers from a text export or a workbook"))
    fill.add_argument(
        "customers",
        metavar="CUSTOMERS",
        nargs="?",
        help=tr(
            "a CSV / semicolon CSV / CSV UTF-8 / Unicode Text export (.csv .txt .tsv), or an "
            ".xlsx/.xlsm (its Customers table, else its first sheet)"
        ),
    )
    lines_options(fill)
    fill.add_argument(
        "--decimal",
        choices=(".", ","),
        default=None,
        help=tr("the decimal separator of the file's numbers, when they cannot tell (1.234 alone)"),
    )
    fill.add_argument(
        "--column",
        action="append",
        metavar='"OURS=THEIRS"',
        help=tr(
            "the file's header for one of our columns, when its name does not say it: "
            '--column "Gross margin=Marge (k€)" (repeatable)'
        ),
    )
    fill.add_argument(
        "--sheet",
        default=None,
        help=tr(
            "the sheet of a workbook to read (default: the Customers table, else a table or "
            "the first sheet naming our columns)"
        ),
    )
    fill.add_argument(
        "--status",
        action="append",
        metavar='"WORD=ROLE"',
        help=tr(
            "what a word of the file's Status column means, when no rule reads it: --status "
            '"Free trial=prospect" (roles: client, prospect, lost, user; repeatable)'
        ),
    )
    fill.add_argument(
        "--merge-duplicates",
        action="store_true",
        help=tr(
            "a customer listed more than once is one customer: add up its rows' numbers (default: refuse the file)"
        ),
    )
    fill.add_argument(
        "--encoding",
        default=None,
        help=tr("the text encoding of the file, when it cannot be told (e.g. cp1252, mac_roman)"),
    )
    live_option(fill)
    options(fill)
    output(fill, "client_roi.xlsx")
    fill.set_defaults(run=_cmd_fill)

    listing = sub.add_parser(
        "customers", help=tr("write the per-customer table of invoice lines as a CSV (what fill would use)")
    )
    lines_options(listing, required=True)
    flags: list[tuple[str, dict[str, Any]]] = [
        (
            "--decimal",
            {"choices": (".", ","), "default": None, "help": tr("the decimal separator, when numbers cannot tell")},
        ),
        ("--column", {"action": "append", "metavar": '"OURS=THEIRS"', "help": tr("a header for one of our columns")}),
        ("--sheet", {"default": None, "help": tr("the sheet of a workbook to read")}),
        ("--encoding", {"default": None, "help": tr("the text encoding of the file, when it cannot be told")}),
    ]
    for flag, kwargs in flags:
        listing.add_argument(flag, **kwargs)
    listing.add_argument(
        "--csv-dialect",
        choices=tuple(CSV_DIALECTS),
        default=None,
        help=tr(
            "the CSV written: excel-fr (; separator, decimal comma, UTF-8 with a BOM: what "
            "French Excel opens with a double click), excel-en (, and decimal point, UTF-8 "
            "with a BOM), plain (, and point, UTF-8); default: excel-fr with --lang fr, else "
            "excel-en"
        ),
    )
    options(listing)
    output(listing, "customers.csv", tr("the CSV file"), "OUT.csv")
    listing.set_defaults(run=_cmd_customers)

    refresh = sub.add_parser("refresh", help=tr("refresh an edited workbook (what Excel's Refresh button does)"))
    refresh.add_argument(
        "book",
        metavar="BOOK",
        help=tr("the .xlsx or .xlsm workbook to refresh: updated in place, as Excel's button does"),
    )
    output(refresh, None)
    refresh.set_defaults(run=_cmd_refresh)

    template = sub.add_parser("template", help=tr("write the template workbook"))
    template.add_argument("--lang", choices=LANGS, default="en", help=tr("language (default: en)"))
    currency_option(template)
    live_option(template)
    output(template, "three_tier_exercise.xlsx")
    template.set_defaults(run=_cmd_template)

    lite = sub.add_parser("lite", help=tr("write main.py + requirements.txt for xlwings Lite"))
    lite.add_argument(
        "-o", "--output", default="client_roi_lite", metavar="DIR", help=tr("folder (default: %(default)s)")
    )
    lite.set_defaults(run=_cmd_lite)

    addin = sub.add_parser("xlam", help=tr("build client_roi.xlam, the desktop add-in with the Client ROI tab"))
    addin.add_argument("-o", "--output", default=".", metavar="DIR", help=tr("folder (default: current)"))
    addin.add_argument("--install", action="store_true", help=tr("also copy it to Excel's XLSTART folder"))
    addin.add_argument("--force", action="store_true", help=tr("replace an installed add-in"))
    addin.set_defaults(run=_cmd_xlam)

    install = sub.add_parser("install", help=tr("build the add-in and copy it to Excel's XLSTART folder"))
    install.add_argument(
        "-o", "--output", default=None, metavar="DIR", help=tr("folder for the built add-in (default: current)")
    )
    install.add_argument("--force", action="store_true", help=tr("replace an installed add-in"))
    install.set_defaults(run=_cmd_install)
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    from . import files, method
    from .excel.xlam import AddinError
    from .workbook.refresh import RefreshError

    return (method.ClientRoiError, RefreshError, files.InputFileError, files.OutputError, AddinError, OptionError)


def _language_asked(argv: list[str]) -> str:
    """The language ``--lang`` asks for (its last value, as argparse takes it), else English."""
    lang = "en"
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]

    return lang if lang in LANGS else "en"


def main(argv: list[str] | None = None) -> int:
    """Run one command. Every failure is one line on stderr and exit status 2 (argparse's own
    usage errors included); ``CLIENT_ROI_DEBUG=1`` shows the traceback of an unexpected one."""
    from . import messages

    # the language first: the options' own refusals and --help are said in it (a refresh: its
    # book's language, once read, in _cmd_refresh); the caller's language is back afterwards
    with messages.using(_language_asked(sys.argv[1:] if argv is None else argv)):
        return _run(argv)


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except _expected_errors() as exc:
        say(tr("client-roi: {exc}", exc=exc), file=sys.stderr)
    except BrokenPipeError:
        # the reader of the summary went away (| head): the work is done, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        say(tr("client-roi: {where}{value}", where=where, value=reason(exc)), file=sys.stderr)
    except KeyboardInterrupt:
        say(tr("client-roi: interrupted; nothing was written"), file=sys.stderr)
    except Exception as exc:
        if os.environ.get("CLIENT_ROI_DEBUG"):
            raise
        say(
            tr(
                (
                    "client-roi: unexpected error ({name}: {exc}); nothing was written. Please "
                    "report it (CLIENT_ROI_DEBUG=1 shows the details)"
                ),
                name=type(exc).__name__,
                exc=exc,
            ),
            file=sys.stderr,
        )
    return 2


if __name__ == "__main__":
    sys.exit(main())
