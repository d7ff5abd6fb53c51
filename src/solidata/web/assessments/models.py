"""Self-assessments being filled in on the web: one draft per person and assessment.

A draft keeps every answer typed so far and the step reached, so a person can stop and come back
through a private link (or their account). Submitting turns it into exactly one ``Submission``:
the draft's ``instance_id`` is unique per survey and the submit form's idempotency key is stored.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from solidata.web.registry.models import Country, Organisation
from solidata.web.surveys.models import MethodVersion, Submission, Survey


def new_token() -> str:
    """A private resume token: 144 random bits, safe in a URL."""
    return secrets.token_urlsafe(18)


def new_instance_id() -> str:
    return f"uuid:{uuid.uuid4()}"


class Draft(models.Model):
    class Status(models.TextChoices):
        EDITING = "editing", _("being filled in")
        SUBMITTED = "submitted", _("submitted")

    token = models.CharField(
        _("private link token"), max_length=64, unique=True, default=new_token, editable=False
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="drafts", verbose_name=_("survey")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessment_drafts",
        verbose_name=_("started by"),
        help_text=_("Empty if anonymous: then only the private link opens it."),
    )
    instance_id = models.CharField(
        _("instance id"), max_length=100, unique=True, default=new_instance_id, editable=False
    )
    answers = models.JSONField(_("answers so far"), default=dict, blank=True)
    step = models.PositiveSmallIntegerField(_("current step"), default=1)
    revision = models.PositiveIntegerField(
        _("revision"), default=0, help_text=_("Counts the saves; lets a phone tell stale answers.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.EDITING
    )
    submission = models.OneToOneField(
        Submission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft",
        verbose_name=_("submission"),
    )
    submit_key = models.CharField(
        _("idempotency key of the last submit"), max_length=64, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("self-assessment draft")
        verbose_name_plural = _("self-assessment drafts")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["submit_key"],
                condition=~models.Q(submit_key=""),
                name="one_draft_per_submit_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey.slug}/{self.instance_id}"


class PeerRelease(models.Model):
    """One published peer group: the means a result page shows for it, frozen until enough of the
    group's members change (see :mod:`solidata.web.assessments.peers`).

    ``members`` maps each member organisation's id to the approved submission counted and its
    dimension scores, so the next release can tell how many members changed.
    """

    country = models.ForeignKey(Country, on_delete=models.CASCADE, verbose_name=_("country"))
    method = models.ForeignKey(MethodVersion, on_delete=models.CASCADE, verbose_name=_("method"))
    group = models.CharField(_("peer group"), max_length=20)
    value = models.CharField(_("group value"), max_length=100, blank=True)
    n = models.PositiveIntegerField(_("organisations"))
    means = models.JSONField(_("means by dimension"), default=dict)
    medians = models.JSONField(_("medians by dimension"), default=dict)
    members = models.JSONField(_("members counted"), default=dict)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("published peer group")
        verbose_name_plural = _("published peer groups")
        indexes = [
            models.Index(fields=["country", "method", "group", "value"], name="peer_release_key")
        ]

    def __str__(self) -> str:
        return f"{self.country_id}/{self.group}={self.value} (n={self.n})"
