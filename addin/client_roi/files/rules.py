"""The input rules, written once for every door: what the rows a door has read mean.

A customer file (text export or workbook), a DataFrame (:mod:`.frame`) and the customer file
merged into invoice lines all hand their header and rows to :func:`customer_frame`, which
applies, in order:

* **Columns**: each header names one of our columns by :func:`client_roi.schema.columns.header_key`
  (names, aliases, a percent never money), the user's ``--column`` first; two for one meaning,
  or none for a required one, are refused naming what the file has.
* **Text**: stays text; control characters and cells over Excel's 32,767 characters refused.
* **Numbers**: each number column by the evidence of the whole column (:mod:`.decimals`), an
  ambiguous one settled by the file's other columns; ``Decimal`` and numpy's integers as numbers.
* **Money**: the margin column, else a revenue × its margin rate (:func:`_rates`: percents from
  the whole column's evidence), else × the ``margin_rate`` parameter; the summary says which.
* **Roles**: the flags, else a status (:mod:`client_roi.method.status`), else every customer a
  paying client.
* **Total lines** skipped when they add up, refused otherwise; **duplicates** by the one name
  rule (:mod:`client_roi.method.names`), refused or merged.
* The user's own columns kept, to the right of ours.

Every refusal names the place by :class:`Source`: the file, its row and column (or a workbook's
cell), never a cell of the workbook being built.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from numbers import Integral
from typing import Any

import pandas as pd

from .. import method
from ..messages import tr
from ..schema import columns as layout
from . import decimals, xlsx
from .row_rules import NUMBER_INPUTS, Source, _duplicates, _filled_cell, _text, _total_lines
from .xlsx import InputFileError

INPUT_KEYS = {c.key for c in layout.INPUTS + layout.MOVEMENT_INPUTS + layout.DOOR_COLUMNS}


def _header_keys(header: list, columns: Mapping[str, str], name: str) -> tuple[dict[str, int], list[str]]:
    """Our keys → positions in ``header``, by the rule of every door (:func:`columns.header_key
    <client_roi.schema.columns.header_key>`), the user's ``--column`` first; and the headers
    that say percent and were therefore taken for no money column (for the summary)."""
    keys: dict[str, int] = {}
    said = {layout.normalize(text): key for key, text in columns.items()}  # --column: said, so first
    for wanted, text in columns.items():
        if layout.normalize(text) not in {layout.normalize(h) for h in header}:
            raise InputFileError(
                tr(
                    "{name}: has no column '{text}' for '{wanted}' (found: {header})",
                    name=name,
                    text=text,
                    wanted=layout.header(wanted, "en"),
                    header=", ".join(str(h) for h in header if not method.is_blank(h)),
                )
            )
        if wanted in layout.MONEY_KEYS and layout.says_percent(text):
            raise InputFileError(
                tr(
                    (
                        "{name}: column '{text}' holds percents, and a percent is never money: map it as "
                        'the margin rate (--column "Margin rate={text}") beside a revenue column'
                    ),
                    name=name,
                    text=text,
                )
            )
    percents = []
    for i, h in enumerate(header):
        key: str | None = said.get(layout.normalize(h))
        if key is None:
            key = layout.header_key(h)
            if key in said.values():
                continue  # the user named another column for it
            if key is None and layout.says_percent(h) and layout.HEADER_KEYS.get(layout.normalize(h)):
                percents.append(str(h))
        if key not in INPUT_KEYS:
            continue  # unknown, or a computed column the template writes itself
        if key in keys:
            raise InputFileError(
                tr(
                    "{name}: columns '{header}' and '{h}' both mean '{header2}'",
                    name=name,
                    header=header[keys[key]],
                    h=h,
                    header2=layout.header(key, "en"),
                )
            )
        keys[key] = i
    return keys, percents


@dataclass(frozen=True)
class Reading:
    """What the user said of how to read customers, at every door: the decimal separator when
    the numbers cannot tell, duplicates merged, ``--column`` mappings (our key → their header),
    the columns required, a status's words, the margin rate of a revenue."""

    decimal: str | None = None
    merge_duplicates: bool = False
    columns: Mapping[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = layout.REQUIRED_INPUTS
    status: Mapping[str, str] | None = None
    margin_rate: Any = None


def customer_frame(
    header: list, rows: list[list], name: str, first_row: int, reading: Reading, cell=None
) -> pd.DataFrame:
    """The customers of ``rows`` under ``header`` by the module's rules; ``name`` and
    ``first_row`` (the file row of the first) place a refusal, ``cell`` (row offset, header
    position → ``'Sheet'!D5``) a workbook's."""
    decimal, merge_duplicates, columns = reading.decimal, reading.merge_duplicates, reading.columns
    required, status, margin_rate = reading.required, reading.status, reading.margin_rate
    if len(header) > xlsx.MAX_COLUMNS:  # before any column is looked at: no sheet holds them
        raise InputFileError(
            tr(
                (
                    "{name}: has {n_header:,} columns, more than a sheet holds ({MAX_COLUMNS:,}): "
                    "keep the columns you need, then try again"
                ),
                name=name,
                n_header=len(header),
                MAX_COLUMNS=xlsx.MAX_COLUMNS,
            )
        )
    keys, percents = _header_keys(header, columns, name)
    if "customer_id" in keys and "customer" not in keys:  # a code alone: the code is the customer
        keys["customer"] = keys.pop("customer_id")
    missing = [k for k in required if k not in keys and not (k == "gross_margin" and "revenue" in keys)]
    if missing:
        lang = _language(header)
        names = [layout.header(k, lang) for k in missing]
        raise InputFileError(
            tr(
                (
                    "{name}: no column for {what} (found: {header}); if one of them is it, say "
                    'which: --column "{names}=ITS HEADER"'
                ),
                name=name,
                what=", ".join(f"'{m}'" for m in names),
                header=", ".join(str(h) for h in header if not method.is_blank(h)),
                names=names[0],
            )
        )
    width = len(header)
    for n, r in enumerate(rows):
        if len(r) > width and any(not method.is_blank(v) for v in r[width:]):
            raise InputFileError(
                tr(
                    "{name} row {first_row}: has {n_r} fields, the header {width}",
                    name=name,
                    first_row=first_row + n,
                    n_r=len(r),
                    width=width,
                )
            )
    # A fully blank row is no customer (exports leave them between groups): skipped, and said.
    origin = [n for n, r in enumerate(rows) if any(map(_filled_cell, r))]
    blank_rows = len(rows) - len(origin)
    if len(origin) > xlsx.MAX_ROWS - 1:  # before any value is read: the sheet could not hold them
        raise InputFileError(
            tr(
                (
                    "{name}: has {n_origin:,} customer rows, and the Customers sheet holds at most "
                    "{MAX_ROWS:,} below its header (Excel's limit of {MAX_ROWS2:,} rows): split the "
                    "file"
                ),
                name=name,
                n_origin=len(origin),
                MAX_ROWS=xlsx.MAX_ROWS - 1,
                MAX_ROWS2=xlsx.MAX_ROWS,
            )
        )
    source = Source(name, {k: str(header[i]) for k, i in keys.items()}, first_row, cell, origin, keys)
    kept = rows if blank_rows == 0 else [rows[n] for n in origin]
    data = {key: [(r[i] if i < len(r) else None) for r in kept] for key, i in keys.items()}
    for key in ("customer", "customer_id", "should_pay", "has_paid"):
        if key in data:
            data[key] = [_text(v, source, i, key) if not isinstance(v, bool) else v for i, v in enumerate(data[key])]
    shown = currencies_shown(data, source, layout.MONEY_KEYS)
    convention = _numbers(data, source, decimal)
    margin_from = _margin(data, source, decimal or convention, margin_rate)
    roles_from = _roles(data, source, status)
    # The user's own columns ride along, to the right of ours in the workbook (in rows' order,
    # so that skipping total lines and merging duplicates keep them aligned); the columns read
    # only here (a status, a revenue, a margin rate) among them, as the file has them.
    extras = _extra_columns(header, {k: i for k, i in keys.items() if k not in layout.DOOR_ONLY})
    if len(extras) + len(layout.COLUMNS) + len(layout.MOVEMENT_COLUMNS) > xlsx.MAX_COLUMNS:
        raise InputFileError(
            tr(
                (
                    "{name}: has {n_extras:,} columns of its own, which with the table's {n_COLUMNS} "
                    "pass a sheet's {MAX_COLUMNS:,} columns: keep the columns you need, then try "
                    "again"
                ),
                name=name,
                n_extras=len(extras),
                n_COLUMNS=len(layout.COLUMNS) + len(layout.MOVEMENT_COLUMNS),
                MAX_COLUMNS=xlsx.MAX_COLUMNS,
            )
        )
    for i, extra in extras.items():
        source.header[EXTRA + extra] = extra
        values = [(r[i] if i < len(r) else None) for r in kept]
        data[EXTRA + extra] = _extra_values(values, source, EXTRA + extra, decimal or convention)
    totals = _total_lines(data, source)
    if totals:
        keep = [i for i in range(len(origin)) if i not in totals]
        data = {key: [values[i] for i in keep] for key, values in data.items()}
        source.origin = [origin[i] for i in keep]
    merged = _duplicates(data, source, merge_duplicates)
    if "customer_id" in data:
        method.names.tell_apart(data["customer"], data["customer_id"])  # as invoice lines show them
    frame = pd.DataFrame(data, dtype=object).reindex(  # the movement columns only when the file has them
        columns=[c.key for c in layout.INPUTS]
        + [c.key for c in layout.MOVEMENT_INPUTS if c.key in data]
        + [EXTRA + e for e in extras.values()]
    )
    frame.columns = [c[len(EXTRA) :] if c.startswith(EXTRA) else c for c in frame.columns]
    frame.attrs["blank_rows"] = blank_rows
    frame.attrs["totals"] = Said(f"row {source.first_row + origin[i]} ({data_name})" for i, data_name in totals.items())
    frame.attrs["merged"] = Said(merged)
    # said, not dropped silently: computed columns the workbook rewrites, and columns without a
    # header; the user's own columns, kept
    ours = set(keys.values())
    frame.attrs["ignored"] = Said(
        str(h) for i, h in enumerate(header) if i not in ours and i not in extras and not method.is_blank(h)
    )
    frame.attrs["kept"] = Said(extras.values())
    frame.attrs["currencies"] = shown
    frame.attrs["margin_from"] = margin_from
    frame.attrs["roles_from"] = roles_from
    # a code and a name: grouped by the code (duplicates are the same code), shown by the name
    frame.attrs["grouped_by"] = (
        Said((source.header["customer_id"], source.header["customer"])) if "customer_id" in keys else Said()
    )

    def where(i: int, key: str) -> str:  # a plain function: pandas deep-copies attrs, and copies no function
        return source.where(i, key)

    frame.attrs["where"] = where  # the place of customer i's value of a column, for errors found later
    frame.attrs["percents"] = Said(percents)
    try:
        method.client_role(frame["should_pay"].to_numpy(), frame["has_paid"].to_numpy())
    except method.ClientRoiError as exc:
        raise InputFileError(
            tr("{place}: {cause}", place=source.where(exc.item, exc.argument), cause=exc.cause)
        ) from None
    return frame


def _margin(data: dict[str, list], source: Source, convention: str | None, margin_rate: Any) -> str:
    """The gross margin, and where it was read from (for the summary): the margin column; else
    the revenue × its margin rate (the row's, from a margin-rate column, else ``margin_rate``,
    the workbook's parameter: one rounding, as for invoice lines' amounts)."""
    rates = _rates(data, source, convention) if "margin_rate" in data else None
    if "gross_margin" in data or "revenue" not in data:
        if rates is not None:
            data.pop("margin_rate")  # kept as the user's own column; nothing to multiply
        return f"'{source.header['gross_margin']}'" if "gross_margin" in data else ""
    revenue = data["revenue"]
    if rates is None:
        given = method.MARGIN_RATE if method.is_blank(margin_rate) else margin_rate
        rate = method.arguments._scalar(given, "margin_rate", low=0.0, high=1.0)  # the method's own check
        data["gross_margin"] = [None if r is None else r * rate for r in revenue]
        return tr("'{revenue}' × margin rate {rate:g}%", revenue=source.header["revenue"], rate=rate * 100)
    for i, (r, t) in enumerate(zip(revenue, rates, strict=True)):
        if r is not None and t is None:
            raise InputFileError(
                tr("{where}: is blank, and the row has a revenue", where=source.where(i, "margin_rate"))
            )
    data["gross_margin"] = [None if r is None or t is None else r * t for r, t in zip(revenue, rates, strict=True)]
    return f"'{source.header['revenue']}' × '{source.header['margin_rate']}'"


_PERCENT_SIGN = re.compile(r"\s*%\s*$")


def _rates(data: dict[str, list], source: Source, convention: str | None) -> list[float | None]:
    """A margin-rate column as fractions (0.7 for 70 %), from the evidence of the whole column:
    values written with ``%`` are percents, and then so are the plain ones; without any ``%``,
    plain numbers are fractions when every one lies within [−1, 1] (a cell formatted as a
    percent holds 0.7), else percents (70 is 70 %). A rate beyond ±100 % is refused (a margin
    is never more than the revenue), and so is text that reads as no number."""
    values = data["margin_rate"]
    out: list[float | None] = [None] * len(values)
    texts, signed = [], False
    for i, v in enumerate(values):
        if isinstance(v, str):
            if not v.strip():
                continue
            bare = _PERCENT_SIGN.sub("", v)
            signed |= bare != v
            texts.append((i, bare))
        elif method.is_blank(v):
            continue
        elif isinstance(v, bool) or not isinstance(v, (int, float)):
            raise InputFileError(
                tr("{where}: is {v}, not a rate", where=source.where(i, "margin_rate"), v=method.describe(v))
            )
        else:
            out[i] = float(v)
    if texts:
        try:
            numbers, _ = decimals.read_column([t for _, t in texts], fallback=convention)
        except decimals.ColumnProblem as exc:
            raise InputFileError(
                tr("{place}: {cause}", place=source.where(texts[exc.row][0], "margin_rate"), cause=exc)
            ) from None
        for (i, _), x in zip(texts, numbers, strict=True):
            out[i] = x
    given = [x for x in out if x is not None]
    percents = signed or any(abs(x) > 1 for x in given)
    rates = [None if x is None else (x / 100 if percents else x) for x in out]
    for i, rate in enumerate(rates):
        if rate is not None and not (math.isfinite(rate) and -1 <= rate <= 1):
            raise InputFileError(
                tr(
                    "{where}: {shown} is beyond 100 %: a margin rate is a share of the revenue",
                    where=source.where(i, "margin_rate"),
                    shown=decimals.shown(values[i]),
                )
            )
    return rates


def _roles(data: dict[str, list], source: Source, status: Mapping[str, str] | None) -> str:
    """The flags, and where the roles come from (for the summary): the file's ``Should pay``
    and ``Has paid``; else its status (:mod:`client_roi.method.status`: a lost client is a
    prospect to win back, its margin its expected margin); else, with neither, every customer
    is a paying client (a plain list of customers and margins)."""
    flags = [k for k in ("should_pay", "has_paid") if k in data]
    if "status" in data:
        if flags:
            raise InputFileError(
                tr(
                    "{name}: has both '{status}' and '{header}': say the roles one way, by the status or by the flags",
                    name=source.name,
                    status=source.header["status"],
                    header=source.header[flags[0]],
                )
            )
        try:
            roles = method.status.roles_from_status(data["status"], status)
        except method.ClientRoiError as exc:
            raise InputFileError(
                tr("{place}: {cause}", place=source.where(exc.item, exc.argument), cause=exc.cause)
            ) from None
        n = len(roles)
        data["should_pay"] = [None if r is None else method.status.FLAGS[r][0] for r in roles]
        data["has_paid"] = [None if r is None else method.status.FLAGS[r][1] for r in roles]
        margins = data.get("gross_margin", [None] * n)
        expected = data.setdefault("expected_margin", [None] * n)
        for i, r in enumerate(roles):
            if r == method.status.LOST and margins[i] is not None:
                if expected[i] is None:
                    expected[i] = margins[i]
                margins[i] = None
        return f"'{source.header['status']}'"
    if status:
        raise InputFileError(tr("{name}: --status goes with a status column, and the file has none", name=source.name))
    if len(flags) == 1:
        missing = "has_paid" if flags[0] == "should_pay" else "should_pay"
        raise InputFileError(
            tr(
                (
                    "{name}: has '{header}' but no column for '{header2}': give both flags, or "
                    "neither (then every customer is a paying client)"
                ),
                name=source.name,
                header=source.header[flags[0]],
                header2=layout.header(missing, "en"),
            )
        )
    if not flags:
        n = len(data["customer"])
        data["should_pay"], data["has_paid"] = ["yes"] * n, ["yes"] * n
        return ""
    return "flags"


def currencies_shown(data: Mapping[str, list], source: Source, keys: tuple[str, ...]) -> dict[str, str]:
    """The currencies the columns ``keys`` show, in their headers (``Marge brute (€)``) or
    their values (``$1,200``), each with the first place that shows it."""
    found: dict[str, str] = {}
    for key in keys:
        if key not in data:
            continue
        for sign in method.money.shown(source.header[key]):
            found.setdefault(sign, tr("{name}, header '{header}'", name=source.name, header=source.header[key]))
        texts = [v for v in data[key] if type(v) is str]
        signs = method.money.shown("\n".join(texts)) - found.keys() if texts else set()
        for sign in signs:  # rare: found in one pass, then placed
            i = next(i for i, v in enumerate(data[key]) if type(v) is str and sign in method.money.shown(v))
            found[sign] = tr("{place}: {cause}", place=source.where(i, key), cause=decimals.shown(data[key][i]))
    return found


class Said(tuple):
    """A list of what a reading found (columns kept, totals skipped…), kept in ``DataFrame.attrs``:
    pandas deep-copies the attrs at every column taken from the frame, which for a list of
    thousands of columns made the fill quadratic; this one is never changed, so its copy is
    itself."""

    def __deepcopy__(self, memo: dict) -> Said:
        return self


#: The prefix of a user's own column while it is read beside ours (a key of ours never has it).
EXTRA = "\0"


_LEADING_ZERO = re.compile(r"^[+-]?0\d")


def _extra_columns(header: list[Any], keys: dict[str, int]) -> dict[int, str]:
    """The user's own columns: {position: name}, a header that names none of ours (a computed
    column of ours is rewritten, not kept); a name met twice gets " 2"."""
    out: dict[int, str] = {}
    taken: set[str] = set()  # the names given so far, folded: each column's name found at once
    next_n: dict[str, int] = {}  # the next number to try for a name met again
    ours = set(keys.values())
    for i, h in enumerate(header):
        if i in ours or method.is_blank(h) or layout.header_key(h, door=False):
            continue
        base = str(h).strip()
        name, n = base, next_n.get(base.casefold(), 2)
        while name.casefold() in taken:
            name, n = f"{base} {n}", n + 1
        next_n[base.casefold()] = n
        taken.add(name.casefold())
        out[i] = name
    return out


def _extra_values(values: list[Any], source: Source, key: str, convention: str | None) -> list[Any]:
    """A user's column as the file holds it: numbers and text as they are; in a text export, a
    column becomes numbers only when every value reads as one under one convention (the file's,
    ``convention``, settles an ambiguous column, as for ours) and none is a code with a leading
    zero (01234 stays text); dates become ISO text."""
    import datetime as dt

    out: list[Any] = []
    for i, v in enumerate(values):
        if isinstance(v, (dt.datetime, dt.date, dt.time)):
            out.append(v.isoformat())
        elif isinstance(v, str):
            out.append(_text(v, source, i, key))
        elif method.is_blank(v):
            out.append(None)
        else:
            out.append(v)
    texts = [(i, v) for i, v in enumerate(out) if isinstance(v, str)]
    if texts and len(texts) == sum(v is not None for v in out) and not any(_LEADING_ZERO.match(t) for _, t in texts):
        try:
            numbers, _ = decimals.read_column([t for _, t in texts], fallback=convention)
        except decimals.ColumnProblem:
            return out  # text, or numbers no single convention reads: kept as typed
        for (i, _), x in zip(texts, numbers, strict=True):
            out[i] = x
    return out


def _language(header: list[Any]) -> str:
    """The language the file's headers are written in (French when more of them are French
    words of ours, or the file's words are; else English), to name columns in its words."""
    french = sum(layout.normalize(h) in _FRENCH for h in header)
    english = sum(layout.normalize(h) in _ENGLISH for h in header)
    return "fr" if french > english else "en"


_FRENCH = {layout.normalize(c.fr) for c in layout.COLUMNS} | {"nom du client", "nom client", "raison sociale", "ca"}


_ENGLISH = {layout.normalize(c.en) for c in layout.COLUMNS} | {"customer name", "client name", "account name"}


def _numbers(data: dict[str, list], source: Source, decimal: str | None) -> str | None:
    """Number columns in place: numbers stay, text is read by the column's evidence, blanks are
    None; the file's other columns settle an ambiguous one (see :mod:`client_roi.decimals`).
    Returns the convention the file's numbers show, when they show one."""
    keys = [k for k in NUMBER_INPUTS if k in data]
    texts: dict[str, list[tuple[int, str]]] = {}
    for key in keys:
        values = data[key]
        items = texts.setdefault(key, [])
        for i, v in enumerate(values):
            if type(v) is str:  # what text exports hold: tested first, without a call
                if v.strip():
                    items.append((i, v))
                else:
                    values[i] = None
            elif method.is_blank(v):
                values[i] = None
            elif isinstance(v, bool) or not isinstance(v, (int, float)):
                if isinstance(v, Decimal):  # a database's NUMERIC: rounded once to the nearest double
                    values[i] = float(v)
                elif isinstance(v, Integral) and not isinstance(v, bool):  # numpy's integers
                    values[i] = int(v)
                else:
                    raise InputFileError(
                        tr("{where}: is {v}, not a number", where=source.where(i, key), v=method.describe(v))
                    )
        if not items:
            del texts[key]
    decided: dict[str, str] = {}
    ambiguous: dict[str, decimals.ColumnProblem] = {}
    for key, items in texts.items():
        try:
            numbers, convention = decimals.read_column([t for _, t in items], decimal)
        except decimals.ColumnProblem as exc:
            if not exc.ambiguous:
                raise InputFileError(
                    tr("{place}: {cause}", place=source.where(items[exc.row][0], key), cause=exc)
                ) from None
            ambiguous[key] = exc
            continue
        decided[key] = convention
        for (i, _), x in zip(items, numbers, strict=True):
            data[key][i] = x
    evidence = {c for k, c in decided.items() if _evidenced(texts[k])} if ambiguous else set()
    for key, problem in ambiguous.items():
        items = texts[key]
        if len(evidence) != 1:
            raise InputFileError(tr("{place}: {cause}", place=source.where(items[problem.row][0], key), cause=problem))
        numbers, _ = decimals.read_column([t for _, t in items], fallback=next(iter(evidence)))
        for (i, _), x in zip(items, numbers, strict=True):
            data[key][i] = x
    for key in keys:
        for i, x in enumerate(data[key]):
            if x is not None and not math.isfinite(x):
                raise InputFileError(tr("{where}: is {x}, not a finite number", where=source.where(i, key), x=x))
    shown = {c for k, c in decided.items() if _evidenced(texts[k])}
    return next(iter(shown)) if len(shown) == 1 else None


def _evidenced(items: list[tuple[int, str]]) -> bool:
    """Whether some value of the column reads differently in the two conventions' eyes, i.e.
    whether the column's convention is evidence for the others."""
    return any(decimals.parse(t, decimals.POINT) != decimals.parse(t, decimals.COMMA) for _, t in items)
