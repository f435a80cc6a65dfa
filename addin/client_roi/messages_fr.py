# ruff: noqa: E501  (a table of sentences: one message a line reads better than split strings)
"""The French of every message, as data: English skeleton → French skeleton
(:mod:`client_roi.messages` matches a finished English sentence to its skeleton and puts the
values, never translated, in the French one's holes)."""

from __future__ import annotations

#: English skeleton (the identifier) → French skeleton, with the same named holes.
FR: dict[str, str] = {
    "{place}: {cause}": "{place} : {cause}",  # a place (file, row, cell) and what is wrong there
    # --- the command line: options -------------------------------------------------------
    "{exc} (separate offsets with ';' or spaces: a comma is a decimal comma)": (
        "{exc} (séparez les écarts par ';' ou des espaces : une virgule est une virgule décimale)"
    ),
    '--column {item!r}: write OUR COLUMN=THE FILE\'S HEADER, e.g. "Gross margin=Marge (k€)"': (
        '--column {item!r} : écrivez NOTRE COLONNE=L\'EN-TÊTE DU FICHIER, p. ex. "Marge brute=Marge (k€)"'
    ),
    "--column {item!r}: '{strip}' is not one of the columns read ({names})": "--column {item!r} : '{strip}' n'est pas une des colonnes lues ({names})",
    "--column {item!r}: '{strip}' is mapped twice": "--column {item!r} : '{strip}' est attribuée deux fois",
    "the amounts show more than one currency: {value}: say which with --currency": (
        "les montants montrent plusieurs devises : {value} : dites laquelle avec --currency"
    ),
    "--tiers goes with --band balanced (otherwise the band's offsets give the tiers)": (
        "--tiers va avec --band balanced (sinon les écarts de la bande donnent les catégories)"
    ),
    "--tiers must be from 2 to {MAX_TIERS}, got {tiers}": "--tiers doit aller de 2 à {MAX_TIERS}, reçu {tiers}",
    "give invoice lines (--transactions) or a customer file, not both (--customers FILE adds one)": (
        "donnez des lignes de factures (--transactions) ou un fichier de clients, pas les deux (--customers FICHIER en ajoute un)"
    ),
    "give a customer file (CUSTOMERS) or invoice lines (--transactions LINES)": (
        "donnez un fichier de clients (CLIENTS) ou des lignes de factures (--transactions LIGNES)"
    ),
    "--{replace} goes with --transactions": "--{replace} va avec --transactions",
    "--months must be a whole number of months, not {months!r}": "--months doit être un nombre entier de mois, pas {months!r}",
    "--months must be at least 1, not {months}": "--months doit valoir au moins 1, pas {months}",
    "{name} is empty": "{name} est vide",
    "customers must be a pandas DataFrame, not {name}": "customers doit être un DataFrame pandas, pas {name}",
    "--{replace}: {exc}": "--{replace} : {exc}",
    "{output}: the output must end with .csv": "{output} : la sortie doit finir par .csv",
    "{book}: is open in Excel ({owner} is beside it): save and close it, then refresh again, or write the refreshed book elsewhere with -o": (
        "{book} : est ouvert dans Excel ({owner} est à côté) : enregistrez-le et fermez-le, puis actualisez à nouveau, ou écrivez le classeur actualisé ailleurs avec -o"
    ),
    "{what}: {text!r} is ambiguous (is the separator a decimal one or a thousands one?); write it without a thousands separator": (
        "{what} : {text!r} est ambigu (le séparateur est-il décimal ou des milliers ?) ; écrivez-le sans séparateur des milliers"
    ),
    "{what}: {text!r} is not a number": "{what} : {text!r} n'est pas un nombre",
    # --- the command line: what it says ----------------------------------------------------
    "reading": "lecture",
    "building": "construction",
    "refreshing": "actualisation",
    "saving": "enregistrement",
    "{name} (rows {rows})": "{name} (lignes {rows})",
    "band in use: {band_text}, the most balanced of the sweep": "bande utilisée : {band_text}, la plus équilibrée du balayage",
    "band in use: {band_text}; most balanced: the balanced band (band = balanced)": (
        "bande utilisée : {band_text} ; la plus équilibrée : la bande équilibrée (bande = équilibré)"
    ),
    "band in use: {band_text}; most balanced band of the sweep: {widest}": "bande utilisée : {band_text} ; bande la plus équilibrée du balayage : {widest}",
    "its widest offset at {best_band:.0%}": "son plus grand écart à {best_band:.0%}",
    "no acquisition cost, so no effort budgets, days or prospect plan: give --cac (the average cost of winning a client), or an 'Acquisition cost' column": (
        "aucun coût d'acquisition, donc ni budgets d'effort, ni jours, ni plan de prospection : donnez --cac (le coût moyen pour gagner un client), ou une colonne « Coût d'acquisition »"
    ),
    "prospect plan: {days_needed} days needed (no prospecting days given)": (
        "plan de prospection : {days_needed} jours nécessaires (aucun jour de prospection donné)"
    ),
    "prospect plan: {days_needed} days needed for {days_available} available: load {load:.0%}": (
        "plan de prospection : {days_needed} jours nécessaires pour {days_available} disponibles : charge {load:.0%}"
    ),
    "wrote {path} ({n_customers:,} customers)": "écrit {path} ({n_customers:,} clients)",
    "amounts in {currency}: {why}": "montants en {currency} : {why}",
    "as the file shows: {where}": "comme le montre le fichier : {where}",
    "the default, as none is shown; --currency to choose": "par défaut, aucune n'étant montrée ; --currency pour choisir",
    "{name}: has {n_header:,} columns, more than a sheet holds ({MAX_COLUMNS:,}): keep the columns you need, then try again": "{name} : a {n_header:,} colonnes, plus qu'une feuille n'en contient ({MAX_COLUMNS:,}) : gardez les colonnes utiles, puis réessayez",
    "{name}: has {n_extras:,} columns of its own, which with the table's {n_COLUMNS} pass a sheet's {MAX_COLUMNS:,} columns: keep the columns you need, then try again": "{name} : a {n_extras:,} colonnes à vous, qui avec les {n_COLUMNS} du tableau dépassent les {MAX_COLUMNS:,} colonnes d'une feuille : gardez les colonnes utiles, puis réessayez",
    "{name}: has no part 'xl/workbook.xml': a zip archive, but no Excel workbook": "{name} : n'a pas de partie « xl/workbook.xml » : une archive zip, mais pas un classeur Excel",
    "{name}: sheet '{sheet}' declares XML entities or a document type, which are refused (a damaged or hostile file)": "{name} : la feuille « {sheet} » déclare des entités XML ou un type de document, refusés (un fichier endommagé ou malveillant)",
    "{name}: sheet '{sheet}' is cut short (its XML stops before </worksheet>): the file is damaged": "{name} : la feuille « {sheet} » est tronquée (son XML s'arrête avant </worksheet>) : le fichier est endommagé",
    "{name}: sheet '{sheet}' has a row {outside}, beyond the sheet's last row 1,048,576: the file is damaged (no spreadsheet writes it)": "{name} : la feuille « {sheet} » a une ligne {outside}, au-delà de la dernière ligne d'une feuille (1 048 576) : le fichier est endommagé (aucun tableur ne l'écrit)",
    "{name}: sheet '{sheet}' has a cell at {outside}, beyond the sheet's last cell XFD1048576: the file is damaged (no spreadsheet writes it)": "{name} : la feuille « {sheet} » a une cellule en {outside}, au-delà de la dernière cellule d'une feuille (XFD1048576) : le fichier est endommagé (aucun tableur ne l'écrit)",
    "{name}: sheet '{sheet}' has row {b} written after row {a}: a sheet's rows are written in order, so the file is damaged; open and save it in Excel or LibreOffice, then try again": "{name} : la feuille « {sheet} » a la ligne {b} écrite après la ligne {a} : les lignes d'une feuille s'écrivent dans l'ordre, le fichier est donc endommagé ; ouvrez-le et enregistrez-le dans Excel ou LibreOffice, puis réessayez",
    "{name}: sheet '{sheet}' spans {rows:,} rows of {max:,} columns (a cell at {highest}), {cells:,} cells: more than can be read ({MAX_CELLS:,}); delete what lies far from the table, save, and try again": "{name} : la feuille « {sheet} » s'étend sur {rows:,} lignes de {max:,} colonnes (une cellule en {highest}), soit {cells:,} cellules : plus qu'on ne peut en lire ({MAX_CELLS:,}) ; supprimez ce qui est loin du tableau, enregistrez, puis réessayez",
    "{name}: the part '{filename}' is encrypted, which no workbook's part is: the file is damaged or tampered": "{name} : la partie « {filename} » est chiffrée, ce qu'aucune partie d'un classeur n'est : le fichier est endommagé ou altéré",
    "{name}: is a password-protected workbook or an old .xls: remove the password in Excel (or save it as .xlsx), then try again": "{name} : est un classeur protégé par mot de passe ou un ancien .xls : retirez le mot de passe dans Excel (ou enregistrez-le en .xlsx), puis réessayez",
    "is {g}: a gain over it passes the double range (give 0 for no cost)": "vaut {g} : un gain divisé par ce coût dépasse la plage des nombres (mettez 0 pour aucun coût)",
    "is {value:g}, beyond ±1e15 (Excel's 15 digits)": "vaut {value:g}, au-delà de ±1e15 (les 15 chiffres d'Excel)",
    "{name}: declares XML entities or a document type, which are refused (a damaged or hostile file)": "{name} : déclare des entités XML ou un type de document, refusés (un fichier endommagé ou malveillant)",
    "{name}: has encrypted parts (a password-protected file): remove the password in Excel, save, and try again": "{name} : a des parties chiffrées (un fichier protégé par mot de passe) : retirez le mot de passe dans Excel, enregistrez, puis réessayez",
    "{name}: the part '{m}' is damaged (its contents do not match their checksum)": "{name} : la partie « {m} » est endommagée (son contenu ne correspond pas à sa somme de contrôle)",
    "{name}: has no part '{part}', which it refers to: the file is damaged": "{name} : n'a pas la partie « {part} », à laquelle il renvoie : le fichier est endommagé",
    "{name}: holds XML that is not well formed ({text}): the file is damaged": "{name} : contient du XML mal formé ({text}) : le fichier est endommagé",
    "{name}: the part '{part}' declares XML entities or a document type, which are refused (a damaged or hostile file)": "{name} : la partie « {part} » déclare des entités XML ou un type de document, refusés (un fichier endommagé ou malveillant)",
    "{name}: the part '{part}' holds XML that is not well formed ({syntax}): the file is damaged": "{name} : la partie « {part} » contient du XML mal formé ({syntax}) : le fichier est endommagé",
    "your own columns, kept in the table after ours: {kept}": "vos propres colonnes, gardées dans le tableau après les nôtres : {kept}",
    "columns not used (the workbook computes them): {ignored}": "colonnes non utilisées (le classeur les calcule) : {ignored}",
    "blank rows skipped: {n:,}": "lignes vides ignorées : {n:,}",
    "total lines skipped (each the sum of the rows above it): {items}": (
        "lignes de total ignorées (chacune la somme des lignes au-dessus) : {items}"
    ),
    "customer names written more than one way (case, spaces), taken as one customer: {spellings_merged:,} spellings merged ({shown})": (
        "noms de clients écrits de plusieurs façons (casse, espaces), comptés comme un seul client : {spellings_merged:,} graphies fusionnées ({shown})"
    ),
    "'{revenue}' × margin rate {rate:g}%": "'{revenue}' × taux de marge {rate:g} %",
    "{name}: --status goes with a status column, and the file has none": (
        "{name} : --status va avec une colonne de statut, et le fichier n'en a pas"
    ),
    "{name}: has '{header}' but no column for '{header2}': give both flags, or neither (then every customer is a paying client)": (
        "{name} : a '{header}' mais pas de colonne pour '{header2}' : donnez les deux indicateurs, ou aucun (chaque client est alors un client payant)"
    ),
    "{name}: column '{text}' holds percents, and a percent is never money: map it as the margin rate (--column \"Margin rate={text}\") beside a revenue column": (
        "{name} : la colonne '{text}' contient des pourcentages, et un pourcentage n'est jamais de l'argent : indiquez-la comme taux de marge (--column \"Taux de marge={text}\") à côté d'une colonne de chiffre d'affaires"
    ),
    "{where}: is blank, and the row has a revenue": "{where} : est vide, et la ligne a un chiffre d'affaires",
    "{where}: {shown} is beyond 100 %: a margin rate is a share of the revenue": (
        "{where} : {shown} dépasse 100 % : un taux de marge est une part du chiffre d'affaires"
    ),
    "{name}: has both '{status}' and '{header}': say the roles one way, by the status or by the flags": (
        "{name} : a à la fois '{status}' et '{header}' : dites les rôles d'une seule façon, par le statut ou par les indicateurs"
    ),
    "{where}: is {v}, not a rate": "{where} : est {v}, pas un taux",
    'is {found}, which no rule reads as a role: say what it means, e.g. --status "{next}=prospect" (client, prospect, lost or user)': (
        "est {found}, qu'aucune règle ne lit comme un rôle : dites ce qu'il signifie, par ex. --status \"{next}=prospect\" (client, prospect, perdu ou utilisateur)"
    ),
    "status item {first} {cause}": "statut, élément {first} {cause}",
    "'{word}={role}': '{role}' is not a role (client, prospect, lost or user)": (
        "'{word}={role}' : '{role}' n'est pas un rôle (client, prospect, perdu ou utilisateur)"
    ),
    "gross margin: {margin_from}": "marge brute : {margin_from}",
    "columns of percents, never read as money: {percents}": "colonnes de pourcentages, jamais lues comme de l'argent : {percents}",
    "no Should pay / Has paid or Status column: every customer is taken as a paying client": (
        "pas de colonne Doit payer / A payé ni Statut : chaque client est compté comme un client payant"
    ),
    "roles from the status column {roles}": "rôles tirés de la colonne de statut {roles}",
    '--status {item!r}: write THE FILE\'S WORD=ROLE, e.g. "Free trial=prospect"': (
        '--status {item!r} : écrivez LE MOT DU FICHIER=RÔLE, par ex. "Free trial=prospect"'
    ),
    "--status {exc}": "--status {exc}",
    "previous tiers typed without a previous margin, kept as typed: {previous_as_typed:,}": (
        "catégories précédentes saisies sans marge précédente, gardées telles quelles : {previous_as_typed:,}"
    ),
    "customers grouped by '{code}', shown by '{name}'": "clients regroupés par '{code}', montrés par '{name}'",
    "{name}: column '{text}' holds percents, and a percent is never money": (
        "{name} : la colonne '{text}' contient des pourcentages, et un pourcentage n'est jamais de l'argent"
    ),
    "{name}: the table '{name2}' on sheet '{sheet}' has the range {ref!r}, which is no range from its top-left cell to its bottom-right one: the file is damaged": (
        "{name} : le tableau '{name2}' de la feuille '{sheet}' a la plage {ref!r}, qui ne va pas de sa cellule en haut à gauche à celle en bas à droite : le fichier est endommagé"
    ),
    "{name}: the customer {who!r} holds the control character U+{ord:04X}, which a workbook cannot hold": (
        "{name} : le client {who!r} contient le caractère de contrôle U+{ord:04X}, qu'un classeur ne peut pas contenir"
    ),
    "{where}: holds the control character U+{ord:04X}, which a workbook cannot hold": (
        "{where} : contient le caractère de contrôle U+{ord:04X}, qu'un classeur ne peut pas contenir"
    ),
    "{name} line {line}: holds a NUL byte, which no text export has (a damaged or binary file)": (
        "{name} ligne {line} : contient un octet NUL, qu'aucun export texte n'a (un fichier endommagé ou binaire)"
    ),
    "the period ending {end} and the one before it would start before the year 1: give a later end (--to)": (
        "la période finissant le {end} et celle d'avant commenceraient avant l'an 1 : donnez une fin plus tardive (--to)"
    ),
    "{name}: holds two parts named '{filename}' (a damaged or tampered file): which one is the workbook cannot be told": (
        "{name} : contient deux parties nommées '{filename}' (un fichier endommagé ou altéré) : on ne peut pas dire laquelle est le classeur"
    ),
    "customers listed more than once, their numbers added up: {items}": (
        "clients listés plusieurs fois, leurs nombres additionnés : {items}"
    ),
    "row {first_row} ({value})": "ligne {first_row} ({value})",
    "read {lines:,} invoice lines of {name} ({what}); period {start} – {end} ({months} months), previous {previous_start} – {previous_end}": (
        "lu {lines:,} lignes de factures de {name} ({what}) ; période {start} – {end} ({months} mois), précédente {previous_start} – {previous_end}"
    ),
    "margin from '{margin}'": "marge tirée de '{margin}'",
    "'{amount}' × margin rate": "'{amount}' × taux de marge",
    "clients: {clients:,}; lost since the previous period (prospects to win back): {lost:,}; left out, lines all older: {older:,}": (
        "clients : {clients:,} ; perdus depuis la période précédente (prospects à reconquérir) : {lost:,} ; laissés de côté, lignes toutes plus anciennes : {older:,}"
    ),
    "lines after {end} left out: {later:,}": "lignes après le {end} laissées de côté : {later:,}",
    "columns not used: {unused}": "colonnes non utilisées : {unused}",
    "gross margins of the customer file replaced by those of the lines: {replaced}{value}": (
        "marges brutes du fichier de clients remplacées par celles des lignes : {replaced}{value}"
    ),
    " and {n:,} more": " et {n:,} autres",
    "wrote {built}": "écrit {built}",
    "refreshed {path}": "actualisé {path}",
    "Paste main.py and requirements.txt into the xlwings Lite editor's tabs of the same names.": (
        "Collez main.py et requirements.txt dans les onglets du même nom de l'éditeur de xlwings Lite."
    ),
    "installed {built}; restart Excel to see the Client ROI tab": "installé {built} ; redémarrez Excel pour voir l'onglet Client ROI",
    "client-roi: {exc}": "client-roi : {exc}",
    "client-roi: {where}{value}": "client-roi : {where}{value}",
    "client-roi: interrupted; nothing was written": "client-roi : interrompu ; rien n'a été écrit",
    "client-roi: unexpected error ({name}: {exc}); nothing was written. Please report it (CLIENT_ROI_DEBUG=1 shows the details)": (
        "client-roi : erreur inattendue ({name} : {exc}) ; rien n'a été écrit. Merci de la signaler (CLIENT_ROI_DEBUG=1 montre les détails)"
    ),
    # --- Excel's functions and the add-in --------------------------------------------------
    "tiers must be 3 or more in Excel: a 2-tier band is one offset, which band reads as ±p": (
        "il faut 3 catégories ou plus dans Excel : une bande à 2 catégories est un seul écart, que band lit comme ±p"
    ),
    "role must have as many cells as current_tier": "role doit avoir autant de cellules que current_tier",
    "previous_tier and current_tier must have as many cells": "previous_tier et current_tier doivent avoir autant de cellules",
    "no tier in previous_tier or current_tier": "aucune catégorie dans previous_tier ou current_tier",
    "the xlwings template has no {TEMPLATE_UI}": "le modèle de xlwings n'a pas de {TEMPLATE_UI}",
    "the xlwings template's _rels/.rels does not link the ribbon part": (
        "le _rels/.rels du modèle de xlwings ne relie pas la partie du ruban"
    ),
    "no desktop Excel found on this system ({system}): nothing installed. {manual}": (
        "aucun Excel de bureau trouvé sur ce système ({system}) : rien n'a été installé. {manual}"
    ),
    "{target} exists; use --force to replace it": "{target} existe ; utilisez --force pour le remplacer",
    "this xlwings ({version}) has no quickstart_addin_ribbon.xlam": "ce xlwings ({version}) n'a pas de quickstart_addin_ribbon.xlam",
    "expected one ribbon callback in the xlwings template, found {actions}": (
        "un seul rappel de ruban attendu dans le modèle de xlwings, trouvé {actions}"
    ),
    "ribbon must have the one tab {TAB_ID!r}, found {tabs}": "le ruban doit avoir le seul onglet {TAB_ID!r}, trouvé {tabs}",
    "ribbon button {get!r} is not wired to {callback}": "le bouton du ruban {get!r} n'est pas relié à {callback}",
    "the xlwings template has no {CONF_SHEET_OFF} sheet": "le modèle de xlwings n'a pas de feuille {CONF_SHEET_OFF}",
    "the xlwings template's config sheet has no {key!r} row": "la feuille config du modèle de xlwings n'a pas de ligne {key!r}",
    # --- files: reading ----------------------------------------------------------------------
    "{name}: unknown encoding {encoding!r}": "{name} : encodage inconnu {encoding!r}",
    "{name}: is not {encoding} (byte {start}: 0x{raw:02X})": "{name} : n'est pas en {encoding} (octet {start} : 0x{raw:02X})",
    "{name}: starts like {label} but byte {start} is not (0x{raw:02X})": "{name} : commence comme {label} mais l'octet {start} n'en est pas (0x{raw:02X})",
    "{name}: cannot tell its encoding (not UTF-8, Windows-1252 or Mac Roman); save it as CSV UTF-8 or say --encoding": (
        "{name} : son encodage ne peut être déterminé (ni UTF-8, ni Windows-1252, ni Mac Roman) ; enregistrez-le en CSV UTF-8 ou dites --encoding"
    ),
    "{name}: reads as {labels} ({word!r}) or {labels2} ({other!r}); say --encoding {best} or --encoding {rival}, or save it as CSV UTF-8": (
        "{name} : se lit en {labels} ({word!r}) ou en {labels2} ({other!r}) ; dites --encoding {best} ou --encoding {rival}, ou enregistrez-le en CSV UTF-8"
    ),
    "{name}: the file is empty": "{name} : le fichier est vide",
    "{name}: cannot tell its separator (tried , ; tab |); a row near the top should name the columns": (
        "{name} : son séparateur ne peut être déterminé (essayés : , ; tabulation |) ; une ligne en haut devrait nommer les colonnes"
    ),
    "{name} row {line_num}: {exc}": "{name} ligne {line_num} : {exc}",
    "{name}: cannot be read as a workbook ({name2}: {text})": "{name} : ne peut être lu comme un classeur ({name2} : {text})",
    "{name} cell '{sheet}'!{ref} (column '{header}'): {why}": "{name} cellule '{sheet}'!{ref} (colonne '{header}') : {why}",
    "{name}: has no sheet '{sheet_name}' (its sheets: {sheet_names})": "{name} : n'a pas de feuille '{sheet_name}' (ses feuilles : {sheet_names})",
    "{name}: the sheet '{first}' is empty": "{name} : la feuille '{first}' est vide",
    "{where}: has {n_text:,} characters; an Excel cell holds at most {MAX_CELL_TEXT:,}": "{where} : a {n_text:,} caractères ; une cellule Excel en tient au plus {MAX_CELL_TEXT:,}",
    "{where}: contains the control character U+{ord:04X}, which a workbook cannot hold": (
        "{where} : contient le caractère de contrôle U+{ord:04X}, qu'un classeur ne peut pas contenir"
    ),
    "{name}: has no column '{text}' for '{wanted}' (found: {header})": "{name} : n'a pas de colonne '{text}' pour '{wanted}' (trouvées : {header})",
    "{name}: columns '{header}' and '{h}' both mean '{header2}'": "{name} : les colonnes '{header}' et '{h}' veulent toutes deux dire '{header2}'",
    '{name}: no column for {what} (found: {header}); if one of them is it, say which: --column "{names}=ITS HEADER"': (
        "{name} : pas de colonne pour {what} (trouvées : {header}) ; si l'une d'elles l'est, dites laquelle : --column \"{names}=SON EN-TÊTE\""
    ),
    "{name} row {first_row}: has {n_r} fields, the header {width}": "{name} ligne {first_row} : a {n_r} champs, l'en-tête {width}",
    "{name}: has {n_origin:,} customer rows, and the Customers sheet holds at most {MAX_ROWS:,} below its header (Excel's limit of {MAX_ROWS2:,} rows): split the file": (
        "{name} : a {n_origin:,} lignes de clients, et la feuille Clients en tient au plus {MAX_ROWS:,} sous son en-tête (la limite d'Excel de {MAX_ROWS2:,} lignes) : scindez le fichier"
    ),
    "{where}: {name} looks like a total line, but its gross margin ({value}) is not the sum of the rows above it ({above}): remove the line, or rename the customer": (
        "{where} : {name} ressemble à une ligne de total, mais sa marge brute ({value}) n'est pas la somme des lignes au-dessus ({above}) : supprimez la ligne, ou renommez le client"
    ),
    "{where}: {shown} is listed again (first at row {j}): a customer listed twice would count twice; merge the rows, or say --merge-duplicates to add up their numbers": (
        "{where} : {shown} apparaît de nouveau (d'abord à la ligne {j}) : un client listé deux fois compterait deux fois ; fusionnez les lignes, ou dites --merge-duplicates pour additionner leurs nombres"
    ),
    "{where}: {name} is listed again (first at row {j}) with another '{header}': the rows cannot be merged": (
        "{where} : {name} apparaît de nouveau (d'abord à la ligne {j}) avec un autre '{header}' : les lignes ne peuvent être fusionnées"
    ),
    "{where}: is {v}, not a number": "{where} : est {v}, pas un nombre",
    "{where}: is {x}, not a finite number": "{where} : est {x}, pas un nombre fini",
    "{source}: no such file": "{source} : fichier introuvable",
    "{source}: is not a file": "{source} : n'est pas un fichier",
    "{path}: cannot be read (permission denied)": "{path} : ne peut être lu (permission refusée)",
    "{name}: --sheet is for workbooks; a text export has one table": (
        "{name} : --sheet est pour les classeurs ; un export texte a un seul tableau"
    ),
    "{name} row {first_row}": "{name} ligne {first_row}",
    "{name}: expected a text export ({TEXT_SUFFIXES}) or a workbook ({BOOK_SUFFIXES})": "{name} : un export texte ({TEXT_SUFFIXES}) ou un classeur ({BOOK_SUFFIXES}) était attendu",
    "{name} cell {cell}": "{name} cellule {cell}",
    "{place} (customer {i}), column '{header}'": "{place} (client {i}), colonne '{header}'",
    "{name}, header '{header}'": "{name}, en-tête '{header}'",
    "is text {text}, not a number{value}": "est le texte {text}, pas un nombre{value}",
    " (a dash is how an accounting format shows a zero: type 0, or leave the cell blank)": (
        " (un tiret est la façon dont un format comptable montre un zéro : tapez 0, ou laissez la cellule vide)"
    ),
    "is text {shown}{value}": "est le texte {shown}{value}",
    " (not a number with {decimal})": " (pas un nombre avec {decimal})",
    "a decimal point": "un point décimal",
    "a decimal comma": "une virgule décimale",
    "{shown} needs a decimal point but {shown2} a decimal comma: one column, one convention": (
        "{shown} demande un point décimal mais {shown2} une virgule décimale : une colonne, une convention"
    ),
    "{texts!r} reads {parsed:g} with a decimal point or {parsed2:g} with a decimal comma, and no other value tells which: say --decimal . or --decimal ,": (
        "{texts!r} se lit {parsed:g} avec un point décimal ou {parsed2:g} avec une virgule décimale, et aucune autre valeur ne dit laquelle : dites --decimal . ou --decimal ,"
    ),
    # --- files: invoice lines and databases ----------------------------------------------------
    '{name}: PostgreSQL sources need psycopg: python -m pip install "psycopg[binary]" (the [postgres] extra of client-roi)': (
        '{name} : les sources PostgreSQL demandent psycopg : python -m pip install "psycopg[binary]" (l\'extra [postgres] de client-roi)'
    ),
    "{name}: a password in the URL would stay in your shell's history; give it in PGPASSWORD or ~/.pgpass instead": (
        "{name} : un mot de passe dans l'URL resterait dans l'historique de votre shell ; donnez-le plutôt dans PGPASSWORD ou ~/.pgpass"
    ),
    "{name}: cannot connect ({exc})": "{name} : connexion impossible ({exc})",
    "--engine spark needs PySpark: pip install pyspark (and Java 17)": (
        "--engine spark demande PySpark : pip install pyspark (et Java 17)"
    ),
    "--column: '{wanted}' is not a column of invoice lines ({value})": "--column : '{wanted}' n'est pas une colonne des lignes de factures ({value})",
    "{name}: {doubtful:,} of its {count:,} lines lack a customer, a date or an amount, or have an amount with more than {scale} decimals": (
        "{name} : {doubtful:,} de ses {count:,} lignes n'ont pas de client, de date ou de montant, ou ont un montant à plus de {scale} décimales"
    ),
    "{name}: has no invoice lines": "{name} : n'a aucune ligne de facture",
    "{name}: --to {end} is before every line (the first is on {first})": "{name} : --to {end} est avant toutes les lignes (la première est du {first})",
    "{name}: no line in the period {start} – {end} (the lines run from {first} to {last}); say --to or --months": (
        "{name} : aucune ligne dans la période {start} – {end} (les lignes vont du {first} au {last}) ; dites --to ou --months"
    ),
    "{name}: a customer's total has more than 15 digits; it cannot be summed exactly": (
        "{name} : le total d'un client a plus de 15 chiffres ; il ne peut être additionné exactement"
    ),
    "{name}: --engine spark reads Parquet (a file or a folder)": "{name} : --engine spark lit du Parquet (un fichier ou un dossier)",
    "{name}: expected a text export ({TEXT_SUFFIXES}), a workbook ({BOOK_SUFFIXES}) or a Parquet file (.parquet)": (
        "{name} : un export texte ({TEXT_SUFFIXES}), un classeur ({BOOK_SUFFIXES}) ou un fichier Parquet (.parquet) était attendu"
    ),
    "cell '{sheet}'!{column_letter}{top}": "cellule '{sheet}'!{column_letter}{top}",
    "{place}, column '{header}'": "{place}, colonne '{header}'",
    "{i}: is blank; a line needs a customer, a date and an amount (nor is it a total line: its amount is not the sum of the lines above it)": (
        "{i} : est vide ; une ligne a besoin d'un client, d'une date et d'un montant (et ce n'est pas une ligne de total : son montant n'est pas la somme des lignes au-dessus)"
    ),
    "{i}: {strip!r} looks like a total line, but its amount is not the sum of the lines above it: remove the line, or rename the customer": (
        "{i} : {strip!r} ressemble à une ligne de total, mais son montant n'est pas la somme des lignes au-dessus : retirez la ligne, ou renommez le client"
    ),
    "{where}: is blank; a line needs a customer, a date and an amount": (
        "{where} : est vide ; une ligne a besoin d'un client, d'une date et d'un montant"
    ),
    "{n}: {v:g} is not a date (nor an Excel date serial)": "{n} : {v:g} n'est pas une date (ni un numéro de série de date Excel)",
    "{n}: {texts!r} has {scale} decimals; an amount may have at most {MAX_SCALE}": "{n} : {texts!r} a {scale} décimales ; un montant peut en avoir au plus {MAX_SCALE}",
    "{n}: {texts!r} has too many digits to be summed exactly": "{n} : {texts!r} a trop de chiffres pour être additionné exactement",
    "{name}: column '{d}' is {lower}, not a date: store it as a date, or convert it in a query": (
        "{name} : la colonne '{d}' est {lower}, pas une date : stockez-la comme date, ou convertissez-la dans une requête"
    ),
    "{name}: column '{m}' is {lower}, not a number: store amounts as numbers": (
        "{name} : la colonne '{m}' est {lower}, pas un nombre : stockez les montants comme nombres"
    ),
    "{name}: column '{m}' has amounts with more than {MAX_SCALE} decimals": "{name} : la colonne '{m}' a des montants à plus de {MAX_SCALE} décimales",
    '{url}: say which lines: --table NAME or --query "SELECT …"': (
        '{url} : dites quelles lignes : --table NOM ou --query "SELECT …"'
    ),
    "{name}: --table and --query go with a database: a postgresql:// URL or a DuckDB file ({DUCKDB_SUFFIXES}); give a file of lines without them": (
        "{name} : --table et --query vont avec une base de données : une URL postgresql:// ou un fichier DuckDB ({DUCKDB_SUFFIXES}) ; donnez un fichier de lignes sans eux"
    ),
    "{url}: no such DuckDB database": "{url} : base DuckDB introuvable",
    "{name}: cannot be opened as a DuckDB database ({splitlines})": "{name} : ne peut être ouvert comme base DuckDB ({splitlines})",
    "--query: cannot be read as {dialect} SQL ({splitlines})": "--query : ne peut être lu comme du SQL {dialect} ({splitlines})",
    "{name}, customer '{who}', column '{column}': {why}": "{name}, client '{who}', colonne '{column}' : {why}",
    "{start}–{end} (previous {previous_start}–{previous_end})": "{start}–{end} (précédente {previous_start}–{previous_end})",
    # --- files: writing ------------------------------------------------------------------------
    "{path}: the output must end with {suffixes}": "{path} : la sortie doit finir par {suffixes}",
    "{path}: the output must end with .xlsx{value}": "{path} : la sortie doit finir par .xlsx{value}",
    "{path}: the workbook has macros; write it as .xlsm to keep them": (
        "{path} : le classeur a des macros ; écrivez-le en .xlsm pour les garder"
    ),
    "{path}: the workbook has no macros; write it as .xlsx": "{path} : le classeur n'a pas de macros ; écrivez-le en .xlsx",
    "{path}: will not overwrite the input file; choose another output": (
        "{path} : le fichier d'entrée ne sera pas écrasé ; choisissez une autre sortie"
    ),
    "{path}: exists and is not a regular file; choose another output": (
        "{path} : existe et n'est pas un fichier ordinaire ; choisissez une autre sortie"
    ),
    "{path}: the folder {parent} does not exist": "{path} : le dossier {parent} n'existe pas",
    "{path}: cannot write in {parent} ({strerror})": "{path} : impossible d'écrire dans {parent} ({strerror})",
    "{name}: is saved as a Strict Open XML Spreadsheet, which is not read here; in Excel, File > Save As > 'Excel Workbook (*.xlsx)' (or 'Excel Macro-Enabled Workbook'), then try again": (
        "{name} : est enregistré en « Feuille de calcul Open XML Strict », qui n'est pas lue ici ; dans Excel, Fichier > Enregistrer sous > « Classeur Excel (*.xlsx) » (ou « Classeur Excel prenant en charge les macros »), puis réessayez"
    ),
    "{name}: not an .xlsx file (not a zip archive)": "{name} : pas un fichier .xlsx (pas une archive zip)",
    "{name}: expands to {total:.1f} GB; refused": "{name} : se décompresse en {total:.1f} Go ; refusé",
    # --- the method's arguments ----------------------------------------------------------------
    "{name} has no numbers (only blanks)": "{name} n'a aucun nombre (que des vides)",
    "{name} must be a number, got {value}": "{name} doit être un nombre, reçu {value}",
    "{name} must be a finite number, got {x}": "{name} doit être un nombre fini, reçu {x}",
    "{name} must be in {rng}, got {x:g}": "{name} doit être dans {rng}, reçu {x:g}",
    "{what} overflows (beyond ±{max:.3g}); check the magnitudes": "{what} déborde (au-delà de ±{max:.3g}) ; vérifiez les ordres de grandeur",
    "a boolean ({value})": "un booléen ({value})",
    "the error value {upper}": "la valeur d'erreur {upper}",
    "text {shown!r}": "le texte {shown!r}",
    "infinite ({value})": "infini ({value})",
    "{name} item {position} {cause}": "{name} élément {position} {cause}",
    "{index} (row {row}, column {col})": "{index} (ligne {row}, colonne {col})",
    "is {value}": "est {value}",
    "blank": "vide",
    "is blank": "est vide",
    "the sum of {name}": "la somme de {name}",
    "is {v}; expected yes/no, oui/non, true/false or 1/0": "est {v} ; attendu oui/non, yes/no, true/false ou 1/0",
    "is blank but has_paid is filled": "est vide alors que has_paid (A payé) est rempli",
    "is {g}; costs must be ≥ 0": "est {g} ; les coûts doivent être ≥ 0",
    "an effort budget": "un budget d'effort",
    "is {g}; effort must be ≥ 0": "est {g} ; l'effort doit être ≥ 0",
    "the cost of one day": "le coût d'une journée",
    "effort in days": "l'effort en jours",
    "is {g}; days spent must be ≥ 0": "est {g} ; les jours passés doivent être ≥ 0",
    "a quantile of the population": "un quantile de la population",
    "is {g}; offsets must be > {low}": "est {g} ; les écarts doivent être > {low}",
    "({text!r}) must not start with '#'": "({text!r}) ne doit pas commencer par '#'",
    "a band threshold": "un seuil de bande",
    "holds the error value {value}": "contient la valeur d'erreur {value}",
    "holds the formula ={formula} with no computed value: open and save the file in Excel or LibreOffice, then try again": (
        "contient la formule ={formula} sans valeur calculée : ouvrez et enregistrez le fichier dans Excel ou LibreOffice, puis réessayez"
    ),
    "population mean gain is {mean}; tiers need a positive mean gain{value}": (
        "le gain moyen de la population est {mean} ; les catégories demandent un gain moyen positif{value}"
    ),
    "band is empty": "la bande est vide",
    "band has {size} offsets; at most {MAX_TIERS} ({MAX_TIERS2} tiers) are allowed": (
        "la bande a {size} écarts ; au plus {MAX_TIERS} ({MAX_TIERS2} catégories) sont permis"
    ),
    "band offsets must be strictly increasing; item {i} ({g}) is not above item {i2} ({g2})": (
        "les écarts de la bande doivent croître strictement ; l'élément {i} ({g}) n'est pas au-dessus de l'élément {i2} ({g2})"
    ),
    "labels has {size} item(s) but the band gives {k} tiers": "labels a {size} élément(s) mais la bande donne {k} catégories",
    "labels must be distinct, got {out}": "les libellés doivent être distincts, reçu {out}",
    "band 'balanced' needs the population": "la bande « équilibré » demande la population",
    "tiers must be a whole number from 2 to {MAX_TIERS}, got {tiers}": "tiers doit être un nombre entier de 2 à {MAX_TIERS}, reçu {tiers}",
    "tiers must be from 2 to {MAX_TIERS}, got {tiers}": "tiers doit aller de 2 à {MAX_TIERS}, reçu {tiers}",
    "population's {j}/{tiers} quantile is {q}; balanced bands need positive thresholds (too many customers with no or negative gain)": (
        "le quantile {j}/{tiers} de la population est {q} ; les bandes équilibrées demandent des seuils positifs (trop de clients sans gain ou à gain négatif)"
    ),
    "population has too many equal gains for {tiers} tiers: the {j}/{tiers} and {j2}/{tiers} quantiles are both {g}; ask for fewer tiers": (
        "la population a trop de gains égaux pour {tiers} catégories : les quantiles {j}/{tiers} et {j2}/{tiers} valent tous deux {g} ; demandez moins de catégories"
    ),
    "population's {j}/{tiers} and {j2}/{tiers} quantiles ({g} and {g2}) are too close for two distinct thresholds; ask for fewer tiers": (
        "les quantiles {j}/{tiers} et {j2}/{tiers} de la population ({g} et {g2}) sont trop proches pour deux seuils distincts ; demandez moins de catégories"
    ),
    "k must be in [0, 1], got {k!r}": "k doit être dans [0, 1], reçu {k!r}",
    "({text!r}) is over {longest} characters": "({text!r}) dépasse {longest} caractères",
    "{name} is blank: give a number": "{name} est vide : donnez un nombre",
    "gain has {size} items but acquisition_cost has {size2}": "gain a {size} éléments mais acquisition_cost en a {size2}",
    "population has no positive gain; a share of the gain needs one": (
        "la population n'a aucun gain positif ; une part du gain en demande un"
    ),
    "top_n must be a whole number ≥ 1, got {top_n}": "top_n doit être un nombre entier ≥ 1, reçu {top_n}",
    "should_pay has {size} items but has_paid has {size2}": "should_pay a {size} éléments mais has_paid en a {size2}",
    "cac is blank: give a number or acquisition costs": "cac est vide : donnez un nombre ou des coûts d'acquisition",
    "cac must be ≥ 0, got {g}": "cac doit être ≥ 0, reçu {g}",
    "no paying client has a gross margin: nothing to tier against": (
        "aucun client payant n'a de marge brute : rien pour établir les catégories"
    ),
    "the previous period's clients cannot be tiered: {exc}": (
        "les clients de la période précédente ne peuvent être répartis en catégories : {exc}"
    ),
    "currency is {value}: give one of {CURRENCIES} (or EUR, USD, GBP, CHF, JPY)": (
        "currency est {value} : donnez l'une de {CURRENCIES} (ou EUR, USD, GBP, CHF, JPY)"
    ),
    "is {value}, not one of {CURRENCIES}": "est {value}, pas l'une de {CURRENCIES}",
    "{name} row {i} is {v}, not one of the tiers {labels}": "{name} ligne {i} est {v}, pas une des catégories {labels}",
    "is {v}, not one of the tiers {labels}": "est {v}, pas une des catégories {labels}",
    "previous_tier and tier must have the same length": "previous_tier et tier doivent avoir la même longueur",
    "months must be a whole number of months from 1 to {MAX_MONTHS}, not {months!r}": (
        "months doit être un nombre entier de mois de 1 à {MAX_MONTHS}, pas {months!r}"
    ),
    "a band needs at least one offset": "une bande a besoin d'au moins un écart",
    "balance needs at least one customer in a tier": "l'équilibre demande au moins un client dans une catégorie",
    "bands has no numbers (only blanks)": "bands n'a aucun nombre (que des vides)",
    # --- the workbook's refresh -------------------------------------------------------------------
    "the workbook has no table named '{name}'": "le classeur n'a pas de tableau nommé '{name}'",
    "{where}: holds the formula {value}, whose value cannot be read here": (
        "{where} : contient la formule {value}, dont la valeur ne peut être lue ici"
    ),
    "the defined name '{name}' is ={attr_text}, not a range of cells: point it at its cells again (Formulas > Name Manager)": (
        "le nom défini '{name}' est ={attr_text}, pas une plage de cellules : faites-le pointer de nouveau sur ses cellules (Formules > Gestionnaire de noms)"
    ),
    "{cell_name}: column '{name}' repeats '{header}' in table {TABLE}": "{cell_name} : la colonne '{name}' répète '{header}' dans le tableau {TABLE}",
    "table {TABLE} on sheet '{sheet}' has no column {value}": "le tableau {TABLE} de la feuille '{sheet}' n'a pas de colonne {value}",
    "the workbook has no defined name '{name}' (Parameters)": "le classeur n'a pas de nom défini '{name}' (Paramètres)",
    "parameter '{name}': {exc}": "paramètre '{name}' : {exc}",
    "{cell_name} (column '{header}'): {values!r} is typed just below table {TABLE}, outside it, so it would be left out: resize the table to include that row (Table Design > Resize Table), or move it": (
        "{cell_name} (colonne '{header}') : {values!r} est tapé juste sous le tableau {TABLE}, hors de lui, et serait donc laissé de côté : redimensionnez le tableau pour inclure cette ligne (Création de tableau > Redimensionner le tableau), ou déplacez-le"
    ),
    "{where} (column '{header}', customer row {item}): {cause}": "{where} (colonne '{header}', ligne de client {item}) : {cause}",
    "{where} (parameter '{argument}'): {exc}": "{where} (paramètre '{argument}') : {exc}",
    "table {TABLE} on sheet '{sheet}': {exc}": "tableau {TABLE} de la feuille '{sheet}' : {exc}",
    "{cell_name} ({name}): its {n_block:,} rows would go past the sheet's last row, {MAX_ROWS:,} (Excel's limit)": (
        "{cell_name} ({name}) : ses {n_block:,} lignes iraient au-delà de la dernière ligne de la feuille, {MAX_ROWS:,} (la limite d'Excel)"
    ),
    "the workbook has no defined name '{name}'": "le classeur n'a pas de nom défini '{name}'",
    "not a cell range: {ref!r}": "pas une plage de cellules : {ref!r}",
    "{n:,} customers, and the Customers sheet holds at most {limit:,} below its header (Excel's limit of {limit2:,} rows): take a shorter period, or split the customers": (
        "{n:,} clients, et la feuille Clients en tient au plus {limit:,} sous son en-tête (la limite d'Excel de {limit2:,} lignes) : prenez une période plus courte, ou scindez les clients"
    ),
    # --- the workbook's words: sheets, columns, parameters, blocks, titles, the Guide -----------
    "client": "client",
    "prospect": "prospect",
    "user": "utilisateur",
    "yes": "oui",
    "no": "non",
    "up": "monte",
    "down": "descend",
    "same": "stable",
    "new": "nouveau",
    "lost": "perdu",
    "Total": "Total",
    "Reference gain (mean per client)": "Gain de référence (moyen par client)",
    "Paying clients": "Clients payants",
    "Prospects": "Prospects",
    "Users": "Utilisateurs",
    "Average CAC": "Coût moyen d'acquisition",
    "Cost of one day of effort": "Coût d'une journée d'effort",
    "Tier": "Catégorie",
    "From": "De",
    "To": "À",
    "Clients": "Clients",
    "Share of clients": "Part des clients",
    "Gain": "Gain",
    "Share of gain": "Part du gain",
    "Average gain": "Gain moyen",
    "Effort budget": "Effort de prospection",
    "Effort days": "Effort (jours)",
    "Largest client's share of gain": "Part du gain du plus gros client",
    "Top 5 clients' share of gain": "Part du gain des 5 plus gros",
    "HHI concentration index (Σ share², 0 to 1)": "Indice de concentration HHI (Σ part², 0 à 1)",
    "Verdict": "Verdict",
    "One client over 15 % of gain": "Un client au-delà de 15 % du gain",
    "diversified": "diversifié",
    "moderate": "modéré",
    "concentrated": "concentré",
    "Cumulative share of gain": "Part cumulée du gain",
    "Customer": "Client",
    "Gross margin": "Marge brute",
    "Acquisition cost": "Coût d'acquisition",
    "ROI": "ROI",
    "None to review: no client has an acquisition cost, so no ROI is known.": "Aucun à revoir : aucun client n'a de coût d'acquisition, donc aucun ROI n'est connu.",
    "None to review: every client brings at least what it cost (ROI ≥ 1).": "Aucun à revoir : chaque client rapporte au moins ce qu'il a coûté (ROI ≥ 1).",
    "Budget days": "Jours au budget",
    "Days spent": "Jours passés",
    "Spent ÷ budget": "Passés ÷ budget",
    "In the plan": "Dans le plan",
    "Days available for prospecting": "Jours disponibles pour prospecter",
    "Load (days needed ÷ available)": "Charge (jours nécessaires ÷ disponibles)",
    "Band": "Bande",
    "Balance": "Équilibre",
    "Share": "Part",
    "in use": "en cours",
    "balanced": "équilibrée",
    "Balanced band, {k} tiers (copy into band):": "Bande équilibrée, {k} catégories (à copier) :",
    "no balanced band for {k} tiers: {why}": "pas de bande équilibrée pour {k} catégories : {why}",
    "Previous tier \\ now": "Catégorie précédente \\ actuelle",
    "Gain then": "Gain alors",
    "Gain now": "Gain maintenant",
    "No previous tiers: add a 'Previous tier' column to the Customers table (last period's tiers), or fill from invoice lines, to see who moves.": "Pas de catégories précédentes : ajoutez une colonne « Catégorie précédente » au tableau Clients (celles de la période passée), ou partez des lignes de factures, pour voir qui bouge.",
    "Guide": "Guide",
    "Parameters": "Paramètres",
    "Customers": "Clients",
    "Tiers": "Catégories",
    "Review": "À revoir",
    "Inputs at the last refresh (written by Refresh)": "Données à la dernière actualisation (écrites par Actualiser)",
    "Inputs now (these formulas)": "Données maintenant (ces formules)",
    "Change the yellow cells, then press Refresh.": "Modifiez les cellules jaunes, puis cliquez sur Actualiser.",
    "Written by Refresh: do not type here.": "Écrit par Actualiser : n'écrivez rien ici.",
    "Review: clients who cost more to win than they bring (ROI < 1), worst first": "À revoir : clients qui ont coûté plus qu'ils ne rapportent (ROI < 1), le pire d'abord",
    "Written by Refresh.": "Écrit par Actualiser.",
    "Clients and gain per tier": "Clients et gain par catégorie",
    "Pareto: cumulative share of gain": "Pareto : part cumulée du gain",
    "Prospect plan: the days available, spent by tier": "Plan de prospection : les jours disponibles, par catégorie",
    "Band sweep: how harmonious are the tiers? (tier 1 = top; most balanced in green)": "Balayage des bandes : les catégories sont-elles harmonieuses ? (1 = la meilleure ; la plus équilibrée en vert)",
    "Movement: previous tiers (rows) against tiers now (columns), in customers": "Évolution : catégories précédentes (lignes) et actuelles (colonnes), en clients",
    "Prospects over budget (days spent > budget days), worst first": "Prospects au-delà du budget (jours passés > jours au budget), le pire d'abord",
    "Share of clients per tier across bands (1\u00a0=\u00a0top)": "Part des clients par catégorie selon la bande (1\u00a0=\u00a0la\u00a0meilleure)",
    "Inputs changed since the last refresh: click Refresh": "Données modifiées depuis la dernière actualisation : cliquez sur Actualiser",
    "Client ROI: how much effort does each customer deserve?": "Client ROI : quel effort mérite chaque client ?",
    'The method ("Le client est R.O.I.")': "La méthode (« Le client est R.O.I. »)",
    "1. Only those who pay are clients. Those who should pay but have not yet are prospects; those who do not pay are users.": "1. Seuls ceux qui paient sont des clients. Ceux qui doivent payer mais n'ont pas encore payé sont des prospects ; ceux qui ne paient pas sont des utilisateurs.",
    "2. Tiers: take the mean gain per paying client (gross margin / number of clients, optionally after trimming the extremes) and draw bands at +20 % and -20 % of it: three tiers. If the tiers are unbalanced, adjust the percentages; 4 or 5 tiers are fine.": "2. Catégories : prenez le gain moyen par client payant (marge brute / nombre de clients, éventuellement en ayant enlevé les extrêmes) et tracez des bandes à +20 % et -20 % : trois catégories. Si elles ne sont pas harmonieuses, ajustez les pourcentages ; 4 ou 5 catégories conviennent aussi.",
    "3. Effort budget: the average customer-acquisition cost (CAC) scaled by the same percentages gives one prospecting budget per tier. Spend on a prospect in proportion to its potential.": "3. Effort de prospection : le coût moyen d'acquisition d'un client (CAC) multiplié par les mêmes pourcentages donne un budget par catégorie. On applique le coût proportionnellement au potentiel.",
    "4. Effort in days: budget / (annual income × 2 / 218 × 1.5): 1000 € at 24 000 € a year is about 3 days.": "4. Effort en jours : budget / (revenu annuel × 2 / 218 × 1,5) : 1000 € pour 24 000 € par an, environ 3 jours.",
    "5. Watch the concentration (a few big clients are a risk) and the clients who cost more to win than they bring (Review sheet).": "5. Surveillez la concentration (quelques gros clients sont un risque) et les clients qui coûtent plus qu'ils ne rapportent (feuille À revoir).",
    "The decision loop": "La boucle de décision",
    "• Harmonious tiers: the band sweep (Tiers sheet) shows, for ±5 % to ±50 %, how many clients each tier gets and a balance (smallest tier ÷ largest: 1 = equal tiers); the most balanced row is green. Below it, the balanced band for your number of tiers, ready to copy into band; or type the word balanced in band.": "• Des catégories harmonieuses : le balayage des bandes (feuille Catégories) montre, de ±5 % à ±50 %, combien de clients reçoit chaque catégorie et un équilibre (plus petite ÷ plus grande : 1 = catégories égales) ; la ligne la plus équilibrée est en vert. En dessous, la bande équilibrée pour votre nombre de catégories, à copier dans bande ; ou tapez le mot équilibré dans bande.",
    "• The prospect plan: set the days you can spend prospecting in a year. The plan takes the prospects systematically, best tier first and largest expected margin first, while the days fit (In plan: yes), and shows the load: days needed ÷ days available.": "• Le plan de prospection : indiquez les jours que vous pouvez consacrer à prospecter dans l'année. Le plan prend les prospects systématiquement, meilleure catégorie puis plus grande marge attendue d'abord, tant que les jours suffisent (Dans le plan : oui), et montre la charge : jours nécessaires ÷ jours disponibles.",
    "• The limit of concessions: type the days already spent on a prospect (Days spent). Days left is the effort budget in days minus the days spent; below zero the prospect is over budget, out of the plan and listed on the Review sheet, worst first: stop conceding, or decide to let it go.": "• La limite des concessions : notez les jours déjà passés sur un prospect (Jours passés). Jours restants = l'effort en jours moins les jours passés ; sous zéro, le prospect dépasse son budget, sort du plan et figure sur la feuille À revoir, le pire d'abord : cessez les concessions, ou laissez-le partir.",
    "How to use this workbook": "Mode d'emploi",
    "• Parameters: change the yellow cells (band, trim, labels, CAC, income...); the currency changes how every amount is shown, at once.": "• Paramètres : modifiez les cellules jaunes (bande, écrêtage, libellés, CAC, revenu...) ; la devise change tout de suite l'affichage de tous les montants.",
    "• Press Refresh (Client ROI tab, or the Lite run button), or run `client-roi refresh THIS.xlsx` (close it in Excel first: the file itself is updated). A refresh that finds bad input changes nothing and says which cell is wrong.": "• Cliquez sur Actualiser (onglet Client ROI, ou le bouton d'exécution de Lite), ou lancez `client-roi refresh CE_FICHIER.xlsx` (fermez-le d'abord dans Excel : le fichier lui-même est mis à jour). Une actualisation qui trouve une erreur ne change rien et indique la cellule fautive.",
    "• Tiers: the band summary, budgets, effort days and the concentration of your gains. Loss-making clients count as 0 in the concentration figures.": "• Catégories : le résumé des bandes, les budgets, l'effort en jours et la concentration des gains. Les clients à perte comptent pour 0 dans la concentration.",
    "• The functions =TIER(), =EFFORT_DAYS() and friends compute the same things in any cell.": "• Les fonctions =TIER(), =EFFORT_DAYS() etc. calculent la même chose dans n'importe quelle cellule.",
    "Should pay": "Doit payer",
    "Has paid": "A payé",
    "Expected margin": "Marge attendue",
    "Role": "Rôle",
    "Days left": "Jours restants",
    "In plan": "Dans le plan",
    "Previous tier": "Catégorie précédente",
    "Previous margin": "Marge précédente",
    "Movement": "Évolution",
    "Customer ID": "Code client",
    "Status": "Statut",
    "Revenue": "Chiffre d'affaires",
    "Margin rate": "Taux de marge",
    "Date": "Date",
    "Amount": "Montant",
    "Invoice": "Facture",
    "One offset p (0.2 = tiers at ±20 % of the mean gain), or 2 to 9 increasing offsets left to right for more tiers, e.g. -0.4, -0.2, 0.2, 0.4 for five; or the word balanced: equal tiers (as many as the labels, else 3).": "Un écart p (0,2 = catégories à ±20 % du gain moyen), ou 2 à 9 écarts croissants de gauche à droite pour plus de catégories, p. ex. -0,4 ; -0,2 ; 0,2 ; 0,4 pour cinq ; ou le mot équilibré : des catégories égales (autant que de libellés, sinon 3).",
    "An offset above -1 (0.2 = 20 %).": "Un écart au-dessus de -1 (0,2 = 20 %).",
    "Trim (extremes left out)": "Écrêtage (extrêmes écartés)",
    "Share of clients left out of the mean, half the smallest and half the largest (Excel TRIMMEAN rule). 0 keeps everyone.": "Part des clients écartés de la moyenne, moitié des plus petits et moitié des plus grands (règle de SUPPRIMER.EXTREMES / TRIMMEAN). 0 les garde tous.",
    "A share from 0 up to, not including, 1.": "Une part de 0 jusqu'à 1 exclu.",
    "Labels": "Libellés",
    "Tier names, top tier first; as many as tiers (blank: A, B, C, ...).": "Noms des catégories, la meilleure d'abord ; autant que de catégories (vide : A, B, C, ...).",
    "A tier name of 1 to 20 characters.": "Un nom de catégorie de 1 à 20 caractères.",
    "Average customer-acquisition cost. Blank: the mean of the clients' acquisition costs.": "Coût moyen d'acquisition d'un client. Vide : la moyenne des coûts d'acquisition des clients.",
    "An amount ≥ 0, or blank.": "Un montant ≥ 0, ou vide.",
    "Annual income": "Revenu annuel",
    "Yearly income of the person who prospects, to turn budgets into days.": "Revenu annuel de la personne qui prospecte, pour convertir en jours.",
    "An amount above 0.": "Un montant au-dessus de 0.",
    "Gross margin per unit of revenue: 0.5 means 100 of revenue leaves 50.": "Marge brute par unité de chiffre d'affaires : 0,5 = 100 de CA laissent 50.",
    "A rate above 0 and at most 1.": "Un taux au-dessus de 0 et d'au plus 1.",
    "Working days": "Jours travaillés",
    "Working days per year.": "Jours travaillés par an.",
    "More than 0 and at most 366 days.": "Plus de 0 et au plus 366 jours.",
    "Load factor": "Coefficient de charge",
    "Employer's load on top of income (1.5 = 50 % social charges).": "Charges patronales en plus du revenu (1,5 = 50 % de charges).",
    "A factor above 0.": "Un facteur au-dessus de 0.",
    "Prospecting days": "Jours de prospection",
    "Days per year available for prospecting: the prospect plan fits the prospects in them, best tier first. Blank: no plan.": "Jours par an disponibles pour prospecter : le plan y fait entrer les prospects, meilleure catégorie d'abord. Vide : pas de plan.",
    "0.1 day or more, or blank.": "0,1 jour ou plus, ou vide.",
    "Currency": "Devise",
    "The currency every amount of the workbook is shown in: € $ £ CHF or ¥. Changing it changes how amounts are shown at once, never their values.": "La devise de tous les montants du classeur : € $ £ CHF ou ¥. La changer change l'affichage des montants tout de suite, jamais leurs valeurs.",
    "d": "j",
    "band word\u0004balanced": "équilibré",
    "An offset above -1 (0.2 = 20 %), or the word balanced.": "Un écart au-dessus de -1 (0,2 = 20 %), ou le mot équilibré.",
    "from {first} to {last}": "de {first} à {last}",
    "• Customers: paste your customers into the table (its columns {inputs}; {days_spent} may stay empty). Keep the table: add rows at its end. The columns {computed}, and {movement} when there are previous tiers, are computed: do not type in them.": "• Clients : collez vos clients dans le tableau (ses colonnes {inputs} ; {days_spent} peut rester vide). Gardez le tableau : ajoutez des lignes à sa fin. Les colonnes {computed}, et {movement} quand il y a des catégories précédentes, sont calculées : n'y tapez rien.",
    "is blank, and the customer has no invoice lines: say whether it should pay": "est vide, et le client n'a pas de ligne de facture : dites s'il doit payer",
    "says no, but the customer has invoice lines": "dit non, mais le client a des lignes de factures",
    "says no, but the customer has lines in the period": "dit non, mais le client a des lignes dans la période",
    "says yes, but the customer has no line in the period (lost since the previous one)": "dit oui, mais le client n'a pas de ligne dans la période (perdu depuis la précédente)",
    "is {expected:g}, but its previous period's margin is {previous:g}": "vaut {expected:g}, mais la marge de sa période précédente vaut {previous:g}",
    # --- the command line's help (argparse's own words, usage: and options:, stay English) ---
    "fill the template with the built-in sample customers": "remplir le modèle avec les clients d'exemple intégrés",
    "fill the template with customers from a text export or a workbook": "remplir le modèle avec les clients d'un export texte ou d'un classeur",
    "a CSV / semicolon CSV / CSV UTF-8 / Unicode Text export (.csv .txt .tsv), or an .xlsx/.xlsm (its Customers table, else its first sheet)": "un export CSV / CSV point-virgule / CSV UTF-8 / Texte Unicode (.csv .txt .tsv), ou un .xlsx/.xlsm (son tableau Customers, sinon sa première feuille)",
    "the decimal separator of the file's numbers, when they cannot tell (1.234 alone)": "le séparateur décimal des nombres du fichier, quand eux ne le disent pas (1.234 seul)",
    'the file\'s header for one of our columns, when its name does not say it: --column "Gross margin=Marge (k€)" (repeatable)': 'l\'en-tête du fichier pour une de nos colonnes, quand son nom ne le dit pas : --column "Marge brute=Marge (k€)" (répétable)',
    "the sheet of a workbook to read (default: the Customers table, else a table or the first sheet naming our columns)": "la feuille d'un classeur à lire (par défaut : le tableau Customers, sinon un tableau ou la première feuille qui nomme nos colonnes)",
    'what a word of the file\'s Status column means, when no rule reads it: --status "Free trial=prospect" (roles: client, prospect, lost, user; repeatable)': 'ce que veut dire un mot de la colonne Statut du fichier, quand aucune règle ne le lit : --status "Essai gratuit=prospect" (rôles : client, prospect, lost, user ; répétable)',
    "a customer listed more than once is one customer: add up its rows' numbers (default: refuse the file)": "un client listé plusieurs fois est un seul client : additionner les nombres de ses lignes (par défaut : refuser le fichier)",
    "the text encoding of the file, when it cannot be told (e.g. cp1252, mac_roman)": "l'encodage du texte du fichier, quand on ne peut pas le dire (p. ex. cp1252, mac_roman)",
    "write the per-customer table of invoice lines as a CSV (what fill would use)": "écrire le tableau par client des lignes de factures en CSV (ce que fill utiliserait)",
    "the CSV written: excel-fr (; separator, decimal comma, UTF-8 with a BOM: what French Excel opens with a double click), excel-en (, and decimal point, UTF-8 with a BOM), plain (, and point, UTF-8); default: excel-fr with --lang fr, else excel-en": "le CSV écrit : excel-fr (séparateur ;, virgule décimale, UTF-8 avec BOM : ce qu'Excel en français ouvre d'un double clic), excel-en (, et point décimal, UTF-8 avec BOM), plain (, et point, UTF-8) ; par défaut : excel-fr avec --lang fr, sinon excel-en",
    "refresh an edited workbook (what Excel's Refresh button does)": "actualiser un classeur modifié (ce que fait le bouton Actualiser d'Excel)",
    "the .xlsx or .xlsm workbook to refresh: updated in place, as Excel's button does": "le classeur .xlsx ou .xlsm à actualiser : mis à jour sur place, comme le fait le bouton d'Excel",
    "write the template workbook": "écrire le classeur modèle",
    "language (default: en)": "langue (par défaut : en)",
    "write main.py + requirements.txt for xlwings Lite": "écrire main.py + requirements.txt pour xlwings Lite",
    "folder (default: %(default)s)": "dossier (par défaut : %(default)s)",
    "build client_roi.xlam, the desktop add-in with the Client ROI tab": "construire client_roi.xlam, le complément de bureau avec l'onglet Client ROI",
    "folder (default: current)": "dossier (par défaut : le dossier courant)",
    "also copy it to Excel's XLSTART folder": "le copier aussi dans le dossier XLSTART d'Excel",
    "replace an installed add-in": "remplacer un complément installé",
    "build the add-in and copy it to Excel's XLSTART folder": "construire le complément et le copier dans le dossier XLSTART d'Excel",
    "folder for the built add-in (default: current)": "dossier du complément construit (par défaut : le dossier courant)",
    "replace OUT if it exists (a regular file only)": "remplacer OUT s'il existe (un fichier ordinaire seulement)",
    "invoice lines (Customer, Date, Amount or Gross margin): a text export, an .xlsx (its Transactions table, else its first sheet), a .parquet or a folder of them, a DuckDB database or a postgresql:// URL (with --table or --query); customers are summed per period": "lignes de factures (Client, Date, Montant ou Marge brute) : un export texte, un .xlsx (son tableau Transactions, sinon sa première feuille), un .parquet ou un dossier de .parquet, une base DuckDB ou une URL postgresql:// (avec --table ou --query) ; les clients sont sommés par période",
    "last day of the period (default: the latest line)": "dernier jour de la période (par défaut : la ligne la plus récente)",
    "length of the period in months (default: 12)": "durée de la période en mois (par défaut : 12)",
    "a customer file merged by name: acquisition costs, days spent, free users, prospects": "un fichier de clients fusionné par nom : coûts d'acquisition, jours passés, utilisateurs gratuits, prospects",
    "with a database (a postgresql:// URL or a .duckdb file): the table of lines": "avec une base (une URL postgresql:// ou un fichier .duckdb) : la table des lignes",
    "with a database: a query that returns the lines (instead of --table)": "avec une base : une requête qui renvoie les lignes (au lieu de --table)",
    "where Parquet lines are summed: DuckDB here (default), or Spark (PySpark and Java 17)": "où les lignes Parquet sont sommées : DuckDB ici (par défaut), ou Spark (PySpark et Java 17)",
    "with --engine spark: local[*] (default) or spark://host:7077": "avec --engine spark : local[*] (par défaut) ou spark://hôte:7077",
    "the order of the dates' parts, when the dates cannot tell (03/04/2025 alone)": "l'ordre des parties des dates, quand les dates ne le disent pas (03/04/2025 seul)",
    "the currency of the amounts: € $ £ CHF ¥ or EUR USD GBP JPY (default: what the file shows, else €); a workbook parameter, changed there at any time": "la devise des montants : € $ £ CHF ¥ ou EUR USD GBP JPY (par défaut : celle que montre le fichier, sinon €) ; un paramètre du classeur, modifiable là à tout moment",
    "language of the workbook (default: en)": "langue du classeur (par défaut : en)",
    "share of clients left out of the mean, half from each end (Excel TRIMMEAN), e.g. 0.1; in {rule}; default 0": "part des clients écartés de la moyenne, moitié à chaque bout (SUPPRIMER.EXTREMES d'Excel), p. ex. 0.1 ; dans {rule} ; par défaut 0",
    "tier labels, top tier first, separated by ';' (or ','), as many as tiers: Gold;Silver;Bronze (default A, B, C, ...)": "libellés des catégories, la meilleure d'abord, séparés par ';' (ou ','), autant que de catégories : Or;Argent;Bronze (par défaut A, B, C, ...)",
    "with --band balanced: the number of tiers, 2 to 10 (default: as many as the labels, else 3)": "avec --band balanced : le nombre de catégories, de 2 à 10 (par défaut : autant que de libellés, sinon 3)",
    "days per year available for prospecting: the prospect plan fits the prospects in them, best tier first; in {rule} (default: the template's {default}); none: no plan": "jours par an disponibles pour prospecter : le plan de prospection y place les prospects, la meilleure catégorie d'abord ; dans {rule} (par défaut : {default}, celui du modèle) ; none : pas de plan",
    "the average cost of winning a client, in {rule} (default: the mean of the clients' acquisition costs; with neither, the workbook has no effort budgets)": "le coût moyen pour gagner un client, dans {rule} (par défaut : la moyenne des coûts d'acquisition des clients ; sans l'un ni l'autre, le classeur n'a pas de budgets d'effort)",
    "the annual income of whoever prospects, in {rule} (default: {default})": "le revenu annuel de qui prospecte, dans {rule} (par défaut : {default})",
    "the share of income that is margin, in {rule} or as 50%% (default: {default})": "la part du revenu qui est marge, dans {rule} ou en 50%% (par défaut : {default})",
    "working days a year, in {rule} (default: {default})": "jours travaillés par an, dans {rule} (par défaut : {default})",
    "the overheads on a day of work, in {rule} (default: {default})": "les frais généraux d'une journée de travail, dans {rule} (par défaut : {default})",
    "{what} to write (default: %(default)s)": "{what} à écrire (par défaut : %(default)s)",
    "{what} to write": "{what} à écrire",
    "workbook": "classeur",
    "the CSV file": "le fichier CSV",
    "client-roi: {message} (see {prog} --help)": "client-roi : {message} (voir {prog} --help)",
    "0.2 (or 0,2) for tiers at ±20%% of the mean gain; or 2 to 9 increasing offsets separated by ';' or spaces for more tiers: --band=\"-0.4;-0.2;0.2;0.4\" (write --band= when the value starts with a minus sign; a comma is always a decimal comma); or balanced: tiers of equal size": "0.2 (ou 0,2) pour des catégories à ±20%% du gain moyen ; ou 2 à 9 écarts croissants séparés par ';' ou des espaces pour plus de catégories : --band=\"-0.4;-0.2;0.2;0.4\" (écrivez --band= quand la valeur commence par un signe moins ; une virgule est toujours une virgule décimale) ; ou balanced (équilibré) : des catégories de même taille",
    "client-roi: the three-tier exercise workbook from the command line.\n\nclient-roi demo                      fill the template with the built-in sample customers\nclient-roi fill CUSTOMERS.csv|.xlsx  fill the template with your customers and refresh it\nclient-roi fill --transactions LINES the same from invoice lines (customers summed per period)\nclient-roi customers --transactions LINES -o customers.csv\n                                     the per-customer table the fill would use, to inspect\nclient-roi refresh BOOK.xlsx         refresh an edited workbook (Excel's Refresh, headless)\nclient-roi template                  write the template (sample customers, refreshed)\nclient-roi lite                      write main.py + requirements.txt for xlwings Lite\nclient-roi xlam [--install]          build client_roi.xlam, the ribbon add-in (and install it)\nclient-roi install                   build the add-in and copy it to Excel's XLSTART folder\n": "client-roi : le classeur de l'exercice à trois catégories, en ligne de commande.\n\nclient-roi demo                      remplir le modèle avec les clients d'exemple intégrés\nclient-roi fill CLIENTS.csv|.xlsx    remplir le modèle avec vos clients et l'actualiser\nclient-roi fill --transactions LIGNES la même chose depuis des lignes de factures (clients sommés par période)\nclient-roi customers --transactions LIGNES -o clients.csv\n                                     le tableau par client que fill utiliserait, à vérifier\nclient-roi refresh CLASSEUR.xlsx     actualiser un classeur modifié (l'Actualiser d'Excel, sans Excel)\nclient-roi template                  écrire le modèle (clients d'exemple, actualisé)\nclient-roi lite                      écrire main.py + requirements.txt pour xlwings Lite\nclient-roi xlam [--install]          construire client_roi.xlam, le complément du ruban (et l'installer)\nclient-roi install                   construire le complément et le copier dans le dossier XLSTART d'Excel\n",
    # --- the system's and Python's reasons (messages.OS_REASONS, messages.CSV_REASONS) -----------
    "No such file or directory": "Aucun fichier ou dossier de ce nom",
    "Permission denied": "Permission refusée",
    "Operation not permitted": "Opération non permise",
    "Is a directory": "Est un dossier",
    "Not a directory": "N'est pas un dossier",
    "Read-only file system": "Système de fichiers en lecture seule",
    "No space left on device": "Plus de place sur le périphérique",
    "unexpected end of data": "fin des données inattendue (un guillemet n'est pas fermé ?)",
    "line contains NUL": "la ligne contient un caractère NUL",
    "TRUE": "VRAI",  # a logical value, as Excel shows it in the language
    "FALSE": "FAUX",
    "'{margin}' or '{amount}'": "'{margin}' ou '{amount}'",
    "nothing": "rien",
    # --- dates (files/dates.py) ------------------------------------------------------------------
    " as {convention}": " en {convention}",
    "{text} is not a date{hint} (e.g. 2025-03-31 or 31/03/2025)": "{text} n'est pas une date{hint} (p. ex. 2025-03-31 ou 31/03/2025)",
    "{text} is {one} as {one_convention} or {other} as {other_convention}, and no other date tells which: say --date-format {one_option} or --date-format {other_option}": "{text} est le {one} en {one_convention} ou le {other} en {other_convention}, et aucune autre date ne dit lequel : dites --date-format {one_option} ou --date-format {other_option}",
    "{first} and {second} need different date conventions: one column, one convention": "{first} et {second} demandent des conventions de date différentes : une colonne, une convention",
    "year-month-day": "année-mois-jour",
    "day/month/year": "jour/mois/année",
    "month/day/year": "mois/jour/année",
    "January": "janvier",
    "February": "février",
    "March": "mars",
    "April": "avril",
    "May": "mai",
    "June": "juin",
    "July": "juillet",
    "August": "août",
    "September": "septembre",
    "October": "octobre",
    "November": "novembre",
    "December": "décembre",
    "the decimal separator, when numbers cannot tell": "le séparateur décimal, quand les nombres ne le disent pas",
    "a header for one of our columns": "un en-tête pour une de nos colonnes",
    "the sheet of a workbook to read": "la feuille d'un classeur à lire",
    "the text encoding of the file, when it cannot be told": "l'encodage du texte du fichier, quand on ne peut pas le dire",
    "Manual install: copy {path} to another computer with desktop Excel and open it once, or in Excel choose File > Options > Add-ins > Manage: Excel Add-ins > Go > Browse and pick it. Python and Client ROI are needed on that computer too (python -m pip install client_roi-*.whl, from make dist).": "Installation à la main : copiez {path} sur un autre ordinateur avec Excel de bureau et ouvrez-le une fois, ou dans Excel choisissez Fichier > Options > Compléments > Gérer : Compléments Excel > Atteindre > Parcourir et choisissez-le. Python et Client ROI sont nécessaires sur cet ordinateur aussi (python -m pip install client_roi-*.whl, depuis make dist).",
    # --- a prospect's potential (method/potential.py) -------------------------------------------
    "a potential needs at least {fewest} clients with a positive margin, got {count}": "un potentiel demande au moins {fewest} clients à marge positive, reçu {count}",
    "the median of {count:,} clients: these columns do not predict margin here": "la médiane de {count:,} clients : ces colonnes ne prédisent pas la marge ici",
    "no client shares its attributes: the clients' median": "aucun client ne partage ses attributs : la médiane des clients",
    "{n:,} clients with {column} = {value}, weight {weight:.0%}": "{n:,} clients avec {column} = {value}, poids {weight:.0%}",
    "similar_by: there is no column '{name}' (columns of yours: {columns})": "similar_by : il n'y a pas de colonne '{name}' (vos colonnes : {columns})",
    "none": "aucune",
    "attributes must have as many columns as client_attributes": "attributes doit avoir autant de colonnes que client_attributes",
    "client_gains must have one cell per row of client_attributes": "client_gains doit avoir une cellule par ligne de client_attributes",
    "Similar by": "Semblables par",
    "A prospect without an expected margin is estimated from the clients it resembles in these columns of yours, separated by ';'. Blank: every column of yours that can serve (text with 2 to 30 values, numbers by quartiles); none: no estimate.": "Un prospect sans marge attendue est estimé d'après les clients qui lui ressemblent dans ces colonnes à vous, séparées par ';'. Vide : toutes vos colonnes qui peuvent servir (du texte à 2 à 30 valeurs, des nombres par quartiles) ; aucune : pas d'estimation.",
    "Column names of yours, separated by ';', or none.": "Des noms de vos colonnes, séparés par ';', ou aucune.",
    "Estimated margin": "Marge estimée",
    "Estimate low": "Estimation basse",
    "Estimate high": "Estimation haute",
    "Estimated from": "Estimée d'après",
    "no column of yours says which clients a prospect resembles": "aucune de vos colonnes ne dit à quels clients un prospect ressemble",
    "Clients it learns from": "Clients dont elle apprend",
    "Estimate's mean error (held out)": "Erreur moyenne de l'estimation",
    "Median's mean error (baseline)": "Erreur moyenne de la médiane",
    "Rank correlation (0: none)": "Corrélation de rang (0 : aucune)",
    "Gain of the top 30 % by estimate": "Gain des 30 % mieux estimés",
    "these columns predict margin here": "ces colonnes prédisent la marge ici",
    "these columns do not predict margin here: each estimate is the clients' median": "ces colonnes ne prédisent pas la marge ici : chaque estimation est la médiane des clients",
    "No estimate: {why}": "Pas d'estimation : {why}",
    "No estimate: similar by is none": "Pas d'estimation : semblables par vaut aucune",
    "No estimate: every prospect has an expected margin": "Pas d'estimation : chaque prospect a une marge attendue",
    "Prospects estimated": "Prospects estimés",
    "A prospect's potential: its margin estimated from the clients it resembles": "Le potentiel d'un prospect : sa marge estimée d'après les clients qui lui ressemblent",
    "{name} (by quartiles)": "{name} (par quartiles)",
    "the columns of yours (separated by ';') that say which clients a prospect without an expected margin resembles, to estimate it (default: every column of yours that can serve); none: no estimate": "vos colonnes (séparées par ';') qui disent à quels clients ressemble un prospect sans marge attendue, pour l'estimer (par défaut : toutes vos colonnes qui peuvent servir) ; none : pas d'estimation",
    "prospects whose tier, budget and plan rest on an estimate of their margin: {n:,}": "prospects dont la catégorie, le budget et le plan reposent sur une estimation de leur marge : {n:,}",
    # --- a live book (workbook.live): its hidden sheet, what stops it computing ---------------
    "Calculations": "Calculs",
    "rows": "lignes",
    "should pay read": "doit payer lu",
    "has paid read": "a payé lu",
    "role code": "code du rôle",
    "gain": "gain",
    "client gain": "gain du client",
    "positive gain": "gain positif",
    "rank": "rang",
    "prospect days": "jours du prospect",
    "over budget": "hors budget",
    "queue gain": "gain dans la file",
    "queue place": "place dans la file",
    "in plan code": "code dans le plan",
    "review ROI": "ROI à revoir",
    "review place": "place à revoir",
    "overrun ratio": "rapport de dépassement",
    "overrun place": "place du dépassement",
    "client cost": "coût du client",
    "review row": "ligne à revoir",
    "overrun row": "ligne du dépassement",
    "bad row": "ligne illisible",
    "queue rank": "rang dans la file",
    "client rank": "rang du client",
    "mode": "mode",
    "p": "p",
    "k": "k",
    "band ok": "bande lisible",
    "labels ok": "libellés lisibles",
    "params ok": "paramètres lisibles",
    "bad rows": "lignes illisibles",
    "first bad": "première illisible",
    "n": "n",
    "balanced ok": "bande équilibrée possible",
    "base ok": "tout est lisible",
    "reference": "référence",
    "stop": "arrêt",
    "cac": "CAC",
    "day cost": "coût d'un jour",
    "available": "disponibles",
    "positive total": "total positif",
    "widest": "plus grand écart",
    "review count": "nombre à revoir",
    "overrun count": "nombre de dépassements",
    "first tie": "première égalité",
    "status": "état",
    "trim": "écrêtage",
    "offsets": "écarts",
    "thresholds": "seuils",
    "labels": "libellés",
    "multipliers": "multiplicateurs",
    "budgets": "budgets",
    "days": "jours",
    "queued": "dans la file",
    "queued before": "dans la file avant",
    "days before": "jours avant",
    "clients": "clients",
    "gains": "gains",
    "positives": "positifs",
    "planned": "dans le plan",
    "quantiles": "quantiles",
    "label counts": "nombre de chaque libellé",
    "ties": "égalités",
    "Rows were added inside the Customers table, and its formulas cover {n} rows: run client-roi refresh on the book to extend them.": "Des lignes ont été ajoutées dans le tableau des clients, dont les formules couvrent {n} lignes : lancez client-roi refresh sur le classeur pour les étendre.",
    "Row {row} of Customers is below the rows its formulas cover: run client-roi refresh on the book to take it in.": "La ligne {row} des clients est sous les lignes que couvrent ses formules : lancez client-roi refresh sur le classeur pour l'y prendre.",
    "Row {row} of Customers cannot be read (a flag that is not yes or no, text in a number column, a negative cost or days spent: its role shows #N/A); nothing is computed until it is fixed.": "La ligne {row} des clients est illisible (un indicateur qui n'est ni oui ni non, du texte dans une colonne de nombres, un coût ou des jours passés négatifs : son rôle montre #N/A) ; rien n'est calculé tant qu'elle n'est pas corrigée.",
    "The band cannot be read. {rule}": "La bande est illisible. {rule}",
    "The labels do not fit. {rule}": "Les libellés ne conviennent pas. {rule}",
    "A parameter is outside what it accepts: see its note on the Parameters sheet.": "Un paramètre est hors de ce qu'il accepte : voyez sa note dans la feuille Paramètres.",
    "No balanced band: too many equal gains, or too few positive ones, for that many tiers.": "Pas de bande équilibrée : trop de gains égaux, ou trop peu de positifs, pour autant de catégories.",
    "The reference gain is not positive: tiers need a positive mean gain.": "Le gain de référence n'est pas positif : les catégories demandent un gain moyen positif.",
    "table {TABLE} must start at cell A1 of its sheet for its formulas (a live book): it starts at {cell}": "le tableau {TABLE} doit commencer en A1 de sa feuille pour ses formules (un classeur vivant) : il commence en {cell}",
    "The previous period's clients cannot be tiered: their mean margin is not positive.": "Les clients de la période précédente ne peuvent être classés : leur marge moyenne n'est pas positive.",
    "A previous tier of Customers is none of the labels: the movement cannot be told until it is.": "Une catégorie précédente des clients n'est aucun des libellés : le mouvement ne peut être dit tant qu'elle ne l'est pas.",
    "previous margin": "marge précédente",
    "previous rank": "rang précédent",
    "movement code": "code du mouvement",
    "previous thresholds": "seuils précédents",
    "previous n": "n précédent",
    "previous reference": "référence précédente",
    "previous bad": "précédentes illisibles",
    "a live book: every result a native formula that recalculates as you type, in Excel, LibreOffice or Google Sheets, with no add-in and no Python": "un classeur vivant : chaque résultat une formule native qui se recalcule à la saisie, dans Excel, LibreOffice ou Google Sheets, sans complément ni Python",
    "this live book computes itself as you type: there is nothing to refresh here; client-roi refresh on its file checks its formulas and writes the estimates": "ce classeur vivant se calcule à la saisie : il n'y a rien à actualiser ici ; client-roi refresh sur son fichier vérifie ses formules et écrit les estimations",
    "{cell}: a formula of this live book was edited: it is {found}, the book's own is {wanted}; its numbers are no longer the method's. Undo the edit, or write the book again (client-roi fill --live)": "{cell} : une formule de ce classeur vivant a été modifiée : elle est {found}, celle du classeur est {wanted} ; ses nombres ne sont plus ceux de la méthode. Annulez la modification, ou écrivez le classeur à nouveau (client-roi fill --live)",
    "{cell}: the book shows {got}, the method {want}: its application computed it otherwise": "{cell} : le classeur montre {got}, la méthode {want} : son application l'a calculé autrement",
    "no formula": "aucune formule",
    "Change the yellow cells: every result follows as you type, with no add-in.": "Modifiez les cellules jaunes : chaque résultat suit à la saisie, sans complément.",
    "Computed by formulas as you type: do not type here.": "Calculé par des formules à la saisie : ne tapez rien ici.",
    "Computed by formulas as you type.": "Calculé par des formules à la saisie.",
    "• This is a live book: every result is a formula that follows as you type, in Excel, Excel on the web or LibreOffice, with no add-in. A row that cannot be read shows #N/A as its role, and the Tiers sheet says which. New customers at the end of the table get their formulas from `client-roi refresh THIS.xlsx`.": "• Ce classeur est vivant : chaque résultat est une formule qui suit la saisie, dans Excel, Excel sur le web ou LibreOffice, sans complément. Une ligne illisible montre #N/A comme rôle, et la feuille Catégories dit laquelle. De nouveaux clients en fin de tableau reçoivent leurs formules de `client-roi refresh CE_FICHIER.xlsx`.",
    "a live book of {n:,} customers recalculates slowly in a spreadsheet (its plan and lists compare every prospect with every other: 10,000 customers take about 16 s to open in LibreOffice); for this many, the workbook without --live is the one to use": "un classeur vivant de {n:,} clients se recalcule lentement dans un tableur (son plan et ses listes comparent chaque prospect à chaque autre : 10 000 clients prennent environ 16 s à s'ouvrir dans LibreOffice) ; pour autant, le classeur sans --live est celui qu'il faut",
}
