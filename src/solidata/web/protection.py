"""Middleware and error handling that every response passes: a busy database answers 503, never
500; a Content-Security-Policy on every response; pages and API answers that carry private data
are neither cached by shared caches nor indexed.

See docs/deploy.md ("Busy database", "Headers").
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)

# What SQLite ("database is locked") and PostgreSQL (lock_timeout, NOWAIT) say when another
# connection holds what a statement needs for longer than the connection waits.
BUSY_MESSAGES = (
    "database is locked",
    "database table is locked",
    "database is busy",
    "lock timeout",
    "could not obtain lock",
)
RETRY_AFTER_SECONDS = 5

# Paths whose answers carry private data: assessments behind their private links, their results,
# the review, imports and the JSON API of submissions, organisations' results and assessments.
PRIVATE_PREFIXES = (
    "/assess/",
    "/review/",
    "/imports/",
    "/api/submissions/",
    "/api/organisations/",
    "/api/assessments/",
    "/sign-in/",
    "/admin/",
)

# Scripts and styles come from the site itself only (no inline script anywhere); the score bars
# set their width in a style attribute, which CSP 3's style-src-attr allows without letting any
# inline <style> or script in.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


def is_busy(error: BaseException | None) -> bool:
    """Whether ``error`` says the database is busy (locked by another connection)."""
    if not isinstance(error, OperationalError):
        return False
    text = str(error).lower()
    return any(message in text for message in BUSY_MESSAGES)


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def busy_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the translated page, or JSON for the API and autosaves."""
    message = _("The site is busy saving other work. Nothing was lost: try again in a moment.")
    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse({"error": "busy", "message": message}, status=503)
    else:
        response = render(request, "pages/busy.html", {"message": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


class BusyDatabaseMiddleware:
    """Turns a view's "database is locked" into :func:`busy_response` (logged as a warning)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy(exception):
            return None
        logger.warning("Busy database on %s %s: %s", request.method, request.path, exception)
        return busy_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler: a busy database met outside a view (a session saved by middleware, for
    example) still answers 503; anything else is the plain 500 page."""
    if is_busy(sys.exc_info()[1]):
        return busy_response(request)
    return defaults.server_error(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy on every response; private, uncached, unindexed private pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if request.path.startswith(PRIVATE_PREFIXES):
            patch_cache_control(response, private=True, no_store=True)
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
