"""The migrations describe the models exactly.

The SQLite test runs build their tables from the models (pytest-django's ``--no-migrations``, set
by ``dev.py``); the PostgreSQL run and ``solidata demo`` (tests/web/test_demo.py) apply the
migrations themselves. This test keeps the two the same: a model changed without its migration
fails it.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration(settings: Any) -> None:
    settings.MIGRATION_MODULES = {}  # the real ones, even where --no-migrations hid them
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail("models changed without a migration:\n" + out.getvalue())
