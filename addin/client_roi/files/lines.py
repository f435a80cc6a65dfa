"""Invoice lines in: a file of lines (customer, date, amount or margin) summed per customer and
period, by DuckDB, each value read right or refused.

**Files.** The text exports customer files come in (CSV, semicolon CSV, CSV UTF-8, Unicode Text;
encoding and separator from the file's evidence, ``--encoding``), ``.xlsx``/``.xlsm`` (a
``Transactions`` table, else the first sheet, by cached value) and ``.parquet``.

**Columns** (by header, any case, accents or units; ``--column`` maps any other): ``Customer``
(``Client``), ``Date`` (``Invoice date``, ``Date de facture``…), and ``Gross margin``
(``Marge brute``) and/or ``Amount`` (``Montant``, ``Total HT``, ``Net amount``…); ``Invoice``
(``Facture``) is recognized and not needed. With a margin column the margin is used (an amount
column is then said to be unused); else the amount, which the method multiplies by the margin
rate after summing.

**Values.** Customer names are trimmed of spaces; a blank one is refused by row. Dates by
:mod:`client_roi.files.dates` (the convention from the whole column, ``--date-format``).
Amounts by :mod:`client_roi.files.decimals` (the convention from the whole column,
``--decimal``); a number cell of a workbook is read as Excel shows it at full precision (15
significant digits, so ``=0.1+0.2`` is 0.3). A row blank in customer, date and amount is
skipped (and counted); a row blank in only some of them is refused by row.

**Sums.** Each amount is a decimal with at most ``S`` decimals (``S`` the most the column
writes): the lines are summed as integers of ``10^-S`` (exact), and each customer's sum is
rounded once to the nearest double (``n / 10**S`` in IEEE arithmetic is correctly rounded for
``|n| < 2**53``; a larger sum is refused). The same bits from a CSV, a workbook or a Parquet
file of the same lines.

**How.** A text file in UTF-8 whose first 256 KB show plain numbers (``1234.5`` or
``1234,5``) and one date format that decides its convention is read by DuckDB's own reader,
typed; the whole file must then parse under that reading, every amount must have at most the
decimals seen (checked exactly), and nothing may be blank. That sample already excludes
every other convention, so this is the whole-column rule, at DuckDB's speed. Any other file, or
any doubt, is read by the rules above in Python, and the same DuckDB query sums it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlglot import exp

from .. import method
from ..messages import tr
from ..method.lines import AMOUNT, MARGIN, LineTotals
from ..method.periods import Periods, periods
from ..schema.columns import LINE_COLUMNS, LINE_KEYS
from . import aggregate, decimals, xlsx
from . import dates as date_rule
from .customers import DELIMITERS, HEADER_SEARCH, TEXT_SUFFIXES, InputFileError, _rows, decode, located
from .engines import DuckDB, Engine, Totals
from .line_columns import _check_keys, _column_map, _names_lines, _unused, _used
from .line_values import _days, _name, _scaled, _total_lines, merge_customers
from .row_rules import _CONTROL, is_total_word
from .xlsx import BOOK_SUFFIXES, CachedValues

#: The table of a workbook that holds the lines.
TABLE = "Transactions"
PARQUET_SUFFIXES = (".parquet",)
SAMPLE_BYTES = 1 << 18


@dataclass
class Lines:
    """Per-customer totals of a lines file, and what the summary says about the reading."""

    totals: LineTotals
    name: str
    used: dict[str, str]  # key -> the file's header
    unused: list[str] = field(default_factory=list)  # headers not used (an amount beside a margin…)
    blank_rows: int = 0
    route: str = ""  # "duckdb" or "python": how the file was read
    totals_skipped: list[str] = field(default_factory=list)  # total lines of the export: 'row 9 (Total)'


# ---------------------------------------------------------------------------------------------
# The aggregation: one DuckDB query over (customer, day, x), x = amount × 10^S
# ---------------------------------------------------------------------------------------------


class _Doubt(Exception):
    """The fast route's reading is not certain: the full rules read the file instead."""


def _aggregate(
    engine: Engine,
    relation: exp.Select,
    scale: int,
    kind: str,
    to: dt.date | None,
    months: int,
    name: str,
    *,
    exact: bool = False,
    doubt: bool = False,
    typed: bool = False,
    ids: bool = False,
) -> LineTotals:
    """Sum the lines of ``relation`` (customer, day, x) per customer and period, where they
    live (:mod:`client_roi.files.aggregate`, in the engine's dialect). ``doubt``: a doubtful
    line sends the file to the full rules instead of being refused."""
    d = engine.dialect
    bounds = aggregate.bounds_query(relation, exact, to, typed, ids).sql(dialect=d)
    first, last, count, doubtful, later = engine.rows(bounds)[0]
    count, doubtful, later = int(count or 0), int(doubtful or 0), int(later or 0)
    if doubtful:
        if doubt:
            raise _Doubt
        raise InputFileError(
            tr(
                (
                    "{name}: {doubtful:,} of its {count:,} lines lack a customer, a date or an "
                    "amount, or have an amount with more than {scale} decimals"
                ),
                name=name,
                doubtful=doubtful,
                count=count,
                scale=scale,
            )
        )
    if not count:
        raise InputFileError(tr("{name}: has no invoice lines", name=name))
    first, last = _day(first), _day(last)
    end = to or last
    p = periods(end, months)
    if end < first:
        raise InputFileError(
            tr("{name}: --to {end} is before every line (the first is on {first})", name=name, end=end, first=first)
        )
    got = engine.totals(aggregate.totals_query(relation, end, p.start, p.previous_start, typed, ids).sql(dialect=d))
    if doubt and any(map(is_total_word, got.customer.tolist())):
        raise _Doubt  # a total line of the export, or a customer so named: the full rules tell which
    if _CONTROL.search("\n".join(map(str, got.customer.tolist()))):  # one pass over every name, then which
        if doubt:  # a workbook cannot hold it: the full rules name its line; a database's, by name
            raise _Doubt
        who = next(str(w) for w in got.customer.tolist() if _CONTROL.search(str(w)))
        bad = _CONTROL.search(who)
        assert bad is not None
        raise InputFileError(
            tr(
                "{name}: the customer {who!r} holds the control character U+{ord:04X}, which a workbook cannot hold",
                name=name,
                who=who,
                ord=ord(bad.group()),
            )
        )
    got, spellings = _one_customer_a_name(got, name)
    if not np.any(got.cur_lines > 0):
        raise InputFileError(
            tr(
                (
                    "{name}: no line in the period {start} – {end} (the lines run from {first} to "
                    "{last}); say --to or --months"
                ),
                name=name,
                start=p.start,
                end=p.end,
                first=first,
                last=last,
            )
        )
    return LineTotals(
        customer=got.customer,
        current=_rounded(got.cur, scale, name),
        previous=_rounded(got.prev, scale, name),
        current_lines=got.cur_lines,
        previous_lines=got.prev_lines,
        first=first,
        last=last,
        kind=kind,
        periods=p,
        lines=count,
        later=later,
        merged=tuple(spellings.merged),
        spellings_merged=spellings.count,
        ids=None if spellings.codes is None else np.array(spellings.codes, dtype=object),
    )


def _one_customer_a_name(got: Totals, name: str) -> tuple[Totals, method.names.Spellings]:
    """The engine's groups (one per spelling) merged by the customer-name rule
    (:mod:`client_roi.method.names`): the integer sums added exactly, the line counts added."""
    ids = None if got.cid is None else got.cid.tolist()
    spellings = method.names.merge_spellings(got.customer.tolist(), got.cur_lines + got.prev_lines, ids)
    shown = np.array(spellings.shown, dtype=object)
    if not spellings.count:
        return Totals(shown, got.cur, got.prev, got.cur_lines, got.prev_lines), spellings
    k, group = len(spellings.shown), spellings.group

    def summed(sums: np.ma.MaskedArray) -> np.ma.MaskedArray:
        data, mask = np.ma.getdata(sums), np.ma.getmaskarray(sums)
        out = [0] * k  # Python integers: no 64-bit overflow while adding
        seen = np.zeros(k, dtype=bool)
        for g, v, m in zip(group.tolist(), data.tolist(), mask.tolist(), strict=True):
            if not m:
                out[g] += int(v)
                seen[g] = True
        if any(abs(v) >= 2**63 for v in out):
            raise InputFileError(
                tr("{name}: a customer's total has more than 15 digits; it cannot be summed exactly", name=name)
            )
        return np.ma.MaskedArray(np.array(out, dtype=np.int64), mask=~seen)

    counts = [np.bincount(group, weights=c, minlength=k).astype(np.int64) for c in (got.cur_lines, got.prev_lines)]
    return Totals(shown, summed(got.cur), summed(got.prev), *counts), spellings


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _rounded(sums: Any, scale: int, name: str) -> np.ndarray:
    """Integer sums of ``10^-scale`` as doubles, correctly rounded (NaN for none)."""
    mask = np.ma.getmaskarray(sums)
    n = np.ma.getdata(sums).astype(np.int64)
    if np.any(np.abs(n[~mask]) >= 2**53):
        raise InputFileError(
            tr("{name}: a customer's total has more than 15 digits; it cannot be summed exactly", name=name)
        )
    out = n.astype(np.float64) / float(10**scale)  # both exact: the one rounding is the division's
    out[mask] = np.nan
    return out


def read_lines(
    path: Path | str,
    *,
    to: dt.date | None = None,
    months: int = 12,
    decimal: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
    engine: str = "duckdb",
    master: str | None = None,
) -> Lines:
    """The per-customer totals of the invoice lines at ``path`` (see the module's rules).

    Parameters
    ----------
    path : path-like or str
        A text export, a workbook, a Parquet file or a folder of them; with Spark, a URL
        (``hdfs://``, ``s3a://``).
    to : datetime.date, optional
        The period's last day, inclusive (default: the latest line).
    months : int
        The period's length (the previous period is as long, just before).
    decimal, encoding, date_format : str, optional
        What the file's values cannot tell (``","``, ``"cp1252"``, ``"dmy"``).
    columns : mapping of str to str, optional
        A column of invoice lines (``Customer``, ``Customer ID``, ``Date``, ``Gross margin``,
        ``Amount``, ``Invoice``: name or key) → the file's header for it.
    sheet : str, optional
        The workbook's sheet to read.
    engine : {"duckdb", "spark"}
        Where the lines are summed; ``master``: Spark's (``local[*]`` or a cluster's URL).

    Returns
    -------
    Lines
        ``totals`` (:class:`~client_roi.method.lines.LineTotals`: one entry per customer, by
        the name rule or the code, with exact sums of each period), the headers used and not
        used, the blank rows and total lines skipped, and the route the file took.

    Raises
    ------
    InputFileError
        One line naming the file, its row (or cell) and column, and the way out.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "lines.csv"
    >>> _ = path.write_text("Customer,Date,Amount\\nACME,2025-01-02,10.10\\nacme ,2025-02-03,5\\nTotal,,15.10\\n")
    >>> read = read_lines(path)
    >>> read.totals.customer.tolist(), read.totals.current.tolist(), read.totals_skipped
    (['ACME'], [15.1], ['row 4 (Total)'])
    """
    from .sources import _read_parquet  # the engines' route, which reads this module's columns

    wanted = _column_map(columns)
    if engine == "spark" and re.match(r"^[a-z][a-z0-9+.-]*://", str(path)):  # hdfs://, s3a://: Spark's to read
        return _read_parquet(str(path), wanted, to=to, months=months, engine=engine, master=master)
    path = Path(path)
    if not path.exists():
        raise InputFileError(tr("{source}: no such file", source=path))
    if engine == "spark" and not (path.is_dir() or path.suffix.lower() in PARQUET_SUFFIXES):
        raise InputFileError(tr("{name}: --engine spark reads Parquet (a file or a folder)", name=path.name))
    if path.is_dir():  # a folder of Parquet files
        return _read_parquet(path, wanted, to=to, months=months, engine=engine, master=master)
    if not path.is_file():
        raise InputFileError(tr("{source}: is not a file", source=path))
    suffix = path.suffix.lower()
    options = {"to": to, "months": months}
    if suffix in TEXT_SUFFIXES:
        if sheet is not None:
            raise InputFileError(tr("{name}: --sheet is for workbooks; a text export has one table", name=path.name))
        fast = None
        if decimal is None and encoding is None and date_format is None:
            fast = _read_text_duckdb(path, wanted, **options)
        if fast is not None:
            return fast
        text, _ = decode(path.read_bytes(), path.name, encoding, LINE_KEYS)
        rows, h = _rows(text, path.name, wanted, names=_names_lines)
        if not rows:
            raise InputFileError(tr("{name}: the file is empty", name=path.name))
        return _read_rows(rows[h], rows[h + 1 :], path.name, h + 2, None, decimal, date_format, wanted, **options)
    if suffix in BOOK_SUFFIXES:
        header, rows, top, cell = _xlsx_rows(path, wanted, sheet)
        return _read_rows(header, rows, path.name, top, cell, decimal, date_format, wanted, **options)
    if suffix in PARQUET_SUFFIXES:
        return _read_parquet(path, wanted, **options, engine=engine, master=master)
    raise InputFileError(
        tr(
            (
                "{name}: expected a text export ({TEXT_SUFFIXES}), a workbook ({BOOK_SUFFIXES}) "
                "or a Parquet file (.parquet)"
            ),
            name=path.name,
            TEXT_SUFFIXES=", ".join(TEXT_SUFFIXES),
            BOOK_SUFFIXES=", ".join(BOOK_SUFFIXES),
        )
    )


_PLAIN = {decimals.POINT: re.compile(r"-?\d+(?:\.\d+)?"), decimals.COMMA: re.compile(r"-?\d+(?:,\d+)?")}
_DUCK_DATE = {
    ("ymd", "-"): "%Y-%m-%d",
    ("ymd", "/"): "%Y/%m/%d",
    ("dmy", "/"): "%d/%m/%Y",
    ("dmy", "-"): "%d-%m-%Y",
    ("dmy", "."): "%d.%m.%Y",
    ("mdy", "/"): "%m/%d/%Y",
    ("mdy", "-"): "%m-%d-%Y",
}


def _read_text_duckdb(path: Path, columns: Mapping[str, str], *, to, months) -> Lines | None:
    """The fast route (see the module's **How**); None when the file needs the full rules."""
    import duckdb

    with open(path, "rb") as f:
        raw = f.read(SAMPLE_BYTES)
    whole = len(raw) < SAMPLE_BYTES
    if not whole:
        raw = raw[: raw.rfind(b"\n") + 1]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    # The one separator under which a row near the top names our columns (clevercsv, and its
    # import, are for the full rules)
    found = []
    for d in DELIMITERS:
        try:
            with xlsx.bulk():
                rows = list(
                    csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=d, quotechar='"', strict=True)
                )
        except csv.Error:
            continue
        h = next((i for i, r in enumerate(rows[:HEADER_SEARCH]) if _names_lines(r, columns)), None)
        if h is not None:
            found.append((d, rows, h))
    if len(found) != 1:
        return None
    delimiter, rows, h = found[0]
    header, body = rows[h], rows[h + 1 :]
    keys = _check_keys(path.name, header, columns)
    kind = MARGIN if "margin" in keys else AMOUNT
    money = keys[kind]
    if not body or any(len(r) != len(header) for r in body):
        return None
    values = [r[money].strip() for r in body]
    day_texts = [r[keys["date"]].strip() for r in body]
    who = [keys["customer"], *([keys["customer_id"]] if "customer_id" in keys else [])]
    if any(not r[j].strip() for r in body for j in who) or not all(values) or not all(day_texts):
        return None
    try:
        _, convention = decimals.read_column(values)
        _, dates = date_rule.read_dates(day_texts)
    except (decimals.ColumnProblem, date_rule.DateProblem):
        return None
    if not all(_PLAIN[convention].fullmatch(v) for v in values):
        return None
    seps = {re.sub(r"[0-9]", "", d)[:1] for d in day_texts}
    if len(seps) != 1 or (dates, next(iter(seps))) not in _DUCK_DATE or any(len(d) > 10 for d in day_texts):
        return None
    scale = max((len(v.split(convention)[1]) for v in values if convention in v), default=0)
    names = [f"c{j}" for j in range(len(header))]
    types = {n: "VARCHAR" for n in names}
    types[names[keys["date"]]] = "DATE"
    types[names[money]] = "DOUBLE"
    spec = ", ".join(f"'{n}': '{t}'" for n, t in types.items())
    fmt = _DUCK_DATE[(dates, next(iter(seps)))]
    engine = DuckDB(path.name)
    try:
        engine.con.execute(
            f"""CREATE TEMP TABLE lines AS SELECT trim({names[keys["customer"]]}) AS customer,
                {names[keys["date"]]} AS day, {names[money]} * {10**scale} AS x
                {f", trim({names[keys['customer_id']]}) AS cid" if "customer_id" in keys else ""}
            FROM read_csv(?, delim=?, quote='"', escape='"', header=false, skip={h + 1}, columns={{{spec}}},
                          dateformat='{fmt}', decimal_separator='{convention}', strict_mode=true,
                          null_padding=false, encoding='utf-8')""",
            [str(path), delimiter],
        )
        ids = "customer_id" in keys
        totals = _aggregate(engine, _lines(ids), scale, kind, to, months, path.name, doubt=True, ids=ids)
    except (duckdb.Error, _Doubt):
        return None  # DuckDB's reading disagrees somewhere, or a value is in doubt: the full rules say where
    finally:
        engine.close()
    return Lines(totals, path.name, _used(header, keys, kind), _unused(header, keys, kind), 0, "duckdb")


def _xlsx_rows(path: Path, columns: Mapping[str, str], sheet_name: str | None):
    """Header, rows, first data row and cell namer of the lines in a workbook (found as
    customer files are: :func:`~client_roi.files.customers.located`)."""
    from .xlsx import column_letter, faults_said

    with faults_said(path.name):  # calamine's own kinds, panics included
        cached = CachedValues.from_path(path)
        sheet, top, left, header, rows = located(cached, path.name, TABLE, _names_lines, columns, sheet_name)

    def cell(i: int, j: int) -> str:
        return tr(
            "cell '{sheet}'!{column_letter}{top}",
            sheet=sheet,
            column_letter=column_letter(left + j + 1),
            top=top + 2 + i,
        )

    return header, rows, top + 2, cell


def _read_rows(
    header: list[Any],
    rows: list[list[Any]],
    name: str,
    first_row: int,
    cell,
    decimal: str | None,
    date_format: str | None,
    columns: Mapping[str, str],
    *,
    to,
    months,
) -> Lines:
    """The full rules, value by value, then the same DuckDB sums."""
    import pandas as pd

    keys = _check_keys(name, header, columns)
    kind = MARGIN if "margin" in keys else AMOUNT
    ids = "customer_id" in keys
    picks = [keys["customer"], keys["date"], keys[kind], *([keys["customer_id"]] if ids else [])]

    def where(i: int, j: int) -> str:
        place = f"{name} {cell(i, j)}" if cell else tr("{name} row {first_row}", name=name, first_row=first_row + i)
        return tr("{place}, column '{header}'", place=place, header=header[j])

    kept, blank, candidates = [], 0, []
    for i, r in enumerate(rows):
        vals = [r[j] if j < len(r) else None for j in picks]
        empty = [method.is_blank(v) for v in vals]
        if all(empty):
            blank += 1
            continue
        if (empty[0] or is_total_word(vals[0])) and not empty[2]:  # a total line, if it adds up
            candidates.append(i)
            continue
        if any(empty):
            raise InputFileError(
                tr(
                    "{where}: is blank; a line needs a customer, a date and an amount",
                    where=where(i, picks[empty.index(True)]),
                )
            )
        kept.append(i)
    if not kept and not candidates:
        raise InputFileError(tr("{name}: has no invoice lines", name=name))
    read_money, scale = _scaled(
        [rows[i][picks[2]] for i in (*kept, *candidates)], decimal, lambda n: where((*kept, *candidates)[n], picks[2])
    )
    scaled = read_money[: len(kept)]
    totals = _total_lines(
        kept,
        scaled,
        candidates,
        read_money[len(kept) :],
        scale,
        [rows[i][picks[0]] if picks[0] < len(rows[i]) else None for i in candidates],
        lambda i: where(i, picks[0]),
        first_row,
    )
    if not kept:
        raise InputFileError(tr("{name}: has no invoice lines", name=name))
    customers = [_name(rows[i][picks[0]]) for i in kept]
    for n, who in enumerate(customers):
        bad = _CONTROL.search(who)
        if bad:
            raise InputFileError(
                tr(
                    "{where}: holds the control character U+{ord:04X}, which a workbook cannot hold",
                    where=where(kept[n], picks[0]),
                    ord=ord(bad.group()),
                )
            )
    day_cells = [rows[i][picks[1]] for i in kept]
    days = _days(day_cells, date_format, lambda n: where(kept[n], picks[1]))
    frame = pd.DataFrame({"customer": customers, "day": days, "x": scaled})
    if ids:
        frame["cid"] = [_name(rows[i][picks[3]]) for i in kept]
    import duckdb

    engine = DuckDB(name)
    try:
        engine.con.register("lines_frame", frame)
        engine.con.execute(
            "CREATE TEMP VIEW lines AS SELECT customer, CAST(day AS DATE) AS day, x"
            + (", cid" if ids else "")
            + " FROM lines_frame"
        )
        got = _aggregate(engine, _lines(ids), scale, kind, to, months, name, exact=True, ids=ids)
    except duckdb.Error as exc:  # a customer's sum past 64 bits
        raise InputFileError(tr("{place}: {cause}", place=name, cause=str(exc).splitlines()[0])) from None
    finally:
        engine.close()
    return Lines(got, name, _used(header, keys, kind), _unused(header, keys, kind), blank, "python", [*totals.values()])


def _lines(ids: bool) -> exp.Select:
    """The lines a route has put in DuckDB (a table or a view named ``lines``: customer, day,
    x, and cid with customer codes)."""
    return exp.select("customer", "day", "x", *(["cid"] if ids else [])).from_("lines")


def read_period(text: str | None, name: str = "--to") -> dt.date | None:
    """A ``--to`` date: ISO ``2025-03-31`` (or any form the date rule reads unambiguously)."""
    if text is None:
        return None
    try:
        (day,), _ = date_rule.read_dates([text])
    except date_rule.DateProblem as exc:
        raise InputFileError(tr("{place}: {cause}", place=name, cause=exc)) from None
    return day


__all__ = ["LINE_COLUMNS", "Lines", "Periods", "merge_customers", "read_lines", "read_period"]
