"""The bad-input catalogue, as data: each case is checked in the engine (test_bad_input) and
through xlwings' Office.js dispatch (test_functions), where the message gains the Excel name.

(id, engine function, positional args, words the message must contain, excel)
``excel`` is False where a case cannot be typed in a cell (infinity, Python-only shapes).
"""

import numpy as np

POP = [100, 120, 80]
NA = "#N/A"

CASES = [
    ("text in population", "tier", (100, [1, 2, "abc"]), ["population item 3", "text 'abc'"], True),
    ("boolean in population", "tier", (100, [1, True]), ["population item 2", "boolean"], True),
    ("error value in population", "tier", (100, [1, NA]), ["population item 2", "#N/A"], True),
    ("infinite in population", "tier", (100, np.array([1.0, np.inf])), ["population item 2", "infinite"], False),
    ("numeric text is not a number", "tier", (100, ["100", 2]), ["population item 1", "text '100'"], True),
    ("2-D position", "tier", (100, [[1, 2], [3, "x"]]), ["population item 4 (row 2, column 2)"], True),
    ("empty population", "tier", (100, []), ["population has no numbers"], False),
    ("all-blank population", "tier", (100, [None, ""]), ["population has no numbers"], True),
    ("non-positive mean", "tier", (1, [-5, 2]), ["mean gain is -1.5"], True),
    ("text value", "tier", (["x"], POP), ["value item 1", "text 'x'"], True),
    ("band zero", "tier", (1, POP, 0), ["band must be in (0, 1)"], True),
    ("band one", "tier", (1, POP, 1), ["band must be in (0, 1)"], True),
    ("band text", "tier", (1, POP, "wide"), ["band must be a number", "text 'wide'"], True),
    ("band boolean", "tier", (1, POP, True), ["band must be a number", "boolean"], True),
    ("band offset list with a blank", "tier", (1, POP, [-0.2, None, 0.2]), ["band item 2 is blank"], False),
    ("band not increasing", "tier", (1, POP, [0.2, -0.2]), ["strictly increasing", "item 2"], True),
    ("band duplicate", "tier", (1, POP, [-0.2, 0.1, 0.1]), ["strictly increasing"], True),
    ("band offset <= -1", "tier", (1, POP, [-1, 0.2]), ["band item 1", "> -1"], True),
    ("band too many tiers", "tier", (1, POP, [round(x, 2) for x in np.linspace(-0.9, 0.9, 10)]), ["at most 9"], True),
    ("band blank item", "tier", (1, POP, [-0.2, None]), ["band item 2 is blank"], True),
    ("band error value", "tier", (1, POP, NA), ["band must be a number", "#N/A"], True),
    ("trim negative", "tier", (1, POP, 0.2, -0.1), ["trim must be in [0, 1)"], True),
    ("trim one", "tier", (1, POP, 0.2, 1), ["trim must be in [0, 1)"], True),
    ("trim text", "tier", (1, POP, 0.2, "10%"), ["trim must be a number"], True),
    ("labels count", "tier", (1, POP, 0.2, 0, ["A", "B"]), ["labels has 2 item(s)", "3 tiers"], True),
    ("labels duplicate", "tier", (1, POP, 0.2, 0, ["A", "A", "B"]), ["labels must be distinct"], True),
    ("labels blank", "tier", (1, POP, 0.2, 0, ["A", None, "B"]), ["labels item 2 is blank"], True),
    ("labels error-like", "tier", (1, POP, 0.2, 0, ["#1", "B", "C"]), ["labels item 1", "'#'"], True),
    ("bands text", "tier_bands", ([1, "?"],), ["population item 2", "text '?'"], True),
    ("balanced tiers 1", "balanced_band", (POP, 1), ["tiers must be from 2 to 10"], True),
    ("balanced tiers fractional", "balanced_band", (POP, 2.5), ["tiers must be a whole number"], True),
    ("balanced negative quantile", "balanced_band", ([-50, -40, -30, 10, 500],), ["1/3 quantile", "positive"], True),
    ("balanced ties", "balanced_band", ([10, 10, 10, 10, 10, 10, 50],), ["too many equal gains"], True),
    ("cac negative", "cac_by_tier", (-1,), ["cac must be ≥ 0"], True),
    ("cac blank", "cac_by_tier", ([None, None],), ["cac is blank"], True),
    ("cac text", "cac_by_tier", (["x", 5],), ["cac item 1", "text 'x'"], True),
    ("expected gain text", "prospect_effort", (["?"], POP, 1000), ["expected_gain item 1"], True),
    ("prospect error value", "prospect_effort", ([5], POP, NA), ["cac item 1", "#N/A"], True),
    ("income zero", "effort_days", (1, 0), ["annual_income must be in (0, inf)"], True),
    ("income text", "effort_days", (1, "lots"), ["annual_income must be a number", "'lots'"], True),
    ("margin rate > 1", "effort_days", (1, 24000, 1.5), ["margin_rate must be in (0, 1]"], True),
    ("working days > 366", "effort_days", (1, 24000, 0.5, 400), ["working_days must be in (0, 366]"], True),
    ("load factor zero", "effort_days", (1, 24000, 0.5, 218, 0), ["load_factor must be in (0, inf)"], True),
    ("negative effort", "effort_days", ([5, -1], 24000), ["effort item 2", "≥ 0"], True),
    ("role bad flag", "client_role", (["maybe"], ["yes"]), ["should_pay item 1", "'maybe'"], True),
    ("role bad number", "client_role", ([2], ["yes"]), ["should_pay item 1"], True),
    (
        "role has_paid without should_pay",
        "client_role",
        ([None, "no"], ["yes", "no"]),
        ["should_pay item 1 is blank"],
        True,
    ),
    ("role length mismatch", "client_role", (["yes", "no"], ["yes", "no", "no"]), ["should_pay has 2 items"], True),
    ("roi negative cost", "roi", ([1, 2], [1, -3]), ["acquisition_cost item 2", "≥ 0"], True),
    ("roi length mismatch", "roi", ([1, 2], [1, 2, 3]), ["gain has 2 items"], True),
    ("roi text gain", "roi", (["abc"], [1]), ["gain item 1", "text 'abc'"], True),
    ("concentration no positive gain", "concentration", ([0, -5],), ["no positive gain"], True),
    ("concentration top_n zero", "concentration", (POP, 0), ["top_n must be a whole number"], True),
    ("hhi no positive gain", "hhi", ([-10, -1],), ["no positive gain"], True),
    # Numbers past ±1e15 (Excel's 15 digits) are refused by their item, before any sum, quantile
    # or budget could overflow (issue 35): what once overflowed is said by the input causing it.
    ("gains past Excel's digits", "tier", (1, [1e308, 1e308]), ["population item 1 is 1e+308, beyond ±1e15"], True),
    ("quantile of huge gains", "balanced_band", ([-1e308, 1e308, 1e308],), ["population item 1 is -1e+308"], True),
    ("roi overflow", "roi", ([1e15], [1e-300]), ["acquisition_cost item 1 is 1e-300: a gain over it passes"], True),
    ("effort days overflow", "effort_days", (1e15, 1e-300), ["effort in days overflows"], True),
    ("budget of a huge cac", "cac_by_tier", (1e308, [-0.5, 0.9]), ["cac item 1 is 1e+308, beyond ±1e15"], True),
    ("sweep band of one", "band_sweep", (POP, [0.2, 1]), ["band must be in (0, 1), got 1"], True),
    ("sweep band text", "band_sweep", (POP, [0.2, "wide"]), ["bands item 2", "text 'wide'"], True),
]

#: Excel name of each engine function.
EXCEL_NAME = {
    "tier": "TIER",
    "tier_bands": "TIER_BANDS",
    "balanced_band": "BALANCED_BAND",
    "band_sweep": "BAND_SWEEP",
    "cac_by_tier": "CAC_BY_TIER",
    "prospect_effort": "PROSPECT_EFFORT",
    "effort_days": "EFFORT_DAYS",
    "client_role": "CLIENT_ROLE",
    "roi": "CLIENT_ROI",
    "concentration": "CONCENTRATION",
    "hhi": "HHI",
    "mobility": "TIER_MOBILITY",
    "potential": "PROSPECT_POTENTIAL",
}
