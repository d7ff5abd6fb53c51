"""Fixtures of the findings tests: the demo database with its personas, and signed-in clients."""

from __future__ import annotations

import pytest
from django.test import Client

from personas import Personas, personas


@pytest.fixture
def people(demo_db) -> Personas:  # type: ignore[no-untyped-def]
    """The demo (156 synthetic organisations, scored, with the synthetic sampling frame) and one
    user per role."""
    return personas()


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def researcher(people: Personas) -> Client:
    return signed_in(people.researcher)


@pytest.fixture
def committee(people: Personas) -> Client:
    return signed_in(people.committee)
