"""The rules about rows, written once for every door (:mod:`.rules` applies them in order):
where a row is (:class:`Source`, to name it in a refusal), its texts, the total lines an export
ends with, and customers listed twice (by the one name rule, or by their codes)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .. import method
from ..messages import tr
from ..schema import columns as layout
from . import decimals
from .xlsx import InputFileError

#: The number columns read as amounts (the margin rate is read as a rate: :func:`.rules._rates`).
NUMBER_INPUTS = (*layout.NUMERIC_INPUTS, "revenue")

MAX_CELL_TEXT = 32_767  # Excel's limit on the characters of one cell


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class Source:
    """Where the rows of a frame came from, to name a place: ``file row N, column 'X'``."""

    name: str
    header: dict[str, str]  # canonical key -> the file's own header text
    first_row: int  # file row (1-based) of the first customer
    cell: Any = None  # (row offset, header position) -> 'D5'-style reference, for workbooks

    origin: list[int] | None = None  # customer i is the file's data row origin[i] (blank rows skipped)
    index: dict[str, int] = field(default_factory=dict)  # canonical key -> its position in the header

    def row(self, i: int) -> int:
        """The file row of customer ``i``."""
        return self.first_row + (i if self.origin is None else self.origin[i])

    def where(self, i: int | None, key: str | None) -> str:
        """The place of customer ``i``'s value of column ``key``; the file alone when the
        error names neither."""
        if i is None or key is None or key not in self.header:
            return self.name
        place = tr("{name} row {first_row}", name=self.name, first_row=self.row(i))
        if self.cell is not None:
            place = tr(
                "{name} cell {cell}", name=self.name, cell=self.cell(self.row(i) - self.first_row, self.index[key])
            )
        return tr("{place} (customer {i}), column '{header}'", place=place, i=i + 1, header=self.header[key])


def _text(value: Any, source: Source, i: int, key: str) -> str | None:
    """A text cell, checked; None for a blank. The place is named only on a failure."""
    if type(value) is str:
        if not value.strip():
            return None
        text = value
    elif method.is_blank(value):
        return None
    else:
        text = f"{value:g}" if isinstance(value, float) else str(value)
    if len(text) > MAX_CELL_TEXT:
        raise InputFileError(
            tr(
                "{where}: has {n_text:,} characters; an Excel cell holds at most {MAX_CELL_TEXT:,}",
                where=source.where(i, key),
                n_text=len(text),
                MAX_CELL_TEXT=MAX_CELL_TEXT,
            )
        )
    bad = _CONTROL.search(text)
    if bad:
        raise InputFileError(
            tr(
                "{where}: contains the control character U+{ord:04X}, which a workbook cannot hold",
                where=source.where(i, key),
                ord=ord(bad.group()),
            )
        )
    return text


def _filled_cell(v: Any) -> bool:
    return bool(v.strip()) if type(v) is str else not method.is_blank(v)


#: A total line's name (after :func:`normalize`): "Total", "Totaux", "Sous-total", "Grand total",
#: "Total général", "Total HT", "Total 2025", "TOTAL:"; never "Total Energies".
_TOTAL = re.compile(r"(?:grand |sous |sub )?(?:total|totals|totaux)(?: general| generale| ht| ttc)?(?: \d{4})?:?")


def is_total_word(name: Any) -> bool:
    """Whether a customer's name names a total line (see :data:`_TOTAL`): the rule of every
    export, customer files and invoice lines alike.

    >>> is_total_word("Sous-total"), is_total_word("TOTAL :"), is_total_word("Total Energies")
    (True, True, False)
    """
    # every total word holds "tot": the cheap test first, normalize only for those (100k names)
    return isinstance(name, str) and "tot" in name.casefold() and _TOTAL.fullmatch(layout.normalize(name)) is not None


def _total_lines(data: dict[str, list], source: Source) -> dict[int, str]:
    """Total lines, which exports add at the end or after groups: {customer index: name}.

    A row named as a total (``Total``, ``Sous-total``, ``Grand total``…) whose gross margin is
    the sum of the rows above it, to the cent (all of them, or those since the previous total
    line: a subtotal), is no customer: it is skipped and said. Any other row named as a total is
    refused: it would count as a customer called "Total"."""
    names = data.get("customer", [])
    margins = data.get("gross_margin", [None] * len(names))
    found: dict[int, str] = {}
    start = 0
    for i, name in enumerate(names):
        if not is_total_word(name):
            continue
        rows = [j for j in range(i) if j not in found]
        sums = [math.fsum(m for j in part if (m := margins[j]) is not None) for part in (rows, range(start, i))]
        total = margins[i]
        if total is None or all(round(total * 100) != round(x * 100) for x in sums):
            above = f"{sums[0]:,.2f}".replace(",", " ")
            raise InputFileError(
                tr(
                    (
                        "{where}: {name} looks like a total line, but its gross margin ({value}) is not "
                        "the sum of the rows above it ({above}): remove the line, or rename the customer"
                    ),
                    where=source.where(i, "customer"),
                    name=decimals.shown(name),
                    value=tr("blank") if total is None else f"{total:,.2f}".replace(",", " "),
                    above=above,
                )
            )
        found[i] = name
        start = i + 1
    return found


def _duplicates(data: dict[str, list], source: Source, merge: bool) -> list[str]:
    """A customer listed twice would count twice: refused, naming both rows, unless ``merge``,
    which sums their numbers (correctly rounded) into the first row and says so. Names are
    compared by the one customer-name rule (:func:`client_roi.method.names.name_key`: NFC,
    spaces trimmed and collapsed, case ignored); the flags must agree. With a code column
    (``Code client``, ``Customer ID``) the code says who is who: two rows of one code are one
    customer whatever their names, two codes are two customers though their names are alike (a
    row without a code is told by its name)."""
    names = data.get("customer", [])
    codes = data.get("customer_id", [None] * len(names))
    first: dict[tuple[str, str], int] = {}
    groups: dict[int, list[int]] = {}
    for i, (name, code) in enumerate(zip(names, codes, strict=True)):
        if name is None:
            continue
        # a code is compared as a name is (C7 and c7 are one), the names that lines show alike
        who = ("name", method.names.name_key(name)) if code is None else ("code", method.names.name_key(code))
        if who not in first:
            first[who] = i
            continue
        j = first[who]
        if not merge:
            raise InputFileError(
                tr(
                    (
                        "{where}: {shown} is listed again (first at row {j}): a customer listed twice "
                        "would count twice; merge the rows, or say --merge-duplicates to add up their "
                        "numbers"
                    ),
                    where=source.where(i, "customer" if code is None else "customer_id"),
                    shown=decimals.shown(name if code is None else code),
                    j=source.row(j),
                )
            )
        for key_ in ("should_pay", "has_paid"):
            if key_ in data and data[key_][i] != data[key_][j] and data[key_][i] is not None:
                raise InputFileError(
                    tr(
                        (
                            "{where}: {name} is listed again (first at row {j}) with another '{header}': the "
                            "rows cannot be merged"
                        ),
                        where=source.where(i, key_),
                        name=decimals.shown(name),
                        j=source.row(j),
                        header=source.header[key_],
                    )
                )
        groups.setdefault(j, [j]).append(i)
    if not groups:
        return []
    said = []
    drop = set()
    for j, members in groups.items():
        for key in NUMBER_INPUTS:
            if key in data:
                parts = [data[key][m] for m in members if data[key][m] is not None]
                data[key][j] = math.fsum(parts) if parts else None
        drop.update(members[1:])
        said.append(tr("{name} (rows {rows})", name=names[j], rows=", ".join(str(source.row(m)) for m in members)))
    keep = [i for i in range(len(names)) if i not in drop]
    for key in list(data):
        data[key] = [data[key][i] for i in keep]
    if source.origin is not None:
        source.origin = [source.origin[i] for i in keep]
    return said
