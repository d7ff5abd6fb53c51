"""The directory searches organisation names in any case, Mongolian Cyrillic included (SQLite's
LIKE and lower() fold ASCII only), and keeps the other filters."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from solidata.web.registry.models import Organisation

pytestmark = pytest.mark.django_db


def listed(client: Client, query: str) -> set[str]:
    html = client.get("/organisations/", {"q": query}).content.decode()
    return set(re.findall(r'<th scope="row"><a href="/organisations/\d+/">([^<]+)</a>', html))


@pytest.fixture
def named(demo_db: object) -> Organisation:
    """A listed organisation with a Cyrillic name holding Ө, as the demo has many."""
    org = Organisation.objects.filter(consent_public=True, name__contains="өл").first()
    assert org is not None
    return org


def test_a_name_is_found_whatever_the_case_of_its_cyrillic_letters(
    client: Client, named: Organisation
) -> None:
    word = named.name.split()[-1]  # for example "нөхөрлөл"
    for query in (word, word.upper(), word.capitalize(), f"  {word.upper()}  "):
        found = listed(client, query)
        assert named.name in found, query
        assert all(word in name.lower() for name in found), query
    assert listed(client, named.name.upper()) == {named.name}


def test_the_search_keeps_the_entity_type_filter_and_the_pager_keeps_the_search(
    client: Client, named: Organisation
) -> None:
    word = named.name.split()[-1].upper()
    other = "foundation" if named.entity_type_id != "foundation" else "cooperative"
    both = client.get("/organisations/", {"q": word, "type": named.entity_type_id})
    assert named.name in both.content.decode()
    assert (
        named.name not in client.get("/organisations/", {"q": word, "type": other}).content.decode()
    )
    everyone = client.get("/organisations/", {"q": "", "page": 2}).content.decode()
    assert "?q=&amp;type=&amp;area=&amp;page=1" in everyone
    matches = Organisation.objects.filter(consent_public=True).count()
    assert f"{matches} organisations" in everyone


def test_a_search_that_matches_nothing_says_so(client: Client, demo_db: object) -> None:
    html = client.get("/organisations/", {"q": "Жжжжж"}).content.decode()
    assert "No organisation matches these filters." in html
