"""Sign-in throttling for the site's sign-in page and the administration's.

Each wrong password counts against the user name tried and against the address it came from,
within a window of SOLIDATA_SIGNIN_LOCKOUT_MINUTES. Once a user name has SOLIDATA_SIGNIN_FAILURES
failures (an address four times as many: an office or a mobile network shares one), sign-in for
it is refused with HTTP 429 and a translated page, the right password included, until the lockout
time has passed. A correct sign-in clears its user name's count.

Written here rather than taken from django-axes: axes keeps its records in database tables and
writes one per attempt, which is what a busy SQLite database can least afford, and needs its own
backend and settings; this needs the cache and two signals. The counts live in Django's cache
(local memory: shared by the threads of the one ``solidata serve`` process; each gunicorn worker
process keeps its own, see docs/deploy.md).
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ADDRESS_FACTOR = 4


def now() -> float:
    return time.time()


def _window() -> int:
    return int(settings.SOLIDATA_SIGNIN_LOCKOUT_MINUTES) * 60


def client_address(request: HttpRequest) -> str:
    """The address a request came from: behind the HTTPS proxy (SOLIDATA_SECURE), the one the
    proxy puts last in X-Forwarded-For."""
    forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.split(",")[-1].strip()[:64]
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def _keys(username: str, address: str) -> list[tuple[str, int]]:
    """Cache keys and their limits: the user name (hashed: any text fits a key) and address."""
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    limit = int(settings.SOLIDATA_SIGNIN_FAILURES)
    return [(f"signin:name:{name}", limit), (f"signin:addr:{address}", limit * ADDRESS_FACTOR)]


def _failures(key: str) -> list[float]:
    cutoff = now() - _window()
    return [t for t in cache.get(key, []) if t > cutoff]


def locked_for(username: str, address: str) -> float:
    """Seconds until ``username`` may sign in again from ``address`` (0: it may now)."""
    wait = 0.0
    for key, limit in _keys(username, address):
        failures = _failures(key)
        if len(failures) >= limit:
            wait = max(wait, failures[-limit] + _window() - now())
    return wait


def failure_record(username: str, address: str) -> None:
    for key, _limit in _keys(username, address):
        cache.set(key, [*_failures(key), now()][-200:], _window())


@receiver(user_login_failed)
def _on_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    if request is not None:
        failure_record(str(credentials.get("username", "")), client_address(request))


@receiver(user_logged_in)
def _on_success(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        key, _limit = _keys(user.get_username(), client_address(request))[0]
        cache.delete(key)


def _sign_in_paths() -> tuple[str, ...]:
    return (reverse("assessments:sign_in"), reverse("admin:login"))


class SignInThrottleMiddleware:
    """Refuses sign-in attempts (POSTs to the sign-in pages) for a locked user name or address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path in _sign_in_paths():
            username = str(request.POST.get("username", ""))
            wait = locked_for(username, client_address(request))
            if wait > 0:
                return _refused(request, wait)
        return self.get_response(request)


def _refused(request: HttpRequest, wait: float) -> HttpResponse:
    minutes = max(1, math.ceil(wait / 60))
    message = ngettext(
        "Too many wrong passwords. Sign-in is paused for this account: try again in %(n)d minute.",
        "Too many wrong passwords. Sign-in is paused for this account: try again in %(n)d minutes.",
        minutes,
    ) % {"n": minutes}
    response = render(
        request,
        "pages/busy.html",
        {"message": message, "heading": _("Sign-in paused")},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(wait))
    return response
