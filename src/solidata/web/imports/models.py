"""Imports of KoboToolbox, ODK and CSV exports: each run, what it changed, and what it last wrote.

A run stages its new submissions in short transactions, invisible until its last transaction
publishes them (see :mod:`solidata.web.imports.services`); a run without ``finished_at`` is one
still running, or one that was killed and whose staged rows the next import discards.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from solidata.web.surveys.models import Submission, Survey


class ImportRun(models.Model):
    """One completed import of one file into one survey, with its counts and problems."""

    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="import_runs", verbose_name=_("survey")
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    file_size = models.BigIntegerField(_("file size (bytes)"))
    format = models.CharField(_("format"), max_length=20)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    organisations_created = models.PositiveIntegerField(_("organisations created"), default=0)
    problem_count = models.PositiveIntegerField(_("problems"), default=0)
    problems = models.JSONField(
        _("problems"), default=list, blank=True, help_text=_("The first problems, as listed.")
    )
    # While a run is unfinished: the process writing it ("host pid") and when it last wrote, so
    # that the next import can tell a killed run (its staged rows are discarded) from a live one.
    worker = models.CharField(_("worker"), max_length=100, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("last written"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.survey.slug}: {self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"


class SubmissionChange(models.Model):
    """The audit record of an import that changed a submission already stored."""

    run = models.ForeignKey(
        ImportRun, on_delete=models.CASCADE, related_name="changes", verbose_name=_("import")
    )
    submission = models.ForeignKey(
        Submission,
        on_delete=models.CASCADE,
        related_name="import_changes",
        verbose_name=_("submission"),
    )
    answers_before = models.JSONField(_("answers before"), default=dict)
    answers_after = models.JSONField(_("answers after"), default=dict)
    review_before = models.CharField(_("review status before"), max_length=10)
    review_after = models.CharField(_("review status after"), max_length=10)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("change by an import")
        verbose_name_plural = _("changes by imports")
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.submission} ({self.changed_at:%Y-%m-%d %H:%M})"


class SubmissionFingerprint(models.Model):
    """A hash of the answers an import last wrote, so that the same file again changes nothing
    and a million unchanged rows are recognised without reading their answers."""

    submission = models.OneToOneField(
        Submission,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="import_fingerprint",
        verbose_name=_("submission"),
    )
    answers_sha256 = models.CharField(_("SHA-256 of the answers"), max_length=64)
    run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last import"),
    )

    class Meta:
        verbose_name = _("fingerprint of imported answers")
        verbose_name_plural = _("fingerprints of imported answers")

    def __str__(self) -> str:
        return self.answers_sha256
