"""Mongolian legal forms as in method version 2026.2 (issue 11), for sites that already hold them.

A union of cooperatives is a (secondary) cooperative, no longer an association: its legal form and
the organisations registered under it move to the ILO type "cooperative". The community нөхөрлөл
and the limited liability company (ХХК) are added beside the for-profit partnership. Sites whose
reference tables are still empty are left alone: loading the reference data fills them as shipped.
The values are written out here, not read from the shipped CSV, so that this step stays the same
whatever later versions of the CSV say.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

UNION = "mn_coop_union"
NEW_FORMS = {
    "mn_community_partnership": {
        "entity_type_id": "self_help_group",
        "names": {
            "en": "Community нөхөрлөл (natural resource management)",
            "mn": "Нутгийн иргэдийн нөхөрлөл",
        },
        "note": (
            "A community group that manages pasture, forest or other natural resources under a "
            "contract with the soum governor (Law on Environmental Protection); counts as "
            "formalised"
        ),
    },
    "mn_llc": {
        "entity_type_id": "social_enterprise",
        "names": {
            "en": "Limited liability company (ХХК)",
            "mn": "Хязгаарлагдмал хариуцлагатай компани (ХХК)",
        },
        "note": (
            "Company Law; a legal form that social enterprises use (there is no dedicated "
            "status); an ХХК is an SSE entity only if it runs as a social enterprise"
        ),
    },
}


def forward(apps: Any, schema_editor: Any) -> None:
    legal_form = apps.get_model("registry", "LegalForm")
    entity_type = apps.get_model("registry", "EntityType")
    organisation = apps.get_model("registry", "Organisation")
    if not legal_form.objects.filter(code=UNION).exists():
        return  # reference data not loaded yet: nothing to correct
    legal_form.objects.filter(code=UNION).update(entity_type_id="cooperative")
    organisation.objects.filter(legal_form_id=UNION).update(entity_type_id="cooperative")
    types = set(entity_type.objects.values_list("code", flat=True))
    for code, fields in NEW_FORMS.items():
        if fields["entity_type_id"] in types:
            legal_form.objects.get_or_create(code=code, defaults={"country_id": "MN", **fields})


def backward(apps: Any, schema_editor: Any) -> None:
    legal_form = apps.get_model("registry", "LegalForm")
    organisation = apps.get_model("registry", "Organisation")
    if not legal_form.objects.filter(code=UNION).exists():
        return
    legal_form.objects.filter(code=UNION).update(entity_type_id="association")
    organisation.objects.filter(legal_form_id=UNION).update(entity_type_id="association")
    unused = legal_form.objects.filter(code__in=NEW_FORMS).exclude(organisation__isnull=False)
    unused.delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
