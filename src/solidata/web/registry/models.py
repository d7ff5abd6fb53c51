"""Who the SSE is: countries, admin areas, entity types, legal forms, sectors and organisations.

Reference tables keep their names as ``{"en": ..., "mn": ...}`` so a new language is a new key, not
a
new column. Contact details sit in their own table, visible only with an explicit permission.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidata.core.reference import name_in


class NamedModel(models.Model):
    names = models.JSONField(
        _("names"), default=dict, help_text=_('e.g. {"en": "Dornod", "mn": "Дорнод"}')
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return name_in(self.names, (get_language() or "en").split("-")[0])


class Country(NamedModel):
    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    languages = models.JSONField(_("languages"), default=list, help_text=_("ISO 639-1 codes"))

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]


class AdminArea(NamedModel):
    code = models.CharField(_("ISO 3166-2 code"), max_length=10, primary_key=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    kind = models.CharField(_("kind"), max_length=30, help_text=_("e.g. aimag, capital, province"))

    class Meta:
        verbose_name = _("administrative area")
        verbose_name_plural = _("administrative areas")
        ordering = ["country", "code"]


class EntityType(NamedModel):
    """The ILO 2022 entity types: cooperative, association, mutual society, ... and other."""

    code = models.CharField(_("code"), max_length=30, primary_key=True)
    descriptions = models.JSONField(_("descriptions"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("ILO entity type")
        verbose_name_plural = _("ILO entity types")
        ordering = ["position"]


class EntityTypePresence(models.Model):
    """Whether an ILO entity type exists in a country: not every type exists everywhere."""

    class Exists(models.TextChoices):
        YES = "yes", _("exists")
        NO = "no", _("does not exist")
        UNCLEAR = "unclear", _("unclear")

    country = models.ForeignKey(Country, on_delete=models.CASCADE, verbose_name=_("country"))
    entity_type = models.ForeignKey(
        EntityType, on_delete=models.CASCADE, verbose_name=_("entity type")
    )
    exists = models.CharField(_("exists"), max_length=10, choices=Exists.choices)
    notes = models.JSONField(_("notes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("entity type in a country")
        verbose_name_plural = _("entity types by country")
        constraints = [
            models.UniqueConstraint(fields=["country", "entity_type"], name="one_presence_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.entity_type_id}: {self.exists}"


class LegalForm(NamedModel):
    """A national legal form (e.g. хадгаламж зээлийн хоршоо) mapped onto an ILO entity type."""

    code = models.CharField(_("code"), max_length=40, primary_key=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    entity_type = models.ForeignKey(
        EntityType, on_delete=models.PROTECT, verbose_name=_("ILO entity type")
    )
    note = models.TextField(_("legal basis"), blank=True)

    class Meta:
        verbose_name = _("legal form")
        verbose_name_plural = _("legal forms")
        ordering = ["country", "code"]


class Sector(NamedModel):
    """An ISIC Rev. 4 section (A-U)."""

    code = models.CharField(_("ISIC section"), max_length=1, primary_key=True)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


def unpublished_runs() -> models.QuerySet[Any, Any]:
    """The primary keys of the import runs that have not published (yet): the rows they staged
    (organisations, submissions) are invisible. A run publishes by finishing, in one short
    transaction, so its rows appear together and are never written twice (see
    :mod:`solidata.web.imports.staging`). Looked up by name: the imports app builds on this one."""
    run = apps.get_model("imports", "ImportRun")
    return run.objects.filter(finished_at__isnull=True).values("pk")


class VisibleOrganisations(models.Manager["Organisation"]):
    """Organisations that are visible: not those an unpublished import created."""

    def get_queryset(self) -> models.QuerySet[Organisation]:
        return super().get_queryset().exclude(staged_by__in=unpublished_runs())


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=255)
    registry_id = models.CharField(
        _("registry id"),
        max_length=100,
        blank=True,
        help_text=_("State registry number or a survey key"),
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    legal_form = models.ForeignKey(
        LegalForm, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("legal form")
    )
    entity_type = models.ForeignKey(
        EntityType, on_delete=models.PROTECT, verbose_name=_("ILO entity type")
    )
    admin_area = models.ForeignKey(
        AdminArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("aimag or province"),
    )
    locality = models.CharField(_("soum or district"), max_length=100, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    members_women = models.PositiveIntegerField(_("members: women"), null=True, blank=True)
    members_men = models.PositiveIntegerField(_("members: men"), null=True, blank=True)
    workers = models.PositiveIntegerField(_("paid workers"), null=True, blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector (ISIC)")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    consent_public = models.BooleanField(_("consents to be listed publicly"), default=False)
    consent_research = models.BooleanField(_("consents to research use"), default=False)
    consent_results_public = models.BooleanField(
        _("consents to publish its assessment results"), default=False
    )
    is_synthetic = models.BooleanField(
        _("synthetic demonstration data"),
        default=False,
        help_text=_("Invented for the demo; not real."),
    )
    needs_review = models.BooleanField(_("needs review"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The import run that created this organisation: invisible while that run is unpublished.
    staged_by = models.BigIntegerField(_("staged by import"), null=True, blank=True, editable=False)

    every = models.Manager()  # staged organisations too: for imports and their clean-up
    objects = VisibleOrganisations()

    class Meta:
        default_manager_name = "objects"
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(
                fields=["staged_by"],
                condition=models.Q(staged_by__isnull=False),
                name="organisation_staged",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registry_id"],
                condition=~models.Q(registry_id=""),
                name="unique_registry_id_per_country",
            ),
            models.CheckConstraint(
                condition=models.Q(year_founded__isnull=True) | models.Q(year_founded__gte=1900),
                name="year_founded_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def members_total(self) -> int | None:
        if self.members_women is None and self.members_men is None:
            return None
        return (self.members_women or 0) + (self.members_men or 0)


class OrganisationContact(models.Model):
    """Contact details: personal data, kept apart and shown only with the view permission."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contact",
        verbose_name=_("organisation"),
    )
    person = models.CharField(_("contact person"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True)

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self) -> str:
        return str(_("Contact of %(name)s") % {"name": self.organisation.name})
