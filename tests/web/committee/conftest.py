"""Fixtures of the committee tests: the demo (with its synthetic working definition) and the
personas."""

from __future__ import annotations

import pytest
from django.test import Client

from personas import Personas, personas
from solidata.web.committee.models import DefinitionVersion


@pytest.fixture
def people(demo_db) -> Personas:  # type: ignore[no-untyped-def]
    return personas()


@pytest.fixture
def draft(people: Personas) -> DefinitionVersion:
    """The demo's first draft: five clauses from ilo-2022-core."""
    return DefinitionVersion.objects.get(definition__is_synthetic=True, number=1)


def signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client
