"""Benchmark: import large KoboToolbox exports of the bundled method, scoring included, into SQLite
and, when SOLIDATA_TEST_DATABASE_URL names a PostgreSQL server, into PostgreSQL too.

Targets: issue 4, a 50,000-row KoboToolbox XLSX export imports in under 2x the time
``pandas.read_excel`` takes to read the same file, a 1,000,000-row KoboToolbox CSV export in under
4x ``pandas.read_csv``; issue 14, the CSV import within 1.5x the floor of writing the same rows in
the same database (all measured in the same run, on the same file).

    uv run python bench/ingest.py [--xlsx-rows N] [--csv-rows N] [--repeat N] [--keep DIR]

The exports hold the bundled method's SYNTHETIC demo answers, repeated with new instance ids and
submission times, in KoboToolbox's default layout (XML names, select_multiple as a summary column
and 0/1 columns, metadata columns). They are written once into --keep (default: a folder in the
temporary directory) and reused. Each database is measured in a child process of its own (Django
is set up once per process): each import goes into an empty survey of a fresh database (SQLite: a
new data directory; PostgreSQL: a database ``<name>_bench`` created beside the one the URL names,
and dropped after), through the same service as `solidata import`: read, compare, store, match
organisations, score. Each step (the floors too) runs --repeat times (default 1; the fastest is
kept, as other processes on the machine can only add time). `--xlsx-rows 0` or `--csv-rows 0`
skips a file.

After each import the benchmark also measures the floor set by the database itself: the rows the
import stored, written again into empty tables of the same schema, in one transaction, with
nothing else to do, foreign keys checked as on the site (see :func:`sqlite_floor` and
:func:`postgres_floor`); and, for reference, the same without foreign keys.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

# The export writers are test support, kept out of the package (tests/export_writers.py).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def export(path: Path, rows: int) -> Path:
    """The bundled method's synthetic answers, repeated to ``rows`` rows, as a Kobo export."""
    import export_writers as ex

    if path.exists():
        return path
    method, subs = ex.synthetic_submissions()
    frame = subs.frame()
    frame = frame.iloc[np.arange(rows) % len(frame)].reset_index(drop=True)
    space = uuid.UUID("6b7f0c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b")
    frame["instance_id"] = [f"uuid:{uuid.uuid5(space, str(i))}" for i in range(rows)]
    start = pd.Timestamp("2023-03-01T09:00Z")
    times = list(start + pd.to_timedelta(np.arange(rows) * 31, unit="s"))
    big = ex.submissions_from_answers(method, frame, submitted_at=times)
    part = path.with_suffix(".part" + path.suffix)
    if path.suffix == ".xlsx":
        ex.write_kobo_xlsx(big, method, part)
    else:
        ex.write_csv(part, ex.kobo_csv_text(big, method))
    part.rename(path)
    return path


PG_URL = "SOLIDATA_TEST_DATABASE_URL"


def bench_database_url() -> str:
    """A URL of ``<name>_bench`` on the server SOLIDATA_TEST_DATABASE_URL names."""
    url = urllib.parse.urlsplit(os.environ[PG_URL])
    return url._replace(path=f"{url.path.strip('/') or 'solidata'}_bench").geturl()


def pg_database(create: bool) -> None:
    """Create (again) or drop the benchmark's PostgreSQL database."""
    import psycopg

    url = urllib.parse.urlsplit(bench_database_url())
    name = url.path.strip("/")
    with psycopg.connect(os.environ[PG_URL], autocommit=True) as admin:
        for attempt in range(30):  # an autovacuum worker may still be on it after a large import
            try:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                break
            except psycopg.errors.ObjectInUse:
                if attempt == 29:
                    raise
                time.sleep(2)
        if create:
            admin.execute(f'CREATE DATABASE "{name}"')


def setup_django(home: Path, database: str = "sqlite") -> None:
    os.environ["DB"] = database
    if database == "postgres":
        pg_database(create=True)
        os.environ["DATABASE_URL"] = bench_database_url()
    from django.core.management import call_command

    from solidata.web import runtime

    runtime.configure(home)
    call_command("migrate", interactive=False, verbosity=0)
    from solidata.web.registry.services import reference_load

    reference_load()


def import_once(path: Path, slug: str) -> tuple[float, Any]:
    """Import ``path`` into a new, empty survey; returns (seconds, summary)."""
    from django.db import connection

    from solidata.web.imports.services import file_import
    from solidata.web.surveys.models import Survey
    from solidata.web.surveys.services import method_version_ensure_bundled

    survey = Survey.objects.create(
        slug=slug, title=slug, country_id="MN", method=method_version_ensure_bundled()
    )
    from solidata.web.surveys.selectors import method_of

    method_of(survey.method)  # parsing the method workbook is not part of an import
    start = time.perf_counter()
    summary = file_import(survey=survey, path=path, limits=_no_limit())
    seconds = time.perf_counter() - start
    connection.close()
    return seconds, summary


def _no_limit():  # type: ignore[no-untyped-def]
    from solidata.core.ingest import Limits

    return Limits(max_bytes=1 << 40, max_unpacked=1 << 40)


# The rows an import stores, table by table, selected for one survey.
STORED = {
    "surveys_submission": "SELECT * FROM surveys_submission WHERE survey_id = {}",
    "surveys_submissionscore": "SELECT s.* FROM surveys_submissionscore s JOIN surveys_submission"
    " u ON u.id = s.submission_id WHERE u.survey_id = {}",
    "imports_submissionfingerprint": "SELECT f.* FROM imports_submissionfingerprint f JOIN"
    " surveys_submission u ON u.id = f.submission_id WHERE u.survey_id = {}",
}


def sqlite_floor(home: Path, slug: str, *, foreign_keys: bool = True) -> float:
    """Seconds SQLite alone takes to store what the import of survey ``slug`` stored.

    The same rows (read back from the database, not timed) are written with ``executemany`` into
    an empty database of the same schema and journal mode, in one transaction, without the
    checks the import also skips (JSON_VALID): no reading, no scoring, no Python work per row.
    With ``foreign_keys``, the rows of every other table (the surveys, organisations, method
    versions and runs the stored rows name) are copied first, untimed, and foreign keys are
    checked as on the site; without, they are off. Any import that keeps each submission's
    answers and score as rows of their own in SQLite takes at least this long.
    """
    import sqlite3

    from solidata.web.surveys.models import Survey

    survey = Survey.objects.get(slug=slug).pk
    source = sqlite3.connect(home / "solidata.sqlite3")
    (journal,) = source.execute("PRAGMA journal_mode").fetchone()
    schema = [
        sql
        for (sql,) in source.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY type = 'index'"
        )
    ]
    data = {t: source.execute(sql.format("?"), (survey,)).fetchall() for t, sql in STORED.items()}
    tables = [
        name
        for (name,) in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in STORED
    ]
    source.close()
    target = home / "floor.sqlite3"
    floor = sqlite3.connect(target, isolation_level=None)
    try:
        floor.execute(f"PRAGMA journal_mode = {journal}")
        floor.execute("PRAGMA synchronous = NORMAL")  # as the site's connections
        for sql in schema:
            floor.execute(sql)
        if foreign_keys:  # the parent rows, as in the site's database
            floor.execute("ATTACH DATABASE ? AS site", (str(home / "solidata.sqlite3"),))
            for table in tables:
                floor.execute(f'INSERT INTO main."{table}" SELECT * FROM site."{table}"')
            floor.execute("DETACH DATABASE site")
        floor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        floor.execute("PRAGMA ignore_check_constraints = ON")
        floor.execute("PRAGMA cache_size = -524288")  # as the import (512 MB)
        start = time.perf_counter()
        floor.execute("BEGIN IMMEDIATE")
        for table, rows in data.items():
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                floor.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        floor.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        floor.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


def postgres_floor(home: Path, slug: str, *, foreign_keys: bool = True) -> float:
    """Seconds PostgreSQL alone takes to store what the import of survey ``slug`` stored.

    The same rows are copied out (``COPY ... TO``, into a file, not timed), then written with
    ``COPY ... FROM STDIN``, the fastest way a client has to write rows, into empty tables of the
    same schema (``LIKE ... INCLUDING ALL``: columns, defaults, checks and indexes; with
    ``foreign_keys``, the original tables' foreign keys too, to the same parent rows, or to the
    floor's own submissions), made in a transaction of their own, then filled in one
    transaction, commit included (where deferred foreign keys are checked): no reading, scoring
    or encoding.
    """
    from django.db import connection

    from solidata.web.surveys.models import Survey

    survey = Survey.objects.get(slug=slug).pk
    raw = connection.cursor().cursor  # psycopg's own, in autocommit mode as Django leaves it
    files = {table: home / f"floor-{table}.copy" for table in STORED}
    try:
        for table, sql in STORED.items():
            out_sql = f"COPY ({sql.format(survey)}) TO STDOUT"
            with files[table].open("wb") as out, raw.copy(out_sql) as copy:
                for block in copy:
                    out.write(block)
            raw.execute(f"CREATE TABLE floor_{table} (LIKE {table} INCLUDING ALL)")
            if not foreign_keys:
                continue
            raw.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                " WHERE conrelid = %s::regclass AND contype = 'f'",
                (table,),
            )
            for name, definition in raw.fetchall():
                for parent in STORED:
                    definition = definition.replace(
                        f"REFERENCES {parent}(", f"REFERENCES floor_{parent}("
                    )
                raw.execute(f"ALTER TABLE floor_{table} ADD CONSTRAINT floor_{name} {definition}")
        start = time.perf_counter()
        raw.execute("BEGIN")
        for table in STORED:
            in_sql = f"COPY floor_{table} FROM STDIN"
            with files[table].open("rb") as data, raw.copy(in_sql) as copy:
                while block := data.read(1 << 20):
                    copy.write(block)
        raw.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        if raw.connection.info.transaction_status != 0:  # not idle: a failure left it open
            raw.execute("ROLLBACK")
        for table in reversed(STORED):  # children first
            raw.execute(f"DROP TABLE IF EXISTS floor_{table}")
            files[table].unlink(missing_ok=True)


def database_mb(home: Path) -> float:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0]) / 1e6
    return sum(p.stat().st_size for p in home.glob("solidata.sqlite3*")) / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


BASELINE = """
import sys, time
import pandas as pd
path = sys.argv[1]
start = time.perf_counter()
if path.endswith(".xlsx"):
    frame = pd.read_excel(path, engine="calamine")
else:
    frame = pd.read_csv(path, sep=";")
print(time.perf_counter() - start, len(frame))
"""


def baseline(path: Path) -> tuple[float, int]:
    """Seconds for a plain pandas read of ``path``, and its rows (in a child process, so that the
    memory it takes is not counted as the import's)."""
    done = subprocess.run(
        [sys.executable, "-c", BASELINE, str(path)], capture_output=True, text=True, check=True
    )
    seconds, rows = done.stdout.split()
    return float(seconds), int(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx-rows", type=int, default=50_000)
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "solidata-bench")
    parser.add_argument("--database", choices=("sqlite", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.keep.mkdir(parents=True, exist_ok=True)
    if args.prepare:
        for suffix, rows in ((".xlsx", args.xlsx_rows), (".csv", args.csv_rows)):
            if rows > 0:
                export(args.keep / f"kobo-{rows}{suffix}", rows)
        return
    if args.database is not None:
        measure(args)
        return
    # the exports are written in a process of their own: a process's peak memory (ru_maxrss)
    # outlives exec, and the measuring processes report theirs
    subprocess.run([sys.executable, __file__, *sys.argv[1:], "--prepare"], check=True)
    databases = ["sqlite", "postgres"] if os.environ.get(PG_URL) else ["sqlite"]
    for database in databases:
        print(f"== {'SQLite' if database == 'sqlite' else 'PostgreSQL'}", flush=True)
        subprocess.run(
            [sys.executable, __file__, *sys.argv[1:], "--database", database], check=True
        )
    if len(databases) == 1:
        print(f"PostgreSQL skipped: set {PG_URL} to measure it too.")


def measure(args: argparse.Namespace) -> None:
    """The imports and floors of one database (in a process of their own)."""
    home = Path(tempfile.mkdtemp(prefix="solidata-bench-home-"))
    name = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    try:
        setup_django(home, args.database)
        targets = {".xlsx": 2.0, ".csv": 4.0}
        n = 0
        for suffix, rows in ((".xlsx", args.xlsx_rows), (".csv", args.csv_rows)):
            if rows <= 0:
                continue
            path = export(args.keep / f"kobo-{rows}{suffix}", rows)
            size = path.stat().st_size / 1e6
            plain = min(baseline(path)[0] for _ in range(args.repeat))
            times = []
            for _ in range(args.repeat):
                n += 1
                seconds, summary = import_once(path, f"bench-{n}")
                assert summary.created == rows, summary
                times.append((seconds, summary))
            took, summary = min(times, key=lambda t: t[0])
            peak = peak_mb()  # before the floor, which holds the rows in memory (SQLite)
            mb = database_mb(home)
            floor_of = sqlite_floor if args.database == "sqlite" else postgres_floor
            # the reference first: right after an import, the system is still writing its pages
            # out, which slows whatever runs next (the floor of the target should not gain by it)
            bare = min(floor_of(home, f"bench-{n}", foreign_keys=False) for _ in range(args.repeat))
            floor = min(floor_of(home, f"bench-{n}") for _ in range(args.repeat))
            ratio = took / plain
            verdict = "meets" if ratio < targets[suffix] else "misses"
            parts = ", ".join(f"{k} {v:.1f} s" for k, v in summary.seconds.items())
            print(
                f"Kobo {suffix[1:].upper()} export, {rows:,} rows, {size:,.0f} MB, into {name}: "
                f"pandas read {plain:.1f} s; import with scoring {took:.1f} s "
                f"({rows / took:,.0f} rows/s) = {ratio:.2f}x the plain read "
                f"({verdict} the target of {targets[suffix]:.0f}x). Import: {parts}; "
                f"database {mb:,.0f} MB; peak memory of the import process {peak:,.0f} MB."
            )
            print(
                f"  {name} alone, writing the same rows into empty tables of the same schema in "
                f"one transaction, foreign keys checked: {floor:.1f} s = {floor / plain:.2f}x the "
                f"plain read; the import takes {took / floor:.2f}x this floor (target for the "
                f"CSV: 1.5x). Without foreign keys: {bare:.1f} s ({took / bare:.2f}x).",
                flush=True,
            )
    finally:
        if args.database == "postgres":
            from django.db import connections

            connections.close_all()
            pg_database(create=False)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
