"""The aggregation of invoice lines, written once (SQLGlot expressions) and rendered in the
dialect of the engine where the lines live: DuckDB, PostgreSQL, Spark (and any dialect SQLGlot
writes). Only per-customer rows come back.

Three queries over a relation of lines with the columns ``customer`` (trimmed text), ``day``
(a date) and ``x`` (the line's amount × 10^S, S the column's decimals):

* :func:`bounds_query`: first and last day, the number of lines, the lines in doubt (a blank
  customer, day or amount, or an ``x`` that is not an integer: an amount with more than S
  decimals) and the lines after ``to``;
* :func:`totals_query`: per customer, the integer sums of ``x`` in the current and previous
  periods and the number of lines in each (``CASE`` inside ``SUM`` and ``COUNT``, which every
  dialect has; a ``FILTER`` clause is not in BigQuery's);
* :func:`scale_query`: how many amounts need more than S decimals, for each S, to find the S
  of a column whose type does not say it (floating point, NUMERIC without a scale).

Exactness: an engine's exact type (DECIMAL, NUMERIC) is checked exactly (``x = ROUND(x)``); a
floating-point amount within four units of the last place of an integer (2^-50 relative)
below 2^53, which an amount with at most S decimals always is and one with more never is.
The integer sums are exact in every engine (BIGINT, or NUMERIC in PostgreSQL), and rounded
once to a double by the caller.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlglot import exp

#: An SQLGlot expression (its base class was renamed across releases: typed loosely).
Node = Any

BIG = 9007199254740992  # 2^53: a double holds every integer below it
ULPS = 8.881784197001252e-16  # 2^-50


def _date(day: dt.date) -> Node:
    return exp.cast(exp.Literal.string(day.isoformat()), exp.DataType.build("DATE"))


def _num(value: float | int) -> Node:
    return exp.Literal.number(value)


def _text(column: str, is_text: bool) -> Node:
    value: Node = exp.column(column, quoted=True)
    return exp.Trim(this=value if is_text else exp.cast(value, exp.DataType.build("VARCHAR")))


def lines_relation(
    source: Node,
    customer: str,
    day: str,
    amount: str,
    scale: int,
    text_customer: bool = True,
    customer_id: str | None = None,
    text_id: bool = True,
) -> Node:
    """The lines of ``source`` (a table or a subquery) as (customer, day, x), and ``cid`` (the
    customer's code, trimmed text) when the lines have one beside the name."""
    ids = [exp.alias_(_text(customer_id, text_id), "cid")] if customer_id else []
    return exp.select(
        exp.alias_(_text(customer, text_customer), "customer"),
        exp.alias_(exp.cast(exp.column(day, quoted=True), exp.DataType.build("DATE")), "day"),
        exp.alias_(exp.Mul(this=exp.column(amount, quoted=True), expression=_num(10**scale)), "x"),
        *ids,
    ).from_(source)


def _inexact(x: Node, exact: bool) -> Node:
    rounded = exp.func("ROUND", x.copy())
    if exact:
        return exp.NEQ(this=x.copy(), expression=rounded)
    distance = exp.Abs(this=exp.Sub(this=x.copy(), expression=rounded))
    return exp.or_(
        exp.GTE(this=exp.Abs(this=x.copy()), expression=_num(BIG)),
        exp.GT(this=distance, expression=exp.Mul(this=exp.Abs(this=x.copy()), expression=_num(ULPS))),
    )


def _count_if(condition: Node) -> Node:
    return exp.Sum(this=exp.Case().when(condition, _num(1)).else_(_num(0)))


def bounds_query(relation: Node, exact: bool, to: dt.date | None, typed: bool = False, ids: bool = False) -> Node:
    """min(day), max(day), count, doubtful lines, lines after ``to`` (0 without one).
    ``typed``: the amount's type has the scale S (``numeric(12,2)``), so no value can have more
    decimals and the test is left out (exact arithmetic on every line is what costs)."""
    day, x, who = exp.column("day"), exp.column("x"), exp.column("customer")
    doubts = [
        exp.Is(this=who, expression=exp.Null()),
        exp.EQ(this=who.copy(), expression=exp.Literal.string("")),
        exp.Is(this=day, expression=exp.Null()),
        exp.Is(this=x, expression=exp.Null()),
    ]
    if ids:  # a line's code says whose it is: it may not be blank either
        cid = exp.column("cid")
        doubts += [exp.Is(this=cid, expression=exp.Null()), exp.EQ(this=cid.copy(), expression=exp.Literal.string(""))]
    doubtful = exp.or_(*doubts, *([] if typed else [_inexact(x, exact)]))
    after = _count_if(exp.GT(this=day.copy(), expression=_date(to))) if to else _num(0)
    return exp.select(
        exp.Min(this=day.copy()),
        exp.Max(this=day.copy()),
        exp.Count(this=exp.Star()),
        _count_if(doubtful),
        after,
    ).from_(relation.subquery("l"))


def scale_query(relation: Node, exact: bool, most: int) -> Node:
    """For S = 0 … ``most``: how many amounts ``x × 10^S`` are not integers (``relation``'s
    ``x`` being the amount itself), in one pass."""
    x = exp.column("x")
    return exp.select(
        *(
            _count_if(
                exp.and_(
                    exp.Not(this=exp.Is(this=x.copy(), expression=exp.Null())),
                    _inexact(exp.Paren(this=exp.Mul(this=x.copy(), expression=_num(10**s))), exact),
                )
            )
            for s in range(most + 1)
        )
    ).from_(relation.subquery("l"))


def totals_query(
    relation: Node, end: dt.date, start: dt.date, previous_start: dt.date, typed: bool = False, ids: bool = False
) -> Node:
    """Per customer: cur, prev (integer sums of x in each period), cur_lines, prev_lines;
    with ``ids``, per code and spelling of the name, and the code (``cid``) last.
    ``typed``: x is an integer by its type (no ROUND, which costs on exact types)."""
    day, p = exp.column("day"), exp.column("p")
    period = (
        exp.Case()
        .when(exp.GT(this=day, expression=_date(end)), exp.Null())
        .when(exp.GTE(this=day.copy(), expression=_date(start)), _num(0))
        .when(exp.GTE(this=day.copy(), expression=_date(previous_start)), _num(1))
    )
    n = exp.cast(exp.column("x") if typed else exp.func("ROUND", exp.column("x")), exp.DataType.build("BIGINT"))
    keys = [exp.column("customer"), *([exp.column("cid")] if ids else [])]
    tagged = exp.select(*keys, exp.alias_(n, "n"), exp.alias_(period, "p")).from_(relation.subquery("l"))

    def in_period(k: int, value: Node) -> Node:
        return exp.Case().when(exp.EQ(this=p.copy(), expression=_num(k)), value)

    def summed(k: int, name: str) -> Node:
        total = exp.Sum(this=in_period(k, exp.column("n")))
        return exp.alias_(exp.cast(total, exp.DataType.build("BIGINT")), name)

    def counted(k: int, name: str) -> Node:
        return exp.alias_(exp.Count(this=in_period(k, _num(1))), name)

    return (
        exp.select(
            exp.column("customer"),
            summed(0, "cur"),
            summed(1, "prev"),
            counted(0, "cur_lines"),
            counted(1, "prev_lines"),
            *[k.copy() for k in keys[1:]],
        )
        .from_(tagged.subquery("w"))
        .group_by(*[k.copy() for k in keys])
    )
