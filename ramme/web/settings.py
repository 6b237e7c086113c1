"""Django settings, read from environment variables; SQLite under var/ by default."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from ramme.web.env import flag, secret, var_dir

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = var_dir()

SECRET_KEY = secret("RAMME_SECRET_KEY")
PSEUDONYM_KEY = secret("RAMME_PSEUDONYM_KEY")  # keyed hash of CPR numbers
DEBUG = flag("RAMME_DEBUG")
ALLOWED_HOSTS = os.environ.get("RAMME_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API docs page then uses its bundled Swagger UI files, not a CDN
    "ramme.web.accounts",
    "ramme.web.data",
    "ramme.web.front",
    "ramme.web.forecasts",
    "ramme.web.plans",
    "ramme.web.reports",
    "ramme.web.api",
    "ramme.web.benchmark",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ramme.web.urls"
WSGI_APPLICATION = "ramme.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'ramme.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db), conn_max_age=60)
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web app read while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "front:start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "da"
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# Background tasks (imports from the browser, the accuracy backtest) wait in the database, so
# SQLite and PostgreSQL both work without another server; `ramme worker` (or `ramme serve`'s
# own worker) runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

MUNICIPALITY_NAME = os.environ.get("RAMME_MUNICIPALITY", "Demo Kommune")
FRAME_NAME = os.environ.get("RAMME_FRAME", "Det specialiserede børne- og ungeområde")

# A municipality's own legal-basis codes that mean aftercare (efterværn), beside the laws'
# paragraphs (Serviceloven § 76, Barnets lov §§ 108-123), comma-separated.
AFTERCARE_BASES = [
    code.strip() for code in os.environ.get("RAMME_AFTERCARE_BASES", "").split(",") if code.strip()
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("RAMME_LOG_LEVEL", "WARNING")},
}
