"""Every word from one catalogue, proved (issue 30, item 4): the tests' pseudo-language ``qps``
says each catalogue string as ``⟦its English⟧`` and marks each argument as ``‹…›``, and the
flows a French user runs are run in it: invoice lines → fill → an edited refresh → the
customers CSV; the template; every refusal of the bad-input catalogue. Any user-visible text
(cells, validations, comments, chart titles, defined names' comments, sheet and column names,
stdout, stderr) that is neither the catalogue's nor the user's own data fails the test."""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from test_sloppy_inputs import REFUSALS, _make

from client_roi import cli, messages
from client_roi.method import money
from client_roi.schema.columns import ALL_COLUMNS, DOOR_COLUMNS, LINE_COLUMNS
from client_roi.schema.parameters import PARAMETERS
from client_roi.workbook import live

PSEUDO = messages.PSEUDO
EXAMPLES = Path(__file__).parent.parent / "examples"
LINES = EXAMPLES / "lignes_factures.csv"

_MESSAGE = re.compile(r"⟦[^‹›⟦⟧]*⟧")  # an innermost message: its words are the catalogue's
_ARGUMENT = re.compile(r"‹([^‹›⟦⟧]*)›")  # an innermost argument: the user's data, a number…
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _plain(text: str, user: list[str]) -> bool:
    """No word in ``text`` once the user's own texts are taken out."""
    for said in user:
        text = text.replace(said, " ")
    return not _WORD.search(text.replace("·", " "))


def foreign(text: str, user: list[str], catalogued: tuple[str, ...] = ()) -> str:
    """What is left of ``text`` that came neither from the catalogue nor from the user's data
    (empty when all of it did). Messages and arguments are reduced from the innermost out: a
    message to a mark; an argument to a mark when it is a message, the user's data or words-free
    (a number, a path's punctuation), or one of ``catalogued`` (the catalogue's word in another
    language); an argument with words of no one's is left, and fails."""
    arguments = sorted({u for u in (*user, *catalogued) if u.strip()}, key=len, reverse=True)
    user = sorted({u for u in user if u.strip()}, key=len, reverse=True)
    while True:
        before = text
        text = _MESSAGE.sub("·", text)
        text = _ARGUMENT.sub(lambda m: "·" if _plain(m.group(1), arguments) else m.group(0), text)
        if text == before:
            break
    return "" if _plain(text, user) else text


def test_the_checker_tells_the_three_apart():
    user = ["Dupont SA", "lignes.csv"]
    assert foreign("⟦‹lignes.csv›: ‹⟦blank⟧›⟧", user) == ""
    assert foreign("Dupont SA", user) == ""
    assert foreign("⟦wrote ‹/tmp/lignes.csv› (12 customers)⟧", ["/tmp/lignes.csv"]) == ""
    assert foreign("⟦‹lignes.csv›: ‹is blank›⟧", user)  # an argument in English, not from the catalogue
    assert foreign("Customers", user)  # a word written in place
    assert foreign("⟦x⟧ and ⟦y⟧", user)
    assert foreign("⟦‹lignes.csv›: no column for ‹Marge brute›⟧", user, ("Marge brute",)) == ""
    assert foreign("Marge brute", user, ("Marge brute",))  # another language's word written in place


def _user_texts(*files: Path, extra: tuple[str, ...] = ()) -> list[str]:
    """The user's own texts: what they typed on the command line (each option's value, each
    part of a path), each file's path and name, every field of a text file, every sheet name
    and text cell of a workbook."""
    out = []
    for said in (*extra, *map(str, files)):
        out += [said, *said.split("="), *Path(said.split("=")[-1]).parts]
    for f in files:
        out += [f.name, str(f.parent)]
        if f.suffix in (".csv", ".txt", ".tsv") and f.is_file():
            data = f.read_bytes()  # read as each encoding the refusals may show it in
            text = "\n".join(data.decode(e, errors="replace") for e in ("utf-8-sig", "cp1252", "mac_roman"))
            for line in text.splitlines():
                out.append(line.strip())
                out += [cell.strip() for cell in re.split(r"[;,\t]", line)]
        elif f.suffix in (".xlsx", ".xlsm") and f.is_file():
            try:
                wb = openpyxl.load_workbook(f, read_only=True)
            except Exception:  # a damaged book of the catalogue: its name is the user's text
                continue
            for ws in wb.worksheets:
                out.append(ws.title)
                out += [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    return out


def book_texts(path: Path) -> list[tuple[str, str]]:
    """Every text a user sees in a workbook, with where: cells (shared and inline strings, the
    string literals of formulas), sheet names, table columns, data validations, comments, chart
    texts, defined names' comments."""
    found: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml") or name.startswith(("docProps/", "[Content_Types]", "customXml/")):
                continue
            root = ET.fromstring(z.read(name))
            for el in root.iter():
                tag = el.tag.rsplit("}", 1)[-1]
                if tag == "t" and el.text:  # shared strings, inline strings, rich text, chart text
                    found.append((name, el.text))
                elif tag == "v" and name.startswith("xl/charts/") and el.text and not _number(el.text):
                    found.append((name, el.text))  # a chart's cached category or series name
                elif tag == "f" and el.text:
                    found += [(f"{name} formula", s) for s in _said_in(el.text) if s]
                elif tag == "sheet":
                    found.append((name, el.get("name", "")))
                elif tag == "tableColumn":
                    found.append((name, el.get("name", "")))
                elif tag == "dataValidation":
                    for attr in ("error", "errorTitle", "prompt", "promptTitle"):
                        if el.get(attr):
                            found.append((f"{name} validation {attr}", el.get(attr, "")))
                elif tag == "definedName" and el.get("comment"):
                    found.append((f"{name} definedName", el.get("comment", "")))
                elif tag == "formula1" and el.text and el.text.startswith('"'):
                    found += [(f"{name} list", w) for w in el.text.strip('"').split(",")]
    return found


def _said_in(formula: str) -> list[str]:
    """A formula's texts: its string literals, those of one message joined (a live book says a
    message in pieces around its arguments, each an open ‹ before a formula, a › after it)."""
    out: list[str] = []
    for text in re.findall(r'"((?:[^"]|"")*)"', formula):
        if out and out[-1].count("‹") > out[-1].count("›"):
            out[-1] += "·" + text  # the argument's formula, then the message goes on
        else:
            out.append(text)
    return out


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


#: Texts no language translates: the currencies' signs and ISO codes (CHF, EUR…); the names of
#: the parameters and columns as the API and the options spell them (band, gross_margin); file
#: extensions; the encodings' names.
SYMBOLS = [*money.NAMES, *(p.name for p in PARAMETERS), *(c.key for c in ALL_COLUMNS + DOOR_COLUMNS)]
SYMBOLS += [".csv", ".txt", ".tsv", ".tab", ".xlsx", ".xlsm", ".xls", ".parquet", ".duckdb"]
SYMBOLS += ["Windows-1252", "Mac Roman", "cp1252", "mac_roman", "UTF-8", "ISO-8859-1", "latin-1"]
#: The catalogue's words in another language than English, as arguments only; and the columns'
#: names in every language, as arguments only: a column a file lacks is named in the file's
#: language (the user looks for it there), the catalogue's word though not the pseudo-language's.
CATALOGUED = tuple(t for t in messages.FR.values() if "{" not in t)
CATALOGUED += tuple(c.name(lang) for c in ALL_COLUMNS + DOOR_COLUMNS + LINE_COLUMNS for lang in messages.LANGS)


def assert_all_said(texts: list[tuple[str, str]], user: list[str]) -> None:
    user = [*user, *SYMBOLS]
    left = [(where, text, foreign(text, user, CATALOGUED)) for where, text in texts if foreign(text, user, CATALOGUED)]
    assert not left, "\n".join(f"{w}: {t!r} -> {f!r}" for w, t, f in left[:20])


@pytest.fixture
def pseudo(monkeypatch):
    """The command line takes ``--lang qps``."""
    monkeypatch.setattr(cli, "LANGS", (*messages.LANGS, PSEUDO))


def _run(argv: list, capsys) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _lines_of(out: str) -> list[tuple[str, str]]:
    return [("stdout/stderr", line) for line in out.splitlines() if line.strip()]


def test_invoice_lines_fill_refresh_and_customers_in_the_pseudo_language(pseudo, tmp_path, capsys):
    lines = tmp_path / "lignes_factures.csv"
    shutil.copy(LINES, lines)
    book, listing = tmp_path / "book.xlsx", tmp_path / "clients.csv"
    user = _user_texts(lines, book, listing, extra=(str(tmp_path),))

    code, out, err = _run(["fill", "--transactions", lines, "--lang", PSEUDO, "-o", book], capsys)
    assert code == 0, err
    assert_all_said(_lines_of(out + err), user)
    texts = book_texts(book)
    assert ("xl/workbook.xml", "⟦Customers⟧") in texts  # the sheets by the catalogue's names
    assert_all_said(texts, user)

    # an edited refresh: a customer's margin typed anew, the book refreshed in its own language
    wb = openpyxl.load_workbook(book)
    ws = wb["⟦Customers⟧"]
    header = [c.value for c in ws[1]]
    margin = header.index("⟦Gross margin⟧") + 1
    ws.cell(2, margin).value = 12345
    wb.save(book)
    code, out, err = _run(["refresh", book], capsys)
    assert code == 0, err
    assert_all_said(_lines_of(out + err), user)
    assert_all_said(book_texts(book), user)

    # and a refusal of the refresh: a margin typed as words, refused in the book's language
    wb = openpyxl.load_workbook(book)
    wb["⟦Customers⟧"].cell(2, margin).value = "beaucoup"
    wb.save(book)
    code, out, err = _run(["refresh", book], capsys)
    assert code == 2 and err.count("\n") == 1
    assert_all_said(_lines_of(err), [*user, "beaucoup"])

    code, out, err = _run(["customers", "--transactions", lines, "--lang", PSEUDO, "-o", listing], capsys)
    assert code == 0, err
    assert_all_said(_lines_of(out + err), user)
    with listing.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) > 5 and "⟦Customer⟧" in rows[0]
    assert_all_said([("customers csv", cell) for row in rows for cell in row], user)


def test_the_template_in_the_pseudo_language(pseudo, tmp_path, capsys):
    book = tmp_path / "template.xlsx"
    code, out, err = _run(["template", "--lang", PSEUDO, "-o", book], capsys)
    assert code == 0, err
    sample = _user_texts(Path(cli.__file__).parent / "data" / "sample_customers.csv")
    assert_all_said(_lines_of(out + err), [*sample, str(book), str(tmp_path)])
    assert_all_said(book_texts(book), sample)


LANG_COMMANDS = ("fill", "demo", "customers", "template")


@pytest.mark.parametrize("case", [c for c in REFUSALS if c[2][0] in LANG_COMMANDS], ids=lambda c: c[0])
def test_every_refusal_in_the_pseudo_language(pseudo, case, tmp_path, capsys, monkeypatch):
    _, made, argv, _ = case
    files = _make(tmp_path, made)
    monkeypatch.chdir(tmp_path)
    out = ["-o", "out.xlsx"] if "-o" not in argv and argv[0] in ("fill", "demo") else []
    code, _, err = _run([*argv, *out, "--lang", PSEUDO], capsys)
    assert code == 2 and err.count("\n") == 1, err
    user = _user_texts(*files, extra=(*(str(a) for a in argv), str(tmp_path), "out.xlsx"))
    assert_all_said(_lines_of(err), user)


@pytest.mark.parametrize("source", ["crm", "demo", "live demo"])
def test_a_crm_export_and_the_demo_in_the_pseudo_language(pseudo, source, tmp_path, capsys):
    """The README's other quick starts: a CRM export (Status, ARR in $, a margin %) and the demo."""
    book = tmp_path / "book.xlsx"
    if source == "crm":
        crm = tmp_path / "crm_accounts.csv"
        shutil.copy(EXAMPLES / "crm_accounts.csv", crm)
        argv = ["fill", crm, "--status", "Free trial=prospect", "--cac", "1500", "--lang", PSEUDO, "-o", book]
        user = _user_texts(crm, book, extra=(str(tmp_path), "Free trial=prospect"))
    else:
        argv = ["demo", "--lang", PSEUDO, "-o", book, *(["--live"] if source == "live demo" else [])]
        sample = Path(cli.__file__).parent / "data" / "sample_customers.csv"
        # a live book's hidden sheet lists the words a user may type (a flag, the balanced band's)
        typed = [w for key in ("yes", "no", "balanced_words") for w in live.word_list(key, PSEUDO)]
        user = _user_texts(sample, book, extra=(str(tmp_path), *typed))
    code, out, err = _run(argv, capsys)
    assert code == 0, err
    assert_all_said(_lines_of(out + err), user)
    assert_all_said(book_texts(book), user)


def test_a_prospects_potential_in_the_pseudo_language(pseudo, tmp_path, capsys):
    """The estimate's columns, words and block (issue 32) are the catalogue's too."""
    from test_potential import _sectors_csv

    source = tmp_path / "sectors.csv"
    _sectors_csv(source)
    book = tmp_path / "book.xlsx"
    code, out, err = _run(["fill", source, "--lang", PSEUDO, "-o", book], capsys)
    assert code == 0, err
    user = _user_texts(source, book, extra=(str(tmp_path),))
    assert_all_said(_lines_of(out + err), user)
    texts = book_texts(book)
    assert any("⟦Estimated margin⟧" == t for _, t in texts)
    assert any(t.startswith("⟦") and " clients with ‹Sector› = ‹Garage›, weight " in t for _, t in texts)
    assert any(t == "⟦these columns predict margin here⟧" for _, t in texts)
    assert_all_said(texts, user)
