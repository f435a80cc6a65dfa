"""The catalogue of sloppy and hostile inputs real users have: every value is read right or
refused with one line naming the place; the input is never changed and no output (not even a
temporary file) is left behind by a failure.

Three tables: READS (text exports: the exact numbers and texts read), REFUSALS (files, options
and paths that the CLI refuses: exit 2 and the exact message), and the workbook edits and
function calls below them.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
from officejs import call
from zips import rezip

from client_roi import cli, commands, files
from client_roi import functions as fx
from client_roi.files import options
from client_roi.workbook import layout, template

HEADER = "Customer,Should pay,Has paid,Gross margin,Expected margin,Acquisition cost"
TIER = 1 + [c.key for c in layout.COLUMNS].index("tier")  # 1-based column of Tier in the table
SEMI = HEADER.replace(",", ";")


def run(*argv) -> int:
    return cli.main([str(a) for a in argv])


def text_file(
    rows: list[str], header: str = HEADER, *, encoding: str = "utf-8", newline: str = "\n", bom: bytes = b""
) -> bytes:
    return bom + (newline.join([header, *rows]) + newline).encode(encoding)


# --------------------------------------------------------------------------------------------
# READS: (id, file bytes, read_customers options, {column: expected values})
# --------------------------------------------------------------------------------------------

READS = [
    # Headers as exports write them: units, currency signs and punctuation; title rows above
    (
        "units, currency and punctuation in headers",
        text_file(
            ["A,yes,yes,1234.5,,10"],
            "Customer name,Should pay?,Has paid?,Gross Margin (EUR),Expected margin [$],Acquisition cost (USD)",
        ),
        {},
        {"customer": ["A"], "gross_margin": [1234.5], "acquisition_cost": [10.0]},
    ),
    (
        "a title row and a blank row above a French header",
        "Export clients 2026 (Sage)\n\nNom du client;Doit payer ?;A payé ?;Marge brute (€);Coût d'acquisition (€)\n"
        "Alpha;oui;oui;1 000,50;100\n".encode(),
        {},
        {"customer": ["Alpha"], "gross_margin": [1000.5], "acquisition_cost": [100.0]},
    ),
    (
        "--column names the file's header for one of ours (the other margin is not read)",
        text_file(
            ["A;yes;yes;7;1 000,50;1"], "Customer;Should pay;Has paid;Marge nette (k€);Gross margin;Acquisition cost"
        ),
        {"columns": {"gross_margin": "Marge nette (k€)"}},
        {"customer": ["A"], "gross_margin": [7.0]},
    ),
    # Rows that are no customers: blank lines, total lines that add up; a customer listed twice, merged
    (
        "blank rows are skipped",
        text_file(["A;yes;yes;100;;1", ";;;;;", "", "B;yes;yes;50;;1"], SEMI),
        {},
        {"customer": ["A", "B"], "gross_margin": [100.0, 50.0]},
    ),
    (
        "a total line that adds up is skipped",
        text_file(["A;yes;yes;1 000,50;;1", "B;yes;yes;2 000,00;;1", "Total;;;3 000,50;;"], SEMI),
        {},
        {"customer": ["A", "B"], "gross_margin": [1000.5, 2000.0]},
    ),
    (
        "subtotals and a grand total are skipped; Total Energies is a customer",
        text_file(
            [
                "A,yes,yes,100,,1",
                "B,yes,yes,50,,1",
                "Sous-total,,,150,,",
                "C,yes,yes,10,,1",
                "Sous-total,,,10,,",
                "Total général,,,160,,",
                "Total Energies,yes,yes,5,,1",
            ]
        ),
        {},
        {"customer": ["A", "B", "C", "Total Energies"], "gross_margin": [100.0, 50.0, 10.0, 5.0]},
    ),
    (
        "--merge-duplicates adds up a customer's rows (names compared without case and extra spaces)",
        text_file(["Acme SA,yes,yes,0.1,,1", "B,yes,yes,5,,1", "ACME  sa,yes,yes,0.2,,2"]),
        {"merge_duplicates": True},
        {"customer": ["Acme SA", "B"], "gross_margin": [0.30000000000000004, 5.0], "acquisition_cost": [3.0, 1.0]},
    ),
    ("semicolon, decimal point", text_file(["A;yes;yes;1234.56;;10"], SEMI), {}, {"gross_margin": [1234.56]}),
    ("semicolon, decimal comma", text_file(["A;yes;yes;1234,56;;10"], SEMI), {}, {"gross_margin": [1234.56]}),
    ("comma, quoted decimal comma", text_file(['A,yes,yes,"1 234,56",,10']), {}, {"gross_margin": [1234.56]}),
    (
        "Unicode Text: UTF-16, tabs, CRLF",
        text_file(
            ["Café\tyes\tyes\t12,5\t\t1"],
            HEADER.replace(",", "\t"),
            encoding="utf-16-le",
            newline="\r\n",
            bom=b"\xff\xfe",
        ),
        {},
        {"customer": ["Café"], "gross_margin": [12.5]},
    ),
    (
        "CSV UTF-8 with BOM",
        text_file(["Noël,yes,yes,3,,1"], bom=b"\xef\xbb\xbf"),
        {},
        {"customer": ["Noël"], "gross_margin": [3.0]},
    ),
    (
        "Windows-1252",
        text_file(["Société Générale;oui;oui;1 234,50;;500", "Café;oui;non;;2 000,00;"], SEMI, encoding="cp1252"),
        {},
        {"customer": ["Société Générale", "Café"], "gross_margin": [1234.5, None], "expected_margin": [None, 2000.0]},
    ),
    (
        "Mac Roman named",
        text_file(["Café Noël;oui;oui;12,5;;1"], SEMI, encoding="mac_roman"),
        {"encoding": "mac_roman"},
        {"customer": ["Café Noël"]},
    ),
    (
        "CRLF line endings",
        text_file(["A,yes,yes,1.5,,1", "B,yes,yes,2,,1"], newline="\r\n"),
        {},
        {"gross_margin": [1.5, 2.0]},
    ),
    (
        "CR line endings (old Mac)",
        text_file(["A,yes,yes,1.5,,1", "B,yes,yes,2,,1"], newline="\r"),
        {},
        {"gross_margin": [1.5, 2.0]},
    ),
    ("no final newline", (HEADER + "\nA,yes,yes,7,,1").encode(), {}, {"gross_margin": [7.0]}),
    ("blank lines at the end", text_file(["A,yes,yes,7,,1", "", ",,,,,", ""]), {}, {"gross_margin": [7.0]}),
    (
        "thousands comma, decimal point",
        text_file(['A,yes,yes,"1,234.50",,1', "B,yes,yes,2.5,,1"]),
        {},
        {"gross_margin": [1234.5, 2.5]},
    ),
    (
        "thousands point, decimal comma",
        text_file(["A;yes;yes;1.234,50;;1", "B;yes;yes;2,5;;1"], SEMI),
        {},
        {"gross_margin": [1234.5, 2.5]},
    ),
    ("no-break space thousands", text_file(["A;yes;yes;1\u00a0234,50;;1"], SEMI), {}, {"gross_margin": [1234.5]}),
    (
        "narrow no-break space thousands",
        text_file(["A;yes;yes;1\u202f234,50;;1"], SEMI),
        {},
        {"gross_margin": [1234.5]},
    ),
    ("Swiss apostrophe thousands", text_file(["A;yes;yes;1'234.50;;1"], SEMI), {}, {"gross_margin": [1234.5]}),
    (
        "currency signs",
        text_file(["A;yes;yes;€ 1 234,50;;12 €", "B;yes;yes;3,5 EUR;;1"], SEMI),
        {},
        {"gross_margin": [1234.5, 3.5], "acquisition_cost": [12.0, 1.0]},
    ),
    (
        "accounting negative",
        text_file(['A,yes,yes,"(1,234.50)",,1', "B,yes,yes,5000.25,,1"]),
        {},
        {"gross_margin": [-1234.5, 5000.25]},
    ),
    (
        "unicode minus",
        text_file(["A;yes;yes;−12,5;;1", "B;yes;yes;100;;1"], SEMI),
        {},
        {"gross_margin": [-12.5, 100.0]},
    ),
    ("exponent as spreadsheets write it", text_file(["A,yes,yes,1.5E+06,,1"]), {}, {"gross_margin": [1.5e6]}),
    (
        "ambiguous 1.234 settled by --decimal ,",
        text_file(["A;yes;yes;1.234;;1"], SEMI),
        {"decimal": ","},
        {"gross_margin": [1234.0]},
    ),
    (
        "ambiguous 1.234 settled by --decimal .",
        text_file(["A;yes;yes;1.234;;1"], SEMI),
        {"decimal": "."},
        {"gross_margin": [1.234]},
    ),
    (
        "ambiguous column settled by the file's other column",
        text_file(["A;yes;yes;1.234;;12,5"], SEMI),
        {},
        {"gross_margin": [1234.0], "acquisition_cost": [12.5]},
    ),
    (
        "headers in capitals, without accents, French",
        text_file(["A;OUI;NON;;10;"], "CLIENT;DOIT PAYER;A PAYE;MARGE BRUTE;MARGE ATTENDUE;COUT D'ACQUISITION"),
        {},
        {"expected_margin": [10.0], "has_paid": ["NON"]},
    ),
    (
        "optional columns absent",
        text_file(["A,yes,yes,5"], "Customer,Should pay,Has paid,Gross margin"),
        {},
        {"gross_margin": [5.0], "expected_margin": [None], "acquisition_cost": [None]},
    ),
    (
        "formula-looking text stays text",
        text_file(["\"=cmd|' /C calc'!A0\",yes,yes,5,,1"]),
        {},
        {"customer": ["=cmd|' /C calc'!A0"]},
    ),
    ("pipe separated", text_file(["A|yes|yes|5.5||1"], HEADER.replace(",", "|")), {}, {"gross_margin": [5.5]}),
]


@pytest.mark.parametrize("case", READS, ids=[c[0] for c in READS])
def test_text_exports_read_exactly(case, tmp_path):
    _, data, options, expected = case
    path = tmp_path / "customers.csv"
    path.write_bytes(data)
    frame = files.read_customers(path, **options)
    for key, values in expected.items():
        got = [None if v is None or v != v else v for v in frame[key].tolist()]
        assert got == values, key
    assert path.read_bytes() == data


# --------------------------------------------------------------------------------------------
# REFUSALS through the command line: (id, files {name: bytes}, argv, words of the message)
# --------------------------------------------------------------------------------------------


def _xlsx(rows: list[list], edit=None) -> bytes:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    if edit:
        edit(wb.active)
    path = Path(os.environ.get("PYTEST_TMP", "/tmp")) / f"x-{os.getpid()}.xlsx"
    wb.save(path)
    data = path.read_bytes()
    path.unlink()
    return data


XHEAD = ["Customer", "Should pay", "Has paid", "Gross margin", "Expected margin", "Acquisition cost"]


def _error_cell(ws):
    ws["D2"].value, ws["D2"].data_type = "#N/A", "e"


def _bool_cell(ws):
    ws["D2"].value = True


REFUSALS = [
    (
        "a missing column is named in the file's language, with the way out",
        {"in.csv": "Nom du client;Doit payer ?;A payé ?;Remarque (€)\nAlpha;oui;oui;1 000,50\n".encode()},
        ["fill", "in.csv"],
        [
            "in.csv: no column for 'Marge brute' (found: Nom du client, Doit payer ?, A payé ?, Remarque (€))",
            '--column "Marge brute=ITS HEADER"',
        ],
    ),
    (
        "--column names a header the file does not have: the real header is listed",
        {"in.csv": ("Title\n" + HEADER + "\nA,yes,yes,1,,1\n").encode()},
        ["fill", "in.csv", "--column", "Gross margin=Nope"],
        ["in.csv: has no column 'Nope' for 'Gross margin' (found: Customer, Should pay, Has paid, Gross margin"],
    ),
    (
        "--column for a column we do not read",
        {"in.csv": text_file(["A,yes,yes,1,,1"])},
        ["fill", "in.csv", "--column", "Role=Statut"],
        ["--column 'Role=Statut': 'Role' is not one of the columns read (Customer, Should pay"],
    ),
    (
        "--sheet on a text export",
        {"in.csv": text_file(["A,yes,yes,1,,1"])},
        ["fill", "in.csv", "--sheet", "Export"],
        ["in.csv: --sheet is for workbooks; a text export has one table"],
    ),
    (
        "a customer listed twice",
        {"in.csv": text_file(["Alpha;oui;oui;1 000,50;;1", "Beta;oui;oui;5;;1", "Alpha;oui;oui;500,00;;1"], SEMI)},
        ["fill", "in.csv"],
        [
            "in.csv row 4 (customer 3), column 'Customer': 'Alpha' is listed again (first at row 2)",
            "--merge-duplicates",
        ],
    ),
    (
        "a total line that does not add up",
        {"in.csv": text_file(["A,yes,yes,100,,1", "B,yes,yes,50,,1", "Total,,,999,,"])},
        ["fill", "in.csv"],
        [
            "in.csv row 4 (customer 3), column 'Customer': 'Total' looks like a total line",
            "but its gross margin (999.00)",
            "the rows above it (150.00)",
        ],
    ),
    (
        "duplicates that disagree cannot be merged",
        {"in.csv": text_file(["A,yes,yes,1,,1", "A,yes,no,2,,1"])},
        ["fill", "in.csv", "--merge-duplicates"],
        ["row 3 (customer 2), column 'Has paid': 'A' is listed again (first at row 2) with another 'Has paid'"],
    ),
    (
        "N/A in a decimal-comma column is not a number, not a convention clash",
        {"in.csv": text_file(["A;yes;yes;1 000,50;;1", "B;yes;yes;N/A;;1"], SEMI)},
        ["fill", "in.csv"],
        ["in.csv row 3 (customer 2), column 'Gross margin': is text 'N/A', not a number"],
    ),
    (
        "the accounting zero is a dash, with the way out",
        {"in.csv": text_file(["A;yes;yes;1 000,50;;1", "B;yes;yes;-   €;;1"], SEMI)},
        ["fill", "in.csv"],
        ["row 3 (customer 2)", "is text '-   €', not a number (a dash is how an accounting format shows a zero"],
    ),
    (
        "text shown as typed, no-break spaces as spaces",
        {"in.csv": text_file(["A;yes;yes;1\u00a0234 x;;1"], SEMI)},
        ["fill", "in.csv"],
        ["is text '1 234 x', not a number"],
    ),
    (
        "ambiguous 1.234 alone",
        {"in.csv": text_file(["A;yes;yes;1.234;;1"], SEMI)},
        ["fill", "in.csv"],
        [
            "in.csv row 2 (customer 1), column 'Gross margin'",
            "'1.234' reads 1.234 with a decimal point or 1234",
            "--decimal",
        ],
    ),
    (
        "one column, two conventions",
        {"in.csv": text_file(["A;yes;yes;1.5;;1", "B;yes;yes;2,5;;1"], SEMI)},
        ["fill", "in.csv"],
        ["row 3 (customer 2), column 'Gross margin'", "'1.5' needs a decimal point but '2,5'"],
    ),
    (
        "text NaN is not a blank",
        {"in.csv": text_file(["A,yes,yes,NaN,,1"])},
        ["fill", "in.csv"],
        ["in.csv row 2 (customer 1), column 'Gross margin': is text 'NaN'"],
    ),
    ("text inf", {"in.csv": text_file(["A,yes,yes,inf,,1"])}, ["fill", "in.csv"], ["is text 'inf'"]),
    (
        "number with letters",
        {"in.csv": text_file(["A,yes,yes,5,,12abc"])},
        ["fill", "in.csv"],
        ["column 'Acquisition cost': is text '12abc'"],
    ),
    (
        "a number beyond the double range",
        {"in.csv": text_file(["A,yes,yes,1E+309,,1"])},
        ["fill", "in.csv"],
        ["column 'Gross margin': is inf, not a finite number"],
    ),
    (
        "gains past Excel's 15 digits",  # once: "the sum of population overflows"
        {"in.csv": text_file(["A,yes,yes,1E+308,,1", "B,yes,yes,1E+308,,1"])},
        ["fill", "in.csv"],
        ["in.csv row 2 (customer 1), column 'Gross margin': is 1e+308, beyond ±1e15"],
    ),
    ("empty file", {"in.csv": b""}, ["fill", "in.csv"], ["in.csv: the file is empty"]),
    ("header only", {"in.csv": (HEADER + "\n").encode()}, ["fill", "in.csv"], ["no paying client"]),
    (
        "missing required column",
        {"in.csv": b"Name,Paid\nA,yes\n"},
        ["fill", "in.csv"],
        ["no column for 'Gross margin' (found: Name, Paid)"],
    ),
    (
        "two columns for one meaning",
        {"in.csv": b"Customer,Should pay,Has paid,Gross margin,Marge brute\nA,y,y,1,2\n"},
        ["fill", "in.csv"],
        ["columns 'Gross margin' and 'Marge brute' both mean 'Gross margin'"],
    ),
    (
        "row wider than the header",
        {"in.csv": text_file(["A,yes,yes,1,,1", "B,yes,yes,2,,1,surprise"])},
        ["fill", "in.csv"],
        ["in.csv row 3: has 7 fields, the header 6"],
    ),
    (
        "unterminated quote",
        {"in.csv": text_file(["A,yes,yes,1,,1", '"B,yes,yes,2,,1'])},
        ["fill", "in.csv"],
        ["in.csv row"],
    ),
    (
        "control character in a name",
        {"in.csv": text_file(["A\x07B,yes,yes,1,,1"])},
        ["fill", "in.csv"],
        ["row 2 (customer 1), column 'Customer': contains the control character U+0007"],
    ),
    (
        "name over Excel's cell limit",
        {"in.csv": text_file(["X" * 40_000 + ",yes,yes,1,,1"])},
        ["fill", "in.csv"],
        ["column 'Customer': has 40,000 characters; an Excel cell holds at most 32,767"],
    ),
    (
        "flag that means nothing",
        {"in.csv": text_file(["A,maybe,yes,1,,1"])},
        ["fill", "in.csv"],
        ["in.csv row 2 (customer 1), column 'Should pay': is text 'maybe'; expected yes/no"],
    ),
    (
        "paid without should pay",
        {"in.csv": text_file(["A,yes,yes,1,,1", "B,,yes,1,,1"])},
        ["fill", "in.csv"],
        ["in.csv row 3 (customer 2), column 'Should pay': is blank but has_paid is filled"],
    ),
    (
        "Mac Roman that could be Windows-1252",
        {"in.csv": text_file(["Café;oui;oui;1;;1"], SEMI, encoding="mac_roman")},
        ["fill", "in.csv"],
        ["reads as Windows-1252 ('Caf", "Mac Roman ('Café", "--encoding"],
    ),
    (
        "an encoding that is not the file's",
        {"in.csv": text_file(["Café,yes,yes,1,,1"], encoding="utf-16")},
        ["fill", "in.csv", "--encoding", "ascii"],
        ["in.csv: is not ascii"],
    ),
    (
        "unknown encoding name",
        {"in.csv": text_file(["A,yes,yes,1,,1"])},
        ["fill", "in.csv", "--encoding", "klingon"],
        ["unknown encoding 'klingon'"],
    ),
    ("binary noise", {"in.csv": bytes(range(256)) * 8}, ["fill", "in.csv"], ["in.csv"]),
    (
        "negative acquisition cost",
        {"in.csv": text_file(["A,yes,yes,10,,-5"])},
        ["fill", "in.csv"],
        ["'Acquisition cost'", "costs must be ≥ 0"],
    ),
    # workbooks given to fill
    (
        "formula with no cached value",
        {"in.xlsx": _xlsx([XHEAD, ["A", "yes", "yes", "=2*3", None, 1]])},
        ["fill", "in.xlsx"],
        ["in.xlsx cell 'Sheet'!D2 (column 'Gross margin'): holds the formula =2*3 with no computed value"],
    ),
    (
        "error value in a number column",
        {"in.xlsx": _xlsx([XHEAD, ["A", "yes", "yes", 1, None, 1]], _error_cell)},
        ["fill", "in.xlsx"],
        ["in.xlsx cell 'Sheet'!D2 (column 'Gross margin'): holds the error value #N/A"],
    ),
    (
        "boolean in a number column",
        {"in.xlsx": _xlsx([XHEAD, ["A", "yes", "yes", 1, None, 1]], _bool_cell)},
        ["fill", "in.xlsx"],
        ["in.xlsx cell 'Sheet'!D2 (customer 1), column 'Gross margin': is a boolean (TRUE), not a number"],
    ),
    ("not a zip", {"in.xlsx": b"PK not really"}, ["fill", "in.xlsx"], ["in.xlsx: not an .xlsx file"]),
    ("unknown kind of file", {"in.xls": b"\xd0\xcf\x11\xe0"}, ["fill", "in.xls"], ["in.xls: expected a text export"]),
    # paths
    ("missing input", {}, ["fill", "nowhere.csv"], ["nowhere.csv: no such file"]),
    ("a folder as input", {"dir/keep": b""}, ["fill", "dir"], ["dir: is not a file"]),
    (
        "output folder missing",
        {"in.csv": text_file(["A,yes,yes,1,,1"])},
        ["fill", "in.csv", "-o", "no/out.xlsx"],
        ["no/out.xlsx: the folder", "does not exist"],
    ),
    (
        "output is a folder",
        {"in.csv": text_file(["A,yes,yes,1,,1"]), "out.xlsx/keep": b""},
        ["fill", "in.csv", "-o", "out.xlsx", "--force"],
        ["out.xlsx: exists and is not a regular file"],
    ),
    (
        "output exists",
        {"in.csv": text_file(["A,yes,yes,1,,1"]), "out.xlsx": b"mine"},
        ["fill", "in.csv", "-o", "out.xlsx"],
        ["out.xlsx exists; use --force to replace it"],
    ),
    (
        "output over the input",
        {"in.xlsx": _xlsx([XHEAD, ["A", "yes", "yes", 1, None, 1]])},
        ["fill", "in.xlsx", "-o", "in.xlsx", "--force"],
        ["will not overwrite the input file"],
    ),
    (
        "output with a wrong suffix",
        {"in.csv": text_file(["A,yes,yes,1,,1"])},
        ["fill", "in.csv", "-o", "out.csv"],
        ["out.csv: the output must end with .xlsx"],
    ),
    (
        "output where nobody may write",
        {"in.csv": text_file(["A,yes,yes,1,,1"])},
        ["fill", "in.csv", "-o", "/proc/client_roi.xlsx"],
        ["/proc/client_roi.xlsx: cannot write in /proc"],
    ),
    # options
    (
        "band offsets with commas",
        {},
        ["demo", "--band=-0.4,-0.2,0.2,0.4"],
        ["--band: '-0.4,-0.2,0.2,0.4' is not a number (separate offsets with ';' or spaces"],
    ),
    (
        "ten offsets: eleven tiers",
        {},
        ["demo", "--band=-0.5;-0.4;-0.3;-0.2;-0.1;0.1;0.2;0.3;0.4;0.5"],
        ["band has 10 offsets; at most 9 (10 tiers)"],
    ),
    ("band out of range", {}, ["demo", "--band", "1,5"], ["band must be in (0, 1), got 1.5"]),
    ("offsets not increasing", {}, ["demo", "--band", "0.2;0.1"], ["strictly increasing"]),
    ("band ambiguous", {}, ["demo", "--band", "1,234"], ["--band: '1,234' is ambiguous"]),
    ("band is text", {}, ["demo", "--band", "wide"], ["--band: 'wide' is not a number"]),
    ("trim of one", {}, ["demo", "--trim", "1"], ["trim must be in [0, 1), got 1"]),
    (
        "labels fewer than tiers",
        {},
        ["demo", "--labels", "Gold;Silver"],
        ["labels has 2 item(s) but the band gives 3 tiers"],
    ),
    ("labels repeated", {}, ["demo", "--labels", "A;A;B"], ["labels must be distinct"]),
    ("labels like an error value", {}, ["demo", "--labels", "#A;B;C"], ["must not start with '#'"]),
]


def _make(tmp_path: Path, made: dict[str, bytes]) -> dict[Path, bytes]:
    out = {}
    for name, data in made.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out[path] = data
    return out


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


def test_catalogue_is_large():
    assert len(READS) + len(REFUSALS) + len(WORKBOOK_EDITS) + len(FUNCTION_CALLS) >= 60


@pytest.mark.parametrize("case", REFUSALS, ids=[c[0] for c in REFUSALS])
def test_refused_with_one_line_naming_the_place(case, tmp_path, capsys, monkeypatch):
    _, made, argv, words = case
    _make(tmp_path, made)
    monkeypatch.chdir(tmp_path)
    before = _snapshot(tmp_path)
    code = run(*argv, *(["-o", "out.xlsx"] if "-o" not in argv and argv[0] in ("fill", "demo") else []))
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("client-roi: "), err
    for w in words:
        assert w in err
    assert "Traceback" not in err
    assert _snapshot(tmp_path) == before  # inputs unchanged, no output, no temporary file


def test_force_replaces_a_regular_file_with_the_users_umask(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out.xlsx").write_bytes(b"old")
    old = os.umask(0o027)
    try:
        assert run("demo", "-o", "out.xlsx", "--force") == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.xlsx").stat().st_mode) == 0o640
    assert zipfile.is_zipfile(tmp_path / "out.xlsx")
    os.symlink(tmp_path / "out.xlsx", tmp_path / "link.xlsx")
    assert run("demo", "-o", "link.xlsx", "--force") == 2  # a link is not a regular file


def test_options_as_users_type_them(tmp_path):
    assert options.parse_band("0,2") == options.parse_band("0.2") == 0.2
    assert options.parse_band("-0,4;-0,2;0,2;0,4") == options.parse_band("-0.4 -0.2 0.2 0.4") == [-0.4, -0.2, 0.2, 0.4]
    labels = ["Or", "Argent", "Bronze"]
    assert options.parse_labels("Or;Argent;Bronze") == options.parse_labels("Or,Argent,Bronze") == labels
    out = tmp_path / "o.xlsx"
    assert run("demo", "--band", "0,3", "--trim", "0,1", "-o", out) == 0
    wb = openpyxl.load_workbook(out)
    band = wb.defined_names["band"].attr_text.split("!")[1].replace("$", "").split(":")[0]
    trim = wb.defined_names["trim"].attr_text.split("!")[1].replace("$", "")
    params = wb[layout.SHEETS["parameters"]["en"]]
    assert (params[band].value, params[trim].value) == (0.3, 0.1)


def test_usage_errors_are_one_line_too(capsys):
    for argv in (["fill", "a.csv", "--lang", "de"], ["nonsense"], ["demo", "--decimal", ","]):
        with pytest.raises(SystemExit) as info:
            cli.main(argv)
        err = capsys.readouterr().err
        assert info.value.code == 2 and err.count("\n") == 1 and err.startswith("client-roi: "), err
    # neither a customer file nor invoice lines: said by the command itself
    assert cli.main(["fill"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "give a customer file (CUSTOMERS) or invoice lines (--transactions LINES)" in err


def test_version_and_help(capsys):
    from client_roi import __version__

    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"client-roi {__version__}"
    with pytest.raises(SystemExit):
        cli.main(["fill", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for option in ("--band", "--trim", "--labels", "--decimal", "--encoding", "--lang", "--force", "-o"):
        assert option in text
    assert "--band=" in text and "a comma is always a decimal comma" in text


def test_refresh_updates_the_book_itself_and_refuses_while_excel_has_it_open(tmp_path, capsys):
    book = tmp_path / "Clients 2026.xlsx"
    assert run("demo", "-o", book) == 0
    os.chmod(book, 0o640)
    wb = openpyxl.load_workbook(book)
    wb[layout.SHEETS["customers"]["en"]]["D2"] = 99999.0
    wb.save(book)
    os.chmod(book, 0o640)
    before = book.read_bytes()
    for owner in ("~$Clients 2026.xlsx", "~$ients 2026.xlsx"):  # Excel's owner file, short and long names
        (tmp_path / owner).write_bytes(b"")
        assert run("refresh", book) == 2
        assert f"is open in Excel ({owner} is beside it)" in capsys.readouterr().err
        assert book.read_bytes() == before
        (tmp_path / owner).unlink()
    assert run("refresh", book) == 0
    assert capsys.readouterr().out.startswith(f"refreshed {book}")
    assert book.read_bytes() != before and stat.S_IMODE(book.stat().st_mode) == 0o640  # its own mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Clients 2026.xlsx"]  # no temporary left
    wb = openpyxl.load_workbook(book)
    wb[layout.SHEETS["customers"]["en"]]["D2"] = "lots"  # bad input: the book stays as it was
    wb.save(book)
    before = book.read_bytes()
    assert run("refresh", book) == 2 and book.read_bytes() == before
    assert "is text 'lots'" in capsys.readouterr().err


def test_every_parameter_has_its_option_checked_by_the_workbooks_rule(tmp_path, capsys):
    (tmp_path / "in.csv").write_bytes(
        text_file(["A,yes,yes,100,,", "B,yes,yes,200,,", "C,yes,yes,300,,", "P,yes,no,,250,"])
    )
    out = tmp_path / "out.xlsx"
    assert (
        run(
            "fill",
            tmp_path / "in.csv",
            "-o",
            out,
            "--cac",
            "1 000,5",
            "--annual-income",
            "30000",
            "--margin-rate",
            "40%",
            "--working-days",
            "200",
            "--load-factor",
            "2",
            "--band",
            "20%",
            "--trim",
            "10 %",
            "--prospecting-days",
            "none",
        )
        == 0
    )
    wb = openpyxl.load_workbook(out)
    ws = wb[layout.SHEETS["parameters"]["en"]]
    cells = {
        d.name: ws[d.attr_text.split("!")[1].split(":")[0].replace("$", "")].value
        for d in wb.defined_names.values()
        if d.name
        in ("cac", "annual_income", "margin_rate", "working_days", "load_factor", "band", "trim", "prospecting_days")
    }
    assert cells == {
        "cac": 1000.5,
        "annual_income": 30000,
        "margin_rate": 0.4,
        "working_days": 200,
        "load_factor": 2,
        "band": 0.2,
        "trim": 0.1,
        "prospecting_days": None,
    }
    top = int(wb.defined_names[layout.OUT_BANDS].attr_text.split("$")[-1])  # the bands' header row
    tiers = {r[0].value: r for r in wb[layout.SHEETS["tiers"]["en"]].iter_rows(min_row=top + 1, max_row=top + 3)}
    assert tiers["A"][8].value == pytest.approx(1000.5 * 1.2)
    # a day costs income / margin rate / working days x load factor
    assert tiers["A"][9].value == pytest.approx(1000.5 * 1.2 / (30000 / 0.4 / 200 * 2))
    capsys.readouterr()
    for option, value, words in [
        ("--margin-rate", "1.5", "--margin-rate: margin_rate must be in (0, 1], got 1.5"),
        ("--working-days", "abc", "--working-days: 'abc' is not a number"),
        ("--cac", "-5", "--cac:"),
        ("--annual-income", "0", "--annual-income:"),
        ("--load-factor", "0", "--load-factor:"),
    ]:
        assert run("fill", tmp_path / "in.csv", "-o", tmp_path / "bad.xlsx", option, value) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1, err
        assert not (tmp_path / "bad.xlsx").exists()


def test_a_file_without_costs_is_filled_without_budgets(tmp_path, capsys):
    from ooxml import findings

    (tmp_path / "in.csv").write_bytes(
        b"Customer,Should pay,Has paid,Gross margin,Expected margin\nA,yes,yes,100,\nB,yes,yes,200,\n"
        b"C,yes,yes,300,\nP,yes,no,,250\n"
    )
    out = tmp_path / "out.xlsx"
    assert run("fill", tmp_path / "in.csv", "-o", out) == 0
    said = capsys.readouterr().out
    assert "no acquisition cost, so no effort budgets, days or prospect plan: give --cac" in said
    assert "Parameters!" not in said
    ws = openpyxl.load_workbook(out)[layout.SHEETS["customers"]["en"]]
    header = [c.value for c in ws[1]]
    column = {
        k: [ws.cell(r, header.index(layout.header(k, "en")) + 1).value for r in range(2, 6)]
        for k in ("tier", "effort_budget", "effort_days", "in_plan")
    }
    assert column["tier"] == ["C", "B", "A", "A"] and column["effort_budget"] == [None] * 4
    assert column["effort_days"] == [None] * 4 and column["in_plan"] == [None] * 4
    assert findings(out) == []


def test_workbooks_as_exported_title_rows_another_sheet_another_table(tmp_path, capsys):
    """A workbook's customers: under title rows, on the sheet --sheet names, or in a table
    named otherwise whose header names our columns; an unknown sheet is refused naming them."""
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Notes"
    ws["A1"] = "nothing here"
    export = wb.create_sheet("Export")
    export.append(["Customers by margin, 2026"])
    export.append([])
    export.append(["Nom du client", "Doit payer ?", "A payé ?", "Marge brute (€)"])
    export.append(["Alpha", "oui", "oui", 1000.5])
    export.append(["Beta", "oui", "non", None])
    wb.save(tmp_path / "titles.xlsx")
    frame = files.read_customers(tmp_path / "titles.xlsx", sheet="Export")
    assert frame["customer"].tolist() == ["Alpha", "Beta"] and frame["gross_margin"].tolist()[0] == 1000.5
    with pytest.raises(
        files.InputFileError, match=r"titles.xlsx: has no sheet 'Clients' \(its sheets: Notes, Export\)"
    ):
        files.read_customers(tmp_path / "titles.xlsx", sheet="Clients")
    ws.append(["Customer", "Should pay", "Has paid", "Gross margin"])
    ws.append(["Gamma", "yes", "yes", 5.0])
    ws.add_table(Table(displayName="MyClients", ref="A2:D3"))
    ws["A1"] = "a title"
    wb.save(tmp_path / "table.xlsx")
    frame = files.read_customers(tmp_path / "table.xlsx")
    assert frame["customer"].tolist() == ["Gamma"]


def test_the_users_own_columns_stay_in_the_table_after_ours_and_a_refresh_keeps_them(tmp_path, capsys):
    from ooxml import findings

    (tmp_path / "in.csv").write_bytes(
        b"Customer,Should pay,Has paid,Gross margin,Region,Zip,Employees,Role,Account owner,,Region\n"
        b'A,yes,yes,100,North,01234,12,x,Ann,,N\nB,yes,yes,"1,200.5",South,75001,"1,500",y,Bob,,S\n'
        b"C,yes,no,,West,,,z,,,W\n"
    )
    frame = files.read_customers(tmp_path / "in.csv")
    assert list(frame.columns)[7:] == ["Region", "Zip", "Employees", "Account owner", "Region 2"]
    assert frame["Zip"].tolist() == ["01234", "75001", None]  # a leading zero: codes stay text
    assert frame["Employees"].tolist() == [12.0, 1500.0, None]  # the file's decimal point settles 1,500
    book = tmp_path / "out.xlsx"
    assert run("fill", tmp_path / "in.csv", "-o", book, "--cac", "100") == 0
    said = capsys.readouterr().out
    assert "your own columns, kept in the table after ours: Region, Zip, Employees, Account owner, Region 2" in said
    assert "columns not used (the workbook computes them): Role" in said

    def kept():
        ws = openpyxl.load_workbook(book)[layout.SHEETS["customers"]["en"]]
        assert ws.tables[layout.TABLE].ref == "A1:W4"
        return [list(r) for r in ws.iter_rows(min_row=1, max_row=4, min_col=19, max_col=23, values_only=True)]

    before = kept()
    assert before == [
        ["Region", "Zip", "Employees", "Account owner", "Region 2"],
        ["North", "01234", 12, "Ann", "N"],
        ["South", "75001", 1500, "Bob", "S"],
        ["West", None, None, None, "W"],
    ]
    assert findings(book) == []
    wb = openpyxl.load_workbook(book)
    wb[layout.SHEETS["customers"]["en"]]["D2"] = 300.0  # an edit, then a refresh: the user's cells stay
    wb.save(book)
    assert run("refresh", book) == 0
    assert kept() == before


def test_summary_says_what_was_skipped_and_merged(tmp_path, capsys):
    (tmp_path / "in.csv").write_bytes(
        text_file(
            [
                "Alpha;oui;oui;1 000,50;;100",
                "Beta;oui;oui;2 000,00;;100",
                ";;;;;",
                "Alpha;oui;oui;500,00;;50",
                "Total;;;3 500,50;;",
            ],
            SEMI,
        )
    )
    assert run("fill", tmp_path / "in.csv", "-o", tmp_path / "out.xlsx", "--merge-duplicates") == 0
    out = capsys.readouterr().out
    assert "(2 customers)" in out
    assert "blank rows skipped: 1" in out
    assert "total lines skipped (each the sum of the rows above it): row 6 (Total)" in out
    assert "customers listed more than once, their numbers added up: Alpha (rows 2, 5)" in out


def test_summary_has_thousands_separators_and_readable_days(tmp_path, capsys):
    rows = [f"C{i},yes,yes,{10 + i % 7},,1" for i in range(1500)]
    (tmp_path / "in.csv").write_text("\n".join([HEADER, *rows]) + "\n")
    assert run("fill", tmp_path / "in.csv", "-o", tmp_path / "o.xlsx") == 0
    out = capsys.readouterr().out
    assert "(1,500 customers)" in out and "Paying clients: 1,500" in out
    # budgets of ~1 € are a fraction of a day (1 / 330.28 €): shown 0.00, never a blank or an error
    for row in ("A               214", "B             1,071", "C               215"):
        line = next(line for line in out.splitlines() if line.startswith(row))
        assert line.split()[-2:] in (["1.20", "0.00"], ["1.00", "0.00"], ["0.80", "0.00"]), line


# --------------------------------------------------------------------------------------------
# Workbook edits, refreshed: (id, edit(wb), expected exit, words)
# --------------------------------------------------------------------------------------------


def _customers(wb):
    return wb[layout.SHEETS["customers"]["en"]]


def _typed_below(wb):
    ws = _customers(wb)
    ws.cell(ws.max_row + 1, 1, "Latecomer")
    ws.cell(ws.max_row, 4, 99999)


def _formula_uncached(wb):
    _customers(wb)["D2"] = "=1000*3"


def _param_formula_uncached(wb):
    ref = wb.defined_names["annual_income"].attr_text.split("!")[1].replace("$", "")
    wb[layout.SHEETS["parameters"]["en"]][ref] = "=2000*12"


def _bad_trim(wb):
    ref = wb.defined_names["trim"].attr_text.split("!")[1].replace("$", "")
    wb[layout.SHEETS["parameters"]["en"]][ref] = 1.5


def _no_table(wb):
    del _customers(wb).tables[layout.TABLE]


WORKBOOK_EDITS = [
    (
        "customer typed below the table",
        _typed_below,
        ["Customers!A202 (column 'Customer'): 'Latecomer' is typed just below table Customers, outside it"],
    ),
    (
        "formula with no computed value",
        _formula_uncached,
        ["Customers!D2: holds the formula =1000*3 with no computed value"],
    ),
    ("parameter formula with no computed value", _param_formula_uncached, ["Parameters!B16: holds the formula"]),
    ("trim out of range", _bad_trim, ["Parameters!B7 (parameter 'trim'): trim must be in [0, 1), got 1.5"]),
    ("table deleted", _no_table, ["the workbook has no table named 'Customers'"]),
]


@pytest.mark.parametrize("case", WORKBOOK_EDITS, ids=[c[0] for c in WORKBOOK_EDITS])
def test_refresh_refuses_edits_by_their_cell(case, tmp_path, capsys):
    _, edit, words = case
    book = tmp_path / "book.xlsx"
    assert run("demo", "-o", book) == 0
    wb = openpyxl.load_workbook(book)
    edit(wb)
    wb.save(book)
    capsys.readouterr()
    before = _snapshot(tmp_path)
    assert run("refresh", book, "-o", tmp_path / "out.xlsx") == 2
    err = capsys.readouterr().err
    for w in words:
        assert w in err
    assert _snapshot(tmp_path) == before


def test_formulas_are_read_through_their_computed_values(tmp_path, need_libreoffice):
    """A user's =C2-D2 style input: the value Excel (here LibreOffice) computed is used."""
    from libreoffice import recalculated

    book = tmp_path / "book.xlsx"
    assert run("demo", "-o", book) == 0
    wb = openpyxl.load_workbook(book)
    ws = _customers(wb)
    plain = ws["D2"].value
    ws["D2"] = f"={plain:g}-0"
    wb.save(book)
    calc = recalculated(book, tmp_path)  # saved with cached values, as Excel does
    assert run("refresh", calc, "-o", tmp_path / "out.xlsx") == 0
    out = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert _customers(out)["D2"].value == f"={plain:g}-0"  # the formula is kept
    ref = openpyxl.load_workbook(book)
    assert _customers(out)["H2"].value == _customers(ref)["H2"].value  # and tiered by its value


def test_totals_row_is_not_a_customer_and_stale_cells_are_cleared(tmp_path):
    wb = template.make_workbook("en", commands.sample_customers())
    ws = _customers(wb)
    table = ws.tables[layout.TABLE]
    last = ws.max_row
    facts = dict(template.refresh_workbook(wb).facts)
    assert (ws.cell(last, 2).value, ws.cell(last, TIER).value) == ("no", None)  # a user: no tier
    ws.cell(last, 1).value = "Total"  # the last customer row becomes a totals row
    for c in range(2, 7):
        ws.cell(last, c).value = None
    ws.cell(last, 4).value = 10**9
    table.totalsRowCount = 1
    out = template.refresh_workbook(wb)
    # its billion of margin is no client's: the facts as before but one user less (the row it
    # was), and the row has no tier
    assert dict(out.facts) == {**facts, "Users": facts["Users"] - 1} and facts["Paying clients"] == 124
    assert ws.cell(last, TIER).value is None
    # shrink the table by five rows: the computed cells left below are cleared
    table.totalsRowCount = 0
    table.ref = f"A1:{chr(64 + len(layout.COLUMNS))}{last - 5}"
    for r in range(last - 4, last + 1):
        for c in range(1, len(layout.INPUTS) + 1):
            ws.cell(r, c).value = None
    template.refresh_workbook(wb)
    assert all(
        ws.cell(r, c).value is None
        for r in range(last - 4, last + 1)
        for c in range(len(layout.INPUTS) + 1, len(layout.COLUMNS) + 1)
    )


def test_xlsm_keeps_its_macros_and_content_type(tmp_path):
    from client_roi.excel import xlam

    book = tmp_path / "book.xlsx"
    assert run("demo", "-o", book) == 0
    macro = tmp_path / "book.xlsm"
    with zipfile.ZipFile(xlam.template_path()) as z:
        vba = z.read("xl/vbaProject.bin")
    rezip(
        book,
        macro,
        {
            "[Content_Types].xml": lambda data: data.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            ).replace(
                b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
            ),
            "xl/_rels/workbook.xml.rels": lambda data: data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/'
                b'office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            ),
        },
        added={"xl/vbaProject.bin": vba},
    )
    assert run("refresh", macro) == 0  # in place
    with zipfile.ZipFile(macro) as z:
        assert z.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled.main+xml" in z.read("[Content_Types].xml")
    assert run("refresh", macro, "-o", tmp_path / "lost.xlsx") == 2  # .xlsx would drop the macros


# --------------------------------------------------------------------------------------------
# Function calls through xlwings' Office.js dispatch: (id, function, args, expected)
# --------------------------------------------------------------------------------------------

FUNCTION_CALLS = [
    ("CONCENTRATION counts a loss as 0", "concentration", ([100, -50], 1), [[1.0]]),
    ("HHI counts a loss as 0", "hhi", ([50, 30, 20, -10],), [[0.38]]),
    (
        "blank band, trim and labels mean their defaults",
        "tier",
        ([130, 100, 70], [100, 100, 100], None, None, None),
        [["A"], ["B"], ["C"]],
    ),
    ("blank top_n means 1", "concentration", ([50, 30, 20], None), [[0.5]]),
]


@pytest.mark.parametrize("case", FUNCTION_CALLS, ids=[c[0] for c in FUNCTION_CALLS])
def test_function_calls(case):
    from officejs import call_raw, matrix

    _, name, args, expected = case
    assert call(fx, name, *args) == expected  # the argument omitted
    raw = [matrix(a) if a is not None else [[""]] for a in args]
    assert call_raw(fx, name, raw) == expected  # a blank cell given


def test_tier_bands_shares_of_gain_with_a_loss_stay_within_one():
    table = call(fx, "tier_bands", [300, 100, -200, 200])
    shares = [row[6] for row in table[1:]]
    assert all(0 <= s <= 1 for s in shares) and abs(sum(shares) - 1) < 1e-15


def test_progress_bar_on_a_terminal_only_and_refresh_summary(tmp_path, capsys, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run("demo", "-o", tmp_path / "a.xlsx") == 0
    assert all(step in terminal.getvalue() for step in ("reading", "building", "refreshing", "saving"))
    monkeypatch.undo()
    assert run("refresh", tmp_path / "a.xlsx") == 0  # stderr is not a terminal here
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "Paying clients: 124" in captured.out and "Effort days" in captured.out  # the fill's summary


def test_more_customers_than_a_sheet_holds_are_refused_before_any_value_is_read(tmp_path, capsys, monkeypatch):
    """At Excel's row limit (made small here: the same code at 1,048,576): a file with more
    customers than the sheet can hold below its header is refused in one line, nothing written;
    one fewer fits. A refresh whose list would go past the last row is refused, the book unchanged."""
    from client_roi.files import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 6)
    rows = [f"C{i},yes,yes,{100 + i},,1" for i in range(5)]
    (tmp_path / "fits.csv").write_bytes(text_file([*rows[:4], ",,,,,"]))  # a blank row is no customer
    (tmp_path / "over.csv").write_bytes(text_file([*rows, "C9,yes,yes,x,,1"]))  # refused before reading 'x'
    assert run("fill", tmp_path / "over.csv", "-o", tmp_path / "over.xlsx") == 2
    err = capsys.readouterr().err
    assert err == (
        "client-roi: over.csv: has 6 customer rows, and the Customers sheet holds at most 5 below its "
        "header (Excel's limit of 6 rows): split the file\n"
    )
    assert not (tmp_path / "over.xlsx").exists()
    monkeypatch.setattr(xlsx, "MAX_ROWS", 120)  # the template's own blocks need their rows (to 113)
    assert run("fill", tmp_path / "fits.csv", "-o", tmp_path / "fits.xlsx") == 0
    before = (tmp_path / "fits.xlsx").read_bytes()
    monkeypatch.setattr(xlsx, "MAX_ROWS", 70)  # the band sweep's header and 12 rows from row 67 cannot fit
    capsys.readouterr()
    assert run("refresh", tmp_path / "fits.xlsx") == 2
    assert "Tiers!A67 (out_sweep): its 13 rows would go past the sheet's last row, 70" in capsys.readouterr().err
    assert (tmp_path / "fits.xlsx").read_bytes() == before


def test_a_reader_that_goes_away_is_no_error(tmp_path):
    """`client-roi demo | head -1`: the book is written, and nothing is said of the closed pipe."""
    import subprocess
    import sys

    command = f'"{sys.executable}" -m client_roi.cli demo -o "{tmp_path / "d.xlsx"}" | head -c 5'
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "wrote", "")
    assert (tmp_path / "d.xlsx").stat().st_size > 0
