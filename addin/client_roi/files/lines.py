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
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from sqlglot import exp

from .. import method
from ..method.lines import AMOUNT, MARGIN, LineTotals
from ..method.periods import Periods, periods
from ..schema.columns import LINE_COLUMNS, LINE_KEYS, door_key, normalize
from . import aggregate, decimals, xlsx
from . import dates as date_rule
from .customers import DELIMITERS, HEADER_SEARCH, TEXT_SUFFIXES, InputFileError, _rows, decode, is_total_word, located
from .engines import DuckDB, Engine, Postgres, Spark, Totals, shown_url
from .xlsx import BOOK_SUFFIXES, CachedValues

#: The table of a workbook that holds the lines.
TABLE = "Transactions"
PARQUET_SUFFIXES = (".parquet",)
DUCKDB_SUFFIXES = (".duckdb", ".ddb", ".db")
POSTGRES_URLS = ("postgresql://", "postgres://")
SAMPLE_BYTES = 1 << 18
MAX_SCALE = 9  # decimals of an amount: beyond, the exact integer sums could overflow


def _header(key: str, lang: str = "en") -> str:
    return next(getattr(c, lang) for c in LINE_COLUMNS if c.key == key)


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


def _keys(header: list[Any], columns: Mapping[str, str]) -> dict[str, int]:
    """Our keys → positions in ``header`` (``columns``: --column mappings, said first)."""
    mapped = {normalize(text): key for key, text in columns.items()}
    keys: dict[str, int] = {}
    for i, h in enumerate(header):
        key = mapped.get(normalize(h))
        if key is None:
            key = LINE_KEYS.get(normalize(h))
            if key in mapped.values():
                continue
        if key is None or key in keys:
            continue
        keys[key] = i
    return keys


def _names_lines(row: list[Any], columns: Mapping[str, str]) -> bool:
    keys = _keys(row, columns)
    return ("customer" in keys or "customer_id" in keys) and "date" in keys and ("margin" in keys or "amount" in keys)


def _check_keys(name: str, header: list[Any], columns: Mapping[str, str]) -> dict[str, int]:
    for wanted, text in columns.items():
        if wanted not in {c.key for c in LINE_COLUMNS}:
            raise InputFileError(
                f"--column: '{wanted}' is not a column of invoice lines ({', '.join(c.en for c in LINE_COLUMNS)})"
            )
        if normalize(text) not in {normalize(h) for h in header}:
            raise InputFileError(f"{name}: has no column '{text}' for '{_header(wanted)}' (found: {_found(header)})")
    keys = _keys(header, columns)
    if "customer_id" in keys and "customer" not in keys:  # a code alone: the code is the customer
        keys["customer"] = keys.pop("customer_id")
    missing = [k for k in ("customer", "date") if k not in keys]
    if "margin" not in keys and "amount" not in keys:
        missing.append("margin")
    if missing:
        fr = sum(normalize(h) in {normalize(c.fr) for c in LINE_COLUMNS} for h in header) > sum(
            normalize(h) in {normalize(c.en) for c in LINE_COLUMNS} for h in header
        )
        names = [_header(k, "fr" if fr else "en") for k in missing]
        amount = _header("amount", "fr" if fr else "en")
        what = ", ".join(f"'{n}'" for n in names)
        if "margin" in missing:
            what = what.replace(f"'{names[-1]}'", f"'{names[-1]}' or '{amount}'")
        raise InputFileError(
            f"{name}: no column for {what} (found: {_found(header)}); if one of them is it, say which: "
            f'--column "{names[0]}=ITS HEADER"'
        )
    return keys


def _found(header: list[Any]) -> str:
    return ", ".join(str(h) for h in header if not method.is_blank(h)) or "nothing"


def _column_map(columns: Mapping[str, str] | None) -> dict[str, str]:
    """--column mappings, keyed by our line keys (``Gross margin=…`` → ``margin``)."""
    out: dict[str, str] = {}
    for ours, theirs in (columns or {}).items():
        out[door_key(ours, "lines") or ours] = theirs  # an unknown one is refused with the file's header
    return out


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
            f"{name}: {doubtful:,} of its {count:,} lines lack a customer, a date or an amount, or have an amount "
            f"with more than {scale} decimals"
        )
    if not count:
        raise InputFileError(f"{name}: has no invoice lines")
    first, last = _day(first), _day(last)
    end = to or last
    p = periods(end, months)
    if end < first:
        raise InputFileError(f"{name}: --to {end} is before every line (the first is on {first})")
    got = engine.totals(aggregate.totals_query(relation, end, p.start, p.previous_start, typed, ids).sql(dialect=d))
    if doubt and any(map(is_total_word, got.customer.tolist())):
        raise _Doubt  # a total line of the export, or a customer so named: the full rules tell which
    got, spellings = _one_customer_a_name(got, name)
    if not np.any(got.cur_lines > 0):
        raise InputFileError(
            f"{name}: no line in the period {p.start} – {p.end} (the lines run from {first} to {last}); "
            "say --to or --months"
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
            raise InputFileError(f"{name}: a customer's total has more than 15 digits; it cannot be summed exactly")
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
        raise InputFileError(f"{name}: a customer's total has more than 15 digits; it cannot be summed exactly")
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
    """The per-customer totals of the lines file at ``path`` (see the module's rules);
    ``engine='spark'`` sums a Parquet file or folder with Spark (``master``: local[*] or a
    cluster's URL)."""
    wanted = _column_map(columns)
    if engine == "spark" and re.match(r"^[a-z][a-z0-9+.-]*://", str(path)):  # hdfs://, s3a://: Spark's to read
        return _read_parquet(str(path), wanted, to=to, months=months, engine=engine, master=master)
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    if engine == "spark" and not (path.is_dir() or path.suffix.lower() in PARQUET_SUFFIXES):
        raise InputFileError(f"{path.name}: --engine spark reads Parquet (a file or a folder)")
    if path.is_dir():  # a folder of Parquet files
        return _read_parquet(path, wanted, to=to, months=months, engine=engine, master=master)
    if not path.is_file():
        raise InputFileError(f"{path}: is not a file")
    suffix = path.suffix.lower()
    options = {"to": to, "months": months}
    if suffix in TEXT_SUFFIXES:
        if sheet is not None:
            raise InputFileError(f"{path.name}: --sheet is for workbooks; a text export has one table")
        fast = None
        if decimal is None and encoding is None and date_format is None:
            fast = _read_text_duckdb(path, wanted, **options)
        if fast is not None:
            return fast
        text, _ = decode(path.read_bytes(), path.name, encoding, LINE_KEYS)
        rows, h = _rows(text, path.name, wanted, names=_names_lines)
        if not rows:
            raise InputFileError(f"{path.name}: the file is empty")
        return _read_rows(rows[h], rows[h + 1 :], path.name, h + 2, None, decimal, date_format, wanted, **options)
    if suffix in BOOK_SUFFIXES:
        header, rows, top, cell = _xlsx_rows(path, wanted, sheet)
        return _read_rows(header, rows, path.name, top, cell, decimal, date_format, wanted, **options)
    if suffix in PARQUET_SUFFIXES:
        return _read_parquet(path, wanted, **options, engine=engine, master=master)
    raise InputFileError(
        f"{path.name}: expected a text export ({', '.join(TEXT_SUFFIXES)}), a workbook "
        f"({', '.join(BOOK_SUFFIXES)}) or a Parquet file (.parquet)"
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


def _used(header: list[Any], keys: dict[str, int], kind: str) -> dict[str, str]:
    return {k: str(header[keys[k]]) for k in ("customer", "customer_id", "date", kind) if k in keys}


def _unused(header: list[Any], keys: dict[str, int], kind: str) -> list[str]:
    used = {keys[k] for k in ("customer", "customer_id", "date", kind, "invoice") if k in keys}
    return [str(h) for i, h in enumerate(header) if i not in used and not method.is_blank(h)]


def _xlsx_rows(path: Path, columns: Mapping[str, str], sheet_name: str | None):
    """Header, rows, first data row and cell namer of the lines in a workbook (found as
    customer files are: :func:`~client_roi.files.customers.located`)."""
    from .xlsx import column_letter

    try:
        cached = CachedValues.from_path(path)
        sheet, top, left, header, rows = located(cached, path.name, TABLE, _names_lines, columns, sheet_name)
    except InputFileError:
        raise
    except Exception as exc:
        raise InputFileError(f"{path.name}: cannot be read as a workbook ({type(exc).__name__}: {exc})") from None

    def cell(i: int, j: int) -> str:
        return f"cell '{sheet}'!{column_letter(left + j + 1)}{top + 2 + i}"

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
        place = f"{name} {cell(i, j)}" if cell else f"{name} row {first_row + i}"
        return f"{place}, column '{header[j]}'"

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
                f"{where(i, picks[empty.index(True)])}: is blank; a line needs a customer, a date and an amount"
            )
        kept.append(i)
    if not kept and not candidates:
        raise InputFileError(f"{name}: has no invoice lines")
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
        raise InputFileError(f"{name}: has no invoice lines")
    customers = [_name(rows[i][picks[0]]) for i in kept]
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
        raise InputFileError(f"{name}: {str(exc).splitlines()[0]}") from None
    finally:
        engine.close()
    return Lines(got, name, _used(header, keys, kind), _unused(header, keys, kind), blank, "python", [*totals.values()])


def _total_lines(
    kept: list[int],
    line_amounts: np.ndarray,
    candidates: list[int],
    amounts: np.ndarray,
    scale: int,
    names: list[Any],
    where,
    first_row: int,
) -> dict[int, str]:
    """The total lines among ``candidates`` (rows named as a total, or with no customer, that
    have an amount): ``{row index: 'row N (Total)'}``. A total line's amount is the sum of the
    lines above it, to the cent: all of them, or those since the previous total line (a
    subtotal); it is skipped and said, as in customer files. Any other such row is refused by
    its row: it would count as a customer called "Total", or as a line of no one. ``kept`` and
    ``line_amounts``: the invoice lines and their amounts (exact integers of ``10^-scale``, as
    ``amounts``); ``names``: each candidate's customer cell."""
    found: dict[int, str] = {}
    above = since = 0  # exact integers of 10^-scale
    lines = dict(zip(kept, line_amounts.tolist(), strict=True))
    totals = dict(zip(candidates, zip(amounts.tolist(), names, strict=True), strict=True))
    for i in sorted(lines.keys() | totals.keys()):
        if i in lines:
            above, since = above + int(lines[i]), since + int(lines[i])
            continue
        total, who = int(totals[i][0]), totals[i][1]
        if _cents(total, scale) not in (_cents(above, scale), _cents(since, scale)):
            if method.is_blank(who):
                raise InputFileError(
                    f"{where(i)}: is blank; a line needs a customer, a date and an amount (nor is it a total "
                    "line: its amount is not the sum of the lines above it)"
                )
            raise InputFileError(
                f"{where(i)}: {str(who).strip()!r} looks like a total line, but its amount is not the sum of the "
                "lines above it: remove the line, or rename the customer"
            )
        found[i] = f"row {first_row + i} ({'blank' if method.is_blank(who) else str(who).strip()})"
        since = 0
    return found


def _cents(n: int, scale: int) -> int:
    """An amount of ``n × 10^-scale`` to the cent (half away from zero, as a ledger rounds)."""
    if scale <= 2:
        return n * 10 ** (2 - scale)
    q, r = divmod(abs(n), 10 ** (scale - 2))
    cents = q + (2 * r >= 10 ** (scale - 2))
    return cents if n >= 0 else -cents


def _name(value: Any) -> str:
    return value.strip() if isinstance(value, str) else (f"{value:g}" if isinstance(value, float) else str(value))


def _days(cells: list[Any], date_format: str | None, where) -> np.ndarray:
    """Days of a date column: date cells as they are, serials, texts by the column rule."""
    out: list[dt.date | None] = [None] * len(cells)
    texts: list[tuple[int, str]] = []
    for n, v in enumerate(cells):
        if isinstance(v, dt.datetime):
            out[n] = v.date()
        elif isinstance(v, dt.date):
            out[n] = v
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            day = date_rule.serial_date(float(v))
            if day is None:
                raise InputFileError(f"{where(n)}: {v:g} is not a date (nor an Excel date serial)")
            out[n] = day
        else:
            texts.append((n, str(v)))
    if texts:
        try:
            read, _ = date_rule.read_dates([t for _, t in texts], date_format)
        except date_rule.DateProblem as exc:
            raise InputFileError(f"{where(texts[exc.row][0])}: {exc}") from None
        for (n, _), d in zip(texts, read, strict=True):
            out[n] = d
    return np.array(out, dtype="datetime64[D]")


def _scaled(cells: list[Any], decimal: str | None, where) -> tuple[np.ndarray, int]:
    """Amounts as exact integers of ``10^-S`` (held in doubles) and ``S``."""
    texts: list[str] = []
    for v in cells:
        if isinstance(v, bool):
            texts.append(str(v))
        elif isinstance(v, (int, float)):
            if not math.isfinite(v):
                texts.append(str(v))
            else:
                texts.append(format(Decimal(f"{v:.15g}"), "f"))  # as Excel shows it, at full precision
        else:
            texts.append(str(v))
    try:
        _, convention = decimals.read_column(texts, decimal, fallback=decimals.POINT if not decimal else None)
    except decimals.ColumnProblem as exc:
        raise InputFileError(f"{where(exc.row)}: {exc}") from None
    # exact decimals: the digits as written, the grouping and currency stripped by the rule's parse
    exact = [_decimal(t, convention) for t in texts]
    places = [max(0, -int(d.as_tuple().exponent)) for d in exact]
    scale = max(places, default=0)
    if scale > MAX_SCALE:
        n = places.index(scale)
        raise InputFileError(f"{where(n)}: {texts[n]!r} has {scale} decimals; an amount may have at most {MAX_SCALE}")
    ints = [int(d.scaleb(scale)) for d in exact]
    if any(abs(i) >= 2**53 for i in ints):
        n = next(i for i, v in enumerate(ints) if abs(v) >= 2**53)
        raise InputFileError(f"{where(n)}: {texts[n]!r} has too many digits to be summed exactly")
    return np.array(ints, dtype=np.float64), scale


_EXPONENT = re.compile(r"\d[eE][+-]?\d")


def _decimal(text: str, convention: str) -> Decimal:
    """The exact decimal ``text`` writes in ``convention`` (already known to read); written
    with an exponent, a whole number has no decimals (``1.5E+03`` is 1500)."""
    d = decimals.parse_exact(text, convention)
    assert d is not None
    if _EXPONENT.search(text) and d == d.to_integral_value():
        d = d.normalize()
    return d


def _lines(ids: bool) -> exp.Select:
    """The lines a route has put in DuckDB (a table or a view named ``lines``: customer, day,
    x, and cid with customer codes)."""
    return exp.select("customer", "day", "x", *(["cid"] if ids else [])).from_("lines")


_TEXT = re.compile(r"^(VARCHAR|TEXT|STRING|CHAR|CHARACTER|BPCHAR|NAME|CITEXT)")
_INTEGER = re.compile(
    r"^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|INT2|INT4|INT8|LONG|SHORT|BYTE)\b"
)
_DECIMAL = re.compile(r"^(DECIMAL|NUMERIC)(?:\((\d+)\s*,\s*(\d+)\))?")
_DECIMAL_SCALE = re.compile(r"^(DECIMAL|NUMERIC)\(\d+\s*,\s*\d+\)")
_FLOAT = re.compile(r"^(DOUBLE|FLOAT|REAL|FLOAT4|FLOAT8)")
_DATE = re.compile(r"^(DATE|TIMESTAMP)")


def read_source(
    engine: Engine,
    source: exp.Expression,
    *,
    name: str,
    to: dt.date | None = None,
    months: int = 12,
    columns: Mapping[str, str] | None = None,
) -> Lines:
    """The per-customer totals of the lines in ``source`` (a table, a view or a subquery of
    ``engine``), typed by the engine: amounts stored as numbers, dates as dates. The whole
    aggregation runs in the engine; only per-customer rows come back."""
    wanted = _column_map(columns)
    schema = engine.schema(exp.select("*").from_(source.copy()).limit(0).sql(dialect=engine.dialect))
    header = [n for n, _ in schema]
    types = dict(schema)
    keys = _check_keys(name, header, wanted)
    kind = MARGIN if "margin" in keys else AMOUNT
    c, d, m = (header[keys[k]] for k in ("customer", "date", kind))
    if not _DATE.match(types[d]):
        raise InputFileError(
            f"{name}: column '{d}' is {types[d].lower()}, not a date: store it as a date, or convert it in a query"
        )
    exact, scale = _scale(engine, source, c, d, m, types[m], name)
    typed = bool(_INTEGER.match(types[m]) or _DECIMAL_SCALE.match(types[m]))  # the type says S
    code = header[keys["customer_id"]] if "customer_id" in keys else None
    relation = aggregate.lines_relation(
        source,
        c,
        d,
        m,
        scale,
        text_customer=bool(_TEXT.match(types[c])),
        customer_id=code,
        text_id=code is None or bool(_TEXT.match(types[code])),
    )
    totals = _aggregate(engine, relation, scale, kind, to, months, name, exact=exact, typed=typed, ids=code is not None)
    return Lines(totals, name, _used(header, keys, kind), _unused(header, keys, kind), 0, engine.dialect)


def _scale(engine: Engine, source: exp.Expression, c: str, d: str, m: str, kind: str, name: str) -> tuple[bool, int]:
    """Whether the amount column is exact (a decimal or an integer type) and its decimals S:
    the type's own scale, else the fewest decimals that write every amount exactly (one query)."""
    decimal = _DECIMAL.match(kind)
    if _INTEGER.match(kind):
        return True, 0
    if decimal and decimal.group(3) is not None:
        return True, int(decimal.group(3))
    if not (decimal or _FLOAT.match(kind)):
        raise InputFileError(f"{name}: column '{m}' is {kind.lower()}, not a number: store amounts as numbers")
    exact = decimal is not None
    relation = aggregate.lines_relation(source, c, d, m, 0)
    counts = engine.rows(aggregate.scale_query(relation, exact, MAX_SCALE).sql(dialect=engine.dialect))[0]
    for scale, bad in enumerate(counts):
        if not int(bad or 0):
            return exact, scale
    raise InputFileError(f"{name}: column '{m}' has amounts with more than {MAX_SCALE} decimals")


def _read_parquet(
    path: Path | str, columns: Mapping[str, str], *, to, months, engine: str = "duckdb", master: str | None = None
) -> Lines:
    """A Parquet file, or a folder of them (a hive-partitioned dataset as data lakes keep it);
    a URL (``hdfs://``, ``s3a://``) with Spark."""
    import duckdb

    if engine == "spark":
        spark = Spark(str(path), master or "local[*]")
        view = spark.view(str(path))
        return read_source(spark, exp.to_table(view), name=str(path), to=to, months=months, columns=columns)
    path = Path(path)
    name = path.name or str(path)
    pattern = str(path / "**" / "*.parquet") if path.is_dir() else str(path)
    source = exp.Table(
        this=exp.Anonymous(
            this="read_parquet",
            expressions=[
                exp.Literal.string(pattern),
                exp.EQ(this=exp.column("hive_partitioning"), expression=exp.true() if path.is_dir() else exp.false()),
            ],
        )
    )
    db = DuckDB(name)
    try:
        return read_source(db, source, name=name, to=to, months=months, columns=columns)
    except duckdb.Error as exc:
        raise InputFileError(f"{name}: {str(exc).splitlines()[0]}") from None
    finally:
        db.close()


def read_database(
    url: str,
    *,
    table: str | None = None,
    query: str | None = None,
    to: dt.date | None = None,
    months: int = 12,
    columns: Mapping[str, str] | None = None,
) -> Lines:
    """Lines in a database: ``postgresql://user@host/db`` (PostgreSQL) or a DuckDB database
    file, from ``table`` or ``query``; the aggregation runs in the database."""
    import sqlglot

    if (table is None) == (query is None):
        raise InputFileError(f'{shown_url(url)}: say which lines: --table NAME or --query "SELECT …"')
    if url.startswith(POSTGRES_URLS):
        engine: Engine = Postgres(url)
    else:
        path = Path(url)
        if path.suffix.lower() not in DUCKDB_SUFFIXES:
            raise InputFileError(
                f"{path.name}: --table and --query go with a database: a postgresql:// URL or a DuckDB "
                f"file ({', '.join(DUCKDB_SUFFIXES)}); give a file of lines without them"
            )
        if not path.is_file():
            raise InputFileError(f"{url}: no such DuckDB database")
        try:
            engine = DuckDB(path.name, str(path), read_only=True)
        except Exception as exc:  # duckdb.IOException and the like
            raise InputFileError(
                f"{path.name}: cannot be opened as a DuckDB database ({str(exc).splitlines()[0]})"
            ) from None
    try:
        if table is not None:
            source: exp.Expression = exp.to_table(table, dialect=engine.dialect)
        else:
            try:
                parsed = sqlglot.parse_one(query or "", read=engine.dialect)
            except sqlglot.errors.ParseError as exc:
                raise InputFileError(
                    f"--query: cannot be read as {engine.dialect} SQL ({str(exc).splitlines()[0]})"
                ) from None
            source = exp.Subquery(this=parsed, alias=exp.TableAlias(this=exp.to_identifier("q")))
            engine.name = f"{engine.name} (--query)"  # its errors are the query's
        return read_source(engine, source, name=engine.name, to=to, months=months, columns=columns)
    finally:
        engine.close()


def read_period(text: str | None, name: str = "--to") -> dt.date | None:
    """A ``--to`` date: ISO ``2025-03-31`` (or any form the date rule reads unambiguously)."""
    if text is None:
        return None
    try:
        (day,), _ = date_rule.read_dates([text])
    except date_rule.DateProblem as exc:
        raise InputFileError(f"{name}: {exc}") from None
    return day


__all__ = ["LINE_COLUMNS", "Lines", "Periods", "read_lines", "read_period"]


def merge_customers(from_lines, listed, name: str):
    """Merge a customer file into the customers of the lines, by name (the one customer-name
    rule: :func:`client_roi.method.names.name_key`). The lines decide who is a client and its margin;
    the file adds acquisition costs, days spent, its own columns, and customers without lines
    (free users, prospects and their expected margin). A customer with lines whose file row
    says otherwise (not paying, not a client, or a different expected margin) is refused by
    row. Returns the merged frame and the customers whose file margin the lines replaced."""
    import pandas as pd

    same = method.names.name_key
    by_name = {same(v): i for i, v in enumerate(from_lines["customer"].tolist())}
    out = from_lines.copy()
    for key in listed.columns:
        if key not in out:
            out[key] = pd.Series([None] * len(out), dtype=object)
    added, replaced = [], []
    for row in listed.to_dict("records"):
        who = str(row["customer"]).strip()
        i = by_name.get(same(who))

        def refuse(column: str, why: str, who: str = who) -> None:
            raise InputFileError(f"{name}, customer '{who}', column '{column}': {why}")

        if i is None:
            if method.is_blank(row.get("should_pay")):
                refuse("Should pay", "is blank, and the customer has no invoice lines: say whether it should pay")
            added.append(row)
            continue
        mine = out.iloc[i]
        paying = method.client_role([row.get("should_pay")], [row.get("has_paid")])[0]
        client_now = mine["has_paid"] == "yes"
        if paying == "user":
            refuse("Should pay", "says no, but the customer has invoice lines")
        if client_now and paying == "prospect":
            refuse("Has paid", "says no, but the customer has lines in the period")
        if not client_now and paying == "client":
            refuse("Has paid", "says yes, but the customer has no line in the period (lost since the previous one)")
        if not method.is_blank(row.get("gross_margin")) and client_now and row["gross_margin"] != mine["gross_margin"]:
            replaced.append(who)
        expected = row.get("expected_margin")
        if not client_now and not method.is_blank(expected) and float(expected) != mine["expected_margin"]:
            refuse(
                "Expected margin", f"is {expected:g}, but its previous period's margin is {mine['expected_margin']:g}"
            )
        for key, value in row.items():
            if key in ("customer", "should_pay", "has_paid", "gross_margin", "expected_margin"):
                continue
            if not method.is_blank(value):
                out.at[out.index[i], key] = value
    if added:
        extra = pd.DataFrame(added, dtype=object).reindex(columns=out.columns)
        out = pd.concat([out, extra], ignore_index=True)
    return out, replaced
