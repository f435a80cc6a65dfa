"""The commands that read customers and write a workbook: ``demo``, ``fill`` (a customer
file, or invoice lines wherever they live), ``customers`` (the per-customer table of invoice
lines as a CSV), ``template`` and ``refresh``. Each reads its options by
:mod:`client_roi.files.options`, the inputs by the doors of :mod:`client_roi.files`, and tells
the user what it did by :mod:`client_roi.report`; :mod:`client_roi.cli` parses the command
line and calls them."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from .files.options import OptionError, check_plan, currency_of, currency_option, parse_columns, parse_status
from .messages import tr
from .report import Progress, items, say, say_grouped, say_lines, summary

SAMPLE = "sample_customers.csv"


def sample_customers():
    """The built-in sample customers (their yes and no are written in the book's language when
    it is filled: ``oui`` and ``non`` in French; the sample's odd ``Yes`` stays, as case does
    not matter)."""
    from . import files

    with resources.as_file(resources.files("client_roi.data").joinpath(SAMPLE)) as path:
        return files.read_customers(Path(path))


#: Above this many customers a live book is slow to recalculate (benchmarks/bench_live.py): fill says so.
LIVE_ADVISED = 20_000


def _fill(customers, args: argparse.Namespace, progress: Progress, inputs: tuple[Path, ...] = ()) -> int:
    from . import files
    from .workbook import template
    from .workbook.refresh import RefreshError

    currency, why = currency_of(args.currency, customers.attrs.get("currencies", {}))
    with progress.step("building", 10):
        book = template.book(
            args.lang,
            customers,
            getattr(args, "live", False),
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
            similar_by=getattr(args, "similar_by", None),
        )
    with progress.step("refreshing", 30):
        try:
            out = book.refresh()
        except RefreshError as exc:
            where = customers.attrs.get("where")  # a customer's bad value: named at the file's line
            if where is None or exc.item is None or exc.argument is None:
                raise
            raise files.InputFileError(
                tr("{place}: {cause}", place=where(exc.item, exc.argument), cause=exc.cause)
            ) from None
    with progress.step("saving", 45):
        path = files.save_bytes(book.save, Path(args.output), force=args.force, inputs=inputs)
    progress.close()
    say(tr("wrote {path} ({n_customers:,} customers)", path=path, n_customers=len(customers)))
    say(tr("amounts in {currency}: {why}", currency=currency, why=why))
    if customers.attrs.get("margin_from"):
        say(tr("gross margin: {margin_from}", margin_from=customers.attrs["margin_from"]))
    if customers.attrs.get("percents"):
        say(tr("columns of percents, never read as money: {percents}", percents=", ".join(customers.attrs["percents"])))
    if customers.attrs.get("grouped_by"):
        say_grouped(*customers.attrs["grouped_by"])
    roles = customers.attrs.get("roles_from")
    if roles == "":
        say(tr("no Should pay / Has paid or Status column: every customer is taken as a paying client"))
    elif roles and roles != "flags":
        say(tr("roles from the status column {roles}", roles=roles))
    if customers.attrs.get("kept"):
        say(tr("your own columns, kept in the table after ours: {kept}", kept=", ".join(customers.attrs["kept"])))
    if customers.attrs.get("ignored"):
        say(
            tr(
                "columns not used (the workbook computes them): {ignored}",
                ignored=", ".join(customers.attrs["ignored"]),
            )
        )
    if customers.attrs.get("blank_rows"):
        n = customers.attrs["blank_rows"]
        say(tr("blank rows skipped: {n:,}", n=n))
    if customers.attrs.get("totals"):
        say(
            tr(
                "total lines skipped (each the sum of the rows above it): {items}",
                items=items(customers.attrs["totals"]),
            )
        )
    if getattr(args, "live", False) and len(customers) > LIVE_ADVISED:
        say(
            tr(
                (
                    "a live book of {n:,} customers recalculates slowly in a spreadsheet (its plan and lists "
                    "compare every prospect with every other: 10,000 customers take about 16 s to open in "
                    "LibreOffice); for this many, the workbook without --live is the one to use"
                ),
                n=len(customers),
            )
        )
    if customers.attrs.get("merged"):
        say(
            tr(
                "customers listed more than once, their numbers added up: {items}",
                items=items(customers.attrs["merged"]),
            )
        )
    summary(out)
    return 0


def _cmd_fill(args: argparse.Namespace) -> int:
    from . import files

    check_plan(args)
    progress = Progress()
    if args.transactions is not None:
        if args.customers is not None:
            raise OptionError(
                tr("give invoice lines (--transactions) or a customer file, not both (--customers FILE adds one)")
            )
        with progress.step("reading", 15):
            customers, inputs = _from_lines(args)
        code = _fill(customers, args, progress, inputs=inputs)
        return code
    if args.customers is None:
        raise OptionError(tr("give a customer file (CUSTOMERS) or invoice lines (--transactions LINES)"))
    for option in ("to", "months", "date_format", "customers_file"):
        if getattr(args, option) is not None:
            raise OptionError(
                tr("--{replace} goes with --transactions", replace=option.replace("_file", "").replace("_", "-"))
            )
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
            raise OptionError(
                tr("--months must be a whole number of months, not {months!r}", months=args.months)
            ) from None
        if months < 1:
            raise OptionError(tr("--months must be at least 1, not {months}", months=months))
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
        raise OptionError(
            tr("--{replace}: {exc}", replace=(exc.argument or "band").replace("_", "-"), exc=exc)
        ) from None
    customers = made.customers
    if "customer_id" in customers:  # the ledger's code, under the file's own header
        customers = customers.rename(columns={"customer_id": read.used["customer_id"]})
    replaced: list[str] = []
    # the currency the lines' money column shows in its header (every engine reads headers)
    shown = {
        sign: tr("{name}, header '{header}'", name=read.name, header=header)
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
    say_lines(read, made, replaced)
    return customers, inputs


#: The CSV the ``customers`` command writes: (separator, decimal mark, encoding). Excel opens a
#: CSV with a double click by its locale's list separator and decimal mark, and reads UTF-8 only
#: behind a byte-order mark (else its ANSI code page: accents broken).
CSV_DIALECTS = {
    "excel-fr": (";", ",", "utf-8-sig"),
    "excel-en": (",", ".", "utf-8-sig"),
    "plain": (",", ".", "utf-8"),
}


def _cmd_customers(args: argparse.Namespace) -> int:
    """The per-customer table of invoice lines, as a CSV a user can inspect and edit."""
    from . import files
    from .schema import columns as table

    check_plan(args)
    if Path(args.output).suffix.lower() != ".csv":  # said before any line is read
        raise OptionError(tr("{output}: the output must end with .csv", output=args.output))
    customers, _ = _from_lines(args)
    from .workbook import layout

    for key in ("should_pay", "has_paid"):  # yes/no in the user's language, as in a workbook
        customers[key] = layout.flags_in(customers[key].tolist(), args.lang)
    frame = customers.rename(
        columns={c.key: table.header(c.key, args.lang) for c in table.ALL_COLUMNS if c.key in customers}
    )
    separator, decimal, encoding = CSV_DIALECTS[args.csv_dialect or ("excel-fr" if args.lang == "fr" else "excel-en")]
    ending = "\r\n" if encoding == "utf-8-sig" else "\n"  # Excel's own CSV ends its lines so
    path = files.save_bytes(
        frame.to_csv(index=False, lineterminator=ending, sep=separator, decimal=decimal).encode(encoding),
        Path(args.output),
        force=args.force,
        inputs=(Path(args.transactions),),
        suffixes=(".csv",),
    )
    say(tr("wrote {path} ({n_customers:,} customers)", path=path, n_customers=len(customers)))
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    check_plan(args)
    progress = Progress()
    with progress.step("reading", 15):
        customers = sample_customers()
    return _fill(customers, args, progress)


def _cmd_template(args: argparse.Namespace) -> int:
    from . import files
    from .workbook import template

    book, _ = template.make_book(args.lang, sample_customers(), args.live, currency=currency_option(args))
    say(tr("wrote {built}", built=files.save_bytes(book.save, Path(args.output), force=args.force)))
    return 0


def _cmd_refresh(args: argparse.Namespace) -> int:
    """Refresh a workbook file: patched in place of its computed cells by the fast adapter
    (ZipBook); a file whose XML that adapter does not rewrite goes through openpyxl."""
    from . import messages
    from .files.xlsx import CachedValues, InputFileError
    from .workbook import layout

    source = Path(args.book)
    if not source.is_file():
        raise InputFileError(
            tr("{source}: no such file", source=source)
            if not source.exists()
            else tr("{source}: is not a file", source=source)
        )
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
    say(tr("refreshed {path}", path=path) if in_place else tr("wrote {built}", built=path))
    summary(out)
    return 0


def _not_open_in_excel(book: Path) -> None:
    """Excel keeps an owner file ``~$name`` beside a book it has open (for long names, ``~$`` in
    place of the first two characters); replacing the book under it would lose the user's work
    or the refresh."""
    from .files.output import OutputError

    for owner in (f"~${book.name}", f"~${book.name[2:]}"):
        if (book.parent / owner).exists():
            raise OutputError(
                tr(
                    (
                        "{book}: is open in Excel ({owner} is beside it): save and close it, then "
                        "refresh again, or write the refreshed book elsewhere with -o"
                    ),
                    book=book,
                    owner=owner,
                )
            )
