"""Stale at a glance: a fingerprint of the inputs, stored by each refresh and recomputed by
native formulas, so that the Tiers sheet says when the inputs changed since the last refresh
("Inputs changed: click Refresh"), in Excel and in LibreOffice, without any code running.

The fingerprint is a row of numbers over the ``Customers`` table's input columns and the
parameters (their defined names), in two groups:

* **exact** (integers, compared with ``=``): the number of rows; per text column (customer,
  should pay, has paid) ``SUMPRODUCT(LEN(col)*ROW(col))`` and ``SUMPRODUCT(UNICODE(col&" "))``
  (the first character); per number column and parameter ``SUMPRODUCT(LEN(col)*ROW(col))``
  (the length of each value as Excel writes it in General format);
* **close** (sums of doubles, which Excel, LibreOffice and Python add in different orders:
  compared within 10^-9 relative): per number column ``SUM(col)`` and ``SUMPRODUCT(col,ROW(col))``,
  per parameter ``SUM(name)``.

Any edit of an input value changes some component (a length, a first character, a sum or a
row-weighted sum); swapping two equal texts of equal first character is the one edit it
cannot see. :func:`values` computes what the formulas give, from the values a refresh reads.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..messages import Said
from . import layout

TEXT_KEYS = ("customer", "should_pay", "has_paid")
NUMBER_KEYS = ("gross_margin", "expected_margin", "acquisition_cost", "days_spent")
# The currency only changes how amounts look (conditional formats do it at once): no refresh due.
PARAMS = tuple(p.name for p in layout.PARAMETERS if p.name != "currency")
MESSAGE = Said("Inputs changed since the last refresh: click Refresh")


def layout_of() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The components, (kind, key or name), exact group then close group."""
    exact = [("rows", "customer")]
    exact += [(kind, k) for k in TEXT_KEYS for kind in ("len", "code")]
    exact += [("len", k) for k in NUMBER_KEYS]
    exact += [("plen", p) for p in PARAMS]
    close = [(kind, k) for k in NUMBER_KEYS for kind in ("sum", "weighted")]
    close += [("psum", p) for p in PARAMS]
    return exact, close


def formulas(lang: str) -> tuple[list[str], list[str]]:
    """The live formulas of each group, by the table's headers in ``lang``."""

    def col(key: str) -> str:
        return f"{layout.TABLE}[{_escaped(layout.header(key, lang))}]"

    def one(kind: str, what: str) -> str:
        if kind == "rows":
            return f"=ROWS({col(what)})"
        if kind == "len":
            return f"=SUMPRODUCT(LEN({col(what)})*ROW({col(what)}))"
        if kind == "code":
            return f'=SUMPRODUCT(_xlfn.UNICODE({col(what)}&" "))'  # Excel 2013's: the file spells it so
        if kind == "sum":
            return f"=SUM({col(what)})"
        if kind == "weighted":
            return f"=SUMPRODUCT({col(what)},ROW({col(what)}))"
        if kind == "plen":
            return f"=SUMPRODUCT(LEN({what}))"
        return f"=SUM({what})"  # psum

    exact, close = layout_of()
    return [one(*c) for c in exact], [one(*c) for c in close]


def _escaped(header: str) -> str:
    """A header inside a structured reference: ``'`` ``[`` ``]`` ``#`` escaped with ``'``."""
    return "".join("'" + ch if ch in "'[]#" else ch for ch in header)


def _text(value: Any) -> str:
    """A cell's value as Excel's LEN sees it (General format, 15 significant digits)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        text = f"{value:.15g}"
        return text.upper() if "e" in text else text
    return str(value)


def _number(value: Any) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _fsum(numbers: list[float]) -> float:
    """The correctly rounded sum; 0 where it leaves the doubles' range (values near 1e308),
    which the live formula cannot give either: the sheet then says the inputs changed."""
    try:
        return math.fsum(numbers)
    except (OverflowError, ValueError):
        return 0.0


def _column(column: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per cell of a column: the length of its text as LEN sees it (:func:`_text`), the code of
    the first character of that text and a space, and its number (:func:`_number`). Columns of
    text, or of numbers and blanks, the usual kinds, go by whole arrays; others cell by cell."""
    kinds = set(map(type, column))
    n = len(column)
    if kinds <= {str, type(None)}:
        texts = [v or "" for v in column] if type(None) in kinds else column
        lengths = np.fromiter(map(len, texts), np.int64, n)
        # Every text one after the other, a code point each (len counts code points): each
        # first character where its text starts; a space for an empty one. ASCII (known at
        # once) a byte each.
        joined = "".join(texts)
        if joined.isascii():
            points = np.frombuffer(joined.encode("ascii"), np.uint8)
        else:
            points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
        del joined
        codes = np.full(n, 32, np.int64)
        filled = lengths > 0
        codes[filled] = points[(np.cumsum(lengths) - lengths)[filled]]
        return lengths, codes, np.zeros(n)
    if kinds <= {float, type(None)}:
        numbers = np.array(column, dtype=float)  # None → nan
        blank = np.isnan(numbers)
        if int(blank.sum()) == column.count(None):  # no NaN of its own: a blank is a None
            finite = np.isfinite(numbers)
            # each distinct value formatted once; by its bits, as -0.0 == 0.0 but writes "-0"
            bits, where = np.unique(numbers[finite].view(np.int64), return_inverse=True)
            texts = [format(x, ".15g") for x in bits.view(float).tolist()]
            lengths, codes = np.zeros(n, np.int64), np.full(n, 32, np.int64)
            lengths[finite] = np.fromiter(map(len, texts), np.int64, len(texts))[where]
            codes[finite] = np.fromiter((ord(t[0]) for t in texts), np.int64, len(texts))[where]
            return lengths, codes, np.where(blank, 0.0, numbers)
    texts = [_text(v) for v in column]
    lengths = np.fromiter(map(len, texts), np.int64, n)
    codes = np.fromiter((ord((t + " ")[0]) for t in texts), np.int64, n)
    return lengths, codes, np.fromiter(map(_number, column), float, n)


def values(
    columns: Mapping[str, Sequence[Any]], params: Mapping[str, Any], first_row: int
) -> tuple[list[float], list[float]]:
    """What the formulas give for these inputs: ``columns`` (key → the cells of each data row,
    from sheet row ``first_row``) and ``params`` (name → its cell or cells, as read). The sums
    of lengths and codes are exact integers; the sums of numbers are correctly rounded
    (``math.fsum`` of each product, as rounded once)."""

    def cells(name: str) -> list[Any]:
        v = params.get(name)
        return list(v) if isinstance(v, (list, tuple)) else [v]

    seen: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def column(key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if key not in seen:
            seen[key] = _column(list(columns[key]))
        return seen[key]

    def one(kind: str, what: str) -> float:
        if kind == "rows":
            return float(len(columns[what]))
        if kind == "plen":
            return float(sum(len(_text(v)) for v in cells(what)))
        if kind == "psum":
            return _fsum([_number(v) for v in cells(what)])
        lengths, codes, numbers = column(what)
        rows = np.arange(first_row, first_row + len(lengths), dtype=np.int64)
        if kind == "len":
            return float(int(lengths @ rows))
        if kind == "code":
            return float(int(codes.sum()))
        if kind == "sum":
            return _fsum(numbers.tolist())
        with np.errstate(over="ignore"):
            return _fsum((numbers * rows).tolist())  # weighted: each product rounded, as in Python

    exact, close = layout_of()
    return [one(*c) for c in exact], [one(*c) for c in close]


def indicator(lang: str, stored: str, live: str, width_exact: int) -> str:
    """The formula that says the inputs changed: ``stored`` and ``live`` are the two rows'
    ranges; the first ``width_exact`` cells compare exactly, the rest within 10^-9 relative."""
    s1, s2 = _split(stored, width_exact)
    l1, l2 = _split(live, width_exact)
    message = MESSAGE[lang].replace('"', '""')
    same = f"AND(SUMPRODUCT(--({l1}<>{s1}))=0,SUMPRODUCT(--(ABS({l2}-{s2})>1E-9*ABS({s2})+1E-9))=0)"
    return f'=IFERROR(IF({same},"","{message}"),"{message}")'


def _split(ref: str, width: int) -> tuple[str, str]:
    """``Sheet!$B$100:$AH$100`` → the first ``width`` cells and the rest, as two ranges."""
    from ..files.xlsx import cell_position, column_letter

    sheet, cells = ref.rsplit("!", 1)
    first, last = cells.replace("$", "").split(":")
    start, end = cell_position(first), cell_position(last)
    assert start is not None and end is not None
    (row, c1), (_, c2) = start, end
    mid = c1 + width - 1
    return (
        f"{sheet}!${column_letter(c1)}${row}:${column_letter(mid)}${row}",
        f"{sheet}!${column_letter(mid + 1)}${row}:${column_letter(c2)}${row}",
    )
