"""Numbers written as text, read from the evidence of a whole column: never a guess.

A text export writes numbers in one of two conventions:

* **point**: decimal point, thousands grouped by ``,``, a space (also no-break or narrow
  no-break), ``'`` or ``’`` — ``1234.5``, ``1,234.50``, ``1 234.5``, ``1'234.5``;
* **comma**: decimal comma, thousands grouped by ``.`` or a space — ``1234,5``, ``1.234,50``,
  ``1 234,50``.

Grammar of one value (after trimming): an optional sign (``-``, ``+``, ``−``, before or after a
leading currency) or accounting parentheses ``(…)`` for a negative; an optional currency
(``€ $ £ ¥``, ``EUR USD GBP CHF``) before or after; digits, either ungrouped or in groups of
exactly three after a first group of one to three, one separator kind per value; an optional
fraction; an optional exponent (``1.5E+06``, as spreadsheets write large numbers). Anything else is text.

Rule for a column (:func:`read_column`): the conventions that read **every** value are
kept. One left: it is used. None: the column is refused, naming a value no convention reads
(text), or two values that need different conventions. Both left and they read every value to
the same number (integers, ``12.5`` with no grouping possible…): fine. Both left and they
disagree (``1.234`` alone is 1.234 or 1234): the column is ambiguous and is refused unless the
caller decided (``decimal='.'`` or ``','``, e.g. from the other columns of the same file or from
``--decimal``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..messages import tr

POINT, COMMA = ".", ","
CONVENTIONS = (POINT, COMMA)
NAMES = {POINT: "a decimal point", COMMA: "a decimal comma"}

_SPACES = " \u00a0\u202f"
_GROUP = {POINT: ",'’" + _SPACES, COMMA: "." + _SPACES}
_CURRENCY = r"(?:[€$£¥]|EUR|USD|GBP|CHF)"
_NUMBER = {
    conv: re.compile(
        rf"(?P<int>\d+|\d{{1,3}}(?P<sep>[{re.escape(_GROUP[conv])}])\d{{3}}(?:(?P=sep)\d{{3}})*)?"
        rf"(?:{re.escape(conv)}(?P<frac>\d+))?(?P<exp>[eE][+-]?\d+)?"
    )
    for conv in CONVENTIONS
}
_WRAPPED = re.compile(
    rf"^(?P<neg1>\()?\s*(?P<sign>[-+−])?\s*(?:{_CURRENCY}\s*)?(?P<sign2>[-+−])?\s*"
    rf"(?P<body>[^\s()€$£¥+−-].*?)(?:\s*{_CURRENCY})?\s*(?P<neg2>\))?$"
)


@dataclass
class ColumnProblem(Exception):
    """Why a column cannot be read; ``row`` is the 0-based index of the value at fault."""

    row: int
    message: str
    ambiguous: bool = False  # both conventions read the column, to different numbers

    def __str__(self) -> str:
        return self.message


def _plain(text: str, convention: str) -> tuple[bool, str] | None:
    """``text`` in ``convention`` as (negative, plain digits ``1234.5E+06``, a fraction only
    as written), or None if it is
    not a number: the grammar of the module, once, for :func:`parse` and :func:`parse_exact`."""
    m = _WRAPPED.match(text.strip())
    if m is None or bool(m["neg1"]) != bool(m["neg2"]) or (m["sign"] and m["sign2"]):
        return None
    sign = m["sign"] or m["sign2"]
    if m["neg1"] and sign:
        return None
    n = _NUMBER[convention].fullmatch(m["body"])
    if n is None or (n["int"] is None and n["frac"] is None):
        return None
    digits = (n["int"] or "0").replace(n["sep"] or "\0", "")
    fraction = f".{n['frac']}" if n["frac"] else ""
    return bool(m["neg1"] or sign in ("-", "−")), f"{digits}{fraction}{n['exp'] or ''}"


def parse(text: str, convention: str) -> float | None:
    """The number ``text`` writes in ``convention``, or None if it is not one.

    >>> parse("1 234,50 €", ","), parse("(1,234.5)", "."), parse("1.234", "."), parse("1.234", ",")
    (1234.5, -1234.5, 1.234, 1234.0)
    >>> parse("1,2,3", ".") is None, parse("12abc", ",") is None
    (True, True)
    """
    parts = _plain(text, convention)
    if parts is None:
        return None
    value = float(parts[1])
    return -value if parts[0] else value


def parse_exact(text: str, convention: str) -> Decimal | None:
    """The decimal ``text`` writes in ``convention``, exactly, or None (as :func:`parse`).

    >>> parse_exact("1 234,50 €", ","), parse_exact("(0.10)", "."), parse_exact("1.5E+03", ".")
    (Decimal('1234.50'), Decimal('-0.10'), Decimal('1.5E+3'))
    """
    parts = _plain(text, convention)
    if parts is None:
        return None
    value = Decimal(parts[1])
    return -value if parts[0] else value


_PLAIN = {POINT: re.compile(r"[+-]?\d+(?:\.\d+)?"), COMMA: re.compile(r"[+-]?\d+(?:,\d+)?")}
_ONE_GROUP = {POINT: re.compile(r"[+-]?\d{1,3},\d{3}"), COMMA: re.compile(r"[+-]?\d{1,3}\.\d{3}")}


def parse_both(text: str) -> tuple[float | None, float | None]:
    """``(parse(text, '.'), parse(text, ','))``, with a shortcut for the plain numbers most
    exports hold (``1234``, ``1234.5``, ``1234,5``): they read by one of the conventions as
    written, and by the other only as one thousands group (``1.234`` is 1234 with a comma)."""
    t = text.strip()
    for conv, other in ((POINT, COMMA), (COMMA, POINT)):
        if _PLAIN[conv].fullmatch(t):
            value = float(t.replace(",", "."))
            if conv not in t and other not in t:  # an integer: both conventions agree
                return value, value
            grouped = float(t.replace(conv, "")) if _ONE_GROUP[other].fullmatch(t) else None
            return (value, grouped) if conv == POINT else (grouped, value)
    return parse(text, POINT), parse(text, COMMA)


_DASHES = re.compile(r"^[\s\-\u2010-\u2015\u2212]+\s*(?:[€$£¥]|EUR|USD|GBP|CHF)?\s*$")  # hyphens, dashes, minus


def shown(text: str) -> str:
    """``text`` quoted as the user typed it: no-break spaces are spaces, not ``\\xa0``."""
    plain = text.replace("\xa0", " ").replace("\u202f", " ")
    return repr(plain) if any(ord(ch) < 32 for ch in plain) else f"'{plain}'"


def not_a_number(text: str) -> str:
    """Why ``text``, which no convention reads, is refused; a dash gets its way out.

    >>> not_a_number("N/A"), not_a_number("-   €")[:40]
    ("is text 'N/A', not a number", "is text '-   €', not a number (a dash is")
    """
    dash = tr(" (a dash is how an accounting format shows a zero: type 0, or leave the cell blank)")
    return tr("is text {text}, not a number{value}", text=shown(text), value=dash if _DASHES.match(text) else "")


def read_column(
    texts: list[str], decimal: str | None = None, *, fallback: str | None = None
) -> tuple[list[float], str]:
    """Read non-blank texts of one column; return the numbers and the convention used.

    ``decimal`` forces a convention; ``fallback`` settles an ambiguous column (the file's
    other columns' convention). Raises :class:`ColumnProblem` otherwise (see the module rule).
    """
    candidates = [decimal] if decimal else list(CONVENTIONS)
    parsed: dict[str, list[float]] = {conv: [] for conv in candidates}
    first_failure: dict[str, int] = {}
    cache: dict[str, tuple[float | None, float | None]] = {}
    for i, text in enumerate(texts):
        both = cache.get(text)
        if both is None:
            both = cache[text] = parse_both(text)
        if both == (None, None):  # no convention reads it: text, whatever the others are
            raise ColumnProblem(i, not_a_number(text))
        for conv in list(parsed):
            value = both[0] if conv == POINT else both[1]
            if value is None:
                first_failure.setdefault(conv, i)
                del parsed[conv]
            else:
                parsed[conv].append(value)
        if not parsed:
            break
    if not parsed:
        if len(candidates) == 1 or first_failure[POINT] == first_failure[COMMA]:
            i = max(first_failure.values())
            raise ColumnProblem(
                i,
                tr(
                    "is text {shown}{value}",
                    shown=shown(texts[i]),
                    value=tr(" (not a number with {decimal})", decimal=tr(NAMES[decimal])) if decimal else "",
                ),
            )
        p, c = first_failure[POINT], first_failure[COMMA]
        raise ColumnProblem(
            max(p, c),
            tr(
                "{shown} needs a decimal point but {shown2} a decimal comma: one column, one convention",
                shown=shown(texts[c]),
                shown2=shown(texts[p]),
            ),
        )
    if len(parsed) == 1:
        ((conv, values),) = parsed.items()
        return values, conv
    if parsed[POINT] == parsed[COMMA]:
        return parsed[POINT], POINT
    if fallback in parsed:
        return parsed[fallback], fallback
    i = next(i for i, (a, b) in enumerate(zip(parsed[POINT], parsed[COMMA], strict=True)) if a != b)
    raise ColumnProblem(
        i,
        tr(
            (
                "{texts!r} reads {parsed:g} with a decimal point or {parsed2:g} with a decimal "
                "comma, and no other value tells which: say --decimal . or --decimal ,"
            ),
            texts=texts[i],
            parsed=parsed[POINT][i],
            parsed2=parsed[COMMA][i],
        ),
        ambiguous=True,
    )
