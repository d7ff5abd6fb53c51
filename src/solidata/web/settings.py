"""Django settings, read from the environment through the typed helpers of :mod:`solidata.web.env`.

SQLite in the data directory by default; PostgreSQL with ``DB=postgres``. DEBUG is off unless asked
for;
the secret key is generated into the data directory on first run. See docs/settings.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import dj_database_url
import django_stubs_ext
from babel import Locale
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from solidata.web.env import (
    data_home,
    envbool,
    envchoice,
    envint,
    envlist,
    envsecret,
    envstr,
    local_secret_key,
)

# Generic Django classes (ModelAdmin[Model], ModelForm[Model]...) can be subscripted at run time, as
# their type annotations are.
django_stubs_ext.monkeypatch()

WEB_DIR = Path(__file__).resolve().parent
HOME = data_home()

DEBUG = envbool("SOLIDATA_DEBUG", False)
SECRET_KEY = envsecret("SOLIDATA_SECRET_KEY") or local_secret_key(HOME)
ALLOWED_HOSTS = envlist("SOLIDATA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("SOLIDATA_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "solidata.web.accounts",
    "solidata.web.registry",
    "solidata.web.surveys",
    "solidata.web.pages",
    "solidata.web.imports",
    "solidata.web.assessments",
    "solidata.web.findings",
    "solidata.web.casestudies",
    "solidata.web.committee",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "solidata.web.protection.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed for weak connections (static files come compressed from whitenoise); Django
    # pads compressed responses against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "solidata.web.accounts.throttle.SignInThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # innermost: a view's "database is locked" becomes a 503 before the outer middleware sees it
    "solidata.web.protection.BusyDatabaseMiddleware",
]

ROOT_URLCONF = "solidata.web.urls"
WSGI_APPLICATION = "solidata.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "solidata.web.pages.context.site",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------------
if envchoice("DB", "sqlite", ("sqlite", "postgres")) == "postgres":
    url = envstr("DATABASE_URL", "")
    if url:
        DATABASES = {"default": dj_database_url.parse(url, conn_max_age=60)}
    else:
        DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": envstr("DB_NAME", "solidata"),
                "USER": envstr("DB_USER", "solidata"),
                "PASSWORD": envsecret("DB_PASSWORD") or "",
                "HOST": envstr("DB_HOST", "localhost"),
                "PORT": str(envint("DB_PORT", 5432, minimum=1)),
                "CONN_MAX_AGE": 60,
            }
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(HOME / "solidata.sqlite3"),
            # WAL: readers never wait for the writer. IMMEDIATE: a transaction takes the write lock
            # when it begins, so it waits (up to the timeout) there rather than failing half-way.
            # timeout: how long a write waits for another connection's (an import part's) lock
            # before the site answers 503 (see docs/deploy.md).
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": envint("SOLIDATA_DB_TIMEOUT", 20, minimum=1),
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Pages behind login_required send visitors here, with ?next= the page to come back to. Without a
# (safe) next page, researchers land on the findings and everyone else on the self-assessment
# (solidata.web.assessments.views.SignIn).
LOGIN_URL = "assessments:sign_in"
LOGIN_REDIRECT_URL = "assessments:start"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- languages: English plus every language with a compiled catalogue in web/locale ---------------
LOCALE_PATHS = [WEB_DIR / "locale"]


def _catalogue_languages() -> list[tuple[str, str]]:
    """English plus each language that has a compiled catalogue, named in its own language."""
    found = sorted(
        p.parent.parent.name for p in (WEB_DIR / "locale").glob("*/LC_MESSAGES/django.mo")
    )
    languages = [("en", "English")]
    for code in found:
        if code == "en":
            continue
        LANG_INFO.setdefault(code, {"bidi": False, "code": code, "name": code, "name_local": code})
        name = (Locale.parse(code).get_display_name(code) or code).capitalize()
        LANG_INFO[code] = {**LANG_INFO[code], "name_local": name}
        languages.append((code, name))
    return languages


LANGUAGES = _catalogue_languages()
LANGUAGE_CODE = "en"
FORMAT_MODULE_PATH = ["solidata.web.formats"]  # one date format per language
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE: Literal["Lax"] = "Lax"
TIME_ZONE = "Asia/Ulaanbaatar"
USE_I18N = True
USE_TZ = True

# --- static files: whitenoise, collected into the data directory ----------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = HOME / "static"
MEDIA_ROOT = HOME / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- security -------------------------------------------------------------------------------------
SECURE = envbool("SOLIDATA_SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Request bodies other than file uploads (forms, the JSON API, autosaves): the largest
# self-assessment is some tens of kilobytes.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("SOLIDATA_MAX_BODY_KB", 512, minimum=16) * 1024
# Sign-in throttling (site and admin) counts failures in this cache: local memory, shared by the
# threads of the one `solidata serve` (waitress) process; see docs/deploy.md for several processes.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Solidata -------------------------------------------------------------------------------------
SOLIDATA_MIN_CELL = envint("SOLIDATA_MIN_CELL", 5, minimum=1)
SOLIDATA_IMPORT_MAX_MB = envint("SOLIDATA_IMPORT_MAX_MB", 200, minimum=1)
SOLIDATA_IMPORT_MAX_CELLS = envint("SOLIDATA_IMPORT_MAX_CELLS", 20_000_000, minimum=1)
SOLIDATA_IMPORT_MAX_TEXT_MB = envint("SOLIDATA_IMPORT_MAX_TEXT_MB", 200, minimum=1)
SOLIDATA_MINUTES_MAX_MB = envint("SOLIDATA_MINUTES_MAX_MB", 10, minimum=1)
SOLIDATA_SIGNIN_FAILURES = envint("SOLIDATA_SIGNIN_FAILURES", 5, minimum=1)
SOLIDATA_SIGNIN_LOCKOUT_MINUTES = envint("SOLIDATA_SIGNIN_LOCKOUT_MINUTES", 15, minimum=1)
SOLIDATA_ANONYMOUS_DRAFTS = envint("SOLIDATA_ANONYMOUS_DRAFTS", 20, minimum=1)
SOLIDATA_DRAFT_DAYS = envint("SOLIDATA_DRAFT_DAYS", 90, minimum=1)
SITE_TITLE = _("Solidata")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
