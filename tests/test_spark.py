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
from assets import cdnow_lines
from components import require

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
        require("java", "Java is not installed (no java on PATH)")
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


# -- a standalone cluster: a master and two workers, each a process of its own -----------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A Spark standalone cluster on 127.0.0.1, from the PySpark distribution's own launcher
    (``bin/spark-class``): a master and two workers of one core each, every one a process
    group of its own (a worker's executors are its children), killed and removed at the end."""

    def __init__(self, root):
        import subprocess
        import time
        from pathlib import Path

        import pyspark

        self.home = Path(pyspark.__file__).parent
        self.root = root
        self.env = {**os.environ, "SPARK_HOME": str(self.home), "SPARK_LOCAL_IP": "127.0.0.1"}
        self.port = _free_port()
        self.url = f"spark://127.0.0.1:{self.port}"
        self.log = root / "master.log"
        self.processes: list[subprocess.Popen] = []
        self.master = self._start(
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--webui-port",
            str(_free_port()),
            log=self.log,
        )
        self.workers = [
            self._start(
                "org.apache.spark.deploy.worker.Worker",
                self.url,
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                "1g",
                "--webui-port",
                str(_free_port()),
                "--work-dir",
                str(root / f"worker{i}"),
                log=root / f"worker{i}.log",
            )
            for i in range(2)
        ]
        deadline = time.monotonic() + 120
        while self.log.read_text(errors="replace").count("Registering worker") < 2:
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.processes):
                self.stop()
                pytest.fail("the Spark standalone cluster did not start:\n" + self.log.read_text(errors="replace"))
            time.sleep(0.5)

    def _start(self, main: str, *args: str, log):
        import subprocess

        with open(log, "wb") as out:
            process = subprocess.Popen(
                [str(self.home / "bin" / "spark-class"), main, *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=self.env,
                start_new_session=True,
            )
        self.processes.append(process)
        return process

    def kill(self, process) -> None:
        import signal

        try:
            os.killpg(process.pid, signal.SIGKILL)  # the worker and the executors it started
        except ProcessLookupError:
            pass
        process.wait()

    def stop(self) -> None:
        for process in self.processes:
            self.kill(process)


@pytest.fixture(scope="module")
def cluster(parquet, tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        yield c
    finally:
        c.stop()


def _customers(cluster, source, out, *extra):
    """``client-roi customers`` of the invoice lines ``source`` into ``out`` (a CSV): a process
    of its own, so that its Spark session is the cluster's (this one's is local)."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "client_roi.cli", "customers", "--transactions", str(source), "-o", str(out), *extra],
        env=cluster.env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


def test_a_standalone_cluster_gives_duckdbs_bits(cluster, parquet, tmp_path):
    """Issue 35: the invoice-line route on a cluster (--spark-master spark://…) writes the very
    bytes DuckDB's does."""
    source = parquet / "lines.parquet"
    on_cluster = _customers(cluster, source, tmp_path / "spark.csv", "--engine", "spark", "--spark-master", cluster.url)
    assert on_cluster == _customers(cluster, source, tmp_path / "duckdb.csv")
    assert "app-" in " ".join(p.name for p in (cluster.root / "worker0").iterdir()) + " ".join(
        p.name for p in (cluster.root / "worker1").iterdir()
    )  # the job ran on the workers, not in the driver


def test_a_worker_killed_mid_job_changes_no_bit(cluster, tmp_path):
    """Issue 35: one of the two workers (its executor with it) is killed while the job runs;
    Spark runs the lost tasks again on the other, and the customers are DuckDB's, bit for bit."""
    import subprocess
    import sys
    import threading
    import time

    big = tmp_path / "big.parquet"  # enough row groups and rows for a job of several seconds
    con = duckdb.connect()
    con.execute(
        "COPY (SELECT 'C' || (i % 50000) AS Customer, DATE '2024-01-01' + CAST(i % 700 AS INTEGER) AS Date, "
        "CAST((i % 100000) / 100.0 AS DECIMAL(10, 2)) AS Amount FROM range(40000000) t(i)) "
        f"TO '{big}' (FORMAT parquet, ROW_GROUP_SIZE 200000)"
    )
    con.close()
    expected = _customers(cluster, big, tmp_path / "duckdb.csv")
    killed: list[float] = []

    def kill_a_worker_once_it_works() -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            for i, worker in enumerate(cluster.workers):
                # its executor's own log says it runs a task of the job: killed in the middle of it
                logs = (cluster.root / f"worker{i}").glob("app-*/*/stderr")
                if any(b"Running task" in log.read_bytes() for log in logs):
                    cluster.kill(worker)
                    killed.append(time.monotonic())
                    return
            time.sleep(0.2)

    killer = threading.Thread(target=kill_a_worker_once_it_works)
    killer.start()
    out = tmp_path / "spark.csv"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "client_roi.cli",
            "customers",
            "--transactions",
            str(big),
            "--engine",
            "spark",
            "--spark-master",
            cluster.url,
            "-o",
            str(out),
        ],
        env=cluster.env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    ended = time.monotonic()
    killer.join()
    assert killed, "no executor was seen running a task"
    assert ended > killed[0] + 1, "the job was over before the worker was killed: it proves nothing"
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == expected
