"""Options and parameters as a user types them (on the command line, or as text to the
Python API): one number (``0,2``, ``20 %``), a band (``-0,4;-0,2;0,2;0,4``, ``balanced``), tier
labels (``Or;Argent;Bronze``). Read by the number rule of :mod:`.decimals`; what cannot be read
right is an :class:`OptionError` naming the option."""

from __future__ import annotations


class OptionError(ValueError):
    """An option that cannot be read right; the message says which and why."""


def number(text: str, what: str, *, percent: bool = False) -> float:
    """One number as a user types it: 0.2 or 0,2 (a decimal comma), never 1,234 (ambiguous);
    with ``percent``, ``20%`` or ``20 %`` is 0.2 (divided in decimal: ``7.3%`` is 0.073 exactly
    as typed, not 7.3 / 100 in binary)."""
    from decimal import Decimal

    from .decimals import ColumnProblem, read_column

    text = text.strip()
    if percent and text.endswith("%"):
        return float(Decimal(repr(number(text[:-1], what))) / 100)
    try:
        (value,), _ = read_column([text])
    except ColumnProblem as exc:
        if exc.ambiguous:
            raise OptionError(
                f"{what}: {text!r} is ambiguous (is the separator a decimal one or a thousands "
                "one?); write it without a thousands separator"
            ) from None
        raise OptionError(f"{what}: {text!r} is not a number") from None
    return value


def parts(text: str) -> list[str]:
    return [p for p in text.replace(";", " ").split() if p]


#: What --prospecting-days takes to switch the plan off (a blank cell in the workbook).
NO_PLAN = ("none", "no", "aucun", "non", "0")


def parse_band(text: str, name: str = "--band") -> float | list[float] | str:
    """``0.2`` (or ``0,2``) is ±20 %; offsets are separated by ``;`` or spaces:
    ``-0.4;-0.2;0.2;0.4`` or ``"-0,4 -0,2 0,2 0,4"``. A comma never separates offsets.
    ``balanced`` (``équilibré``) asks for the balanced band."""
    from ..method import is_balanced_word

    if is_balanced_word(text):
        return "balanced"
    items = parts(text)
    if not items:
        raise OptionError(f"{name} is empty")
    try:
        values = [
            number(p, f"{name} item {i + 1}" if len(items) > 1 else name, percent=True) for i, p in enumerate(items)
        ]
    except OptionError as exc:
        if "," in text:
            raise OptionError(f"{exc} (separate offsets with ';' or spaces: a comma is a decimal comma)") from None
        raise
    return values[0] if len(values) == 1 else values


def parse_labels(text: str) -> list[str]:
    """Tier labels, top first, separated by ``;`` (or by ``,`` when there is no ``;``)."""
    sep = ";" if ";" in text else ","
    return [x.strip() for x in text.split(sep)]
