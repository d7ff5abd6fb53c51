"""The public directory lists consenting organisations with their published scores."""

from __future__ import annotations

import pytest
from django.test import Client

from solidata.web.registry.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_directory_lists_only_organisations_that_consent(client: Client, demo_db) -> None:
    hidden = Organisation.objects.filter(consent_public=False).first()
    shown = Organisation.objects.filter(consent_public=True).count()
    html = client.get("/organisations/?page=1").content.decode()
    assert f"{shown} organisations" in html
    assert hidden is None or client.get(f"/organisations/{hidden.pk}/").status_code == 404


def test_an_organisation_page_shows_its_profile_definitions_and_recommendations(
    client: Client, demo_db
) -> None:
    org = Organisation.objects.filter(consent_results_public=True).first()
    assert org is not None
    html = client.get(f"/organisations/{org.pk}/").content.decode()
    assert "Self-assessment profile" in html
    assert "Voluntary cooperation and mutual aid" in html
    assert "ILO 2022" in html and ("meets" in html or "does not meet" in html)
    assert "Synthetic demonstration data" in html


def test_the_directory_filters_by_entity_type_and_shows_scores(client: Client, demo_db) -> None:
    html = client.get("/organisations/?type=foundation").content.decode()
    n = Organisation.objects.filter(consent_public=True, entity_type="foundation").count()
    assert f"{n} organisation" in html
    assert "<abbr title=" in html  # score columns
