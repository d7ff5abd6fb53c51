"""The findings read the scores stored for each submission -- the numbers the result pages and
profiles show -- and never score the answers again; stored scores equal a fresh scoring of the
same answers, and so do the findings tables built from them. On the demo (156 synthetic
organisations)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from django.test import Client

from solidata.core.findings.crosstabs import Findings, Query
from solidata.core.findings.dataset import SurveyData, survey_data
from solidata.core.findings.guard import Guard
from solidata.core.findings.tables import table_records
from solidata.web.demo_data import DEMO_SURVEY
from solidata.web.findings.selectors import survey_dataset
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, SubmissionScore, Survey
from solidata.web.surveys.selectors import answers_frame, method_of

pytestmark = pytest.mark.django_db

FRAMES = ("dimensions", "coverage", "indicators", "levels", "definitions", "clauses")


def scored_again(survey: Survey, data: SurveyData) -> SurveyData:
    """``data`` with its submissions' stored answers scored again, as the findings once did."""
    method = method_of(survey.method)
    ids = [str(i) for i in data.ids]
    stored = dict(
        Submission.objects.filter(survey=survey, instance_id__in=ids).values_list(
            "instance_id", "answers"
        )
    )
    answers = answers_frame(method, [(i, stored[i]) for i in ids])
    return survey_data(method, answers, data.groups.reset_index(), labels=data.labels)


def tables(data: SurveyData) -> list[dict[str, Any]]:
    """Every kind of findings table, for readers who see small groups and for those who do not."""
    out = []
    for guard in (None, Guard(data.groups, variables=("entity_type", "admin_area"), min_count=5)):
        findings = Findings(data, guard=guard)
        query = Query(rows="entity_type", columns="admin_area")
        made = [findings.counts(query), findings.overview(Query(rows="entity_type"), ["P1"])]
        made += [findings.scores(m, query) for m in (*data.dimensions(), *data.indicators()[:5])]
        made += [
            findings.results(data.table.definitions[d.id], Query(rows="admin_area"), title=d.id)
            for d in data.method.definitions
        ]
        out += [table_records(t) for t in made]
    return out


def test_the_findings_scores_are_the_stored_ones_and_equal_a_fresh_scoring(people) -> None:  # type: ignore[no-untyped-def]
    survey = Survey.objects.get(slug=DEMO_SURVEY)
    stored = survey_dataset(survey).data
    again = scored_again(survey, stored)
    assert stored.size == 156
    pd.testing.assert_index_equal(stored.ids, again.ids)
    for name in (*FRAMES, "recommendations"):
        pd.testing.assert_frame_equal(getattr(stored.table, name), getattr(again.table, name))
    assert tables(stored) == tables(again)


def test_the_findings_show_the_stored_score_not_one_computed_again(people) -> None:  # type: ignore[no-untyped-def]
    survey = Survey.objects.get(slug=DEMO_SURVEY)
    first = survey_dataset(survey).data
    changed = SubmissionScore.objects.filter(method=survey.method).order_by("submission_id")[0]
    record = changed.record
    record["dimensions"][0][0] = 1.5  # a score no answers give
    changed.record = record
    changed.save()
    dimension = first.dimensions()[0]
    row = first.ids.get_loc(changed.submission.instance_id)
    assert first.score(dimension)[row] != 1.5
    assert survey_dataset(survey).data.score(dimension)[row] == 1.5


def test_an_approved_submission_without_a_stored_score_is_left_out_and_said_so(  # type: ignore[no-untyped-def]
    people, researcher: Client
) -> None:
    survey = Survey.objects.get(slug=DEMO_SURVEY)
    assert survey_dataset(survey).unscored == 0
    lost = SubmissionScore.objects.filter(method=survey.method).order_by("submission_id")[0]
    lost.delete()
    dataset = survey_dataset(survey)
    assert (dataset.data.size, dataset.unscored) == (155, 1)
    assert lost.submission.instance_id not in set(dataset.data.ids)
    page = researcher.get(f"/findings/{survey.slug}/").content.decode()
    assert "1 approved submission has no score under the survey" in page


def test_new_scores_keep_the_guard_and_weights_and_a_new_classification_gets_its_own(
    people,
) -> None:  # type: ignore[no-untyped-def]
    survey = Survey.objects.get(slug=DEMO_SURVEY)
    first = survey_dataset(survey)
    first.guard.classes()  # decisions worked out once
    changed = SubmissionScore.objects.filter(method=survey.method).order_by("submission_id")[0]
    record = changed.record
    record["dimensions"][0][0] = 1.5
    changed.record = record
    changed.save()
    rescored = survey_dataset(survey)
    assert rescored is not first and rescored.guard is first.guard
    assert first.weighting is not None and rescored.weighting is first.weighting
    moved = Organisation.objects.get(pk=changed.submission.organisation_id)
    area = moved.admin_area_id
    moved.admin_area_id = next(a for a in first.data.groups["admin_area"].astype(str) if a != area)
    moved.save()
    regrouped = survey_dataset(survey)
    assert regrouped.guard is not first.guard and regrouped.weighting is not first.weighting
    assert not regrouped.guard.groups.equals(first.guard.groups)


def test_a_new_submission_waiting_for_review_is_counted_as_pending_at_once(people) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    survey = Survey.objects.get(slug=DEMO_SURVEY)
    before = survey_dataset(survey)  # kept in memory from here
    Submission.objects.create(
        survey=survey,
        instance_id="uuid:waiting",
        answers={},
        source=Submission.Source.WEB,
        submitted_at=timezone.now(),
    )
    after = survey_dataset(survey)
    assert after.pending == before.pending + 1
    assert after.data.size == before.data.size  # not counted in the findings
