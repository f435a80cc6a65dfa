"""The currency amounts are shown in: a word of the workbook, not of the method (the method
works in whatever unit the amounts are in, and never converts)."""

from __future__ import annotations

import re
from typing import Any

from ..messages import tr
from .arguments import ClientRoiError, describe, is_blank

#: The currencies a workbook formats its amounts in, first the default.
CURRENCIES = ("€", "$", "£", "CHF", "¥")
#: Each currency's sign and ISO code, as exports write them.
NAMES = {"€": "€", "EUR": "€", "$": "$", "USD": "$", "£": "£", "GBP": "£", "CHF": "CHF", "¥": "¥", "JPY": "¥"}


def names(sign: str) -> tuple[str, ...]:
    """The sign and codes that name the currency ``sign`` (what the parameter may hold).

    >>> names("$"), names("CHF")
    (('$', 'USD'), ('CHF',))
    """
    return tuple(n for n, s in NAMES.items() if s == sign)


#: A currency shown in a number or a header: a sign anywhere, a code as a word of its own.
SHOWN = re.compile(r"[€$£¥]|(?<![A-Za-z])(?:EUR|USD|GBP|CHF|JPY)(?![A-Za-z])")


def currency(value: Any = None) -> str:
    """The currency named by ``value``: blank is € (the default); a sign or an ISO code of
    € $ £ CHF ¥ (``EUR``, ``USD``, ``GBP``, ``CHF``, ``JPY``; case and spaces ignored) gives its
    sign; anything else raises :class:`ClientRoiError` (argument ``currency``).

    >>> currency(), currency(" usd "), currency("CHF")
    ('€', '$', 'CHF')
    """
    if is_blank(value):
        return CURRENCIES[0]
    if isinstance(value, str) and value.strip().upper() in NAMES:
        return NAMES[value.strip().upper()]
    raise ClientRoiError(
        tr(
            "currency is {value}: give one of {CURRENCIES} (or EUR, USD, GBP, CHF, JPY)",
            value=describe(value),
            CURRENCIES=", ".join(CURRENCIES),
        ),
        argument="currency",
        cause=tr("is {value}, not one of {CURRENCIES}", value=describe(value), CURRENCIES=", ".join(CURRENCIES)),
    )


def shown(text: str) -> set[str]:
    """The currencies ``text`` shows (signs and codes), as signs.

    >>> sorted(shown("Marge brute (k€)")), sorted(shown("USD 1,200 or $3")), shown("CHFX")
    (['€'], ['$'], set())
    """
    return {NAMES[m.upper()] for m in SHOWN.findall(text)}
