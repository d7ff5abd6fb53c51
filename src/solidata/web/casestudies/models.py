"""Case studies of organisations: interviews, quotes, photos, the consent behind them, and codes.

A case study belongs to one organisation and one survey: its codes are choices of the survey
method's challenge and opportunity lists, so that the findings can put them beside the survey's
answers. What may be shown, and to whom, follows the consent record (see accounts.rights).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidata.web.registry.models import AdminArea, Organisation
from solidata.web.surveys.models import Survey

LANGUAGES = [("en", _("English")), ("mn", _("Mongolian"))]
# A case study's own fields that a person edits (the form) and the services write.
EDITABLE = (
    "title_en",
    "title_mn",
    "summary_en",
    "summary_mn",
    "interview_date",
    "admin_area",
    "locality",
    "interviewer",
    "status",
)


class CaseStudy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    survey = models.ForeignKey(
        Survey,
        on_delete=models.PROTECT,
        verbose_name=_("survey"),
        help_text=_("Its codes come from this survey's method."),
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_mn = models.CharField(_("title (Mongolian)"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_mn = models.TextField(_("summary (Mongolian)"), blank=True)
    interview_date = models.DateField(_("interview date"), null=True, blank=True)
    admin_area = models.ForeignKey(
        AdminArea, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("aimag")
    )
    locality = models.CharField(_("soum or district"), max_length=100, blank=True)
    interviewer = models.CharField(_("interviewer"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    challenges = models.JSONField(_("challenges (codes)"), default=list, blank=True)
    opportunities = models.JSONField(_("opportunities (codes)"), default=list, blank=True)
    is_synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        ordering = ["-interview_date", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        lang = (get_language() or "en").split("-")[0]
        first, second = (
            (self.title_mn, self.title_en) if lang == "mn" else (self.title_en, self.title_mn)
        )
        return first or second or str(_("Case study %(n)s") % {"n": self.pk})

    @property
    def title_lang(self) -> str:
        """The language of :attr:`title`, for the page's ``lang`` attribute."""
        lang = (get_language() or "en").split("-")[0]
        if lang == "mn":
            return "mn" if self.title_mn or not self.title_en else "en"
        return "en" if self.title_en or not self.title_mn else "mn"

    @property
    def summary(self) -> str:
        lang = (get_language() or "en").split("-")[0]
        first, second = (
            (self.summary_mn, self.summary_en)
            if lang == "mn"
            else (self.summary_en, self.summary_mn)
        )
        return first or second

    @property
    def published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def consent_or_none(self) -> Consent | None:
        try:
            return self.consent
        except Consent.DoesNotExist:
            return None


class Consent(models.Model):
    """What the people interviewed agreed to, when, and whether they withdrew it.

    Withdrawal keeps the record (who agreed, and when they withdrew) but takes everything off
    every page except the researchers' own.
    """

    case_study = models.OneToOneField(
        CaseStudy, on_delete=models.CASCADE, related_name="consent", verbose_name=_("case study")
    )
    given_by = models.CharField(
        _("given by"),
        max_length=200,
        help_text=_("Who consented, by role (e.g. the chair, on behalf of the cooperative)."),
    )
    given_on = models.DateField(_("given on"))
    how = models.CharField(
        _("how"), max_length=200, blank=True, help_text=_("e.g. signed form, oral, recorded")
    )
    interview = models.BooleanField(_("to be interviewed"), default=False)
    quotes = models.BooleanField(_("to be quoted (without names)"), default=False)
    photos = models.BooleanField(_("to photos being shown"), default=False)
    location = models.BooleanField(_("to the photos' location being kept"), default=False)
    publication = models.BooleanField(_("to publication"), default=False)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.case_study_id}: {self.given_by} {self.given_on}"

    def allows(self, what: str) -> bool:
        """Whether the consent, not withdrawn, covers ``what`` (a field name above)."""
        return self.withdrawn_on is None and bool(getattr(self, what))


class Interview(models.Model):
    case_study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="interviews", verbose_name=_("case study")
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    interviewee_role = models.CharField(
        _("interviewee's role"), max_length=200, help_text=_("A role, never a name.")
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGES, default="mn")
    notes = models.TextField(_("notes"))

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_study_id}: {self.interviewee_role}"


class Quote(models.Model):
    case_study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("case study")
    )
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGES, default="mn")
    speaker_role = models.CharField(
        _("speaker's role"), max_length=200, help_text=_("e.g. herder, member: never a name.")
    )
    consented = models.BooleanField(_("the speaker agreed to be quoted"), default=False)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Photo(models.Model):
    """A photo, re-encoded without metadata (core.casestudies.clean_photo) and stored in the
    database, so that it is served only through the rights check and backed up with the rest."""

    case_study = models.ForeignKey(
        CaseStudy, on_delete=models.CASCADE, related_name="photos", verbose_name=_("case study")
    )
    image = models.BinaryField(_("image"))
    content_type = models.CharField(_("content type"), max_length=20)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption or f"{self.case_study_id}/{self.pk}"
