from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "solidata.web.assessments"
    label = "assessments"
    verbose_name = _("Self-assessments on the web")
    default_auto_field = "django.db.models.BigAutoField"
