"""Survey campaigns and the submissions collected in them (from the web, KoboToolbox, ODK or
CSV)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidata.web.registry.models import Country, Organisation, unpublished_runs


class MethodVersion(models.Model):
    """One version of an assessment method: the workbook itself, as researchers wrote it."""

    method_id = models.CharField(_("method id"), max_length=100)
    version = models.CharField(_("version"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    workbook = models.BinaryField(_("workbook (.xlsx)"))
    sha256 = models.CharField(_("SHA-256 of the workbook"), max_length=64)
    is_bundled = models.BooleanField(_("shipped with Solidata"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("method version")
        verbose_name_plural = _("method versions")
        ordering = ["method_id", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["method_id", "version"], name="one_method_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.method_id} {self.version})"


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")
        ARCHIVED = "archived", _("archived")

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    method = models.ForeignKey(MethodVersion, on_delete=models.PROTECT, verbose_name=_("method"))
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    description = models.TextField(_("description"), blank=True)
    titles = models.JSONField(
        _("title in other languages"),
        default=dict,
        blank=True,
        help_text=_('The title in each other language, by language code: {"mn": "…"}.'),
    )
    is_synthetic = models.BooleanField(_("synthetic demonstration data"), default=False)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-period_start", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_start__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="survey_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.local_title

    @property
    def local_title(self) -> str:
        """The title in the language of the current request, else as written."""
        lang = (get_language() or "").split("-")[0]
        titles = self.titles if isinstance(self.titles, dict) else {}
        return str(titles.get(lang) or self.title)


class VisibleSubmissions(models.Manager["Submission"]):
    """Submissions that are visible: not rows an unpublished import has staged (see
    :mod:`solidata.web.imports.staging`)."""

    def get_queryset(self) -> models.QuerySet[Submission]:
        return super().get_queryset().exclude(staged_by__in=unpublished_runs())


class VisibleScores(models.Manager["SubmissionScore"]):
    """Scores of visible submissions only."""

    def get_queryset(self) -> models.QuerySet[SubmissionScore]:
        return super().get_queryset().exclude(submission__staged_by__in=unpublished_runs())


class Submission(models.Model):
    class Source(models.TextChoices):
        WEB = "web", _("web form")
        KOBO = "kobo", _("KoboToolbox")
        ODK = "odk", _("ODK")
        CSV = "csv", _("CSV file")
        DEMO = "demo", _("synthetic demo")

    class Review(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        ON_HOLD = "on_hold", _("on hold")
        REJECTED = "rejected", _("rejected")

    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("survey")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("organisation"),
    )
    instance_id = models.CharField(_("instance id"), max_length=100)
    answers = models.JSONField(_("answers"), default=dict)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    submitted_at = models.DateTimeField(_("submitted at"))
    review_status = models.CharField(
        _("review status"), max_length=10, choices=Review.choices, default=Review.PENDING
    )
    reviewer_note = models.TextField(_("reviewer note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The import run that wrote this row: the row is invisible (the default manager leaves it out)
    # until that run publishes, by finishing in its last, short transaction (the row is not
    # written again; it keeps the run's id).
    staged_by = models.BigIntegerField(_("staged by import"), null=True, blank=True, editable=False)

    every = models.Manager()  # staged rows too: for imports and their clean-up
    objects = VisibleSubmissions()

    class Meta:
        default_manager_name = "objects"
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "instance_id"], name="one_instance_id_per_survey"
            )
        ]
        indexes = [
            models.Index(
                fields=["staged_by"],
                condition=models.Q(staged_by__isnull=False),
                name="submission_staged",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey.slug}/{self.instance_id}"


class SubmissionScore(models.Model):
    """A submission scored under one method version; rescoring under a newer version adds a row.

    ``record`` holds what scoring decided, without texts (scores, levels and coverage by dimension
    and indicator; definition and clause results; the positions of the recommendations that apply):
    :func:`solidata.web.surveys.score_records.score_record` renders it in a language, with the
    texts of the method version. ``dimension_scores`` holds the 0-100 scores by dimension id, for
    listings and statistics.
    """

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="scores", verbose_name=_("submission")
    )
    method = models.ForeignKey(MethodVersion, on_delete=models.PROTECT, verbose_name=_("method"))
    record = models.JSONField(_("results"), default=dict)
    dimension_scores = models.JSONField(_("dimension scores"), default=dict)
    computed_at = models.DateTimeField(_("computed at"), auto_now=True)

    every = models.Manager()
    objects = VisibleScores()

    class Meta:
        default_manager_name = "objects"
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["submission", "method"], name="one_score_per_method")
        ]

    def __str__(self) -> str:
        return f"{self.submission} / {self.method.version}"
