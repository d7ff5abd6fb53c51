"""The 404, 403 and 500 pages: styled like the site and in the visitor's language, with DEBUG off
(as in production); the 500 page needs neither the database nor the context processors."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from personas import personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]


def in_language(language: str) -> Client:
    client = Client()
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Page not found"), ("mn", "Хуудас олдсонгүй")],
)
def test_a_missing_page_answers_404_with_the_site_page_in_the_visitors_language(
    language: str, words: str
) -> None:
    response = in_language(language).get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert words in html
    assert 'class="site-header"' in html and "site.css" in html


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Access refused"), ("mn", "Хандах эрхгүй")],
)
def test_a_refused_page_answers_403_with_the_site_page_in_the_visitors_language(
    demo_db: object, language: str, words: str
) -> None:
    client = in_language(language)
    client.force_login(personas().entity)
    response = client.get("/imports/")
    assert response.status_code == 403
    assert words in response.content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Something went wrong"), ("mn", "Алдаа гарлаа")],
)
def test_the_500_page_is_translated_and_renders_without_the_database(
    django_assert_num_queries, language: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    from django.views.defaults import server_error

    request = RequestFactory().get("/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert words in html
    assert "site.css" in html
