"""Bulk writes of many rows by parameterised SQL, for imports of up to millions of submissions.

``bulk_create`` builds a model instance per row and encodes each JSON value again; for a million
rows that is most of an import's time. Here rows arrive as tuples of values ready for the database
(JSON already encoded as text) and go to ``executemany`` in batches, through Django's connection, so
the same plain ``INSERT`` and ``UPDATE`` statements run on SQLite and PostgreSQL. Callers own the
transaction.

Example::

    >>> insert_rows(Submission, ["survey", "instance_id", ...], rows)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pandas as pd
from django.db import connection
from django.db.models import Model

BATCH = 2000
# SQLite allows 32766 parameters per statement; PostgreSQL far more. Lists of ids stay below both.
IN_BATCH = 900


def _batched(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _columns(model: type[Model], fields: Sequence[str]) -> list[str]:
    meta = model._meta
    return [connection.ops.quote_name(meta.get_field(f).column) for f in fields]  # type: ignore[union-attr]


def db_datetime(value: dt.datetime) -> Any:
    """An aware datetime as the connection stores it (SQLite: UTC text; PostgreSQL: as is)."""
    return connection.ops.adapt_datetimefield_value(value)


def db_datetimes(times: pd.Series, default: dt.datetime) -> list[Any]:
    """A column of aware datetimes (NaT: ``default``) as the connection stores them."""
    adapt = connection.ops.adapt_datetimefield_value
    fallback = adapt(default)
    return [fallback if pd.isna(t) else adapt(t.to_pydatetime()) for t in times.tolist()]


def insert_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """INSERT ``rows`` (tuples in the order of ``fields``); returns how many were written."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = _columns(model, fields)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    written = 0
    with connection.cursor() as cursor:
        for batch in _batched(rows, BATCH):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written


def update_rows(
    model: type[Model], key: str, fields: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """UPDATE ``fields`` of the rows whose ``key`` is the last value of each tuple."""
    table = connection.ops.quote_name(model._meta.db_table)
    sets = ", ".join(f"{c} = %s" for c in _columns(model, fields))
    (where,) = _columns(model, [key])
    sql = f"UPDATE {table} SET {sets} WHERE {where} = %s"
    written = 0
    with connection.cursor() as cursor:
        for batch in _batched(rows, BATCH):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written


def in_batches(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in slices small enough for an ``IN (...)`` list on every database."""
    for start in range(0, len(values), IN_BATCH):
        yield values[start : start + IN_BATCH]
