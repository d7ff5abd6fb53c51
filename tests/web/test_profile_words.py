"""Public organisation profiles explain each definition's clauses in words, in the page's
language, never as rule code, and without the answers behind them."""

from __future__ import annotations

import pytest
from django.test import Client

from solidata.web.registry.models import Organisation

pytestmark = pytest.mark.django_db


def in_language(language: str) -> Client:
    client = Client()
    client.cookies["django_language"] = language
    return client


@pytest.mark.parametrize("language", ["en", "mn"])
def test_no_public_profile_shows_rule_code(demo_db: object, language: str) -> None:
    client = in_language(language)
    shown = Organisation.objects.filter(consent_public=True, consent_results_public=True)
    assert shown.count() > 50
    clauses = 0
    for org in shown:
        html = client.get(f"/organisations/{org.pk}/").content.decode()
        assert "score(" not in html and "${" not in html, org.pk
        clauses += html.count('<li class="clause-')
    assert clauses > shown.count()  # the clauses are there, in words


def test_a_profile_clause_reads_as_a_sentence_in_english_and_mongolian(demo_db: object) -> None:
    org = Organisation.objects.filter(consent_public=True, consent_results_public=True).first()
    assert org is not None
    english = in_language("en").get(f"/organisations/{org.pk}/").content.decode()
    assert "The score for “Democratic and/or participatory governance” is at least 50" in english
    assert "(yours:" not in english  # the rule, not the organisation's answers
    mongolian = in_language("mn").get(f"/organisations/{org.pk}/").content.decode()
    assert "«Ардчилсан болон/эсвэл оролцооны засаглал» хэсгийн оноо нь дор хаяж 50" in mongolian
