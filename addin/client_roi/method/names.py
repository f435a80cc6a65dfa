"""Customer names: one rule for every door.

Two spellings name the same customer when their :func:`name_key` is equal: the text in Unicode
NFC (``é`` typed as one character or as ``e`` and a combining accent is one letter), its spaces
(any Unicode space, the no-break spaces of exports included) trimmed at both ends and collapsed
to one, and case ignored by :meth:`str.casefold` (``ACME``, ``Acme`` and ``acme`` are one
customer; so are ``STRASSE`` and ``Straße``). Nothing else is ignored: accents and punctuation
tell customers apart (``Café`` is not ``Cafe``, ``A.B.C`` is not ``ABC``).

Customer files, workbooks, DataFrames and invoice lines from every engine apply this rule, so
that a customer is the same customer whichever way it came in. A customer file or a DataFrame
refuses two rows of one customer (or adds them up when asked); invoice lines are grouped by
their spelling where they live (DuckDB, PostgreSQL, Spark) and the spellings of one customer are
then merged here, by :func:`merge_spellings`, with exact integer sums: the one rule, written once,
whatever the engine's own idea of case and Unicode.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


def name_key(name: object) -> str:
    """The key two spellings of one customer share (see the module's rule); ``''`` for a
    blank name.

    >>> name_key("  ACME   Corp "), name_key("acme corp") == name_key("Acme\\u00a0Corp")
    ('acme corp', True)
    >>> name_key("Cafe\\u0301") == name_key("Café"), name_key("Café") == name_key("Cafe")
    (True, False)
    """
    text = name if type(name) is str else str(name)
    if text.isascii():  # its own NFC, and ASCII casefolds as it lowers: the common case, without a call
        return " ".join(text.split()).lower()
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return unicodedata.normalize("NFC", text.casefold())


def shown_name(name: object) -> str:
    """A spelling as it is shown: NFC, spaces trimmed and collapsed, case as written.

    >>> shown_name("  Acme \\u00a0 Corp ")
    'Acme Corp'
    """
    return " ".join(unicodedata.normalize("NFC", str(name)).split())


@dataclass(frozen=True)
class Spellings:
    """The customers behind a list of spellings: ``group[i]`` is the customer of spelling
    ``i`` (0 … n−1, in the order of the customers' first spellings), ``shown[g]`` the name
    customer ``g`` is shown by, and ``merged`` one line per customer written more than one way
    (``'ACME ← Acme, acme'``)."""

    group: np.ndarray
    shown: list[str]
    merged: list[str]
    codes: list[str] | None = None  # each customer's code, when grouped by codes

    @property
    def count(self) -> int:
        """How many spellings were merged into another (the summary's figure)."""
        return len(self.group) - len(self.shown)


def merge_spellings(
    names: Sequence[object], weights: Sequence[int] | np.ndarray | None = None, ids: Sequence[object] | None = None
) -> Spellings:
    """Group ``names`` by :func:`name_key`, or by their customer codes ``ids`` when the lines
    have them (a code and a name: grouped by the code, which the rule compares as it compares
    names, and shown by the name). Each customer is shown by the spelling with the largest
    ``weight`` (for invoice lines: the spelling on the most lines), ties going to the first in
    code-point order, so that every engine, whatever order it returns its groups in, shows the
    same name; two codes shown by one name are told apart by their codes (``Dupont (C7)``).

    >>> s = merge_spellings(["Acme", "Beta", "ACME", "acme "], [2, 1, 5, 2])
    >>> s.group.tolist(), s.shown, s.merged, s.count
    ([0, 1, 0, 0], ['ACME', 'Beta'], ['ACME ← Acme, acme'], 2)
    >>> merge_spellings(["Dupont", "Dupont SA", "Dupont", "Martin"], [3, 1, 1, 1], ["C1", "c1", "C7", "C2"]).shown
    ['Dupont (C1)', 'Dupont (C7)', 'Martin']
    """
    n = len(names)
    w = np.ones(n, dtype=np.int64) if weights is None else np.asarray(weights, dtype=np.int64)
    # ASCII text is its own NFC and casefolds as it lowers: the common case, without a call
    spelled = [" ".join(v.split()) if type(v) is str and v.isascii() else shown_name(v) for v in names]
    by = spelled if ids is None else [" ".join(str(v).split()) for v in ids]
    keys = [t.lower() if t.isascii() else name_key(t) for t in by]
    if len(set(keys)) == n and (ids is None or len({k.lower() for k in spelled}) == n):
        codes = None if ids is None else by
        return Spellings(np.arange(n, dtype=np.int64), spelled, [], codes)  # every row its own customer: no search
    index: dict[str, int] = {}
    group = np.array([index.setdefault(k, len(index)) for k in keys], dtype=np.int64)
    shown = [""] * len(index)
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group.tolist()):
        members.setdefault(g, []).append(i)
    merged = []
    code = [""] * len(index)
    for g, ms in members.items():
        best = min(ms, key=lambda i: (-int(w[i]), spelled[i]))
        shown[g], code[g] = spelled[best], by[best]
        others = sorted({spelled[i] for i in ms} - {spelled[best]})
        if others:
            merged.append(f"{spelled[best]} ← {', '.join(others)}")
    if ids is not None:  # one name for two codes: each told by its code
        tell_apart(shown, code)
    return Spellings(group, shown, merged, None if ids is None else code)


def tell_apart(shown: list[Any], codes: Sequence[object]) -> None:
    """Customers of distinct ``codes`` shown by one name (by :func:`name_key`) are told apart by
    their codes, in place (``Dupont (C7)``); a customer without a code or a name is left as it
    is. The rule of invoice lines (:func:`merge_spellings`) and of customer files alike.

    >>> shown = ["Dupont", "Martin", "DUPONT", None]; tell_apart(shown, ["C1", "C2", "C7", "C9"]); shown
    ['Dupont (C1)', 'Martin', 'DUPONT (C7)', None]
    """
    named: dict[str, list[int]] = {}
    for i, (text, code) in enumerate(zip(shown, codes, strict=True)):
        if text is not None and code is not None:
            named.setdefault(name_key(text), []).append(i)
    for members in named.values():
        for i in members if len(members) > 1 else ():
            shown[i] = f"{shown[i]} ({codes[i]})"
