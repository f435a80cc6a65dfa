"""Invoice lines where they live: the same aggregation (SQLGlot, rendered per dialect) run by
DuckDB over a CSV, a Parquet file, a hive-partitioned Parquet folder and a DuckDB database, and
by a real PostgreSQL server started for the tests; the CDNow lines give the same per-customer
table, bit for bit, on every route. Then the bad input a database user meets, each one line,
exit 2, nothing written, no password echoed."""

from __future__ import annotations

import os
import threading
import time

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import psycopg
import pytest
from assets import cdnow_lines
from postgres import PASSWORD, server

from client_roi import cli
from client_roi.files import aggregate, lines, sources
from client_roi.files.xlsx import InputFileError


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return cdnow_lines()


@pytest.fixture(scope="module")
def csv_route(raw, tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    path = folder / "lines.csv"
    out = pd.DataFrame(
        {"Customer": raw["customer"], "Date": raw["day"].dt.strftime("%Y-%m-%d"), "Amount": raw["amount"]}
    )
    out.to_csv(path, index=False)
    return path


def _table(read: lines.Lines) -> pd.DataFrame:
    t = read.totals
    return (
        pd.DataFrame({"customer": t.customer.astype(str), "cur": t.current, "prev": t.previous})
        .sort_values("customer")
        .reset_index(drop=True)
    )


def _same(a: lines.Lines, b: lines.Lines) -> None:
    ta, tb = _table(a), _table(b)
    assert ta["customer"].tolist() == tb["customer"].tolist()
    for column in ("cur", "prev"):
        assert np.array_equal(ta[column].to_numpy(float), tb[column].to_numpy(float), equal_nan=True), column
    assert a.totals.periods == b.totals.periods


@pytest.fixture(scope="module")
def reference(csv_route):
    return lines.read_lines(csv_route, months=6)


def test_the_query_is_written_once_and_rendered_per_dialect():
    import datetime as dt

    from sqlglot import exp

    rel = aggregate.lines_relation(exp.to_table("invoices"), "Customer", "Date", "Amount", 2)
    q = aggregate.totals_query(rel, dt.date(1998, 6, 30), dt.date(1998, 1, 1), dt.date(1997, 7, 1))
    for dialect in ("duckdb", "postgres", "spark", "trino", "bigquery", "snowflake", "tsql"):
        sql = q.sql(dialect=dialect)
        assert "GROUP BY customer" in sql and "FILTER" not in sql, dialect


def test_parquet_file_folder_and_duckdb_database_agree_with_the_csv(raw, reference, tmp_path):
    con = duckdb.connect()
    con.register("raw", raw[["customer", "day", "dollars"]])
    con.execute(
        'CREATE TABLE invoices AS SELECT customer AS Customer, CAST(day AS DATE) AS "Invoice date", '
        "CAST(dollars AS DECIMAL(10, 2)) AS Amount, year(day) AS year FROM raw"
    )
    con.execute(f"COPY invoices TO '{tmp_path / 'lines.parquet'}' (FORMAT parquet)")
    con.execute(f"COPY invoices TO '{tmp_path / 'lake'}' (FORMAT parquet, PARTITION_BY (year))")
    con.execute(
        f'COPY (SELECT Customer, "Invoice date", CAST(Amount AS DOUBLE) AS Amount FROM invoices) '
        f"TO '{tmp_path / 'floats.parquet'}' (FORMAT parquet)"
    )
    con.execute(f"ATTACH '{tmp_path / 'books.duckdb'}' AS books")
    con.execute("CREATE TABLE books.main.invoices AS SELECT * FROM invoices")
    con.close()
    assert (tmp_path / "lake" / "year=1997").is_dir()
    _same(reference, lines.read_lines(tmp_path / "lines.parquet", months=6))
    _same(reference, lines.read_lines(tmp_path / "lake", months=6))
    _same(reference, lines.read_lines(tmp_path / "floats.parquet", months=6))  # doubles: S found to be 2
    _same(reference, sources.read_database(str(tmp_path / "books.duckdb"), table="invoices", months=6))
    query = 'SELECT Customer, "Invoice date", Amount FROM invoices WHERE Customer IS NOT NULL'
    _same(reference, sources.read_database(str(tmp_path / "books.duckdb"), query=query, months=6))


# ---------------------------------------------------------------------------------------------
# A real PostgreSQL server
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg(raw):
    old = os.environ.get("PGPASSWORD")
    os.environ["PGPASSWORD"] = PASSWORD
    try:
        with server() as (url, _):
            with psycopg.connect(url, autocommit=True) as con:
                con.execute(
                    'CREATE TABLE invoices (customer text, "Invoice date" date, "Net amount" numeric(10, 2), '
                    "invoice text)"
                )
                with con.cursor().copy('COPY invoices (customer, "Invoice date", "Net amount") FROM STDIN') as copy:
                    for c, d, a in zip(raw["customer"], raw["day"].dt.date, raw["amount"], strict=True):
                        copy.write_row((c, d, a))
                con.execute(
                    'CREATE TABLE texts AS SELECT customer, "Invoice date", "Net amount"::text AS amount FROM invoices'
                )
                con.execute(
                    'CREATE TABLE floats AS SELECT customer, "Invoice date" AS day, "Net amount"::float8 AS amount '
                    "FROM invoices"
                )
            yield url
    finally:
        if old is None:
            os.environ.pop("PGPASSWORD", None)
        else:
            os.environ["PGPASSWORD"] = old


def test_postgres_agrees_with_the_csv_bit_for_bit(pg, reference):
    _same(reference, sources.read_database(pg, table="invoices", months=6))
    _same(reference, sources.read_database(pg, table="floats", months=6))  # float8: S found to be 2
    query = 'SELECT customer, "Invoice date", "Net amount" FROM invoices WHERE customer IS NOT NULL'
    _same(reference, sources.read_database(pg, query=query, months=6))


def test_fill_from_postgres_writes_the_csv_routes_workbook(pg, csv_route, tmp_path, capsys):
    a, b = tmp_path / "pg.xlsx", tmp_path / "csv.xlsx"
    assert cli.main(["fill", "--transactions", pg, "--table", "invoices", "--months", "6", "-o", str(a)]) == 0
    said = capsys.readouterr().out
    assert PASSWORD not in said and "69,659 invoice lines of postgresql://client_roi@127.0.0.1" in said
    assert cli.main(["fill", "--transactions", str(csv_route), "--months", "6", "-o", str(b)]) == 0
    sheets = [openpyxl.load_workbook(p)["Customers"] for p in (a, b)]
    rows = [[list(r) for r in ws.iter_rows(min_row=2, values_only=True)] for ws in sheets]
    assert rows[0] == rows[1]


def _refused(args: list[str], tmp_path, capsys) -> str:
    out = tmp_path / "o.xlsx"
    assert cli.main(["fill", "--transactions", *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("client-roi: ") and PASSWORD not in err
    assert not out.exists()
    return err


def test_bad_input_against_a_real_server(pg, tmp_path, capsys, monkeypatch):
    assert 'relation "nowhere" does not exist' in _refused([pg, "--table", "nowhere"], tmp_path, capsys)
    err = _refused([pg, "--table", "texts"], tmp_path, capsys)
    assert "column 'amount' is text, not a number: store amounts as numbers" in err
    err = _refused([pg, "--query", 'SELECT customer, "Invoice date", 1/0 AS amount FROM invoices'], tmp_path, capsys)
    assert "division by zero" in err
    err = _refused([pg, "--query", "SELEKT nothing"], tmp_path, capsys)
    assert "(--query)" in err and "syntax error" in err
    assert "say which lines: --table NAME or --query" in _refused([pg], tmp_path, capsys)
    with_password = pg.replace("client_roi@", f"client_roi:{PASSWORD}@")
    err = _refused([with_password, "--table", "invoices"], tmp_path, capsys)
    assert "give it in PGPASSWORD or ~/.pgpass" in err and ":***@" in err
    monkeypatch.setenv("PGPASSWORD", "wrong")
    assert "password authentication failed" in _refused([pg, "--table", "invoices"], tmp_path, capsys)


def test_the_server_going_away_mid_query(pg, tmp_path, capsys):
    def terminate():
        time.sleep(1.5)
        with psycopg.connect(pg, autocommit=True) as con:
            con.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query ILIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()"
            )

    killer = threading.Thread(target=terminate)
    killer.start()
    query = 'SELECT customer, "Invoice date", "Net amount" FROM invoices WHERE pg_sleep(30) IS NOT NULL'
    started = time.monotonic()
    err = _refused([pg, "--query", query], tmp_path, capsys)
    killer.join()
    assert time.monotonic() - started < 25
    assert "terminating connection" in err or "server closed the connection" in err


def test_a_server_restarted_between_runs_is_reconnected_and_one_stopped_mid_query_is_one_line(tmp_path, capsys):
    """Issue 35: faults of the engine survived. A server of its own (the module's is shared):
    restarted between two runs, the next run connects anew and writes the same workbook; stopped
    while a query runs, the run is one line, exit 2, nothing written."""
    old = os.environ.get("PGPASSWORD")
    os.environ["PGPASSWORD"] = PASSWORD
    try:
        with server() as running:
            url = running[0]
            with psycopg.connect(url, autocommit=True) as con:
                con.execute(
                    "CREATE TABLE t AS SELECT 'C' || (g % 7) AS customer, DATE '2025-01-01' + g AS day, "
                    "(g * 1.25)::numeric(10, 2) AS amount FROM generate_series(1, 300) AS g"
                )
            books = [tmp_path / "before.xlsx", tmp_path / "after.xlsx"]
            assert cli.main(["fill", "--transactions", url, "--table", "t", "-o", str(books[0])]) == 0
            running.ctl("restart", "-m", "fast", "-w")
            assert cli.main(["fill", "--transactions", url, "--table", "t", "-o", str(books[1])]) == 0
            assert books[0].read_bytes() == books[1].read_bytes()
            capsys.readouterr()

            def stop():
                time.sleep(1.5)
                running.ctl("stop", "-m", "immediate", "-w")

            stopper = threading.Thread(target=stop)
            stopper.start()
            query = "SELECT customer, day, amount FROM t WHERE pg_sleep(0.2) IS NOT NULL"  # a minute of sleeps
            started = time.monotonic()
            err = _refused([url, "--query", query], tmp_path, capsys)
            stopper.join()
            assert time.monotonic() - started < 30
            # stopped "immediate": the backend dies without a word, the client sees the socket close
            assert "(--query): consuming input failed: server closed the connection unexpectedly" in err
            assert sorted(p.name for p in tmp_path.iterdir()) == ["after.xlsx", "before.xlsx"]
    finally:
        if old is None:
            os.environ.pop("PGPASSWORD", None)
        else:
            os.environ["PGPASSWORD"] = old


def test_refusals_name_the_source_without_a_password():
    with pytest.raises(InputFileError, match=r"postgresql://ana:\*\*\*@db/x"):
        sources.read_database("postgresql://ana:pw@db/x", table="t")


def test_without_psycopg_the_way_out_is_said(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a machine without the [postgres] extra
    with pytest.raises(InputFileError, match=r"PostgreSQL sources need psycopg: python -m pip install"):
        sources.read_database("postgresql://ana@db/x", table="t")


def test_a_table_goes_with_a_database(tmp_path, capsys):
    source = tmp_path / "lines.csv"
    source.write_text("Customer,Date,Amount\na,2025-01-01,1\n")
    assert cli.main(["fill", "--transactions", str(source), "--table", "t", "-o", str(tmp_path / "o.xlsx")]) == 2
    assert "--table and --query go with a database" in capsys.readouterr().err
    assert cli.main(["customers", "--transactions", str(source), "-o", str(tmp_path / "c.xlsx")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "the output must end with .csv" in captured.err


def test_postgres_groups_spellings_as_every_engine(pg, tmp_path):
    """The customer-name rule (issue 34): ACME, Acme and 'acme ' are one customer in
    PostgreSQL as in DuckDB (test_one_way_in.py holds the CSV, Parquet and DuckDB doors)."""
    from test_one_way_in import SPELLINGS, spelled

    rows = [line.split(",") for line in SPELLINGS.strip().splitlines()[1:]]
    with psycopg.connect(pg, autocommit=True) as con:
        con.execute("CREATE TABLE spellings (customer text, day date, amount numeric(10, 2))")
        with con.cursor().copy("COPY spellings FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    read = sources.read_database(pg, table="spellings")
    source = tmp_path / "lines.csv"
    source.write_text(SPELLINGS, encoding="utf-8")
    _same(read, lines.read_lines(source))
    assert spelled(read)["ACME"] == (600.6, 10.0) and list(spelled(read)) == ["ACME", "Beta"]
    assert read.totals.merged == ("ACME ← Acme, acme",)


def test_postgres_groups_by_the_code_and_shows_the_name(pg, tmp_path):
    """A code and a name (issue 34): grouped by the code where the lines live, shown by the
    name on the most lines, as DuckDB does (test_one_way_in.py)."""
    from test_one_way_in import spelled

    with psycopg.connect(pg, autocommit=True) as con:
        con.execute('CREATE TABLE coded ("Account ID" integer, "Account Name" text, day date, amount numeric(9, 2))')
        con.execute(
            "INSERT INTO coded VALUES (7, 'Acme', '2025-01-01', 10.5), (7, 'ACME Corp', '2025-01-02', 1.25), "
            "(7, 'Acme', '2025-01-02', 1), (8, 'Acme', '2025-01-03', 4)"
        )
    read = sources.read_database(pg, table="coded")
    assert spelled(read) == {"Acme (7)": (12.75, None), "Acme (8)": (4.0, None)}
    assert read.totals.merged == ("Acme ← ACME Corp",)
    assert dict(zip(read.totals.customer, read.totals.ids, strict=True)) == {"Acme (7)": "7", "Acme (8)": "8"}
