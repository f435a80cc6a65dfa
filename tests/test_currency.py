"""The currency: what the file shows or --currency; every amount of the workbook shown in it,
and changed at once by the workbook's ``currency`` parameter, in LibreOffice too."""

from __future__ import annotations

import subprocess

import openpyxl
import pytest
from libreoffice import convert

from client_roi import cli, method
from client_roi.commands import sample_customers
from client_roi.workbook import layout, styles, template

HEADER = "Customer;Should pay;Has paid;{margin};Acquisition cost"


def run(*argv) -> int:
    return cli.main([str(a) for a in argv])


def export(tmp_path, rows, margin="Gross margin", name="c.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER.format(margin=margin), *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "sign"),
    [
        (None, "€"),
        ("  ", "€"),
        ("€", "€"),
        ("eur", "€"),
        (" USD ", "$"),
        ("£", "£"),
        ("gbp", "£"),
        ("chf", "CHF"),
        ("JPY", "¥"),
    ],
)
def test_currency_names_and_signs(value, sign):
    assert method.currency(value) == sign


@pytest.mark.parametrize("value", ["yen", "US$", "€$", 1, True, "#N/A"])
def test_currency_refuses_anything_else(value):
    with pytest.raises(method.ClientRoiError, match="currency is") as info:
        method.currency(value)
    assert info.value.argument == "currency"


def test_money_format_per_language():
    assert styles.money_format("€", "en") == '#,##0 "€"'
    assert styles.money_format("$", "en") == '"$"#,##0'
    assert styles.money_format("$", "fr") == '#,##0 "$"'
    assert styles.money_format("CHF", "en") == '#,##0 "CHF"'


def _money_cells(path):
    wb = openpyxl.load_workbook(path)
    customers = wb[layout.SHEETS["customers"]["en"]]
    sheet, ref = next(iter(wb.defined_names["currency"].destinations))
    return wb, customers, wb[sheet][ref.replace("$", "")].value


def test_the_file_header_says_the_currency(tmp_path, capsys):
    path = export(tmp_path, ["A;yes;yes;1200;100", "B;yes;yes;2000;300"], margin="Gross margin ($)")
    assert run("fill", path, "-o", tmp_path / "f.xlsx") == 0
    assert "amounts in $: as the file shows: c.csv, header 'Gross margin ($)'" in capsys.readouterr().out
    wb, customers, currency = _money_cells(tmp_path / "f.xlsx")
    assert currency == "$"
    assert customers["D2"].number_format == '"$"#,##0'  # Gross margin
    assert customers["F2"].number_format == '"$"#,##0'  # Acquisition cost
    tiers = wb[layout.SHEETS["tiers"]["en"]]
    assert any(c.number_format == '"$"#,##0' for row in tiers.iter_rows() for c in row)
    assert not any('"€"' in c.number_format for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def test_values_say_the_currency_and_two_are_refused(tmp_path, capsys):
    path = export(tmp_path, ["A;yes;yes;£1,200.50;100", "B;yes;yes;2000;300"])
    assert run("fill", path, "-o", tmp_path / "f.xlsx") == 0
    assert "amounts in £: as the file shows: c.csv row 2 (customer 1), column 'Gross margin': '£1,200.50'" in (
        capsys.readouterr().out
    )
    mixed = export(tmp_path, ["A;yes;yes;1 200 €;100", "B;yes;yes;2000;$300"], name="m.csv")
    assert run("fill", mixed, "-o", tmp_path / "m.xlsx") == 2
    err = capsys.readouterr().err
    assert err.startswith("client-roi: the amounts show more than one currency: €") and "'$300'" in err
    assert "say which with --currency" in err and not (tmp_path / "m.xlsx").exists()
    assert run("fill", mixed, "--currency", "EUR", "-o", tmp_path / "m.xlsx") == 0
    assert "amounts in €: --currency" in capsys.readouterr().out
    assert _money_cells(tmp_path / "m.xlsx")[2] == "€"


def test_no_currency_shown_is_the_default_and_said(tmp_path, capsys):
    path = export(tmp_path, ["A;yes;yes;1200;100", "B;yes;yes;2000;300"])
    assert run("fill", path, "-o", tmp_path / "f.xlsx") == 0
    assert "amounts in €: the default, as none is shown; --currency to choose" in capsys.readouterr().out
    assert run("fill", path, "--currency", "pesos", "-o", tmp_path / "g.xlsx") == 2
    assert "--currency is text 'pesos'" in capsys.readouterr().err


def test_invoice_lines_header_says_the_currency(tmp_path, capsys):
    lines = tmp_path / "lines.csv"
    lines.write_text("Date,Customer,Amount (USD)\n2025-01-10,A,100\n2025-02-10,B,300\n2025-03-10,C,200\n")
    assert run("fill", "--transactions", lines, "--to", "2025-12-31", "-o", tmp_path / "f.xlsx") == 0
    assert "amounts in $: as the file shows: lines.csv, header 'Amount (USD)'" in capsys.readouterr().out


def test_a_refresh_reads_and_checks_the_currency(tmp_path, capsys):
    assert run("demo", "--currency", "CHF", "-o", tmp_path / "d.xlsx") == 0
    wb = openpyxl.load_workbook(tmp_path / "d.xlsx")
    sheet, ref = next(iter(wb.defined_names["currency"].destinations))
    wb[sheet][ref.replace("$", "")] = "pesos"
    wb.save(tmp_path / "bad.xlsx")
    capsys.readouterr()
    assert run("refresh", tmp_path / "bad.xlsx") == 2
    assert f"{sheet}!{ref.replace('$', '')} (parameter 'currency')" in capsys.readouterr().err


def test_changing_the_parameter_shows_every_amount_in_libreoffice(tmp_path):
    """The conditional formats: the book is built in €, the parameter set to CHF, and
    LibreOffice (no refresh) shows the amounts in CHF; the € book shows them in €."""
    book, _ = template.make_book("en", sample_customers())
    (tmp_path / "eur.xlsx").write_bytes(book.to_bytes())
    wb = openpyxl.load_workbook(tmp_path / "eur.xlsx")
    sheet, ref = next(iter(wb.defined_names["currency"].destinations))
    wb[sheet][ref.replace("$", "")] = "CHF"
    wb.save(tmp_path / "chf.xlsx")  # openpyxl keeps the table, names and conditional formats
    shown = {}
    for name in ("eur", "chf"):  # as printed: LibreOffice's CSV export leaves conditional formats out
        pdf = convert(tmp_path / f"{name}.xlsx", "pdf", tmp_path / name)
        shown[name] = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    first = sample_customers().iloc[0]
    margin, cost = f"{first['gross_margin']:,.0f}", f"{first['acquisition_cost']:,.0f}"
    assert f"{margin} €" in shown["eur"] and f"{cost} €" in shown["eur"] and f"{margin} CHF" not in shown["eur"]
    assert f"{margin} CHF" in shown["chf"] and f"{cost} CHF" in shown["chf"]
    # every amount changed: none is left in €, but the Guide's example of the method
    left = [line for line in shown["chf"].splitlines() if "€" in line]
    assert left and all("24 000 €" in line or "€ $ £ CHF" in line for line in left), left
