"""Bulk writes of many rows by raw SQL, for imports of up to millions of submissions: the one
module of Solidata that writes SQL of its own (tests/web/test_bulk.py runs it on both databases).

``bulk_create`` builds a model instance per row and encodes each JSON value again; for a million
rows that is most of an import's time. Here rows arrive as tuples of values ready for the database
(JSON already encoded as text), through Django's connection. Callers own the transaction.

- SQLite: rows are inserted by ``INSERT`` statements of many rows each (``VALUES (...), (...)``,
  up to :data:`ROWS_PER_INSERT`), and updated by ``UPDATE`` statements in ``executemany`` batches.
  ``executemany`` lets go of Python's global lock around every row it writes, and takes it back
  after; while an import's helper thread computes (:class:`~solidata.web.imports.writer.Writer`),
  taking it back costs up to a thread switch interval (5 ms) per row, which made a 100,000-row
  insert more than 100 times slower. A statement of many rows lets go once per statement.
- PostgreSQL: rows are inserted with ``COPY ... FROM STDIN`` (psycopg's ``copy.write_row``; the
  server parses each value with the column's own input function, JSON text into ``jsonb``), and
  updated by copying them into a temporary table and running one ``UPDATE ... FROM`` it. A
  statement per row costs a round trip and a plan each; COPY streams them.

JSON values are text that Solidata encoded (``json.dumps`` or its column-wise equivalent, which
tests decode). On SQLite, Django guards a JSON column with ``CHECK (JSON_VALID(...))``, which parses
every value again and took half of the time of inserting a submission; for the statements of a
table whose only checks are these, the check is skipped (``PRAGMA ignore_check_constraints``, for
those statements only). NOT NULL, UNIQUE and foreign keys are checked as always.

Example::

    >>> insert_rows(Submission, ["survey", "instance_id", ...], rows)  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from django.conf import settings
from django.db import connection
from django.db.models import CheckConstraint, Field, JSONField, Model

BATCH = 2000
ROWS_PER_INSERT = 500
# SQLite allows 32766 parameters per statement; PostgreSQL far more. Lists of ids stay below both.
IN_BATCH = 900


def combination_codes(columns: Sequence[pd.Series]) -> npt.NDArray[np.intp]:
    """For each row, the number of its combination of values in ``columns`` (a missing value counts
    as a value), numbered from 0 in the order the combinations first appear.

    Column-wise, for the many rows of an import: each column is factorised once, and the
    combinations are numbered again only when their mixed-radix key would overflow.
    """
    size = len(columns[0])
    key, bound = np.zeros(size, dtype=np.int64), 1
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        if bound * (len(uniques) + 1) >= 2**62:
            key, bound = np.asarray(pd.factorize(key)[0], dtype=np.int64), size
        key, bound = key * (len(uniques) + 1) + codes, bound * (len(uniques) + 1)
    numbers: npt.NDArray[np.intp] = pd.factorize(key)[0]
    return numbers


def _batched(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _column(model: type[Model], name: str) -> str:
    field = model._meta.get_field(name)
    column = field.column if isinstance(field, Field) else None
    if column is None:  # a mistake in the code: bulk writes name the model's own columns
        raise ValueError(f"{model.__name__}.{name} is not a column")
    return column


def _columns(model: type[Model], fields: Sequence[str]) -> list[str]:
    return [connection.ops.quote_name(_column(model, f)) for f in fields]


def db_datetime(value: dt.datetime) -> Any:
    """An aware datetime as the connection stores it (SQLite: UTC text; PostgreSQL: as is)."""
    return connection.ops.adapt_datetimefield_value(value)


def db_datetimes(times: pd.Series, default: dt.datetime) -> list[Any]:
    """A column of aware datetimes (NaT: ``default``) as the connection stores them."""
    adapt = connection.ops.adapt_datetimefield_value
    fallback = adapt(default)
    if (
        connection.vendor == "sqlite"
        and settings.USE_TZ
        and isinstance(times.dtype, pd.DatetimeTZDtype)
    ):
        return _sqlite_datetimes(times, fallback)
    return [fallback if pd.isna(t) else adapt(t.to_pydatetime()) for t in times.tolist()]


def _sqlite_datetimes(times: pd.Series, fallback: Any) -> list[str]:
    """What Django's SQLite backend writes for each time, a column at a time: the naive time in
    the connection's time zone as ``str(datetime)`` gives it, ``YYYY-MM-DD HH:MM:SS`` with
    ``.ffffff`` only when there are microseconds."""
    local = times.dt.tz_convert(connection.timezone).dt.tz_localize(None)
    texts = np.datetime_as_string(local.to_numpy(dtype="datetime64[us]"), unit="us")
    array = pc.replace_substring(pa.array(texts), "T", " ", max_replacements=1)
    array = pc.replace_substring_regex(array, r"\.000000$", "")
    array = pc.if_else(pa.array(local.isna().to_numpy()), fallback, array)
    out: list[str] = array.to_pylist()
    return out


@contextlib.contextmanager
def large_writes(cache_mb: int = 512) -> Iterator[None]:
    """Let SQLite keep up to ``cache_mb`` of the database in memory while many rows are written.

    Its default page cache (2 MB) is far smaller than the indexes of a million submissions, so
    inserting into them in instance-id order spills pages out and reads them back all the time.
    The cache size is the connection's own setting and changes nothing about durability or the
    transaction (``synchronous`` and ``journal_mode`` stay as they are); it is set back after.
    PostgreSQL sizes its buffers itself: nothing is done there.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _only_json_checks(model: type[Model]) -> bool:
    """Whether every CHECK constraint of ``model``'s table is the JSON_VALID of a JSON field."""
    meta = model._meta
    if any(isinstance(c, CheckConstraint) for c in meta.constraints):
        return False
    return all(
        isinstance(f, JSONField) or not f.db_parameters(connection).get("check")
        for f in meta.concrete_fields
    )


@contextlib.contextmanager
def _encoded_json(cursor: Any, model: type[Model]) -> Iterator[None]:
    skip = connection.vendor == "sqlite" and _only_json_checks(model)
    if skip:
        cursor.execute("PRAGMA ignore_check_constraints = ON")
    try:
        yield
    finally:
        if skip:
            cursor.execute("PRAGMA ignore_check_constraints = OFF")


def insert_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """INSERT ``rows`` (tuples in the order of ``fields``); returns how many were written."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _columns(model, fields)
    if connection.vendor == "postgresql":
        return _copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN", rows)
    return _insert_many(model, f"INSERT INTO {table} ({', '.join(columns)}) VALUES ", columns, rows)


def update_rows(
    model: type[Model], key: str, fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """UPDATE ``fields`` of the rows whose ``key`` is the last value of each tuple (each key given
    once); returns how many tuples were given."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _columns(model, fields)
    (where,) = _columns(model, [key])
    if connection.vendor == "postgresql":
        return _copy_update(table, columns, where, rows)
    sets = ", ".join(f"{c} = %s" for c in columns)
    sql = f"UPDATE {table} SET {sets} WHERE {where} = %s"
    return _execute(model, sql, rows)


def _copy(sql: str, rows: Iterable[Sequence[Any]]) -> int:
    """Stream ``rows`` to a ``COPY ... FROM STDIN`` statement (PostgreSQL); returns how many."""
    written = 0
    # Django's errors (IntegrityError...), as for its own statements: psycopg's cursor is used raw
    with (
        connection.wrap_database_errors,
        connection.cursor() as cursor,
        cursor.cursor.copy(sql) as copy,
    ):
        for row in rows:
            copy.write_row(row)
            written += 1
    return written


def _copy_update(table: str, columns: list[str], where: str, rows: Iterable[Sequence[Any]]) -> int:
    """UPDATE by way of a temporary table of the new values, filled by COPY (PostgreSQL)."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return 0
    temp = connection.ops.quote_name("solidata_bulk_update")
    names = [*columns, where]
    sets = ", ".join(f"{c} = {temp}.{c}" for c in columns)
    with connection.cursor() as cursor:
        # a failed call may have left it, when no transaction rolled it back
        cursor.execute(f"DROP TABLE IF EXISTS {temp}")
        # the table's column types, no rows, no constraints
        cursor.execute(
            f"CREATE TEMPORARY TABLE {temp} AS SELECT {', '.join(names)} FROM {table} WITH NO DATA"
        )
        given = _copy(f"COPY {temp} FROM STDIN", itertools.chain([first], iterator))
        cursor.execute(f"ANALYZE {temp}")  # its size, for the join's plan
        cursor.execute(
            f"UPDATE {table} SET {sets} FROM {temp} WHERE {table}.{where} = {temp}.{where}"
        )
        cursor.execute(f"DROP TABLE {temp}")
    return given


def _execute(model: type[Model], sql: str, rows: Iterable[Sequence[Any]]) -> int:
    """Run ``sql`` on ``model``'s table once per row, in batches (SQLite); returns how many."""
    written = 0
    with connection.cursor() as cursor, _encoded_json(cursor, model):
        for batch in _batched(rows, BATCH):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written


def _insert_many(
    model: type[Model], sql: str, columns: list[str], rows: Iterable[Sequence[Any]]
) -> int:
    """INSERT ``rows`` by statements of many rows each (SQLite); returns how many.

    The statements go to the driver's own ``execute`` with ``?`` marks: Django's would rewrite
    each statement's thousands of ``%s`` marks into ``?`` by a regular expression, every time.
    """
    limit = _parameter_limit()
    size = max(1, min(ROWS_PER_INSERT, limit // len(columns)))
    one = "(" + ", ".join(["?"] * len(columns)) + ")"
    full = sql + ", ".join([one] * size)  # the same text for every full batch: prepared once
    written = 0
    with (
        connection.wrap_database_errors,  # Django's errors (IntegrityError...), as for its own
        connection.cursor() as cursor,
        _encoded_json(cursor, model),
    ):
        raw = cursor.cursor
        for batch in _batched(rows, size):
            statement = full if len(batch) == size else sql + ", ".join([one] * len(batch))
            sqlite3.Cursor.execute(raw, statement, [value for row in batch for value in row])
            written += len(batch)
    return written


def _parameter_limit() -> int:
    """How many parameters one statement may have on this SQLite connection."""
    connection.ensure_connection()
    return int(connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))


def in_batches(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in slices small enough for an ``IN (...)`` list on every database."""
    for start in range(0, len(values), IN_BATCH):
        yield values[start : start + IN_BATCH]
