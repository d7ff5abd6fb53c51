"""The national advisory committee's working definition of the SSE, in versions, and its glossary.

A working definition is a document: a preamble in English and Mongolian and numbered clauses, each
a rule over the method (as in the definition workbench) that keeps one ILO principle or value.
Researchers edit drafts, members propose changes and comment, decisions are recorded with their
minutes, and administrators adopt a version, which freezes it; the next draft starts from it.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from solidata.web.registry.models import Country
from solidata.web.surveys.models import Survey


class WorkingDefinition(models.Model):
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, verbose_name=_("survey it is tested on")
    )
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_mn = models.CharField(_("title (Mongolian)"), max_length=200)
    is_synthetic = models.BooleanField(_("synthetic demonstration"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("working definition")
        verbose_name_plural = _("working definitions")

    def __str__(self) -> str:
        return self.title_en

    def title(self, lang: str) -> str:
        return self.title_mn if lang == "mn" and self.title_mn else self.title_en


class DefinitionVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("working definition", "draft")
        ADOPTED = "adopted", _("adopted")
        SUPERSEDED = "superseded", _("superseded")

    definition = models.ForeignKey(
        WorkingDefinition, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    text_en = models.TextField(_("preamble (English)"), blank=True)
    text_mn = models.TextField(_("preamble (Mongolian)"), blank=True)
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    adopted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("version of a working definition")
        verbose_name_plural = _("versions of working definitions")
        ordering = ("definition", "-number")
        constraints = [
            models.UniqueConstraint(fields=("definition", "number"), name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.definition} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def text(self, lang: str) -> str:
        return self.text_mn if lang == "mn" else self.text_en

    def rule(self) -> str:
        """The clauses joined with ``and`` (each in brackets when it has an ``or`` of its own)."""
        parts = [c.rule.strip() for c in self.clauses.all()]
        return " and ".join(f"({p})" if " or " in f" {p} " else p for p in parts) or "true()"


class Clause(models.Model):
    version = models.ForeignKey(DefinitionVersion, on_delete=models.CASCADE, related_name="clauses")
    order = models.PositiveIntegerField(_("number"))
    rule = models.TextField(_("rule"))
    keeps = models.CharField(_("ILO principle or value it keeps"), max_length=20)
    text_en = models.TextField(_("wording (English)"))
    text_mn = models.TextField(_("wording (Mongolian)"))

    class Meta:
        ordering = ("version", "order")

    def __str__(self) -> str:
        return f"{self.order}. {self.rule}"

    def text(self, lang: str) -> str:
        return self.text_mn if lang == "mn" else self.text_en


class Proposal(models.Model):
    class Kind(models.TextChoices):
        CHANGE = "change", _("change a clause")
        ADD = "add", _("add a clause")
        REMOVE = "remove", _("remove a clause")
        PREAMBLE = "preamble", _("change the preamble")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    version = models.ForeignKey(
        DefinitionVersion, on_delete=models.CASCADE, related_name="proposals"
    )
    kind = models.CharField(_("change"), max_length=8, choices=Kind.choices)
    clause = models.ForeignKey(
        Clause, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    clause_order = models.PositiveIntegerField(null=True, blank=True)  # kept if the clause goes
    rule = models.TextField(_("rule"), blank=True)
    keeps = models.CharField(_("ILO principle or value it keeps"), max_length=20, blank=True)
    text_en = models.TextField(_("wording (English)"), blank=True)
    text_mn = models.TextField(_("wording (Mongolian)"), blank=True)
    rationale = models.TextField(_("rationale"))
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"


class Comment(models.Model):
    version = models.ForeignKey(
        DefinitionVersion, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    term = models.ForeignKey(
        "TermVersion", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.body[:60]


def minutes_path(instance: Any, filename: str) -> str:
    """A name of our own under ``committee/minutes/``: never the uploader's (kept apart)."""
    suffix = PurePath(filename).suffix.lower()
    return f"committee/minutes/{uuid.uuid4().hex}{suffix}"


class Decision(models.Model):
    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("version adopted")
        ACCEPTED = "accepted", _("proposal accepted")
        REJECTED = "rejected", _("proposal rejected")
        DISCUSSED = "discussed", _("discussed, no decision yet")

    version = models.ForeignKey(
        DefinitionVersion, on_delete=models.CASCADE, related_name="decisions"
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    decided_by = models.CharField(_("who decided"), max_length=200)
    decided_on = models.DateField(_("when"))
    minutes = models.TextField(_("minutes"), blank=True)
    attachment = models.FileField(_("minutes file"), upload_to=minutes_path, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("decided_on", "pk")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}, {self.decided_on}"


class TermVersion(models.Model):
    """A wording of a glossary term put to the committee; the adopted one is shown on the
    glossary page instead of the method workbook's."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ADOPTED = "adopted", _("adopted")
        REJECTED = "rejected", _("rejected")
        SUPERSEDED = "superseded", _("superseded")

    country = models.ForeignKey(Country, on_delete=models.PROTECT)
    term = models.CharField(_("term"), max_length=100)  # a glossary id of the method
    text_en = models.CharField(_("English"), max_length=300)
    text_mn = models.CharField(_("Mongolian"), max_length=300)
    working = models.BooleanField(_("working translation"), default=False)
    rationale = models.TextField(_("rationale"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("term", "-created_at")

    def __str__(self) -> str:
        return f"{self.term}: {self.text_mn}"
