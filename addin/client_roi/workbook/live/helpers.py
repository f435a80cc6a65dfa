"""The hidden sheet's formulas: one row of helper columns per customer row, the scalars, the
tiers' table and the sweep's table."""

from __future__ import annotations

from typing import Any

from ... import method
from ...files.xlsx import column_letter
from ...schema.blocks import SWEEP_BANDS
from ...schema.parameters import Text, interval, parameter
from .. import layout
from ..blocks import Formula
from .places import (
    _M,
    HELPERS,
    HUGE,
    LABELS,
    PAD,
    SCALAR_COL,
    SCALARS,
    SWEEP_ROW,
    TIER_COL,
    TIER_COLUMNS,
    WORD_LISTS,
    WORDS_COL,
    H,
    Places,
    _blank,
    _fill,
    _gaps,
    _increasing,
    _parameter,
    _span,
    _text,
    _within,
    shared,
    word_list,
)

# --------------------------------------------------------------------------------------------
# The helper columns
# --------------------------------------------------------------------------------------------


def helper_row(p: Places, r: int) -> list[str]:
    """The helper formulas of customer row ``r`` (the Live sheet's row ``r``)."""
    c, h = p.cust, p.helper

    def flag(key: str) -> str:
        typed = f'TRIM({c(key, r)}&"")'
        return (
            f"IF({_blank(c(key, r))},-1,IF(SUMPRODUCT(--(live_yes={typed}))>0,1,"
            f"IF(SUMPRODUCT(--(live_no={typed}))>0,0,NA())))"
        )

    def number(key: str) -> str:
        return f'IF(ISNUMBER({c(key, r)}),{c(key, r)},"")'

    def place(key: str, ascending: int) -> str:
        """Its place among the column's numbers: ``RANK``, then the equal ones in earlier rows."""
        return (
            f'IF({h(key, r)}="","",RANK({h(key, r)},{p.helpers(key, False)},{ascending})'
            f"+COUNTIF(${H[key]}$1:{H[key]}{r - 1},{h(key, r)}))"
        )

    bad = [f"ISERROR({h('should pay read', r)})", f"ISERROR({h('has paid read', r)})"]
    bad += [f"NOT(OR({_blank(c(k, r))},ISNUMBER({c(k, r)})))" for k in layout.NUMERIC_INPUTS if k in p.keys]
    bad.append(f"N({c('acquisition_cost', r)})<0")
    spent = f"N({c('days_spent', r)})" if "days_spent" in p.keys else "0"
    if "days_spent" in p.keys:
        bad.append(f"{spent}<0")
    estimate = number("estimated_margin") if "estimated_margin" in p.keys else '""'
    gross, cost, role, days = c("gross_margin", r), c("acquisition_cost", r), h("role code", r), h("prospect days", r)
    should, paid = h("should pay read", r), h("has paid read", r)
    margin_then = number("previous_margin") if "previous_margin" in p.keys else '""'
    then, rank_then, now = h("previous margin", r), h("previous rank", r), h("client rank", r)
    computed = bool(p.then) and p.then[r - 2]  # its Previous tier is a formula (from the margin): none typed
    if "previous_tier" in p.keys and not computed:
        # a previous tier as typed (no previous margin): one of the labels, exactly (EXACT: the case too)
        typed = f'TRIM({c("previous_tier", r)}&"")'
        labels = _span("live_labels", 1, "live_k")
        found = f"SUMPRODUCT(EXACT({labels},{typed})*(ROW({labels})-ROW(INDEX(live_labels,1))+1))"
        as_typed = f'IF(LEN({typed})=0,"",IF({found}=0,NA(),{found}))'
    else:
        as_typed = '""'
    cells = {
        "should pay read": flag("should_pay"),
        "has paid read": flag("has_paid"),
        "role code": f"IF(OR({','.join(bad)}),NA(),IF({should}=-1,IF({paid}=-1,0,NA()),"
        f"IF({should}=0,1,IF({paid}=1,3,2))))",
        "gain": f"IF({role}=3,{number('gross_margin')},IF({role}=2,IF(ISNUMBER({c('expected_margin', r)}),"
        f'{c("expected_margin", r)},{estimate}),""))',
        "client gain": f'IF({role}=3,{number("gross_margin")},"")',
        "positive gain": f"IF(ISNUMBER({h('client gain', r)}),MAX({h('client gain', r)},0),0)",
        # how many thresholds a gain reaches (on one: reached, as the spreadsheet compares) is its rank
        "rank": f'IF({h("gain", r)}="","",live_k-SUMPRODUCT(--(live_thresholds<={h("gain", r)})))',
        "prospect days": f'IF({role}<>2,"",IF({h("rank", r)}="","",INDEX(live_days,{h("rank", r)})))',
        "over budget": f'IF({days}="",FALSE,{spent}>{days})',
        "queue gain": f'IF({days}="","",IF({h("over budget", r)},"",{h("gain", r)}))',
        "queue place": place("queue gain", 0),
        # in the plan while the days of every prospect before it, and its own, fit
        "in plan code": f'IF({days}="","",IF(live_available="","",IF({h("over budget", r)},0,'
        f"IF(INDEX(live_days_before,{h('rank', r)})+({h('queue place', r)}-INDEX(live_queued_before,{h('rank', r)}))"
        f"*{days}<=live_available,1,0))))",
        "review ROI": f'IF({role}<>3,"",IF(NOT(ISNUMBER({cost})),"",IF({cost}<=0,"",IF(NOT(ISNUMBER({gross})),"",'
        f'IF({gross}/{cost}<1,{gross}/{cost},"")))))',
        "review place": place("review ROI", 1),
        "overrun ratio": f'IF({h("over budget", r)},IF({days}>0,{spent}/{days},{HUGE}),"")',
        "overrun place": place("overrun ratio", 0),
        "client cost": f'IF({role}=3,{number("acquisition_cost")},"")',
        "review row": f'IF(ROW()-1>live_review_count,"",MATCH(ROW()-1,{p.helpers("review place", False)},0)+1)',
        "overrun row": f'IF(ROW()-1>live_overrun_count,"",MATCH(ROW()-1,{p.helpers("overrun place", False)},0)+1)',
        "bad row": f'IF(ISERROR({role}),ROW(),"")',
        "queue rank": f'IF({h("queue gain", r)}="","",{h("rank", r)})',
        "client rank": f'IF({h("client gain", r)}="","",{h("rank", r)})',
        "previous margin": margin_then,
        # the previous period's tiers under the band in use, from its clients' margins
        "previous rank": f'IF({then}<>"",live_k-SUMPRODUCT(--(live_previous_thresholds<={then})),{as_typed})',
        "movement code": f'IF({rank_then}="",IF({now}="","",4),IF({now}="",5,IF({now}<{rank_then},1,'
        f"IF({now}>{rank_then},2,3))))",
    }
    return [cells[name] for name in HELPERS]


# --------------------------------------------------------------------------------------------
# The scalars, the tiers' table, the sweep's table
# --------------------------------------------------------------------------------------------


#: The balanced band for the tiers in use exists: k − 1 distinct positive quantiles.
BALANCED = 'AND(live_n>0,INDEX(live_quantiles,1)>0,live_first_tie="")'


def scalars(p: Places) -> dict[str, str]:
    """Each scalar's formula, by key."""
    first = "INDEX(band,1,1)"
    word = f'SUMPRODUCT(--(live_balanced_words=TRIM({first}&"")))>0'
    label_rule = parameter("labels").constraint
    assert isinstance(label_rule, Text)
    labels = _span("live_labels", 1, "live_k")
    params = []
    for name in ("trim", "cac", "annual_income", "margin_rate", "working_days", "load_factor", "prospecting_days"):
        test = _within(interval(name), name)
        params.append(test if parameter(name).required else f"OR(ISBLANK({name}),{test})")
    e, costs = p.helpers("client gain", False), p.helpers("client cost", False)
    then = p.helpers("previous margin", False)
    offsets = _span("live_offsets", 1, "live_k-1")
    return {
        "mode": f"IF(COUNTA(band)=0,1,IF(ISTEXT({first}),IF(AND(COUNTA(band)=1,{word}),3,NA()),"
        "IF(COUNTA(band)=1,1,2)))",
        "p": f"IF(COUNTA(band)=0,{method.DEFAULT_BAND:g},{first})",
        "k": "IF(ISNA(live_mode),3,IF(live_mode=1,3,IF(live_mode=2,COUNTA(band)+1,"
        f"IF(COUNTA(labels)>0,MIN(COUNTA(labels),{layout.MAX_TIERS}),3))))",
        "band_ok": "IF(ISNA(live_mode),FALSE,IF(live_mode=1,AND(ISNUMBER(live_p),live_p>0,live_p<1),"
        f"IF(live_mode=3,live_k>=2,AND(COUNT(band)=COUNTA(band),NOT({_gaps('band', _M)}),"
        f"MIN(band)>{interval('band').low:g},{_increasing('band', 'COUNTA(band)', True)}))))",
        "labels_ok": f"IF(COUNTA(labels)=0,TRUE,AND(COUNTA(labels)=live_k,NOT({_gaps('labels', layout.MAX_TIERS)}),"
        f'SUMPRODUCT(--(LEN({labels})>{label_rule.longest}))=0,SUMPRODUCT(--(LEFT({labels},1)="#"))=0,'
        f"MAX({_span('live_label_counts', 1, 'live_k')})=1))",
        "params_ok": f"AND({','.join(params)})",
        "bad_rows": f"COUNT({p.helpers('bad row', False)})",
        "first_bad": f'IF(live_bad_rows=0,"",MIN({p.helpers("bad row", False)}))',
        "n": f"COUNT({e})",
        "balanced_ok": f"IF(live_mode<>3,TRUE,{BALANCED})",
        "base_ok": "AND(live_bad_rows=0,live_band_ok,live_labels_ok,live_params_ok,live_n>0,live_balanced_ok,"
        "NOT(ISERROR(live_previous_reference)),"
        f"ROWS({p.table_rows})={p.n},COUNTA({p.below})=0)",
        "reference": f"IF(NOT(live_base_ok),NA(),IF(TRIMMEAN({e},live_trim)<=0,NA(),TRIMMEAN({e},live_trim)))",
        "stop": "ISERROR(live_reference)",
        "cac": f'IF(ISNUMBER(cac),cac,IF(COUNT({costs})=0,"",AVERAGE({costs})))',
        # as the method: 1 / the days of one unit of money
        "day_cost": f"1/(1/({_parameter('annual_income')}/{_parameter('margin_rate')}/{_parameter('working_days')}"
        f"*{_parameter('load_factor')}))",
        "available": 'IF(ISNUMBER(prospecting_days),prospecting_days,"")',
        "positive_total": f"SUM({p.helpers('positive gain', False)})",
        "widest": f"MAX(MAX({offsets}),-MIN({offsets}))",
        "review_count": f"COUNT({p.helpers('review place', False)})",
        "overrun_count": f"COUNT({p.helpers('overrun place', False)})",
        "first_tie": 'IF(COUNT(live_ties)=0,"",MIN(live_ties))',
        "status": status(p),
        "trim": f"IF(ISBLANK(trim),{parameter('trim').default[0]:g},trim)",
        "previous_n": f"COUNT({p.helpers('previous margin', False)})",
        "previous_bad": f"SUMPRODUCT(--ISERROR({p.helpers('previous rank', False)}))",
        "previous_reference": f'IF(live_previous_n=0,"",IF(TRIMMEAN({then},live_trim)<=0,NA(),'
        f"TRIMMEAN({then},live_trim)))",
    }


def status(p: Places) -> str:
    """What stops the book from computing, in the book's words; blank when nothing does."""
    lang = p.lang
    reference = _fill("The reference gain is not positive: tiers need a positive mean gain.", lang)

    def rule(name: str) -> str:  # what the parameter's note says it takes
        return _text(parameter(name).said(lang)[1])

    checks = [
        (
            f"ROWS({p.table_rows})<>{p.n}",
            _fill(
                "Rows were added inside the Customers table, and its formulas cover {n} rows: run "
                "client-roi refresh on the book to extend them.",
                lang,
                n=str(p.n),
            ),
        ),
        (
            f"COUNTA({p.below})>0",
            _fill(
                "Row {row} of Customers is below the rows its formulas cover: run client-roi refresh on the "
                "book to take it in.",
                lang,
                row=str(p.last + 1),
            ),
        ),
        (
            "live_bad_rows>0",
            _fill(
                "Row {row} of Customers cannot be read (a flag that is not yes or no, text in a number column, "
                "a negative cost or days spent: its role shows #N/A); nothing is computed until it is fixed.",
                lang,
                row="live_first_bad",
            ),
        ),
        ("NOT(live_band_ok)", _fill("The band cannot be read. {rule}", lang, rule=rule("band"))),
        ("NOT(live_labels_ok)", _fill("The labels do not fit. {rule}", lang, rule=rule("labels"))),
        (
            "NOT(live_params_ok)",
            _fill("A parameter is outside what it accepts: see its note on the Parameters sheet.", lang),
        ),
        ("live_n=0", _fill("no paying client has a gross margin: nothing to tier against", lang)),
        (
            "live_previous_bad>0",
            _fill("A previous tier of Customers is none of the labels: the movement cannot be told until it is.", lang),
        ),
        (
            "ISERROR(live_previous_reference)",
            _fill("The previous period's clients cannot be tiered: their mean margin is not positive.", lang),
        ),
        (
            "NOT(live_balanced_ok)",
            _fill("No balanced band: too many equal gains, or too few positive ones, for that many tiers.", lang),
        ),
        ("ISERROR(live_reference)", reference),
    ]
    out = '""'
    for test, message in reversed(checks):
        out = f"IF({test},{message},{out})"
    return out


def tier_row(p: Places, j: int) -> list[Formula]:
    """Row ``j`` (1 = the top tier; the offsets' columns: offset ``j``, ascending) of the
    tiers' table."""
    e, f = p.helpers("client gain", False), p.helpers("positive gain", False)
    queued, ranks = p.helpers("queue rank", False), p.helpers("client rank", False)
    before = j - 1
    cells = {
        "offsets": f'IF({j}>live_k-1,"",IF(live_mode=1,{"-" if j == 1 else ""}live_p,'
        f"IF(live_mode=2,INDEX(band,1,{j}),INDEX(live_quantiles,{j})/live_reference-1)))",
        # the balanced band's thresholds are its quantiles, which the method's nudged offsets give
        "thresholds": f"IF({j}>live_k-1,{PAD},IF(live_stop,NA(),IF(live_mode=3,INDEX(live_quantiles,{j}),"
        f"live_reference*(1+INDEX(live_offsets,{j})))))",
        "labels": f'IF({j}>live_k,"",IF(COUNTA(labels)=0,CHAR({64 + j}),TRIM(INDEX(labels,1,{j})&"")))',
        "multipliers": f'IF({j}>live_k,"",IF({j}=1,1+INDEX(live_offsets,live_k-1),'
        f"IF({j}=live_k,1+INDEX(live_offsets,1),"
        f"1+(INDEX(live_offsets,live_k-{j})+INDEX(live_offsets,live_k-{j}+1))/2)))",
        "budgets": f'IF({j}>live_k,"",IF(live_cac="","",live_cac*INDEX(live_multipliers,{j})))',
        "days": f'IF(INDEX(live_budgets,{j})="","",INDEX(live_budgets,{j})/live_day_cost)',
        "queued": f"COUNTIF({queued},{j})",
        "queued_before": "0" if j == 1 else f"INDEX(live_queued_before,{before})+INDEX(live_queued,{before})",
        "days_before": "0"
        if j == 1
        else f'INDEX(live_days_before,{before})+IF(INDEX(live_days,{before})="",0,'
        f"INDEX(live_queued,{before})*INDEX(live_days,{before}))",
        "clients": f"COUNTIF({ranks},{j})",
        "gains": f"SUMIF({ranks},{j},{e})",
        "positives": f"SUMIF({ranks},{j},{f})",
        "planned": f"COUNTIFS({queued},{j},{p.helpers('in plan code', False)},1)",
        "quantiles": f'IF(OR({j}>live_k-1,live_n=0),"",_xlfn.PERCENTILE.INC({e},{j}/live_k))',
        "label_counts": f'IF({j}>live_k,"",SUMPRODUCT(--({_span("live_labels", 1, "live_k")}=INDEX(live_labels,{j}))))',
        "ties": f'IF(OR({j}>=live_k-1,live_n=0),"",IF(INDEX(live_quantiles,{j}+1)<=INDEX(live_quantiles,{j}),{j},""))',
        "previous_thresholds": f"IF({j}>live_k-1,{PAD},IF(live_stop,NA(),IF(live_previous_n=0,{PAD},"
        f"live_previous_reference*(1+INDEX(live_offsets,{j})))))",
    }
    return [Formula(cells[k]) for k in TIER_COLUMNS]


def _sweep_at(s: int, part: str, j: int = 0) -> str:
    """A cell of the sweep's table, row ``s``: its ``width``, threshold ``j``, how many reach
    it (``reach``), tier ``j``'s clients (``count``), or the ``balance``."""
    col = {"width": 0, "threshold": j, "reach": _M + j, "count": 2 * _M + j, "balance": 2 * _M + layout.MAX_TIERS + 1}
    return f"${column_letter(TIER_COL + col[part])}${SWEEP_ROW + s}"


def sweep_row(p: Places, s: int) -> list[Formula]:
    """Row ``s`` of the sweep's table (1 … 10: the band's shape with a widest offset of 5 % …
    50 %, as :func:`~client_roi.method.shaped_sweep`; 11: the band in use; 12: the balanced
    band): its widest offset, its thresholds, how many clients reach each, each tier's
    clients, the balance."""
    e = p.helpers("client gain", False)
    width = _sweep_at(s, "width")
    out = [f"{s}/20" if s <= SWEEP_BANDS else '""']
    for j in range(1, _M + 1):
        if s <= SWEEP_BANDS:  # the band's own shape scaled; two tiers at the mean: the offset moves
            offset = f"IF(live_widest=0,{width},INDEX(live_offsets,{j})/live_widest*{width})"
            threshold = f"live_reference*(1+{offset})"
        elif s == SWEEP_BANDS + 1:
            threshold = f"INDEX(live_thresholds,{j})"
        else:
            threshold = f"INDEX(live_quantiles,{j})"
        out.append(f'IF({j}>live_k-1,"",IF(live_stop,NA(),{threshold}))')
    for j in range(1, _M + 1):
        t = _sweep_at(s, "threshold", j)
        out.append(f'IF({t}="","",SUMPRODUCT(ISNUMBER({e})*({e}>={t})))')
    reach = f"{_sweep_at(s, 'reach', 1)}:{_sweep_at(s, 'reach', _M)}"
    for j in range(1, layout.MAX_TIERS + 1):  # tier j of k: those reaching threshold k − j, less k − j + 1
        above = f"IF(live_k-{j}=0,live_n,INDEX({reach},1,live_k-{j}))"
        below = "0" if j == 1 else f"INDEX({reach},1,live_k-{j}+1)"
        out.append(f'IF({j}>live_k,"",{above}-{below})')
    counts = f"{_sweep_at(s, 'count', 1)}:{_sweep_at(s, 'count', layout.MAX_TIERS)}"
    out.append(f"MIN({counts})/MAX({counts})")
    return [Formula(x) for x in out]


# --------------------------------------------------------------------------------------------
# The Live sheet
# --------------------------------------------------------------------------------------------


def live_sheet(p: Places) -> list[tuple[int, int, list[list[Any]]]]:
    """The Live sheet's cells, as rectangles: (row, column, rows of cells)."""
    lang = p.lang
    said, labels = scalars(p), LABELS[lang]
    out: list[tuple[int, int, list[list[Any]]]] = [
        (1, 1, [[labels[name] for name in HELPERS]]),
        (2, SCALAR_COL, [[labels[s], Formula(said[s])] for s in SCALARS]),
        (1, TIER_COL, [[labels[c] for c in TIER_COLUMNS]]),
        (2, TIER_COL, [tier_row(p, j) for j in range(1, layout.MAX_TIERS + 1)]),
        (SWEEP_ROW + 1, TIER_COL, [sweep_row(p, s) for s in range(1, layout.SWEEP_ROWS + 1)]),
    ]
    if p.n:
        out.append((2, 1, shared(lambda r: helper_row(p, r), 2, p.last, 1, 0)))
        if any(p.then):  # a row whose Previous tier is a formula reads no typed one: one formula a row
            at = HELPERS.index("previous rank")
            out.append((2, at + 1, [[Formula(helper_row(p, r)[at])] for r in range(2, p.last + 1)]))
    for i, key in enumerate(WORD_LISTS):
        out.append((2, WORDS_COL + i, [[w] for w in word_list(key, lang)]))
    return out
