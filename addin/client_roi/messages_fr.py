# ruff: noqa: E501  (a table of sentences: one message a line reads better than split strings)
"""The French of every message, as data: English skeleton → French skeleton
(:mod:`client_roi.messages` matches a finished English sentence to its skeleton and puts the
values, never translated, in the French one's holes)."""

from __future__ import annotations

#: English skeleton → French skeleton. ``{0}``, ``{1}``… are the values, in the English order.
FR: dict[str, str] = {
    # --- the command line: options -------------------------------------------------------
    "{0} (separate offsets with ';' or spaces: a comma is a decimal comma)": (
        "{0} (séparez les écarts par ';' ou des espaces : une virgule est une virgule décimale)"
    ),
    '--column {0}: write OUR COLUMN=THE FILE\'S HEADER, e.g. "Gross margin=Marge (k€)"': (
        '--column {0} : écrivez NOTRE COLONNE=L\'EN-TÊTE DU FICHIER, p. ex. "Marge brute=Marge (k€)"'
    ),
    "--column {0}: '{1}' is not one of the columns read ({2})": "--column {0} : '{1}' n'est pas une des colonnes lues ({2})",
    "--column {0}: '{1}' is mapped twice": "--column {0} : '{1}' est attribuée deux fois",
    "the amounts show more than one currency: {0}: say which with --currency": (
        "les montants montrent plusieurs devises : {0} : dites laquelle avec --currency"
    ),
    "--tiers goes with --band balanced (otherwise the band's offsets give the tiers)": (
        "--tiers va avec --band balanced (sinon les écarts de la bande donnent les catégories)"
    ),
    "--tiers must be from 2 to {0}, got {1}": "--tiers doit aller de 2 à {0}, reçu {1}",
    "give invoice lines (--transactions) or a customer file, not both (--customers FILE adds one)": (
        "donnez des lignes de factures (--transactions) ou un fichier de clients, pas les deux "
        "(--customers FICHIER en ajoute un)"
    ),
    "give a customer file (CUSTOMERS) or invoice lines (--transactions LINES)": (
        "donnez un fichier de clients (CLIENTS) ou des lignes de factures (--transactions LIGNES)"
    ),
    "--{0} goes with --transactions": "--{0} va avec --transactions",
    "--months must be a whole number of months, not {0}": "--months doit être un nombre entier de mois, pas {0}",
    "--months must be at least 1, not {0}": "--months doit valoir au moins 1, pas {0}",
    "{0} is empty": "{0} est vide",
    "customers must be a pandas DataFrame, not {0}": "customers doit être un DataFrame pandas, pas {0}",
    "--{0}: {1}": "--{0} : {1}",
    "{0}: the output must end with .csv": "{0} : la sortie doit finir par .csv",
    "{0}: is open in Excel ({1} is beside it): save and close it, then refresh again, or write the refreshed "
    "book elsewhere with -o": (
        "{0} : est ouvert dans Excel ({1} est à côté) : enregistrez-le et fermez-le, puis actualisez à "
        "nouveau, ou écrivez le classeur actualisé ailleurs avec -o"
    ),
    "{0}: {1} is ambiguous (is the separator a decimal one or a thousands one?); write it without a thousands "
    "separator": (
        "{0} : {1} est ambigu (le séparateur est-il décimal ou des milliers ?) ; écrivez-le sans séparateur "
        "des milliers"
    ),
    "{0}: {1} is not a number": "{0} : {1} n'est pas un nombre",
    # --- the command line: what it says ----------------------------------------------------
    "reading": "lecture",
    "building": "construction",
    "refreshing": "actualisation",
    "saving": "enregistrement",
    "{0} (rows {1})": "{0} (lignes {1})",
    "band in use: {0}, the most balanced of the sweep": "bande utilisée : {0}, la plus équilibrée du balayage",
    "band in use: {0}; most balanced: the balanced band (band = balanced)": (
        "bande utilisée : {0} ; la plus équilibrée : la bande équilibrée (bande = équilibré)"
    ),
    "band in use: {0}; most balanced band of the sweep: {1}": "bande utilisée : {0} ; bande la plus équilibrée du balayage : {1}",
    "its widest offset at {0}": "son plus grand écart à {0}",
    "no acquisition cost, so no effort budgets, days or prospect plan: give --cac (the average cost of winning a "
    "client), or an 'Acquisition cost' column": (
        "aucun coût d'acquisition, donc ni budgets d'effort, ni jours, ni plan de prospection : donnez --cac "
        "(le coût moyen pour gagner un client), ou une colonne « Coût d'acquisition »"
    ),
    "prospect plan: {0} days needed (no prospecting days given)": (
        "plan de prospection : {0} jours nécessaires (aucun jour de prospection donné)"
    ),
    "prospect plan: {0} days needed for {1} available: load {2}": (
        "plan de prospection : {0} jours nécessaires pour {1} disponibles : charge {2}"
    ),
    "wrote {0} ({1} customers)": "écrit {0} ({1} clients)",
    "amounts in {0}: {1}": "montants en {0} : {1}",
    "--currency": "--currency",
    "as the file shows: {0}": "comme le montre le fichier : {0}",
    "the default, as none is shown; --currency to choose": "par défaut, aucune n'étant montrée ; --currency pour choisir",
    "{0}: has {1} columns, more than a sheet holds ({2}): keep the columns you need, then try again": "{0} : a {1} colonnes, plus qu'une feuille n'en contient ({2}) : gardez les colonnes utiles, puis réessayez",
    "{0}: has {1} columns of its own, which with the table's {2} pass a sheet's {3} columns: keep the columns you need, then try again": "{0} : a {1} colonnes à vous, qui avec les {2} du tableau dépassent les {3} colonnes d'une feuille : gardez les colonnes utiles, puis réessayez",
    "{0}: has no part 'xl/workbook.xml': a zip archive, but no Excel workbook": "{0} : n'a pas de partie « xl/workbook.xml » : une archive zip, mais pas un classeur Excel",
    "{0}: sheet '{1}' declares XML entities or a document type, which are refused (a damaged or hostile file)": "{0} : la feuille « {1} » déclare des entités XML ou un type de document, refusés (un fichier endommagé ou malveillant)",
    "{0}: sheet '{1}' is cut short (its XML stops before </worksheet>): the file is damaged": "{0} : la feuille « {1} » est tronquée (son XML s'arrête avant </worksheet>) : le fichier est endommagé",
    "{0}: sheet '{1}' has a row {2}, beyond the sheet's last row 1,048,576: the file is damaged (no spreadsheet writes it)": "{0} : la feuille « {1} » a une ligne {2}, au-delà de la dernière ligne d'une feuille (1 048 576) : le fichier est endommagé (aucun tableur ne l'écrit)",
    "{0}: sheet '{1}' has a cell at {2}, beyond the sheet's last cell XFD1048576: the file is damaged (no spreadsheet writes it)": "{0} : la feuille « {1} » a une cellule en {2}, au-delà de la dernière cellule d'une feuille (XFD1048576) : le fichier est endommagé (aucun tableur ne l'écrit)",
    "{0}: sheet '{1}' has row {2} written after row {3}: a sheet's rows are written in order, so the file is damaged; open and save it in Excel or LibreOffice, then try again": "{0} : la feuille « {1} » a la ligne {2} écrite après la ligne {3} : les lignes d'une feuille s'écrivent dans l'ordre, le fichier est donc endommagé ; ouvrez-le et enregistrez-le dans Excel ou LibreOffice, puis réessayez",
    "{0}: sheet '{1}' spans {2} rows of {3} columns (a cell at {4}), {5} cells: more than can be read ({6}); delete what lies far from the table, save, and try again": "{0} : la feuille « {1} » s'étend sur {2} lignes de {3} colonnes (une cellule en {4}), soit {5} cellules : plus qu'on ne peut en lire ({6}) ; supprimez ce qui est loin du tableau, enregistrez, puis réessayez",
    "{0}: the part '{1}' is encrypted, which no workbook's part is: the file is damaged or tampered": "{0} : la partie « {1} » est chiffrée, ce qu'aucune partie d'un classeur n'est : le fichier est endommagé ou altéré",
    "{0}: is a password-protected workbook or an old .xls: remove the password in Excel (or save it as .xlsx), then try again": "{0} : est un classeur protégé par mot de passe ou un ancien .xls : retirez le mot de passe dans Excel (ou enregistrez-le en .xlsx), puis réessayez",
    "is {0}: a gain over it passes the double range (give 0 for no cost)": "vaut {0} : un gain divisé par ce coût dépasse la plage des nombres (mettez 0 pour aucun coût)",
    "is {0}, beyond ±1e15 (Excel's 15 digits)": "vaut {0}, au-delà de ±1e15 (les 15 chiffres d'Excel)",
    "{0}: declares XML entities or a document type, which are refused (a damaged or hostile file)": "{0} : déclare des entités XML ou un type de document, refusés (un fichier endommagé ou malveillant)",
    "{0}: has encrypted parts (a password-protected file): remove the password in Excel, save, and try again": "{0} : a des parties chiffrées (un fichier protégé par mot de passe) : retirez le mot de passe dans Excel, enregistrez, puis réessayez",
    "{0}: the part '{1}' is damaged (its contents do not match their checksum)": "{0} : la partie « {1} » est endommagée (son contenu ne correspond pas à sa somme de contrôle)",
    "{0}: has no part '{1}', which it refers to: the file is damaged": "{0} : n'a pas la partie « {1} », à laquelle il renvoie : le fichier est endommagé",
    "{0}: holds XML that is not well formed ({1}): the file is damaged": "{0} : contient du XML mal formé ({1}) : le fichier est endommagé",
    "{0}: the part '{1}' declares XML entities or a document type, which are refused (a damaged or hostile file)": "{0} : la partie « {1} » déclare des entités XML ou un type de document, refusés (un fichier endommagé ou malveillant)",
    "{0}: the part '{1}' holds XML that is not well formed ({2}): the file is damaged": "{0} : la partie « {1} » contient du XML mal formé ({2}) : le fichier est endommagé",
    "your own columns, kept in the table after ours: {0}": "vos propres colonnes, gardées dans le tableau après les nôtres : {0}",
    "columns not used (the workbook computes them): {0}": "colonnes non utilisées (le classeur les calcule) : {0}",
    "blank rows skipped: {0}": "lignes vides ignorées : {0}",
    "total lines skipped (each the sum of the rows above it): {0}": (
        "lignes de total ignorées (chacune la somme des lignes au-dessus) : {0}"
    ),
    "customer names written more than one way (case, spaces), taken as one customer: {0} spellings merged ({1})": (
        "noms de clients écrits de plusieurs façons (casse, espaces), comptés comme un seul client : {0} graphies fusionnées ({1})"
    ),
    "'{0}' × margin rate {1}%": "'{0}' × taux de marge {1} %",
    "{0}: --status goes with a status column, and the file has none": (
        "{0} : --status va avec une colonne de statut, et le fichier n'en a pas"
    ),
    "{0}: has '{1}' but no column for '{2}': give both flags, or neither (then every customer is a paying client)": (
        "{0} : a '{1}' mais pas de colonne pour '{2}' : donnez les deux indicateurs, ou aucun (chaque client est alors un client payant)"
    ),
    "{0}: column '{1}' holds percents, and a percent is never money: map it as the margin rate (--column \"Margin rate={2}\") beside a revenue column": (
        "{0} : la colonne '{1}' contient des pourcentages, et un pourcentage n'est jamais de l'argent : indiquez-la comme taux de marge (--column \"Taux de marge={2}\") à côté d'une colonne de chiffre d'affaires"
    ),
    "{0}: is blank, and the row has a revenue": "{0} : est vide, et la ligne a un chiffre d'affaires",
    "{0}: {1} is beyond 100 %: a margin rate is a share of the revenue": (
        "{0} : {1} dépasse 100 % : un taux de marge est une part du chiffre d'affaires"
    ),
    "{0}: has both '{1}' and '{2}': say the roles one way, by the status or by the flags": (
        "{0} : a à la fois '{1}' et '{2}' : dites les rôles d'une seule façon, par le statut ou par les indicateurs"
    ),
    "{0}: is {1}, not a rate": "{0} : est {1}, pas un taux",
    'is {0}, which no rule reads as a role: say what it means, e.g. --status "{1}=prospect" (client, prospect, lost or user)': (
        "est {0}, qu'aucune règle ne lit comme un rôle : dites ce qu'il signifie, par ex. --status \"{1}=prospect\" (client, prospect, perdu ou utilisateur)"
    ),
    "status item {0} {1}": "statut, élément {0} {1}",
    "'{0}={1}': '{2}' is not a role (client, prospect, lost or user)": (
        "'{0}={1}' : '{2}' n'est pas un rôle (client, prospect, perdu ou utilisateur)"
    ),
    "gross margin: {0}": "marge brute : {0}",
    "columns of percents, never read as money: {0}": "colonnes de pourcentages, jamais lues comme de l'argent : {0}",
    "no Should pay / Has paid or Status column: every customer is taken as a paying client": (
        "pas de colonne Doit payer / A payé ni Statut : chaque client est compté comme un client payant"
    ),
    "roles from the status column {0}": "rôles tirés de la colonne de statut {0}",
    '--status {0}: write THE FILE\'S WORD=ROLE, e.g. "Free trial=prospect"': (
        '--status {0} : écrivez LE MOT DU FICHIER=RÔLE, par ex. "Free trial=prospect"'
    ),
    "--status {0}": "--status {0}",
    "previous tiers typed without a previous margin, kept as typed: {0}": (
        "catégories précédentes saisies sans marge précédente, gardées telles quelles : {0}"
    ),
    "customers grouped by '{0}', shown by '{1}'": "clients regroupés par '{0}', montrés par '{1}'",
    "{0}: column '{1}' holds percents, and a percent is never money": (
        "{0} : la colonne '{1}' contient des pourcentages, et un pourcentage n'est jamais de l'argent"
    ),
    "{0}: the table '{1}' on sheet '{2}' has the range {3}, which is no range from its top-left cell to its bottom-right one: the file is damaged": (
        "{0} : le tableau '{1}' de la feuille '{2}' a la plage {3}, qui ne va pas de sa cellule en haut à gauche à celle en bas à droite : le fichier est endommagé"
    ),
    "{0}: the customer {1} holds the control character U+{2}, which a workbook cannot hold": (
        "{0} : le client {1} contient le caractère de contrôle U+{2}, qu'un classeur ne peut pas contenir"
    ),
    "{0}: holds the control character U+{1}, which a workbook cannot hold": (
        "{0} : contient le caractère de contrôle U+{1}, qu'un classeur ne peut pas contenir"
    ),
    "{0} line {1}: holds a NUL byte, which no text export has (a damaged or binary file)": (
        "{0} ligne {1} : contient un octet NUL, qu'aucun export texte n'a (un fichier endommagé ou binaire)"
    ),
    "the period ending {0} and the one before it would start before the year 1: give a later end (--to)": (
        "la période finissant le {0} et celle d'avant commenceraient avant l'an 1 : donnez une fin plus tardive (--to)"
    ),
    "{0}: holds two parts named '{1}' (a damaged or tampered file): which one is the workbook cannot be told": (
        "{0} : contient deux parties nommées '{1}' (un fichier endommagé ou altéré) : on ne peut pas dire laquelle est le classeur"
    ),
    "customers listed more than once, their numbers added up: {0}": (
        "clients listés plusieurs fois, leurs nombres additionnés : {0}"
    ),
    "row {0} ({1})": "ligne {0} ({1})",
    "read {0} invoice lines of {1} ({2}); period {3} – {4} ({5} months), previous {6} – {7}": (
        "lu {0} lignes de factures de {1} ({2}) ; période {3} – {4} ({5} mois), précédente {6} – {7}"
    ),
    "margin from '{0}'": "marge tirée de '{0}'",
    "'{0}' × margin rate": "'{0}' × taux de marge",
    "clients: {0}; lost since the previous period (prospects to win back): {1}; left out, lines all older: {2}": (
        "clients : {0} ; perdus depuis la période précédente (prospects à reconquérir) : {1} ; laissés de côté, "
        "lignes toutes plus anciennes : {2}"
    ),
    "lines after {0} left out: {1}": "lignes après le {0} laissées de côté : {1}",
    "columns not used: {0}": "colonnes non utilisées : {0}",
    "gross margins of the customer file replaced by those of the lines: {0}{1}": (
        "marges brutes du fichier de clients remplacées par celles des lignes : {0}{1}"
    ),
    " and {0} more": " et {0} autres",
    "wrote {0}": "écrit {0}",
    "refreshed {0}": "actualisé {0}",
    "Paste main.py and requirements.txt into the xlwings Lite editor's tabs of the same names.": (
        "Collez main.py et requirements.txt dans les onglets du même nom de l'éditeur de xlwings Lite."
    ),
    "installed {0}; restart Excel to see the Client ROI tab": "installé {0} ; redémarrez Excel pour voir l'onglet Client ROI",
    "client-roi: {0}": "client-roi : {0}",
    "client-roi: {0}{1}": "client-roi : {0}{1}",
    "client-roi: interrupted; nothing was written": "client-roi : interrompu ; rien n'a été écrit",
    "client-roi: unexpected error ({0}: {1}); nothing was written. Please report it (CLIENT_ROI_DEBUG=1 shows "
    "the details)": (
        "client-roi : erreur inattendue ({0} : {1}) ; rien n'a été écrit. Merci de la signaler "
        "(CLIENT_ROI_DEBUG=1 montre les détails)"
    ),
    # --- Excel's functions and the add-in --------------------------------------------------
    "tiers must be 3 or more in Excel: a 2-tier band is one offset, which band reads as ±p": (
        "il faut 3 catégories ou plus dans Excel : une bande à 2 catégories est un seul écart, que band lit comme ±p"
    ),
    "role must have as many cells as current_tier": "role doit avoir autant de cellules que current_tier",
    "previous_tier and current_tier must have as many cells": "previous_tier et current_tier doivent avoir autant de cellules",
    "no tier in previous_tier or current_tier": "aucune catégorie dans previous_tier ou current_tier",
    "the xlwings template has no {0}": "le modèle de xlwings n'a pas de {0}",
    "the xlwings template's _rels/.rels does not link the ribbon part": (
        "le _rels/.rels du modèle de xlwings ne relie pas la partie du ruban"
    ),
    "no desktop Excel found on this system ({0}): nothing installed. {1}": (
        "aucun Excel de bureau trouvé sur ce système ({0}) : rien n'a été installé. {1}"
    ),
    "{0} exists; use --force to replace it": "{0} existe ; utilisez --force pour le remplacer",
    "this xlwings ({0}) has no quickstart_addin_ribbon.xlam": "ce xlwings ({0}) n'a pas de quickstart_addin_ribbon.xlam",
    "expected one ribbon callback in the xlwings template, found {0}": (
        "un seul rappel de ruban attendu dans le modèle de xlwings, trouvé {0}"
    ),
    "ribbon must have the one tab {0}, found {1}": "le ruban doit avoir le seul onglet {0}, trouvé {1}",
    "ribbon button {0} is not wired to {1}": "le bouton du ruban {0} n'est pas relié à {1}",
    "the xlwings template has no {0} sheet": "le modèle de xlwings n'a pas de feuille {0}",
    "the xlwings template's config sheet has no {0} row": "la feuille config du modèle de xlwings n'a pas de ligne {0}",
    # --- files: reading ----------------------------------------------------------------------
    "{0}: unknown encoding {1}": "{0} : encodage inconnu {1}",
    "{0}: is not {1} (byte {2}: 0x{3})": "{0} : n'est pas en {1} (octet {2} : 0x{3})",
    "{0}: starts like {1} but byte {2} is not (0x{3})": "{0} : commence comme {1} mais l'octet {2} n'en est pas (0x{3})",
    "{0}: cannot tell its encoding (not UTF-8, Windows-1252 or Mac Roman); save it as CSV UTF-8 or say --encoding": (
        "{0} : son encodage ne peut être déterminé (ni UTF-8, ni Windows-1252, ni Mac Roman) ; enregistrez-le en "
        "CSV UTF-8 ou dites --encoding"
    ),
    "{0}: reads as {1} ({2}) or {3} ({4}); say --encoding {5} or --encoding {6}, or save it as CSV UTF-8": (
        "{0} : se lit en {1} ({2}) ou en {3} ({4}) ; dites --encoding {5} ou --encoding {6}, ou enregistrez-le "
        "en CSV UTF-8"
    ),
    "{0}: the file is empty": "{0} : le fichier est vide",
    "{0}: cannot tell its separator (tried , ; tab |); a row near the top should name the columns": (
        "{0} : son séparateur ne peut être déterminé (essayés : , ; tabulation |) ; une ligne en haut devrait "
        "nommer les colonnes"
    ),
    "{0} row {1}: {2}": "{0} ligne {1} : {2}",
    "{0}: cannot be read as a workbook ({1}: {2})": "{0} : ne peut être lu comme un classeur ({1} : {2})",
    "{0} cell '{1}'!{2} (column '{3}'): {4}": "{0} cellule '{1}'!{2} (colonne '{3}') : {4}",
    "{0}: has no sheet '{1}' (its sheets: {2})": "{0} : n'a pas de feuille '{1}' (ses feuilles : {2})",
    "{0}: the sheet '{1}' is empty": "{0} : la feuille '{1}' est vide",
    "{0}: has {1} characters; an Excel cell holds at most {2}": "{0} : a {1} caractères ; une cellule Excel en tient au plus {2}",
    "{0}: contains the control character U+{1}, which a workbook cannot hold": (
        "{0} : contient le caractère de contrôle U+{1}, qu'un classeur ne peut pas contenir"
    ),
    "{0}: has no column '{1}' for '{2}' (found: {3})": "{0} : n'a pas de colonne '{1}' pour '{2}' (trouvées : {3})",
    "{0}: columns '{1}' and '{2}' both mean '{3}'": "{0} : les colonnes '{1}' et '{2}' veulent toutes deux dire '{3}'",
    '{0}: no column for {1} (found: {2}); if one of them is it, say which: --column "{3}=ITS HEADER"': (
        "{0} : pas de colonne pour {1} (trouvées : {2}) ; si l'une d'elles l'est, dites laquelle : "
        '--column "{3}=SON EN-TÊTE"'
    ),
    "{0} row {1}: has {2} fields, the header {3}": "{0} ligne {1} : a {2} champs, l'en-tête {3}",
    "{0}: has {1} customer rows, and the Customers sheet holds at most {2} below its header (Excel's limit of "
    "{3} rows): split the file": (
        "{0} : a {1} lignes de clients, et la feuille Clients en tient au plus {2} sous son en-tête (la limite "
        "d'Excel de {3} lignes) : scindez le fichier"
    ),
    "{0}: {1} looks like a total line, but its gross margin ({2}) is not the sum of the rows above it ({3}): "
    "remove the line, or rename the customer": (
        "{0} : {1} ressemble à une ligne de total, mais sa marge brute ({2}) n'est pas la somme des lignes "
        "au-dessus ({3}) : supprimez la ligne, ou renommez le client"
    ),
    "{0}: {1} is listed again (first at row {2}): a customer listed twice would count twice; merge the rows, or "
    "say --merge-duplicates to add up their numbers": (
        "{0} : {1} apparaît de nouveau (d'abord à la ligne {2}) : un client listé deux fois compterait deux "
        "fois ; fusionnez les lignes, ou dites --merge-duplicates pour additionner leurs nombres"
    ),
    "{0}: {1} is listed again (first at row {2}) with another '{3}': the rows cannot be merged": (
        "{0} : {1} apparaît de nouveau (d'abord à la ligne {2}) avec un autre '{3}' : les lignes ne peuvent "
        "être fusionnées"
    ),
    "{0}: is {1}, not a number": "{0} : est {1}, pas un nombre",
    "{0}: is {1}, not a finite number": "{0} : est {1}, pas un nombre fini",
    "{0}: no such file": "{0} : fichier introuvable",
    "{0}: is not a file": "{0} : n'est pas un fichier",
    "{0}: cannot be read (permission denied)": "{0} : ne peut être lu (permission refusée)",
    "{0}: --sheet is for workbooks; a text export has one table": (
        "{0} : --sheet est pour les classeurs ; un export texte a un seul tableau"
    ),
    "{0} row {1}": "{0} ligne {1}",
    "{0}: expected a text export ({1}) or a workbook ({2})": "{0} : un export texte ({1}) ou un classeur ({2}) était attendu",
    "{0} cell {1}": "{0} cellule {1}",
    "{0} (customer {1}), column '{2}'": "{0} (client {1}), colonne '{2}'",
    "{0}, header '{1}'": "{0}, en-tête '{1}'",
    "is text {0}, not a number{1}": "est le texte {0}, pas un nombre{1}",
    " (a dash is how an accounting format shows a zero: type 0, or leave the cell blank)": (
        " (un tiret est la façon dont un format comptable montre un zéro : tapez 0, ou laissez la cellule vide)"
    ),
    "is text {0}{1}": "est le texte {0}{1}",
    " (not a number with {0})": " (pas un nombre avec {0})",
    "a decimal point": "un point décimal",
    "a decimal comma": "une virgule décimale",
    "{0} needs a decimal point but {1} a decimal comma: one column, one convention": (
        "{0} demande un point décimal mais {1} une virgule décimale : une colonne, une convention"
    ),
    "{0} reads {1} with a decimal point or {2} with a decimal comma, and no other value tells which: say "
    "--decimal . or --decimal ,": (
        "{0} se lit {1} avec un point décimal ou {2} avec une virgule décimale, et aucune autre valeur ne dit "
        "laquelle : dites --decimal . ou --decimal ,"
    ),
    # --- files: invoice lines and databases ----------------------------------------------------
    '{0}: PostgreSQL sources need psycopg: python -m pip install "psycopg[binary]" (the [postgres] extra of '
    "client-roi)": (
        '{0} : les sources PostgreSQL demandent psycopg : python -m pip install "psycopg[binary]" (l\'extra '
        "[postgres] de client-roi)"
    ),
    "{0}: a password in the URL would stay in your shell's history; give it in PGPASSWORD or ~/.pgpass instead": (
        "{0} : un mot de passe dans l'URL resterait dans l'historique de votre shell ; donnez-le plutôt dans "
        "PGPASSWORD ou ~/.pgpass"
    ),
    "{0}: cannot connect ({1})": "{0} : connexion impossible ({1})",
    "--engine spark needs PySpark: pip install pyspark (and Java 17)": (
        "--engine spark demande PySpark : pip install pyspark (et Java 17)"
    ),
    "--column: '{0}' is not a column of invoice lines ({1})": "--column : '{0}' n'est pas une colonne des lignes de factures ({1})",
    "{0}: {1} of its {2} lines lack a customer, a date or an amount, or have an amount with more than {3} decimals": (
        "{0} : {1} de ses {2} lignes n'ont pas de client, de date ou de montant, ou ont un montant à plus de "
        "{3} décimales"
    ),
    "{0}: has no invoice lines": "{0} : n'a aucune ligne de facture",
    "{0}: --to {1} is before every line (the first is on {2})": "{0} : --to {1} est avant toutes les lignes (la première est du {2})",
    "{0}: no line in the period {1} – {2} (the lines run from {3} to {4}); say --to or --months": (
        "{0} : aucune ligne dans la période {1} – {2} (les lignes vont du {3} au {4}) ; dites --to ou --months"
    ),
    "{0}: a customer's total has more than 15 digits; it cannot be summed exactly": (
        "{0} : le total d'un client a plus de 15 chiffres ; il ne peut être additionné exactement"
    ),
    "{0}: --engine spark reads Parquet (a file or a folder)": "{0} : --engine spark lit du Parquet (un fichier ou un dossier)",
    "{0}: expected a text export ({1}), a workbook ({2}) or a Parquet file (.parquet)": (
        "{0} : un export texte ({1}), un classeur ({2}) ou un fichier Parquet (.parquet) était attendu"
    ),
    "cell '{0}'!{1}{2}": "cellule '{0}'!{1}{2}",
    "{0}, column '{1}'": "{0}, colonne '{1}'",
    "{0}: is blank; a line needs a customer, a date and an amount (nor is it a total line: its amount is not the sum of the lines above it)": (
        "{0} : est vide ; une ligne a besoin d'un client, d'une date et d'un montant (et ce n'est pas une ligne de total : son montant n'est pas la somme des lignes au-dessus)"
    ),
    "{0}: {1} looks like a total line, but its amount is not the sum of the lines above it: remove the line, or rename the customer": (
        "{0} : {1} ressemble à une ligne de total, mais son montant n'est pas la somme des lignes au-dessus : retirez la ligne, ou renommez le client"
    ),
    "{0}: is blank; a line needs a customer, a date and an amount": (
        "{0} : est vide ; une ligne a besoin d'un client, d'une date et d'un montant"
    ),
    "{0}: {1} is not a date (nor an Excel date serial)": "{0} : {1} n'est pas une date (ni un numéro de série de date Excel)",
    "{0}: {1} has {2} decimals; an amount may have at most {3}": "{0} : {1} a {2} décimales ; un montant peut en avoir au plus {3}",
    "{0}: {1} has too many digits to be summed exactly": "{0} : {1} a trop de chiffres pour être additionné exactement",
    "{0}: column '{1}' is {2}, not a date: store it as a date, or convert it in a query": (
        "{0} : la colonne '{1}' est {2}, pas une date : stockez-la comme date, ou convertissez-la dans une requête"
    ),
    "{0}: column '{1}' is {2}, not a number: store amounts as numbers": (
        "{0} : la colonne '{1}' est {2}, pas un nombre : stockez les montants comme nombres"
    ),
    "{0}: column '{1}' has amounts with more than {2} decimals": "{0} : la colonne '{1}' a des montants à plus de {2} décimales",
    '{0}: say which lines: --table NAME or --query "SELECT …"': (
        '{0} : dites quelles lignes : --table NOM ou --query "SELECT …"'
    ),
    "{0}: --table and --query go with a database: a postgresql:// URL or a DuckDB file ({1}); give a file of "
    "lines without them": (
        "{0} : --table et --query vont avec une base de données : une URL postgresql:// ou un fichier DuckDB "
        "({1}) ; donnez un fichier de lignes sans eux"
    ),
    "{0}: no such DuckDB database": "{0} : base DuckDB introuvable",
    "{0}: cannot be opened as a DuckDB database ({1})": "{0} : ne peut être ouvert comme base DuckDB ({1})",
    "--query: cannot be read as {0} SQL ({1})": "--query : ne peut être lu comme du SQL {0} ({1})",
    "{0}, customer '{1}', column '{2}': {3}": "{0}, client '{1}', colonne '{2}' : {3}",
    "{0}–{1} (previous {2}–{3})": "{0}–{1} (précédente {2}–{3})",
    # --- files: writing ------------------------------------------------------------------------
    "{0}: the output must end with {1}": "{0} : la sortie doit finir par {1}",
    "{0}: the output must end with .xlsx{1}": "{0} : la sortie doit finir par .xlsx{1}",
    "{0}: the workbook has macros; write it as .xlsm to keep them": (
        "{0} : le classeur a des macros ; écrivez-le en .xlsm pour les garder"
    ),
    "{0}: the workbook has no macros; write it as .xlsx": "{0} : le classeur n'a pas de macros ; écrivez-le en .xlsx",
    "{0}: will not overwrite the input file; choose another output": (
        "{0} : le fichier d'entrée ne sera pas écrasé ; choisissez une autre sortie"
    ),
    "{0}: exists and is not a regular file; choose another output": (
        "{0} : existe et n'est pas un fichier ordinaire ; choisissez une autre sortie"
    ),
    "{0}: the folder {1} does not exist": "{0} : le dossier {1} n'existe pas",
    "{0}: cannot write in {1} ({2})": "{0} : impossible d'écrire dans {1} ({2})",
    "{0}: is saved as a Strict Open XML Spreadsheet, which is not read here; in Excel, File > Save As > "
    "'Excel Workbook (*.xlsx)' (or 'Excel Macro-Enabled Workbook'), then try again": (
        "{0} : est enregistré en « Feuille de calcul Open XML Strict », qui n'est pas lue ici ; dans Excel, "
        "Fichier > Enregistrer sous > « Classeur Excel (*.xlsx) » (ou « Classeur Excel prenant en charge les "
        "macros »), puis réessayez"
    ),
    "{0}: not an .xlsx file (not a zip archive)": "{0} : pas un fichier .xlsx (pas une archive zip)",
    "{0}: expands to {1} GB; refused": "{0} : se décompresse en {1} Go ; refusé",
    # --- the method's arguments ----------------------------------------------------------------
    "{0} has no numbers (only blanks)": "{0} n'a aucun nombre (que des vides)",
    "{0} must be a number, got {1}": "{0} doit être un nombre, reçu {1}",
    "{0} must be a finite number, got {1}": "{0} doit être un nombre fini, reçu {1}",
    "{0} must be in {1}, got {2}": "{0} doit être dans {1}, reçu {2}",
    "{0} overflows (beyond ±{1}); check the magnitudes": "{0} déborde (au-delà de ±{1}) ; vérifiez les ordres de grandeur",
    "a boolean ({0})": "un booléen ({0})",
    "the error value {0}": "la valeur d'erreur {0}",
    "text {0}": "le texte {0}",
    "infinite ({0})": "infini ({0})",
    "{0} item {1} {2}": "{0} élément {1} {2}",
    "{0} (row {1}, column {2})": "{0} (ligne {1}, colonne {2})",
    "is {0}": "est {0}",
    "blank": "vide",
    "is blank": "est vide",
    "the sum of {0}": "la somme de {0}",
    "is {0}; expected yes/no, oui/non, true/false or 1/0": "est {0} ; attendu oui/non, yes/no, true/false ou 1/0",
    "is blank but has_paid is filled": "est vide alors que has_paid (A payé) est rempli",
    "is {0}; costs must be ≥ 0": "est {0} ; les coûts doivent être ≥ 0",
    "an effort budget": "un budget d'effort",
    "is {0}; effort must be ≥ 0": "est {0} ; l'effort doit être ≥ 0",
    "the cost of one day": "le coût d'une journée",
    "effort in days": "l'effort en jours",
    "is {0}; days spent must be ≥ 0": "est {0} ; les jours passés doivent être ≥ 0",
    "a quantile of the population": "un quantile de la population",
    "is {0}; offsets must be > {1}": "est {0} ; les écarts doivent être > {1}",
    "({0}) must not start with '#'": "({0}) ne doit pas commencer par '#'",
    "a band threshold": "un seuil de bande",
    "holds the error value {0}": "contient la valeur d'erreur {0}",
    "holds the formula ={0} with no computed value: open and save the file in Excel or LibreOffice, then try again": (
        "contient la formule ={0} sans valeur calculée : ouvrez et enregistrez le fichier dans Excel ou "
        "LibreOffice, puis réessayez"
    ),
    "population mean gain is {0}; tiers need a positive mean gain{1}": (
        "le gain moyen de la population est {0} ; les catégories demandent un gain moyen positif{1}"
    ),
    "band is empty": "la bande est vide",
    "band has {0} offsets; at most {1} ({2} tiers) are allowed": (
        "la bande a {0} écarts ; au plus {1} ({2} catégories) sont permis"
    ),
    "band offsets must be strictly increasing; item {0} ({1}) is not above item {2} ({3})": (
        "les écarts de la bande doivent croître strictement ; l'élément {0} ({1}) n'est pas au-dessus de "
        "l'élément {2} ({3})"
    ),
    "labels has {0} item(s) but the band gives {1} tiers": "labels a {0} élément(s) mais la bande donne {1} catégories",
    "labels must be distinct, got {0}": "les libellés doivent être distincts, reçu {0}",
    "band 'balanced' needs the population": "la bande « équilibré » demande la population",
    "tiers must be a whole number from 2 to {0}, got {1}": "tiers doit être un nombre entier de 2 à {0}, reçu {1}",
    "tiers must be from 2 to {0}, got {1}": "tiers doit aller de 2 à {0}, reçu {1}",
    "population's {0}/{1} quantile is {2}; balanced bands need positive thresholds (too many customers with no or "
    "negative gain)": (
        "le quantile {0}/{1} de la population est {2} ; les bandes équilibrées demandent des seuils positifs "
        "(trop de clients sans gain ou à gain négatif)"
    ),
    "population has too many equal gains for {0} tiers: the {1}/{2} and {3}/{4} quantiles are both {5}; ask for "
    "fewer tiers": (
        "la population a trop de gains égaux pour {0} catégories : les quantiles {1}/{2} et {3}/{4} valent "
        "tous deux {5} ; demandez moins de catégories"
    ),
    "population's {0}/{1} and {2}/{3} quantiles ({4} and {5}) are too close for two distinct thresholds; ask for "
    "fewer tiers": (
        "les quantiles {0}/{1} et {2}/{3} de la population ({4} et {5}) sont trop proches pour deux seuils "
        "distincts ; demandez moins de catégories"
    ),
    "k must be in [0, 1], got {0}": "k doit être dans [0, 1], reçu {0}",
    "({0}) is over {1} characters": "({0}) dépasse {1} caractères",
    "{0} is blank: give a number": "{0} est vide : donnez un nombre",
    "gain has {0} items but acquisition_cost has {1}": "gain a {0} éléments mais acquisition_cost en a {1}",
    "population has no positive gain; a share of the gain needs one": (
        "la population n'a aucun gain positif ; une part du gain en demande un"
    ),
    "top_n must be a whole number ≥ 1, got {0}": "top_n doit être un nombre entier ≥ 1, reçu {0}",
    "should_pay has {0} items but has_paid has {1}": "should_pay a {0} éléments mais has_paid en a {1}",
    "cac is blank: give a number or acquisition costs": "cac est vide : donnez un nombre ou des coûts d'acquisition",
    "cac must be ≥ 0, got {0}": "cac doit être ≥ 0, reçu {0}",
    "no paying client has a gross margin: nothing to tier against": (
        "aucun client payant n'a de marge brute : rien pour établir les catégories"
    ),
    "the previous period's clients cannot be tiered: {0}": (
        "les clients de la période précédente ne peuvent être répartis en catégories : {0}"
    ),
    "currency is {0}: give one of {1} (or EUR, USD, GBP, CHF, JPY)": (
        "currency est {0} : donnez l'une de {1} (ou EUR, USD, GBP, CHF, JPY)"
    ),
    "is {0}, not one of {1}": "est {0}, pas l'une de {1}",
    "{0} row {1} is {2}, not one of the tiers {3}": "{0} ligne {1} est {2}, pas une des catégories {3}",
    "is {0}, not one of the tiers {1}": "est {0}, pas une des catégories {1}",
    "previous_tier and tier must have the same length": "previous_tier et tier doivent avoir la même longueur",
    "months must be a whole number of months from 1 to {0}, not {1}": (
        "months doit être un nombre entier de mois de 1 à {0}, pas {1}"
    ),
    "a band needs at least one offset": "une bande a besoin d'au moins un écart",
    "balance needs at least one customer in a tier": "l'équilibre demande au moins un client dans une catégorie",
    "bands has no numbers (only blanks)": "bands n'a aucun nombre (que des vides)",
    # --- the workbook's refresh -------------------------------------------------------------------
    "the workbook has no table named '{0}'": "le classeur n'a pas de tableau nommé '{0}'",
    "{0}: holds the formula {1}, whose value cannot be read here": (
        "{0} : contient la formule {1}, dont la valeur ne peut être lue ici"
    ),
    "the defined name '{0}' is ={1}, not a range of cells: point it at its cells again (Formulas > Name Manager)": (
        "le nom défini '{0}' est ={1}, pas une plage de cellules : faites-le pointer de nouveau sur ses cellules "
        "(Formules > Gestionnaire de noms)"
    ),
    "{0}: column '{1}' repeats '{2}' in table {3}": "{0} : la colonne '{1}' répète '{2}' dans le tableau {3}",
    "table {0} on sheet '{1}' has no column {2}": "le tableau {0} de la feuille '{1}' n'a pas de colonne {2}",
    "the workbook has no defined name '{0}' (Parameters)": "le classeur n'a pas de nom défini '{0}' (Paramètres)",
    "parameter '{0}': {1}": "paramètre '{0}' : {1}",
    "{0} (column '{1}'): {2} is typed just below table {3}, outside it, so it would be left out: resize the table "
    "to include that row (Table Design > Resize Table), or move it": (
        "{0} (colonne '{1}') : {2} est tapé juste sous le tableau {3}, hors de lui, et serait donc laissé de "
        "côté : redimensionnez le tableau pour inclure cette ligne (Création de tableau > Redimensionner le "
        "tableau), ou déplacez-le"
    ),
    "{0} (column '{1}', customer row {2}): {3}": "{0} (colonne '{1}', ligne de client {2}) : {3}",
    "{0} (parameter '{1}'): {2}": "{0} (paramètre '{1}') : {2}",
    "table {0} on sheet '{1}': {2}": "tableau {0} de la feuille '{1}' : {2}",
    "{0} ({1}): its {2} rows would go past the sheet's last row, {3} (Excel's limit)": (
        "{0} ({1}) : ses {2} lignes iraient au-delà de la dernière ligne de la feuille, {3} (la limite d'Excel)"
    ),
    "the workbook has no defined name '{0}'": "le classeur n'a pas de nom défini '{0}'",
    "not a cell range: {0}": "pas une plage de cellules : {0}",
    "{0} customers, and the Customers sheet holds at most {1} below its header (Excel's limit of {2} rows): take a "
    "shorter period, or split the customers": (
        "{0} clients, et la feuille Clients en tient au plus {1} sous son en-tête (la limite d'Excel de {2} "
        "lignes) : prenez une période plus courte, ou scindez les clients"
    ),
}
