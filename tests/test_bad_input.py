"""Bad input is a feature: each case raises ClientRoiError naming the argument and the cause."""

import pytest
from catalogue import CASES

import client_roi as cr


@pytest.mark.parametrize("name, args, words", [c[1:4] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_raises_clear_error(name, args, words):
    with pytest.raises(cr.ClientRoiError) as info:
        getattr(cr, name)(*args)
    for word in words:
        assert word in str(info.value)


def test_catalogue_is_large():
    assert len(CASES) >= 25
    assert sum(c[4] for c in CASES) >= 25  # and most of it reachable from Excel


def test_errors_say_which_item_for_callers_that_hold_the_cells():
    with pytest.raises(cr.ClientRoiError) as info:
        cr.numbers([1, 2, "x"], "gross_margin")
    assert (info.value.argument, info.value.item, info.value.cause) == ("gross_margin", 2, "is text 'x'")
    with pytest.raises(cr.ClientRoiError) as info:
        cr.effort_days(1, 24000, margin_rate=3)
    assert info.value.argument == "margin_rate" and info.value.item is None
