"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from solidata import __version__
from solidata.web.accounts.rights import can_see_committee
from solidata.web.registry.models import Organisation


def site(request: HttpRequest) -> dict[str, Any]:
    """``synthetic_data`` drives the notice that every page showing demo data must carry."""
    return {
        "solidata_version": __version__,
        "synthetic_data": Organisation.objects.filter(is_synthetic=True).exists(),
        "sees_committee": hasattr(request, "user") and can_see_committee(request.user),
    }
