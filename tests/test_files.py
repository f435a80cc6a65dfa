"""Files: the CLI's fill, refresh and template, as users run them."""

from pathlib import Path

import numpy as np
import openpyxl
from libreoffice import recalculated
from zips import rezip

import client_roi as cr
from client_roi import cli, commands, files
from client_roi.files import xlsx
from client_roi.workbook import layout, template

ROOT = Path(__file__).resolve().parents[1]
COL = {c.key: i for i, c in enumerate(layout.COLUMNS)}  # position of each column in the table
HEADER = "Customer,Should pay,Has paid,Gross margin,Expected margin,Acquisition cost\n"


def run(*argv) -> int:
    return cli.main([str(a) for a in argv])


def table_rows(path, lang="en"):
    ws = openpyxl.load_workbook(path)[layout.SHEETS["customers"][lang]]
    ref = ws.tables[layout.TABLE].ref
    return [[c.value for c in row] for row in ws[ref]][1:]


def test_committed_templates_are_what_the_generator_makes(tmp_path):
    for lang, name in [("en", "three_tier_exercise.xlsx"), ("fr", "three_tier_exercise.fr.xlsx")]:
        assert run("template", "--lang", lang, "-o", tmp_path / name) == 0
        assert (tmp_path / name).read_bytes() == (ROOT / "workbook_templates" / name).read_bytes(), name


def test_demo_values_equal_the_engine(tmp_path):
    out = tmp_path / "demo.xlsx"
    assert run("demo", "-o", out) == 0
    rows = table_rows(out)
    sample = commands.sample_customers()
    assert len(rows) == len(sample) == 200
    roles = cr.client_role(sample["should_pay"], sample["has_paid"])
    clients = sample.loc[roles == "client", "gross_margin"].astype(float)
    expected_tiers = cr.tier(clients, clients.to_numpy())
    got = {r[0]: (r[COL["role"]], r[COL["tier"]]) for r in rows}
    for name, t in zip(sample.loc[roles == "client", "customer"], expected_tiers, strict=True):
        assert got[name] == ("client", t)
    assert sum(r[COL["role"]] == "prospect" for r in rows) == (roles == "prospect").sum()


def test_fill_twice_gives_identical_files_and_refresh_is_idempotent(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("demo", "-o", a) == 0 and run("demo", "-o", b) == 0
    assert a.read_bytes() == b.read_bytes()
    c, d = tmp_path / "c.xlsx", tmp_path / "d.xlsx"
    assert run("refresh", a, "-o", c) == 0 and run("refresh", c, "-o", d) == 0
    assert c.read_bytes() == d.read_bytes()
    assert table_rows(c) == table_rows(a)


def test_bad_row_leaves_files_byte_for_byte_unchanged(tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    assert run("demo", "-o", book) == 0
    wb = openpyxl.load_workbook(book)
    wb[layout.SHEETS["customers"]["en"]]["D8"] = "n/a"
    wb.save(book)
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"previous result")
    before = book.read_bytes()
    assert run("refresh", book, "-o", out, "--force") == 2
    assert "Customers!D8 (column 'Gross margin', customer row 7): is text 'n/a'" in capsys.readouterr().err
    assert book.read_bytes() == before and out.read_bytes() == b"previous result"


def test_output_safety(tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    assert run("demo", "-o", book) == 0
    assert run("demo", "-o", book) == 2  # exists, no --force
    assert "use --force" in capsys.readouterr().err
    assert run("refresh", book, "-o", book, "--force") == 2  # never over its input
    assert "will not overwrite the input" in capsys.readouterr().err
    assert not list(tmp_path.glob(".*tmp"))  # no temp file left behind


def test_shrinking_review_clears_stale_rows(tmp_path):
    book, out = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    assert run("demo", "-o", book) == 0
    review = openpyxl.load_workbook(book)[layout.SHEETS["review"]["en"]]
    r0, _ = template.REVIEW_AT
    before = [row for row in review.iter_rows(min_row=r0 + 1, max_col=5, values_only=True) if row[0]]
    assert len(before) >= 3
    wb = openpyxl.load_workbook(book)
    ws = wb[layout.SHEETS["customers"]["en"]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == before[0][0]:
            row[3].value, row[5].value = 1000, 1  # the worst client now earns 1000 for a cost of 1
    wb.save(book)
    assert run("refresh", book, "-o", out) == 0
    review = openpyxl.load_workbook(out)[layout.SHEETS["review"]["en"]]
    after = [row for row in review.iter_rows(min_row=r0 + 1, max_col=5, values_only=True) if any(row)]
    assert [r[0] for r in after] == [r[0] for r in before[1:]]


INJECTIONS = ["=1+2", "+SUM(1,2)", "-2+3", "@SUM(1)", '=HYPERLINK("http://x","y")']


def test_injection_strings_stay_text_even_after_libreoffice(tmp_path, need_libreoffice):
    csv = tmp_path / "in.csv"
    lines = [
        f'"{n.replace(chr(34), chr(34) * 2)}",yes,yes,{1000 + i * 100},,{500 if i else 2000}'
        for i, n in enumerate(INJECTIONS)
    ]
    csv.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert run("fill", csv, "-o", out) == 0
    ws = openpyxl.load_workbook(out)[layout.SHEETS["customers"]["en"]]
    assert [ws.cell(r, 1).value for r in range(2, 7)] == INJECTIONS
    assert all(ws.cell(r, 1).data_type == "s" for r in range(2, 7))
    review = openpyxl.load_workbook(out)[layout.SHEETS["review"]["en"]]
    assert review.cell(template.REVIEW_AT[0] + 1, 1).value == "=1+2"  # ROI 0.5: reviewed
    calc = openpyxl.load_workbook(recalculated(out, tmp_path), data_only=True)
    ws = calc[layout.SHEETS["customers"]["en"]]
    assert [ws.cell(r, 1).value for r in range(2, 7)] == INJECTIONS  # not evaluated


def test_csv_as_real_exports_come(tmp_path):
    french = (
        "Client;Doit payer;A payé;Marge brute;Marge attendue;Coût d'acquisition\r\n"
        "Café Noël;oui;oui;1 234,50;;500\r\n"
        "Société Ünë;OUI;non;;2 000,00;\r\n"
        "Épicerie;non;;;;\r\n"
    ).encode("cp1252")
    (tmp_path / "fr.csv").write_bytes(french)
    bom = ("\ufeff" + HEADER + "Alpha,yes,yes,1234.5,,500\n").encode("utf-8")
    (tmp_path / "bom.csv").write_bytes(bom)
    fr = files.read_customers(tmp_path / "fr.csv")
    assert fr["customer"].tolist() == ["Café Noël", "Société Ünë", "Épicerie"]
    assert fr["gross_margin"][0] == 1234.5 and fr["expected_margin"][1] == 2000.0
    en = files.read_customers(tmp_path / "bom.csv")
    assert en["customer"][0] == "Alpha" and en["gross_margin"][0] == 1234.5
    out = tmp_path / "fr.xlsx"
    assert run("fill", tmp_path / "fr.csv", "--lang", "fr", "-o", out) == 0
    rows = table_rows(out, "fr")
    assert [r[COL["role"]] for r in rows] == ["client", "prospect", "utilisateur"]


def test_bad_customer_files_are_explained(tmp_path, capsys):
    (tmp_path / "nocol.csv").write_text("Name,Paid\nA,yes\n")
    assert run("fill", tmp_path / "nocol.csv", "-o", tmp_path / "x.xlsx") == 2
    assert "no column for 'Gross margin' (found: Name, Paid)" in capsys.readouterr().err
    (tmp_path / "text.csv").write_text(HEADER + "A,yes,yes,12abc,,5\n")
    assert run("fill", tmp_path / "text.csv", "-o", tmp_path / "y.xlsx") == 2
    assert "text.csv row 2 (customer 1), column 'Gross margin': is text '12abc'" in capsys.readouterr().err
    assert not (tmp_path / "y.xlsx").exists()
    (tmp_path / "fake.xlsx").write_text("not a zip")
    assert run("fill", tmp_path / "fake.xlsx", "-o", tmp_path / "z.xlsx") == 2
    assert "not an .xlsx file" in capsys.readouterr().err


def test_hostile_xlsx_is_refused(tmp_path, capsys, monkeypatch):
    src = tmp_path / "src.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Customer", "Should pay", "Has paid", "Gross margin"])
    wb.save(src)
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    hostile = rezip(src, tmp_path / "hostile.xlsx", {"xl/worksheets/sheet1.xml": lambda _: laughs.encode()})
    assert run("fill", hostile, "-o", tmp_path / "h.xlsx") == 2
    assert "sheet 'Sheet' declares XML entities or a document type, which are refused" in capsys.readouterr().err
    monkeypatch.setattr(xlsx, "MAX_UNZIPPED", 1000)
    assert run("fill", src, "-o", tmp_path / "b.xlsx") == 2
    assert "refused" in capsys.readouterr().err


def test_xlsx_input_keeps_text_as_text(tmp_path):
    src = tmp_path / "in.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["customer", "SHOULD PAY", "has paid", "gross margin", "acquisition cost"])
    ws.append(["=2+2", True, True, 500, 100])
    ws.cell(2, 1).data_type = "s"
    ws.append(["Beta", "yes", "yes", 300.5, None])
    wb.save(src)
    frame = files.read_customers(src)
    assert frame["customer"].tolist() == ["=2+2", "Beta"]
    out = tmp_path / "out.xlsx"
    assert run("fill", src, "-o", out) == 0
    rows = table_rows(out)
    assert rows[0][0] == "=2+2" and rows[0][COL["tier"]] == "A" and rows[1][COL["tier"]] == "C"


def test_produced_workbooks_recalculate_without_errors(tmp_path, need_libreoffice):
    books = [
        ROOT / "workbook_templates" / "three_tier_exercise.xlsx",
        ROOT / "workbook_templates" / "three_tier_exercise.fr.xlsx",
    ]
    five = tmp_path / "five.xlsx"
    assert run("demo", "--band=-0.4;-0.2;0.2;0.4", "--trim", "0.1", "-o", five) == 0
    books.append(five)
    for book in books:
        calc = openpyxl.load_workbook(recalculated(book, tmp_path / book.stem), data_only=True)
        for ws in calc.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    assert not (isinstance(v, str) and v.startswith("#") and v.endswith(("!", "?", "A"))), (
                        book,
                        ws.title,
                        v,
                    )
    values = table_rows(five)
    assert {r[COL["tier"]] for r in values if r[COL["role"]] == "client"} == {"A", "B", "C", "D", "E"}
    assert np.isclose(cr.effort_days(1000, 24000), 3.0277777, atol=1e-6)
