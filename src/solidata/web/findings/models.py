"""What is known about a survey's population: a sampling frame of counts by stratum."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from solidata.web.registry.models import AdminArea, EntityType, LegalForm, Sector
from solidata.web.surveys.models import Survey


class SamplingFrame(models.Model):
    """Population counts by stratum (e.g. the register of cooperatives by aimag and type).

    ``design``: the survey drew entities at random within each stratum (weights N_h / n_h, with
    the finite population correction). ``poststrata``: only the totals are known; the answers
    are post-stratified on the strata.
    """

    class Kind(models.TextChoices):
        DESIGN = "design", _("stratified sample drawn from this frame")
        POSTSTRATA = "poststrata", _("population totals only (post-stratification)")

    survey = models.OneToOneField(
        Survey, on_delete=models.CASCADE, related_name="sampling_frame", verbose_name=_("survey")
    )
    kind = models.CharField(
        _("how the frame is used"), max_length=12, choices=Kind.choices, default=Kind.POSTSTRATA
    )
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("e.g. state register, 2021")
    )
    is_synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("sampling frame")
        verbose_name_plural = _("sampling frames")

    def __str__(self) -> str:
        return str(_("Sampling frame of %(survey)s") % {"survey": self.survey})


class FrameCount(models.Model):
    """The population of one stratum; a stratum fixes the same fields on every row of a frame."""

    frame = models.ForeignKey(
        SamplingFrame, on_delete=models.CASCADE, related_name="counts", verbose_name=_("frame")
    )
    admin_area = models.ForeignKey(
        AdminArea, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("aimag")
    )
    entity_type = models.ForeignKey(
        EntityType, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("entity type")
    )
    legal_form = models.ForeignKey(
        LegalForm, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("legal form")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector")
    )
    population = models.PositiveIntegerField(
        _("entities in the population"), validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("population count")
        verbose_name_plural = _("population counts")
        ordering = ["frame", "admin_area", "entity_type", "legal_form", "sector"]

    def __str__(self) -> str:
        parts = [str(x) for x in (self.admin_area, self.entity_type, self.legal_form, self.sector)]
        return " / ".join(p for p in parts if p != "None") + f": {self.population}"
