"""The customer table's columns: their keys, their headers in English and French, and the
aliases that exports use. Customer files are read by these names, the workbook's
``Customers`` table carries them, and the refresh finds its columns by them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: The Excel table that holds the customers, in every language.
TABLE = "Customers"


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    fr: str
    aliases: tuple[str, ...] = ()
    computed: bool = False
    optional: bool = False  # a workbook made before the column existed refreshes without it
    movement: bool = False  # in the table only when the customers have previous tiers


COLUMNS = (
    Column(
        "customer",
        "Customer",
        "Client",
        (
            "name",
            "nom",
            "customer name",
            "client name",
            "account name",
            "raison sociale",
            "societe",
            "nom du client",
            "nom client",
        ),
    ),
    Column("should_pay", "Should pay", "Doit payer", ("should_pay", "payer", "payant")),
    Column("has_paid", "Has paid", "A payé", ("has_paid", "paid", "a paye", "paye")),
    Column("gross_margin", "Gross margin", "Marge brute", ("gross_margin", "margin", "marge", "gain")),
    Column(
        "expected_margin",
        "Expected margin",
        "Marge attendue",
        ("expected_margin", "expected gain", "potential", "potentiel", "marge potentielle"),
    ),
    Column(
        "acquisition_cost",
        "Acquisition cost",
        "Coût d'acquisition",
        ("acquisition_cost", "cac", "cout acquisition", "cout d acquisition"),
    ),
    Column(
        "days_spent",
        "Days spent",
        "Jours passés",
        ("days_spent", "days", "days used", "time spent", "jours", "jours consommes", "temps passe"),
        optional=True,
    ),
    Column("role", "Role", "Rôle", computed=True),
    Column("tier", "Tier", "Catégorie", computed=True),
    Column("roi", "ROI", "ROI", computed=True),
    Column("effort_budget", "Effort budget", "Effort de prospection", computed=True),
    Column("effort_days", "Effort days", "Effort (jours)", computed=True),
    Column("days_left", "Days left", "Jours restants", computed=True, optional=True),
    Column("in_plan", "In plan", "Dans le plan", computed=True, optional=True),
)
#: The movement columns: in the table only when the customers have previous tiers (last
#: period's, pasted, or from invoice lines); older workbooks and files without them work as before.
MOVEMENT_COLUMNS = (
    Column(
        "previous_tier",
        "Previous tier",
        "Catégorie précédente",
        ("previous_tier", "last tier", "previous category", "categorie precedente", "ancienne categorie"),
        optional=True,
        movement=True,
    ),
    Column(
        "previous_margin",
        "Previous margin",
        "Marge précédente",
        ("previous_margin", "previous gross margin", "marge brute precedente"),
        optional=True,
        movement=True,
    ),
    Column(
        "movement", "Movement", "Évolution", ("evolution", "mouvement"), computed=True, optional=True, movement=True
    ),
)
ALL_COLUMNS = COLUMNS + MOVEMENT_COLUMNS
INPUTS = tuple(c for c in COLUMNS if not c.computed)
MOVEMENT_INPUTS = tuple(c for c in MOVEMENT_COLUMNS if not c.computed)
OUTPUTS = tuple(c for c in COLUMNS if c.computed)
NUMERIC_INPUTS = ("gross_margin", "expected_margin", "acquisition_cost", "days_spent", "previous_margin")
#: Columns a customer file must have; the others may be absent (blank).
REQUIRED_INPUTS = ("customer", "should_pay", "has_paid", "gross_margin")


def normalize(header: object) -> str:
    """Header comparison key: case, accents, apostrophes, underscores, punctuation, currency
    signs, what stands in parentheses or brackets (units: ``Gross Margin (EUR)``, ``Marge brute
    (€)``) and spacing ignored.

    >>> normalize("Gross Margin (EUR)"), normalize("Should pay?"), normalize("Coût d'acquisition [$]")
    ('gross margin', 'should pay', 'cout d acquisition')
    """
    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text.casefold())
    text = re.sub(r"[_’'\-]+|[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _header_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for c in ALL_COLUMNS:
        for name in (c.en, c.fr, c.key, *c.aliases):
            known = keys.setdefault(normalize(name), c.key)
            assert known == c.key, f"{name!r} would name both {known} and {c.key}"
    return keys


HEADER_KEYS = _header_keys()

#: The columns of invoice lines (:mod:`client_roi.files.lines`), in every engine.
LINE_COLUMNS = (
    Column(  # a customer file's names for it, and the ids and accounts of ledgers
        "customer", "Customer", "Client", (*COLUMNS[0].aliases, "account", "compte", "customer id", "code client")
    ),
    Column(
        "date",
        "Date",
        "Date",
        (
            "day",
            "jour",
            "invoice date",
            "date de facture",
            "date facture",
            "date de la facture",
            "order date",
            "date de commande",
            "transaction date",
            "posting date",
            "date comptable",
            "date piece",
        ),
    ),
    Column("margin", "Gross margin", "Marge brute", ("gross_margin", "margin", "marge", "gain", "marge ht")),
    Column(
        "amount",
        "Amount",
        "Montant",
        (
            "total ht",
            "montant ht",
            "net amount",
            "amount excl tax",
            "revenue",
            "sales",
            "ca",
            "chiffre d affaires",
            "montant net",
            "total",
        ),
    ),
    Column(
        "invoice", "Invoice", "Facture", ("invoice number", "invoice no", "n facture", "numero de facture", "piece")
    ),
)
LINE_KEYS = {normalize(n): c.key for c in LINE_COLUMNS for n in (c.en, c.fr, c.key, *c.aliases)}

#: Each door's columns: what ``--column OURS=THEIRS`` may name when reading it.
DOORS = {"customers": INPUTS + MOVEMENT_INPUTS, "lines": LINE_COLUMNS}


def door_key(name: str, door: str) -> str | None:
    """The key of the column of ``door`` (``customers`` or ``lines``) that ``name`` names (by
    its English or French name, key or alias); None when it names none.

    >>> door_key("Amount", "lines"), door_key("Montant", "lines"), door_key("Amount", "customers")
    ('amount', 'amount', None)
    """
    wanted = normalize(name)
    return next((c.key for c in DOORS[door] if wanted in {normalize(n) for n in (c.en, c.fr, c.key, *c.aliases)}), None)


def table_keys(movement: bool) -> list[str]:
    """The keys of the Customers table's columns, in order: the movement columns only for
    customers with previous tiers."""
    return [c.key for c in (ALL_COLUMNS if movement else COLUMNS)]


def header(key: str, lang: str) -> str:
    return next(getattr(c, lang) for c in ALL_COLUMNS if c.key == key)
