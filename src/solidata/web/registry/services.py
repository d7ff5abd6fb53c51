"""Writes to the registry. Each service owns its transaction and is safe to run again."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from solidata.core.demo import SyntheticOrganisation
from solidata.core.reference import Reference, load_reference
from solidata.web.registry.models import (
    AdminArea,
    Country,
    EntityType,
    EntityTypePresence,
    LegalForm,
    Organisation,
    Sector,
)


@transaction.atomic
def reference_load(*, reference: Reference | None = None) -> int:
    """Create or update every reference row shipped in the package; returns the rows written."""
    ref = reference or load_reference()
    written = 0
    for c in ref.countries:
        Country.objects.update_or_create(
            code=c.code, defaults={"names": c.names, "languages": list(c.languages)}
        )
        written += 1
    for a in ref.admin_areas:
        AdminArea.objects.update_or_create(
            code=a.code, defaults={"country_id": a.country, "kind": a.kind, "names": a.names}
        )
        written += 1
    for position, t in enumerate(ref.entity_types):
        EntityType.objects.update_or_create(
            code=t.code,
            defaults={"names": t.names, "descriptions": t.descriptions, "position": position},
        )
        written += 1
    for f in ref.legal_forms:
        LegalForm.objects.update_or_create(
            code=f.code,
            defaults={
                "country_id": f.country,
                "entity_type_id": f.entity_type,
                "names": f.names,
                "note": f.note,
            },
        )
        written += 1
    for p in ref.presence:
        EntityTypePresence.objects.update_or_create(
            country_id=p.country,
            entity_type_id=p.entity_type,
            defaults={"exists": p.exists, "notes": p.notes},
        )
        written += 1
    for s in ref.sectors:
        Sector.objects.update_or_create(code=s.code, defaults={"names": s.names})
        written += 1
    return written


@transaction.atomic
def organisations_load_synthetic(*, organisations: Iterable[SyntheticOrganisation]) -> int:
    """Store synthetic organisations keyed by their registry id; returns how many were new."""
    created = 0
    for o in organisations:
        _, was_created = Organisation.objects.update_or_create(
            country_id="MN",
            registry_id=o.key,
            defaults={
                "name": o.name,
                "legal_form_id": o.legal_form,
                "entity_type_id": o.entity_type,
                "admin_area_id": o.admin_area,
                "locality": o.soum,
                "year_founded": o.year_founded,
                "members_women": o.members_women,
                "members_men": o.members_men,
                "workers": o.workers,
                "sector_id": o.sector,
                "latitude": o.latitude,
                "longitude": o.longitude,
                "consent_public": o.consent_public,
                "consent_research": o.consent_research,
                "consent_results_public": o.consent_public,
                "is_synthetic": True,
            },
        )
        created += was_created
    return created
