from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "solidata.web.findings"
    label = "findings"
    verbose_name = _("Findings and definitions")
    default_auto_field = "django.db.models.BigAutoField"
