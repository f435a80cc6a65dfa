"""The workbook's parameters, as data: each one's defined name, its cells, its default, its
words (label, explanation: English, said in a language by the catalogue) and its number format. The method's
defaults, the command line's options and help, the template's cells and validations and the
refresh read them here."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..messages import tr


@dataclass(frozen=True)
class Interval:
    """A parameter's numbers: from ``low`` to ``high`` (None: no bound), each end closed or open
    as ``closed`` says (scikit-learn's ``Interval``). The method checks a value by it
    (:func:`client_roi.method.arguments.parameter_number`), the command line's converters by
    the method, and the template derives its cells' Excel data validation from it
    (:meth:`validation`): one rule, every door.

    >>> Interval(0, 1, "left").text(), Interval(0, 1, "left").holds(1.0)
    ('[0, 1)', False)
    """

    low: float | None
    high: float | None
    closed: Literal["left", "right", "both", "neither"]

    def holds(self, x: float) -> bool:
        """Whether the finite number ``x`` is in the interval."""
        low_ok = self.low is None or x > self.low or (x == self.low and self.closed in ("left", "both"))
        high_ok = self.high is None or x < self.high or (x == self.high and self.closed in ("right", "both"))
        return low_ok and high_ok

    def text(self) -> str:
        """The interval as mathematics writes it: ``(0, 1]``, ``[0.1, inf)``."""
        left = "[" if self.closed in ("left", "both") and self.low is not None else "("
        right = "]" if self.closed in ("right", "both") and self.high is not None else ")"
        return f"{left}{_g(self.low, '-inf')}, {_g(self.high, 'inf')}{right}"

    def validation(self, cell: str) -> tuple[str, str | None, str, str | None]:
        """Excel's data validation of a cell ``cell`` (``B4``) that holds the rule: ``(type,
        operator, formula1, formula2)``. Excel's own operators where they say the same thing
        (``between`` is closed at both ends, ``greaterThan`` open); a custom formula
        otherwise (``[0, 1)``: ``AND(ISNUMBER(B4),B4>=0,B4<1)``), so the cell refuses what
        the method refuses and nothing more."""
        low_closed, high_closed = self.closed in ("left", "both"), self.closed in ("right", "both")
        if self.high is None and self.low is not None:
            return ("decimal", "greaterThanOrEqual" if low_closed else "greaterThan", _g(self.low), None)
        if self.low is not None and self.high is not None and low_closed and high_closed:
            return ("decimal", "between", _g(self.low), _g(self.high))
        tests = [f"ISNUMBER({cell})"]
        if self.low is not None:
            tests.append(f"{cell}{'>=' if low_closed else '>'}{_g(self.low)}")
        if self.high is not None:
            tests.append(f"{cell}{'<=' if high_closed else '<'}{_g(self.high)}")
        return ("custom", None, f"AND({','.join(tests)})", None)


@dataclass(frozen=True)
class Text:
    """A parameter's texts: from 1 to ``longest`` characters (Excel: ``textLength``)."""

    longest: int

    def validation(self, cell: str) -> tuple[str, str | None, str, str | None]:
        return ("textLength", "between", "1", str(self.longest))


def _g(x: float | None, none: str = "") -> str:
    if x is None:
        return none
    return str(int(x)) if math.isfinite(x) and x == int(x) else f"{x:g}"


@dataclass(frozen=True)
class Parameter:
    name: str  # workbook-level defined name
    cells: int  # cells in a row the name covers
    default: tuple
    en: tuple[str, str]  # label, explanation: in English, the catalogue's identifiers
    number_format: str = "General"
    optional: bool = False  # a workbook made before the parameter existed refreshes without it
    #: What it accepts: each number (each offset of a band) or each text (a label), the one
    #: rule that the method checks, the command line's converters apply and the template's
    #: data validation says; and what a cell refusing a value says, in English and French.
    constraint: Interval | Text | None = None
    required: bool = False  # a blank is refused where the method reads it (else: its default)
    invalid: str = ""  # what a cell refusing a value says (the catalogue's identifier)

    def said(self, lang: str) -> tuple[str, str]:
        """Its label and explanation in ``lang``, from the catalogue."""
        return (tr(self.en[0], lang), tr(self.en[1], lang))

    @property
    def fr(self) -> tuple[str, str]:
        return self.said("fr")


PARAMETERS = (
    Parameter(
        "band",
        9,
        (0.2,),
        (
            "Band",
            "One offset p (0.2 = tiers at ±20 % of the mean gain), or 2 to 9 increasing offsets "
            "left to right for more tiers, e.g. -0.4, -0.2, 0.2, 0.4 for five; or the word "
            "balanced: equal tiers (as many as the labels, else 3).",
        ),
        "0%",
        constraint=Interval(-1, None, "neither"),
        invalid="An offset above -1 (0.2 = 20 %).",
    ),
    Parameter(
        "trim",
        1,
        (0,),
        (
            "Trim (extremes left out)",
            "Share of clients left out of the mean, half the smallest and half the largest "
            "(Excel TRIMMEAN rule). 0 keeps everyone.",
        ),
        "0%",
        constraint=Interval(0, 1, "left"),
        invalid="A share from 0 up to, not including, 1.",
    ),
    Parameter(
        "labels",
        10,
        ("A", "B", "C"),
        ("Labels", "Tier names, top tier first; as many as tiers (blank: A, B, C, ...)."),
        "@",
        constraint=Text(20),
        invalid="A tier name of 1 to 20 characters.",
    ),
    Parameter(
        "cac",
        1,
        (None,),
        ("Average CAC", "Average customer-acquisition cost. Blank: the mean of the clients' acquisition costs."),
        '#,##0 "€"',
        constraint=Interval(0, None, "left"),
        invalid="An amount ≥ 0, or blank.",
    ),
    Parameter(
        "annual_income",
        1,
        (24000,),
        ("Annual income", "Yearly income of the person who prospects, to turn budgets into days."),
        '#,##0 "€"',
        constraint=Interval(0, None, "neither"),
        required=True,
        invalid="An amount above 0.",
    ),
    Parameter(
        "margin_rate",
        1,
        (0.5,),
        ("Margin rate", "Gross margin per unit of revenue: 0.5 means 100 of revenue leaves 50."),
        "0%",
        constraint=Interval(0, 1, "right"),
        invalid="A rate above 0 and at most 1.",
    ),
    Parameter(
        "working_days",
        1,
        (218,),
        ("Working days", "Working days per year."),
        "0",
        constraint=Interval(0, 366, "right"),
        invalid="More than 0 and at most 366 days.",
    ),
    Parameter(
        "load_factor",
        1,
        (1.5,),
        ("Load factor", "Employer's load on top of income (1.5 = 50 % social charges)."),
        "0.00",
        constraint=Interval(0, None, "neither"),
        invalid="A factor above 0.",
    ),
    Parameter(
        "prospecting_days",
        1,
        (60,),
        (
            "Prospecting days",
            "Days per year available for prospecting: the prospect plan fits "
            "the prospects in them, best tier first. Blank: no plan.",
        ),
        "0.0",
        optional=True,
        # a tenth of a day at least (an hour or so): fewer gives no plan worth the name, and
        # 1e-320 days made the load infinite
        constraint=Interval(0.1, None, "left"),
        invalid="0.1 day or more, or blank.",
    ),
    Parameter(
        "currency",
        1,
        ("€",),
        (
            "Currency",
            "The currency every amount of the workbook is shown in: € $ £ CHF or ¥. Changing it "
            "changes how amounts are shown at once, never their values.",
        ),
        "@",
        optional=True,
    ),
    Parameter(
        "similar_by",
        1,
        (None,),
        (
            "Similar by",
            "A prospect without an expected margin is estimated from the clients it resembles in "
            "these columns of yours, separated by ';'. Blank: every column of yours that can serve "
            "(text with 2 to 30 values, numbers by quartiles); none: no estimate.",
        ),
        "@",
        optional=True,
        constraint=Text(255),
        invalid="Column names of yours, separated by ';', or none.",
    ),
)


#: Each parameter's default, by name (what the method's signatures and the template write).
DEFAULTS = {p.name: p.default[0] for p in PARAMETERS}


def default(name: str):
    """A parameter's default, as the template writes it in its Parameters sheet.

    >>> default("annual_income"), default("band")
    (24000, 0.2)
    """
    return DEFAULTS[name]


def parameter(name: str) -> Parameter:
    """The parameter ``name`` (``prospecting_days``)."""
    return next(p for p in PARAMETERS if p.name == name)


def interval(name: str) -> Interval:
    """The numbers the parameter ``name`` accepts (each offset's, for the band): its
    constraint, which for every number parameter is an :class:`Interval`."""
    rule = parameter(name).constraint
    assert isinstance(rule, Interval), name
    return rule
