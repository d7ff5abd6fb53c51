"""Typed readers for settings from the environment; a bad value stops start-up with a clear message.

Every setting Solidata reads is declared in :data:`SETTINGS` with its default and a help line, and
documented in docs/settings.md (a test keeps the two in step).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

SETTINGS: dict[str, str] = {
    "SOLIDATA_HOME": "Data directory (database, secret key, uploads, collected static). "
    "Default ./solidata-data.",
    "SOLIDATA_DEBUG": "Django debug mode, for development only. Default off.",
    "SOLIDATA_SECRET_KEY": "Secret key (or SOLIDATA_SECRET_KEY_FILE). Default: generated once "
    "into the data directory.",
    "SOLIDATA_ALLOWED_HOSTS": "Comma-separated host names the site answers to. "
    "Default 127.0.0.1,localhost,[::1].",
    "SOLIDATA_CSRF_TRUSTED_ORIGINS": "Comma-separated origins (https://example.org) trusted for "
    "forms behind a proxy. Default none.",
    "SOLIDATA_SECURE": "Set on when served over HTTPS: secure cookies, HSTS, SSL redirect. "
    "Default off.",
    "SOLIDATA_MIN_CELL": "Smallest group size shown to non-researchers. Default 5.",
    "SOLIDATA_IMPORT_MAX_MB": "Largest file an import accepts (upload page and `solidata "
    "import`), in megabytes. Default 200.",
    "SOLIDATA_IMPORT_MAX_CELLS": "Largest sheet an imported workbook may have, in cells (rows x "
    "columns from A1 to its last cell). Default 20000000.",
    "SOLIDATA_IMPORT_MAX_TEXT_MB": "Most text the cells of an imported workbook may hold, in "
    "millions of characters. Default 200.",
    "SOLIDATA_MINUTES_MAX_MB": "Largest minutes file attached to a committee decision, in "
    "megabytes. Default 10.",
    "SOLIDATA_DB_TIMEOUT": "SQLite only: seconds a write waits for another connection's write "
    "lock (an import part) before the page answers 503 with Retry-After. Default 20.",
    "SOLIDATA_MAX_BODY_KB": "Largest request body other than a file upload (forms, JSON API, "
    "autosaves), in kilobytes. Default 512.",
    "SOLIDATA_SIGNIN_FAILURES": "Wrong passwords allowed per user name, and per address, within "
    "the lockout time before sign-in (site and admin) is refused. Default 5.",
    "SOLIDATA_SIGNIN_LOCKOUT_MINUTES": "How long sign-in stays refused after too many wrong "
    "passwords, and the window they are counted in. Default 15.",
    "SOLIDATA_ANONYMOUS_DRAFTS": "Self-assessments without an account one browser session, and "
    "one address, may start per day. Default 20.",
    "SOLIDATA_DRAFT_DAYS": "Unsubmitted self-assessments without an account untouched this many "
    "days are deleted (`solidata manage prune`). Default 90.",
    "DB": "Database engine: sqlite (default) or postgres.",
    "DATABASE_URL": "PostgreSQL URL, postgres://user:password@host:port/name (with DB=postgres).",
    "DB_NAME": "PostgreSQL database name when DATABASE_URL is not set. Default solidata.",
    "DB_USER": "PostgreSQL user when DATABASE_URL is not set. Default solidata.",
    "DB_PASSWORD": "PostgreSQL password (or DB_PASSWORD_FILE) when DATABASE_URL is not set.",
    "DB_HOST": "PostgreSQL host when DATABASE_URL is not set. Default localhost.",
    "DB_PORT": "PostgreSQL port when DATABASE_URL is not set. Default 5432.",
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _declared(name: str) -> str:
    if name not in SETTINGS:
        raise KeyError(f"{name} is not declared in solidata.web.env.SETTINGS")
    return name


def _invalid(name: str, value: str, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"The setting {name} has the value {value!r}, which is not {expected}. "
        f"Fix or unset the environment variable {name}."
    )


def envstr(name: str, default: str) -> str:
    return os.environ.get(_declared(name), default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(_declared(name))
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise _invalid(name, value, "one of 1/0, true/false, yes/no, on/off")


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(_declared(name))
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise _invalid(name, value, "a whole number") from None
    if minimum is not None and number < minimum:
        raise _invalid(name, value, f"a whole number of at least {minimum}")
    return number


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(_declared(name))
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(_declared(name), default).strip().lower()
    if value not in choices:
        raise _invalid(name, value, "one of " + ", ".join(choices))
    return value


def envsecret(name: str) -> str | None:
    """A secret from ``NAME`` or from the file named by ``NAME_FILE`` (Docker/systemd secrets)."""
    value = os.environ.get(_declared(name))
    path = os.environ.get(name + "_FILE")
    if value and path:
        raise ImproperlyConfigured(f"Set either {name} or {name}_FILE, not both.")
    if path:
        try:
            return Path(path).read_text("utf-8").strip()
        except OSError as error:
            raise ImproperlyConfigured(f"{name}_FILE={path} cannot be read: {error}") from None
    return value or None


def data_home() -> Path:
    return Path(envstr("SOLIDATA_HOME", "solidata-data")).expanduser().resolve()


def local_secret_key(home: Path) -> str:
    """The secret key stored in the data directory, generated (mode 0600) on first use."""
    path = home / "secret_key"
    if path.exists():
        return path.read_text("utf-8").strip()
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process wrote it first
        return path.read_text("utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
