"""Where a live book keeps everything: its hidden sheet's columns, scalars, tables and word
lists, their defined names, and the small pieces every formula is written with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ... import method
from ...files.xlsx import column_letter
from ...messages import Said, tr
from ...method.clients import NO_WORDS, YES_WORDS
from ...schema.parameters import Interval, parameter
from .. import layout
from ..blocks import Formula

#: The hidden sheet of helper columns and tables, in the book's language.
LIVE_SHEET = Said("Calculations")
#: The customer rows its formulas cover: a number, and its defined name, whose presence says a
#: book is live (a plain cell: read without computing anything).
ROWS_NAME = "live_rows"

#: The helper columns, one row per customer row (row r there is row r of the Customers sheet).
HELPERS = (
    "should pay read",  # -1 blank, 0 no, 1 yes, #N/A not a flag
    "has paid read",
    "role code",  # 0 none, 1 user, 2 prospect, 3 client; #N/A: the row cannot be read
    "gain",  # a client's gross margin, a prospect's expected (else estimated) margin
    "client gain",  # a client's gross margin: the population
    "positive gain",  # the same, a loss as 0 (0 for anyone else): shares of gain
    "rank",  # its tier's rank, 1 = top
    "prospect days",  # a tiered prospect's effort days
    "over budget",  # days spent over the budget: the limit of concessions
    "queue gain",  # a prospect in the plan's queue: its gain
    "queue place",  # its place in the queue
    "in plan code",  # 1, 0, or blank
    "review ROI",  # a client whose ROI < 1: its ROI
    "review place",
    "overrun ratio",  # a prospect over budget: days spent ÷ budget days
    "overrun place",
    "client cost",  # a client's acquisition cost: the average CAC when none is given
    "review row",  # the i-th row of the review list: its row on the Customers sheet
    "overrun row",
    "bad row",  # the row's number when it cannot be read
    "queue rank",  # a queued prospect's tier rank
    "client rank",  # a client's tier rank
    "previous margin",  # the customer's margin in the previous period
    "previous rank",  # its previous tier's rank: from that margin, else as typed
    "movement code",  # 1 up, 2 down, 3 same, 4 new, 5 lost
)
H = {name: column_letter(i + 1) for i, name in enumerate(HELPERS)}
SCALAR_COL = len(HELPERS) + 3  # labels; the values one column right
TIER_COL = SCALAR_COL + 3  # the tiers' table: one row per tier, top first
SWEEP_ROW = 14  # the sweep's table, under it
WORDS_COL = TIER_COL + 44  # the word lists
ROWS_AT = (1, SCALAR_COL + 1)

#: The scalars, from row 2 down (each one's defined name: ``live_`` and its key).
SCALARS = (
    "mode",  # the band: 1 one offset (±p), 2 the offsets, 3 the balanced band, #N/A none of them
    "p",
    "k",
    "band_ok",
    "labels_ok",
    "params_ok",
    "bad_rows",
    "first_bad",
    "n",  # the population: clients with a gross margin
    "balanced_ok",
    "base_ok",
    "reference",
    "stop",  # nothing can be computed: every block shows #N/A
    "cac",
    "day_cost",
    "available",
    "positive_total",
    "widest",
    "review_count",
    "overrun_count",
    "first_tie",
    "status",
    "trim",
    "previous_n",  # customers with a previous margin
    "previous_reference",
    "previous_bad",  # previous tiers typed that are none of the labels
)
#: The tiers' table's columns, left to right (each one's defined name: ``live_`` and its key).
TIER_COLUMNS = (
    "offsets",  # ascending, k − 1 of them
    "thresholds",  # ascending, padded with a number above every gain
    "labels",  # top first
    "multipliers",
    "budgets",
    "days",
    "queued",
    "queued_before",
    "days_before",
    "clients",
    "gains",
    "positives",
    "planned",
    "quantiles",
    "label_counts",
    "ties",
    "previous_thresholds",  # the previous period's clients' thresholds, under the band in use
)
_OFFSET_COLUMNS = ("offsets", "thresholds", "quantiles", "ties", "previous_thresholds")  # k − 1 rows at most
PAD = "9.99E+307"  # a threshold above every gain: the unused ones keep the list ascending
HUGE = "1E+307"  # a zero budget's overrun: worse than any ratio
WORD_LISTS = ("yes", "no", "roles", "plan", "verdicts", "balanced_words", "moves")
MOVES = ("up", "down", "same", "new", "lost")  # the movement codes' words, in order
_M = layout.MAX_TIERS - 1  # offsets at most
#: Every function a live book calls: Excel 2007's, which LibreOffice and Google Sheets have too; and
#: Excel 2010's PERCENTILE.INC, which the file writes ``_xlfn.PERCENTILE.INC`` (docs/live.md).
FUNCTIONS = frozenset(
    "ABS AND AVERAGE CHAR COUNT COUNTA COUNTIF COUNTIFS EXACT FIXED IF INDEX INT ISBLANK ISERROR ISNA ISNUMBER "
    "ISTEXT LARGE LEFT LEN LOG10 MATCH MAX MIN N NA NOT OR RANK ROUND ROW ROWS SUBSTITUTE SUM SUMIF SUMPRODUCT "
    "TEXT TRIM TRIMMEAN".split()
)
EXCEL_2010 = frozenset({"PERCENTILE.INC"})
#: The hidden sheet's labels: its helper columns', scalars' and tables' names, said in the book's language.
LABELS = Said(
    {
        **{h: h for h in HELPERS},
        **{s: s.replace("_", " ") for s in SCALARS},
        **{c: c.replace("_", " ") for c in TIER_COLUMNS},
    }
)


def shared(row_of: Callable[[int], list[str]], first: int, last: int, col: int, si: int) -> list[list[Formula]]:
    """Rows ``first`` … ``last`` of formulas from column ``col`` on, ``row_of(r)`` giving row
    ``r``'s: each column one shared formula (its first row's text, moved down a row at a time,
    is every other row's: what ``row_of`` gives, as ``tests/test_live.py`` checks), numbered
    from ``si``; one row: plain formulas."""
    texts = row_of(first)
    if last == first:
        return [[Formula(t) for t in texts]]
    head = [
        Formula(t, (si + j, f"{column_letter(col + j)}{first}:{column_letter(col + j)}{last}"))
        for j, t in enumerate(texts)
    ]
    rest = [Formula("", (si + j, None)) for j in range(len(texts))]
    return [head, *([rest] * (last - first))]


def _q(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _text(value: str) -> str:
    """A formula's string literal."""
    return '"' + value.replace('"', '""') + '"'


@dataclass(frozen=True)
class Places:
    """Where everything is, for a book in ``lang`` whose table has the columns ``keys`` and
    ``n`` customer rows."""

    lang: str
    n: int
    keys: tuple[str, ...]
    then: tuple[bool, ...] = ()  # each row has a previous margin: its previous tier is a formula

    @property
    def last(self) -> int:
        return self.n + 1

    @property
    def customers(self) -> str:
        return _q(layout.SHEETS["customers"][self.lang])

    @property
    def live(self) -> str:
        return _q(LIVE_SHEET[self.lang])

    def col(self, key: str) -> str:
        return column_letter(self.keys.index(key) + 1)

    def cust(self, key: str, r: int, sheet: bool = True) -> str:
        """A customer's cell, from the Live sheet (``sheet``) or from its own."""
        return f"{self.customers + '!' if sheet else ''}{self.col(key)}{r}"

    def whole(self, key: str) -> str:
        """A Customers column, whole (``INDEX`` it by a row number)."""
        return f"{self.customers}!${self.col(key)}:${self.col(key)}"

    def helper(self, name: str, r: int, sheet: bool = False) -> str:
        return f"{self.live + '!' if sheet else ''}{H[name]}{r}"

    def helpers(self, name: str, sheet: bool = True) -> str:
        """A helper column's cells, absolute."""
        return f"{self.live + '!' if sheet else ''}${H[name]}$2:${H[name]}${self.last}"

    @property
    def table_rows(self) -> str:
        """The table's first column: a row inserted inside the table makes it longer."""
        return f"{self.customers}!$A$2:$A${self.last}"

    @property
    def below(self) -> str:
        """The row under the table: a customer typed there is outside every formula."""
        return f"{self.customers}!$A${self.last + 1}:${self.col(self.keys[-1])}${self.last + 1}"


def word_list(key: str, lang: str) -> list[str]:
    """The words the formulas compare with or show, in ``lang``."""
    if key == "yes":
        return sorted(YES_WORDS)
    if key == "no":
        return sorted(NO_WORDS)
    if key == "roles":
        roles = layout.ROLE_WORDS[lang]
        return [roles["user"], roles["prospect"], roles["client"]]
    if key == "plan":
        plan = layout.PLAN_WORDS[lang]
        return [plan[True], plan[False]]
    if key == "verdicts":
        verdict = layout.TEXT[lang]["verdict"]
        return [verdict["diversified"], verdict["moderate"], verdict["concentrated"]]
    if key == "moves":
        moves = layout.MOVE_WORDS[lang]
        return [moves[m] for m in MOVES]
    assert key == "balanced_words"
    return sorted(method.BALANCED_WORDS)


def names(lang: str) -> dict[str, tuple[int, int, int, int]]:
    """The Live sheet's defined names: name → (first row, first column, last row, last column)."""
    out = {f"live_{s}": (2 + i, SCALAR_COL + 1, 2 + i, SCALAR_COL + 1) for i, s in enumerate(SCALARS)}
    for j, key in enumerate(TIER_COLUMNS):
        rows = _M if key in _OFFSET_COLUMNS else layout.MAX_TIERS
        out[f"live_{key}"] = (2, TIER_COL + j, 1 + rows, TIER_COL + j)
    for i, key in enumerate(WORD_LISTS):
        out[f"live_{key}"] = (2, WORDS_COL + i, 1 + len(word_list(key, lang)), WORDS_COL + i)
    return out


def _fill(skeleton: str, lang: str, **holes: str) -> str:
    """A catalogue message as a formula's text: its words as literals, each hole the formula
    given for it (``row="live_first_bad"``)."""
    said = tr(skeleton, lang, **{k: f"\x00{k}\x00" for k in holes})
    parts = said.split("\x00")
    pieces = [holes[x] if i % 2 else _text(x) for i, x in enumerate(parts) if i % 2 or x]
    return "&".join(pieces) or '""'


def _within(rule: Interval, ref: str) -> str:
    """A number cell that the parameter's rule holds."""
    tests = [f"ISNUMBER({ref})"]
    if rule.low is not None:
        tests.append(f"{ref}{'>=' if rule.closed in ('left', 'both') else '>'}{rule.low:g}")
    if rule.high is not None:
        tests.append(f"{ref}{'<=' if rule.closed in ('right', 'both') else '<'}{rule.high:g}")
    return f"AND({','.join(tests)})"


def _parameter(name: str) -> str:
    """A number parameter as the method reads it: its schema default when blank."""
    return f"IF(ISBLANK({name}),{parameter(name).default[0]:g},{name})"


def _blank(ref: str) -> str:
    return f'LEN(TRIM({ref}&""))=0'


def _span(name: str, first: int | str, last: int | str, row: bool = False) -> str:
    """Cells ``first`` … ``last`` of a named row (``row``) or column."""
    if row:
        return f"INDEX({name},1,{first}):INDEX({name},1,{last})"
    return f"INDEX({name},{first}):INDEX({name},{last})"


def _increasing(name: str, count: str, row: bool = False) -> str:
    """The first ``count`` cells of ``name`` strictly increase (one cell does)."""
    later, earlier = _span(name, 2, count, row), _span(name, 1, f"{count}-1", row)
    return f"OR({count}=1,SUMPRODUCT(--({later}<={earlier}))=0)"


def _gaps(name: str, cells: int) -> str:
    """A blank cell before a filled one in the named row (the method refuses it)."""
    blank = f'(LEN({_span(name, 1, cells - 1, True)}&"")=0)'
    filled = f'(LEN({_span(name, 2, cells, True)}&"")>0)'
    return f"SUMPRODUCT({blank}*{filled})>0"
