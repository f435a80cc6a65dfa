"""The words the template writes on its sheets, in English, said in the book's language by the
catalogue (:mod:`client_roi.messages`): the Guide, the sheets' titles and notes, the decision
loop's block titles, the charts' titles. (The columns' and parameters' names are the schema's;
the words the refresh writes are :mod:`.layout`'s.)"""

from __future__ import annotations

from typing import Any

from ..messages import Said, tr
from ..schema.columns import COLUMNS, header
from .styles import BOLD, TITLE


def _span(lang: str, computed: bool) -> str:
    """The table's input (or computed) columns, by their first and last names: the Guide names
    them from the schema (a count went wrong for a book with the movement columns)."""
    names = [c.name(lang) for c in COLUMNS if c.computed == computed]
    return tr("from {first} to {last}", lang, first=names[0], last=names[-1])


STALE_TEXT = Said(("Inputs at the last refresh (written by Refresh)", "Inputs now (these formulas)"))


#: The Guide's line about the table: its columns named from the schema, in the book's language.
CUSTOMERS_GUIDE = (
    "• Customers: paste your customers into the table (its columns {inputs}; {days_spent} may stay empty). "
    "Keep the table: add rows at its end. The columns {computed}, and {movement} when there are previous tiers, "
    "are computed: do not type in them."
)

REFRESH_GUIDE = (
    "• Press Refresh (Client ROI tab, or the Lite run button), or run "
    "`client-roi refresh THIS.xlsx` (close it in Excel first: the file itself is updated). A "
    "refresh that finds bad input changes nothing and says which cell is wrong."
)
#: A live book's line instead: its results are formulas (workbook.live).
LIVE_GUIDE = (
    "• This is a live book: every result is a formula that follows as you type, in Excel, Excel on "
    "the web or LibreOffice, with no add-in. A row that cannot be read shows #N/A as its role, and the "
    "Tiers sheet says which. New customers at the end of the table get their formulas from "
    "`client-roi refresh THIS.xlsx`."
)

_GUIDE = [
    ("Client ROI: how much effort does each customer deserve?", TITLE),
    ("", None),
    ('The method ("Le client est R.O.I.")', BOLD),
    (
        "1. Only those who pay are clients. Those who should pay but have not yet are prospects; "
        "those who do not pay are users.",
        None,
    ),
    (
        "2. Tiers: take the mean gain per paying client (gross margin / number of clients, optionally "
        "after trimming the extremes) and draw bands at +20 % and -20 % of it: three tiers. If the tiers "
        "are unbalanced, adjust the percentages; 4 or 5 tiers are fine.",
        None,
    ),
    (
        "3. Effort budget: the average customer-acquisition cost (CAC) scaled by the same percentages "
        "gives one prospecting budget per tier. Spend on a prospect in proportion to its potential.",
        None,
    ),
    (
        "4. Effort in days: budget / (annual income × 2 / 218 × 1.5): 1000 € at 24 000 € a year is about 3 days.",
        None,
    ),
    (
        "5. Watch the concentration (a few big clients are a risk) and the clients who cost more to win "
        "than they bring (Review sheet).",
        None,
    ),
    ("", None),
    ("The decision loop", BOLD),
    (
        "• Harmonious tiers: the band sweep (Tiers sheet) shows, for ±5 % to ±50 %, how many clients "
        "each tier gets and a balance (smallest tier ÷ largest: 1 = equal tiers); the most balanced "
        "row is green. Below it, the balanced band for your number of tiers, ready to copy into band; "
        "or type the word balanced in band.",
        None,
    ),
    (
        "• The prospect plan: set the days you can spend prospecting in a year. The plan takes the "
        "prospects systematically, best tier first and largest expected margin first, while the days "
        "fit (In plan: yes), and shows the load: days needed ÷ days available.",
        None,
    ),
    (
        "• The limit of concessions: type the days already spent on a prospect (Days spent). Days left "
        "is the effort budget in days minus the days spent; below zero the prospect is over budget, "
        "out of the plan and listed on the Review sheet, worst first: stop conceding, or decide to let it go.",
        None,
    ),
    ("", None),
    ("How to use this workbook", BOLD),
    (
        CUSTOMERS_GUIDE,
        None,
    ),
    (
        "• Parameters: change the yellow cells (band, trim, labels, CAC, income...); the currency "
        "changes how every amount is shown, at once.",
        None,
    ),
    (
        REFRESH_GUIDE,
        None,
    ),
    (
        "• Tiers: the band summary, budgets, effort days and the concentration of your gains. "
        "Loss-making clients count as 0 in the concentration figures.",
        None,
    ),
    ("• The functions =TIER(), =EFFORT_DAYS() and friends compute the same things in any cell.", None),
]


def guide(lang: str, live: bool = False) -> list[tuple[str, Any]]:
    """The Guide's lines in ``lang``, with their fonts (the table's line names its columns);
    ``live``: a live book's, which says its results follow as one types."""
    columns = {
        "inputs": _span(lang, False),
        "days_spent": header("days_spent", lang),
        "computed": _span(lang, True),
        "movement": header("movement", lang),
    }
    lines = [(LIVE_GUIDE if live and text == REFRESH_GUIDE else text, font) for text, font in _GUIDE]
    return [(tr(text, lang, **columns) if text else "", font) for text, font in lines]


TITLES = {
    "parameters": Said(("Parameters", "Change the yellow cells, then press Refresh.")),
    "tiers": Said(("Tiers", "Written by Refresh: do not type here.")),
    "review": Said(
        ("Review: clients who cost more to win than they bring (ROI < 1), worst first", "Written by Refresh.")
    ),
    "charts": Said(("Clients and gain per tier", "Pareto: cumulative share of gain")),
}


#: A live book's notes under the titles: its results are formulas, no Refresh is needed.
LIVE_NOTES = Said(
    {
        "parameters": "Change the yellow cells: every result follows as you type, with no add-in.",
        "tiers": "Computed by formulas as you type: do not type here.",
        "review": "Computed by formulas as you type.",
    }
)

GUIDE_WIDTH = 100  # characters per line of the Guide's column A


LOOP_TITLES = {
    "plan": Said("Prospect plan: the days available, spent by tier"),
    "sweep": Said("Band sweep: how harmonious are the tiers? (tier 1 = top; most balanced in green)"),
    "mobility": Said("Movement: previous tiers (rows) against tiers now (columns), in customers"),
    "overrun": Said("Prospects over budget (days spent > budget days), worst first"),
    "potential": Said("A prospect's potential: its margin estimated from the clients it resembles"),
}


# no-break spaces inside the parenthesis: a title wraps before it, never in it
SWEEP_CHART_TITLE = Said("Share of clients per tier across bands (1\u00a0=\u00a0top)")
