"""The columns of every door, as data: their keys, their headers (English, the catalogue's
identifiers: :meth:`Column.name` says them in a language), and
the aliases that exports use. Customer files, invoice lines, DataFrames and ``--column`` are
read by these names and one rule (:func:`header_key`, :func:`door_key`: a percent is never
money); the workbook's ``Customers`` table carries the table's columns, and the refresh finds
its columns by them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..messages import tr

#: The Excel table that holds the customers, in every language.
TABLE = "Customers"


@dataclass(frozen=True)
class Column:
    key: str
    en: str  # its header in English: the catalogue's identifier of its name in every language
    aliases: tuple[str, ...] = ()
    computed: bool = False
    optional: bool = False  # a workbook made before the column existed refreshes without it
    movement: bool = False  # in the table only when the customers have previous tiers
    kind: str = "text"  # money, days (effort), count (days spent), ratio, flag, tier, text: how it is shown
    width: int = 12  # its width in the table, in characters (at least its header's)
    #: A computed column whose values are words (role, yes/no, movement): the table of the
    #: workbook's words that says them in the book's language (``workbook.layout.VALUE_WORDS``).
    words: str = ""

    def name(self, lang: str) -> str:
        """Its header in ``lang``, from the catalogue."""
        return tr(self.en, lang)

    @property
    def fr(self) -> str:
        return self.name("fr")


COLUMNS = (
    Column(
        "customer",
        "Customer",
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
        kind="text",
        width=28,
    ),
    Column("should_pay", "Should pay", ("should_pay", "payer", "payant"), kind="flag", width=12),
    Column("has_paid", "Has paid", ("has_paid", "paid", "a paye", "paye"), kind="flag", width=11),
    Column(
        "gross_margin",
        "Gross margin",
        ("gross_margin", "margin", "marge", "gain"),
        kind="money",
        width=14,
    ),
    Column(
        "expected_margin",
        "Expected margin",
        ("expected_margin", "expected gain", "potential", "potentiel", "marge potentielle"),
        kind="money",
        width=16,
    ),
    Column(
        "acquisition_cost",
        "Acquisition cost",
        ("acquisition_cost", "cac", "cout acquisition", "cout d acquisition"),
        kind="money",
        width=17,
    ),
    Column(
        "days_spent",
        "Days spent",
        ("days_spent", "days", "days used", "time spent", "jours", "jours consommes", "temps passe"),
        optional=True,
        kind="count",
        width=12,
    ),
    Column("role", "Role", computed=True, kind="text", width=11, words="role"),
    Column("tier", "Tier", computed=True, kind="tier", width=10),
    Column("roi", "ROI", computed=True, kind="ratio", width=8),
    Column("effort_budget", "Effort budget", computed=True, kind="money", width=15),
    Column("effort_days", "Effort days", computed=True, kind="days", width=13),
    Column("days_left", "Days left", computed=True, optional=True, kind="days", width=12),
    Column("in_plan", "In plan", computed=True, optional=True, kind="flag", width=10, words="plan"),
    # a prospect's potential, estimated from the clients it resembles (method.potential)
    Column("estimated_margin", "Estimated margin", computed=True, optional=True, kind="money", width=17),
    Column("estimate_low", "Estimate low", computed=True, optional=True, kind="money", width=14),
    Column("estimate_high", "Estimate high", computed=True, optional=True, kind="money", width=14),
    Column("estimated_from", "Estimated from", computed=True, optional=True, kind="text", width=40),
)
#: The movement columns: in the table only when the customers have previous tiers (last
#: period's, pasted, or from invoice lines); older workbooks and files without them work as before.
MOVEMENT_COLUMNS = (
    Column(
        "previous_tier",
        "Previous tier",
        ("previous_tier", "last tier", "previous category", "categorie precedente", "ancienne categorie"),
        optional=True,
        movement=True,
        kind="tier",
        width=14,
    ),
    Column(
        "previous_margin",
        "Previous margin",
        ("previous_margin", "previous gross margin", "marge brute precedente"),
        optional=True,
        movement=True,
        kind="money",
        width=15,
    ),
    Column(
        "movement",
        "Movement",
        ("evolution", "mouvement"),
        computed=True,
        optional=True,
        movement=True,
        kind="text",
        width=12,
        words="move",
    ),
)
ALL_COLUMNS = COLUMNS + MOVEMENT_COLUMNS
INPUTS = tuple(c for c in COLUMNS if not c.computed)
MOVEMENT_INPUTS = tuple(c for c in MOVEMENT_COLUMNS if not c.computed)
OUTPUTS = tuple(c for c in COLUMNS if c.computed)
NUMERIC_INPUTS = ("gross_margin", "expected_margin", "acquisition_cost", "days_spent", "previous_margin")
#: Columns a customer file must have; the others may be absent (blank). Without flags, a
#: ``Status`` says the roles; without either, every customer is a paying client. A revenue
#: column (× a margin rate) stands for the gross margin.
REQUIRED_INPUTS = ("customer", "gross_margin")


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

#: A code for the customer (a ledger's, a CRM's account ID), at every door: with a name column
#: beside it, customers are grouped by the code and shown by the name; alone, it is the customer.
CUSTOMER_ID = Column(
    "customer_id",
    "Customer ID",
    (
        "customer code",
        "client id",
        "id client",
        "account id",
        "account number",
        "customer number",
        "numero client",
        "numero de client",
        "n client",
        "ref client",
        "reference client",
    ),
)


#: Columns a customer file may have that the Customers table has not: read at the door (a CRM
#: export's status, its revenue or ARR and a margin rate), then kept in the table as the user's
#: own columns, under the file's headers.
DOOR_COLUMNS = (
    CUSTOMER_ID,
    Column("status", "Status", ("account status", "customer status", "statut client")),
    Column(
        "revenue",
        "Revenue",
        ("arr", "annual revenue", "annual recurring revenue", "sales", "turnover", "ca", "ca annuel", "ca ht"),
    ),
    Column("margin_rate", "Margin rate", ("gross margin rate", "taux de marge brute", "margin pct")),
)
DOOR_KEYS = {normalize(n): c.key for c in DOOR_COLUMNS for n in (c.en, c.fr, c.key, *c.aliases)}
assert not DOOR_KEYS.keys() & HEADER_KEYS.keys()
#: The columns in money, whose signs and headers say the currency, and which a percent never is.
MONEY_KEYS = ("gross_margin", "expected_margin", "acquisition_cost", "previous_margin", "revenue")
#: The keys of the columns read at the door only (:data:`DOOR_COLUMNS`).
DOOR_ONLY = frozenset(c.key for c in DOOR_COLUMNS)
_PERCENT_WORDS = frozenset({"rate", "taux", "pct", "percent", "percentage", "pourcentage", "ratio"})


def says_percent(header: object) -> bool:
    """Whether a header says its column holds percents: a ``%`` sign, or a word such as
    ``rate``, ``taux``, ``pct``.

    >>> says_percent("Gross Margin %"), says_percent("Marge brute (%)"), says_percent("Marge brute (€)")
    (True, True, False)
    """
    text = str(header or "")
    return "%" in text or not _PERCENT_WORDS.isdisjoint(normalize(text).split())


def header_key(header: object, door: bool = True) -> str | None:
    """The key of the customer column ``header`` names, by the one rule of every door: its
    names and aliases (:func:`normalize`), a percent never money (a header that
    :func:`says_percent` names no money column: ``Gross Margin %`` is the margin rate, ``Cost
    %`` no column of ours). ``door``: the columns read at the door (:data:`DOOR_COLUMNS`) too;
    else the Customers table's alone (what the refresh reads).

    >>> header_key("Gross Margin %"), header_key("Gross margin"), header_key("ARR ($)"), header_key("ARR", False)
    ('margin_rate', 'gross_margin', 'revenue', None)
    """
    name = normalize(header)
    key = HEADER_KEYS.get(name) or (DOOR_KEYS.get(name) if door else None)
    if key in MONEY_KEYS and says_percent(header):
        return "margin_rate" if key == "gross_margin" and door else None
    return key


#: The columns of invoice lines (:mod:`client_roi.files.lines`), in every engine.
LINE_COLUMNS = (
    Column("customer", "Customer", (*COLUMNS[0].aliases, "account", "compte")),  # a customer file's names
    CUSTOMER_ID,  # a ledger's code for the customer: with a name beside it, customers are grouped by the code
    Column(
        "date",
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
    Column("margin", "Gross margin", ("gross_margin", "margin", "marge", "gain", "marge ht")),
    Column(
        "amount",
        "Amount",
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
    Column("invoice", "Invoice", ("invoice number", "invoice no", "n facture", "numero de facture", "piece")),
)
LINE_KEYS = {normalize(n): c.key for c in LINE_COLUMNS for n in (c.en, c.fr, c.key, *c.aliases)}

#: Each door's columns: what ``--column OURS=THEIRS`` may name when reading it.
DOORS = {"customers": INPUTS + MOVEMENT_INPUTS + DOOR_COLUMNS, "lines": LINE_COLUMNS}


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
    return next(c.name(lang) for c in ALL_COLUMNS + DOOR_COLUMNS if c.key == key)
