"""One way in (issue 34): every door reads customers by the same rules. Each test names the
rule and the door it holds at; the engines' doors (PostgreSQL, Spark) are in test_sources.py
and test_spark.py, on the same data as here."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from client_roi import cli, method
from client_roi.files import lines, read_customers
from client_roi.files.xlsx import InputFileError

#: Three spellings of one customer (case, a trailing space, a no-break space) and another.
SPELLINGS = """Customer,Date,Amount
ACME,2025-01-10,100.10
Acme,2025-02-10,200.20
acme\u00a0,2025-03-10,300.30
Beta,2025-03-01,50
ACME,2024-01-05,10
"""


def spelled(read: lines.Lines) -> dict[str, tuple[float, float]]:
    t = read.totals
    return {c: (cur, prev) for c, cur, prev in zip(t.customer, t.current, t.previous, strict=True)}


def test_the_name_rule_by_hand():
    key = method.names.name_key
    assert key("ACME") == key("Acme") == key(" acme ") == key("a\u0063me") == key("ACME\u00a0")
    assert key("Straße") == key("STRASSE")  # casefold, not lower
    assert key("Café") == key("Cafe\u0301")  # NFC: one é however it is typed
    assert key("Café") != key("Cafe") and key("A.B.C") != key("ABC")  # accents and punctuation count
    assert key("ACME  Corp") == key("acme corp")


def test_invoice_lines_of_three_spellings_are_one_customer(tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text(SPELLINGS, encoding="utf-8")
    read = lines.read_lines(path)
    assert read.route == "duckdb"
    got = spelled(read)
    assert list(got) == ["ACME", "Beta"]  # shown by the spelling on the most lines
    assert got["ACME"][0] == 600.6 and got["ACME"][1] == 10.0  # 100.10 + 200.20 + 300.30, exactly
    assert read.totals.merged == ("ACME ← Acme, acme",) and read.totals.spellings_merged == 2
    assert list(read.totals.current_lines) == [3, 1] and list(read.totals.previous_lines) == [1, 0]


def test_the_full_rules_route_merges_alike(tmp_path):
    """A French export (cp1252, comma decimals) of the same lines goes by the Python reading."""
    text = SPELLINGS.replace(",", ";").replace(".", ",").replace("\u00a0", " ")
    path = tmp_path / "lignes.csv"
    path.write_bytes(text.replace("Customer", "Client").replace("Amount", "Montant").encode("cp1252"))
    read = lines.read_lines(path, decimal=",")  # said: the full rules, value by value
    assert read.route == "python"
    assert spelled(read)["ACME"] == (600.6, 10.0) and read.totals.merged == ("ACME ← Acme, acme",)


def test_parquet_and_a_duckdb_database_merge_alike(tmp_path):
    import duckdb

    frame = pd.read_csv(pd.io.common.StringIO(SPELLINGS), dtype={"Amount": str})
    con = duckdb.connect()
    con.register("raw", frame)
    con.execute(
        "CREATE TABLE invoices AS SELECT Customer, CAST(Date AS DATE) AS Date, "
        "CAST(Amount AS DECIMAL(10, 2)) AS Amount FROM raw"
    )
    con.execute(f"COPY invoices TO '{tmp_path / 'lines.parquet'}' (FORMAT parquet)")
    con.execute(f"ATTACH '{tmp_path / 'books.duckdb'}' AS books")
    con.execute("CREATE TABLE books.main.invoices AS SELECT * FROM invoices")
    con.close()
    for read in (
        lines.read_lines(tmp_path / "lines.parquet"),
        lines.read_database(str(tmp_path / "books.duckdb"), table="invoices"),
    ):
        assert spelled(read) == {"ACME": (600.6, 10.0), "Beta": (50.0, pytest.approx(np.nan, nan_ok=True))}
        assert read.totals.merged == ("ACME ← Acme, acme",)


def test_the_summary_says_which_spellings_were_merged(tmp_path, capsys):
    path = tmp_path / "lines.csv"
    path.write_text(SPELLINGS, encoding="utf-8")
    out = tmp_path / "c.csv"
    assert cli.main(["customers", "--transactions", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "taken as one customer: 2 spellings merged (ACME ← Acme, acme)" in said
    table = pd.read_csv(out)
    assert table["Customer"].tolist() == ["ACME", "Beta"]


def test_a_customer_file_merged_into_lines_matches_by_the_rule(tmp_path, capsys):
    path = tmp_path / "lines.csv"
    path.write_text(SPELLINGS, encoding="utf-8")
    listed = tmp_path / "costs.csv"
    listed.write_text("Customer,Acquisition cost\n  acme ,120\nbeta,30\n", encoding="utf-8")
    out = tmp_path / "c.csv"
    args = ["customers", "--transactions", str(path), "--customers", str(listed), "-o", str(out)]
    assert cli.main(args) == 0
    table = pd.read_csv(out).set_index("Customer")
    assert table.loc["ACME", "Acquisition cost"] == 120 and table.loc["Beta", "Acquisition cost"] == 30
    assert len(table) == 2  # no third customer "acme"


def test_a_customer_file_refuses_two_spellings_of_one_customer(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "Customer,Should pay,Has paid,Gross margin\nCafe\u0301,yes,yes,10\nCAFÉ,yes,yes,20\n", encoding="utf-8"
    )
    with pytest.raises(InputFileError, match=r"c.csv row 3 .*'CAFÉ' is listed again \(first at row 2\)"):
        read_customers(path)


FRENCH_LINES = "Jour;Client;Montant TTC;Facture\n2025-01-10;Dupont;1200,50;F1\n2025-02-10;Martin;300;F2\n"


def test_column_maps_every_column_of_invoice_lines(tmp_path, capsys):
    """`--column "Amount=Montant TTC"` (the README's own example) and the tool's own hint
    `--column "Date=ITS HEADER"` map columns of invoice lines, not of customer files."""
    path = tmp_path / "lignes.csv"
    path.write_text(FRENCH_LINES, encoding="utf-8")
    out = tmp_path / "c.csv"
    args = ["customers", "--transactions", str(path), "--column", "Amount=Montant TTC", "--column", "Date=Jour"]
    assert cli.main([*args, "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "'Montant TTC' × margin rate" in said
    table = pd.read_csv(out).set_index("Customer")
    assert table.loc["Dupont", "Gross margin"] == 600.25  # 1 200,50 × 0.5


def test_an_unknown_column_key_is_refused_listing_the_doors_keys(tmp_path, capsys):
    path = tmp_path / "lignes.csv"
    path.write_text(FRENCH_LINES, encoding="utf-8")
    out = tmp_path / "c.csv"
    assert cli.main(["customers", "--transactions", str(path), "--column", "Cost=Montant TTC", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'Cost' is not one of the columns read (Customer, Date, Gross margin, Amount, Invoice)" in err
    customers = tmp_path / "c2.csv"
    customers.write_text("Client,Doit payer,A payé,Marge\na,oui,oui,1\n", encoding="utf-8")
    assert cli.main(["fill", str(customers), "--column", "Date=Jour", "-o", str(tmp_path / "o.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "'Date' is not one of the columns read (Customer, Should pay, Has paid, Gross margin" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("tail", "skipped"),
    [
        ("Total,,1500.60\n", ["row 7 (Total)"]),  # every line above
        (",,1500.60\n", ["row 7 (blank)"]),  # a blank customer whose amount is the sum
        ("TOTAL GÉNÉRAL :,2025-03-31,1500.6\n", ["row 7 (TOTAL GÉNÉRAL :)"]),  # with a date: the fast route too
    ],
)
def test_a_total_line_of_invoice_lines_is_skipped_and_said(tmp_path, capsys, tail, skipped):
    path = tmp_path / "lines.csv"
    path.write_text(SPELLINGS.replace("ACME,2024-01-05,10\n", "ACME,2024-01-05,850\n") + tail, encoding="utf-8")
    read = lines.read_lines(path)
    assert read.totals_skipped == skipped
    assert "Total" not in spelled(read) and spelled(read)["ACME"] == (600.6, 850.0)
    out = tmp_path / "c.csv"
    assert cli.main(["customers", "--transactions", str(path), "-o", str(out)]) == 0
    assert f"total lines skipped (each the sum of the rows above it): {skipped[0]}" in capsys.readouterr().out


def test_subtotals_of_invoice_lines(tmp_path):
    text = "Client;Date;Montant\nA;2025-01-01;10,50\nB;2025-01-02;4,50\nSous-total;;15\n"
    text += "C;2025-02-01;1,25\nTotal;;16,25\n"
    path = tmp_path / "lignes.csv"
    path.write_text(text, encoding="utf-8")
    read = lines.read_lines(path)
    assert read.totals_skipped == ["row 4 (Sous-total)", "row 6 (Total)"]
    assert sorted(spelled(read)) == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        ("Total,,1500.61\n", r"row 7, column 'Customer': 'Total' looks like a total line, but its amount is not"),
        (",,99\n", r"row 7, column 'Customer': is blank; .* \(nor is it a total line"),
    ],
)
def test_a_total_line_that_does_not_add_up_is_refused_by_its_row(tmp_path, tail, message):
    path = tmp_path / "lines.csv"
    path.write_text(SPELLINGS.replace("ACME,2024-01-05,10\n", "ACME,2024-01-05,850\n") + tail, encoding="utf-8")
    with pytest.raises(InputFileError, match=message):
        lines.read_lines(path)
