"""What the user reads, in their language: one table of the messages in French.

Messages are written in English where they arise (an exception, a line of the summary) and
translated where they are shown (the command line, the refresh in Excel), with :func:`translate`:
the message is matched against the English skeletons of :data:`FR` (its fixed words, with a
placeholder for each value), and the French skeleton is filled with the values, each one
translated in turn (a place, a cause, a value's description are messages of their own), and
numbers put in French form (``1,234.5`` → ``1 234,5``; ``-55.6%`` → ``-55,6 %``). A value that
no skeleton matches is the user's own (a file name, a header, a cell's text): it is kept as is.

``tests/test_messages.py`` holds the table to the code: every message the code can raise or
print has its entry here, and the bad-input catalogue reads French all through with ``--lang fr``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .messages_fr import FR

LANGS = ("en", "fr")
_lang = "en"


def use(lang: str) -> None:
    """The language of what is shown from now on (``en`` or ``fr``)."""
    global _lang
    _lang = lang if lang in LANGS else "en"


def language() -> str:
    return _lang


_ENGLISH_NUMBER = re.compile(r"[-+−±]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
NARROW = "\u202f"  # French groups digits with a narrow no-break space
NBSP = "\u00a0"  # and puts a no-break space before %


def french_number(text: str) -> str:
    """An English-formatted number in French form.

    >>> french_number("1,234.5"), french_number("-55.6%"), french_number("12")
    ('1\\u202f234,5', '-55,6\\xa0%', '12')
    """
    percent = text.endswith("%")
    body = text[:-1] if percent else text
    body = body.replace(",", NARROW).replace(".", ",")
    return body + (NBSP + "%" if percent else "")


def mark(sign: str, lang: str | None = None) -> str:
    """A colon or semicolon with the spacing of the language: ``: `` / `` : ``."""
    return f" {sign} " if (lang or _lang) == "fr" else f"{sign} "


def number(x: float, spec: str, lang: str | None = None) -> str:
    """``format(x, spec)`` in the language's form (``,`` groups thousands in ``spec``)."""
    text = format(x, spec)
    return french_number(text) if (lang or _lang) == "fr" else text


def translate(text: str, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the language in use): see the module's rule."""
    if (lang or _lang) != "fr" or not text:
        return text
    return _french(text)[1]


@lru_cache(maxsize=4096)
def _french(text: str) -> tuple[int, str]:
    """The French of ``text`` and how many of its characters the table's words account for:
    of the skeletons that match, the reading that accounts for the most wins (a general one,
    ``{0} item {1} {2}``, never hides a message that has a skeleton of its own)."""
    if _ENGLISH_NUMBER.fullmatch(text):
        return len(text), french_number(text)
    best = (0, text)
    for fixed, pattern, french in _patterns():
        m = pattern.fullmatch(text)
        if m is None:
            continue
        parts = [_french(v) if v else (0, v) for v in m.groups()]
        covered = fixed + sum(c for c, _ in parts)
        if covered > best[0]:
            best = (covered, french.format(*(t for _, t in parts)))
    return best


@cache
def _patterns() -> list[tuple[int, re.Pattern[str], str]]:
    """The skeletons as patterns, with the number of fixed characters of each."""
    out = []
    for english, french in FR.items():
        fixed = re.split(r"\{\d+\}", english)
        order = [int(k) for k in re.findall(r"\{(\d+)\}", english)]  # 0, 1, 2…: as the code writes them
        regex = "".join(
            re.escape(part.replace("{{", "{").replace("}}", "}")) + (f"(?P<p{order[i]}>.*?)" if i < len(order) else "")
            for i, part in enumerate(fixed)
        )
        out.append((len("".join(fixed)), re.compile(regex, re.DOTALL), french))
    return out
