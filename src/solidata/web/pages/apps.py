from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "solidata.web.pages"
    label = "pages"
    verbose_name = _("Public pages")
    default_auto_field = "django.db.models.BigAutoField"
