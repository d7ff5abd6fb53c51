"""Public pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from solidata.web.registry.selectors import registry_counts


def home(request: HttpRequest) -> HttpResponse:
    """What the SSE is, what Solidata does, and how many entities the current data holds."""
    return render(request, "pages/home.html", {"counts": registry_counts()})
