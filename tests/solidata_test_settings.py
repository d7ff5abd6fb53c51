"""Settings for the test suite: the real settings, with a throw-away data directory.

The database is whatever DB / DATABASE_URL say (SQLite by default, PostgreSQL in CI); pytest-django
creates and drops its own test database on it.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SOLIDATA_HOME", tempfile.mkdtemp(prefix="solidata-test-"))

from solidata.web.settings import *  # noqa: E402,F403

# Hashing speed only; the hash is still a hash.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Templates use {% static %} without a collectstatic run.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise warns when it is missing)
