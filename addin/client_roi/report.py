"""What the command line tells the user, in their language (:mod:`client_roi.messages`): one
line at a time (:func:`say`), the progress bar, and the summaries of a fill or a refresh (the
tiers at a glance, how invoice lines were read)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any

from .messages import tr


def say(text: str, file: Any = None) -> None:
    """One line for the user, already said in their language (:func:`client_roi.messages.tr`)."""
    print(text, file=file)


class Progress:
    """One bar over the whole job, on a terminal only (tqdm); each step weighs its share."""

    def __init__(self):
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(
                total=100, unit="%", leave=False, file=sys.stderr, bar_format="{desc:<22}{bar}| {percentage:3.0f}%"
            )

    @contextmanager
    def step(self, name: str, weight: int):
        if self.bar is not None:
            self.bar.set_description(tr(name))  # a step's name is its catalogue identifier
        yield
        if self.bar is not None:
            self.bar.update(weight)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def items(listed: list[str]) -> str:
    """A list the summary names, each item said already."""
    return "; ".join(listed)


def in_days(x: float) -> str:
    from .messages import number

    return number(x, ",.2f")


def summary(out) -> None:
    """The tiers at a glance, as the Tiers sheet shows them (numbers in the language's form)."""
    from .messages import mark, number

    first, *counts = out.facts[:4]
    facts = [f"{k}{mark(':')}{number(v, ',' if i else ',.2f')}" for i, (k, v) in enumerate([first, *counts])]
    print(facts[0] + mark(";") + ", ".join(facts[1:]))  # in the book's words already
    header, *rows = out.bands  # the tables: the book's words and numbers in the language's form already
    print(f"{header[0]:<10}{header[3]:>9}{header[4]:>18}{header[6]:>15}{header[8]:>23}{header[9]:>15}")
    for r in rows:
        share = "" if r[6] is None else number(r[6], ".1%")
        budget = "" if r[8] is None else number(r[8], ",.2f")
        days = "" if r[9] is None else in_days(r[9])
        print(f"{r[0]:<10}{number(r[3], ','):>9}{number(r[4], '.1%'):>18}{share:>15}{budget:>23}{days:>15}")
    if out.best_kind == "in use":
        say(tr("band in use: {band_text}, the most balanced of the sweep", band_text=out.band_text))
    elif out.best_kind == "balanced":
        say(tr("band in use: {band_text}; most balanced: the balanced band (band = balanced)", band_text=out.band_text))
    else:
        widest = (
            f"±{out.best_band:.0%}"
            if out.band_text.startswith("±")
            else tr("its widest offset at {best_band:.0%}", best_band=out.best_band)
        )
        say(
            tr(
                "band in use: {band_text}; most balanced band of the sweep: {widest}",
                band_text=out.band_text,
                widest=widest,
            )
        )
    if out.previous_as_typed:
        say(
            tr(
                "previous tiers typed without a previous margin, kept as typed: {previous_as_typed:,}",
                previous_as_typed=out.previous_as_typed,
            )
        )
    if len(out.mobility) > 1:  # one line: no previous tiers
        header, *rows = out.mobility
        width = max(len(str(r[0])) for r in out.mobility) + 2
        counts = len(header) - 3  # tiers now, lost, total
        print(f"{header[0]:<{width}}" + "".join(f"{h:>9}" for h in header[1 : counts + 1]))
        for r in rows:
            print(f"{r[0]:<{width}}" + "".join(f"{number(v, ','):>9}" for v in r[1 : counts + 1]))
    if out.estimated_prospects:
        say(
            tr(
                "prospects whose tier, budget and plan rest on an estimate of their margin: {n:,}",
                n=out.estimated_prospects,
            )
        )
    if not out.budgets:
        say(
            tr(
                "no acquisition cost, so no effort budgets, days or prospect plan: give --cac "
                "(the average cost of winning a client), or an 'Acquisition cost' column"
            )
        )
    elif out.load is None:
        say(
            tr(
                "prospect plan: {days_needed} days needed (no prospecting days given)",
                days_needed=in_days(out.days_needed),
            )
        )
    else:
        say(
            tr(
                "prospect plan: {days_needed} days needed for {days_available} available: load {load:.0%}",
                days_needed=in_days(out.days_needed),
                days_available=in_days(out.days_available),
                load=out.load,
            )
        )


def say_grouped(code: str, name: str) -> None:
    """Which column is the customer, when a file has a code and a name: the same line from a
    customer file and from invoice lines."""
    say(tr("customers grouped by '{code}', shown by '{name}'", code=code, name=name))


def say_lines(read, made, replaced: list[str]) -> None:
    p = made.periods
    what = (
        tr("margin from '{margin}'", margin=read.used["margin"])
        if made.kind == "margin"
        else tr("'{amount}' × margin rate", amount=read.used["amount"])
    )
    say(
        tr(
            (
                "read {lines:,} invoice lines of {name} ({what}); period {start} – {end} "
                "({months} months), previous {previous_start} – {previous_end}"
            ),
            lines=made.lines,
            name=read.name,
            what=what,
            start=p.start,
            end=p.end,
            months=p.months,
            previous_start=p.previous_start,
            previous_end=p.previous_end,
        )
    )
    say(
        tr(
            (
                "clients: {clients:,}; lost since the previous period (prospects to win back): "
                "{lost:,}; left out, lines all older: {older:,}"
            ),
            clients=made.clients,
            lost=made.lost,
            older=made.older,
        )
    )
    if made.later:
        say(tr("lines after {end} left out: {later:,}", end=p.end, later=made.later))
    if read.blank_rows:
        say(tr("blank rows skipped: {n:,}", n=read.blank_rows))
    if "customer_id" in read.used:
        say_grouped(read.used["customer_id"], read.used["customer"])
    if read.totals_skipped:
        say(tr("total lines skipped (each the sum of the rows above it): {items}", items=items(read.totals_skipped)))
    merged = read.totals.merged
    if merged:  # the user's names, shown as written: never translated
        shown = "; ".join(merged[:3]) + (tr(" and {n:,} more", n=len(merged) - 3) if len(merged) > 3 else "")
        say(
            tr(
                (
                    "customer names written more than one way (case, spaces), taken as one customer: "
                    "{spellings_merged:,} spellings merged ({shown})"
                ),
                spellings_merged=read.totals.spellings_merged,
                shown=shown,
            )
        )
    if read.unused:
        say(tr("columns not used: {unused}", unused=", ".join(read.unused)))
    if replaced:
        say(
            tr(
                "gross margins of the customer file replaced by those of the lines: {replaced}{value}",
                replaced=", ".join(replaced[:10]),
                value=tr(" and {n:,} more", n=len(replaced) - 10) if len(replaced) > 10 else "",
            )
        )
