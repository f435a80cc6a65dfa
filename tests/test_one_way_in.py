"""One way in (issue 34): every door reads customers by the same rules. Each test names the
rule and the door it holds at; the engines' doors (PostgreSQL, Spark) are in test_sources.py
and test_spark.py, on the same data as here."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from client_roi import cli, method
from client_roi.files import lines, read_customers, sources
from client_roi.files.xlsx import InputFileError

#: Three spellings of one customer (case, a trailing space, a no-break space) and another.
SPELLINGS = """Customer,Date,Amount
ACME,2025-01-10,100.10
Acme,2025-02-10,200.20
acme\u00a0,2025-03-10,300.30
Beta,2025-03-01,50
ACME,2024-01-05,10
"""


def spelled(read: lines.Lines) -> dict[str, tuple[float | None, float | None]]:
    """Each customer's (current, previous) sums, None for no line in the period."""
    t = read.totals

    def shown(x: float) -> float | None:
        return None if np.isnan(x) else float(x)

    return {c: (shown(cur), shown(prev)) for c, cur, prev in zip(t.customer, t.current, t.previous, strict=True)}


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


def spellings_parquet(folder) -> Path:
    """:data:`SPELLINGS` as a typed Parquet file (a date, a DECIMAL(10, 2) amount), as the
    engines' tests read it."""
    import duckdb

    path = folder / "lines.parquet"
    frame = pd.read_csv(io.StringIO(SPELLINGS), dtype={"Amount": str})
    con = duckdb.connect()
    con.register("raw", frame)
    con.execute(
        "COPY (SELECT Customer, CAST(Date AS DATE) AS Date, CAST(Amount AS DECIMAL(10, 2)) AS Amount FROM raw) "
        f"TO '{path}' (FORMAT parquet)"
    )
    con.close()
    return path


def test_parquet_and_a_duckdb_database_merge_alike(tmp_path):
    import duckdb

    parquet = spellings_parquet(tmp_path)
    con = duckdb.connect(str(tmp_path / "books.duckdb"))
    con.execute(f"CREATE TABLE invoices AS SELECT * FROM '{parquet}'")
    con.close()
    for read in (
        lines.read_lines(tmp_path / "lines.parquet"),
        sources.read_database(str(tmp_path / "books.duckdb"), table="invoices"),
    ):
        assert spelled(read) == {"ACME": (600.6, 10.0), "Beta": (50.0, None)}
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
    assert "'Cost' is not one of the columns read (Customer, Customer ID, Date, Gross margin, Amount, Invoice)" in err
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


# ---------------------------------------------------------------------------------------------
# A CRM export: a Status column, ARR and a margin in percent; a list of customers and margins
# ---------------------------------------------------------------------------------------------

CRM = """Account Name,Status,ARR ($),Gross Margin %,Owner
Northwind,Customer,"$120,000.00",70,Ana
Contoso,Customer,"$80,000.00",60,Bo
Fabrikam,Prospect,"$50,000.00",50,Ana
Initech,Churned,"$40,000.00",55,Cy
Umbrella,Partner,"$10,000.00",40,Bo
Globex,Active,"$100,000.00",65%,Cy
"""


def test_a_crm_export_reads_status_arr_and_margin_percent(tmp_path, capsys):
    path = tmp_path / "accounts.csv"
    path.write_text(CRM, encoding="utf-8")
    frame = read_customers(path)
    c = frame.set_index("customer")
    # Gross margin = ARR × Gross Margin % (a percent column is never the money margin)
    assert c.loc["Northwind", "gross_margin"] == 120000 * 0.70 and c.loc["Globex", "gross_margin"] == 100000 * 0.65
    assert (c.loc["Northwind", "should_pay"], c.loc["Northwind", "has_paid"]) == ("yes", "yes")
    assert (c.loc["Fabrikam", "should_pay"], c.loc["Fabrikam", "has_paid"]) == ("yes", "no")
    assert c.loc["Umbrella", "should_pay"] == "no"
    # a lost client: a prospect to win back, what it brought is its expected margin
    assert c.loc["Initech", "has_paid"] == "no" and c.loc["Initech", "expected_margin"] == 40000 * 0.55
    assert c.loc["Initech", "gross_margin"] is None
    assert list(frame.columns[-4:]) == ["Status", "ARR ($)", "Gross Margin %", "Owner"]  # kept as the file has them
    assert frame.attrs["margin_from"] == "'ARR ($)' × 'Gross Margin %'"
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "gross margin: 'ARR ($)' × 'Gross Margin %'" in said and "roles from the status column 'Status'" in said
    assert "amounts in $" in said
    ex = method.exercise(frame)
    assert ex.facts["reference_gain"] == (84000 + 48000 + 65000) / 3


def test_gross_margin_percent_is_never_the_money_margin(tmp_path, capsys):
    """Seen: `Gross Margin %` (70, 60, 50) read as the money margin, reference gain 60.00."""
    path = tmp_path / "a.csv"
    path.write_text("Customer,Should pay,Has paid,Gross Margin %\nA,yes,yes,70\nB,yes,yes,60\nC,yes,yes,50\n")
    with pytest.raises(InputFileError, match=r"a.csv: no column for 'Gross margin' \(found: .*Gross Margin %\)"):
        read_customers(path)
    # beside a real margin column, the percent column is the margin rate, unused, and said
    path.write_text("Customer,Should pay,Has paid,Gross margin,Gross Margin %\nA,yes,yes,700,70\nB,yes,yes,600,60\n")
    frame = read_customers(path)
    assert frame["gross_margin"].tolist() == [700.0, 600.0] and frame.attrs["margin_from"] == "'Gross margin'"
    assert "Gross Margin %" in frame.columns  # kept as the user's own column
    out = tmp_path / "o.xlsx"
    args = ["fill", str(path), "--column", "Gross margin=Gross Margin %", "-o", str(out)]
    assert cli.main(args) == 2
    assert "holds percents, and a percent is never money" in capsys.readouterr().err and not out.exists()


def test_revenue_without_a_rate_is_said_times_the_margin_rate(tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text("Client;CA (€)\nDupont;1 000,50\nMartin;2 000\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "--margin-rate", "40%", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "gross margin: 'CA (€)' × margin rate 40%" in said
    assert "every customer is taken as a paying client" in said
    frame = read_customers(path, margin_rate=0.4)
    assert frame["gross_margin"].tolist() == [1000.5 * 0.4, 2000 * 0.4]


def test_a_list_of_customers_and_margins_is_a_list_of_paying_clients(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Customer,Gross margin\nA,100\nB,200\nC,300\n")
    frame = read_customers(path)
    assert frame["should_pay"].tolist() == frame["has_paid"].tolist() == ["yes"] * 3
    assert frame.attrs["roles_from"] == ""
    assert method.exercise(frame).facts["clients"] == 3


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        (CRM + "Hooli,Free trial,$5.00,50\n", {}, r"row 8 .*column 'Status': is 'Free trial', which no rule reads"),
        ("Customer,Status,Should pay,Gross margin\nA,Customer,yes,1\n", {}, r"has both 'Status' and 'Should pay'"),
        ("Customer,Should pay,Gross margin\nA,yes,1\n", {}, r"has 'Should pay' but no column for 'Has paid'"),
        ("Customer,Revenue,Margin rate\nA,100,150%\n", {}, r"row 2 .*'Margin rate': '150%' is beyond 100 %"),
        ("Customer,Revenue,Margin rate\nA,100,\n", {}, r"row 2 .*'Margin rate': is blank, and the row has a revenue"),
        ("Customer,Gross margin\nA,1\n", {"status": {"x": "prospect"}}, r"--status goes with a status column"),
        (CRM, {"status": {"Free trial": "maybe"}}, r"'maybe' is not a role"),
    ],
)
def test_crm_refusals_name_the_place(tmp_path, text, options, message):
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((InputFileError, method.ClientRoiError), match=message):
        read_customers(path, **options)


def test_status_said_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "accounts.csv"
    path.write_text(CRM + "Hooli,Free trial,$5000.00,50\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "-o", str(out)]) == 2
    assert '--status "Free trial=prospect"' in capsys.readouterr().err and not out.exists()
    assert cli.main(["fill", str(path), "--status", "Free trial=prospect", "-o", str(out)]) == 0
    assert cli.main(["fill", str(path), "--status", "Free trial=maybe", "-o", str(out), "--force"]) == 2
    assert "'maybe' is not a role (client, prospect, lost or user)" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_bad_previous_tier_is_named_at_the_files_line(tmp_path, capsys, lang):
    """Seen: a bad Previous tier on a file's row refused at Clients!O9, a cell of a workbook
    that does not exist yet."""
    path = tmp_path / "prev.csv"
    rows = "".join(f"C{i};oui;oui;{100 * i};A\n" for i in range(1, 7))
    path.write_text(
        "Titre\n\nClient;Doit payer;A payé;Marge brute;Catégorie précédente\n" + rows + "Z9;oui;oui;50;Zinc\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "--lang", lang, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    said = {"en": "row 10 (customer 7), column", "fr": "ligne 10 (client 7), colonne"}[lang]
    assert f"prev.csv {said} 'Catégorie précédente'" in err and "'Zinc'" in err
    assert "Customers!" not in err and "Clients!" not in err and not out.exists()


# ---------------------------------------------------------------------------------------------
# The Python API is a door like the others
# ---------------------------------------------------------------------------------------------


def test_a_dataframe_is_read_by_the_rules_of_a_file():
    import decimal

    import client_roi as cr

    df = pd.DataFrame(
        {
            "name": ["Acme", "Beta", "Gamma"],  # an alias, as in a file: not silently ignored
            "Marge brute": [decimal.Decimal("100.10"), decimal.Decimal("200.20"), None],  # pd.read_sql's NUMERIC
            "acquisition_cost": pd.array([50, 400, None], dtype="Int64"),  # a nullable dtype
            "Region": ["N", "S", "N"],
        }
    )
    ex = cr.exercise(df, band="25%", labels="Or;Argent;Bronze")
    c = ex.customers
    assert c["customer"].tolist() == ["Acme", "Beta", "Gamma"] and c["Region"].tolist() == ["N", "S", "N"]
    assert ex.facts["reference_gain"] == (100.10 + 200.20) / 2 and ex.band.labels == ("Or", "Argent", "Bronze")
    assert ex.band.offsets.tolist() == [-0.25, 0.25]
    assert c["roi"].dtype == float and c["roi"].tolist()[:2] == [100.10 / 50, 200.20 / 400] and np.isnan(c["roi"][2])
    assert c["roi"].mean() == pytest.approx((100.10 / 50 + 200.20 / 400) / 2)  # a float column: mean() works


@pytest.mark.parametrize(
    ("frame", "options", "message"),
    [
        ({"nom": ["a"], "margn": [1]}, {}, r"DataFrame: no column for 'Gross margin' \(found: nom, margn\).*columns="),
        ({"customer": ["a", "A"], "gross_margin": [1, 2]}, {}, r"row 1 .*'A' is listed again.*merge_duplicates=True"),
        (
            {"customer": ["a", "b"], "gross_margin": [1, "x"]},
            {},
            r"DataFrame row 1 \(customer 2\), column 'gross_margin'",
        ),
        ({"customer": ["a"], "gross_margin": [1]}, {"band": "20%;x"}, r"band item 2: .x. is not a number"),
        ({"customer": ["a"], "gross_margin": [1]}, {"labels": "A;B"}, r"labels has 2 item"),
    ],
)
def test_a_dataframe_is_refused_by_name(frame, options, message):
    import client_roi as cr

    with pytest.raises((InputFileError, method.ClientRoiError), match=message):
        cr.exercise(pd.DataFrame(frame), **options)


def test_duplicates_of_a_dataframe_merge_as_fill_does():
    import client_roi as cr

    ex = cr.exercise(pd.DataFrame({"customer": ["a", "A ", "b"], "gross_margin": [1, 2, 3]}), merge_duplicates=True)
    assert ex.customers["customer"].tolist() == ["a", "b"] and ex.customers["gross_margin"].tolist() == [3.0, 3.0]


def test_to_excel_writes_the_exercise_it_is_called_on(tmp_path):
    """Seen: exercise(df).to_excel(p) wrote a 60-day plan the Exercise did not have."""
    import openpyxl

    import client_roi as cr

    df = pd.DataFrame({"customer": ["a", "b", "c"], "gross_margin": [1, 2, 3], "acquisition_cost": [1, 1, 1]})
    path = cr.exercise(df).to_excel(tmp_path / "o.xlsx")
    wb = openpyxl.load_workbook(path)
    sheet, cell = next(iter(wb.defined_names["prospecting_days"].destinations))
    assert wb[sheet][cell.replace("$", "")].value is None  # no plan, as the exercise has none
    with pytest.raises(Exception, match="exists; say force=True to replace it"):
        cr.exercise(df).to_excel(path)
    assert "60" not in repr(cr.exercise(df)) and len(repr(cr.exercise(df))) < 200


def test_the_public_api_is_listed():
    import client_roi as cr

    for name in ("exercise", "Exercise", "read_customers", "read_lines", "read_frame", "INPUTS", "bands"):
        assert name in cr.__all__ and name in dir(cr) and getattr(cr, name) is not None
    assert "INPUTS" in (cr.method.exercise.__doc__ or "") and "customer" in cr.INPUTS


# ---------------------------------------------------------------------------------------------
# Movement under one band
# ---------------------------------------------------------------------------------------------


def test_changing_the_band_never_creates_movement(tmp_path, capsys):
    """Seen: a band changed in the workbook from 0.2 to 0.25 left the previous tiers at ±20 %
    while the current ones moved to ±25 %: customers 'moved' because the band moved."""
    import openpyxl

    margins = [100, 180, 215, 240, 300, 390, 450]  # the same in both periods: nobody moved
    text = "Customer,Date,Gross margin\n" + "".join(
        f"C{i},2024-0{3 + i % 2}-01,{m}\nC{i},2025-0{3 + i % 2}-01,{m}\n" for i, m in enumerate(margins)
    )
    path = tmp_path / "lines.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", "--transactions", str(path), "-o", str(out)]) == 0

    def moves():
        ws = openpyxl.load_workbook(out)["Customers"]
        head = [c.value for c in ws[1]]
        return [r[head.index("Movement")] for r in ws.iter_rows(min_row=2, values_only=True)]

    assert set(moves()) == {"same"}
    wb = openpyxl.load_workbook(out)
    sheet, cell = next(iter(wb.defined_names["band"].destinations))
    for band in (0.25, 0.1, 0.35):  # each moves some tier's threshold past a customer
        wb[sheet][cell.split(":")[0].replace("$", "")].value = band
        wb.save(out)
        assert cli.main(["refresh", str(out)]) == 0
        assert set(moves()) == {"same"}, band
        wb = openpyxl.load_workbook(out)


def test_a_previous_tier_typed_without_a_margin_is_kept_and_said(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text(
        "Customer,Gross margin,Previous tier,Previous margin\nA,100,,90\nB,300,C,\nC,200,A,210\n", encoding="utf-8"
    )
    ex = method.exercise(read_customers(path))
    assert ex.customers["previous_tier"].tolist() == ["C", "C", "A"]  # A and C from their margins; B as typed
    assert ex.previous_as_typed == 1
    assert cli.main(["fill", str(path), "-o", str(tmp_path / "o.xlsx")]) == 0
    assert "previous tiers typed without a previous margin, kept as typed: 1" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# Outputs at any size
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [5_000, 100_000])
def test_every_row_of_the_review_list_carries_its_formats(tmp_path, n):
    """Seen: the Review list of 5,000 clients lost its number formats after row 1,004 (ROI
    shown as 0.5868692660550459)."""

    path = tmp_path / "c.csv"
    rows = "".join(f"C{i},yes,yes,{100 + i % 800}.25,{1000 + i % 13}\n" for i in range(n))
    path.write_text("Customer,Should pay,Has paid,Gross margin,Acquisition cost\n" + rows, encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "-o", str(out)]) == 0
    import openpyxl

    ws = openpyxl.load_workbook(out, read_only=True)["Review"]
    last = None
    for row in ws.iter_rows(min_row=5, max_col=5):
        if row[0].value is None:
            break
        last = row
    assert last is not None and last[0].row == 4 + n  # every client's ROI < 1: all listed
    money, roi = last[1].number_format, last[3].number_format
    assert "#,##0" in money and last[2].number_format == money and roi == "0.00"
    assert last[4].alignment.indent == 1


# ---------------------------------------------------------------------------------------------
# A code and a name
# ---------------------------------------------------------------------------------------------

#: An accounting export: a code and a company name; C1001's name written two ways; two
#: companies called Dupont under two codes.
CODED = """Code client;Raison sociale;Date;Montant HT
C1000;Acme;2025-01-10;100,10
C1001;Beta SA;2025-01-12;50
C1001;BETA;2025-02-12;25
C1001;Beta SA;2025-03-12;5
C1002;Dupont;2025-02-01;10
C1003;Dupont;2025-02-02;20
C1000;Acme;2024-03-10;70
"""


def test_a_code_and_a_name_group_by_the_code_and_show_the_name(tmp_path, capsys):
    """Seen: an export with Code client and Raison sociale tiered by code (C1000…), the names lost."""
    path = tmp_path / "lignes.csv"
    path.write_text(CODED, encoding="utf-8")
    read = lines.read_lines(path)
    got = spelled(read)
    assert sorted(got) == ["Acme", "Beta SA", "Dupont (C1002)", "Dupont (C1003)"]
    assert got["Beta SA"][0] == 80.0 and got["Acme"] == (100.10, 70.0)  # shown by its name on the most lines
    assert dict(zip(read.totals.customer, read.totals.ids, strict=True))["Beta SA"] == "C1001"
    out = tmp_path / "c.csv"
    assert cli.main(["customers", "--transactions", str(path), "-o", str(out)]) == 0
    assert "customers grouped by 'Code client', shown by 'Raison sociale'" in capsys.readouterr().out
    table = pd.read_csv(out)
    assert table.columns[:2].tolist() == ["Customer", "Code client"]
    assert table.set_index("Customer").loc["Beta SA", "Code client"] == "C1001"
    # the full rules (a decimal said) group alike
    assert spelled(lines.read_lines(path, decimal=",")) == got


def test_a_code_alone_is_the_customer(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("Customer ID,Date,Amount\nC1,2025-01-01,10\nc1,2025-01-02,5\nC2,2025-01-03,1\n")
    got = spelled(lines.read_lines(path))
    assert got == {"C1": (15.0, None), "C2": (1.0, None)}


def test_a_code_and_a_name_in_a_database(tmp_path):
    import duckdb

    con = duckdb.connect(str(tmp_path / "books.duckdb"))
    con.execute('CREATE TABLE invoices ("Account ID" INTEGER, "Account Name" VARCHAR, day DATE, amount DECIMAL(9,2))')
    con.execute(
        "INSERT INTO invoices VALUES (7, 'Acme', '2025-01-01', 10.5), (7, 'ACME Corp', '2025-01-02', 1.25), "
        "(7, 'Acme', '2025-01-02', 1), (8, 'Acme', '2025-01-03', 4)"
    )
    con.close()
    read = sources.read_database(str(tmp_path / "books.duckdb"), table="invoices")
    assert spelled(read) == {"Acme (7)": (12.75, None), "Acme (8)": (4.0, None)}  # one name, two codes
    assert read.totals.merged == ("Acme ← ACME Corp",)


def test_flags_are_written_in_the_books_language_from_every_door(tmp_path):
    """oui/non in a French book filled from invoice lines, a status, or a plain list."""
    import openpyxl

    path = tmp_path / "lines.csv"
    path.write_text(SPELLINGS, encoding="utf-8")
    crm = tmp_path / "accounts.csv"
    crm.write_text(CRM, encoding="utf-8")
    plain = tmp_path / "plain.csv"
    plain.write_text("Client;Marge brute\nA;1\nB;2\n", encoding="utf-8")
    for args in (["--transactions", str(path)], [str(crm)], [str(plain)]):
        out = tmp_path / "o.xlsx"
        assert cli.main(["fill", *args, "--lang", "fr", "-o", str(out), "--force"]) == 0
        ws = openpyxl.load_workbook(out)["Clients"]
        flags = {v for r in ws.iter_rows(min_row=2, min_col=2, max_col=3, values_only=True) for v in r}
        assert flags <= {"oui", "non"} and "oui" in flags, args
    # a user's own spelling is kept as typed
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("Customer,Should pay,Has paid,Gross margin\nA,Y,yes,1\nB,yes,No,2\n", encoding="utf-8")
    out = tmp_path / "m.xlsx"
    assert cli.main(["fill", str(mixed), "--lang", "fr", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Clients"]
    assert [r for r in ws.iter_rows(min_row=2, min_col=2, max_col=3, values_only=True)] == [("Y", "oui"), ("oui", "No")]


def test_the_review_header_repeats_on_every_printed_page(tmp_path):
    import openpyxl

    out = tmp_path / "o.xlsx"
    assert cli.main(["template", "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out)["Review"].print_title_rows == "$4:$4"


def test_the_sweep_chart_draws_every_tier_beside_the_plan(tmp_path):
    """Seen: the sweep chart drew three lines whatever the tiers, covered the plan's 'In the
    plan' column, and broke its title inside the parenthesis."""
    import re
    import zipfile

    out = tmp_path / "o.xlsx"
    band = ["--band=-0.4;-0.2;0.2;0.4", "--labels", "Or;Argent;Bronze;Fer;Bois", "--prospecting-days", "60"]
    assert cli.main(["demo", *band, "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
        drawings = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/drawings/drawing"))
    sweep = next(c for c in charts if "across bands" in c)
    assert sweep.count("<ser>") == 5 and "(1\u00a0=\u00a0top)" in sweep
    # the plan is columns A to E from row 50: the sweep chart starts at column G (index 6) on row 49
    anchors = re.findall(r"<from><col>(\d+)</col><colOff>\d+</colOff><row>(\d+)</row>", drawings)
    assert ("6", "48") in anchors and not any(int(r) in range(48, 60) and int(c) < 6 for c, r in anchors)


def test_a_book_refreshed_to_fewer_tiers_draws_fewer_lines(tmp_path):
    import zipfile

    from test_ooxml import _set_band

    out, back = tmp_path / "a.xlsx", tmp_path / "r.xlsx"
    assert cli.main(["demo", "--lang", "fr", "--band=-0.4;-0.2;0.2;0.4", "-o", str(out)]) == 0
    _set_band(out, [0.2, None, None, None], ["A", "B", "C", None, None])
    assert cli.main(["refresh", str(out), "-o", str(back)]) == 0

    def lines(path):
        with zipfile.ZipFile(path) as z:
            sweep = next(
                z.read(n).decode()
                for n in z.namelist()
                if n.startswith("xl/charts/") and "selon la bande" in z.read(n).decode()
            )
        return sweep.count("<ser>") + sweep.count("<c:ser>")

    assert (lines(out), lines(back)) == (5, 3)


def test_a_percent_column_of_invoice_lines_is_never_money(tmp_path, capsys):
    path = tmp_path / "lignes.csv"
    path.write_text("Client;Date;Marge %;Montant\nA;2025-01-01;70;100\nB;2025-01-02;60;50\n", encoding="utf-8")
    read = lines.read_lines(path)
    assert read.used["amount"] == "Montant" and "margin" not in read.used and read.unused == ["Marge %"]
    assert spelled(read) == {"A": (100.0, None), "B": (50.0, None)}
    out = tmp_path / "c.csv"
    assert cli.main(["customers", "--transactions", str(path), "--column", "Margin=Marge %", "-o", str(out)]) == 2
    assert "column 'Marge %' holds percents, and a percent is never money" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        ("A,yes,yes,100,\nB,yes,yes,200,\n", "no client has an acquisition cost"),
        ("A,yes,yes,100,50\nB,yes,yes,200,100\n", "every client brings at least what it cost"),
    ],
)
def test_an_empty_review_says_why(tmp_path, rows, why):
    import openpyxl

    path = tmp_path / "c.csv"
    path.write_text("Customer,Should pay,Has paid,Gross margin,Acquisition cost\n" + rows, encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Review"]
    assert ws["A4"].value == "Customer" and why in ws["A5"].value and ws["B5"].value is None


def test_the_users_own_columns_are_sized_for_their_texts(tmp_path):
    import openpyxl

    from client_roi.workbook import widths

    path = tmp_path / "c.csv"
    owner, note = "Anastasia Papadopoulou-Smith", "a remark far longer than any column should be and cut at forty"
    path.write_text(f"Customer,Gross margin,Owner,Note,Code\nA,1,{owner},{note},x\nB,2,Bo,,y\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", str(path), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Customers"]
    head = [c.value for c in ws[1]]

    def width(name):
        return ws.column_dimensions[openpyxl.utils.get_column_letter(head.index(name) + 1)].width

    assert widths.shown_px(width("Owner")) >= widths.text_px(owner) and width("Note") == 40 and width("Code") == 12


def test_a_windows_1252_export_whose_only_accent_is_a_no_break_space_is_refused_by_name(tmp_path):
    """Found reading a French export as invoice lines (issue 35, item 11): 'unexpected error
    (StopIteration)' where both readings of the bytes are clean and nothing tells them apart."""
    path = tmp_path / "lignes.csv"
    path.write_bytes(b"Client;Date;Montant\r\nC\xa0100;2025-01-02;12\r\nC200;2025-02-03;10\r\n")
    with pytest.raises(
        InputFileError, match=r"lignes.csv: reads as Windows-1252 \('C\\xa0100'\) or Mac Roman \('C†100'\)"
    ):
        lines.read_lines(path)
    assert spelled(lines.read_lines(path, encoding="cp1252")) == {"C 100": (12.0, None), "C200": (10.0, None)}


def test_the_french_templates_validations_speak_french():
    """Issue 30, seen: errorTitle="Annual income", error="A short tier name." on 'Paramètres'."""
    import openpyxl

    ws = openpyxl.load_workbook(Path(__file__).parents[1] / "workbook_templates" / "three_tier_exercise.fr.xlsx")
    said = [(dv.errorTitle, dv.error) for dv in ws["Paramètres"].data_validations.dataValidation]
    assert ("Revenu annuel", "Un montant au-dessus de 0.") in said and (
        "Libellés",
        "Un nom de catégorie de 1 à 20 caractères.",
    ) in said
    assert not any(t in ("Annual income", "Labels") for t, _ in said)


def test_the_french_customers_csv_opens_in_french_excel_as_numbers(tmp_path):
    """Issue 30: `customers --lang fr` wrote commas, decimal points and UTF-8 without a BOM.
    LibreOffice, told to read it as French Excel does (';', UTF-8, French locale), reads numbers."""
    import openpyxl
    from libreoffice import convert

    path = tmp_path / "lignes.csv"
    path.write_text("Client;Date;Montant\nLefèvre;2025-01-02;1200,50\nDupont;2025-02-03;10\n", encoding="utf-8")
    out = tmp_path / "clients.csv"
    assert cli.main(["customers", "--transactions", str(path), "--lang", "fr", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfClient;Doit payer;A pay\xc3\xa9;Marge brute") and b"600,25" in raw
    # 59: ';', 34: '"', 76: UTF-8, from line 1, French (1036)
    book = convert(out, "xlsx", tmp_path / "lo", infilter="CSV:59,34,76,1,,1036")
    ws = openpyxl.load_workbook(book).active
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Lefèvre"][1:4] == ("oui", "oui", 600.25) and rows["Dupont"][3] == 5
    plain = tmp_path / "plain.csv"
    assert cli.main(["customers", "--transactions", str(path), "--csv-dialect", "plain", "-o", str(plain)]) == 0
    assert (
        plain.read_bytes().startswith(b"Customer,Should pay,Has paid,Gross margin") and b"600.25" in plain.read_bytes()
    )


def test_the_customers_help_names_its_real_output(capsys):
    with pytest.raises(SystemExit):
        cli.main(["customers", "--help"])
    said = capsys.readouterr().out
    assert "-o OUT.csv" in said and "OUT.xlsx" not in said and "excel-fr" in said


@pytest.mark.parametrize("door", [["fill", "{}"], ["fill", "--transactions", "{}"], ["refresh", "{}"]])
def test_a_table_range_written_backwards_is_one_line(tmp_path, capfd, door):
    """Issue 35, item 2: 'N201:A1' (now R201:A1) made python-calamine panic (pyo3's PanicException, no
    Exception): a 77-line traceback. Now refused first, in one line, at every door."""
    import zipfile

    good, bad = tmp_path / "d.xlsx", tmp_path / "bad.xlsx"
    assert cli.main(["demo", "-o", str(good)]) == 0
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/tables/"):
                data = data.replace(b'ref="A1:R201"', b'ref="R201:A1"')
            out.writestr(item, data)
    capfd.readouterr()
    args = [a.format(bad) for a in door]
    assert cli.main([*args, "-o", str(tmp_path / "o.xlsx")]) == 2
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "the table 'Customers' on sheet 'Customers' has the range 'R201:A1'" in err
    assert "panicked" not in err and not (tmp_path / "o.xlsx").exists()


@pytest.mark.parametrize(
    ("args", "text", "said"),
    [
        (
            ["fill", "{}"],
            b"Customer,Should pay,Has paid,Gross margin\nA,yes,yes,1\nB\x00,yes,yes,2\n",
            "line 3: holds a NUL",
        ),
        (
            ["fill", "--transactions", "{}"],
            b"Customer,Date,Amount\nA,2025-01-01,1\nB\x00,2025-01-02,2\n",
            "line 3: holds a NUL",
        ),
        (
            ["fill", "--transactions", "{}"],
            b"Customer,Date,Amount\nA,2025-01-01,1\nB\x01,2025-01-02,2\n",
            "row 3, column 'Customer': holds the control character U+0001",
        ),
        (
            ["fill", "--transactions", "{}", "--to", "0001-01-01"],
            b"Customer,Date,Amount\nA,2025-01-01,1\n",
            "would start before the year 1: give a later end (--to)",
        ),
    ],
)
def test_hostile_lines_are_one_line_not_an_unexpected_error(tmp_path, capsys, args, text, said):
    """Issue 35, item 3 (a NUL byte, --to 0001-01-01), and a control character in a name that
    the fast route let into the workbook, where no XML can hold it."""
    path = tmp_path / "in.csv"
    path.write_bytes(text)
    out = tmp_path / "o.xlsx"
    assert cli.main([a.format(path) for a in args] + ["-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err and "unexpected" not in err and not out.exists()


def test_a_control_character_in_a_databases_name_is_refused_by_name(tmp_path):
    import duckdb

    con = duckdb.connect(str(tmp_path / "b.duckdb"))
    con.execute("CREATE TABLE t AS SELECT 'B' || chr(1) AS customer, DATE '2025-01-01' AS day, 1.5 AS amount")
    con.close()
    with pytest.raises(InputFileError, match=r"the customer 'B\\x01' holds the control character U\+0001"):
        sources.read_database(str(tmp_path / "b.duckdb"), table="t")


@pytest.mark.parametrize("command", ["fill", "refresh"])
def test_a_workbook_with_two_copies_of_a_part_is_refused(tmp_path, capsys, command):
    """Issue 35, item 10: two zip entries for the customers sheet were refreshed from the
    second (reference gain 647.44 instead of 5,200.20) and saved with both."""
    import warnings
    import zipfile

    good, bad = tmp_path / "d.xlsx", tmp_path / "bad.xlsx"
    assert cli.main(["demo", "-o", str(good)]) == 0
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as out, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        for name in src.namelist():
            out.writestr(name, src.read(name), zipfile.ZIP_DEFLATED)
        out.writestr("xl/worksheets/sheet3.xml", src.read("xl/worksheets/sheet3.xml").replace(b"<v>", b"<v>1"))
    capsys.readouterr()
    before = bad.read_bytes()
    assert cli.main([command, str(bad), "-o", str(tmp_path / "o.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "holds two parts named 'xl/worksheets/sheet3.xml'" in err and err.count("\n") == 1
    assert bad.read_bytes() == before and not (tmp_path / "o.xlsx").exists()


CODED_CUSTOMERS = [
    ["Code client", "Raison sociale", "Marge brute"],
    ["C1", "Dupont SA", 100],
    ["C2", "Dupont SA", 200],  # another customer of the same name
    ["c1", "Dupont S.A.", 300],  # C1 again, spelled otherwise: the same customer
    ["C3", "Martin", 400],
]


def _coded_doors(tmp_path):
    """The same customers through a CSV, a workbook's sheet and a DataFrame."""
    import openpyxl

    csv = tmp_path / "clients.csv"
    csv.write_text("\n".join(";".join(str(v) for v in r) for r in CODED_CUSTOMERS), encoding="utf-8")
    book = tmp_path / "clients.xlsx"
    wb = openpyxl.Workbook()
    for r in CODED_CUSTOMERS:
        wb.active.append(r)
    wb.save(book)
    frame = pd.DataFrame(CODED_CUSTOMERS[1:], columns=CODED_CUSTOMERS[0])
    return {"csv": csv, "xlsx": book, "frame": frame}


@pytest.mark.parametrize("door", ["csv", "xlsx", "frame"])
def test_a_customer_file_with_a_code_and_a_name_is_grouped_by_the_code(tmp_path, door):
    """Issue 34, the customer file's code + name: two rows of one code are one customer (refused
    as listed twice, or merged), two codes of one name are two customers, told apart by their
    codes as invoice lines tell them; the code stays in the table under its header."""
    import client_roi as cr

    given = _coded_doors(tmp_path)[door]
    read = (
        (lambda **kw: cr.exercise(given, **kw).customers)
        if door == "frame"
        else (lambda **kw: read_customers(given, **kw))
    )
    with pytest.raises(InputFileError, match=r"column 'Code client'.*'c1' is listed again \(first at row"):
        read()
    merged = read(merge_duplicates=True)
    assert merged["customer"].tolist() == ["Dupont SA (C1)", "Dupont SA (C2)", "Martin"]
    assert merged["gross_margin"].tolist() == [400.0, 200.0, 400.0]
    assert merged["Code client"].tolist() == ["C1", "C2", "C3"]
    if door != "frame":
        assert tuple(merged.attrs["grouped_by"]) == ("Code client", "Raison sociale")


def test_a_customer_files_code_and_name_are_said_and_kept_in_the_book(tmp_path, capsys):
    import openpyxl

    csv = _coded_doors(tmp_path)["csv"]
    out = tmp_path / "book.xlsx"
    assert cli.main(["fill", str(csv), "--merge-duplicates", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "customers grouped by 'Code client', shown by 'Raison sociale'" in said
    rows = list(openpyxl.load_workbook(out)["Customers"].iter_rows(values_only=True))
    codes = rows[0].index("Code client")
    assert [(r[0], r[codes]) for r in rows[1:]] == [
        ("Dupont SA (C1)", "C1"),
        ("Dupont SA (C2)", "C2"),
        ("Martin", "C3"),
    ]


def test_a_customer_files_code_alone_is_the_customer(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("Customer ID,Gross margin\nA-1,100\nA-2,200\n", encoding="utf-8")
    assert read_customers(path)["customer"].tolist() == ["A-1", "A-2"]


def _sweep_series(path) -> list[tuple[str, str, str]]:
    """The sweep chart's series: (idx, order, the title's reference), in the part's order."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        sweep = next(
            z.read(n).decode()
            for n in z.namelist()
            if n.startswith("xl/charts/chart") and "across bands" in z.read(n).decode()
        )
    series = re.findall(r"<(?:c:)?ser>.*?</(?:c:)?ser>", sweep, re.S)
    return [
        (
            re.search(r'<(?:c:)?idx val="(\d+)"', s)[1],  # type: ignore[index]
            re.search(r'<(?:c:)?order val="(\d+)"', s)[1],  # type: ignore[index]
            re.search(r"<(?:c:)?tx><(?:c:)?strRef><(?:c:)?f>([^<]+)<", s)[1],  # type: ignore[index]
        )
        for s in series
    ]


@pytest.mark.parametrize("dialect", ["ours", "Excel's"])
def test_a_book_refreshed_to_more_tiers_draws_more_lines(tmp_path, dialect):
    """Issue 34, item 5: a book made for three tiers, its band made five in the Parameters
    sheet, refreshed: the sweep chart draws five lines, each on its tier's share column (D, F,
    H, J, L), each series with an index and order of its own; the book still validates against
    the Office Open XML schemas, as Excel saved it (c: prefixes, caches, unique ids) too."""
    from excel_dialect import excel_saved
    from ooxml import findings
    from test_ooxml import AWKWARD_LABELS, _set_band

    book, back = tmp_path / "a.xlsx", tmp_path / "r.xlsx"
    assert cli.main(["demo", "-o", str(book)]) == 0
    assert [t for _, _, t in _sweep_series(book)] == ["'Tiers'!D67", "'Tiers'!F67", "'Tiers'!H67"]
    _set_band(book, [-0.4, -0.2, 0.2, 0.4], AWKWARD_LABELS)
    if dialect == "Excel's":
        book.write_bytes(excel_saved(book.read_bytes()))
    assert len(_sweep_series(book)) == 3
    assert cli.main(["refresh", str(book), "-o", str(back)]) == 0
    series = _sweep_series(back)
    titles = [t.replace("'", "").replace("$", "") for _, _, t in series]
    assert titles == [f"Tiers!{c}67" for c in "DFHJL"]
    assert len({i for i, _, _ in series}) == len({o for _, o, _ in series}) == 5
    with zipfile.ZipFile(back) as z:
        chart = next(z.read(n) for n in z.namelist() if n.startswith("xl/charts/") and b"across bands" in z.read(n))
    assert b"$L$68:$L$77" in chart and b"Cache" not in chart  # the values' column moved too; Excel plots the cells
    assert findings(back) == []


def test_a_frame_of_previous_margins_alone_has_its_movement(tmp_path):
    """Found by test_blocks: a DataFrame with previous margins and no previous tiers ran, then
    raised KeyError 'previous_tier' when its workbook was written."""
    import client_roi as cr

    margins = {"gross_margin": [100, 200, 300, 400], "previous_margin": [400, 200, 300, 100]}
    df = pd.DataFrame({"customer": ["a", "b", "c", "d"], **margins})
    ex = cr.exercise(df)
    # the mean then is 250, as now: B from 200 up to 300 (300 itself is A, the tier above)
    assert ex.customers["previous_tier"].tolist() == ["A", "B", "A", "C"]
    assert ex.customers["tier"].tolist() == ["C", "B", "A", "A"]
    assert ex.customers["movement"].tolist() == ["down", "same", "same", "up"]
    ex.to_excel(tmp_path / "o.xlsx")
    assert (tmp_path / "o.xlsx").exists()
