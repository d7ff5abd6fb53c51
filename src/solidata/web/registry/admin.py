"""Everything in the registry is editable here; contact details only with their own permission."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from solidata.web.registry.models import (
    AdminArea,
    Country,
    EntityType,
    EntityTypePresence,
    LegalForm,
    Organisation,
    OrganisationContact,
    Sector,
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin[Country]):
    list_display = ["code", "name", "languages"]


@admin.register(AdminArea)
class AdminAreaAdmin(admin.ModelAdmin[AdminArea]):
    list_display = ["code", "name", "kind", "country"]
    list_filter = ["country", "kind"]
    search_fields = ["code", "names"]


class PresenceInline(admin.TabularInline[EntityTypePresence, EntityType]):
    model = EntityTypePresence
    extra = 0


@admin.register(EntityType)
class EntityTypeAdmin(admin.ModelAdmin[EntityType]):
    list_display = ["code", "name", "position"]
    inlines = [PresenceInline]


@admin.register(EntityTypePresence)
class EntityTypePresenceAdmin(admin.ModelAdmin[EntityTypePresence]):
    list_display = ["country", "entity_type", "exists"]
    list_filter = ["country", "exists"]


@admin.register(LegalForm)
class LegalFormAdmin(admin.ModelAdmin[LegalForm]):
    list_display = ["code", "name", "country", "entity_type"]
    list_filter = ["country", "entity_type"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin[Sector]):
    list_display = ["code", "name"]


class ContactInline(admin.StackedInline[OrganisationContact, Organisation]):
    """Shown only to users holding the registry.view_organisationcontact permission."""

    model = OrganisationContact
    extra = 0
    can_delete = True


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = [
        "name",
        "entity_type",
        "legal_form",
        "admin_area",
        "locality",
        "year_founded",
        "members_total",
        "is_synthetic",
        "needs_review",
    ]
    list_filter = [
        "is_synthetic",
        "needs_review",
        "country",
        "entity_type",
        "legal_form",
        "admin_area",
    ]
    search_fields = ["name", "registry_id", "locality"]
    list_select_related = ["entity_type", "legal_form", "admin_area"]
    inlines = [ContactInline]
    fieldsets = [
        (None, {"fields": ["name", "registry_id", "country", "legal_form", "entity_type"]}),
        (_("Place"), {"fields": ["admin_area", "locality", "latitude", "longitude"]}),
        (
            _("Size and activity"),
            {"fields": ["year_founded", "members_women", "members_men", "workers", "sector"]},
        ),
        (
            _("Consent and status"),
            {
                "fields": [
                    "consent_public",
                    "consent_research",
                    "consent_results_public",
                    "is_synthetic",
                    "needs_review",
                ]
            },
        ),
    ]

    @admin.display(description=_("members"))
    def members_total(self, obj: Organisation) -> int | None:
        return obj.members_total
