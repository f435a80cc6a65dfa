"""Every word from one catalogue (issue 30): messages are looked up by their identifier
(:func:`client_roi.messages.tr`), the French catalogue holds every identifier the code looks up
and nothing else, each French entry has the English one's holes, a user's data is never
translated, and the bad-input catalogue reads French all through."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from test_sloppy_inputs import REFUSALS, _make, _snapshot

from client_roi import cli, messages
from client_roi.messages import tr
from client_roi.workbook import layout, refresh, template
from client_roi.workbook.refresh import RefreshError

PACKAGE = Path(cli.__file__).parent
#: Calls whose first argument is a catalogue identifier.
LOOKUPS = {"tr", "step", "_fill"}  # _fill: a live book's formula saying a message
#: Calls whose first text is a message: it must come from the catalogue, never be written in place.
SPEAKERS = {"ClientRoiError", "InputFileError", "RefreshError", "OptionError", "OutputError", "AddinError", "say"}
#: Helpers whose argument at this position is a message (a cause, what overflowed).
HELPERS = {"ColumnProblem": 1, "DateProblem": 1, "_item_error": 3, "_finite_result": 1, "refuse": 1}
#: Identifiers the code looks up through a name, not a literal (progress steps, word tables).
BY_NAME = {"reading", "building", "refreshing", "saving", "a decimal point", "a decimal comma"}


def _literal(node: ast.AST) -> str | None:
    """The text of a string literal (implicitly concatenated parts included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def looked_up() -> dict[str, str]:
    """Every identifier the package's code looks up, with where."""
    found: dict[str, str] = {}
    for f in sorted(PACKAGE.rglob("*.py")):
        rel = f.relative_to(PACKAGE).as_posix()
        if rel in ("messages.py", "messages_fr.py"):
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                text = _literal(node.args[0])
                if name in LOOKUPS and text is not None:
                    found.setdefault(text, f"{rel}:{node.lineno}")
    return found


def written_in_place() -> list[str]:
    """Messages written in place of a lookup: an f-string or a literal with words given to a
    speaker (an error, a line of the summary)."""
    out = []
    for f in sorted(PACKAGE.rglob("*.py")):
        rel = f.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            at = HELPERS.get(name, 0)
            if len(node.args) <= at:
                continue
            first = node.args[at]
            texts = [v.value for v in ast.walk(first) if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            if (
                (name in SPEAKERS or name in HELPERS)
                and isinstance(first, (ast.JoinedStr, ast.Constant, ast.BinOp))
                and re.search(r"[A-Za-z]{2}|[:;]", "".join(texts))
            ):
                out.append(f"{rel}:{node.lineno}: {ast.unparse(first)[:80]}")
    return out


def _english(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        return [t for v in value.values() for t in _english(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _english(v)]
    return []


def workbook_words() -> dict[str, str]:
    """Every identifier of the workbook's tables of words: the schema's columns and parameters,
    the layout's and the template's words (each a :class:`~client_roi.messages.Said`)."""
    from client_roi import method
    from client_roi.files import dates
    from client_roi.schema import columns, parameters
    from client_roi.workbook import stale, words
    from client_roi.workbook.live import places

    found = {c.en: "schema/columns.py" for c in columns.ALL_COLUMNS + columns.DOOR_COLUMNS + columns.LINE_COLUMNS}
    for p in parameters.PARAMETERS:
        found |= {t: "schema/parameters.py" for t in (*p.en, p.invalid) if t}
    for module in (layout, words, stale, places):
        for name, value in vars(module).items():
            tables = value.values() if isinstance(value, dict) else [value]
            for table in tables:
                if isinstance(table, messages.Said):
                    found |= {t: f"{module.__name__}.{name}" for t in _english(table.english)}
    found |= {t: "workbook/words.py:_GUIDE" for t, _ in words._GUIDE if t}
    found |= {words.LIVE_GUIDE: "workbook/words.py:LIVE_GUIDE"}
    found |= {method.BAND_WORD: "method/bands.py", "d": "workbook/styles.py:DAYS"}
    found |= {t: "messages.py:OS_REASONS" for t in messages.OS_REASONS.values()}
    found |= {t: "messages.py:CSV_REASONS" for t in messages.CSV_REASONS}
    found |= {cli.__doc__ or "": "cli.py:__doc__"}
    found |= {t: "files/dates.py" for t in (*dates.NAMES.values(), *dates.MONTHS)}
    return found


def test_every_identifier_the_code_looks_up_is_in_the_catalogue():
    missing = {k: v for k, v in (looked_up() | workbook_words()).items() if k not in messages.FR}
    assert not missing, "\n".join(f"{v}: {k!r}" for k, v in missing.items())


def test_the_catalogue_holds_nothing_else():
    stale = set(messages.FR) - set(looked_up()) - set(workbook_words()) - BY_NAME
    assert not stale, stale


def test_no_message_is_written_in_place():
    assert not written_in_place(), "\n".join(written_in_place())


@pytest.mark.parametrize("lang", [lang for lang in messages.LANGS if lang != "en"])
def test_each_catalogue_says_the_same_things_with_the_same_holes(lang):
    """A language's catalogue has every identifier the French one has, and each of its entries
    the English one's holes, with their formats (``{n:,}``)."""
    catalogue = messages.CATALOGUES[lang]
    assert set(catalogue) == set(messages.FR)
    for english, said in catalogue.items():
        assert sorted(re.findall(r"\{[^{}]*\}", said)) == sorted(re.findall(r"\{[^{}]*\}", english)), english
        assert sorted(messages.holes(said)) == sorted(messages.holes(english)), english


def test_a_users_data_is_never_translated():
    """The issue's findings: the user's header, a file named like a number, a name that is a
    word of the catalogue, all reach the user as written; our own words and numbers are French."""
    said = tr(
        "{name}: has no column '{text}' for '{wanted}' (found: {header})",
        "fr",
        name="12.5",
        text="blank",
        wanted="Gross margin",
        header="Client, Marge",
    )
    assert said == "12.5 : n'a pas de colonne 'blank' pour 'Gross margin' (trouvées : Client, Marge)"
    assert tr("wrote {built}", "fr", built="blank") == "écrit blank"
    assert tr("wrote {built}", "fr", built="12.5") == "écrit 12.5"
    assert tr("blank rows skipped: {n:,}", "fr", n=1234) == "lignes vides ignorées : 1\u202f234"
    assert tr("prospect plan: {days_needed} days needed (no prospecting days given)", "en", days_needed="12.5") == (
        "prospect plan: 12.5 days needed (no prospecting days given)"
    )


ENGLISH = re.compile(
    r"\b(the|is|not|with|and|row|rows|column|number|file|cannot|must|got|which|say|are|from|but|would|"
    r"give|only|than|there|missing|found|sheet|table|customer|lines?|empty|blank|decimal)\b",
    re.IGNORECASE,  # "customers" is left out: the table's name, Customers, in both languages
)


def english_left(text: str) -> list[str]:
    """English words left in a message, outside the user's own texts (quoted) and options."""
    text = re.sub(OS_WORDS, " ", text)  # the system's own words for a failed write
    plain = re.sub(r"'[^']*'|\"[^\"]*\"|--[\w-]+|\((?:[^()]*,){2,}[^()]*\)", " ", text)  # quotes, options, lists
    return ENGLISH.findall(plain)


OS_WORDS = r"\((No such file or directory|Permission denied|Is a directory|Read-only file system)\)"
LANG_COMMANDS = ("fill", "demo", "customers", "template")


@pytest.mark.parametrize("case", [c for c in REFUSALS if c[2][0] in LANG_COMMANDS], ids=lambda c: c[0])
def test_the_refusals_read_french_all_through(case, tmp_path, capsys, monkeypatch):
    _, made, argv, _ = case
    _make(tmp_path, made)
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    out = ["-o", "out.xlsx"] if "-o" not in argv and argv[0] in ("fill", "demo") else []
    code = cli.main([str(a) for a in [*argv, *out, "--lang", "fr"]])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("client-roi : ") and err.count("\n") == 1, err
    assert not english_left(err), (english_left(err), err)
    assert _snapshot(tmp_path) == before


def test_the_summary_and_numbers_in_french(tmp_path, capsys):
    assert cli.main(["demo", "--lang", "fr", "-o", str(tmp_path / "d.xlsx")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"écrit {tmp_path / 'd.xlsx'} (200 clients)\nmontants en € : par défaut")
    assert "Gain de référence (moyen par client) : 5\u202f200,20 ; Clients payants : 124" in out
    assert "21,8\xa0%" in out and "1\u202f553,36" in out
    assert "plan de prospection : 111,31 jours nécessaires pour 60,00 disponibles : charge 186\xa0%" in out
    assert not english_left(out.replace("Prospects", "")), english_left(out)


def test_a_french_workbook_refreshes_in_french(tmp_path, capsys):
    """The refresh of a French book: its errors in French, by the command line and in Excel
    (the pipeline itself speaks the book's language, so the ribbon and Lite say it too)."""
    import openpyxl

    assert cli.main(["demo", "--lang", "fr", "-o", str(tmp_path / "d.xlsx")]) == 0
    wb = openpyxl.load_workbook(tmp_path / "d.xlsx")
    ws = wb[layout.SHEETS["customers"]["fr"]]
    ws["D2"] = "beaucoup"
    wb.save(tmp_path / "bad.xlsx")
    capsys.readouterr()
    assert cli.main(["refresh", str(tmp_path / "bad.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("client-roi : Clients!D2 (colonne 'Marge brute', ligne de client 1) : "), err
    assert "le texte 'beaucoup'" in err and not english_left(err), err
    book = template.ZipBook((tmp_path / "bad.xlsx").read_bytes())
    with pytest.raises(RefreshError, match="ligne de client 1"):
        refresh.refresh(book)


def test_english_stays_english(tmp_path, capsys):
    assert cli.main(["fill", str(tmp_path / "none.csv"), "-o", str(tmp_path / "o.xlsx")]) == 2
    assert capsys.readouterr().err == f"client-roi: {tmp_path / 'none.csv'}: no such file\n"
    assert tr("anything at all", "en") == "anything at all"


def test_the_invoice_line_rules_refuse_in_french(tmp_path, capsys):
    """Issue 30: with --customers, a refusal of the invoice-line rules stayed English in a French
    run (``colonne 'Should pay' : est blank, and the customer has no invoice lines…``)."""
    lines = Path(__file__).parent.parent / "examples" / "lignes_factures.csv"
    listed = tmp_path / "clients.csv"
    listed.write_text("Client;Doit payer ?;A payé ?;Coût d'acquisition\nNouveau venu;;;100\n", encoding="utf-8")
    argv = ["fill", "--transactions", lines, "--customers", listed, "--lang", "fr", "-o", tmp_path / "o.xlsx"]
    assert cli.main([str(a) for a in argv]) == 2
    err = capsys.readouterr().err
    assert err == (
        "client-roi : clients.csv, client 'Nouveau venu', colonne 'Doit payer' : est vide, et le client n'a pas "
        "de ligne de facture : dites s'il doit payer\n"
    )
    assert not (tmp_path / "o.xlsx").exists()
