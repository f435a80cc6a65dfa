"""The workbook's parameters, as data: each one's defined name, its cells, its default, its
words in English and French (label, explanation) and its number format. The method's
defaults, the command line's options and help, the template's cells and validations and the
refresh read them here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    name: str  # workbook-level defined name
    cells: int  # cells in a row the name covers
    default: tuple
    en: tuple[str, str]  # label, explanation
    fr: tuple[str, str]
    number_format: str = "General"
    optional: bool = False  # a workbook made before the parameter existed refreshes without it
    #: What a cell of it accepts, as Excel's data validation says it: (type, operator, low, high)
    #: (the template writes it; the method checks the same bounds), and the message of a value
    #: refused, in English and French.
    valid: tuple[str, str, float, float | None] | None = None
    invalid: tuple[str, str] = ("", "")


PARAMETERS = (
    Parameter(
        "band",
        9,
        (0.2,),
        (
            "Band",
            "One offset p (0.2 = tiers at ±20 % of the mean gain), or 2 to 9 increasing offsets "
            "left to right for more tiers, e.g. -0.4, -0.2, 0.2, 0.4 for five; or the word "
            "balanced: equal tiers (as many as the labels, else 3).",
        ),
        (
            "Bande",
            "Un écart p (0,2 = catégories à ±20 % du gain moyen), ou 2 à 9 écarts croissants "
            "de gauche à droite pour plus de catégories, p. ex. -0,4 ; -0,2 ; 0,2 ; 0,4 pour cinq ; "
            "ou le mot équilibré : des catégories égales (autant que de libellés, sinon 3).",
        ),
        "0%",
        valid=("decimal", "between", -0.99, 10),
        invalid=("An offset above -1 (0.2 = 20 %).", "Un écart au-dessus de -1 (0,2 = 20 %)."),
    ),
    Parameter(
        "trim",
        1,
        (0,),
        (
            "Trim (extremes left out)",
            "Share of clients left out of the mean, half the smallest and half the largest "
            "(Excel TRIMMEAN rule). 0 keeps everyone.",
        ),
        (
            "Écrêtage (extrêmes écartés)",
            "Part des clients écartés de la moyenne, moitié des plus petits et moitié des plus "
            "grands (règle de SUPPRIMER.EXTREMES / TRIMMEAN). 0 les garde tous.",
        ),
        "0%",
        valid=("decimal", "between", 0, 0.99),
        invalid=("A share from 0 to 0.99.", "Une part de 0 à 0,99."),
    ),
    Parameter(
        "labels",
        10,
        ("A", "B", "C"),
        ("Labels", "Tier names, top tier first; as many as tiers (blank: A, B, C, ...)."),
        ("Libellés", "Noms des catégories, la meilleure d'abord ; autant que de catégories (vide : A, B, C, ...)."),
        "@",
        valid=("textLength", "between", 1, 20),
        invalid=("A short tier name.", "Un nom de catégorie court."),
    ),
    Parameter(
        "cac",
        1,
        (None,),
        ("Average CAC", "Average customer-acquisition cost. Blank: the mean of the clients' acquisition costs."),
        (
            "Coût moyen d'acquisition",
            "Coût moyen d'acquisition d'un client. Vide : la moyenne des coûts d'acquisition des clients.",
        ),
        '#,##0 "€"',
        valid=("decimal", "greaterThanOrEqual", 0, None),
        invalid=("An amount ≥ 0, or blank.", "Un montant ≥ 0, ou vide."),
    ),
    Parameter(
        "annual_income",
        1,
        (24000,),
        ("Annual income", "Yearly income of the person who prospects, to turn budgets into days."),
        ("Revenu annuel", "Revenu annuel de la personne qui prospecte, pour convertir en jours."),
        '#,##0 "€"',
        valid=("decimal", "greaterThan", 0, None),
        invalid=("An amount above 0.", "Un montant au-dessus de 0."),
    ),
    Parameter(
        "margin_rate",
        1,
        (0.5,),
        ("Margin rate", "Gross margin per unit of revenue: 0.5 means 100 of revenue leaves 50."),
        ("Taux de marge", "Marge brute par unité de chiffre d'affaires : 0,5 = 100 de CA laissent 50."),
        "0%",
        valid=("decimal", "between", 0.0001, 1),
        invalid=("A rate above 0 and at most 1.", "Un taux au-dessus de 0 et d'au plus 1."),
    ),
    Parameter(
        "working_days",
        1,
        (218,),
        ("Working days", "Working days per year."),
        ("Jours travaillés", "Jours travaillés par an."),
        "0",
        valid=("decimal", "between", 1, 366),
        invalid=("From 1 to 366 days.", "De 1 à 366 jours."),
    ),
    Parameter(
        "load_factor",
        1,
        (1.5,),
        ("Load factor", "Employer's load on top of income (1.5 = 50 % social charges)."),
        ("Coefficient de charge", "Charges patronales en plus du revenu (1,5 = 50 % de charges)."),
        "0.00",
        valid=("decimal", "greaterThan", 0, None),
        invalid=("A factor above 0.", "Un facteur au-dessus de 0."),
    ),
    Parameter(
        "prospecting_days",
        1,
        (60,),
        (
            "Prospecting days",
            "Days per year available for prospecting: the prospect plan fits "
            "the prospects in them, best tier first. Blank: no plan.",
        ),
        (
            "Jours de prospection",
            "Jours par an disponibles pour prospecter : le plan y fait entrer "
            "les prospects, meilleure catégorie d'abord. Vide : pas de plan.",
        ),
        "0.0",
        optional=True,
        # a tenth of a day at least (an hour or so): fewer gives no plan worth the name, and
        # 1e-320 days made the load infinite
        valid=("decimal", "greaterThanOrEqual", 0.1, None),
        invalid=("0.1 day or more, or blank.", "0,1 jour ou plus, ou vide."),
    ),
    Parameter(
        "currency",
        1,
        ("€",),
        (
            "Currency",
            "The currency every amount of the workbook is shown in: € $ £ CHF or ¥. Changing it "
            "changes how amounts are shown at once, never their values.",
        ),
        (
            "Devise",
            "La devise de tous les montants du classeur : € $ £ CHF ou ¥. La changer change "
            "l'affichage des montants tout de suite, jamais leurs valeurs.",
        ),
        "@",
        optional=True,
    ),
)


def default(name: str):
    """A parameter's default, as the template writes it in its Parameters sheet.

    >>> default("annual_income"), default("band")
    (24000, 0.2)
    """
    return next(p.default for p in PARAMETERS if p.name == name)[0]


def parameter(name: str) -> Parameter:
    """The parameter ``name`` (``prospecting_days``)."""
    return next(p for p in PARAMETERS if p.name == name)
