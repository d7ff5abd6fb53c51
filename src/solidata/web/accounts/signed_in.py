"""The type of a request that only reaches a view once its user is signed in.

Views behind ``login_required`` (or whose rights check lets no anonymous visitor through) take a
:class:`SignedInRequest`: ``request.user`` is then an account, never ``AnonymousUser``, for the
type checker. At run time it is the ordinary request; nothing is converted.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class SignedInRequest(HttpRequest):
    user: User
