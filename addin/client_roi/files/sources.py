"""Invoice lines where they live: a table, a view or a query of a database (PostgreSQL, a
DuckDB file), a Parquet file or folder (DuckDB, or Spark for a data lake), summed there by the
one aggregation (:mod:`.aggregate`) and typed by the engine: amounts stored as numbers, dates
as dates. Only per-customer rows come back; their columns, name rule and totals are those of
every door (:mod:`.lines`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from sqlglot import exp

from ..messages import tr
from . import aggregate
from .engines import DuckDB, Engine, Postgres, Spark, shown_url
from .line_columns import _check_keys, _column_map, _unused, _used
from .line_values import MAX_SCALE
from .lines import AMOUNT, MARGIN, Lines, _aggregate
from .xlsx import InputFileError

DUCKDB_SUFFIXES = (".duckdb", ".ddb", ".db")
POSTGRES_URLS = ("postgresql://", "postgres://")


_TEXT = re.compile(r"^(VARCHAR|TEXT|STRING|CHAR|CHARACTER|BPCHAR|NAME|CITEXT)")


_INTEGER = re.compile(
    r"^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|INT2|INT4|INT8|LONG|SHORT|BYTE)\b"
)


_DECIMAL = re.compile(r"^(DECIMAL|NUMERIC)(?:\((\d+)\s*,\s*(\d+)\))?")


_DECIMAL_SCALE = re.compile(r"^(DECIMAL|NUMERIC)\(\d+\s*,\s*\d+\)")


_FLOAT = re.compile(r"^(DOUBLE|FLOAT|REAL|FLOAT4|FLOAT8)")


_DATE = re.compile(r"^(DATE|TIMESTAMP)")


def read_source(
    engine: Engine,
    source: exp.Expression,
    *,
    name: str,
    to: dt.date | None = None,
    months: int = 12,
    columns: Mapping[str, str] | None = None,
) -> Lines:
    """The per-customer totals of the lines in ``source`` (a table, a view or a subquery of
    ``engine``), typed by the engine: amounts stored as numbers, dates as dates. The whole
    aggregation runs in the engine; only per-customer rows come back."""
    wanted = _column_map(columns)
    schema = engine.schema(exp.select("*").from_(source.copy()).limit(0).sql(dialect=engine.dialect))
    header = [n for n, _ in schema]
    types = dict(schema)
    keys = _check_keys(name, header, wanted)
    kind = MARGIN if "margin" in keys else AMOUNT
    c, d, m = (header[keys[k]] for k in ("customer", "date", kind))
    if not _DATE.match(types[d]):
        raise InputFileError(
            tr(
                "{name}: column '{d}' is {lower}, not a date: store it as a date, or convert it in a query",
                name=name,
                d=d,
                lower=types[d].lower(),
            )
        )
    exact, scale = _scale(engine, source, c, d, m, types[m], name)
    typed = bool(_INTEGER.match(types[m]) or _DECIMAL_SCALE.match(types[m]))  # the type says S
    code = header[keys["customer_id"]] if "customer_id" in keys else None
    relation = aggregate.lines_relation(
        source,
        c,
        d,
        m,
        scale,
        text_customer=bool(_TEXT.match(types[c])),
        customer_id=code,
        text_id=code is None or bool(_TEXT.match(types[code])),
    )
    totals = _aggregate(engine, relation, scale, kind, to, months, name, exact=exact, typed=typed, ids=code is not None)
    return Lines(totals, name, _used(header, keys, kind), _unused(header, keys, kind), 0, engine.dialect)


def _scale(engine: Engine, source: exp.Expression, c: str, d: str, m: str, kind: str, name: str) -> tuple[bool, int]:
    """Whether the amount column is exact (a decimal or an integer type) and its decimals S:
    the type's own scale, else the fewest decimals that write every amount exactly (one query)."""
    decimal = _DECIMAL.match(kind)
    if _INTEGER.match(kind):
        return True, 0
    if decimal and decimal.group(3) is not None:
        return True, int(decimal.group(3))
    if not (decimal or _FLOAT.match(kind)):
        raise InputFileError(
            tr(
                "{name}: column '{m}' is {lower}, not a number: store amounts as numbers",
                name=name,
                m=m,
                lower=kind.lower(),
            )
        )
    exact = decimal is not None
    relation = aggregate.lines_relation(source, c, d, m, 0)
    counts = engine.rows(aggregate.scale_query(relation, exact, MAX_SCALE).sql(dialect=engine.dialect))[0]
    for scale, bad in enumerate(counts):
        if not int(bad or 0):
            return exact, scale
    raise InputFileError(
        tr("{name}: column '{m}' has amounts with more than {MAX_SCALE} decimals", name=name, m=m, MAX_SCALE=MAX_SCALE)
    )


def _read_parquet(
    path: Path | str, columns: Mapping[str, str], *, to, months, engine: str = "duckdb", master: str | None = None
) -> Lines:
    """A Parquet file, or a folder of them (a hive-partitioned dataset as data lakes keep it);
    a URL (``hdfs://``, ``s3a://``) with Spark."""
    import duckdb

    if engine == "spark":
        spark = Spark(str(path), master or "local[*]")
        view = spark.view(str(path))
        return read_source(spark, exp.to_table(view), name=str(path), to=to, months=months, columns=columns)
    path = Path(path)
    name = path.name or str(path)
    pattern = str(path / "**" / "*.parquet") if path.is_dir() else str(path)
    source = exp.Table(
        this=exp.Anonymous(
            this="read_parquet",
            expressions=[
                exp.Literal.string(pattern),
                exp.EQ(this=exp.column("hive_partitioning"), expression=exp.true() if path.is_dir() else exp.false()),
            ],
        )
    )
    db = DuckDB(name)
    try:
        return read_source(db, source, name=name, to=to, months=months, columns=columns)
    except duckdb.Error as exc:
        raise InputFileError(tr("{place}: {cause}", place=name, cause=str(exc).splitlines()[0])) from None
    finally:
        db.close()


def read_database(
    url: str,
    *,
    table: str | None = None,
    query: str | None = None,
    to: dt.date | None = None,
    months: int = 12,
    columns: Mapping[str, str] | None = None,
) -> Lines:
    """Lines in a database: ``postgresql://user@host/db`` (PostgreSQL) or a DuckDB database
    file, from ``table`` or ``query``; the aggregation runs in the database."""
    import sqlglot

    if (table is None) == (query is None):
        raise InputFileError(tr('{url}: say which lines: --table NAME or --query "SELECT …"', url=shown_url(url)))
    if url.startswith(POSTGRES_URLS):
        engine: Engine = Postgres(url)
    else:
        path = Path(url)
        if path.suffix.lower() not in DUCKDB_SUFFIXES:
            raise InputFileError(
                tr(
                    (
                        "{name}: --table and --query go with a database: a postgresql:// URL or a DuckDB "
                        "file ({DUCKDB_SUFFIXES}); give a file of lines without them"
                    ),
                    name=path.name,
                    DUCKDB_SUFFIXES=", ".join(DUCKDB_SUFFIXES),
                )
            )
        if not path.is_file():
            raise InputFileError(tr("{url}: no such DuckDB database", url=url))
        try:
            engine = DuckDB(path.name, str(path), read_only=True)
        except Exception as exc:  # duckdb.IOException and the like
            raise InputFileError(
                tr(
                    "{name}: cannot be opened as a DuckDB database ({splitlines})",
                    name=path.name,
                    splitlines=str(exc).splitlines()[0],
                )
            ) from None
    try:
        if table is not None:
            source: exp.Expression = exp.to_table(table, dialect=engine.dialect)
        else:
            try:
                parsed = sqlglot.parse_one(query or "", read=engine.dialect)
            except sqlglot.errors.ParseError as exc:
                raise InputFileError(
                    tr(
                        "--query: cannot be read as {dialect} SQL ({splitlines})",
                        dialect=engine.dialect,
                        splitlines=str(exc).splitlines()[0],
                    )
                ) from None
            source = exp.Subquery(this=parsed, alias=exp.TableAlias(this=exp.to_identifier("q")))
            engine.name = f"{engine.name} (--query)"  # its errors are the query's
        return read_source(engine, source, name=engine.name, to=to, months=months, columns=columns)
    finally:
        engine.close()
