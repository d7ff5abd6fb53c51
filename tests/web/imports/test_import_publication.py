"""An imported row matched to an organisation by name is not that organisation's result until a
reviewer approves it: not on the public directory and profile, not in the API, not to the
organisation's own representative (the match may be wrong)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client

import export_writers as ex
from personas import personas
from solidata.core.demo import DEMO_SEED, synthetic_organisations
from solidata.core.demo_answers import synthetic_answers
from solidata.web.assessments import services as assessments
from solidata.web.imports.services import file_import
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, SubmissionScore, Survey
from solidata.web.surveys.selectors import method_of, reference_method
from web.assessments.filling import complete_answers

pytestmark = pytest.mark.django_db


def imported_over_a_published_result(folder: Path) -> tuple[Submission, Submission]:
    """Import a later round (2025) of the first 40 demo organisations (other SYNTHETIC answers,
    no review status), matched by name; return one pending row of a published organisation whose
    scores differ from its approved result, and that approved one."""
    method, _subs = ex.synthetic_submissions(1)
    orgs = synthetic_organisations()[:40]
    answers = synthetic_answers(orgs, seed=DEMO_SEED + 1)
    later = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)
    subs = ex.submissions_from_answers(
        method, answers, submitted_at=[later + dt.timedelta(hours=i) for i in range(40)]
    )
    ex.write_variant(ex.VARIANTS[0], subs, method, folder, form_id=method.id)
    survey = Survey.objects.create(
        slug="mn-import",
        title="Import",
        country_id="MN",
        method=Survey.objects.get(slug="mn-demo").method,
    )
    file_import(survey=survey, path=folder / ex.VARIANTS[0].name)
    for row in Submission.objects.filter(
        survey=survey,
        review_status=Submission.Review.PENDING,
        organisation__consent_public=True,
        organisation__consent_results_public=True,
    ).order_by("pk"):
        approved = Submission.objects.filter(
            organisation=row.organisation, review_status=Submission.Review.APPROVED
        ).first()
        if approved is not None and scores_of(approved) != scores_of(row):
            return row, approved
    raise AssertionError("no imported row differs from a published result")


def survey_open() -> Survey:
    return Survey.objects.get(slug=assessments.OPEN_DEMO_SURVEY)


def scores_of(submission: Submission) -> dict[str, float | None]:
    return SubmissionScore.objects.get(submission=submission).dimension_scores  # type: ignore[no-any-return]


def shown_scores(client: Client, org: Organisation) -> list[float | None] | None:
    """The scores the public directory shows in the organisation's row."""
    page = client.get(f"/organisations/?type={org.entity_type_id}&area={org.admin_area_id}")
    rows = {o.pk: scores for o, scores in page.context["rows"]}
    return rows[org.pk]


def test_an_imported_row_matched_by_name_is_published_only_once_approved(
    demo_db: object, tmp_path: Path
) -> None:
    imported, approved = imported_over_a_published_result(tmp_path)
    org = imported.organisation
    assert org is not None
    p = personas(own=org)
    public = Client()
    entity = Client()
    entity.force_login(p.entity)
    old, new = scores_of(approved), scores_of(imported)
    columns = [d.id for d in reference_method().dimensions if d.kind in ("purpose", "principle")]

    for client in (public, entity):
        body = client.get(f"/api/organisations/{org.pk}/result/").json()
        assert body["submitted_at"] == approved.submitted_at.isoformat()
        profile = client.get(f"/organisations/{org.pk}/")
        assert profile.context["score"].submission_id == approved.pk
    assert shown_scores(public, org) == [old.get(d) for d in columns]
    assert entity.get(f"/api/submissions/{imported.pk}/").status_code == 403
    assert entity.get(f"/api/submissions/{approved.pk}/").status_code == 200
    own = assessments.draft_start(user=p.entity, survey=survey_open(), organisation=org)
    own.answers = complete_answers(method_of(own.survey.method))
    own.save()
    assessments.draft_submit(user=p.entity, draft=own, key="own-assessment")
    page = entity.get(f"/assess/{own.token}/result/")
    assert page.context["earlier"].submission_id == approved.pk  # the change since the approved one

    assessments.submission_review(
        user=p.researcher, submission=imported, status="approved", note=""
    )
    body = public.get(f"/api/organisations/{org.pk}/result/").json()
    assert body["submitted_at"] == imported.submitted_at.isoformat()
    assert public.get(f"/organisations/{org.pk}/").context["score"].submission_id == imported.pk
    assert shown_scores(public, org) == [new.get(d) for d in columns]
    assert entity.get(f"/api/submissions/{imported.pk}/").status_code == 200
