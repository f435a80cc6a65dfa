"""The Customers table's computed columns and the blocks of the Tiers and Review sheets, as
the live book's formulas: the method's cells (:mod:`client_roi.workbook.blocks`) with every
computed one a formula over the hidden sheet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ... import method
from ...messages import mark
from ...schema.blocks import PARETO_STEPS, SWEEP_BANDS
from .. import layout
from ..blocks import Formula, Outputs
from .helpers import BALANCED, _sweep_at
from .places import Places, _fill, _span, _text, shared

# --------------------------------------------------------------------------------------------
# The computed columns and the blocks
# --------------------------------------------------------------------------------------------


def _guard(x: str) -> Formula:
    """A block's cell: #N/A while nothing can be computed (the Tiers sheet says why)."""
    return Formula(f"IF(live_stop,NA(),{x})")


def _tiered(j: int, x: str) -> Formula:
    """A cell of tier ``j``'s row: blank past the tiers in use."""
    return Formula(f'IF({j}>live_k,"",IF(live_stop,NA(),{x}))')


def columns(p: Places, out: Outputs) -> dict[str, list[Any]]:
    """The Customers table's computed columns as formulas (one shared formula each), and the
    Previous tier where a previous margin gives it; the estimates stay the method's values."""
    h, c = p.helper, p.cust

    def spent(r: int) -> str:
        return f"N({c('days_spent', r, False)})" if "days_spent" in p.keys else "0"

    def role(r: int) -> str:
        return h("role code", r, True)

    def rank(r: int) -> str:
        return h("rank", r, True)

    def days(r: int) -> str:
        return h("prospect days", r, True)

    def plan(r: int) -> str:
        return h("in plan code", r, True)

    made: dict[str, Callable[[int], str]] = {
        "role": lambda r: f'IF({role(r)}=0,"",INDEX(live_roles,{role(r)}))',
        "tier": lambda r: f'IF({rank(r)}="","",INDEX(live_labels,{rank(r)}))',
        "roi": lambda r: (
            f"IF(AND({role(r)}=3,ISNUMBER({c('gross_margin', r, False)}),ISNUMBER({c('acquisition_cost', r, False)})),"
            f'{c("gross_margin", r, False)}/{c("acquisition_cost", r, False)},"")'
        ),
        "effort_budget": lambda r: f'IF({rank(r)}="","",INDEX(live_budgets,{rank(r)}))',
        "effort_days": lambda r: f'IF({rank(r)}="","",INDEX(live_days,{rank(r)}))',
        "days_left": lambda r: f'IF({days(r)}="","",{days(r)}-{spent(r)})',
        "in_plan": lambda r: f'IF({plan(r)}="","",INDEX(live_plan,2-{plan(r)}))',
        "movement": lambda r: (
            f'IF({h("movement code", r, True)}="","",INDEX(live_moves,{h("movement code", r, True)}))'
        ),
    }
    cols = dict(out.columns)
    for si, (key, formula) in enumerate(made.items()):
        if key in cols and key in p.keys and p.n:
            col = p.keys.index(key) + 1
            cols[key] = [row[0] for row in shared(lambda r, f=formula: [f(r)], 2, p.last, col, si)]  # type: ignore[misc]
    if "previous_tier" in cols and "previous_margin" in p.keys:  # from the previous margin where there is one
        typed = cols["previous_tier"]
        cols["previous_tier"] = [
            Formula(f'IF({h("previous rank", r, True)}="","",INDEX(live_labels,{h("previous rank", r, True)}))')
            if known
            else typed[r - 2]
            for r, known in zip(range(2, p.last + 1), p.then, strict=True)
        ]
    return cols


def blocks(p: Places, out: Outputs) -> Outputs:
    """``out`` (the method's cells) with every computed cell of the blocks a formula; the words
    stay, and the estimates' figures and the movement (the method's alone)."""
    words: dict[str, Any] = layout.TEXT[p.lang]
    live = Outputs(**dict(out.__dict__))
    live.columns = columns(p, out)
    roles, f = p.helpers("role code"), p.helpers("positive gain")
    facts = [
        "live_reference",
        f"COUNTIF({roles},3)",
        f"COUNTIF({roles},2)",
        f"COUNTIF({roles},1)",
        'IF(live_cac="","",live_cac)',
        "live_day_cost",
    ]
    live.facts = [[label, _guard(x)] for label, x in zip(words["facts"], facts, strict=True)]

    def top(m: str) -> str:
        """The sum of the ``m`` largest gains (losses as 0): those above the m-th, and the m-th
        as often as it is still needed (ties)."""
        large = f"LARGE({f},{m})"
        return f"IF({m}=0,0,SUMPRODUCT(({f}>{large})*{f})+({m}-SUMPRODUCT(--({f}>{large})))*{large})"

    hhi = f"SUMPRODUCT(({f}/live_positive_total)*({f}/live_positive_total))"
    yes, no = words["yesno"]
    concentration = [
        f"MAX({f})/live_positive_total",
        f"{top('MIN(5,live_n)')}/live_positive_total",
        hhi,
        f"INDEX(live_verdicts,IF({hhi}<{method.HHI_MODERATE},1,IF({hhi}<={method.HHI_CONCENTRATED},2,3)))",
        f"IF(MAX({f})/live_positive_total>{method.SINGLE_CUSTOMER_LIMIT},{_text(yes)},{_text(no)})",
    ]
    live.concentration = [[label, _guard(x)] for label, x in zip(words["concentration"], concentration, strict=True)]
    live.bands = [list(words["bands"])]
    for j in range(1, layout.MAX_TIERS + 1):
        cells = [
            f"INDEX(live_labels,{j})",
            f'IF({j}<live_k,INDEX(live_thresholds,live_k-{j}),"")',
            f'IF({j}=1,"",INDEX(live_thresholds,live_k-{j}+1))',
            f"INDEX(live_clients,{j})",
            f"INDEX(live_clients,{j})/live_n",
            f"INDEX(live_gains,{j})",
            f'IF(live_positive_total>0,INDEX(live_positives,{j})/live_positive_total,"")',
            f'IF(INDEX(live_clients,{j})>0,INDEX(live_gains,{j})/INDEX(live_clients,{j}),"")',
            f"INDEX(live_budgets,{j})",
            f"INDEX(live_days,{j})",
        ]
        live.bands.append([_tiered(j, x) for x in cells])
    # step j counts the ⌊j/steps × n + 1/2⌋ largest: in whole numbers, as the method does
    live.pareto = [words["pareto"]] + [
        [
            j / PARETO_STEPS,
            _guard(f"{top(f'INT(({2 * j}*live_n+{PARETO_STEPS})/{2 * PARETO_STEPS})')}/live_positive_total"),
        ]
        for j in range(PARETO_STEPS + 1)
    ]
    live.plan = _plan(words)
    live.sweep = _sweep(p, words)
    live.balanced = [_balanced(p, words)]
    live.review = _review(p, words)
    live.overrun = _overrun(p, words)
    if "previous_tier" in p.keys:
        live.mobility = _mobility(p, words)
    live.inputs = []  # a live book is never stale: no fingerprint
    return live


def _plan(words: dict[str, Any]) -> list[list[Any]]:
    """The days available, the load, then per tier the prospects queued (not over budget),
    their budget and days, how many the plan holds; then the total."""
    none = 'live_cac=""'
    unplanned = f'OR({none},live_available="")'
    queued, days = _span("live_queued", 1, "live_k"), _span("live_days", 1, "live_k")
    needed = f"SUMPRODUCT({queued},{days})"
    rows: list[list[Any]] = [
        [words["plan_available"], None, None, _guard('IF(live_available="","",live_available)')],
        [words["plan_load"], None, None, _guard(f'IF({unplanned},"",{needed}/live_available)')],
        list(words["plan"]),
    ]
    sums = [
        _text(words["plan_total"]),
        f'IF({none},"",SUM({queued}))',
        f'IF({none},"",SUMPRODUCT({queued},{_span("live_budgets", 1, "live_k")}))',
        f'IF({none},"",{needed})',
        f'IF({unplanned},"",SUM({_span("live_planned", 1, "live_k")}))',
    ]
    for i in range(1, layout.MAX_TIERS + 2):  # the tiers, then the total in the row after them
        tier = [
            f"INDEX(live_labels,{i})",
            f'IF({none},"",INDEX(live_queued,{i}))',
            f'IF({none},"",INDEX(live_queued,{i})*INDEX(live_budgets,{i}))',
            f'IF({none},"",INDEX(live_queued,{i})*INDEX(live_days,{i}))',
            f'IF({unplanned},"",INDEX(live_planned,{i}))',
        ]
        rows.append(
            [
                Formula(f'IF({i}<=live_k,IF(live_stop,NA(),{a}),IF({i}=live_k+1,IF(live_stop,NA(),{b}),""))')
                for a, b in zip(tier, sums, strict=True)
            ]
        )
    return rows


def _percent(x: str, decimals: int, lang: str) -> str:
    """``x`` (a fraction) as a percent with ``decimals`` decimals in the language's form,
    whatever the spreadsheet's own locale (``FIXED`` writes the locale's decimal mark)."""
    other, mine = (".", ",") if lang == "fr" else (",", ".")
    sign = "\u00a0%" if lang == "fr" else "%"
    return f'SUBSTITUTE(FIXED({x}*100,{decimals},TRUE),"{other}","{mine}")&"{sign}"'


def _band_text(p: Places, offset: str) -> str:
    """The band as the method's books say it (:func:`client_roi.workbook.blocks._band_text`):
    ``±20%`` for three tiers at ±p, else each offset signed, with a decimal. ``offset``: the
    formula of offset ``{j}``."""
    o1, o2 = offset.format(j=1), offset.format(j=2)
    whole = f"{o2}*100=ROUND({o2}*100,0)"
    symmetric = f'"±"&IF({whole},{_percent(o2, 0, p.lang)},{_percent(o2, 2, p.lang)})'
    parts = []
    for j in range(1, layout.MAX_TIERS):
        o = offset.format(j=j)
        signed = f'IF({o}>=0,"+","-")&{_percent(f"ABS({o})", 1, p.lang)}'
        parts.append(signed if j == 1 else f'IF({j}>live_k-1,"",{_text(mark(";", p.lang))}&{signed})')
    listed = "&".join(parts)
    return f"IF(live_k<>3,{listed},IF({o1}=-{o2},{symmetric},{listed}))"  # no second offset to read for two tiers


def _sweep(p: Places, words: dict[str, Any]) -> list[list[Any]]:
    """The sweep block: the band, the balance, each tier's clients and share, by the sweep's
    table; its last row only when there is a balanced band."""
    band, balance, clients, share = words["sweep"]
    header: list[Any] = [band, balance]
    for j in range(1, layout.MAX_TIERS + 1):
        header += [
            Formula(f'IF({j}>live_k,"",{_text(what + " ")}&INDEX(live_labels,{j}))') for what in (clients, share)
        ]
    rows = [header]
    colon = mark(":", p.lang)
    for s in range(1, layout.SWEEP_ROWS + 1):
        cells: list[str] = []
        if s == SWEEP_BANDS + 1:
            cells.append(f"{_text(words['sweep_in_use'] + colon)}&{_band_text(p, 'INDEX(live_offsets,{j})')}")
        elif s > SWEEP_BANDS:
            offset = "(INDEX(live_quantiles,{j})/live_reference-1)"
            cells.append(f"{_text(words['sweep_balanced'] + colon)}&{_band_text(p, offset)}")
        cells.append(f"{p.live}!{_sweep_at(s, 'balance')}")
        for j in range(1, layout.MAX_TIERS + 1):
            count = f"{p.live}!{_sweep_at(s, 'count', j)}"
            cells += [f'IF({j}>live_k,"",{count})', f'IF({j}>live_k,"",{count}/live_n)']
        row: list[Any] = [s / 20] if s <= SWEEP_BANDS else []
        if s == layout.SWEEP_ROWS:
            row += [Formula(f'IF(NOT({BALANCED}),"",IF(live_stop,NA(),{x}))') for x in cells]
        else:
            row += [_guard(x) for x in cells]
        rows.append(row)
    return rows


def _g(x: str) -> str:
    """``x`` as Python's ``{:g}`` writes it: six significant digits, an exponent from 10^6."""
    power = f"INT(LOG10(ABS({x})))"
    return f'IF({x}=0,"0",IF(ABS({x})>=1E+6,ROUND({x}/10^{power},5)&"e+"&TEXT({power},"00"),ROUND({x},5-{power})&""))'


def _balanced(p: Places, words: dict[str, Any]) -> list[Any]:
    """The balanced band for the tiers in use, or why there is none (the method's words)."""
    nonpositive = _fill(
        "population's {j}/{tiers} quantile is {q}; balanced bands need positive "
        "thresholds (too many customers with no or negative gain)",
        p.lang,
        j="1",
        tiers="live_k",
        q=_g("INDEX(live_quantiles,1)"),
    )
    equal = _fill(
        "population has too many equal gains for {tiers} tiers: the {j}/{tiers} and "
        "{j2}/{tiers} quantiles are both {g}; ask for fewer tiers",
        p.lang,
        tiers="live_k",
        j="live_first_tie",
        j2="(live_first_tie+1)",
        g=_g("INDEX(live_quantiles,live_first_tie)"),
    )
    why = f"IF(INDEX(live_quantiles,1)<=0,{nonpositive},{equal})"
    label = _fill(layout.TEXT.english["balanced"], p.lang, k="live_k")
    none = _fill(layout.TEXT.english["balanced_none"], p.lang, k="live_k", why=why)
    row: list[Any] = [_guard(f"IF({BALANCED},{label},{none})")]
    for j in range(1, layout.MAX_TIERS):
        row.append(_guard(f'IF(OR(NOT({BALANCED}),{j}>live_k-1),"",INDEX(live_quantiles,{j})/live_reference-1)'))
    return row


def _mobility(p: Places, words: dict[str, Any]) -> list[list[Any]]:
    """Previous tiers (rows, then new and the total) against the tiers now (columns, then lost
    and the total), then each previous tier's gain then and now; its rows and columns move
    with the number of tiers, as the method's block does."""
    x, v = p.helpers("previous rank"), p.helpers("client rank")
    then, e = p.helpers("previous margin"), p.helpers("client gain")
    moves = layout.MOVE_WORDS[p.lang]
    head, then_word, now_word = words["mobility"]
    k = layout.MAX_TIERS

    def by_column(j: int, tier: str, lost: str, total: str, gains: tuple[str, str] | None) -> str:
        tail = f'IF({j}=live_k+3,{gains[0]},IF({j}=live_k+4,{gains[1]},""))' if gains else '""'
        return f"IF({j}<=live_k,{tier},IF({j}=live_k+1,{lost},IF({j}=live_k+2,{total},{tail})))"

    header: list[Any] = [head]
    for j in range(1, k + 5):
        header.append(
            Formula(
                by_column(
                    j,
                    f"INDEX(live_labels,{j})",
                    _text(moves["lost"]),
                    _text(moves["total"]),
                    (_text(then_word), _text(now_word)),
                )
            )
        )
    rows = [header]
    for i in range(1, k + 3):
        first = f"IF({i}<=live_k,INDEX(live_labels,{i}),IF({i}=live_k+1,{_text(moves['new'])},"
        first += f'IF({i}=live_k+2,{_text(moves["total"])},"")))'
        row: list[Any] = [Formula(first)]
        for j in range(1, k + 5):
            tier_row = by_column(
                j,
                f"COUNTIFS({x},{i},{v},{j})",
                f'SUMPRODUCT(({x}={i})*({v}=""))',
                f"COUNTIF({x},{i})",
                (f"SUMIF({x},{i},{then})", f"SUMIF({x},{i},{e})"),
            )
            new_row = by_column(j, f'SUMPRODUCT(({x}="")*({v}={j}))', "0", f'SUMPRODUCT(({x}="")*({v}<>""))', None)
            total_row = by_column(
                j,
                f"COUNTIF({v},{j})",
                f'SUMPRODUCT(({x}<>"")*({v}=""))',
                f'SUMPRODUCT(--((({x}<>"")+({v}<>""))>0))',
                None,
            )
            row.append(
                Formula(
                    f"IF(OR(live_stop,live_previous_bad>0),NA(),IF({i}<=live_k,{tier_row},IF({i}=live_k+1,{new_row},"
                    f'IF({i}=live_k+2,{total_row},""))))'
                )
            )
        rows.append(row)
    return rows


def _review(p: Places, words: dict[str, Any]) -> list[list[Any]]:
    """The clients whose ROI < 1, worst first: list row i shows the i-th one's cells, by the
    helper column that says its row; none: why, in the first."""
    empty = words["review_empty"]
    why = f'IF(COUNTIF({p.helpers("client cost")},">0")>0,{_text(empty["none"])},{_text(empty["costs"])})'
    top, col = layout.position(layout.OUT_REVIEW)

    def values(i: int) -> list[str]:
        at = p.helper("review row", i + 1, True)
        return [
            f"INDEX({p.whole('customer')},{at})",
            f"INDEX({p.whole('gross_margin')},{at})",
            f"INDEX({p.whole('acquisition_cost')},{at})",
            f"INDEX({p.whole('gross_margin')},{at})/INDEX({p.whole('acquisition_cost')},{at})",
            f"INDEX({p.whole('tier')},{at})",
        ]

    def row(r: int) -> list[str]:
        at = p.helper("review row", r - top + 1, True)
        return [f'IF(live_stop,NA(),IF({at}="","",{x}))' for x in values(r - top)]

    first = [
        f"IF(live_stop,NA(),IF(live_review_count=0,{why if j == 0 else chr(34) * 2},{x}))"
        for j, x in enumerate(values(1))
    ]
    rows: list[list[Any]] = [list(words["review"])]
    if p.n:
        rows.append([Formula(x) for x in first])
    if p.n > 1:
        rows += shared(row, top + 2, top + p.n, col, 0)
    return rows


def _overrun(p: Places, words: dict[str, Any]) -> list[list[Any]]:
    """The prospects over budget, worst first."""
    top, col = layout.position(layout.OUT_OVERRUN)

    def row(r: int) -> list[str]:
        at = p.helper("overrun row", r - top + 1, True)
        days = f"INDEX({p.helpers('prospect days')},{at}-1)"
        spent = f"N(INDEX({p.whole('days_spent')},{at}))" if "days_spent" in p.keys else "0"
        values = [
            f"INDEX({p.whole('customer')},{at})",
            f"INDEX({p.whole('tier')},{at})",
            days,
            spent,
            f'IF({days}>0,{spent}/{days},"")',
        ]
        return [f'IF(live_stop,NA(),IF({at}="","",{x}))' for x in values]

    return [list(words["overrun"]), *(shared(row, top + 1, top + p.n, col, 5) if p.n else [])]
