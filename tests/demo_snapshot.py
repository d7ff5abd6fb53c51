"""The demo data, loaded once per test process and then replayed as rows into each test.

``solidata.web.demo_data.demo_load`` scores 156 submissions and builds case studies and a committee
definition: about a second each time. The first test that asks for the demo loads it for real, in
its own transaction; :func:`take` then records every row the load added (and every row it changed
or removed), table by table, as SQL literals, and the files it wrote under ``MEDIA_ROOT``. Each
later test gets the same rows inserted into its transaction, which rolls back as before, so every
test still starts from the database of a fresh demo load and nothing leaks from one test to the
next. Foreign keys are deferred to commit on SQLite and PostgreSQL (Django creates them so), so
the order of the tables does not matter.

The replay is only valid on the database the load started from. A transactional test flushes the
tables, so :func:`forget` drops the snapshot after one; and each replay first checks that the
tables still hold what they held before the first load (row count and largest key, per table)
and loads the demo for real when they do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

_snapshot: Snapshot | None = None


@dataclass(frozen=True)
class Table:
    name: str
    key: str  # the primary key column
    removed: tuple[Any, ...]  # keys of rows the load changed or deleted
    added: tuple[str, ...]  # the rows the load wrote, as SQL literals (SQLite) or JSON (PostgreSQL)


@dataclass(frozen=True)
class Snapshot:
    vendor: str
    before: tuple[tuple[Any, ...], ...]  # (rows, largest key) of every table before the load
    tables: tuple[Table, ...]
    files: dict[str, bytes]  # path under MEDIA_ROOT -> content, written by the load
    result: Any  # what demo_load returned


def demo(transactional: bool) -> Any:
    """The demo data in the current test's database: loaded, or replayed from the first load."""
    from solidata.web.demo_data import demo_load

    global _snapshot
    if transactional:  # committed rows and a flush afterwards: load for real
        _snapshot = None
        return demo_load()
    if _snapshot is not None and fingerprint(_snapshot.vendor) == _snapshot.before:
        replay(_snapshot)
        return _snapshot.result
    _snapshot = take(demo_load)
    return _snapshot.result


def forget() -> None:
    """Drop the snapshot (after a test that flushed the database)."""
    global _snapshot
    _snapshot = None


def tables() -> list[tuple[str, str]]:
    """(table, primary key column) for every table but Django's record of migrations."""
    from django.db import connection

    out = []
    with connection.cursor() as cursor:
        for name in sorted(connection.introspection.table_names(cursor)):
            if name == "django_migrations":
                continue
            key = connection.introspection.get_primary_key_column(cursor, name)
            assert key is not None, f"{name} has no single-column primary key"
            out.append((name, key))
    return out


def fingerprint(vendor: str) -> tuple[tuple[Any, ...], ...]:
    from django.db import connection

    q = connection.ops.quote_name
    parts = [
        f"SELECT COUNT(*), CAST(MAX({q(key)}) AS TEXT) FROM {q(name)}" for name, key in tables()
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        return tuple(tuple(row) for row in cursor.fetchall())


def row_query(name: str, key: str) -> str:
    """The query of :func:`rows` for table ``name``."""
    from django.db import connection

    q = connection.ops.quote_name
    if connection.vendor != "sqlite":
        return f"SELECT t.{q(key)}, row_to_json(t)::text FROM {q(name)} t"
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(cursor, name)]
    literal = " || ',' || ".join(f"quote({q(c)})" for c in columns)
    return f"SELECT {q(key)}, '(' || {literal} || ')' FROM {q(name)}"


def rows(query: str) -> dict[Any, str]:
    """Every row a :func:`row_query` reads: key -> the whole row as text that can be inserted
    again."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(query)
        return dict(cursor.fetchall())


def media_files() -> dict[str, bytes]:
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def take(load: Any) -> Snapshot:
    """Run ``load`` and record what it changed."""
    from django.db import connection

    names = tables()
    queries = {name: row_query(name, key) for name, key in names}  # one look at each table
    before_print = fingerprint(connection.vendor)
    before = {name: rows(queries[name]) for name, _ in names}
    files_before = media_files()
    result = load()
    out = []
    for name, key in names:
        old, new = before[name], rows(queries[name])
        removed = tuple(k for k, row in old.items() if new.get(k) != row)
        added = tuple(row for k, row in new.items() if old.get(k) != row)
        if removed or added:
            out.append(Table(name, key, removed, added))
    files = {p: b for p, b in media_files().items() if files_before.get(p) != b}
    return Snapshot(connection.vendor, before_print, tuple(out), files, result)


def replay(snapshot: Snapshot) -> None:
    from django.conf import settings
    from django.core.management.color import no_style
    from django.db import connection

    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in snapshot.tables:
            if table.removed:
                marks = ", ".join(["%s"] * len(table.removed))
                cursor.execute(
                    f"DELETE FROM {q(table.name)} WHERE {q(table.key)} IN ({marks})",
                    list(table.removed),
                )
            if not table.added:
                continue
            if snapshot.vendor == "sqlite":
                cursor.execute(f"INSERT INTO {q(table.name)} VALUES " + ", ".join(table.added))
            else:
                cursor.execute(
                    f"INSERT INTO {q(table.name)} SELECT * FROM "
                    f"json_populate_recordset(NULL::{q(table.name)}, %s::json)",
                    ["[" + ",".join(table.added) + "]"],
                )
        if snapshot.vendor != "sqlite":  # keys were given: move the sequences past them
            from django.apps import apps

            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
    root = Path(settings.MEDIA_ROOT)
    for path, content in snapshot.files.items():
        target = root / path
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
