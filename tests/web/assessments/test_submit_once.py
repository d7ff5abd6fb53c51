"""Sending an assessment is idempotent: a repeated or racing submit with the form's key returns the
first one's result, never a server error; a key another assessment used is refused cleanly."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from solidata.web.assessments.models import Draft
from solidata.web.surveys.models import Submission, SubmissionScore
from solidata.web.surveys.selectors import method_of
from web.assessments.filling import complete_answers


def filled(client: Client, survey) -> Draft:  # type: ignore[no-untyped-def]
    """An anonymous draft with every step answered, ready to send."""
    response = client.post("/assess/", {"survey": survey.pk})
    draft = Draft.objects.get(token=response["Location"].split("/")[2])
    draft.answers = complete_answers(method_of(survey.method))
    draft.save()
    return draft


@pytest.mark.django_db
def test_a_submit_that_lost_the_race_returns_the_submission_the_first_one_stored(
    open_survey,
) -> None:
    client = Client()
    draft = filled(client, open_survey)
    # What a racing request with the same key wrote first: the submission of this draft (its
    # instance id), committed before this request reached the unique constraint.
    first = Submission.objects.create(
        survey=open_survey,
        instance_id=draft.instance_id,
        answers=draft.answers,
        source=Submission.Source.WEB,
        submitted_at=timezone.now(),
    )
    response = client.post(f"/assess/{draft.token}/check/", {"idempotency_key": "k-1"})
    assert response.status_code == 303
    assert response["Location"] == f"/assess/{draft.token}/result/"
    draft.refresh_from_db()
    assert draft.submission == first and draft.status == Draft.Status.SUBMITTED
    assert Submission.objects.count() == 1
    assert SubmissionScore.objects.filter(submission=first).count() == 1
    again = client.post(f"/assess/{draft.token}/check/", {"idempotency_key": "k-1"})
    assert again.status_code == 303 and again["Location"] == response["Location"]
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_key_another_assessment_used_is_refused_and_changes_nothing(open_survey) -> None:
    client = Client()
    sent = filled(client, open_survey)
    assert (
        client.post(f"/assess/{sent.token}/check/", {"idempotency_key": "k-2"}).status_code == 303
    )
    other = filled(client, open_survey)
    response = client.post(f"/assess/{other.token}/check/", {"idempotency_key": "k-2"})
    assert response.status_code == 409
    assert "already used to send another assessment" in response.content.decode()
    other.refresh_from_db()
    assert other.status == Draft.Status.EDITING and other.submission is None
    assert Submission.objects.count() == 1
    fresh = response.context["key"]
    assert (
        client.post(f"/assess/{other.token}/check/", {"idempotency_key": fresh}).status_code == 303
    )
    assert Submission.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_store_one_submission(open_survey) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(
            "two connections writing at once need PostgreSQL (SQLite's test database is "
            "one in-memory connection)"
        )
    draft = filled(Client(), open_survey)
    barrier = threading.Barrier(4)
    answers: list[tuple[int, str]] = []

    def send() -> None:
        try:
            barrier.wait()
            response = Client().post(f"/assess/{draft.token}/check/", {"idempotency_key": "k-3"})
            answers.append((response.status_code, response["Location"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [(303, f"/assess/{draft.token}/result/")] * 4
    assert Submission.objects.filter(instance_id=draft.instance_id).count() == 1
