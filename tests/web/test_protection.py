"""Sign-in throttling, the Content-Security-Policy, and private pages kept out of caches and
search engines.

Persona: ``ana``, an administrator (staff) whose password someone is guessing.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from solidata.web.accounts import throttle
from solidata.web.assessments.models import Draft

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-1"


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def ana(db) -> User:  # type: ignore[no-untyped-def]
    return User.objects.create_superuser("ana", password=PASSWORD)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("page", ["/sign-in/", "/admin/login/"])
def test_fifty_wrong_passwords_lock_sign_in_even_with_the_right_one_until_the_lockout_ends(
    ana: User, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = Client()
    statuses = [
        client.post(page, {"username": "ana", "password": f"wrong-{i}"}).status_code
        for i in range(50)
    ]
    assert statuses[:5] == [200] * 5  # the form again, with its error
    assert statuses[5:] == [429] * 45
    refused = client.post(page, {"username": "ana", "password": PASSWORD})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Too many wrong passwords" in refused.content.decode()
    assert not signed_in(client)
    later = throttle.now() + 15 * 60 + 1
    monkeypatch.setattr(throttle, "now", lambda: later)
    accepted = client.post(page, {"username": "ana", "password": PASSWORD})
    assert accepted.status_code == 302 and signed_in(client)


def test_the_lockout_page_is_translated(ana: User) -> None:
    client = Client()
    for i in range(6):
        client.post("/sign-in/", {"username": "ana", "password": f"wrong-{i}"})
    client.cookies["django_language"] = "mn"
    refused = client.post("/sign-in/", {"username": "ana", "password": PASSWORD})
    assert refused.status_code == 429
    assert "Too many wrong passwords" not in refused.content.decode()


def test_one_address_trying_many_user_names_is_locked_too(ana: User) -> None:
    client = Client()
    statuses = [
        client.post("/sign-in/", {"username": f"user-{i}", "password": "wrong"}).status_code
        for i in range(25)
    ]
    assert statuses[:20] == [200] * 20 and statuses[20:] == [429] * 5
    other = Client(REMOTE_ADDR="10.0.0.7")
    assert other.post("/sign-in/", {"username": "ana", "password": PASSWORD}).status_code == 302


def test_a_correct_sign_in_clears_the_count_of_its_user_name(ana: User) -> None:
    client = Client()
    for round_ in range(3):
        for i in range(4):
            client.post("/sign-in/", {"username": "ana", "password": f"wrong-{round_}-{i}"})
        assert (
            client.post("/sign-in/", {"username": "ana", "password": PASSWORD}).status_code == 302
        )
        client.logout()


@pytest.mark.parametrize("path", ["/", "/sign-in/", "/admin/login/", "/organisations/", "/assess/"])
def test_every_page_carries_a_content_security_policy_without_inline_scripts(
    client: Client, path: str, open_survey: object
) -> None:
    response = client.get(path)
    assert response.status_code in (200, 302)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("style-src-attr")[0]
    assert "<script>" not in response.content.decode()


def test_assessment_pages_and_api_are_private_and_not_indexed(
    client: Client, open_survey: object
) -> None:
    draft = Draft.objects.create(survey=open_survey)  # type: ignore[misc]
    for path in (f"/assess/{draft.token}/step/1/", f"/api/assessments/{draft.token}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"].startswith("noindex")
    public = client.get("/")
    assert "private" not in public.get("Cache-Control", "") and "X-Robots-Tag" not in public
