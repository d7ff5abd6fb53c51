from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "solidata.web.registry"
    label = "registry"
    verbose_name = _("Registry of SSE organisations")
    default_auto_field = "django.db.models.BigAutoField"
