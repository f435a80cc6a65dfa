"""The words the template writes on its sheets, in English and French: the Guide, the sheets'
titles and notes, the decision loop's block titles, the charts' titles. (The columns' and
parameters' names are the schema's; the words the refresh writes are :mod:`.layout`'s.)"""

from __future__ import annotations

from ..schema.columns import COLUMNS, header
from .styles import BOLD, TITLE


def _span(lang: str, computed: bool) -> str:
    """The table's input (or computed) columns, by their first and last names: the Guide names
    them from the schema (a count went wrong for a book with the movement columns)."""
    names = [getattr(c, lang) for c in COLUMNS if c.computed == computed]
    return f"from {names[0]} to {names[-1]}" if lang == "en" else f"de {names[0]} à {names[-1]}"


STALE_TEXT = {
    "en": ("Inputs at the last refresh (written by Refresh)", "Inputs now (these formulas)"),
    "fr": ("Données à la dernière actualisation (écrites par Actualiser)", "Données maintenant (ces formules)"),
}


GUIDE = {
    "en": [
        ("Client ROI: how much effort does each customer deserve?", TITLE),
        ("", None),
        ('The method ("Le client est R.O.I.")', BOLD),
        (
            "1. Only those who pay are clients. Those who should pay but have not yet are prospects; "
            "those who do not pay are users.",
            None,
        ),
        (
            "2. Tiers: take the mean gain per paying client (gross margin / number of clients, optionally "
            "after trimming the extremes) and draw bands at +20 % and -20 % of it: three tiers. If the tiers "
            "are unbalanced, adjust the percentages; 4 or 5 tiers are fine.",
            None,
        ),
        (
            "3. Effort budget: the average customer-acquisition cost (CAC) scaled by the same percentages "
            "gives one prospecting budget per tier. Spend on a prospect in proportion to its potential.",
            None,
        ),
        (
            "4. Effort in days: budget / (annual income × 2 / 218 × 1.5): 1000 € at 24 000 € a year is about 3 days.",
            None,
        ),
        (
            "5. Watch the concentration (a few big clients are a risk) and the clients who cost more to win "
            "than they bring (Review sheet).",
            None,
        ),
        ("", None),
        ("The decision loop", BOLD),
        (
            "• Harmonious tiers: the band sweep (Tiers sheet) shows, for ±5 % to ±50 %, how many clients "
            "each tier gets and a balance (smallest tier ÷ largest: 1 = equal tiers); the most balanced "
            "row is green. Below it, the balanced band for your number of tiers, ready to copy into band; "
            "or type the word balanced in band.",
            None,
        ),
        (
            "• The prospect plan: set the days you can spend prospecting in a year. The plan takes the "
            "prospects systematically, best tier first and largest expected margin first, while the days "
            "fit (In plan: yes), and shows the load: days needed ÷ days available.",
            None,
        ),
        (
            "• The limit of concessions: type the days already spent on a prospect (Days spent). Days left "
            "is the effort budget in days minus the days spent; below zero the prospect is over budget, "
            "out of the plan and listed on the Review sheet, worst first: stop conceding, or decide to let it go.",
            None,
        ),
        ("", None),
        ("How to use this workbook", BOLD),
        (
            f"• Customers: paste your customers into the table (its columns {_span('en', False)}; "
            f"{header('days_spent', 'en')} may stay empty). Keep the table: add rows at its end. The columns "
            f"{_span('en', True)}, and {header('movement', 'en')} when there are previous tiers, are computed: "
            "do not type in them.",
            None,
        ),
        (
            "• Parameters: change the yellow cells (band, trim, labels, CAC, income...); the currency "
            "changes how every amount is shown, at once.",
            None,
        ),
        (
            "• Press Refresh (Client ROI tab, or the Lite run button), or run "
            "`client-roi refresh THIS.xlsx` (close it in Excel first: the file itself is updated). A "
            "refresh that finds bad input changes nothing and says which cell is wrong.",
            None,
        ),
        (
            "• Tiers: the band summary, budgets, effort days and the concentration of your gains. "
            "Loss-making clients count as 0 in the concentration figures.",
            None,
        ),
        ("• The functions =TIER(), =EFFORT_DAYS() and friends compute the same things in any cell.", None),
    ],
    "fr": [
        ("Client ROI : quel effort mérite chaque client ?", TITLE),
        ("", None),
        ("La méthode (« Le client est R.O.I. »)", BOLD),
        (
            "1. Seuls ceux qui paient sont des clients. Ceux qui doivent payer mais n'ont pas encore payé "
            "sont des prospects ; ceux qui ne paient pas sont des utilisateurs.",
            None,
        ),
        (
            "2. Catégories : prenez le gain moyen par client payant (marge brute / nombre de clients, "
            "éventuellement en ayant enlevé les extrêmes) et tracez des bandes à +20 % et -20 % : trois "
            "catégories. Si elles ne sont pas harmonieuses, ajustez les pourcentages ; 4 ou 5 catégories "
            "conviennent aussi.",
            None,
        ),
        (
            "3. Effort de prospection : le coût moyen d'acquisition d'un client (CAC) multiplié par les mêmes "
            "pourcentages donne un budget par catégorie. On applique le coût proportionnellement au potentiel.",
            None,
        ),
        (
            "4. Effort en jours : budget / (revenu annuel × 2 / 218 × 1,5) : 1000 € pour 24 000 € par an, "
            "environ 3 jours.",
            None,
        ),
        (
            "5. Surveillez la concentration (quelques gros clients sont un risque) et les clients qui coûtent "
            "plus qu'ils ne rapportent (feuille À revoir).",
            None,
        ),
        ("", None),
        ("La boucle de décision", BOLD),
        (
            "• Des catégories harmonieuses : le balayage des bandes (feuille Catégories) montre, de ±5 % à "
            "±50 %, combien de clients reçoit chaque catégorie et un équilibre (plus petite ÷ plus grande : "
            "1 = catégories égales) ; la ligne la plus équilibrée est en vert. En dessous, la bande équilibrée "
            "pour votre nombre de catégories, à copier dans bande ; ou tapez le mot équilibré dans bande.",
            None,
        ),
        (
            "• Le plan de prospection : indiquez les jours que vous pouvez consacrer à prospecter dans l'année. "
            "Le plan prend les prospects systématiquement, meilleure catégorie puis plus grande marge attendue "
            "d'abord, tant que les jours suffisent (Dans le plan : oui), et montre la charge : jours "
            "nécessaires ÷ jours disponibles.",
            None,
        ),
        (
            "• La limite des concessions : notez les jours déjà passés sur un prospect (Jours passés). Jours "
            "restants = l'effort en jours moins les jours passés ; sous zéro, le prospect dépasse son budget, "
            "sort du plan et figure sur la feuille À revoir, le pire d'abord : cessez les concessions, ou "
            "laissez-le partir.",
            None,
        ),
        ("", None),
        ("Mode d'emploi", BOLD),
        (
            f"• Clients : collez vos clients dans le tableau (ses colonnes {_span('fr', False)} ; "
            f"{header('days_spent', 'fr')} peut rester vide). Gardez le tableau : ajoutez des lignes à sa fin. "
            f"Les colonnes {_span('fr', True)}, et {header('movement', 'fr')} quand il y a des catégories "
            "précédentes, sont calculées : n'y tapez rien.",
            None,
        ),
        (
            "• Paramètres : modifiez les cellules jaunes (bande, écrêtage, libellés, CAC, revenu...) ; "
            "la devise change tout de suite l'affichage de tous les montants.",
            None,
        ),
        (
            "• Cliquez sur Actualiser (onglet Client ROI, ou le bouton d'exécution de Lite), ou lancez "
            "`client-roi refresh CE_FICHIER.xlsx` (fermez-le d'abord dans Excel : le fichier lui-même est mis "
            "à jour). Une actualisation qui trouve une erreur ne change rien et indique la cellule fautive.",
            None,
        ),
        (
            "• Catégories : le résumé des bandes, les budgets, l'effort en jours et la concentration des gains. "
            "Les clients à perte comptent pour 0 dans la concentration.",
            None,
        ),
        ("• Les fonctions =TIER(), =EFFORT_DAYS() etc. calculent la même chose dans n'importe quelle cellule.", None),
    ],
}


TITLES = {
    "parameters": {
        "en": ("Parameters", "Change the yellow cells, then press Refresh."),
        "fr": ("Paramètres", "Modifiez les cellules jaunes, puis cliquez sur Actualiser."),
    },
    "tiers": {
        "en": ("Tiers", "Written by Refresh: do not type here."),
        "fr": ("Catégories", "Écrit par Actualiser : n'écrivez rien ici."),
    },
    "review": {
        "en": ("Review: clients who cost more to win than they bring (ROI < 1), worst first", "Written by Refresh."),
        "fr": (
            "À revoir : clients qui ont coûté plus qu'ils ne rapportent (ROI < 1), le pire d'abord",
            "Écrit par Actualiser.",
        ),
    },
    "charts": {
        "en": ("Clients and gain per tier", "Pareto: cumulative share of gain"),
        "fr": ("Clients et gain par catégorie", "Pareto : part cumulée du gain"),
    },
}


GUIDE_WIDTH = 100  # characters per line of the Guide's column A


LOOP_TITLES = {
    "plan": {
        "en": "Prospect plan: the days available, spent by tier",
        "fr": "Plan de prospection : les jours disponibles, par catégorie",
    },
    "sweep": {
        "en": "Band sweep: how harmonious are the tiers? (tier 1 = top; most balanced in green)",
        "fr": "Balayage des bandes : les catégories sont-elles harmonieuses ? (1 = la meilleure ; "
        "la plus équilibrée en vert)",
    },
    "mobility": {
        "en": "Movement: previous tiers (rows) against tiers now (columns), in customers",
        "fr": "Évolution : catégories précédentes (lignes) et actuelles (colonnes), en clients",
    },
    "overrun": {
        "en": "Prospects over budget (days spent > budget days), worst first",
        "fr": "Prospects au-delà du budget (jours passés > jours au budget), le pire d'abord",
    },
}


SWEEP_CHART_TITLE = {  # no-break spaces inside the parenthesis: a title wraps before it, never in it
    "en": "Share of clients per tier across bands (1\u00a0=\u00a0top)",
    "fr": "Part des clients par catégorie selon la bande (1\u00a0=\u00a0la\u00a0meilleure)",
}
