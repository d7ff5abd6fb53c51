"""Reads from the registry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from solidata.web.registry.models import EntityType, Organisation


@dataclass(frozen=True)
class RegistryCounts:
    organisations: int
    synthetic: int
    areas: int
    by_type: list[tuple[EntityType, int]]


def organisations_public() -> QuerySet[Organisation]:
    return Organisation.objects.filter(consent_public=True).select_related(
        "legal_form", "entity_type", "admin_area", "sector"
    )


def registry_counts() -> RegistryCounts:
    per_type = dict(
        Organisation.objects.values_list("entity_type")
        .annotate(n=Count("id"))
        .values_list("entity_type", "n")
    )
    return RegistryCounts(
        organisations=Organisation.objects.count(),
        synthetic=Organisation.objects.filter(is_synthetic=True).count(),
        areas=Organisation.objects.exclude(admin_area=None).values("admin_area").distinct().count(),
        by_type=[(t, per_type.get(t.code, 0)) for t in EntityType.objects.all()],
    )
