from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Config(AppConfig):
    name = "solidata.web.accounts"
    label = "accounts"
    verbose_name = _("People and roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from solidata.web.accounts import throttle  # noqa: F401  (connects its signal receivers)
