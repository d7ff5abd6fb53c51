"""The registry migration that brings a site's Mongolian legal forms to method version 2026.2."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from solidata.web.registry.models import LegalForm, Organisation
from solidata.web.registry.services import reference_load

migration = importlib.import_module("solidata.web.registry.migrations.0002_legal_forms_2026_2")


def _as_before_2026_2() -> Organisation:
    """A site loaded before 2026.2: the union was an association; no ХХК or community нөхөрлөл."""
    reference_load()
    LegalForm.objects.filter(code__in=["mn_llc", "mn_community_partnership"]).delete()
    LegalForm.objects.filter(code="mn_coop_union").update(entity_type_id="association")
    return Organisation.objects.create(
        country_id="MN",
        name="Хангай хоршооны холбоо",
        legal_form_id="mn_coop_union",
        entity_type_id="association",
    )


@pytest.mark.django_db
def test_a_union_of_cooperatives_and_its_organisations_become_cooperatives() -> None:
    union = _as_before_2026_2()
    migration.forward(apps, None)
    assert LegalForm.objects.get(code="mn_coop_union").entity_type_id == "cooperative"
    union.refresh_from_db()
    assert union.entity_type_id == "cooperative"
    assert LegalForm.objects.get(code="mn_llc").entity_type_id == "social_enterprise"
    community = LegalForm.objects.get(code="mn_community_partnership")
    assert community.entity_type_id == "self_help_group"
    assert community.names["mn"] == "Нутгийн иргэдийн нөхөрлөл"


@pytest.mark.django_db
def test_the_migration_goes_back_and_leaves_an_empty_site_alone() -> None:
    migration.forward(apps, None)  # no reference data yet: nothing happens
    assert not LegalForm.objects.exists()
    union = _as_before_2026_2()
    migration.forward(apps, None)
    migration.backward(apps, None)
    union.refresh_from_db()
    assert union.entity_type_id == "association"
    assert not LegalForm.objects.filter(code__in=["mn_llc", "mn_community_partnership"]).exists()


@pytest.mark.django_db
def test_loading_the_reference_data_again_updates_rows_that_changed() -> None:
    reference_load()
    LegalForm.objects.filter(code="mn_ngo").update(note="an older note", names={"en": "NGO"})
    assert reference_load() == 0  # nothing new; the changed row is brought up to date
    ngo = LegalForm.objects.get(code="mn_ngo")
    assert "1997" in ngo.note and ngo.names["en"].startswith("Non-governmental")
