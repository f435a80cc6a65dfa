"""Every word the user reads, from one catalogue per language, looked up by its identifier.

A message is written once, where it arises, as its identifier — the English skeleton, as gettext
does — with named arguments: ``tr("{name} must be a number, got {value}", name=…, value=…)``.
:func:`tr` looks the skeleton up in the catalogue of the language in use (English is the
identifier itself; French is :data:`client_roi.messages_fr.FR`) and only then puts the arguments
in its holes. **Arguments are never translated**: a file's name, a header, a customer's name or a
cell's text reach the user as they were written. A message made of other messages takes them
already said (``tr("{place}: {cause}", place=tr(…), cause=tr(…))``).

Numbers are the one thing formatted by language, in one place (:class:`_Formatter`): a number
argument (``int``, ``float``, numpy's) is formatted by the hole's spec (``{n:,}``, ``{x:.1%}``),
then put in the language's form (French: ``1 234,5``; ``-55,6 %``). Text is left as it is, even
text that looks like a number (a file named ``12.5``).

Languages: ``en``, ``fr``, and ``qps``, a pseudo-language for tests that wraps every catalogue
string in ``⟦…⟧`` (:data:`PSEUDO`), so that a test can find any user-visible word that did not
come from the catalogue. Adding a language is one more catalogue module like ``messages_fr.py``
and its entry in :data:`CATALOGUES`.

Messages are said in the language in use when they are made (:func:`use`, :func:`using`): the
command line sets it from ``--lang`` (or a refreshed book's own language) before any work, and
the refresh pipeline from its book.

``tests/test_messages.py`` holds the catalogue to the code: every identifier the code looks up has
its French entry, and nothing else is there; ``tests/test_pseudo_locale.py`` runs the flows in
the pseudo-language.
"""

from __future__ import annotations

import errno
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from numbers import Number
from typing import Any

from .messages_fr import FR

PSEUDO = "qps"  # the pseudo-language: tests only (BCP 47 keeps qps-ploc for it)
#: Each language's catalogue: English is the identifiers themselves.
CATALOGUES: dict[str, Mapping[str, str]] = {"en": {}, "fr": FR}
LANGS = tuple(CATALOGUES)  # the languages a user may choose
LANGUAGES = (*CATALOGUES, PSEUDO)  # every language words can be said in (the tests' one too)
_lang = "en"


def use(lang: str) -> None:
    """The language of what is said from now on (``en``, ``fr``, or the tests' ``qps``)."""
    global _lang
    _lang = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _lang


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Say things in ``lang`` within the block, then go back to the language before it."""
    before = _lang
    use(lang)
    try:
        yield
    finally:
        use(before)


def tr(skeleton: str, lang: str | None = None, /, **args: Any) -> str:
    """The message ``skeleton`` in ``lang`` (default: the language in use), its ``{holes}`` filled
    with ``args`` after the lookup: the arguments themselves are never translated, and numbers
    among them are put in the language's form.

    >>> tr("blank rows skipped: {n:,}", "fr", n=1234), tr("wrote {built}", "fr", built="12.5")
    ('lignes vides ignorées : 1\\u202f234', 'écrit 12.5')
    """
    lang = lang or _lang
    return _FORMATTERS.get(lang, _FORMATTERS["en"]).vformat(lookup(skeleton, lang), (), args)


def lookup(skeleton: str, lang: str | None = None) -> str:
    """The catalogue's skeleton for ``skeleton`` in ``lang``, its holes still to fill."""
    lang = lang or _lang
    english = skeleton.rpartition(CONTEXT)[2]
    if lang == PSEUDO:
        return "⟦" + english + "⟧"
    return CATALOGUES.get(lang, {}).get(skeleton, english)


#: gettext's context mark: ``"band word" + CONTEXT + "balanced"`` is the identifier of an English
#: word that another language says differently elsewhere (the band's word, not the sweep's row).
CONTEXT = "\x04"


class Said:
    """Words of the workbook (a text, or a list, tuple or dict of them), said in a language when
    asked: ``Said({"yes": "yes"})["fr"] == {"yes": "oui"}``. Tables of words keep their shape and
    hold English (the identifiers) only; every language comes from its catalogue."""

    def __init__(self, english: Any):
        self.english = english

    def __getitem__(self, lang: str) -> Any:
        return words(self.english, lang)


def words(english: Any, lang: str | None = None) -> Any:
    """Each text of ``english`` (a text, or a list, tuple or dict's values, nested) in ``lang``:
    a block of words of the workbook said at once (a text with holes is filled by its user)."""
    if isinstance(english, str):
        return lookup(english, lang)
    if isinstance(english, dict):
        return {k: words(v, lang) for k, v in english.items()}
    if isinstance(english, (list, tuple)):
        return type(english)(words(v, lang) for v in english)
    return english


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


class _Formatter(string.Formatter):
    """``str.format`` with numbers in one language's form; everything else as Python formats it.
    The pseudo-language marks each argument that is not a number with ``‹…›``, so that a test
    tells the catalogue's words, the user's data and words that came from neither apart."""

    def __init__(self, french: bool = False, pseudo: bool = False):
        self.french = french
        self.pseudo = pseudo

    def format_field(self, value: Any, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, Number) and not isinstance(value, bool):
            return french_number(text) if self.french else text
        return f"‹{text}›" if self.pseudo else text


_FORMATTERS = {"en": _Formatter(), "fr": _Formatter(french=True), PSEUDO: _Formatter(pseudo=True)}


def mark(sign: str, lang: str | None = None) -> str:
    """A colon or semicolon with the spacing of the language: ``: `` / `` : ``."""
    return f" {sign} " if (lang or _lang) == "fr" else f"{sign} "


def number(x: float, spec: str, lang: str | None = None) -> str:
    """``format(x, spec)`` in the language's form (``,`` groups thousands in ``spec``): the
    formatter that fills the catalogue's holes."""
    return _FORMATTERS.get(lang or _lang, _FORMATTERS["en"]).format_field(x, spec)


#: The system's reasons for a failed read or write, by errno, as Linux says them: said from the
#: catalogue (the system's own words are its language's, or English).
OS_REASONS = {
    errno.ENOENT: "No such file or directory",
    errno.EACCES: "Permission denied",
    errno.EPERM: "Operation not permitted",
    errno.EISDIR: "Is a directory",
    errno.ENOTDIR: "Not a directory",
    errno.EROFS: "Read-only file system",
    errno.ENOSPC: "No space left on device",
}

#: Python's csv module's reasons for a text it cannot read, said from the catalogue.
CSV_REASONS = ("unexpected end of data", "line contains NUL")


def reason(exc: BaseException) -> str:
    """Why a read or write failed, from the catalogue when the cause is one it knows (an
    errno, a csv reason), else the system's own words."""
    if isinstance(exc, OSError):
        known = OS_REASONS.get(exc.errno or 0)
        return tr(known) if known else (exc.strerror or str(exc))
    text = str(exc)
    return tr(text) if text in CSV_REASONS else text


def holes(skeleton: str) -> list[str]:
    """The names of a skeleton's holes, in order (for the catalogue's tests)."""
    return [name for _, name, _, _ in string.Formatter().parse(skeleton) if name is not None]
