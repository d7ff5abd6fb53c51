"""Writes to the registry. Each service owns its transaction and is safe to run again."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models, transaction

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

_M = TypeVar("_M", bound=models.Model)
_K = TypeVar("_K", bound=Hashable)


def _decimal(value: float | None) -> Decimal | None:
    """As the database gives it back, so that an unchanged value compares equal."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.00001"))


def _upsert(
    model: type[_M],
    rows: Mapping[_K, dict[str, Any]],
    existing: Iterable[_M],
    key_of: Callable[[_M], _K],
) -> int:
    """Create the rows that are missing and update those whose fields differ, in bulk.

    ``rows`` maps a natural key to every field value of the row; returns how many rows were new.
    """
    found = {key_of(obj): obj for obj in existing}
    new = [model(**fields) for key, fields in rows.items() if key not in found]
    changed = []
    for key, fields in rows.items():
        obj = found.get(key)
        if obj is not None and any(getattr(obj, f) != v for f, v in fields.items()):
            for f, v in fields.items():
                setattr(obj, f, v)
            changed.append(obj)
    model._default_manager.bulk_create(new, batch_size=500)
    if changed:
        # A primary key (the code of a reference row) is the key, never a field to update.
        keys = {"pk", model._meta.pk.name, model._meta.pk.attname}
        names = sorted({f for fields in rows.values() for f in fields} - keys)
        model._default_manager.bulk_update(changed, names, batch_size=500)
    return len(new)


@transaction.atomic
def reference_load(*, reference: Reference | None = None) -> int:
    """Create or update every reference row shipped in the package; returns the rows created."""
    ref = reference or load_reference()
    created = _upsert(
        Country,
        {
            c.code: {"code": c.code, "names": c.names, "languages": list(c.languages)}
            for c in ref.countries
        },
        Country.objects.all(),
        lambda o: o.code,
    )
    created += _upsert(
        AdminArea,
        {
            a.code: {"code": a.code, "country_id": a.country, "kind": a.kind, "names": a.names}
            for a in ref.admin_areas
        },
        AdminArea.objects.all(),
        lambda o: o.code,
    )
    created += _upsert(
        EntityType,
        {
            t.code: {
                "code": t.code,
                "names": t.names,
                "descriptions": t.descriptions,
                "position": i,
            }
            for i, t in enumerate(ref.entity_types)
        },
        EntityType.objects.all(),
        lambda o: o.code,
    )
    created += _upsert(
        LegalForm,
        {
            f.code: {
                "code": f.code,
                "country_id": f.country,
                "entity_type_id": f.entity_type,
                "names": f.names,
                "note": f.note,
            }
            for f in ref.legal_forms
        },
        LegalForm.objects.all(),
        lambda o: o.code,
    )
    created += _upsert(
        EntityTypePresence,
        {
            (p.country, p.entity_type): {
                "country_id": p.country,
                "entity_type_id": p.entity_type,
                "exists": p.exists,
                "notes": p.notes,
            }
            for p in ref.presence
        },
        EntityTypePresence.objects.all(),
        lambda o: (o.country_id, o.entity_type_id),
    )
    created += _upsert(
        Sector,
        {s.code: {"code": s.code, "names": s.names} for s in ref.sectors},
        Sector.objects.all(),
        lambda o: o.code,
    )
    return created


@transaction.atomic
def organisations_load_synthetic(*, organisations: Iterable[SyntheticOrganisation]) -> int:
    """Store synthetic organisations keyed by their registry id; returns how many were new."""
    rows = {
        o.key: {
            "country_id": "MN",
            "registry_id": o.key,
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
            "latitude": _decimal(o.latitude),
            "longitude": _decimal(o.longitude),
            "consent_public": o.consent_public,
            "consent_research": o.consent_research,
            "consent_results_public": o.consent_public,
            "is_synthetic": True,
        }
        for o in organisations
    }
    existing = Organisation.objects.filter(country_id="MN", registry_id__in=list(rows))
    return _upsert(Organisation, rows, existing, lambda o: o.registry_id)
