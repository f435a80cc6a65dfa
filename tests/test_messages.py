"""French all through (issue 18, item 9): one table of messages (client_roi.messages.FR) that
holds every message the code can raise or print, and the bad-input catalogue read in French."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from test_sloppy_inputs import REFUSALS, _make, _snapshot

from client_roi import cli, messages
from client_roi.workbook import layout, refresh, template
from client_roi.workbook.refresh import RefreshError

PACKAGE = Path(cli.__file__).parent
#: Helpers whose argument at this position is a message (a cause, what overflowed).
HELPERS = {"ColumnProblem": 1, "_item_error": 3, "_finite_result": 1}
#: Constructors and calls whose first text is a message.
SPEAKERS = {"ClientRoiError", "InputFileError", "RefreshError", "OptionError", "OutputError", "AddinError", "say"}
#: Where message fragments are also built by returns and assignments (a place, a cause).
FRAGMENTS = ("files/", "method/", "cli.py", "commands.py", "report.py", "workbook/refresh.py")
FRAGMENT_NAMES = {"why", "place", "cause", "message", "what", "widest", "dash"}
#: Texts the collector finds that are values, not messages (a band word, a verdict, a view name).
NOT_MESSAGES = {"balanced", "diversified", "moderate", "concentrated", "client_roi_lines", "en", "fr", "DATE", "DOUBLE"}
NOT_MESSAGES |= {"margin_rate", "flags"}  # a column's key, where the roles were read from
NOT_MESSAGES |= {"client", "prospect", "user"}  # roles: the workbook's words, per language (layout.ROLE_WORDS)
#: Entries built where the collector cannot see them (nested f-strings, progress names, lists).
BY_HAND = {
    "reading",
    "building",
    "refreshing",
    "saving",
    "--currency",
    "as the file shows: {0}",
    "the default, as none is shown; --currency to choose",
    "row {0} ({1})",
    " and {0} more",
    "--{0}: {1}",
    "{0} (rows {1})",
    "blank",
    "refreshed {0}",
    "{0}, header '{1}'",
    " (not a number with {0})",
    "a decimal point",
    "a decimal comma",
    "is {0}",
}


def _flatten(node: ast.AST) -> list[str | None]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _flatten(node.left) + _flatten(node.right)
    if isinstance(node, ast.JoinedStr):
        return [v.value if isinstance(v, ast.Constant) else None for v in node.values]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    return [None]


def _skeleton(parts: list[str | None]) -> str:
    out, k = "", 0
    for p in parts:
        if p is None:
            out += f"{{{k}}}"
            k += 1
        else:
            out += p.replace("{", "{{").replace("}", "}}")
    return out


def code_messages() -> dict[str, str]:
    """Every message skeleton of the package's code, with where it is."""
    found: dict[str, str] = {}
    for f in sorted(PACKAGE.rglob("*.py")):
        rel = f.relative_to(PACKAGE).as_posix()
        if rel in ("messages.py", "messages_fr.py"):
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            texts: list[ast.AST] = []
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                if name in SPEAKERS:
                    texts += node.args[:1]
                elif name in HELPERS:
                    texts += node.args[HELPERS[name] : HELPERS[name] + 1]
                texts += [k.value for k in node.keywords if k.arg == "cause"]
            elif rel.startswith(FRAGMENTS) and isinstance(node, ast.Return) and node.value is not None:
                texts.append(node.value)
            elif rel.startswith(FRAGMENTS) and isinstance(node, (ast.Assign, ast.AugAssign)):
                targets = [node.target] if isinstance(node, ast.AugAssign) else node.targets
                if any(getattr(t, "id", "") in FRAGMENT_NAMES or isinstance(t, ast.Subscript) for t in targets):
                    texts.append(node.value)
            texts = [b for t in texts for b in ((t.body, t.orelse) if isinstance(t, ast.IfExp) else (t,))]
            for text in texts:
                if not isinstance(text, (ast.JoinedStr, ast.Constant, ast.BinOp)):
                    continue
                parts = _flatten(text)
                skeleton = _skeleton(parts)
                words = re.sub(r"\{\d+\}", "", skeleton)
                if re.search(r"[A-Za-z]{2}", words) and skeleton not in NOT_MESSAGES:
                    found.setdefault(skeleton, f"{rel}:{node.lineno}")
    return found


def test_every_message_of_the_code_is_in_the_table():
    missing = {k: v for k, v in code_messages().items() if k not in messages.FR}
    assert not missing, "\n".join(f"{v}: {k!r}" for k, v in missing.items())


def test_the_table_holds_nothing_else():
    stale = set(messages.FR) - set(code_messages()) - BY_HAND
    assert not stale, stale


@pytest.mark.parametrize("english", list(messages.FR))
def test_each_french_skeleton_takes_the_same_values(english):
    holes = sorted(re.findall(r"\{\d+\}", english))
    assert sorted(re.findall(r"\{\d+\}", messages.FR[english])) == holes


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
    assert messages.translate("anything at all", "en") == "anything at all"
