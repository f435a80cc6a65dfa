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
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .files.options import NO_PLAN, OptionError, parse_band, parse_labels
from .files.options import number as _number

SAMPLE = "sample_customers.csv"


def say(text: str, file: Any = None) -> None:
    """One line for the user, in their language (:mod:`client_roi.messages`)."""
    from . import messages

    print(messages.translate(text), file=file)


def sample_customers():
    """The built-in sample customers (their yes and no are written in the book's language when
    it is filled: ``oui`` and ``non`` in French; the sample's odd ``Yes`` stays, as case does
    not matter)."""
    from . import files

    with resources.as_file(resources.files("client_roi.data").joinpath(SAMPLE)) as path:
        return files.read_customers(Path(path))


def parse_columns(items: list[str] | None, door: str = "customers") -> dict[str, str]:
    """``--column "Gross margin=Marge (k€)"``: a column of the door read (``customers`` or
    ``lines``: English or French name) = the file's header for it."""
    from .schema import columns

    out: dict[str, str] = {}
    for item in items or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not theirs.strip():
            raise OptionError(f'--column {item!r}: write OUR COLUMN=THE FILE\'S HEADER, e.g. "Gross margin=Marge (k€)"')
        key = columns.door_key(ours, door)
        if key is None:
            names = ", ".join(c.en for c in columns.DOORS[door])
            raise OptionError(f"--column {item!r}: '{ours.strip()}' is not one of the columns read ({names})")
        if key in out:
            raise OptionError(f"--column {item!r}: '{ours.strip()}' is mapped twice")
        out[key] = theirs.strip()
    return out


def parse_status(items: list[str] | None) -> dict[str, str]:
    """``--status "Free trial=prospect"``: a word of the file's Status column = its role."""
    from .method import ClientRoiError, status

    out: dict[str, str] = {}
    for item in items or []:
        word, sep, role = item.partition("=")
        if not sep or not word.strip() or not role.strip():
            raise OptionError(f'--status {item!r}: write THE FILE\'S WORD=ROLE, e.g. "Free trial=prospect"')
        out[word.strip()] = role.strip()
    try:
        status.status_map(out)
    except ClientRoiError as exc:
        raise OptionError(f"--status {exc}") from None
    return out


def _currency_option(args: argparse.Namespace) -> str | None:
    """``--currency`` as its sign (None when not given), by the workbook's own rule."""
    from . import method

    if args.currency is None:
        return None
    try:
        return method.currency(args.currency)
    except method.ClientRoiError as exc:
        raise OptionError(f"--{exc}") from None


def currency_of(given: str | None, shown: dict[str, str]) -> tuple[str, str]:
    """The amounts' currency and why: ``--currency``, else the one the file shows (its first
    place), else € when it shows none; two shown and none given is refused, naming both."""
    from . import method

    if given is not None:
        return given, "--currency"
    if len(shown) > 1:
        raise OptionError(
            "the amounts show more than one currency: "
            + "; ".join(f"{sign} ({where})" for sign, where in shown.items())
            + ": say which with --currency"
        )
    if shown:
        sign, where = next(iter(shown.items()))
        return sign, f"as the file shows: {where}"
    return method.CURRENCIES[0], "the default, as none is shown; --currency to choose"


def _check_plan(args: argparse.Namespace) -> None:
    """band, trim, labels and tiers as typed, read and checked by the same rules as the workbook
    and the functions, before any file is read or written."""
    from . import method

    args.currency = _currency_option(args)
    args.band = None if args.band is None else parse_band(args.band)
    args.trim = None if args.trim is None else _number(args.trim, "--trim", percent=True)
    args.labels = None if args.labels is None else parse_labels(args.labels)
    days = getattr(args, "prospecting_days", None)
    if days is not None and days.strip().casefold() in NO_PLAN:
        args.prospecting_days = ()  # a blank cell: no plan
    else:
        args.prospecting_days = None if days is None else _number(days, "--prospecting-days")
    for name in ("cac", "annual_income", "margin_rate", "working_days", "load_factor"):
        text = getattr(args, name, None)
        option = "--" + name.replace("_", "-")
        setattr(args, name, None if text is None else _number(text, option, percent=name == "margin_rate"))
    balanced = args.band == "balanced"
    if args.tiers is not None and not balanced:
        raise OptionError("--tiers goes with --band balanced (otherwise the band's offsets give the tiers)")
    try:
        if balanced:
            tiers = args.tiers or (len(args.labels) if args.labels else 3)
            if not 2 <= tiers <= method.MAX_TIERS:
                raise OptionError(f"--tiers must be from 2 to {method.MAX_TIERS}, got {tiers}")
            b = method.bands(band=[i / tiers for i in range(1, tiers)], labels=args.labels, reference=1.0)
            args.band = "balanced" if args.lang == "en" else "équilibré"  # the workbook's own word
        else:
            b = method.bands(band=args.band, labels=args.labels, reference=1.0)
        method.trimmed_mean([1.0], args.trim)
        if args.prospecting_days not in (None, ()):
            method.prospect_plan([], [], [], args.prospecting_days)
        if args.cac is not None:
            method.average_cac(args.cac)
        given = {n: getattr(args, n) for n in ("annual_income", "margin_rate", "working_days", "load_factor")}
        method.effort_days(1.0, **{n: _default_value(n) if v is None else v for n, v in given.items()})
    except method.ClientRoiError as exc:
        raise OptionError(f"--{(exc.argument or 'band').replace('_', '-')}: {exc}") from None
    if args.labels is None and len(b.labels) != 3:
        args.labels = list(b.labels)


class Progress:
    """One bar over the whole job, on a terminal only (tqdm); each step weighs its share."""

    def __init__(self):
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(
                total=100, unit="%", leave=False, file=sys.stderr, bar_format="{desc:<22}{bar}| {percentage:3.0f}%"
            )

    @contextmanager
    def step(self, name: str, weight: int):
        if self.bar is not None:
            from . import messages

            self.bar.set_description(messages.translate(name))
        yield
        if self.bar is not None:
            self.bar.update(weight)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _items(items: list[str]) -> str:
    """A list the summary names, each item in the user's language."""
    from . import messages

    return "; ".join(messages.translate(item) for item in items)


def _days(x: float) -> str:
    from .messages import number

    return number(x, ",.2f")


def _summary(out) -> None:
    """The tiers at a glance, as the Tiers sheet shows them (numbers in the language's form)."""
    from .messages import mark, number

    first, *counts = out.facts[:4]
    facts = [f"{k}{mark(':')}{number(v, ',' if i else ',.2f')}" for i, (k, v) in enumerate([first, *counts])]
    print(facts[0] + mark(";") + ", ".join(facts[1:]))  # in the book's words already
    header, *rows = out.bands  # the tables: the book's words and numbers in the language's form already
    print(f"{header[0]:<10}{header[3]:>9}{header[4]:>18}{header[6]:>15}{header[8]:>23}{header[9]:>15}")
    for r in rows:
        share = "" if r[6] is None else number(r[6], ".1%")
        budget = "" if r[8] is None else number(r[8], ",.2f")
        days = "" if r[9] is None else _days(r[9])
        print(f"{r[0]:<10}{number(r[3], ','):>9}{number(r[4], '.1%'):>18}{share:>15}{budget:>23}{days:>15}")
    if out.best_kind == "in use":
        say(f"band in use: {out.band_text}, the most balanced of the sweep")
    elif out.best_kind == "balanced":
        say(f"band in use: {out.band_text}; most balanced: the balanced band (band = balanced)")
    else:
        widest = (
            f"±{out.best_band:.0%}" if out.band_text.startswith("±") else f"its widest offset at {out.best_band:.0%}"
        )
        say(f"band in use: {out.band_text}; most balanced band of the sweep: {widest}")
    if out.previous_as_typed:
        say(f"previous tiers typed without a previous margin, kept as typed: {out.previous_as_typed:,}")
    if len(out.mobility) > 1:  # one line: no previous tiers
        header, *rows = out.mobility
        width = max(len(str(r[0])) for r in out.mobility) + 2
        counts = len(header) - 3  # tiers now, lost, total
        print(f"{header[0]:<{width}}" + "".join(f"{h:>9}" for h in header[1 : counts + 1]))
        for r in rows:
            print(f"{r[0]:<{width}}" + "".join(f"{number(v, ','):>9}" for v in r[1 : counts + 1]))
    if not out.budgets:
        say(
            "no acquisition cost, so no effort budgets, days or prospect plan: give --cac (the average cost "
            "of winning a client), or an 'Acquisition cost' column"
        )
    elif out.load is None:
        say(f"prospect plan: {_days(out.days_needed)} days needed (no prospecting days given)")
    else:
        say(
            f"prospect plan: {_days(out.days_needed)} days needed for {_days(out.days_available)} "
            f"available: load {out.load:.0%}"
        )


def _fill(customers, args: argparse.Namespace, progress: Progress, inputs: tuple[Path, ...] = ()) -> int:
    from . import files
    from .workbook import template
    from .workbook.refresh import RefreshError

    currency, why = currency_of(args.currency, customers.attrs.get("currencies", {}))
    with progress.step("building", 10):
        book = template.book(
            args.lang,
            customers,
            currency=currency,
            band=args.band,
            trim=args.trim,
            labels=args.labels,
            prospecting_days=args.prospecting_days,
            cac=args.cac,
            annual_income=args.annual_income,
            margin_rate=args.margin_rate,
            working_days=args.working_days,
            load_factor=args.load_factor,
        )
    with progress.step("refreshing", 30):
        try:
            out = book.refresh()
        except RefreshError as exc:
            where = customers.attrs.get("where")  # a customer's bad value: named at the file's line
            if where is None or exc.item is None or exc.argument is None:
                raise
            raise files.InputFileError(f"{where(exc.item, exc.argument)}: {exc.cause}") from None
    with progress.step("saving", 45):
        path = files.save_bytes(book.save, Path(args.output), force=args.force, inputs=inputs)
    progress.close()
    say(f"wrote {path} ({len(customers):,} customers)")
    say(f"amounts in {currency}: {why}")
    if customers.attrs.get("margin_from"):
        say(f"gross margin: {customers.attrs['margin_from']}")
    if customers.attrs.get("percents"):
        say("columns of percents, never read as money: " + ", ".join(customers.attrs["percents"]))
    roles = customers.attrs.get("roles_from")
    if roles == "":
        say("no Should pay / Has paid or Status column: every customer is taken as a paying client")
    elif roles and roles != "flags":
        say(f"roles from the status column {roles}")
    if customers.attrs.get("kept"):
        say("your own columns, kept in the table after ours: " + ", ".join(customers.attrs["kept"]))
    if customers.attrs.get("ignored"):
        say("columns not used (the workbook computes them): " + ", ".join(customers.attrs["ignored"]))
    if customers.attrs.get("blank_rows"):
        n = customers.attrs["blank_rows"]
        say(f"blank rows skipped: {n}")
    if customers.attrs.get("totals"):
        say("total lines skipped (each the sum of the rows above it): " + _items(customers.attrs["totals"]))
    if customers.attrs.get("merged"):
        say("customers listed more than once, their numbers added up: " + _items(customers.attrs["merged"]))
    _summary(out)
    return 0


def _cmd_fill(args: argparse.Namespace) -> int:
    from . import files

    _check_plan(args)
    progress = Progress()
    if args.transactions is not None:
        if args.customers is not None:
            raise OptionError(
                "give invoice lines (--transactions) or a customer file, not both (--customers FILE adds one)"
            )
        with progress.step("reading", 15):
            customers, inputs = _from_lines(args)
        code = _fill(customers, args, progress, inputs=inputs)
        return code
    if args.customers is None:
        raise OptionError("give a customer file (CUSTOMERS) or invoice lines (--transactions LINES)")
    for option in ("to", "months", "date_format", "customers_file"):
        if getattr(args, option) is not None:
            raise OptionError(f"--{option.replace('_file', '').replace('_', '-')} goes with --transactions")
    source = Path(args.customers)
    with progress.step("reading", 15):
        customers = files.read_customers(
            source,
            decimal=args.decimal,
            encoding=args.encoding,
            merge_duplicates=args.merge_duplicates,
            columns=parse_columns(args.column),
            sheet=args.sheet,
            status=parse_status(args.status),
            margin_rate=args.margin_rate,
        )
    return _fill(customers, args, progress, inputs=(source,))


def _from_lines(args: argparse.Namespace):
    """The customers of invoice lines (and of --customers FILE), with the summary's lines."""
    from . import files, method
    from .files import lines, sources

    if args.months is not None:
        try:
            months = int(args.months)
        except ValueError:
            raise OptionError(f"--months must be a whole number of months, not {args.months!r}") from None
        if months < 1:
            raise OptionError(f"--months must be at least 1, not {months}")
    to, n = lines.read_period(args.to), 12 if args.months is None else months
    url = args.transactions.startswith(sources.POSTGRES_URLS)
    inputs: tuple[Path, ...] = () if url else (Path(args.transactions),)  # never written over
    if url or args.table or args.query:
        read = sources.read_database(
            args.transactions,
            table=args.table,
            query=args.query,
            to=to,
            months=n,
            columns=parse_columns(args.column, "lines"),
        )
    else:
        read = lines.read_lines(
            args.transactions,  # as typed: a Spark URL (hdfs://…) is no local path
            to=to,
            months=n,
            decimal=args.decimal,
            encoding=args.encoding,
            date_format=args.date_format,
            columns=parse_columns(args.column, "lines"),
            sheet=args.sheet,
            engine=args.engine,
            master=args.spark_master,
        )
    try:
        made = method.customers_from_lines(
            read.totals, margin_rate=args.margin_rate, band=args.band, trim=args.trim, labels=args.labels
        )
    except method.ClientRoiError as exc:
        raise OptionError(f"--{(exc.argument or 'band').replace('_', '-')}: {exc}") from None
    customers = made.customers
    if "customer_id" in customers:  # the ledger's code, under the file's own header
        customers = customers.rename(columns={"customer_id": read.used["customer_id"]})
    replaced: list[str] = []
    # the currency the lines' money column shows in its header (every engine reads headers)
    shown = {
        sign: f"{read.name}, header '{header}'"
        for header in read.used.values()
        for sign in method.money.shown(str(header))
    }
    if args.customers_file is not None:
        extra = Path(args.customers_file)
        listed = files.read_customers(extra, decimal=args.decimal, encoding=args.encoding, required=("customer",))
        customers, replaced = lines.merge_customers(customers, listed, extra.name)
        inputs = (*inputs, extra)
        shown = {**listed.attrs.get("currencies", {}), **shown}
    customers.attrs["currencies"] = shown
    _say_lines(read, made, replaced)
    return customers, inputs


def _say_lines(read, made, replaced: list[str]) -> None:
    p = made.periods
    what = f"margin from '{read.used['margin']}'" if made.kind == "margin" else f"'{read.used['amount']}' × margin rate"
    say(
        f"read {made.lines:,} invoice lines of {read.name} ({what}); period {p.start} – {p.end} "
        f"({p.months} months), previous {p.previous_start} – {p.previous_end}"
    )
    say(
        f"clients: {made.clients:,}; lost since the previous period (prospects to win back): {made.lost:,}; "
        f"left out, lines all older: {made.older:,}"
    )
    if made.later:
        say(f"lines after {p.end} left out: {made.later:,}")
    if read.blank_rows:
        say(f"blank rows skipped: {read.blank_rows:,}")
    if "customer_id" in read.used:
        say(f"customers grouped by '{read.used['customer_id']}', shown by '{read.used['customer']}'")
    if read.totals_skipped:
        say("total lines skipped (each the sum of the rows above it): " + _items(read.totals_skipped))
    merged = read.totals.merged
    if merged:  # the user's names, shown as written: never translated
        shown = "; ".join(merged[:3]) + (f" and {len(merged) - 3:,} more" if len(merged) > 3 else "")
        say(
            f"customer names written more than one way (case, spaces), taken as one customer: "
            f"{read.totals.spellings_merged:,} spellings merged ({shown})"
        )
    if read.unused:
        say("columns not used: " + ", ".join(read.unused))
    if replaced:
        say(
            "gross margins of the customer file replaced by those of the lines: "
            + ", ".join(replaced[:10])
            + (f" and {len(replaced) - 10:,} more" if len(replaced) > 10 else "")
        )


def _cmd_customers(args: argparse.Namespace) -> int:
    """The per-customer table of invoice lines, as a CSV a user can inspect and edit."""
    from . import files
    from .schema import columns as table

    _check_plan(args)
    if Path(args.output).suffix.lower() != ".csv":  # said before any line is read
        raise OptionError(f"{args.output}: the output must end with .csv")
    customers, _ = _from_lines(args)
    frame = customers.rename(
        columns={c.key: table.header(c.key, args.lang) for c in table.ALL_COLUMNS if c.key in customers}
    )
    path = files.save_bytes(
        frame.to_csv(index=False, lineterminator="\n").encode("utf-8"),
        Path(args.output),
        force=args.force,
        inputs=(Path(args.transactions),),
        suffixes=(".csv",),
    )
    say(f"wrote {path} ({len(customers):,} customers)")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    _check_plan(args)
    progress = Progress()
    with progress.step("reading", 15):
        customers = sample_customers()
    return _fill(customers, args, progress)


def _cmd_template(args: argparse.Namespace) -> int:
    from . import files
    from .workbook import template

    book, _ = template.make_book(args.lang, sample_customers(), currency=_currency_option(args))
    say(f"wrote {files.save_bytes(book.save, Path(args.output), force=args.force)}")
    return 0


def _cmd_refresh(args: argparse.Namespace) -> int:
    """Refresh a workbook file: patched in place of its computed cells by the fast adapter
    (ZipBook); a file whose XML that adapter does not rewrite goes through openpyxl."""
    from . import messages
    from .files.xlsx import CachedValues, InputFileError
    from .workbook import layout

    source = Path(args.book)
    if not source.is_file():
        raise InputFileError(f"{source}: no such file" if not source.exists() else f"{source}: is not a file")
    in_place = args.output is None  # as Excel's button does: the book itself is brought up to date
    if in_place:
        _not_open_in_excel(source)
    target = source if in_place else Path(args.output)
    options = (
        {"force": True, "inputs": (), "mode": source.stat().st_mode}
        if in_place
        else {"force": args.force, "inputs": (source,)}
    )
    progress = Progress()
    with progress.step("reading", 15):
        # calamine reads the customers on another core while the modules load and the parts unzip
        cached = CachedValues.from_path(source)
        cached.prefetch(layout.TABLE)
        from . import files
        from .workbook.sheet_patch import NotPatchable
        from .workbook.zipbook import ZipBook

        book = ZipBook(cached.data, source.name, cached)
        messages.use(layout.book_language(book.sheet_parts))  # the user reads the book's language
    try:
        with progress.step("refreshing", 40):
            out = book.refresh()
        with progress.step("saving", 45):
            path = files.save_bytes(book.save, target, macros=book.has_macros, **options)
    except NotPatchable:
        from .workbook import template  # openpyxl, only for the books the fast adapter leaves

        with progress.step("reading", 0):
            wb = files.load_workbook(source)
            # the file's bytes as read above; a new reader, as the ZipBook's parts may be half patched
            cached = CachedValues(source.name, cached.data)
        with progress.step("refreshing", 0):
            out = template.refresh_workbook(wb, cached)
        with progress.step("saving", 0):
            path = files.save(wb, target, **options)
    progress.close()
    say(f"refreshed {path}" if in_place else f"wrote {path}")
    _summary(out)
    return 0


def _not_open_in_excel(book: Path) -> None:
    """Excel keeps an owner file ``~$name`` beside a book it has open (for long names, ``~$`` in
    place of the first two characters); replacing the book under it would lose the user's work
    or the refresh."""
    from .files.output import OutputError

    for owner in (f"~${book.name}", f"~${book.name[2:]}"):
        if (book.parent / owner).exists():
            raise OutputError(
                f"{book}: is open in Excel ({owner} is beside it): save and close it, then refresh again, "
                "or write the refreshed book elsewhere with -o"
            )


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


def _default_value(name: str):
    """A parameter's default, as the template writes it in its Parameters sheet."""
    from .workbook.layout import PARAMETERS

    return next(p.default for p in PARAMETERS if p.name == name)[0]


def _default(name: str) -> str:
    value = _default_value(name)
    return f"{value:g}" if isinstance(value, float) else str(value)


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors on one line like every other failure."""

    def error(self, message: str):
        self.exit(2, f"client-roi: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="client-roi", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output(p, default: str | None):
        p.add_argument(
            "-o",
            "--output",
            default=default,
            metavar="OUT.xlsx",
            help="workbook to write" + (" (default: %(default)s)" if default else ""),
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
            help="share of clients left out of the mean, half from each end (Excel TRIMMEAN), e.g. 0.1; default 0",
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
            f"in them, best tier first (default: the template's {_default('prospecting_days')}); none: no plan",
        )
        for option, metavar, text in [
            (
                "cac",
                "MONEY",
                "the average cost of winning a client (default: the mean of the clients' acquisition "
                "costs; with neither, the workbook has no effort budgets)",
            ),
            (
                "annual_income",
                "MONEY",
                f"the annual income of whoever prospects (default: {_default('annual_income')})",
            ),
            (
                "margin_rate",
                "RATE",
                f"the share of income that is margin, in (0, 1] or as 50%% (default: {_default('margin_rate')})",
            ),
            ("working_days", "DAYS", f"working days a year (default: {_default('working_days')})"),
            ("load_factor", "FACTOR", f"the overheads on a day of work (default: {_default('load_factor')})"),
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
    options(listing)
    output(listing, "customers.csv")
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
