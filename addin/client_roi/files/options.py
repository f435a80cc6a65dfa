"""Options and parameters as a user types them (on the command line, or as text to the
Python API): one number (``0,2``, ``20 %``), a band (``-0,4;-0,2;0,2;0,4``, ``balanced``), tier
labels (``Or;Argent;Bronze``). Read by the number rule of :mod:`.decimals`; what cannot be read
right is an :class:`OptionError` naming the option."""

from __future__ import annotations

import argparse

from ..messages import language, tr
from ..schema.parameters import PARAMETERS, Interval


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
                tr(
                    (
                        "{what}: {text!r} is ambiguous (is the separator a decimal one or a thousands "
                        "one?); write it without a thousands separator"
                    ),
                    what=what,
                    text=text,
                )
            ) from None
        raise OptionError(tr("{what}: {text!r} is not a number", what=what, text=text)) from None
    return value


def parts(text: str) -> list[str]:
    return [p for p in text.replace(";", " ").split() if p]


#: What --prospecting-days takes to switch the plan off (a blank cell in the workbook).
NO_PLAN = ("none", "no", "aucun", "non", "0")
#: The parameters that are one number each, checked by their schema interval (the band, a list of
#: offsets, is read and checked by its own rule).
NUMBER_PARAMETERS = tuple(
    p.name for p in PARAMETERS if isinstance(p.constraint, Interval) and p.cells == 1 and p.name != "band"
)


def parse_band(text: str, name: str = "--band") -> float | list[float] | str:
    """``0.2`` (or ``0,2``) is ±20 %; offsets are separated by ``;`` or spaces:
    ``-0.4;-0.2;0.2;0.4`` or ``"-0,4 -0,2 0,2 0,4"``. A comma never separates offsets.
    ``balanced`` (``équilibré``) asks for the balanced band."""
    from ..method import is_balanced_word

    if is_balanced_word(text):
        return "balanced"
    items = parts(text)
    if not items:
        raise OptionError(tr("{name} is empty", name=name))
    try:
        values = [
            number(p, f"{name} item {i + 1}" if len(items) > 1 else name, percent=True) for i, p in enumerate(items)
        ]
    except OptionError as exc:
        if "," in text:
            raise OptionError(
                tr("{exc} (separate offsets with ';' or spaces: a comma is a decimal comma)", exc=exc)
            ) from None
        raise
    return values[0] if len(values) == 1 else values


def parse_labels(text: str) -> list[str]:
    """Tier labels, top first, separated by ``;`` (or by ``,`` when there is no ``;``)."""
    sep = ";" if ";" in text else ","
    return [x.strip() for x in text.split(sep)]


def parse_columns(items: list[str] | None, door: str = "customers") -> dict[str, str]:
    """``--column "Gross margin=Marge (k€)"``: a column of the door read (``customers`` or
    ``lines``: English or French name) = the file's header for it."""
    from ..schema import columns

    out: dict[str, str] = {}
    for item in items or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not theirs.strip():
            raise OptionError(
                tr('--column {item!r}: write OUR COLUMN=THE FILE\'S HEADER, e.g. "Gross margin=Marge (k€)"', item=item)
            )
        key = columns.door_key(ours, door)
        if key is None:
            names = ", ".join(c.name(language()) for c in columns.DOORS[door])
            raise OptionError(
                tr(
                    "--column {item!r}: '{strip}' is not one of the columns read ({names})",
                    item=item,
                    strip=ours.strip(),
                    names=names,
                )
            )
        if key in out:
            raise OptionError(tr("--column {item!r}: '{strip}' is mapped twice", item=item, strip=ours.strip()))
        out[key] = theirs.strip()
    return out


def parse_status(items: list[str] | None) -> dict[str, str]:
    """``--status "Free trial=prospect"``: a word of the file's Status column = its role."""
    from ..method import ClientRoiError, status

    out: dict[str, str] = {}
    for item in items or []:
        word, sep, role = item.partition("=")
        if not sep or not word.strip() or not role.strip():
            raise OptionError(
                tr('--status {item!r}: write THE FILE\'S WORD=ROLE, e.g. "Free trial=prospect"', item=item)
            )
        out[word.strip()] = role.strip()
    try:
        status.status_map(out)
    except ClientRoiError as exc:
        raise OptionError(tr("--status {exc}", exc=exc)) from None
    return out


def currency_option(args: argparse.Namespace) -> str | None:
    """``--currency`` as its sign (None when not given), by the workbook's own rule."""
    from .. import method

    if args.currency is None:
        return None
    try:
        return method.currency(args.currency)
    except method.ClientRoiError as exc:
        raise OptionError(f"--{exc}") from None


def currency_of(given: str | None, shown: dict[str, str]) -> tuple[str, str]:
    """The amounts' currency and why: ``--currency``, else the one the file shows (its first
    place), else € when it shows none; two shown and none given is refused, naming both."""
    from .. import method

    if given is not None:
        return given, "--currency"
    if len(shown) > 1:
        raise OptionError(
            tr(
                "the amounts show more than one currency: {value}: say which with --currency",
                value="; ".join(f"{sign} ({where})" for sign, where in shown.items()),
            )
        )
    if shown:
        sign, where = next(iter(shown.items()))
        return sign, tr("as the file shows: {where}", where=where)
    return method.CURRENCIES[0], tr("the default, as none is shown; --currency to choose")


def check_plan(args: argparse.Namespace) -> None:
    """band, trim, labels and tiers as typed, read and checked by the same rules as the workbook
    and the functions, before any file is read or written."""
    from .. import method

    args.currency = currency_option(args)
    args.band = None if args.band is None else parse_band(args.band)
    args.trim = None if args.trim is None else number(args.trim, "--trim", percent=True)
    args.labels = None if args.labels is None else parse_labels(args.labels)
    days = getattr(args, "prospecting_days", None)
    if days is not None and days.strip().casefold() in NO_PLAN:
        args.prospecting_days = ()  # a blank cell: no plan
    else:
        args.prospecting_days = None if days is None else number(days, "--prospecting-days")
    for name in ("cac", "annual_income", "margin_rate", "working_days", "load_factor"):
        text = getattr(args, name, None)
        option = "--" + name.replace("_", "-")
        setattr(args, name, None if text is None else number(text, option, percent=name == "margin_rate"))
    balanced = args.band == "balanced"
    if args.tiers is not None and not balanced:
        raise OptionError(tr("--tiers goes with --band balanced (otherwise the band's offsets give the tiers)"))
    try:
        if balanced:
            tiers = args.tiers or (len(args.labels) if args.labels else 3)
            if not 2 <= tiers <= method.MAX_TIERS:
                raise OptionError(
                    tr("--tiers must be from 2 to {MAX_TIERS}, got {tiers}", MAX_TIERS=method.MAX_TIERS, tiers=tiers)
                )
            b = method.bands(band=[i / tiers for i in range(1, tiers)], labels=args.labels, reference=1.0)
            args.band = tr(method.BAND_WORD, args.lang)  # the workbook's own word
        else:
            b = method.bands(band=args.band, labels=args.labels, reference=1.0)
        # each number by its schema constraint: the method's own check, not a run on dummy data
        for name in NUMBER_PARAMETERS:
            if getattr(args, name) not in (None, ()):
                method.parameter_number(getattr(args, name), name)
    except method.ClientRoiError as exc:
        raise OptionError(
            tr("--{replace}: {exc}", replace=(exc.argument or "band").replace("_", "-"), exc=exc)
        ) from None
    if args.labels is None and len(b.labels) != 3:
        args.labels = list(b.labels)
