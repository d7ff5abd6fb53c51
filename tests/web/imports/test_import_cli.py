"""`solidata import` end to end, in a subprocess against a SQLite data directory, as users run it.

The demo data directory is prepared once (`solidata demo --no-serve`) and copied for each test.
One test kills an import after its first part is staged (``tests/paused_import.py`` runs the
import service with a progress callback that waits there): another connection writes meanwhile
without waiting, nothing the import staged is visible, and a second run discards the staged rows
and completes the import. Another checks that a dry run holds no write lock.
"""

from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

import export_writers as ex
from paused_import import PAUSED
from solidata.cli import IMPORT_FORMATS, main
from solidata.core.ingest import LAYOUTS
from subprocesses import copy_of, demo_home, environment
from subprocesses import solidata as run

pytestmark = pytest.mark.slow
DATA = Path(__file__).resolve().parents[2] / "data" / "ingest"
PAUSED_IMPORT = Path(__file__).resolve().parents[2] / "paused_import.py"
# Rows are visible unless an unfinished import run staged them (registry.models.unpublished_runs).
UNPUBLISHED = "SELECT id FROM imports_importrun WHERE finished_at IS NULL"
PUBLISHED = f"(staged_by IS NULL OR staged_by NOT IN ({UNPUBLISHED}))"
VISIBLE = f"SELECT id FROM surveys_submission WHERE {PUBLISHED}"
COUNTS = {
    "submissions": f"SELECT count(*) FROM ({VISIBLE})",
    "scores": f"SELECT count(*) FROM surveys_submissionscore WHERE submission_id IN ({VISIBLE})",
    "organisations": f"SELECT count(*) FROM registry_organisation WHERE {PUBLISHED}",
    "runs": "SELECT count(*) FROM imports_importrun WHERE finished_at IS NOT NULL",
    "changes": "SELECT count(*) FROM imports_submissionchange",
    "fingerprints": "SELECT count(*) FROM imports_submissionfingerprint "
    f"WHERE submission_id IN ({VISIBLE})",
}


def solidata(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run(*args, timeout=600, **env)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_home(tmp_path_factory, "demo-home", timeout=600)


@pytest.fixture
def home(prepared: Path, tmp_path: Path) -> Path:
    return copy_of(prepared, tmp_path)


def state(home: Path) -> dict[str, object]:
    """What users can see: the visible rows of the tables an import writes."""
    with sqlite3.connect(home / "solidata.sqlite3") as db:
        counts = {name: db.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}
        answers = db.execute(
            f"SELECT sum(length(answers)), sum(id) FROM surveys_submission WHERE {PUBLISHED}"
        )
        counts["answers"] = answers.fetchone()
        counts["integrity"] = db.execute("PRAGMA integrity_check").fetchone()[0]
    return counts


def leftovers(home: Path) -> tuple[int, int]:
    """Staged submissions (of a run that is unfinished or gone) and unfinished runs still in the
    database."""
    with sqlite3.connect(home / "solidata.sqlite3") as db:
        staged = db.execute(
            "SELECT count(*) FROM surveys_submission WHERE staged_by IN"
            f" ({UNPUBLISHED}) OR (staged_by IS NOT NULL AND staged_by NOT IN"
            " (SELECT id FROM imports_importrun))"
        )
        runs = db.execute("SELECT count(*) FROM imports_importrun WHERE finished_at IS NULL")
        return staged.fetchone()[0], runs.fetchone()[0]


def write_without_waiting(home: Path) -> None:
    """Write a row on a connection of our own, failing at once if another holds the write lock."""
    db = sqlite3.connect(home / "solidata.sqlite3", timeout=0, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date) "
            "VALUES (?, '', '2100-01-01 00:00:00')",
            (uuid.uuid4().hex,),
        )
        db.execute("COMMIT")
    finally:
        db.close()


def paused_import(home: Path, path: Path, *extra: str) -> subprocess.Popen[str]:
    """An import (``tests/paused_import.py``) started and waited for until it pauses after its
    first part."""
    process = subprocess.Popen(
        [sys.executable, str(PAUSED_IMPORT), str(home), "mn-demo", str(path), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(PYTHONFAULTHANDLER="1"),
    )
    seen = ""
    deadline = time.monotonic() + 300
    assert process.stderr is not None
    while PAUSED not in seen:
        if time.monotonic() > deadline or process.poll() is not None:
            if process.poll() is None:  # stuck: faulthandler prints where, then it ends
                process.send_signal(signal.SIGABRT)
            _out, err = process.communicate(timeout=60)
            raise AssertionError(f"the import did not pause:\n{seen}{err}")
        ready, _, _ = select.select([process.stderr], [], [], 1)
        if ready:
            # os.read, not readline: a buffered readline can leave the line we wait for in its
            # buffer, where select() no longer sees it
            seen += os.read(process.stderr.fileno(), 65536).decode("utf-8", "replace")
    return process


def killed(process: subprocess.Popen[str]) -> int:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    return process.wait(timeout=30)


@pytest.fixture(scope="module")
def new_submissions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 SYNTHETIC submissions with instance ids the demo survey does not have yet."""
    method, subs = ex.synthetic_submissions()
    frame = subs.frame()
    frame = frame.loc[[i % len(frame) for i in range(300)]].reset_index(drop=True)
    space = uuid.UUID("a3f1c2d4-0000-4000-8000-00000000c0de")
    frame["instance_id"] = [f"uuid:{uuid.uuid5(space, str(i))}" for i in range(300)]
    more = ex.submissions_from_answers(method, frame)
    path = tmp_path_factory.mktemp("new") / "kobo-300.csv"
    return ex.write_csv(path, ex.kobo_csv_text(more, method))


def test_the_cli_offers_every_layout_of_the_core() -> None:
    assert list(IMPORT_FORMATS) == list(LAYOUTS)


def test_killing_an_import_midway_leaves_nothing_visible_and_a_rerun_completes_it(
    home: Path, new_submissions: Path
) -> None:
    before = state(home)
    process = paused_import(home, new_submissions)
    try:
        assert leftovers(home)[0] == 300  # the first part is staged, in the database...
        assert state(home) == before  # ...and invisible
        write_without_waiting(home)  # the import holds no write lock between its parts
    finally:
        assert killed(process) == -signal.SIGKILL
    assert state(home) == before
    args = ["import", str(new_submissions), "--survey", "mn-demo", "--data-dir", str(home)]
    rerun = solidata(*args, "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["created"] == 300
    assert leftovers(home) == (0, 0)  # the killed run's rows were discarded, not kept twice
    after = state(home)
    assert after["submissions"] == before["submissions"] + 300  # type: ignore[operator]
    assert after["runs"] == before["runs"] + 1  # type: ignore[operator]
    again = solidata(*args, "--json")
    assert json.loads(again.stdout)["created"] == 0
    assert json.loads(again.stdout)["unchanged"] == 300


def test_a_dry_run_holds_no_write_lock_and_writes_nothing(
    home: Path, new_submissions: Path
) -> None:
    before = state(home)
    process = paused_import(home, new_submissions, "--dry-run")
    try:
        write_without_waiting(home)
        assert leftovers(home) == (0, 0)
    finally:
        killed(process)
    assert state(home) == before


def test_a_second_import_into_the_same_survey_is_refused_while_one_runs(
    home: Path, new_submissions: Path
) -> None:
    process = paused_import(home, new_submissions)
    try:
        args = ["import", str(new_submissions), "--survey", "mn-demo", "--data-dir", str(home)]
        second = solidata(*args, "--json")
        assert second.returncode == 1
        assert "import.running" in second.stdout + second.stderr
    finally:
        killed(process)


def test_import_prints_the_counts_warnings_and_problems_as_json(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    demo = state(home)
    text = (
        "instance_id,org_name,aimag,members_women,colour\n"
        "uuid:5e0c7c9a-70a7-4b5a-9a39-000000000001,Шинэ хоршоо,MN-073,12,red\n"
        "uuid:5e0c7c9a-70a7-4b5a-9a39-000000000002,=HYPERLINK(1),MN-1,many,blue\n"
        ",Nameless,MN-1,3,green\n"
    )
    path.write_text(text, encoding="utf-8")
    report = tmp_path / "problems.csv"
    args = ["import", str(path), "--survey", "mn-demo", "--data-dir", str(home)]
    done = solidata(*args, "--json", "--problems", str(report))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["created"], out["updated"], out["unchanged"], out["rejected"]) == (2, 0, 0, 1)
    assert [w["code"] for w in out["warnings"]] == ["ingest.column_unknown"]
    assert sorted((p["code"], p["row"], p["column"]) for p in out["problems"]) == [
        ("ingest.instance_id_empty", 4, "instance_id"),
        ("ingest.value_invalid", 3, "members_women"),
    ]
    assert out["organisations_created"] == 2
    assert state(home)["submissions"] == demo["submissions"] + 2  # type: ignore[operator]
    rows = list(csv.reader(io.StringIO(report.read_text("utf-8"))))
    assert {r[1] for r in rows[1:]} == {
        "ingest.column_unknown",
        "ingest.instance_id_empty",
        "ingest.value_invalid",
    }
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("name", ["zip-bomb.zip", "billion-laughs.xlsx", "binary-garbage.csv"])
def test_a_hostile_file_is_refused_with_its_code_exit_status_1_and_no_change(
    home: Path, name: str
) -> None:
    before = state(home)
    args = ["import", str(DATA / "hostile" / name), "--survey", "mn-demo", "--data-dir", str(home)]
    done = solidata(*args, "--json")
    assert done.returncode == 1
    assert [p["code"] for p in json.loads(done.stdout)] == [
        {"zip-bomb.zip": "ingest.zip_bomb", "billion-laughs.xlsx": "ingest.xml_entities"}.get(
            name, "ingest.binary"
        )
    ]
    assert "Traceback" not in done.stderr
    assert state(home) == before


def test_a_file_over_the_limit_and_an_unknown_survey_are_refused(
    home: Path, tmp_path: Path
) -> None:
    before = state(home)
    big = tmp_path / "big.csv"
    big.write_text("instance_id,org_name\n" + "uuid:x,Алтан тал\n" * 60_000, encoding="utf-8")
    args = ["import", str(big), "--survey", "mn-demo", "--data-dir", str(home), "--json"]
    too_big = solidata(*args, SOLIDATA_IMPORT_MAX_MB="1")
    assert too_big.returncode == 1
    assert [p["code"] for p in json.loads(too_big.stdout)] == ["file.too_large"]
    unknown = solidata("import", str(big), "--survey", "nope", "--data-dir", str(home))
    assert unknown.returncode == 1
    assert "There is no survey with the short name 'nope'" in unknown.stderr
    assert state(home) == before


def test_a_dry_run_shows_the_counts_and_writes_nothing(home: Path, new_submissions: Path) -> None:
    before = state(home)
    args = ["import", str(new_submissions), "--survey", "mn-demo", "--data-dir", str(home)]
    done = solidata(*args, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "300 new, 0 updated, 0 unchanged, 0 rejected" in done.stdout
    assert "Dry run: nothing was written." in done.stdout
    assert state(home) == before


@pytest.mark.parametrize("name", ["kobo-names.xlsx", "odk-groups-split.zip", "kobocat-legacy.csv"])
def test_score_reads_every_layout_and_gives_the_same_scores(name: str) -> None:
    method = str(DATA / "coop" / "method.xlsx")
    runner = CliRunner()
    expected = runner.invoke(main, ["score", str(DATA / "coop" / "plain.csv"), "--method", method])
    got = runner.invoke(main, ["score", str(DATA / "coop" / name), "--method", method])
    assert expected.exit_code == got.exit_code == 0
    assert got.stdout == expected.stdout
