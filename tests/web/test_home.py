"""The home page explains the SSE in English and Mongolian and counts the current data."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яӨөҮүЁё]")


def test_it_answers_in_english_by_default(client: Client, demo_db) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Four principles" in html and "Six values" in html
    assert "156 organisations in" in html


def test_it_answers_in_mongolian_cyrillic_for_accept_language_mn(client: Client, demo_db) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert '<html lang="mn">' in html
    assert "Дөрвөн зарчим" in html and "Зургаан үнэт зүйл" in html
    assert "Four principles" not in html
    assert "Өөртөө туслах бүлэг" in html  # an entity type name from the reference data, with Ө


def test_the_language_switch_remembers_the_choice(client: Client, demo_db) -> None:
    response = client.post("/i18n/setlang/", {"language": "mn", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "mn"
    html = client.get("/").content.decode()  # no Accept-Language: the cookie decides
    assert "Дөрвөн зарчим" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Four principles" in client.get("/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()


def test_every_page_with_synthetic_data_carries_the_notice(client: Client, demo_db) -> None:
    assert "Synthetic demonstration data." in client.get("/").content.decode()
    mn = client.get("/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Зохиомол, үзүүлэнгийн өгөгдөл." in mn


def test_without_synthetic_data_there_is_no_notice_and_no_counts(client: Client) -> None:
    html = client.get("/").content.decode()
    assert "Synthetic demonstration data." not in html
    assert "No organisations have been registered yet." in html


def test_the_mongolian_page_is_mostly_cyrillic(client: Client, demo_db) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    text = re.sub(r"<[^>]+>", " ", html)
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum(bool(CYRILLIC.match(c)) for c in letters)
    assert cyrillic / len(letters) > 0.8


def test_the_principles_on_the_home_page_come_from_the_method_glossary(client: Client) -> None:
    from solidata.web.surveys.selectors import reference_method

    terms = {g.id: g.terms for g in reference_method().glossary}
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert f"<li>{terms['p1']['mn']}</li>" in html and f"<li>{terms['v6']['mn']}</li>" in html


def test_the_glossary_marks_working_translations(client: Client) -> None:
    html = client.get("/glossary/").content.decode()
    assert "Social and solidarity economy (SSE)" in html
    assert "Нийгмийн болон эв санааны эдийн засаг" in html
    assert html.count("working translation</span>") >= 10
