"""The values of invoice lines read by the full rules, one by one: customer names, dates
(:mod:`.dates`, the convention of the whole column), amounts as exact decimals (:mod:`.decimals`)
scaled to integers of ``10^-S``, an export's total lines; and a customer file merged into the
customers of the lines."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

import numpy as np

from .. import method
from ..messages import language, tr
from ..schema.columns import header
from . import dates as date_rule
from . import decimals
from .xlsx import InputFileError

MAX_SCALE = 9  # decimals of an amount: beyond, the exact integer sums could overflow


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
                    tr(
                        (
                            "{i}: is blank; a line needs a customer, a date and an amount (nor is it a total "
                            "line: its amount is not the sum of the lines above it)"
                        ),
                        i=where(i),
                    )
                )
            raise InputFileError(
                tr(
                    (
                        "{i}: {strip!r} looks like a total line, but its amount is not the sum of the "
                        "lines above it: remove the line, or rename the customer"
                    ),
                    i=where(i),
                    strip=str(who).strip(),
                )
            )
        found[i] = tr(
            "row {first_row} ({value})",
            first_row=first_row + i,
            value=tr("blank") if method.is_blank(who) else str(who).strip(),
        )
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
                raise InputFileError(tr("{n}: {v:g} is not a date (nor an Excel date serial)", n=where(n), v=v))
            out[n] = day
        else:
            texts.append((n, str(v)))
    if texts:
        try:
            read, _ = date_rule.read_dates([t for _, t in texts], date_format)
        except date_rule.DateProblem as exc:
            raise InputFileError(tr("{place}: {cause}", place=where(texts[exc.row][0]), cause=exc)) from None
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
        raise InputFileError(tr("{place}: {cause}", place=where(exc.row), cause=exc)) from None
    # exact decimals: the digits as written, the grouping and currency stripped by the rule's parse
    exact = [_decimal(t, convention) for t in texts]
    places = [max(0, -int(d.as_tuple().exponent)) for d in exact]
    scale = max(places, default=0)
    if scale > MAX_SCALE:
        n = places.index(scale)
        raise InputFileError(
            tr(
                "{n}: {texts!r} has {scale} decimals; an amount may have at most {MAX_SCALE}",
                n=where(n),
                texts=texts[n],
                scale=scale,
                MAX_SCALE=MAX_SCALE,
            )
        )
    ints = [int(d.scaleb(scale)) for d in exact]
    if any(abs(i) >= 2**53 for i in ints):
        n = next(i for i, v in enumerate(ints) if abs(v) >= 2**53)
        raise InputFileError(tr("{n}: {texts!r} has too many digits to be summed exactly", n=where(n), texts=texts[n]))
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

        def refuse(key: str, why: str, who: str = who) -> None:
            column = header(key, language())  # the column by its name in the user's language
            raise InputFileError(
                tr("{name}, customer '{who}', column '{column}': {why}", name=name, who=who, column=column, why=why)
            )

        if i is None:
            if method.is_blank(row.get("should_pay")):
                refuse("should_pay", tr("is blank, and the customer has no invoice lines: say whether it should pay"))
            added.append(row)
            continue
        mine = out.iloc[i]
        paying = method.client_role([row.get("should_pay")], [row.get("has_paid")])[0]
        client_now = mine["has_paid"] == "yes"
        if paying == "user":
            refuse("should_pay", tr("says no, but the customer has invoice lines"))
        if client_now and paying == "prospect":
            refuse("has_paid", tr("says no, but the customer has lines in the period"))
        if not client_now and paying == "client":
            refuse("has_paid", tr("says yes, but the customer has no line in the period (lost since the previous one)"))
        if not method.is_blank(row.get("gross_margin")) and client_now and row["gross_margin"] != mine["gross_margin"]:
            replaced.append(who)
        expected = row.get("expected_margin")
        if not client_now and not method.is_blank(expected) and float(expected) != mine["expected_margin"]:
            previous = mine["expected_margin"]
            refuse(
                "expected_margin",
                tr(
                    "is {expected:g}, but its previous period's margin is {previous:g}",
                    expected=expected,
                    previous=previous,
                ),
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
