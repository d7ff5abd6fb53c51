"""Imports store each submission once, in one transaction, with an audit record of every change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import export_writers as ex
from solidata.core.errors import SolidataError
from solidata.core.ingest import ImportResult, read_answers
from solidata.core.method import Method
from solidata.core.scoring import score
from solidata.web.imports import services, writer
from solidata.web.imports.models import ImportRun, SubmissionChange, SubmissionFingerprint
from solidata.web.imports.services import file_import
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, SubmissionScore, Survey
from solidata.web.surveys.score_records import score_record
from solidata.web.surveys.services import submissions_score

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "data" / "ingest"


def stored(survey: Survey) -> dict[str, tuple[Any, ...]]:
    return {
        s.instance_id: (s.answers, s.review_status, s.source, s.submitted_at)
        for s in Submission.objects.filter(survey=survey)
    }


def snapshot() -> dict[str, int]:
    models = (Submission, SubmissionScore, Organisation, ImportRun, SubmissionChange)
    return {m.__name__: m.objects.count() for m in (*models, SubmissionFingerprint)}


def test_importing_a_file_stores_its_submissions_scores_and_a_run(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    method, subs, folder = synthetic
    summary = file_import(survey=survey, path=folder / "kobo-names.xlsx")
    assert (summary.created, summary.updated, summary.unchanged, summary.rejected) == (40, 0, 0, 0)
    rows = stored(survey)
    for expected in subs.submissions():
        answers, review, source, submitted_at = rows[expected.instance_id]
        assert answers == expected.stored_answers()
        assert review == (expected.review_status or "pending")
        assert source == "kobo" and submitted_at == expected.submitted_at
    assert SubmissionScore.objects.filter(submission__survey=survey).count() == 40
    run = ImportRun.objects.get(pk=summary.run_id)
    assert (run.format, run.created, run.file_name) == ("kobo-xlsx", 40, "kobo-names.xlsx")
    assert len(run.file_sha256) == 64


def test_importing_the_same_file_twice_creates_and_changes_nothing_the_second_time(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    file_import(survey=survey, path=folder / "odk-groups-split.zip")
    before = (stored(survey), snapshot())
    again = file_import(survey=survey, path=folder / "odk-groups-split.zip")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 40)
    after = snapshot()
    assert after.pop("ImportRun") == before[1].pop("ImportRun") + 1
    assert (stored(survey), after) == (before[0], before[1])


def test_the_same_answers_in_another_layout_are_recognised_as_unchanged(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    file_import(survey=survey, path=folder / "kobo-labels-mn-groups.xlsx")
    for name in ("odk-bare-names.zip", "plain.csv", "kobo-labels-mn-utf16.csv"):
        summary = file_import(survey=survey, path=folder / name)
        assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 40), name


def test_a_changed_answer_updates_the_submission_and_keeps_an_audit_record(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], tmp_path: Path
) -> None:
    method, subs, folder = synthetic
    file_import(survey=survey, path=folder / "plain.csv")
    frame = subs.frame()
    first = frame.loc[0, "instance_id"]
    old = frame.loc[0, "org_name"]
    frame.loc[0, "org_name"] = "Шинэ нэр хоршоо"
    changed = ex.submissions_from_answers(method, frame)
    path = ex.write_csv(tmp_path / "changed.csv", ex.plain_csv_text(changed, method))
    summary = file_import(survey=survey, path=path)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 39)
    submission = Submission.objects.get(survey=survey, instance_id=first)
    assert submission.answers["org_name"] == "Шинэ нэр хоршоо"
    (change,) = SubmissionChange.objects.filter(submission=submission)
    assert change.answers_before["org_name"] == old
    assert change.answers_after["org_name"] == "Шинэ нэр хоршоо"
    assert change.run_id == summary.run_id


def test_review_statuses_are_carried_over_and_a_file_without_one_keeps_the_stored_one(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, subs, folder = synthetic
    file_import(survey=survey, path=folder / "odk-root.csv")
    expected = {s.instance_id: s.review_status or "pending" for s in subs.submissions()}
    statuses = dict(Submission.objects.values_list("instance_id", "review_status"))
    assert statuses == expected
    assert set(statuses.values()) == {"approved", "pending", "on_hold", "rejected"}
    legacy = file_import(survey=survey, path=folder / "kobocat-legacy.csv")  # no review column
    assert (legacy.updated, legacy.unchanged) == (0, 40)
    assert dict(Submission.objects.values_list("instance_id", "review_status")) == expected


def test_submissions_are_matched_to_known_organisations_by_name_and_area(
    demo_db: object, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, subs, folder = synthetic
    survey = Survey.objects.create(
        slug="mn-import",
        title="Import",
        country_id="MN",
        method=Survey.objects.get(slug="mn-demo").method,
    )
    organisations = Organisation.objects.count()
    summary = file_import(survey=survey, path=folder / "kobo-names.xlsx")
    assert summary.organisations_created == 0 and Organisation.objects.count() == organisations
    for submission in Submission.objects.filter(survey=survey).select_related("organisation"):
        assert submission.organisation is not None
        assert submission.organisation.name == submission.answers["org_name"]
        assert submission.organisation.admin_area_id == submission.answers["aimag"]


def test_an_unknown_organisation_is_created_once_and_flagged_for_review(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], tmp_path: Path
) -> None:
    method, subs, _ = synthetic
    frame = subs.frame().head(3).copy()
    frame["org_name"] = ["«Шинэ Зам» хоршоо", "шинэ  зам ХОРШОО", "Other co-op"]
    frame["aimag"] = ["MN-073", "MN-073", "Ulaanbaatar"]
    path = tmp_path / "new.csv"
    ex.write_csv(path, ex.plain_csv_text(ex.submissions_from_answers(method, frame), method))
    summary = file_import(survey=survey, path=path)
    assert summary.organisations_created == 2
    first, second, third = (
        Submission.objects.get(instance_id=i).organisation for i in frame["instance_id"]
    )
    assert first == second and first is not None and third is not None
    assert first.needs_review and first.admin_area_id == "MN-073"
    assert first.legal_form_id == frame.loc[0, "legal_form"]
    assert first.entity_type_id == first.legal_form.entity_type_id  # type: ignore[union-attr]
    assert third.admin_area_id == "MN-1"  # matched by the area's name


def test_a_dry_run_counts_everything_and_writes_nothing(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    before = snapshot()
    summary = file_import(survey=survey, path=folder / "kobo-names.csv", dry_run=True)
    assert (summary.created, summary.run_id, summary.dry_run) == (40, None, True)
    assert snapshot() == before


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "hostile").iterdir()))
def test_a_refused_file_writes_nothing(survey: Survey, name: str) -> None:
    before = snapshot()
    with pytest.raises(SolidataError):
        file_import(survey=survey, path=DATA / "hostile" / name)
    assert snapshot() == before


def test_an_import_that_fails_midway_writes_nothing(
    survey: Survey,
    synthetic: tuple[Method, ImportResult, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, _, folder = synthetic
    monkeypatch.setattr(services, "WRITE_BATCH", 10)
    scored = []
    real = writer.scores_store

    def failing(**kwargs: Any) -> int:
        if scored:
            raise RuntimeError("the disk is full")
        scored.append(real(**kwargs))
        return scored[-1]

    monkeypatch.setattr(writer, "scores_store", failing)
    before = snapshot()
    with pytest.raises(RuntimeError):
        file_import(survey=survey, path=folder / "kobo-names.xlsx")
    assert scored == [10]  # the first part was staged, in a transaction of its own
    assert snapshot() == before


def test_stored_scores_equal_those_of_scoring_every_submission(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    _, _, folder = synthetic
    file_import(survey=survey, path=folder / "kobo-names.xlsx")
    imported = {
        s.submission_id: (s.record, s.dimension_scores) for s in SubmissionScore.objects.all()
    }
    submissions_score(survey=survey)
    again = {s.submission_id: (s.record, s.dimension_scores) for s in SubmissionScore.objects.all()}
    assert imported == again


BUNDLED_VARIANTS = [v for v in ex.VARIANTS if v.encoding != "cp1251"]


@pytest.mark.parametrize("variant", BUNDLED_VARIANTS, ids=lambda v: v.name)
def test_every_layout_stores_the_same_submissions_and_scores(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], variant: ex.Variant
) -> None:
    method, subs, folder = synthetic
    summary = file_import(survey=survey, path=folder / variant.name)
    assert (summary.created, summary.problems) == (40, [])
    expected = score(method, subs.frame())
    records = {lang: expected.to_records(lang) for lang in method.languages}
    rows = stored(survey)
    scores = {
        s.submission.instance_id: {lang: score_record(s, lang) for lang in method.languages}
        for s in SubmissionScore.objects.select_related("submission", "method")
    }
    for k, s in enumerate(subs.submissions()):
        answers, review, _, submitted_at = rows[s.instance_id]
        assert answers == s.stored_answers()
        assert submitted_at == s.submitted_at
        if variant.carries_review:
            assert review == (s.review_status or "pending")
        assert scores[s.instance_id] == {lang: records[lang][k] for lang in method.languages}


def test_repeat_rows_are_stored_with_their_submission(coop_survey: Survey) -> None:
    summary = file_import(survey=coop_survey, path=DATA / "coop" / "odk-groups-split.zip")
    assert summary.created == 6
    expected = json.loads((DATA / "coop" / "expected.json").read_text("utf-8"))
    for e in expected:
        submission = Submission.objects.get(survey=coop_survey, instance_id=e["instance_id"])
        assert submission.answers == e["answers"]
    again = file_import(survey=coop_survey, path=DATA / "coop" / "kobo-labels-mn-groups.xlsx")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6)


def test_submissions_stored_another_way_are_compared_by_their_answers(
    demo_db: object, tmp_path: Path
) -> None:
    demo = Survey.objects.get(slug="mn-demo")
    method_subs = ex.synthetic_submissions()
    method, subs = method_subs
    frame = subs.frame()
    plain = ex.submissions_from_answers(method, frame)  # no review statuses: keep the stored ones
    path = ex.write_csv(tmp_path / "demo.csv", ex.plain_csv_text(plain, method))
    summary = file_import(survey=demo, path=path)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, len(frame))
    assert not SubmissionChange.objects.exists()


def test_progress_is_reported_while_storing(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _, folder = synthetic
    monkeypatch.setattr(services, "WRITE_BATCH", 15)
    seen: list[tuple[int, int]] = []
    file_import(
        survey=survey, path=folder / "plain.csv", store_progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(15, 40), (30, 40), (40, 40)]


def test_a_result_read_elsewhere_can_be_stored_directly(
    survey: Survey, synthetic: tuple[Method, ImportResult, Path]
) -> None:
    method, _, folder = synthetic
    result = read_answers(folder / "kobo-names.csv", method)
    summary = services.submissions_import(survey=survey, result=result)
    assert summary.created == 40 and isinstance(summary.as_json()["warnings"], list)
    assert pd.Series(list(summary.as_json())).tolist()[:3] == ["format", "dry_run", "created"]
