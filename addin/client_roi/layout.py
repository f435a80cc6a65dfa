"""What the workbook holds and what each thing is called, in English and French.

The template builder writes these names, ``fill`` matches input headers against them, and
the refresh pipeline finds everything through them: the ``Customers`` table and the
workbook-level defined names, never a sheet's name or position.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LANGS = ("en", "fr")
TABLE = "Customers"


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    fr: str
    aliases: tuple[str, ...] = ()
    computed: bool = False


COLUMNS = (
    Column("customer", "Customer", "Client", ("name", "nom", "customer name", "raison sociale", "societe")),
    Column("should_pay", "Should pay", "Doit payer", ("should_pay", "payer", "payant")),
    Column("has_paid", "Has paid", "A payé", ("has_paid", "paid", "a paye", "paye")),
    Column("gross_margin", "Gross margin", "Marge brute", ("gross_margin", "margin", "marge", "gain")),
    Column("expected_margin", "Expected margin", "Marge attendue",
           ("expected_margin", "expected gain", "potential", "potentiel", "marge potentielle")),
    Column("acquisition_cost", "Acquisition cost", "Coût d'acquisition",
           ("acquisition_cost", "cac", "cout acquisition", "cout d acquisition")),
    Column("role", "Role", "Rôle", computed=True),
    Column("tier", "Tier", "Catégorie", computed=True),
    Column("roi", "ROI", "ROI", computed=True),
    Column("effort_budget", "Effort budget", "Effort de prospection", computed=True),
    Column("effort_days", "Effort days", "Effort (jours)", computed=True),
)
INPUTS = tuple(c for c in COLUMNS if not c.computed)
OUTPUTS = tuple(c for c in COLUMNS if c.computed)
NUMERIC_INPUTS = ("gross_margin", "expected_margin", "acquisition_cost")
#: Columns a customer file must have; the others may be absent (blank).
REQUIRED_INPUTS = ("customer", "should_pay", "has_paid", "gross_margin")


def normalize(header: object) -> str:
    """Header comparison key: case, accents, apostrophes, underscores and spacing ignored."""
    text = unicodedata.normalize("NFKD", str(header or "")).encode("ascii", "ignore").decode()
    text = re.sub(r"[_’'\-]+", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


HEADER_KEYS = {normalize(name): c.key for c in COLUMNS for name in (c.en, c.fr, c.key, *c.aliases)}


def header(key: str, lang: str) -> str:
    return next(getattr(c, lang) for c in COLUMNS if c.key == key)


ROLE_WORDS = {"en": {"client": "client", "prospect": "prospect", "user": "user"},
              "fr": {"client": "client", "prospect": "prospect", "user": "utilisateur"}}


@dataclass(frozen=True)
class Parameter:
    name: str          # workbook-level defined name
    cells: int         # cells in a row the name covers
    default: tuple
    en: tuple[str, str]  # label, explanation
    fr: tuple[str, str]
    number_format: str = "General"


PARAMETERS = (
    Parameter("band", 9, (0.2,),
              ("Band", "One offset p (0.2 = tiers at ±20 % of the mean gain), or 2 to 9 increasing offsets "
                       "left to right for more tiers, e.g. -0.4, -0.2, 0.2, 0.4 for five."),
              ("Bande", "Un écart p (0,2 = catégories à ±20 % du gain moyen), ou 2 à 9 écarts croissants "
                        "de gauche à droite pour plus de catégories, p. ex. -0,4 ; -0,2 ; 0,2 ; 0,4 pour cinq."),
              "0%"),
    Parameter("trim", 1, (0,),
              ("Trim", "Share of clients left out of the mean, half the smallest and half the largest "
                       "(Excel TRIMMEAN rule). 0 keeps everyone."),
              ("Écrêtage", "Part des clients écartés de la moyenne, moitié des plus petits et moitié des plus "
                           "grands (règle de SUPPRIMER.EXTREMES / TRIMMEAN). 0 les garde tous."),
              "0%"),
    Parameter("labels", 10, ("A", "B", "C"),
              ("Labels", "Tier names, top tier first; as many as tiers (blank: A, B, C, ...)."),
              ("Libellés", "Noms des catégories, la meilleure d'abord ; autant que de catégories "
                           "(vide : A, B, C, ...)."),
              "@"),
    Parameter("cac", 1, (None,),
              ("Average CAC", "Average customer-acquisition cost. Blank: the mean of the clients' "
                              "acquisition costs."),
              ("Coût moyen d'acquisition", "Coût moyen d'acquisition d'un client. Vide : la moyenne des "
                                           "coûts d'acquisition des clients."),
              '#,##0 "€"'),
    Parameter("annual_income", 1, (24000,),
              ("Annual income", "Yearly income of the person who prospects, to turn budgets into days."),
              ("Revenu annuel", "Revenu annuel de la personne qui prospecte, pour convertir en jours."),
              '#,##0 "€"'),
    Parameter("margin_rate", 1, (0.5,),
              ("Margin rate", "Gross margin per unit of revenue: 0.5 means 100 of revenue leaves 50."),
              ("Taux de marge", "Marge brute par unité de chiffre d'affaires : 0,5 = 100 de CA laissent 50."),
              "0%"),
    Parameter("working_days", 1, (218,),
              ("Working days", "Working days per year."),
              ("Jours travaillés", "Jours travaillés par an."),
              "0"),
    Parameter("load_factor", 1, (1.5,),
              ("Load factor", "Employer's load on top of income (1.5 = 50 % social charges)."),
              ("Coefficient de charge", "Charges patronales en plus du revenu (1,5 = 50 % de charges)."),
              "0.00"),
)

#: Defined names of the output blocks' top-left cells, and their maximum sizes.
OUT_FACTS, OUT_BANDS, OUT_CONCENTRATION, OUT_PARETO, OUT_REVIEW = (
    "out_facts", "out_bands", "out_concentration", "out_pareto", "out_review")
MAX_TIERS = 10
PARETO_STEPS = 20

SHEETS = {
    "guide": {"en": "Guide", "fr": "Guide"},
    "parameters": {"en": "Parameters", "fr": "Paramètres"},
    "customers": {"en": "Customers", "fr": "Clients"},
    "tiers": {"en": "Tiers", "fr": "Catégories"},
    "review": {"en": "Review", "fr": "À revoir"},
}

TEXT = {
    "en": {
        "facts": ["Reference gain (mean per client)", "Paying clients", "Prospects", "Users",
                  "Average CAC", "Cost of one day of effort"],
        "bands": ["Tier", "From", "To", "Clients", "Share of clients", "Gain", "Share of gain",
                  "Average gain", "Effort budget", "Effort days"],
        "concentration": ["Largest client's share of gain", "Top 5 clients' share of gain",
                          "HHI (Σ share²)", "Verdict", "One client over 15 % of gain"],
        "verdict": {"diversified": "diversified", "moderate": "moderate", "concentrated": "concentrated"},
        "yesno": ("yes", "no"),
        "pareto": ["Share of clients", "Cumulative share of gain"],
        "review": ["Customer", "Gross margin", "Acquisition cost", "ROI", "Tier"],
    },
    "fr": {
        "facts": ["Gain de référence (moyen par client)", "Clients payants", "Prospects", "Utilisateurs",
                  "Coût moyen d'acquisition", "Coût d'une journée d'effort"],
        "bands": ["Catégorie", "De", "À", "Clients", "Part des clients", "Gain", "Part du gain",
                  "Gain moyen", "Effort de prospection", "Effort (jours)"],
        "concentration": ["Part du gain du plus gros client", "Part du gain des 5 plus gros",
                          "HHI (Σ part²)", "Verdict", "Un client au-delà de 15 % du gain"],
        "verdict": {"diversified": "diversifié", "moderate": "modéré", "concentrated": "concentré"},
        "yesno": ("oui", "non"),
        "pareto": ["Part des clients", "Part cumulée du gain"],
        "review": ["Client", "Marge brute", "Coût d'acquisition", "ROI", "Catégorie"],
    },
}
