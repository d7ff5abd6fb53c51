"""Signing in: pages for signed-in users only send visitors to the sign-in page (LOGIN_URL) with the
page to come back to, and after signing in a researcher lands on the findings."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from solidata.web.accounts.models import Membership, Role

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
SIGN_IN = "/sign-in/"

# The pages that checked "signed in?" by hand before login_required: (method, url name, kwargs).
# Objects that do not exist show that the sign-in check comes before anything is looked up.
SIGNED_IN_ONLY = [
    ("GET", "findings:index", {}),
    ("GET", "findings:overview", {"slug": "no-such-survey"}),
    ("GET", "findings:workbench", {"slug": "no-such-survey"}),
    ("POST", "findings:workbench_save", {"slug": "no-such-survey"}),
    ("GET", "findings:entity_report", {"pk": 999999}),
    ("GET", "imports:upload", {}),
    ("POST", "imports:confirm", {"token": "nothing-pending"}),
    ("GET", "imports:run", {"pk": 999999}),
    ("GET", "imports:run_problems", {"pk": 999999}),
    ("GET", "casestudies:create", {}),
    ("GET", "casestudies:edit", {"pk": 999999}),
    ("POST", "casestudies:quote_add", {"pk": 999999}),
    ("GET", "committee:glossary", {}),
    ("POST", "committee:term_propose", {}),
    ("POST", "committee:term_decide", {"pk": 999999}),
    ("POST", "committee:term_comment", {"pk": 999999}),
]


def _member(username: str, role: Role) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    Membership.objects.create(user=user, role=role)
    return user


def _sign_in(client: Client, username: str, next_url: str | None = None) -> str:
    data = {"username": username, "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    response = client.post(reverse("assessments:sign_in"), data)
    assert response.status_code == 302, response.content[:500]
    return str(response["Location"])


@pytest.mark.parametrize(("method", "name", "kwargs"), SIGNED_IN_ONLY, ids=lambda v: str(v))
def test_a_visitor_is_sent_to_the_sign_in_page_and_back(
    method: str, name: str, kwargs: dict[str, object]
) -> None:
    url = reverse(name, kwargs=kwargs or None)
    client = Client()
    response = client.get(url) if method == "GET" else client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?next={quote(url)}"


def test_the_sign_in_page_is_the_login_url_of_the_settings(settings) -> None:  # type: ignore[no-untyped-def]
    from django.shortcuts import resolve_url

    assert resolve_url(settings.LOGIN_URL) == SIGN_IN


def test_a_researcher_without_a_next_page_lands_on_the_findings() -> None:
    _member("researcher", Role.RESEARCHER)
    assert _sign_in(Client(), "researcher") == reverse("findings:index")


def test_a_researcher_already_signed_in_is_sent_on_to_the_findings() -> None:
    client = Client()
    client.force_login(_member("researcher", Role.RESEARCHER))
    response = client.get(reverse("assessments:sign_in"))
    assert response.status_code == 302
    assert response["Location"] == reverse("findings:index")


@pytest.mark.parametrize("role", [Role.ENTITY, Role.ENUMERATOR, Role.COMMITTEE])
def test_other_roles_keep_landing_on_the_self_assessment(role: Role) -> None:
    _member("someone", role)
    assert _sign_in(Client(), "someone") == reverse("assessments:start")


def test_a_researcher_with_a_next_page_goes_there() -> None:
    _member("researcher", Role.RESEARCHER)
    wanted = reverse("imports:upload") + "?survey=3"
    assert _sign_in(Client(), "researcher", next_url=wanted) == wanted


@pytest.mark.parametrize(
    "outside", ["https://evil.example/findings/", "//evil.example/", "javascript:alert(1)"]
)
def test_a_next_page_on_another_site_is_refused(outside: str) -> None:
    _member("researcher", Role.RESEARCHER)
    assert _sign_in(Client(), "researcher", next_url=outside) == reverse("findings:index")


def test_the_way_back_after_signing_in_is_the_page_that_asked() -> None:
    _member("researcher", Role.RESEARCHER)
    client = Client()
    asked = reverse("committee:glossary")
    login = client.get(asked)["Location"]
    page = client.get(login)
    assert page.status_code == 200
    assert f'name="next" value="{asked}"' in page.content.decode()
    assert _sign_in(client, "researcher", next_url=asked) == asked
