"""Differencing attacks on the peer means, through the real HTTP API on the demo data.

The attacker is anonymous. They read the peer means of a published organisation's result
(``GET /api/organisations/<id>/result/``) before and after an organisation that publishes nothing
(no consent) sends its assessment, and again after a researcher approves it on its own. Were the
means live, ``n after x mean after - n before x mean before`` would be that organisation's score
in each dimension (recovered to about +-4 points with means rounded to 0.1).
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from personas import personas
from solidata.web.accounts.models import Membership, Role
from solidata.web.assessments import services as assessments
from solidata.web.assessments.models import Draft
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission, SubmissionScore
from solidata.web.surveys.selectors import method_of
from web.assessments.filling import complete_answers, fill_all_steps

pytestmark = pytest.mark.django_db

Published = dict[str, tuple[int, dict[str, float | None]]]


def read_peers(org: Organisation) -> Published:
    """What an anonymous visitor reads: each peer group's size and means."""
    body: dict[str, Any] = Client().get(f"/api/organisations/{org.pk}/result/").json()
    return {b["group"]: (b["n"], b["means"]) for b in body["benchmarks"]}


def recovered(before: Published, after: Published) -> dict[str, dict[str, float]]:
    """The attacker's guess of the newcomer's scores, from each group that grew by one."""
    out = {}
    for group, (n_after, means_after) in after.items():
        n_before, means_before = before.get(group, (0, {}))
        if n_after != n_before + 1:
            continue
        out[group] = {
            d: n_after * m - n_before * means_before[d]
            for d, m in means_after.items()
            if m is not None and means_before.get(d) is not None
        }
    return out


def recovery_errors(guess: dict[str, dict[str, float]], truth: dict[str, Any]) -> dict[str, float]:
    """Largest error of the attacker's guess in each group (none: nothing was recovered)."""
    return {
        group: max(abs(v - float(truth[d])) for d, v in dims.items() if truth.get(d) is not None)
        for group, dims in guess.items()
        if dims
    }


def public_target() -> Organisation:
    """A published organisation whose type and area groups both have at least 5 members."""
    for org in Organisation.objects.filter(
        consent_public=True, consent_results_public=True
    ).order_by("pk"):
        same_area = Organisation.objects.filter(admin_area=org.admin_area_id).count()
        same_type = Organisation.objects.filter(entity_type=org.entity_type_id).count()
        if same_area >= 6 and same_type >= 6:
            return org
    raise AssertionError("the demo data has no such organisation")


def hidden_like(org: Organisation, name: str) -> Organisation:
    """A new organisation in the same peer groups that publishes nothing."""
    return Organisation.objects.create(
        name=name,
        country_id="MN",
        legal_form_id=org.legal_form_id,
        entity_type_id=org.entity_type_id,
        admin_area_id=org.admin_area_id,
    )


def send_through_the_site(user, survey, org: Organisation) -> Submission:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    started = client.post("/assess/", {"survey": survey.pk, "organisation": org.pk})
    assert started.status_code == 303
    draft = Draft.objects.get(organisation=org)
    fill_all_steps(client, method_of(survey.method), draft.token)
    key = client.get(f"/assess/{draft.token}/check/").context["key"]
    assert client.post(f"/assess/{draft.token}/check/", {"idempotency_key": key}).status_code == 303
    draft.refresh_from_db()
    assert draft.submission is not None
    return draft.submission


def test_one_new_assessment_and_its_approval_reveal_nothing_by_differencing(
    demo_survey,
) -> None:
    target = public_target()
    hidden = hidden_like(target, "Nuuts khorshoo")
    p = personas(own=hidden)
    before = read_peers(target)
    assert {"entity_type", "admin_area", "country"} <= set(before)

    submission = send_through_the_site(p.entity, demo_survey, hidden)
    truth = SubmissionScore.objects.get(submission=submission).dimension_scores
    pending = read_peers(target)
    errors = recovery_errors(recovered(before, pending), truth)
    assert errors == {}, f"a pending assessment is recovered to within {errors} points"
    assert pending == before

    researcher = Client()
    researcher.force_login(p.researcher)
    approved = researcher.post(
        f"/api/submissions/{submission.pk}/review/",
        {"status": "approved", "note": ""},
        content_type="application/json",
    )
    assert approved.status_code == 200
    after = read_peers(target)
    errors = recovery_errors(recovered(before, after), truth)
    assert errors == {}, f"one approval is recovered to within {errors} points"
    assert after == before


def test_a_batch_of_five_approvals_publishes_new_whole_number_means(demo_survey) -> None:
    target = public_target()
    before = read_peers(target)
    sent = []
    for i in range(5):
        org = hidden_like(target, f"Shine khorshoo {i}")
        entity = User.objects.create_user(f"entity-{i}")
        Membership.objects.create(user=entity, role=Role.ENTITY).organisations.set([org])
        sent.append(send_through_the_site(entity, demo_survey, org))
    for submission in sent:
        assert read_peers(target) == before  # nothing moves until the fifth approval
        submission.review_status = Submission.Review.APPROVED
        submission.save(update_fields=["review_status"])
    after = read_peers(target)
    for group in ("entity_type", "admin_area", "country"):
        assert after[group][0] == before[group][0] + 5
        assert all(m is None or m == math.floor(m) for m in after[group][1].values())


def test_assessments_that_name_no_organisation_never_move_the_peer_means(demo_survey) -> None:
    """An anonymous attacker sends assessments of their own and reads the means from their own
    result page: whether approved or not, those never count among the peers."""
    target = public_target()
    p = personas(own=target)
    attacker = Client()
    before = read_peers(target)
    tokens = []
    for _ in range(5):
        started = attacker.post("/assess/", {"survey": demo_survey.pk})
        draft = Draft.objects.get(token=started["Location"].split("/")[2])
        draft.answers = {
            **complete_answers(method_of(demo_survey.method)),
            "legal_form": target.legal_form_id or "",
            "aimag": target.admin_area_id or "",
        }
        draft.save()
        attacker.post(f"/assess/{draft.token}/check/", {"idempotency_key": draft.token})
        draft.refresh_from_db()
        assert draft.submission is not None
        assessments.submission_review(
            user=p.researcher, submission=draft.submission, status="approved", note=""
        )
        tokens.append(draft.token)
    assert read_peers(target) == before
    page = attacker.get(f"/assess/{tokens[-1]}/result/")
    own_view = {c.group: (c.n, c.means) for c in page.context["view"].peers}
    assert own_view == before
