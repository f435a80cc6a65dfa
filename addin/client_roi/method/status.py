"""Status instead of flags: what a CRM export says of each account, read as the method's roles.

Only those who pay are clients; the others are prospects or users (the seed's ``002``). A CRM
export says it in one ``Status`` column rather than the workbook's two flags (``Should pay``,
``Has paid``). Each status word is read, case, accents and punctuation ignored, as:

* **client** (should pay, has paid): Customer, Client, Active, Won, Paying, Actif, Gagné, Payant;
* **prospect** (should pay, has not yet): Prospect, Lead, Opportunity, Trial, Essai, Piste,
  Opportunité;
* **lost** (was a client, pays no more: a prospect to win back): Churned, Lost, Former,
  Former customer, Perdu, Ancien client, Résilié; its margin is its expected margin (what it
  brought is what it may bring again), unless the file gives one;
* **user** (not expected to pay): Free, Partner, Internal, User, Gratuit, Partenaire, Interne,
  Utilisateur.

Any other word is refused, listing the words found that no rule reads; the user says what it
means (``--status "Free trial=prospect"``, or ``status_map={"Free trial": "prospect"}``). No
status is ever guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..messages import tr
from .arguments import ClientRoiError, is_blank

CLIENT, PROSPECT, LOST, USER = "client", "prospect", "lost", "user"

#: The status words of each role, as :func:`status_word` writes them.
WORDS: dict[str, tuple[str, ...]] = {
    CLIENT: ("customer", "client", "active", "active customer", "won", "paying", "actif", "gagne", "payant"),
    PROSPECT: ("prospect", "lead", "opportunity", "opportunite", "trial", "essai", "piste"),
    LOST: ("churned", "lost", "former", "former customer", "perdu", "ancien client", "resilie"),
    USER: ("free", "partner", "internal", "user", "gratuit", "partenaire", "interne", "utilisateur"),
}
#: The roles a user may map a word to, in English and French.
ROLE_WORDS = {"client": CLIENT, "prospect": PROSPECT, "lost": LOST, "perdu": LOST, "user": USER, "utilisateur": USER}
#: The flags (should pay, has paid) of each role.
FLAGS = {CLIENT: ("yes", "yes"), PROSPECT: ("yes", "no"), LOST: ("yes", "no"), USER: ("no", "no")}


def status_word(value: Any) -> str:
    """A status as compared: accents, case, punctuation and spacing ignored.

    >>> status_word("  Closed-Won "), status_word("Résilié")
    ('closed won', 'resilie')
    """
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def status_map(given: Mapping[str, str] | None) -> dict[str, str]:
    """The words of :data:`WORDS` with the user's own (``{"Free trial": "prospect"}``) over
    them; a role that is not one of :data:`ROLE_WORDS` is refused."""
    out = {w: role for role, words in WORDS.items() for w in words}
    for word, role in (given or {}).items():
        wanted = ROLE_WORDS.get(status_word(role))
        if wanted is None:
            raise ClientRoiError(
                tr("'{word}={role}': '{role}' is not a role (client, prospect, lost or user)", word=word, role=role),
                "status_map",
            )
        out[status_word(word)] = wanted
    return out


def roles_from_status(values: Sequence[Any], given: Mapping[str, str] | None = None) -> np.ndarray:
    """Each status's role (:data:`CLIENT`, :data:`PROSPECT`, :data:`LOST`, :data:`USER`, None
    for a blank), by the module's words and ``given``. An unread word raises
    :class:`ClientRoiError` naming its first row (``item``) and listing every unread word.

    >>> roles_from_status(["Customer", "Free trial", None], {"free trial": "prospect"}).tolist()
    ['client', 'prospect', None]
    """
    words = status_map(given)
    seen: dict[Any, str | None] = {}
    out = np.empty(len(values), dtype=object)
    unread: dict[str, int] = {}
    for i, v in enumerate(values):
        if v not in seen:
            seen[v] = None if is_blank(v) else words.get(status_word(v))
            if seen[v] is None and not is_blank(v):
                unread.setdefault(str(v).strip(), i)
        out[i] = seen[v]
    if unread:
        first = min(unread.values())
        found = ", ".join(f"'{w}'" for w in unread)
        cause = tr(
            (
                "is {found}, which no rule reads as a role: say what it means, e.g. --status "
                '"{next}=prospect" (client, prospect, lost or user)'
            ),
            found=found,
            next=next(iter(unread)),
        )
        raise ClientRoiError(tr("status item {first} {cause}", first=first + 1, cause=cause), "status", first, cause)
    return out
