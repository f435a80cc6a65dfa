"""Bad input is a feature: each case raises ClientRoiError naming the argument and the cause."""

import numpy as np
import pytest

import client_roi as cr

POP = [100, 120, 80]

CATALOGUE = [
    # (id, call, words the message must contain)
    ("text in population", lambda: cr.tier(100, [1, 2, "abc"]), ["population item 3", "text 'abc'"]),
    ("boolean in population", lambda: cr.tier(100, [1, True]), ["population item 2", "boolean"]),
    ("error value in population", lambda: cr.tier(100, [1, "#N/A"]), ["population item 2", "#N/A"]),
    ("infinite in population", lambda: cr.tier(100, np.array([1.0, np.inf])), ["population item 2", "infinite"]),
    ("numeric text is not a number", lambda: cr.tier(100, ["100", 2]), ["population item 1", "text '100'"]),
    ("2-D position", lambda: cr.tier(100, [[1, 2], [3, "x"]]), ["population item 4 (row 2, column 2)"]),
    ("empty population", lambda: cr.tier(100, []), ["population has no numbers"]),
    ("all-blank population", lambda: cr.tier(100, [None, ""]), ["population has no numbers"]),
    ("non-positive mean", lambda: cr.tier(1, [-5, 2]), ["mean gain is -1.5"]),
    ("text value", lambda: cr.tier(["x"], POP), ["value item 1", "text 'x'"]),
    ("band zero", lambda: cr.tier(1, POP, band=0), ["band must be in (0, 1)"]),
    ("band one", lambda: cr.tier(1, POP, band=1), ["band must be in (0, 1)"]),
    ("band text", lambda: cr.tier(1, POP, band="wide"), ["band must be a number", "text 'wide'"]),
    ("band boolean", lambda: cr.tier(1, POP, band=True), ["band must be a number", "boolean"]),
    ("band nan", lambda: cr.tier(1, POP, band=float("nan")), ["band must be a finite number"]),
    ("band offset list blank", lambda: cr.tier(1, POP, band=[None]), ["band item 1 is blank"]),
    ("band not increasing", lambda: cr.tier(1, POP, band=[0.2, -0.2]), ["strictly increasing", "item 2"]),
    ("band duplicate", lambda: cr.tier(1, POP, band=[-0.2, 0.1, 0.1]), ["strictly increasing"]),
    ("band offset <= -1", lambda: cr.tier(1, POP, band=[-1, 0.2]), ["band item 1", "> -1"]),
    ("band too many tiers", lambda: cr.tier(1, POP, band=list(np.linspace(-0.9, 0.9, 10))), ["at most 9"]),
    ("band blank item", lambda: cr.tier(1, POP, band=[-0.2, None]), ["band item 2 is blank"]),
    ("trim negative", lambda: cr.tier(1, POP, trim=-0.1), ["trim must be in [0, 1)"]),
    ("trim one", lambda: cr.tier(1, POP, trim=1), ["trim must be in [0, 1)"]),
    ("trim text", lambda: cr.tier(1, POP, trim="10%"), ["trim must be a number"]),
    ("labels count", lambda: cr.tier(1, POP, labels=["A", "B"]), ["labels has 2 item(s)", "3 tiers"]),
    ("labels duplicate", lambda: cr.tier(1, POP, labels=["A", "A", "B"]), ["labels must be distinct"]),
    ("labels blank", lambda: cr.tier(1, POP, labels=["A", "", "B"]), ["labels item 2 is blank"]),
    ("labels error-like", lambda: cr.tier(1, POP, labels=["#1", "B", "C"]), ["labels item 1", "'#'"]),
    ("balanced tiers 1", lambda: cr.balanced_band(POP, tiers=1), ["tiers must be from 2 to 10"]),
    ("balanced tiers fractional", lambda: cr.balanced_band(POP, tiers=2.5), ["tiers must be a whole number"]),
    ("balanced negative quantile", lambda: cr.balanced_band([-50, -40, -30, 10, 500]), ["1/3 quantile", "positive"]),
    ("cac negative", lambda: cr.cac_by_tier(-1), ["cac must be ≥ 0"]),
    ("cac blank", lambda: cr.cac_by_tier([None, None]), ["cac is blank"]),
    ("cac text", lambda: cr.cac_by_tier(["x"]), ["cac item 1", "text 'x'"]),
    ("expected gain text", lambda: cr.prospect_effort(["?"], POP, 1000), ["expected_gain item 1"]),
    ("income zero", lambda: cr.effort_days(1, 0), ["annual_income must be in (0, inf]"]),
    ("margin rate > 1", lambda: cr.effort_days(1, 24000, margin_rate=1.5), ["margin_rate must be in (0, 1]"]),
    ("working days > 366", lambda: cr.effort_days(1, 24000, working_days=400), ["working_days must be in (0, 366]"]),
    ("load factor zero", lambda: cr.effort_days(1, 24000, load_factor=0), ["load_factor must be in (0, inf]"]),
    ("negative effort", lambda: cr.effort_days([5, -1], 24000), ["effort item 2", "≥ 0"]),
    ("role bad flag", lambda: cr.client_role(["maybe"], ["yes"]), ["should_pay item 1", "'maybe'"]),
    ("role bad number", lambda: cr.client_role([2], ["yes"]), ["should_pay item 1"]),
    ("role has_paid without should_pay", lambda: cr.client_role([None], ["yes"]), ["should_pay item 1 is blank"]),
    ("role length mismatch", lambda: cr.client_role(["yes", "no"], ["yes", "no", "no"]), ["should_pay has 2 items"]),
    ("roi negative cost", lambda: cr.roi([1, 2], [1, -3]), ["acquisition_cost item 2", "≥ 0"]),
    ("roi length mismatch", lambda: cr.roi([1, 2], [1, 2, 3]), ["gain has 2 items"]),
    ("concentration total zero", lambda: cr.concentration([5, -5]), ["total gain is 0"]),
    ("concentration top_n zero", lambda: cr.concentration(POP, top_n=0), ["top_n must be a whole number"]),
    ("hhi negative gain", lambda: cr.hhi([10, -1]), ["negative gain", "HHI"]),
]


@pytest.mark.parametrize("call, words", [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_bad_input_raises_clear_error(call, words):
    with pytest.raises(cr.ClientRoiError) as info:
        call()
    for word in words:
        assert word in str(info.value)


def test_catalogue_is_large():
    assert len(CATALOGUE) >= 25
