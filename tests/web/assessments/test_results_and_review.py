"""Results among peers and over time, the review loop (on hold, corrected, sent again) and the API,
on the synthetic demo data (156 scored Mongolian organisations)."""

from __future__ import annotations

import pytest
from django.test import Client

from personas import personas
from solidata.web.assessments import selectors, services
from solidata.web.assessments.models import Draft
from solidata.web.registry.models import Organisation
from solidata.web.surveys.models import Submission
from solidata.web.surveys.selectors import method_of
from web.assessments.filling import complete_answers

pytestmark = pytest.mark.django_db


def sent(user, survey, organisation=None, **changes: str) -> Draft:  # type: ignore[no-untyped-def]
    draft = services.draft_start(user=user, survey=survey, organisation=organisation)
    draft.answers = {**complete_answers(method_of(survey.method)), **changes}
    draft.save()
    services.draft_submit(user=user, draft=draft, key=draft.token)
    draft.refresh_from_db()
    return draft


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_an_entity_assesses_its_own_organisation_with_registry_facts_filled_in(
    demo_survey,
) -> None:
    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    p = personas(own=own)
    client = signed_in(p.entity)
    page = client.get("/assess/").content.decode()
    assert own.name in page  # type: ignore[union-attr]
    response = client.post("/assess/", {"survey": demo_survey.pk, "organisation": own.pk})  # type: ignore[union-attr]
    assert response.status_code == 303
    draft = Draft.objects.get(user=p.entity)
    assert draft.organisation == own
    assert draft.answers["org_name"] == own.name  # type: ignore[union-attr]
    assert draft.answers["aimag"] == "MN-073"
    foreign = Organisation.objects.exclude(pk=own.pk).first()  # type: ignore[union-attr]
    refused = client.post("/assess/", {"survey": demo_survey.pk, "organisation": foreign.pk})  # type: ignore[union-attr]
    assert refused.status_code == 400 and Draft.objects.count() == 1


def test_peers_are_compared_only_in_groups_of_at_least_five(demo_survey) -> None:
    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    p = personas(own=own)
    draft = sent(p.entity, demo_survey, own)
    submission = draft.submission
    benchmarks = selectors.benchmarks_for(submission, selectors.score_of(submission))  # type: ignore[arg-type]
    groups = {b.group: b.n for b in benchmarks}
    assert groups["country"] == 156
    peers = Organisation.objects.filter(country="MN")
    same_type = peers.filter(entity_type=own.entity_type_id).count()  # type: ignore[union-attr]
    same_area = peers.filter(admin_area="MN-073").count()
    assert ("entity_type" in groups) == (same_type >= 5)
    assert ("admin_area" in groups) == (same_area >= 5)
    html = signed_in(p.entity).get(f"/assess/{draft.token}/result/").content.decode()
    assert "Compared with peers" in html and "Whole country: Mongolia" in html
    assert "(156 organisations)" in html
    assert "national average" in html


def test_a_small_peer_group_is_left_out(demo_survey) -> None:
    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    p = personas(own=own)
    # Only four organisations of this type in the country: the group is not shown.
    kind = own.entity_type_id  # type: ignore[union-attr]
    keep = list(
        Organisation.objects.filter(entity_type=kind)
        .exclude(pk=own.pk)
        .values_list("pk", flat=True)  # type: ignore[union-attr]
    )[:3]
    Submission.objects.filter(organisation__entity_type=kind).exclude(
        organisation__pk__in=[*keep, own.pk]  # type: ignore[union-attr]
    ).update(review_status=Submission.Review.REJECTED)
    draft = sent(p.entity, demo_survey, own)
    found = selectors.score_of(draft.submission)  # type: ignore[arg-type]
    groups = {b.group: b.n for b in selectors.benchmarks_for(draft.submission, found)}  # type: ignore[arg-type]
    assert "entity_type" not in groups and groups["country"] >= 5


def test_the_result_shows_the_change_since_the_previous_assessment(demo_survey) -> None:
    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    p = personas(own=own)
    draft = sent(p.entity, demo_survey, own)
    html = signed_in(p.entity).get(f"/assess/{draft.token}/result/").content.decode()
    assert "Change since the previous assessment" in html
    assert "points" in html or "no change" in html
    # an anonymous assessment names no organisation: nothing to compare with
    anonymous = sent(p.anonymous, demo_survey)
    html = Client().get(f"/assess/{anonymous.token}/result/").content.decode()
    assert "Change since the previous assessment" not in html


def test_an_anonymous_result_is_compared_with_peers_from_its_answers(demo_survey) -> None:
    p = personas()
    draft = sent(p.anonymous, demo_survey, legal_form="mn_cooperative", aimag="MN-073")
    target = selectors.peer_target(draft.submission)  # type: ignore[arg-type]
    assert target.entity_type == "cooperative" and target.admin_area == "MN-073"


def test_a_note_on_hold_reaches_the_sender_who_corrects_and_sends_again(demo_survey) -> None:
    p = personas()
    anonymous_phone = Client()
    draft = sent(p.anonymous, demo_survey)
    submission = draft.submission
    researcher = signed_in(p.researcher)
    queue = researcher.get("/review/").content.decode()
    assert f"/review/{submission.pk}/" in queue  # type: ignore[union-attr]
    no_note = researcher.post(f"/review/{submission.pk}/", {"status": "on_hold", "note": " "})  # type: ignore[union-attr]
    assert no_note.status_code == 400  # a hold must say what to correct
    response = researcher.post(
        f"/review/{submission.pk}/",  # type: ignore[union-attr]
        {"status": "on_hold", "note": "Please check the number of members."},
    )
    assert response.status_code == 303
    result = anonymous_phone.get(f"/assess/{draft.token}/result/").content.decode()
    assert "Please check the number of members." in result
    assert anonymous_phone.post(f"/assess/{draft.token}/reopen/").status_code == 303
    anonymous_phone.post(
        f"/assess/{draft.token}/step/2/",
        {**{k: v for k, v in draft.answers.items()}, "members_men": "11", "action": "check"},
    )
    check = anonymous_phone.get(f"/assess/{draft.token}/check/")
    assert "Please check the number of members." in check.content.decode()
    anonymous_phone.post(f"/assess/{draft.token}/check/", {"idempotency_key": check.context["key"]})
    submission.refresh_from_db()  # type: ignore[union-attr]
    assert submission.review_status == "pending"  # type: ignore[union-attr]
    assert submission.answers["members_men"] == "11"  # type: ignore[union-attr]
    assert Submission.objects.filter(instance_id=draft.instance_id).count() == 1


def test_an_approved_assessment_cannot_be_reopened(demo_survey) -> None:
    p = personas()
    draft = sent(p.anonymous, demo_survey)
    services.submission_review(
        user=p.researcher, submission=draft.submission, status="approved", note=""
    )
    Client().post(f"/assess/{draft.token}/reopen/")
    draft.refresh_from_db()
    assert draft.status == Draft.Status.SUBMITTED


def test_a_signed_in_users_draft_does_not_open_for_others_with_the_link(demo_survey) -> None:
    p = personas()
    draft = services.draft_start(user=p.committee, survey=demo_survey)
    assert signed_in(p.committee).get(f"/assess/{draft.token}/step/1/").status_code == 200
    assert signed_in(p.entity).get(f"/assess/{draft.token}/step/1/").status_code == 403
    assert Client().get(f"/assess/{draft.token}/step/1/").status_code == 302  # to sign in


def test_the_api_gives_the_same_resources_with_the_same_rights(demo_survey) -> None:
    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    p = personas(own=own)
    draft = sent(p.entity, demo_survey, own)
    pk = draft.submission.pk  # type: ignore[union-attr]
    body = signed_in(p.entity).get(f"/api/submissions/{pk}/").json()
    assert body["organisation"]["id"] == own.pk  # type: ignore[union-attr]
    assert body["review"]["status"] == "pending" and "P2" in body["result"]["dimensions"]
    assert signed_in(p.committee).get(f"/api/submissions/{pk}/").json() == {"error": "forbidden"}
    # until a reviewer approves it, the organisation's result is its previous approved one
    result = signed_in(p.enumerator).get(f"/api/organisations/{own.pk}/result/").json()  # type: ignore[union-attr]
    assert result["result"]["instance_id"] != draft.instance_id
    assert {b["group"] for b in result["benchmarks"]} >= {"country"}
    review = signed_in(p.researcher).post(
        f"/api/submissions/{pk}/review/",
        {"status": "approved", "note": "ok"},
        content_type="application/json",
    )
    assert review.status_code == 200 and review.json()["review"]["status"] == "approved"
    result = signed_in(p.enumerator).get(f"/api/organisations/{own.pk}/result/").json()  # type: ignore[union-attr]
    assert result["result"]["instance_id"] == draft.instance_id
    token = Client().get(f"/api/assessments/{draft.token}/")
    assert token.status_code == 403  # started by a signed-in entity: the link alone is not enough
