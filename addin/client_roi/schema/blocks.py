"""The output blocks of the Tiers and Review sheets, as data: each one's defined name, sheet,
size at its largest, the kinds of its columns, and where it sits, said as *under* or *beside*
another block. Every position is computed from the sizes (:func:`position`): more tiers
(:data:`MAX_TIERS`) move every block below the bands, and nothing is a fixed row. The template
writes names, formats and titles from them; the refresh finds each block by its name only.

The kinds of a block's columns say how a number is shown (:mod:`client_roi.workbook.styles`):
``money``, ``days`` (effort days), ``whole`` (``0``), ``count`` (``#,##0``), ``share`` (a
percent with a decimal), ``percent`` (a whole percent), ``ratio`` (``0.00``), ``index``
(``0.000``), ``offset`` (``±20%``), ``fine offset`` (``0.00%``); None: text, or as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

#: The most tiers a band may give (nine offsets).
MAX_TIERS = 10
#: The bands of the sweep: the shape at 5 % … 50 % (method.tiers.SWEEP); its block adds the band
#: in use and the balanced band.
SWEEP_BANDS = 10
#: The Pareto curve's steps (0 %, 5 %, … 100 % of the clients).
PARETO_STEPS = 20


@dataclass(frozen=True)
class Block:
    name: str  # the workbook-level defined name of its top-left cell
    sheet: str  # the key of its sheet (workbook.layout.SHEETS): tiers, review
    rows: int  # rows at its largest, its header included (a list: its header alone)
    columns: int
    #: Where it sits: ``(under, gap)``: ``gap`` blank rows under the block ``under``, in its
    #: column; or ``(beside, gap)`` with ``beside=True``: ``gap`` blank columns right of it, on its row.
    after: str | None = None
    gap: int = 1
    beside: bool = False
    at: tuple[int, int] = (0, 0)  # (row, column) of a block placed by none
    level_with: str | None = None  # beside a block, on the row of another (the Pareto, level with the facts)
    titled: bool = False  # a title row above it (within the gap)
    labels: int = 0  # columns of labels left of its named cell (the fingerprint's)
    kinds: tuple[str | None, ...] = ()  # the kinds of its columns, left to right (see the module)
    row_kinds: tuple[str | None, ...] = ()  # a list of pairs: the kinds of its values, top to bottom
    listed: bool = False  # a list, as long as it is (its rows: its header alone)
    optional: bool = False  # a workbook made before the block existed refreshes without it


BLOCKS = (
    Block("out_facts", "tiers", 6, 2, at=(3, 1), row_kinds=("money", "whole", "whole", "whole", "money", "money")),
    Block("out_concentration", "tiers", 5, 2, "out_facts", row_kinds=("share", "share", "index", None, None)),
    Block(
        "out_bands",
        "tiers",
        1 + MAX_TIERS,
        10,
        "out_concentration",
        kinds=(None, "money", "money", "whole", "share", "money", "share", "money", "money", "days"),
    ),
    # the bars and the Pareto curve, 8 cm high, under the bands at their longest
    Block("charts", "tiers", 20, 10, "out_bands"),
    Block(
        "out_pareto",
        "tiers",
        2 + PARETO_STEPS,
        2,
        "out_bands",
        beside=True,
        level_with="out_facts",
        kinds=("percent", "share"),
    ),
    # the decision loop, on a page of its own: the plan (days available, load, header, tiers, total)
    Block(
        "out_plan",
        "tiers",
        3 + MAX_TIERS + 1,
        5,
        "charts",
        titled=True,
        kinds=(None, "count", "money", "days", "count"),
        optional=True,
    ),
    Block(
        "out_sweep",
        "tiers",
        1 + SWEEP_BANDS + 2,
        2 + 2 * MAX_TIERS,
        "out_plan",
        gap=2,
        titled=True,
        kinds=("offset", "ratio", *(("whole", "percent") * MAX_TIERS)),
        optional=True,
    ),
    Block(
        "out_balanced",
        "tiers",
        1,
        MAX_TIERS,
        "out_sweep",
        kinds=(None, *(("fine offset",) * (MAX_TIERS - 1))),
        optional=True,
    ),
    Block(
        "out_mobility",
        "tiers",
        1 + MAX_TIERS + 2,
        MAX_TIERS + 6,
        "out_balanced",
        gap=3,
        titled=True,
        kinds=(None, *(("count",) * (MAX_TIERS + 5))),
        optional=True,
    ),
    # a prospect's potential: what the estimates rest on, their cross-validated figures, the gate
    Block(
        "out_potential",
        "tiers",
        8,
        2,
        "out_mobility",
        gap=3,
        titled=True,
        row_kinds=(None, "whole", "money", "money", "ratio", "percent", None, "whole"),
        optional=True,
    ),
    # the inputs' fingerprint at the last refresh (as wide as it is), its live twin of formulas
    # under it (hidden rows): the refresh writes the first row only
    Block("out_inputs", "tiers", 1, 0, "out_potential", gap=2, labels=1, optional=True),
    Block("out_review", "review", 1, 5, at=(4, 1), kinds=(None, "money", "money", "ratio", None), listed=True),
    Block(
        "out_overrun",
        "review",
        1,
        5,
        "out_review",
        beside=True,
        titled=True,
        kinds=(None, None, "days", "days", "ratio"),
        listed=True,
        optional=True,
    ),
)


def share_column(j: int) -> int:
    """How many columns right of the sweep block's first one (its band) the share of tier ``j``
    is (0 = the top tier): the band, the balance, then each tier's clients and share. The sweep
    chart draws these columns, and a refresh finds its lines by them."""
    return 3 + 2 * j


def block(name: str) -> Block:
    """The block ``name`` (``out_bands``)."""
    return next(b for b in BLOCKS if b.name == name)


@cache
def position(name: str) -> tuple[int, int]:
    """(row, column) of the block ``name``'s top-left cell, from the sizes of the blocks it
    sits under or beside.

    >>> position("out_facts"), position("out_concentration"), position("out_bands"), position("out_pareto")
    ((3, 1), (10, 1), (16, 1), (3, 12))
    >>> position("out_plan"), position("out_sweep"), position("out_balanced"), position("out_mobility")
    ((50, 1), (67, 1), (81, 1), (86, 1))
    >>> position("out_inputs"), position("out_review"), position("out_overrun")
    ((113, 2), (4, 1), (4, 7))
    """
    b = block(name)
    if b.after is None:
        return b.at
    row, col = position(b.after)
    before = block(b.after)
    if b.beside:
        return (row if b.level_with is None else position(b.level_with)[0]), col + before.columns + b.gap
    return row + before.rows + b.gap + (1 if b.titled else 0), col + b.labels
