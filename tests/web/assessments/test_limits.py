"""Free text has limits, NUL characters are refused, anonymous drafts are capped and expire.

Refused input changes nothing. On PostgreSQL (CI runs the suite there too) a NUL character would
make the database itself fail; here it is refused before, on both databases alike.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from personas import personas
from solidata.web.assessments import limits
from solidata.web.assessments.models import Draft
from solidata.web.registry.models import Organisation
from web.assessments.test_results_and_review import sent, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    cache.clear()


def start(client: Client, survey: object) -> Draft:
    response = client.post("/assess/", {"survey": survey.pk})  # type: ignore[attr-defined]
    assert response.status_code == 303, response.content[:300]
    return Draft.objects.get(token=response["Location"].split("/")[2])


def unchanged(draft: Draft) -> bool:
    before = (draft.answers, draft.revision)
    draft.refresh_from_db()
    return (draft.answers, draft.revision) == before


def test_a_name_of_5000_characters_is_refused_and_nothing_on_the_page_is_stored(
    client: Client, open_survey: object
) -> None:
    draft = start(client, open_survey)
    response = client.post(
        f"/assess/{draft.token}/step/2/",
        {"org_name": "Х" * 5000, "legal_form": "other", "action": "next"},
    )
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()
    assert unchanged(draft)


def test_an_answer_over_the_limit_is_refused_by_autosave_in_json(
    client: Client, open_survey: object
) -> None:
    draft = start(client, open_survey)
    response = client.post(
        f"/assess/{draft.token}/step/2/save/",
        {"legal_form": "other", "legal_form_other": "x" * (limits.ANSWER_CHARS + 1)},
    )
    assert response.status_code == 400
    assert response.json()["codes"] == {"legal_form_other": "too_long"}
    assert "at most 10,000 characters" in response.json()["problems"]["legal_form_other"]
    assert unchanged(draft)
    fits = client.post(
        f"/assess/{draft.token}/step/2/save/",
        {"legal_form": "other", "legal_form_other": "x" * limits.ANSWER_CHARS},
    )
    assert fits.status_code == 200


def test_a_request_body_of_several_megabytes_is_refused(
    client: Client, open_survey: object
) -> None:
    draft = start(client, open_survey)
    response = client.post(
        f"/assess/{draft.token}/step/2/save/", {"legal_form_other": "x" * 3_000_000}
    )
    assert response.status_code == 400
    assert unchanged(draft)


def test_a_nul_character_in_an_answer_is_refused_cleanly(
    client: Client, open_survey: object
) -> None:
    draft = start(client, open_survey)
    page = client.post(
        f"/assess/{draft.token}/step/2/", {"org_name": "Хоршоо\x00", "action": "next"}
    )
    assert page.status_code == 400 and "NUL" in page.content.decode()
    save = client.post(f"/assess/{draft.token}/step/2/save/", {"org_name": "a\x00b"})
    assert save.status_code == 400 and save.json()["codes"] == {"org_name": "nul"}
    assert unchanged(draft)


def test_the_review_note_refuses_nul_and_overlong_text_in_the_api_and_the_form(
    demo_survey: object,
) -> None:
    own = Organisation.objects.filter(admin_area="MN-073").order_by("pk").first()
    p = personas(own=own)
    pk = sent(p.entity, demo_survey, own).submission.pk  # type: ignore[union-attr]
    client = signed_in(p.researcher)
    for note, code in (("fix\x00this", "nul"), ("x" * (limits.NOTE_CHARS + 1), "too_long")):
        api = client.post(
            f"/api/submissions/{pk}/review/",
            {"status": "on_hold", "note": note},
            content_type="application/json",
        )
        assert api.status_code == 400 and api.json()["code"] == code
        form = client.post(f"/review/{pk}/", {"status": "on_hold", "note": note})
        assert form.status_code == 400
    assert client.get(f"/api/submissions/{pk}/").json()["review"]["status"] == "pending"


def test_anonymous_drafts_are_capped_per_session_and_per_address(
    open_survey: object, settings: object
) -> None:
    settings.SOLIDATA_ANONYMOUS_DRAFTS = 3  # type: ignore[attr-defined]
    browser = Client()
    for _ in range(3):
        start(browser, open_survey)
    refused = browser.post("/assess/", {"survey": open_survey.pk})  # type: ignore[attr-defined]
    assert refused.status_code == 400 and "Too many assessments" in refused.content.decode()
    fresh_session = Client()  # cookies cleared: the address still counts
    assert fresh_session.post("/assess/", {"survey": open_survey.pk}).status_code == 400  # type: ignore[attr-defined]
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    start(elsewhere, open_survey)
    member = Client()
    member.force_login(User.objects.create_user("enumerator-x", password="a-long-password-1"))
    start(member, open_survey)  # people with an account are not capped
    assert Draft.objects.count() == 5


def test_prune_deletes_abandoned_anonymous_drafts_only(open_survey: object) -> None:
    old = timezone.now() - datetime.timedelta(days=91)
    abandoned = Draft.objects.create(survey=open_survey)  # type: ignore[misc]
    recent = Draft.objects.create(survey=open_survey)  # type: ignore[misc]
    user = User.objects.create_user("someone", password="a-long-password-1")
    owned = Draft.objects.create(survey=open_survey, user=user)  # type: ignore[misc]
    Draft.objects.filter(pk__in=[abandoned.pk, owned.pk]).update(updated_at=old)
    call_command("prune", stdout=io.StringIO())
    assert set(Draft.objects.values_list("pk", flat=True)) == {recent.pk, owned.pk}
