from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitteeConfig(AppConfig):
    name = "solidata.web.committee"
    label = "committee"
    verbose_name = _("Advisory committee")
    default_auto_field = "django.db.models.BigAutoField"
