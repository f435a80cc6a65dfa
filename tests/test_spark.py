"""The Spark route of invoice lines (PySpark in local mode, Java 17): the same aggregation,
rendered in Spark SQL, gives the CDNow lines' per-customer table bit for bit as DuckDB does,
from a Parquet file and from a hive-partitioned folder. ``make test-spark`` runs this file
(CI after ``make test``); without PySpark it is skipped, except there, where it must run."""

from __future__ import annotations

import os
import shutil

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import pytest
from assets import cdnow_lines, require

from client_roi import cli
from client_roi.files import lines

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def parquet(tmp_path_factory):
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("CLIENT_ROI_SPARK"):
            pytest.fail("PySpark is not installed (make test-spark installs it)")
        pytest.skip("PySpark is not installed (make test-spark installs it)")
    if shutil.which("java") is None:
        require("Java is not installed (make test-spark installs Debian's openjdk-17-jre-headless)")
    raw = cdnow_lines()
    folder = tmp_path_factory.mktemp("spark")
    con = duckdb.connect()
    con.register("raw", raw)
    con.execute(
        "CREATE TABLE invoices AS SELECT customer AS Customer, CAST(day AS DATE) AS Date, "
        "CAST(dollars AS DECIMAL(10, 2)) AS Amount, year(day) AS year FROM raw"
    )
    con.execute(f"COPY invoices TO '{folder / 'lines.parquet'}' (FORMAT parquet)")
    con.execute(f"COPY invoices TO '{folder / 'lake'}' (FORMAT parquet, PARTITION_BY (year))")
    con.close()
    return folder


def _table(read):
    t = read.totals
    frame = pd.DataFrame({"c": t.customer.astype(str), "cur": t.current, "prev": t.previous})
    return frame.sort_values("c").reset_index(drop=True)


@pytest.mark.parametrize(("where", "months"), [("lines.parquet", 12), ("lake", 6)])
def test_spark_agrees_with_duckdb_bit_for_bit(parquet, where, months):
    spark = lines.read_lines(parquet / where, months=months, engine="spark")
    here = lines.read_lines(parquet / where, months=months)
    assert (spark.route, here.route) == ("spark", "duckdb")
    a, b = _table(spark), _table(here)
    assert a["c"].tolist() == b["c"].tolist()
    for column in ("cur", "prev"):
        assert np.array_equal(a[column].to_numpy(float), b[column].to_numpy(float), equal_nan=True)
    assert spark.totals.periods == here.totals.periods


def test_fill_with_spark_writes_duckdbs_workbook(parquet, tmp_path):
    a, b = tmp_path / "spark.xlsx", tmp_path / "duckdb.xlsx"
    source = str(parquet / "lines.parquet")
    assert cli.main(["fill", "--transactions", source, "--engine", "spark", "-o", str(a)]) == 0
    assert cli.main(["fill", "--transactions", source, "-o", str(b)]) == 0
    rows = [
        [list(r) for r in openpyxl.load_workbook(p)["Customers"].iter_rows(min_row=2, values_only=True)] for p in (a, b)
    ]
    assert rows[0] == rows[1]


def test_spark_groups_spellings_as_duckdb(parquet, tmp_path):
    """The customer-name rule (issue 34): ACME, Acme and 'acme ' are one customer in Spark as
    in DuckDB, PostgreSQL and a CSV (test_one_way_in.py, test_sources.py)."""
    from test_one_way_in import spelled, spellings_parquet

    path = spellings_parquet(tmp_path)
    spark = lines.read_lines(path, engine="spark")
    here = lines.read_lines(path)
    assert spark.route == "spark"
    assert list(spelled(spark)) == list(spelled(here)) == ["ACME", "Beta"]
    assert spelled(spark)["ACME"] == spelled(here)["ACME"] == (600.6, 10.0)
    assert spark.totals.merged == here.totals.merged == ("ACME ← Acme, acme",)


def test_spark_groups_by_the_code_and_shows_the_name(parquet, tmp_path):
    """A code and a name (issue 34): grouped by the code in Spark as in DuckDB and PostgreSQL."""
    from test_one_way_in import spelled

    path = tmp_path / "coded.parquet"
    con = duckdb.connect()
    con.execute(
        "COPY (SELECT * FROM (VALUES (7, 'Acme', DATE '2025-01-01', 10.5::DECIMAL(9, 2)), "
        "(7, 'ACME Corp', DATE '2025-01-02', 1.25::DECIMAL(9, 2)), (7, 'Acme', DATE '2025-01-02', 1::DECIMAL(9, 2)), "
        "(8, 'Acme', DATE '2025-01-03', 4::DECIMAL(9, 2))) t(\"Account ID\", \"Account Name\", day, amount)) "
        f"TO '{path}' (FORMAT parquet)"
    )
    con.close()
    spark, here = lines.read_lines(path, engine="spark"), lines.read_lines(path)
    assert spelled(spark) == spelled(here) == {"Acme (7)": (12.75, None), "Acme (8)": (4.0, None)}
    assert spark.totals.merged == here.totals.merged == ("Acme ← ACME Corp",)
