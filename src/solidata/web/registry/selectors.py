"""Reads from the registry."""

from __future__ import annotations

import unicodedata
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


def search_key(text: str) -> str:
    """``text`` as the directory search compares it: Unicode case-folded (Cyrillic too, which
    SQLite's LIKE and lower() leave alone), compatibility-normalised, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def organisations_named(orgs: QuerySet[Organisation], query: str) -> list[int]:
    """The ids of ``orgs`` whose name contains ``query`` in any case, in name order.

    The match runs in Python over (id, name) pairs so that it is the same on SQLite and
    PostgreSQL whatever the database's collation; a page then loads only its own rows.
    """
    needle = search_key(query)
    pairs = orgs.order_by("name", "pk").values_list("pk", "name")
    return [pk for pk, name in pairs if needle in search_key(name)]


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
