"""Filling in the self-assessment without JavaScript: steps, checks, drafts, resume, submit once."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from solidata.web.assessments.models import Draft
from solidata.web.surveys.models import Submission, SubmissionScore
from web.assessments.filling import fill_all_steps

pytestmark = pytest.mark.django_db


def start(client: Client, **data: object) -> Draft:
    survey = data.pop("survey")
    response = client.post("/assess/", {"survey": survey.pk, **data})  # type: ignore[attr-defined]
    assert response.status_code == 303, response.content[:500]
    token = response["Location"].split("/")[2]
    return Draft.objects.get(token=token)


def test_an_anonymous_visitor_starts_and_gets_a_private_link(client: Client, open_survey) -> None:
    page = client.get("/assess/")
    assert page.status_code == 200
    assert "Start the assessment" in page.content.decode()
    draft = start(client, survey=open_survey)
    assert draft.user is None and draft.organisation is None and len(draft.token) >= 24
    html = client.get(f"/assess/{draft.token}/step/1/").content.decode()
    assert f"/assess/{draft.token}/" in html  # the private link is on the page
    assert "Step 1 of 14" in html  # the paid-workers step is skipped until someone is paid
    assert '<progress max="14" value="1"' in html
    # the browser session remembers the link on the start page
    assert draft.token in client.get("/assess/").content.decode()


def test_a_step_is_saved_even_with_problems_which_are_shown(client: Client, open_survey) -> None:
    draft = start(client, survey=open_survey)
    response = client.post(
        f"/assess/{draft.token}/step/1/", {"report_year": "1999", "respondent_role": "chair"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Please check these answers" in html and "Enter a year such as 2026." in html
    assert 'aria-invalid="true"' in html
    draft.refresh_from_db()
    assert draft.answers == {"report_year": "1999", "respondent_role": "chair"}
    assert draft.step == 1


def test_a_question_that_appears_keeps_the_person_on_the_step(client: Client, open_survey) -> None:
    draft = start(client, survey=open_survey)
    client.post(f"/assess/{draft.token}/step/1/", {"report_year": "2025"})
    profile = {
        "org_name": "Test",
        "legal_form": "other",
        "aimag": "MN-073",
        "sector": "A",
        "year_founded": "2010",
        "members_women": "3",
        "members_men": "4",
        "workers_paid": "0",
        "income_band": "none",
    }
    response = client.post(f"/assess/{draft.token}/step/2/", profile)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your answers opened more questions on this page" in html
    assert re.search(r'id="q-legal_form_other" data-name="legal_form_other">', html)
    # the second time, the person has seen it: on to the next step
    response = client.post(f"/assess/{draft.token}/step/2/", profile)
    assert response.status_code == 303 and response["Location"].endswith("/step/3/")


def test_switching_language_mid_form_keeps_the_answers(client: Client, open_survey) -> None:
    draft = start(client, survey=open_survey)
    response = client.post(
        f"/assess/{draft.token}/step/1/", {"report_year": "2024", "language": "mn"}
    )
    assert response.status_code == 303 and response["Location"].endswith("/step/1/")
    assert response.cookies["django_language"].value == "mn"
    html = client.get(response["Location"]).content.decode()
    assert "Энэ асуулгын тухай" in html  # the group's label::Mongolian (mn)
    assert 'value="2024"' in html
    assert 'lang="en"' in html  # the switch back to English


def test_a_dropped_connection_between_steps_loses_no_answer(client: Client, open_survey) -> None:
    """Step 1 is posted; the request for step 2 never reaches the server; the link resumes."""
    draft = start(client, survey=open_survey)
    client.post(
        f"/assess/{draft.token}/step/1/", {"report_year": "2025", "respondent_role": "board"}
    )
    # ... the phone loses its connection while sending step 2: nothing arrives ...
    other_phone = Client()
    response = other_phone.get(f"/assess/{draft.token}/")
    assert response.status_code == 302 and response["Location"].endswith("/step/2/")
    back = other_phone.get(f"/assess/{draft.token}/step/1/").content.decode()
    assert 'value="2025"' in back
    assert re.search(r'value="board" checked', back)


def test_autosave_saves_and_answers_with_relevance_and_problems(
    client: Client, open_survey
) -> None:
    draft = start(client, survey=open_survey)
    response = client.post(
        f"/assess/{draft.token}/step/2/save/",
        {"legal_form": "other", "year_founded": "1800", "workers_paid": "2"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["relevant"]["legal_form_other"] is True
    assert body["relevant"]["income_sources"] is False  # income_band not answered yet
    assert "year_founded" in body["problems"] and "org_name" not in body["problems"]
    draft.refresh_from_db()
    assert draft.answers["legal_form"] == "other" and draft.revision == body["revision"]
    assert draft.step == 1  # only moving between steps moves the resume point


def test_submitting_twice_stores_one_submission(client: Client, open_survey, bundled) -> None:
    draft = start(client, survey=open_survey)
    fill_all_steps(client, bundled, draft.token)
    check = client.get(f"/assess/{draft.token}/check/")
    key = check.context["key"]
    first = client.post(f"/assess/{draft.token}/check/", {"idempotency_key": key})
    second = client.post(f"/assess/{draft.token}/check/", {"idempotency_key": key})
    third = client.post(f"/assess/{draft.token}/check/", {"idempotency_key": "another"})
    assert first.status_code == second.status_code == third.status_code == 303
    assert first["Location"] == second["Location"] == third["Location"]
    assert Submission.objects.count() == 1
    submission = Submission.objects.get()
    assert submission.source == "web" and submission.instance_id == draft.instance_id
    assert submission.review_status == "pending"
    assert SubmissionScore.objects.filter(submission=submission).count() == 1


def test_submitting_with_a_problem_left_opens_that_step(client: Client, open_survey) -> None:
    draft = start(client, survey=open_survey)
    client.post(f"/assess/{draft.token}/step/1/", {"report_year": "2025"})
    response = client.post(f"/assess/{draft.token}/check/", {"idempotency_key": "k1"})
    assert response.status_code == 303
    assert response["Location"].endswith("/step/2/?check=1&then=check")
    html = client.get(response["Location"]).content.decode()
    assert "Please answer this question." in html
    assert Submission.objects.count() == 0


def test_the_result_explains_profile_definitions_and_recommendations(
    client: Client, open_survey, bundled
) -> None:
    draft = start(client, survey=open_survey)
    fill_all_steps(client, bundled, draft.token)
    client.post(f"/assess/{draft.token}/check/", {"idempotency_key": "k"})
    response = client.get(f"/assess/{draft.token}/result/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your self-assessment result" in html
    assert "out of 100: level" in html  # plain words for every scored dimension
    assert html.count('class="dim kind-') == len(bundled.dimensions)
    assert "Definitions of an SSE entity" in html
    assert "the score for “" in html and "(yours: " in html  # clauses in words
    assert "Holds:" in html or "Fails:" in html
    assert "Recommendations" in html
    assert "Not enough peers yet" in html  # nobody else has been assessed here
    assert response["Cache-Control"].startswith("private") or "private" in response["Cache-Control"]
    # once sent, the form steps lead to the result
    assert client.get(f"/assess/{draft.token}/step/1/")["Location"].endswith("/result/")


def test_a_step_that_does_not_exist_is_not_found(client: Client, open_survey) -> None:
    draft = start(client, survey=open_survey)
    assert client.get(f"/assess/{draft.token}/step/99/").status_code == 404
    assert client.get("/assess/not-a-token/").status_code == 404
