"""Invoice lines to customers: periods, sums, clients and lost customers, previous tiers,
movement, the mobility block and the bad-input catalogue, with hand-computed expectations."""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client_roi import cli, method
from client_roi.files import lines
from client_roi.files.xlsx import InputFileError
from client_roi.method.periods import period_start, periods

# ---------------------------------------------------------------------------------------------
# Periods: Excel's EDATE/EOMONTH rule, month ends included
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "months", "start"),
    [
        (dt.date(2025, 3, 31), 1, dt.date(2025, 3, 1)),  # 31 March minus one month: March, whole
        (dt.date(2025, 3, 31), 12, dt.date(2024, 4, 1)),
        (dt.date(2025, 2, 28), 1, dt.date(2025, 2, 1)),  # a month end: whole months
        (dt.date(2024, 2, 29), 12, dt.date(2023, 3, 1)),
        (dt.date(2025, 3, 30), 1, dt.date(2025, 3, 1)),  # EDATE(30 Mar, -1) = 28 Feb
        (dt.date(2024, 3, 30), 1, dt.date(2024, 3, 1)),  # EDATE(30 Mar 2024, -1) = 29 Feb
        (dt.date(2025, 3, 15), 6, dt.date(2024, 9, 16)),
        (dt.date(2025, 1, 15), 1, dt.date(2024, 12, 16)),
    ],
)
def test_period_start_by_hand(end, months, start):
    assert period_start(end, months) == start


@given(st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)), st.integers(1, 36))
@settings(max_examples=300, deadline=None)
def test_periods_tile_the_calendar(end, months):
    p = periods(end, months)
    assert p.previous_end == p.start - dt.timedelta(days=1)
    assert p.previous_start <= p.previous_end < p.start <= p.end
    length = (p.end - p.start).days + 1
    assert 28 * months - 3 <= length <= 31 * months + 1  # about N months, never a gap or overlap


def test_months_refused():
    with pytest.raises(method.ClientRoiError, match="months must be"):
        periods(dt.date(2025, 1, 1), 0)


# ---------------------------------------------------------------------------------------------
# Movement and the mobility matrix
# ---------------------------------------------------------------------------------------------


def test_movement_by_hand():
    labels = ("Or", "Argent", "Bronze")
    previous = ["Or", "Bronze", "Argent", None, "Or", None, " Argent "]
    now = ["Argent", "Or", "Argent", "Bronze", None, None, "Argent"]
    assert method.movement(previous, now, labels).tolist() == ["down", "up", "same", "new", "lost", None, "same"]


def test_previous_tier_not_a_label_is_refused_by_row():
    with pytest.raises(method.ClientRoiError, match="previous_tier row 2 is text 'Z', not one of the tiers A, B, C"):
        method.movement(["A", "Z"], ["A", "B"], ("A", "B", "C"))


def test_mobility_totals_are_the_customers_seen():
    rng = np.random.default_rng(3)
    pool = np.array(["A", "B", "C", "D", "E", None], dtype=object)
    previous, now = rng.choice(pool, 500), rng.choice(pool, 500)
    m, _ = method.mobility(previous, now, ("A", "B", "C", "D", "E"))
    seen = sum(1 for a, b in zip(previous, now, strict=True) if a is not None or b is not None)
    assert m.loc["total", "total"] == seen
    assert (m.iloc[:-1, :-1].sum(axis=1) == m.iloc[:-1, -1]).all()
    assert m.loc["new", "lost"] == 0
    moves = method.movement(previous, now, ("A", "B", "C", "D", "E"))
    assert m.loc["new"].iloc[:-2].sum() == (moves == "new").sum()
    assert m["lost"].iloc[:-1].sum() == (moves == "lost").sum()


# ---------------------------------------------------------------------------------------------
# Reading lines: sums, periods, lost and older customers
# ---------------------------------------------------------------------------------------------

LINES = """Customer,Date,Amount
Alpha,2025-01-15,100.10
Beta,2025-02-01,200
Alpha,2024-03-01,50.25
Gamma,2024-06-30,-10
Gamma,2024-07-01,400
Delta,2023-01-01,5
Alpha,2025-01-20,0.20
"""


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_lines_by_hand(tmp_path):
    read = lines.read_lines(_write(tmp_path, "l.csv", LINES), months=6)
    t = read.totals
    got = {c: (cur, prev) for c, cur, prev in zip(t.customer, t.current, t.previous, strict=True)}
    p = t.periods  # 6 months ending on the latest line, 2025-02-01
    assert (p.start, p.previous_start, p.previous_end) == (
        dt.date(2024, 8, 2),
        dt.date(2024, 2, 2),
        dt.date(2024, 8, 1),
    )
    assert got["Alpha"][0] == 100.3 and got["Alpha"][1] == 50.25  # 100.10 + 0.20 exactly: 100.3
    assert got["Gamma"][1] == 390.0 and np.isnan(got["Gamma"][0])  # a credit note counts
    assert np.isnan(got["Delta"][0]) and np.isnan(got["Delta"][1])
    made = method.customers_from_lines(t, margin_rate=0.5)
    c = made.customers.set_index("customer")
    assert list(c.index) == ["Alpha", "Beta", "Gamma"]  # Delta: lines all older, left out
    assert (made.clients, made.lost, made.older) == (2, 1, 1)
    assert c.loc["Alpha", "gross_margin"] == 50.15  # sum first, then × 0.5
    assert c.loc["Gamma", "has_paid"] == "no" and c.loc["Gamma", "expected_margin"] == 195.0
    # previous period's clients: Alpha 25.125, Gamma 195; mean 110.0625 → Gamma A, Alpha C
    assert c["previous_tier"].tolist() == ["C", None, "A"]


def test_the_routes_agree_bit_for_bit(tmp_path):
    """DuckDB's typed reading (UTF-8, plain numbers) and the full rules (a French cp1252 export
    of the same lines, and a workbook) give the same sums."""
    rng = np.random.default_rng(7)
    n = 3000
    days = np.datetime64("2023-01-01") + rng.integers(0, 800, n)
    cents = rng.integers(-20000, 900000, n)
    who = [f"C{i:03d}" for i in rng.integers(0, 300, n)]
    plain = "Customer,Date,Amount\n" + "".join(
        f"{c},{d},{a / 100:.2f}\n" for c, d, a in zip(who, days.astype(str), cents.tolist(), strict=True)
    )
    fr = "Client;Date de facture;Montant HT\r\n" + "".join(
        f"{c};{d.item():%d/%m/%Y};{a / 100:,.2f} €\r\n".replace(",", " ").replace(".", ",")
        for c, d, a in zip(who, days, cents.tolist(), strict=True)
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer", "Invoice date", "Net amount"])
    for c, d, a in zip(who, days, cents.tolist(), strict=True):
        ws.append([c, d.item(), a / 100])
    book = tmp_path / "lines.xlsx"
    wb.save(book)
    fast = lines.read_lines(_write(tmp_path, "plain.csv", plain))
    slow = lines.read_lines(_write(tmp_path, "fr.csv", fr, "cp1252"))  # the € tells Windows-1252
    cells = lines.read_lines(book)
    assert (fast.route, slow.route, cells.route) == ("duckdb", "python", "python")
    frames = []
    for r in (fast, slow, cells):
        t = r.totals
        frames.append(pd.DataFrame({"c": t.customer, "cur": t.current, "prev": t.previous}).sort_values("c"))
    for other in frames[1:]:
        assert frames[0]["c"].tolist() == other["c"].tolist()
        for column in ("cur", "prev"):
            assert np.array_equal(frames[0][column].to_numpy(float), other[column].to_numpy(float), equal_nan=True)
    # and against plain Python decimals, summed exactly then rounded once
    from decimal import Decimal

    end = days.max().item()
    p = periods(end, 12)
    want: dict[str, Decimal] = {}
    for c, d, a in zip(who, days, cents.tolist(), strict=True):
        if p.start <= d.item() <= p.end:
            want[c] = want.get(c, Decimal(0)) + Decimal(a) / 100
    got = dict(zip(frames[0]["c"], frames[0]["cur"], strict=True))
    assert all(got[c] == float(v) for c, v in want.items())


def test_more_decimals_later_in_the_file_leave_the_fast_route(tmp_path):
    text = "Customer,Date,Amount\n" + "".join(f"c{i},2025-01-{1 + i % 28:02d},10.50\n" for i in range(20000))
    text += "z,2025-01-31,0.125\n"  # past the sample: three decimals
    read = lines.read_lines(_write(tmp_path, "l.csv", text))
    assert read.route == "python"
    t = read.totals
    assert t.current[list(t.customer).index("z")] == 0.125


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        ("Customer,Date,Amount\na,2025-13-01,1\n", {}, "row 2, column 'Date': '2025-13-01' is not a date"),
        ("Customer,Date,Amount\na,03/04/2025,1\n", {}, "say --date-format dmy or --date-format mdy"),
        ("Customer,Date,Amount\na,31/03/2025,1\nb,03/31/2025,2\n", {}, "need different date conventions"),
        ("Client,Montant\na,1\n", {}, "no column for 'Date'"),
        ("Customer,Date\na,2025-01-01\n", {}, "no column for 'Gross margin' or 'Amount'"),
        ("Customer,Date,Amount\na,2025-01-01,1\n", {"to": dt.date(2020, 1, 1)}, "--to 2020-01-01 is before every line"),
        (
            "Customer,Date,Amount\na,2020-01-01,1\n",
            {"to": dt.date(2025, 1, 1)},
            "no line in the period 2024-01-02 – 2025-01-01",
        ),
        ("Customer,Date,Amount\na,2025-01-01,N/A\n", {}, "row 2, column 'Amount': is text 'N/A', not a number"),
        ("Customer,Date,Amount\n,2025-01-01,5\n", {}, "row 2, column 'Customer': is blank"),
        ("Customer,Date,Amount\na,,5\n", {}, "row 2, column 'Date': is blank"),
    ],
)
def test_bad_lines_are_refused_in_one_line(tmp_path, text, options, message):
    with pytest.raises(InputFileError) as caught:
        lines.read_lines(_write(tmp_path, "bad.csv", text), **options)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_months_zero_is_refused_by_the_cli(tmp_path, capsys):
    source = _write(tmp_path, "l.csv", LINES)
    assert cli.main(["fill", "--transactions", str(source), "--months", "0", "-o", str(tmp_path / "o.xlsx")]) == 2
    assert "--months must be at least 1" in capsys.readouterr().err
    assert not (tmp_path / "o.xlsx").exists()


def test_margin_beside_amount_is_used_and_the_amount_said_unused(tmp_path, capsys):
    text = "Customer,Date,Amount,Gross margin,Invoice\na,2025-01-01,100,30,F1\nb,2025-01-02,50,20,F2\n"
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", "--transactions", str(_write(tmp_path, "l.csv", text)), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "margin from 'Gross margin'" in said and "columns not used: Amount" in said
    ws = openpyxl.load_workbook(out)["Customers"]
    assert [ws.cell(r, 4).value for r in (2, 3)] == [30, 20]


def test_duplicate_customers_in_the_customer_file_are_refused(tmp_path, capsys):
    listed = _write(tmp_path, "c.csv", "Customer,Should pay,Has paid,Gross margin\na,yes,yes,\na,yes,yes,\n")
    source = _write(tmp_path, "l.csv", "Customer,Date,Amount\na,2025-01-01,100\n")
    args = ["fill", "--transactions", str(source), "--customers", str(listed), "-o", str(tmp_path / "o.xlsx")]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "c.csv" in err and "a" in err
    assert not (tmp_path / "o.xlsx").exists()


def test_customer_file_merged_by_name(tmp_path, capsys):
    source = _write(tmp_path, "l.csv", LINES)
    listed = _write(
        tmp_path,
        "c.csv",
        "Customer,Should pay,Has paid,Gross margin,Expected margin,Acquisition cost,Region\n"
        " Alpha ,yes,yes,999,,40,North\n"
        "Zeta,no,no,,,,South\n"
        "Eta,yes,no,,300,,East\n",
    )
    out = tmp_path / "o.xlsx"
    args = ["fill", "--transactions", str(source), "--months", "6", "--customers", str(listed), "-o", str(out)]
    assert cli.main(args) == 0
    said = capsys.readouterr().out
    assert "replaced by those of the lines: Alpha" in said
    ws = openpyxl.load_workbook(out)["Customers"]
    header = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Alpha"]["Gross margin"] == 50.15 and rows["Alpha"]["Acquisition cost"] == 40
    assert rows["Alpha"]["Region"] == "North"
    assert rows["Zeta"]["Role"] == "user" and rows["Eta"]["Role"] == "prospect"
    assert rows["Gamma"]["Movement"] == "lost" and rows["Alpha"]["Movement"] == "same"
    assert rows["Beta"]["Movement"] == "new"

    bad = _write(tmp_path, "bad.csv", "Customer,Should pay,Has paid\nBeta,no,no\n")
    args = ["fill", "--transactions", str(source), "--customers", str(bad), "-o", str(tmp_path / "o2.xlsx")]
    assert cli.main(args) == 2
    assert "bad.csv, customer 'Beta', column 'Should pay': says no, but the customer has invoice lines" in (
        capsys.readouterr().err
    )
    # costs only: a file of names and acquisition costs is enough
    costs = _write(tmp_path, "costs.csv", "Customer,Acquisition cost\nAlpha,40\nBeta,60\n")
    args = ["fill", "--transactions", str(source), "--customers", str(costs), "-o", str(tmp_path / "o3.xlsx")]
    assert cli.main(args) == 0
    assert "Effort budget" in capsys.readouterr().out


def test_customers_command_writes_the_table_fill_would_use(tmp_path):
    source = _write(tmp_path, "l.csv", LINES)
    out = tmp_path / "customers.csv"
    assert cli.main(["customers", "--transactions", str(source), "--months", "6", "-o", str(out)]) == 0
    frame = pd.read_csv(out)
    assert list(frame.columns) == [
        "Customer",
        "Should pay",
        "Has paid",
        "Gross margin",
        "Expected margin",
        "Previous tier",
        "Previous margin",
    ]
    assert frame["Customer"].tolist() == ["Alpha", "Beta", "Gamma"]
    assert frame["Previous tier"].fillna("").tolist() == ["C", "", "A"]
    # filled again from that file, the same workbook figures
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert cli.main(["fill", "--transactions", str(source), "--months", "6", "-o", str(a)]) == 0
    assert cli.main(["fill", str(out), "-o", str(b)]) == 0
    wa, wb = openpyxl.load_workbook(a)["Customers"], openpyxl.load_workbook(b)["Customers"]
    assert [list(r) for r in wa.iter_rows(values_only=True)] == [list(r) for r in wb.iter_rows(values_only=True)]


def test_mobility_block_and_refresh(tmp_path, capsys):
    source = _write(tmp_path, "l.csv", LINES)
    out = tmp_path / "o.xlsx"
    assert (
        cli.main(
            ["fill", "--transactions", str(source), "--months", "6", "--labels", "Or,Argent,Bronze", "-o", str(out)]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "Previous tier \\ now" in said
    ws = openpyxl.load_workbook(out, data_only=True)["Tiers"]
    block = [[ws.cell(86 + i, 1 + j).value for j in range(8)] for i in range(6)]
    assert block[0] == ["Previous tier \\ now", "Or", "Argent", "Bronze", "lost", "Total", "Gain then", "Gain now"]
    assert block[1][:6] == ["Or", 0, 0, 0, 1, 1] and block[1][6:] == [195, 0]  # Gamma, lost
    assert block[3][:6] == ["Bronze", 0, 0, 1, 0, 1]  # Alpha stays
    assert block[4][:6] == ["new", 1, 0, 0, 0, 1]  # Beta
    assert block[5][:6] == ["Total", 1, 0, 1, 1, 3]
    # the user edits a previous margin: the previous tiers are computed again from the margins
    wb = openpyxl.load_workbook(out)
    c = wb["Customers"]
    head = [x.value for x in c[1]]
    col, margin = head.index("Previous tier") + 1, head.index("Previous margin") + 1
    c.cell(2, margin).value = 400  # Alpha was Or then (400 against Gamma's 195): now down
    wb.save(out)
    assert cli.main(["refresh", str(out)]) == 0
    c = openpyxl.load_workbook(out)["Customers"]
    assert c.cell(2, col).value == "Or" and c.cell(2, head.index("Movement") + 1).value == "down"
    # a previous tier typed without a previous margin is kept as typed, and checked
    c.cell(3, margin).value = None
    c.cell(3, col).value = "Platine"  # Beta
    c.parent.save(out)
    assert cli.main(["refresh", str(out)]) == 2
    assert "(column 'Previous tier', customer row 2): is text 'Platine', not one of the tiers Or, Argent, Bronze" in (
        capsys.readouterr().err
    )


def test_a_book_without_previous_tiers_has_no_movement(tmp_path):
    out = tmp_path / "o.xlsx"
    assert cli.main(["demo", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert "Movement" not in [c.value for c in wb["Customers"][1]]
    assert "out_mobility" in wb.defined_names
    ws = wb["Tiers"]
    assert ws.cell(86, 1).value.startswith("No previous tiers: add a 'Previous tier' column")
    assert all(ws.cell(86 + i, 1 + j).value is None for i in range(13) for j in range(16) if (i, j) != (0, 0))


def test_tier_mobility_function_matches_the_block():
    from client_roi.excel import functions as fx

    previous = [["A"], ["A"], ["B"], [None], ["C"]]
    now = [["A"], [None], ["A"], ["B"], ["C"]]
    got = fx.tier_mobility.__wrapped__(previous, now) if hasattr(fx.tier_mobility, "__wrapped__") else None
    got = got or fx.tier_mobility(previous, now)
    assert got[0] == ["Previous \\ now", "A", "B", "C", "lost", "total"]
    assert got[1] == ["A", 1, 0, 0, 1, 2]
    assert got[2] == ["B", 1, 0, 0, 0, 1]
    assert got[4] == ["new", 0, 1, 0, 0, 1]
    assert got[5] == ["total", 2, 1, 1, 1, 5]


def test_a_short_windows_1252_export_is_told_by_its_euro_signs(tmp_path):
    """Only '€' is not ASCII: in Mac Roman it would be 'Ä', and '1 100,50 Ä' reads as no number."""
    text = "Client;Date de facture;Montant HT\r\na;15/01/2025;1 100,50 €\r\nb;01/02/2025;200,00 €\r\n"
    read = lines.read_lines(_write(tmp_path, "fr.csv", text, "cp1252"))
    assert sorted(zip(read.totals.customer, read.totals.current, strict=True)) == [("a", 1100.5), ("b", 200.0)]


def test_five_tiers_in_french_by_hand(tmp_path, capsys):
    """Five tiers and French words: the previous period's clients tiered by the same offsets."""
    text = (
        "Client;Date de facture;Montant HT\r\n"
        # previous period (2024): gains 100, 200, 300, 400, 1000 -> mean 400
        "a;15/03/2024;200,00\r\nb;15/03/2024;400,00\r\nc;15/03/2024;600,00\r\nd;15/03/2024;800,00\r\n"
        "e;15/03/2024;2000,00\r\n"
        # this period (2025): a 1000 (up), b 100 (down), c 300 (same), f 200 (new); d and e lost
        "a;15/03/2025;2000,00\r\nb;15/03/2025;200,00\r\nc;15/03/2025;600,00\r\nf;15/03/2025;400,00\r\n"
    )
    source = _write(tmp_path, "lignes.csv", text, "cp1252")
    out = tmp_path / "o.xlsx"
    band, labels = "-0.4;-0.2;0.2;0.4", "Or;Argent;Bronze;Fer;Bois"
    args = ["fill", "--transactions", str(source), "--to", "2025-12-31", "--lang", "fr"]
    assert cli.main([*args, f"--band={band}", "--labels", labels, "-o", str(out)]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(out, data_only=True)
    c = wb["Clients"]
    header = [x.value for x in c[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in c.iter_rows(min_row=2, values_only=True)}
    # previous: mean 400; thresholds 240, 320, 480, 560 -> a (100) Bois, b (200) Bois, c (300) Fer,
    # d (400) Bronze, e (1000) Or. Now: a 1000, b 100, c 300, f 200 -> mean 400: a Or, b Bois,
    # c Fer, f Bois
    assert {k: rows[k]["Catégorie précédente"] for k in "abcde"} == {
        "a": "Bois",
        "b": "Bois",
        "c": "Fer",
        "d": "Bronze",
        "e": "Or",
    }
    assert {k: rows[k]["Évolution"] for k in "abcdef"} == {
        "a": "monte",
        "b": "stable",
        "c": "stable",
        "d": "perdu",
        "e": "perdu",
        "f": "nouveau",
    }
    t = wb["Catégories"]
    head = [t.cell(86, 1 + j).value for j in range(10)]
    assert head == [
        "Catégorie précédente \\ actuelle",
        "Or",
        "Argent",
        "Bronze",
        "Fer",
        "Bois",
        "perdu",
        "Total",
        "Gain alors",
        "Gain maintenant",
    ]
    assert [t.cell(87 + i, 1).value for i in range(7)] == ["Or", "Argent", "Bronze", "Fer", "Bois", "nouveau", "Total"]
    assert [t.cell(91, 1 + j).value for j in range(10)] == [
        "Bois",
        1,
        0,
        0,
        0,
        1,
        0,
        2,
        300,
        1100,
    ]  # a + b, then and now


def test_a_book_of_a_previous_release_refreshes_without_the_block(tmp_path):
    """No out_mobility name (books made before it): the refresh writes everything else."""
    out = tmp_path / "o.xlsx"
    assert (
        cli.main(["fill", "--transactions", str(_write(tmp_path, "l.csv", LINES)), "--months", "6", "-o", str(out)])
        == 0
    )
    wb = openpyxl.load_workbook(out)
    del wb.defined_names["out_mobility"]
    wb.save(out)
    assert cli.main(["refresh", str(out)]) == 0
    assert "out_mobility" not in openpyxl.load_workbook(out).defined_names


def test_unicode_text_lines_and_a_total_line(tmp_path):
    """Excel's "Unicode Text" (UTF-16, tabs); an accounting total at the bottom that adds up is
    skipped and said (as in customer files), one that does not is refused by its row, never
    summed as a customer."""
    text = "Customer\tInvoice date\tNet amount\r\nA\t03/31/2025\t1,200.50\r\nB\t04/01/2025\t99.50\r\n"
    read = lines.read_lines(_write(tmp_path, "l.txt", text, "utf-16"))
    assert read.route == "python"
    assert sorted(zip(read.totals.customer, read.totals.current, strict=True)) == [("A", 1200.5), ("B", 99.5)]
    total = lines.read_lines(_write(tmp_path, "t.txt", text + "Total\t\t1,300.00\r\n", "utf-16"))
    assert total.totals_skipped == ["row 4 (Total)"]
    assert sorted(zip(total.totals.customer, total.totals.current, strict=True)) == [("A", 1200.5), ("B", 99.5)]
    wrong = text + "Total\t\t1,300.01\r\n"
    with pytest.raises(InputFileError, match=r"row 4, column 'Customer': 'Total' looks like a total line, but its"):
        lines.read_lines(_write(tmp_path, "w.txt", wrong, "utf-16"))


def test_excel_serials_and_date_cells_in_a_workbook(tmp_path):
    """A workbook's date column may hold date cells or numbers (Excel serials, a date column left
    in General format): 45747 is 31 March 2025; a number that is no serial is refused by its cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer", "Date", "Amount"])
    ws.append(["A", 45747, 10.5])  # 2025-03-31
    ws.append(["A", dt.datetime(2025, 3, 1, 9, 30), 0.25])
    ws.append(["B", "2025-02-28", 7])
    path = tmp_path / "serials.xlsx"
    wb.save(path)
    read = lines.read_lines(path, months=1)
    assert read.totals.periods.start == dt.date(2025, 3, 1)
    got = dict(zip(read.totals.customer, read.totals.current, strict=True))
    assert got["A"] == 10.75 and np.isnan(got["B"])
    ws.append(["C", -5, 1])
    wb.save(path)
    with pytest.raises(InputFileError, match=r"cell 'Sheet'!B5, column 'Date': -5 is not a date"):
        lines.read_lines(path)


def test_more_customers_from_lines_than_a_sheet_holds_are_refused_in_one_line(tmp_path, capsys, monkeypatch):
    """Lines give as many customers as they name: past Excel's row limit (made small here, the same
    code at 1,048,576) the fill is refused in one line that says both numbers, nothing written."""
    from client_roi.files import xlsx

    text = "Customer,Date,Gross margin\n" + "".join(f"c{i},2025-01-0{1 + i % 9},{10 + i}\n" for i in range(9))
    source = _write(tmp_path, "l.csv", text)
    monkeypatch.setattr(xlsx, "MAX_ROWS", 9)
    assert cli.main(["fill", "--transactions", str(source), "-o", str(tmp_path / "o.xlsx")]) == 2
    assert capsys.readouterr().err == (
        "client-roi: 9 customers, and the Customers sheet holds at most 8 below its header "
        "(Excel's limit of 9 rows): take a shorter period, or split the customers\n"
    )
    assert not (tmp_path / "o.xlsx").exists()
