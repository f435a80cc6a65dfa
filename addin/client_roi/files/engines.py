"""Where the aggregation of invoice lines runs: an engine that takes SQL in its dialect and
answers rows. DuckDB on this machine (files, Parquet folders, a DuckDB database), PostgreSQL
(the user's server, through psycopg), Spark (PySpark: local, or a cluster).

Connections never echo credentials: a URL is shown without its password, and a password in
the URL is refused (PostgreSQL reads ``PGPASSWORD`` or ``~/.pgpass``, as every libpq tool).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import numpy as np

from ..messages import tr
from .xlsx import InputFileError


@dataclass
class Totals:
    """What :meth:`Engine.totals` returns: per-customer columns as numpy arrays (sums masked
    where a customer has no line in the period)."""

    customer: np.ndarray
    cur: np.ma.MaskedArray
    prev: np.ma.MaskedArray
    cur_lines: np.ndarray
    prev_lines: np.ndarray
    cid: np.ndarray | None = None  # each row's customer code, when the lines have one


def _masked(values: list[Any]) -> np.ma.MaskedArray:
    mask = np.array([v is None for v in values], dtype=bool)
    data = np.array([0 if v is None else int(v) for v in values], dtype=np.int64)
    return np.ma.MaskedArray(data, mask=mask)


class Engine:
    """An engine that runs SQL in ``dialect``; ``name`` is how messages call the source."""

    dialect = "duckdb"
    name = ""

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def schema(self, select: str) -> list[tuple[str, str]]:
        """(column, type) of what ``select`` (a query in this dialect, ``LIMIT 0``) returns,
        types upper-case."""
        raise NotImplementedError

    def totals(self, sql: str) -> Totals:
        rows = self.rows(sql)
        cols = list(zip(*rows, strict=True)) if rows else [(), (), (), (), ()]
        return Totals(
            np.array(cols[0], dtype=object),
            _masked(list(cols[1])),
            _masked(list(cols[2])),
            np.array(cols[3], dtype=np.int64),
            np.array(cols[4], dtype=np.int64),
            np.array(cols[5], dtype=object) if len(cols) > 5 else None,
        )

    def close(self) -> None:
        pass


class DuckDB(Engine):
    dialect = "duckdb"

    def __init__(self, name: str, database: str = ":memory:", read_only: bool = False):
        import duckdb

        self.name = name
        self._tmp = tempfile.TemporaryDirectory(prefix="client-roi-duckdb-")
        config: dict[str, Any] = {
            "memory_limit": os.environ.get("CLIENT_ROI_DUCKDB_MEMORY", "1GB"),
            "temp_directory": self._tmp.name,  # past the memory limit, spilled here (and removed)
        }
        self.con = duckdb.connect(database, read_only=read_only, config=config)
        self.con.execute("SET preserve_insertion_order = false")  # a GROUP BY needs no order: less memory
        self.con.execute("SET enable_progress_bar = false")

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.con.execute(sql).fetchall()

    def schema(self, select: str) -> list[tuple[str, str]]:
        return [(r[0], str(r[1]).upper()) for r in self.con.execute(f"DESCRIBE {select}").fetchall()]

    def totals(self, sql: str) -> Totals:
        got = self.con.execute(sql).fetchnumpy()
        return Totals(
            np.asarray(got["customer"], dtype=object),
            np.ma.asarray(got["cur"]),
            np.ma.asarray(got["prev"]),
            np.asarray(got["cur_lines"], dtype=np.int64),
            np.asarray(got["prev_lines"], dtype=np.int64),
            np.asarray(got["cid"], dtype=object) if "cid" in got else None,
        )

    def close(self) -> None:
        self.con.close()
        self._tmp.cleanup()


def shown_url(url: str) -> str:
    """The URL without its password (``postgresql://ana:***@host/db``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


class Postgres(Engine):
    dialect = "postgres"

    def __init__(self, url: str):
        self.name = shown_url(url)
        try:
            import psycopg
        except ImportError:
            raise InputFileError(
                tr(
                    (
                        "{name}: PostgreSQL sources need psycopg: python -m pip install "
                        '"psycopg[binary]" (the [postgres] extra of client-roi)'
                    ),
                    name=self.name,
                )
            ) from None
        if urlsplit(url).password is not None:
            raise InputFileError(
                tr(
                    (
                        "{name}: a password in the URL would stay in your shell's history; give it in "
                        "PGPASSWORD or ~/.pgpass instead"
                    ),
                    name=self.name,
                )
            )
        try:
            self.con = psycopg.connect(url, connect_timeout=10, autocommit=True)
        except psycopg.Error as exc:
            raise InputFileError(tr("{name}: cannot connect ({exc})", name=self.name, exc=_first_line(exc))) from None
        self._psycopg = psycopg
        # one GROUP BY over a million customers: hashed in memory rather than sorted on disk
        # (work_mem is the session's own, 4 MB by default)
        self.rows("SET work_mem = '256MB'")

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            with self.con.cursor() as cur:
                cur.execute(sql)
                return cur.fetchall() if cur.description else []
        except self._psycopg.Error as exc:
            raise InputFileError(tr("{place}: {cause}", place=self.name, cause=_first_line(exc))) from None

    def schema(self, select: str) -> list[tuple[str, str]]:
        try:
            with self.con.cursor() as cur:
                cur.execute(select)
                types = self.con.adapters.types
                out = []
                for d in cur.description or []:
                    info = types.get(d.type_code)
                    name = info.name if info else str(d.type_code)
                    if name == "numeric" and d.scale is not None:
                        name = f"numeric({d.precision},{d.scale})"
                    out.append((d.name, name.upper()))
                return out
        except self._psycopg.Error as exc:
            raise InputFileError(tr("{place}: {cause}", place=self.name, cause=_first_line(exc))) from None

    def close(self) -> None:
        self.con.close()


class Spark(Engine):
    """PySpark: ``master`` is ``local[*]`` or a cluster's URL (``spark://host:7077``)."""

    dialect = "spark"

    def __init__(self, name: str, master: str = "local[*]"):
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise InputFileError(tr("--engine spark needs PySpark: pip install pyspark (and Java 17)")) from None
        self.name = name
        self.session = (
            SparkSession.builder.master(master)
            .appName("client-roi")
            .config("spark.sql.ansi.enabled", "true")  # an overflow is an error, never a wrong sum
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        self.session.sparkContext.setLogLevel("ERROR")

    def view(self, path: str) -> str:
        """A temporary view over a Parquet file or folder (typed: Spark's CSV would be text)."""
        self.session.read.parquet(path).createOrReplaceTempView("client_roi_lines")
        return "client_roi_lines"

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            return [tuple(r) for r in self.session.sql(sql).collect()]
        except Exception as exc:  # Spark's AnalysisException and the like
            raise InputFileError(tr("{place}: {cause}", place=self.name, cause=_first_line(exc))) from None

    def schema(self, select: str) -> list[tuple[str, str]]:
        frame = self.session.sql(select)
        return [(f.name, f.dataType.simpleString().upper()) for f in frame.schema.fields]

    def close(self) -> None:
        pass  # the session is shared by the process; stopping it is the caller's


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return re.sub(r"\s+", " ", text.splitlines()[0])
