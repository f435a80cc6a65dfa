"""What the workbook holds and what each thing is called (in English: the catalogue says it in
the book's language, :mod:`client_roi.messages`).

The template builder writes these names, ``fill`` matches input headers against them, and
the refresh pipeline finds everything through them: the ``Customers`` table and the
workbook-level defined names, never a sheet's name or position.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..messages import LANGS, PSEUDO, Said
from ..schema.blocks import BLOCKS, MAX_TIERS, Block, block, position, share_column  # the output blocks
from ..schema.columns import (  # the customer table's columns: the schema every layer reads
    ALL_COLUMNS,
    COLUMNS,
    HEADER_KEYS,
    INPUTS,
    MOVEMENT_COLUMNS,
    MOVEMENT_INPUTS,
    NUMERIC_INPUTS,
    OUTPUTS,
    REQUIRED_INPUTS,
    TABLE,
    Column,
    header,
    header_key,
    normalize,
    table_keys,
)
from ..schema.parameters import PARAMETERS, Parameter  # the workbook's parameters: the schema's

__all__ = [
    "ALL_COLUMNS",
    "BLOCKS",
    "MAX_TIERS",
    "Block",
    "block",
    "position",
    "share_column",
    "COLUMNS",
    "MOVEMENT_COLUMNS",
    "MOVEMENT_INPUTS",
    "HEADER_KEYS",
    "INPUTS",
    "NUMERIC_INPUTS",
    "OUTPUTS",
    "PARAMETERS",
    "Parameter",
    "REQUIRED_INPUTS",
    "TABLE",
    "Column",
    "header",
    "header_key",
    "normalize",
    "table_keys",
]  # and everything defined below


# The workbook's words, in English: every language's from the catalogue (ROLE_WORDS["fr"]).
ROLE_WORDS = Said({"client": "client", "prospect": "prospect", "user": "user"})
PLAN_WORDS = Said({True: "yes", False: "no"})
MOVE_WORDS = Said({"up": "up", "down": "down", "same": "same", "new": "new", "lost": "lost", "total": "Total"})

#: The words of the computed columns whose values are words, by the schema's ``Column.words``.
VALUE_WORDS: dict[str, Said] = {"role": ROLE_WORDS, "plan": PLAN_WORDS, "move": MOVE_WORDS}


#: Defined names of the output blocks' top-left cells, and their maximum sizes.
OUT_FACTS, OUT_BANDS, OUT_CONCENTRATION, OUT_PARETO, OUT_REVIEW = (
    "out_facts",
    "out_bands",
    "out_concentration",
    "out_pareto",
    "out_review",
)
#: Blocks of the decision loop; a workbook made before them refreshes without them.
OUT_PLAN, OUT_SWEEP, OUT_BALANCED, OUT_OVERRUN = "out_plan", "out_sweep", "out_balanced", "out_overrun"
#: Previous tiers against tiers now (invoice lines, or a pasted Previous tier column).
OUT_MOBILITY = "out_mobility"
#: A prospect's potential: the estimates' figures and the gate's verdict.
OUT_POTENTIAL = "out_potential"
#: The inputs' fingerprint at the last refresh (see client_roi.workbook.stale).
OUT_INPUTS = "out_inputs"
OPTIONAL_BLOCKS = tuple(b.name for b in BLOCKS if b.optional)
assert {b.name for b in BLOCKS} == {
    "charts",
    OUT_FACTS,
    OUT_BANDS,
    OUT_CONCENTRATION,
    OUT_PARETO,
    OUT_REVIEW,
    *OPTIONAL_BLOCKS,
}
#: Rows of the sweep block below its header: ten bands, the band in use, the balanced band.
SWEEP_ROWS = block(OUT_SWEEP).rows - 1

SHEETS = {
    "guide": Said("Guide"),
    "parameters": Said("Parameters"),
    "customers": Said("Customers"),
    "tiers": Said("Tiers"),
    "review": Said("Review"),
}


def book_language(sheets: Iterable[str]) -> str:
    """A workbook's language, by the names of its sheets: French (or another of the catalogue's
    languages) when the Parameters, Tiers or Review sheet has its name in it (not Clients: an
    English book may hold a sheet of that name), else English."""
    for lang in (*LANGS[1:], PSEUDO):
        if {SHEETS[k][lang] for k in ("parameters", "tiers", "review")} & set(sheets):
            return lang
    return "en"


TEXT = Said(
    {
        "facts": [
            "Reference gain (mean per client)",
            "Paying clients",
            "Prospects",
            "Users",
            "Average CAC",
            "Cost of one day of effort",
        ],
        "bands": [
            "Tier",
            "From",
            "To",
            "Clients",
            "Share of clients",
            "Gain",
            "Share of gain",
            "Average gain",
            "Effort budget",
            "Effort days",
        ],
        "concentration": [
            "Largest client's share of gain",
            "Top 5 clients' share of gain",
            "HHI concentration index (Σ share², 0 to 1)",
            "Verdict",
            "One client over 15 % of gain",
        ],
        "verdict": {"diversified": "diversified", "moderate": "moderate", "concentrated": "concentrated"},
        "yesno": ("yes", "no"),
        "pareto": ["Share of clients", "Cumulative share of gain"],
        "review": ["Customer", "Gross margin", "Acquisition cost", "ROI", "Tier"],
        "review_empty": {
            "costs": "None to review: no client has an acquisition cost, so no ROI is known.",
            "none": "None to review: every client brings at least what it cost (ROI ≥ 1).",
        },
        "overrun": ["Customer", "Tier", "Budget days", "Days spent", "Spent ÷ budget"],
        "plan": ["Tier", "Prospects", "Effort budget", "Effort days", "In the plan"],
        "plan_total": "Total",
        "plan_available": "Days available for prospecting",
        "plan_load": "Load (days needed ÷ available)",
        "sweep": ["Band", "Balance", "Clients", "Share"],
        "sweep_in_use": "in use",
        "sweep_balanced": "balanced",
        "balanced": "Balanced band, {k} tiers (copy into band):",
        "balanced_none": "no balanced band for {k} tiers: {why}",
        "mobility": ["Previous tier \\ now", "Gain then", "Gain now"],
        "potential": [
            "Estimated from",
            "Clients it learns from",
            "Estimate's mean error (held out)",
            "Median's mean error (baseline)",
            "Rank correlation (0: none)",
            "Gain of the top 30 % by estimate",
            "Verdict",
            "Prospects estimated",
        ],
        "potential_verdict": {
            True: "these columns predict margin here",
            False: "these columns do not predict margin here: each estimate is the clients' median",
        },
        "potential_none": "No estimate: {why}",
        "potential_off": "No estimate: similar by is none",
        "potential_all": "No estimate: every prospect has an expected margin",
        "mobility_none": "No previous tiers: add a 'Previous tier' column to the Customers table "
        "(last period's tiers), or fill from invoice lines, to see who moves.",
    }
)


def flags_in(cells: list, lang: str) -> list:
    """Flags in the book's language, from every door: the other language's own words (``yes``
    and ``no`` that invoice lines, a status or a plain list of clients give, in a French book)
    become the book's (``oui``, ``non``); what a user typed otherwise (``Oui``, ``Y``, ``1``) is
    kept as typed."""
    words = {
        other: mine
        for other_lang in LANGS
        if other_lang != lang
        for other, mine in zip(TEXT[other_lang]["yesno"], TEXT[lang]["yesno"], strict=True)
    }
    return [words.get(v, v) if type(v) is str else v for v in cells]
