"""Imports stage their rows invisibly and publish them at the end; a dead run's rows are discarded;
a NUL character in an answer leaves its row out. (A real killed process, a concurrent writer and a
dry run holding no lock: test_import_cli.py.)"""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from solidata.core.ingest import ImportResult, read_answers
from solidata.core.ingest.result import ID, ROW
from solidata.core.method import Method
from solidata.web.imports import services, staging, writer
from solidata.web.imports.models import ImportRun
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, SubmissionScore, Survey

pytestmark = pytest.mark.django_db


def test_rows_staged_by_an_unfinished_import_are_invisible_until_it_publishes(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    method, _, folder = synthetic
    monkeypatch.setattr(services, "WRITE_BATCH", 10)
    seen: list[tuple[int, int, int]] = []
    real = writer.Writer.publish

    def publish(writer: Any) -> None:
        # every part is staged: in the database, but neither rows nor scores are visible
        seen.append(
            (
                Submission.every.filter(survey=survey).count(),
                Submission.objects.filter(survey=survey).count(),
                SubmissionScore.objects.filter(submission__survey=survey).count(),
            )
        )
        real(writer)

    monkeypatch.setattr(writer.Writer, "publish", publish)
    summary = services.file_import(survey=survey, path=folder / "kobo-names.csv")
    assert seen == [(40, 0, 0)]
    assert Submission.objects.filter(survey=survey).count() == summary.created == 40
    assert SubmissionScore.objects.filter(submission__survey=survey).count() == 40


def test_new_organisations_are_invisible_until_the_import_publishes_and_go_if_it_fails(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    method, _, folder = synthetic
    before = Organisation.objects.count()
    monkeypatch.setattr(services, "WRITE_BATCH", 10)

    def fail(writer: Any) -> None:
        # staged: in the database and named by the staged submissions, but invisible
        assert Organisation.every.count() > before == Organisation.objects.count()
        staged = Submission.every.filter(survey=survey)
        assert not staged.filter(organisation__isnull=True).exists()
        raise RuntimeError("killed before publishing")

    monkeypatch.setattr(writer.Writer, "publish", fail)
    with pytest.raises(RuntimeError):
        services.file_import(survey=survey, path=folder / "kobo-names.csv")
    assert Organisation.every.count() == Organisation.objects.count() == before
    assert Submission.every.count() == 0 and ImportRun.objects.count() == 0
    monkeypatch.undo()
    summary = services.file_import(survey=survey, path=folder / "kobo-names.csv")
    assert summary.organisations_created > 0
    assert Organisation.objects.count() == before + summary.organisations_created
    assert not Submission.objects.filter(survey=survey, organisation__isnull=True).exists()


def test_publishing_writes_no_staged_row_again_and_a_finished_run_is_never_discarded(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, folder = synthetic
    monkeypatch.setattr(services, "WRITE_BATCH", 10)
    summary = services.file_import(survey=survey, path=folder / "kobo-names.csv")
    run = ImportRun.objects.get(pk=summary.run_id)
    rows = Submission.objects.filter(survey=survey)
    # the rows keep their run: publishing finished the run and wrote none of them again
    assert set(rows.values_list("staged_by", flat=True)) == {run.pk}
    assert run.finished_at is not None and rows.count() == 40
    assert staging.run_discard(run_id=run.pk) == 0
    assert rows.count() == 40 and ImportRun.objects.filter(pk=run.pk).exists()


def dead_run(survey: Survey, **fields: Any) -> ImportRun:
    now = timezone.now()
    defaults: dict[str, Any] = {
        "file_name": "x.csv",
        "file_sha256": "0" * 64,
        "file_size": 1,
        "format": "plain-csv",
        "started_at": now,
        "heartbeat_at": now,
        "worker": "elsewhere 1",
    }
    return ImportRun.objects.create(survey=survey, **{**defaults, **fields})


def test_a_run_is_dead_when_its_process_is_gone_or_it_stopped_writing_long_ago(
    survey: Survey,
) -> None:
    import socket

    here = socket.gethostname()[:80]
    assert not staging.run_is_dead(dead_run(survey, worker=f"{here} 1"))  # pid 1 lives
    assert staging.run_is_dead(dead_run(survey, worker=f"{here} 999999999"))
    long_ago = timezone.now() - staging.STALE - datetime.timedelta(minutes=1)
    assert staging.run_is_dead(dead_run(survey, heartbeat_at=long_ago))
    assert not staging.run_is_dead(dead_run(survey))  # another host, writing recently


def test_an_import_discards_the_rows_of_a_dead_run_and_stores_each_submission_once(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    method, _, folder = synthetic
    result = read_answers(folder / "kobo-names.csv", method)
    first = next(iter(result.batches))
    killed = dead_run(
        survey, worker="here 999999999", heartbeat_at=timezone.now() - staging.STALE * 2
    )
    Submission.every.create(
        survey=survey,
        instance_id=str(first[ID].iloc[0]),
        source="csv",
        submitted_at=timezone.now(),
        staged_by=killed.pk,
    )
    summary = services.file_import(survey=survey, path=folder / "kobo-names.csv")
    assert summary.created == 40
    assert Submission.every.filter(survey=survey).count() == 40
    assert not ImportRun.objects.filter(pk=killed.pk).exists()


def test_a_second_import_is_refused_while_another_into_the_survey_is_alive(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    from solidata.core.errors import SolidataError

    _, _, folder = synthetic
    dead_run(survey)  # another host, writing recently: alive
    with pytest.raises(SolidataError) as refused:
        services.file_import(survey=survey, path=folder / "kobo-names.csv")
    assert refused.value.codes == ["import.running"]
    assert Submission.every.count() == 0


def test_an_answer_holding_a_nul_character_leaves_its_row_out_named(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    method, _, folder = synthetic
    result = read_answers(folder / "kobo-names.csv", method)
    batches = list(result.batches)
    batches[0].loc[batches[0].index[1], "org_name"] = "Хоршоо\x00"
    result.batches = batches
    summary = services.submissions_import(survey=survey, result=result)
    assert summary.created == 39 and summary.rejected == 1
    (found,) = [p for p in summary.problems if p.code == "ingest.nul_character"]
    assert (found.row, found.column) == (int(batches[0][ROW].iloc[1]), "org_name")
    stored = Submission.objects.filter(survey=survey).values_list("answers", flat=True)
    assert len(stored) == 39 and not any("\x00" in str(a) for a in stored)


def test_parts_are_staged_in_instance_id_order_so_each_fills_a_narrow_range_of_the_index(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, folder = synthetic
    monkeypatch.setattr(services, "WRITE_BATCH", 10)
    services.file_import(survey=survey, path=folder / "kobo-names.csv")
    ids = list(
        Submission.objects.filter(survey=survey)
        .order_by("pk")
        .values_list("instance_id", flat=True)
    )
    parts = [ids[i : i + 10] for i in range(0, len(ids), 10)]
    assert len(parts) == 4
    assert all(max(a) < min(b) for a, b in itertools.pairwise(parts))


def test_a_failure_while_scoring_on_the_helper_thread_discards_everything_staged(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, folder = synthetic
    monkeypatch.setattr(services, "WRITE_BATCH", 10)
    calls: list[int] = []
    real = writer.scores_compute

    def scores_compute(**kwargs: Any) -> Any:
        calls.append(len(kwargs["answers"]))
        if len(calls) == 3:  # the first two parts are staged by then
            raise RuntimeError("scoring failed")
        return real(**kwargs)

    monkeypatch.setattr(writer, "scores_compute", scores_compute)
    with pytest.raises(RuntimeError, match="scoring failed"):
        services.file_import(survey=survey, path=folder / "kobo-names.csv")
    assert calls[:3] == [10, 10, 10]
    assert (
        Submission.every.count() == 0 and Organisation.every.count() == Organisation.objects.count()
    )
    assert ImportRun.objects.count() == 0
