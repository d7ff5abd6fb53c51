"""Load and lock tests on a real `solidata serve` (waitress) on a loopback port, SQLite in a temp
data directory.

- A busy database answers 503 with Retry-After (a page, or JSON for autosaves and the API), never
  500: another connection holds SQLite's write lock while the site is asked to write.
- The load test: K clients (threads, one browser each) fill in and submit self-assessments, with
  autosaves, while `solidata import` stores a large KoboToolbox export into another survey. No
  answer may be a 500, no submission lost or stored twice (the database against the clients'
  receipts); it prints forms per second. Bounded: it stops when the import has finished and every
  client has submitted at least one form, or after LOAD_TEST_SECONDS.

Knobs (environment): LOAD_TEST_ROWS (default 100,000 rows in the import), LOAD_TEST_CLIENTS
(default 8), LOAD_TEST_SECONDS (default 900).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from solidata.core.method import bundled_method_path, read_method
from subprocesses import copy_of, demo_home, solidata_process

from .loopback import Browser, Tally, fill_plan, served

pytestmark = pytest.mark.slow
ROWS = int(os.environ.get("LOAD_TEST_ROWS", "100000"))
CLIENTS = int(os.environ.get("LOAD_TEST_CLIENTS", "8"))
SECONDS = float(os.environ.get("LOAD_TEST_SECONDS", "900"))
OPEN_SURVEY = "mn-self-assessment"
# The load comes from one address: lift the per-address cap of anonymous drafts for it.
SERVER = {"SOLIDATA_ANONYMOUS_DRAFTS": "1000000"}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_home(tmp_path_factory, "load-home", timeout=900)


@pytest.fixture
def home(prepared: Path, tmp_path: Path) -> Path:
    return copy_of(prepared, tmp_path)


def database(home: Path) -> sqlite3.Connection:
    return sqlite3.connect(home / "solidata.sqlite3", timeout=60)


def survey_pk(home: Path, slug: str) -> int:
    with database(home) as db:
        return int(
            db.execute("SELECT id FROM surveys_survey WHERE slug = ?", (slug,)).fetchone()[0]
        )


def test_a_busy_database_answers_503_with_retry_after_never_500(home: Path) -> None:
    plan = fill_plan(read_method(bundled_method_path()))  # type: ignore[arg-type]
    number, values = plan[0]
    with served(home, SOLIDATA_DB_TIMEOUT="1", **SERVER) as base:
        browser = Browser(base, Tally())
        browser.request("/assess/")
        started = browser.request("/assess/", {"survey": str(survey_pk(home, OPEN_SURVEY))})
        token = started.headers["Location"].split("/")[2]
        holder = sqlite3.connect(home / "solidata.sqlite3", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another connection holds the write lock
        try:
            save = f"/assess/{token}/step/{number}/save/"
            saved = browser.request(save, values, json=True, retry=False)
            page = browser.request(f"/assess/{token}/step/{number}/", values, retry=False)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert saved.status == 503 and int(saved.headers["Retry-After"]) > 0
        assert json.loads(saved.body)["error"] == "busy"
        assert page.status == 503 and int(page.headers["Retry-After"]) > 0
        assert "The site is busy" in page.body
        assert browser.tally.statuses[500] == 0
        again = browser.request(save, values, json=True, retry=False)
        assert again.status == 200  # the lock is gone: the same request goes through


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A KoboToolbox CSV export of ROWS SYNTHETIC submissions (bench/ingest.py's generator)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from ingest import export  # type: ignore[import-not-found]

    return export(tmp_path_factory.mktemp("load-export") / f"kobo-{ROWS}.csv", ROWS)  # type: ignore[no-any-return]


def test_assessments_filled_in_during_a_large_import_all_arrive_once_without_a_500(
    home: Path, big_export: Path
) -> None:
    plan = fill_plan(read_method(bundled_method_path()))  # type: ignore[arg-type]
    survey = survey_pk(home, OPEN_SURVEY)
    tally = Tally()
    lock = threading.Lock()
    with served(home, **SERVER) as base:
        args = [
            "import",
            str(big_export),
            "--survey",
            "mn-demo",
            "--data-dir",
            str(home),
            "--json",
            "--max-mb",
            "5000",
        ]
        importing = solidata_process(*args)
        started = time.monotonic()
        deadline = started + SECONDS

        def client() -> None:
            browser, mine = Browser(base, tally), 0
            while time.monotonic() < deadline and (importing.poll() is None or mine == 0):
                try:
                    token = browser.assess(survey, plan)
                except AssertionError as error:
                    with lock:
                        tally.failures.append(str(error)[:300])
                    continue
                mine += 1
                with lock:
                    tally.receipts.append(token)

        threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 120)
        out, err = importing.communicate(timeout=max(60.0, deadline - time.monotonic()))
        seconds = time.monotonic() - started
    assert importing.returncode == 0, (out[-2000:], err[-2000:])
    imported = json.loads(out)
    with database(home) as db:
        marks = ",".join("?" * len(tally.receipts))
        rows = db.execute(
            "SELECT d.token, s.id FROM assessments_draft d "
            f"LEFT JOIN surveys_submission s ON s.id = d.submission_id WHERE d.token IN ({marks})",
            tally.receipts,
        ).fetchall()
        web = db.execute("SELECT count(*) FROM surveys_submission WHERE source = 'web'").fetchone()[
            0
        ]
        staged = db.execute(
            "SELECT count(*) FROM surveys_submission WHERE staged_by IN"
            " (SELECT id FROM imports_importrun WHERE finished_at IS NULL)"
        ).fetchone()[0]
    lost = len(tally.receipts) - sum(1 for _token, pk in rows if pk is not None)
    duplicated = web - (len(tally.receipts) - lost)
    requests = sum(tally.statuses.values())
    print(
        f"\nLoad: {CLIENTS} clients, {len(tally.receipts)} forms submitted in {seconds:.1f} s "
        f"({len(tally.receipts) / seconds:.2f} forms/s, {requests / seconds:.1f} requests/s) while "
        f"importing {imported['created']:,} of {ROWS:,} rows; statuses {dict(tally.statuses)}, "
        f"503 retries {tally.retries}, failures {len(tally.failures)}, lost {lost}, "
        f"duplicated {duplicated}"
    )
    assert tally.statuses[500] == 0 and not tally.failures, tally.failures[:3]
    assert len(tally.receipts) >= CLIENTS
    assert lost == 0 and duplicated == 0 and len(set(tally.receipts)) == len(tally.receipts)
    assert imported["created"] == ROWS and staged == 0
