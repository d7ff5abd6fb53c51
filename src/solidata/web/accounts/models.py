"""Who may do what: one role per user, with the organisations, areas or countries it covers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from solidata.web.registry.models import AdminArea, Country, Organisation


class Role(models.TextChoices):
    ENTITY = "entity", _("entity representative")
    ENUMERATOR = "enumerator", _("enumerator")
    RESEARCHER = "researcher", _("researcher")
    COMMITTEE = "committee", _("committee member")
    ADMIN = "admin", _("administrator")


class Membership(models.Model):
    """A user's role and scope.

    - entity representative: ``organisations`` they speak for (their own only);
    - enumerator: fills in on behalf of organisations in ``areas``;
    - researcher: everything in ``countries`` (review, import, analysis);
    - committee member: aggregates only for ``countries``, never individual answers;
    - administrator: everything.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    organisations = models.ManyToManyField(
        Organisation, blank=True, verbose_name=_("organisations represented")
    )
    areas = models.ManyToManyField(AdminArea, blank=True, verbose_name=_("assigned areas"))
    countries = models.ManyToManyField(Country, blank=True, verbose_name=_("assigned countries"))

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
