"""Bad input is a feature: each case raises ClientRoiError naming the argument and the cause."""

import pytest

import client_roi as cr
from catalogue import CASES


@pytest.mark.parametrize("name, args, words", [c[1:4] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_raises_clear_error(name, args, words):
    with pytest.raises(cr.ClientRoiError) as info:
        getattr(cr, name)(*args)
    for word in words:
        assert word in str(info.value)


def test_catalogue_is_large():
    assert len(CASES) >= 25
    assert sum(c[4] for c in CASES) >= 25  # and most of it reachable from Excel
