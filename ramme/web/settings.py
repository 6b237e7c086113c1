"""Django settings, read from environment variables; SQLite under var/ by default."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from ramme.web.accounts.oidc.config import oidc_config
from ramme.web.api.docs_files import ninja_static, ninja_templates
from ramme.web.data.dbfiles import database_file, protect
from ramme.web.env import decimal, flag, integer, named_lines, secret, var_dir, words
from ramme.web.production import proxy_ssl_header, pseudonym_key, require_environment

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = var_dir()

# Production mode (driftstilstand): `ramme serve --production` sets it for its workers.
PRODUCTION = flag("RAMME_PRODUCTION")
if PRODUCTION:
    require_environment()  # before secret(), which would otherwise generate key files

SECRET_KEY = secret("RAMME_SECRET_KEY")
DEBUG = flag("RAMME_DEBUG") and not PRODUCTION
ALLOWED_HOSTS = words("RAMME_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = words("RAMME_CSRF_TRUSTED_ORIGINS")

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
    "ramme.web.accounts",
    "ramme.web.data",
    "ramme.web.front",
    "ramme.web.forecasts",
    "ramme.web.plans",
    "ramme.web.reports",
    "ramme.web.api",
    "ramme.web.uploads",
    "ramme.web.quality",
    "ramme.web.benchmark",
    "ramme.web.budgets",
    "ramme.web.texts",
    "axes",  # login lockout (issue 13); after the apps so its admin sits beside theirs
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "ramme.web.accounts.middleware.SessionLimitsMiddleware",
    "ramme.web.accounts.middleware.NoStoreMiddleware",
    "ramme.web.accounts.middleware.DeniedAccessMiddleware",
    "ramme.web.forecasts.middleware.DataVersionMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "ramme.web.urls"
WSGI_APPLICATION = "ramme.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # ninja's own: the API docs page (ninja/swagger.html) without ninja as an app
        "DIRS": [PACKAGE_DIR / "templates", ninja_templates()],
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
    # Created 0600 before SQLite opens it: the WAL and -shm files then get the same mode.
    _sqlite_file = database_file(DATABASES["default"]["NAME"])
    if _sqlite_file is not None:
        protect(_sqlite_file)
    # WAL lets the web app read while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # A write (an audit row, a session) waits this long for a running import's lock
        # instead of failing at once; audit.py shortens it for its own rows.
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The keyed hash of CPR numbers; in production never from a data folder (production.py).
_data_dirs = [VAR_DIR]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    _data_dirs.append(Path(str(DATABASES["default"]["NAME"])).parent)
PSEUDONYM_KEY = pseudonym_key(PRODUCTION, _data_dirs)

AUTH_USER_MODEL = "accounts.User"
# Single sign-on (OpenID Connect) when RAMME_OIDC_CLIENT_ID is set; see docs/deploy.md.
RAMME_OIDC = oidc_config(os.environ)
RAMME_LOCAL_LOGIN = flag("RAMME_LOCAL_LOGIN", default=True)
if not RAMME_LOCAL_LOGIN and RAMME_OIDC is None:
    raise ImproperlyConfigured(
        "RAMME_LOCAL_LOGIN=0 kræver single sign-on (RAMME_OIDC_*), ellers kan ingen logge ind."
    )
AUTHENTICATION_BACKENDS = [
    "ramme.web.accounts.lockout.LockoutBackend",  # django-axes: refuses locked-out logins
    *(["ramme.web.accounts.oidc.backend.OidcBackend"] if RAMME_OIDC else []),
    *(["django.contrib.auth.backends.ModelBackend"] if RAMME_LOCAL_LOGIN else []),
]
# Login hardening (issue 13, docs/deploy.md): five wrong passwords lock for 30 minutes
# (django-axes); Django's password rules; sessions end after 8 hours and after 30 minutes
# without a request (accounts/middleware.py).
AXES_FAILURE_LIMIT = integer("RAMME_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=integer("RAMME_LOCKOUT_MINUTES", 30))
# A user name is locked after five failures, and so is a client address (the proxy's
# X-Forwarded-For in production, lockout.client_ip); a success from it starts it afresh.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "ramme.web.accounts.lockout.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # logins are in ramme's own access log (adgangslog)
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_AGE = 8 * 3600  # the absolute limit; the middleware enforces it per session
SESSION_IDLE_SECONDS = integer("RAMME_SESSION_IDLE_MINUTES", 30) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_AGE = SESSION_COOKIE_AGE
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Content Security Policy (django-csp): only ramme's own files (every page that polls a
# background computation uses front/progress.js); an inline script must carry the nonce.
# Inline styles stay allowed: reports and charts (SVG) use them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
    }
}
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
STATIC_ROOT = VAR_DIR / "static"  # built from the package by collectstatic, not state
# The API docs' Swagger UI files (static/ninja/…) from django-ninja's package. Not as an app
# in INSTALLED_APPS: then every django.setup() imported ninja and pydantic (issue 12).
STATICFILES_DIRS = [ninja_static()]

# Nothing a second app server would need lives on local disk: sessions are in the
# database, and the only cache is per process (Django's default local-memory cache and
# the forecast cache, both keyed on or refilled from the database).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if PRODUCTION:
    # whitenoise serves the collected, hashed and compressed static files from gunicorn.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    STORAGES = {
        # Nothing stores files yet; with several app servers, uploads must not land here.
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # Brotli at its highest level on the API docs' multi-megabyte source maps took most of
    # a minute of every server start (collectstatic runs at each start); only developer
    # tools fetch them, so they are served as they are.
    WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
    # TLS ends at the reverse proxy, which says so in this header (docs/deploy.md).
    SECURE_PROXY_SSL_HEADER = proxy_ssl_header(
        os.environ.get("RAMME_PROXY_SSL_HEADER", "X-Forwarded-Proto: https")
    )
    SECURE_SSL_REDIRECT = flag("RAMME_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = integer("RAMME_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("RAMME_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = flag("RAMME_HSTS_PRELOAD", default=True)

# Installed mapping profiles offered on the import page (TOML files, as `ramme import --profile`).
IMPORT_PROFILES_DIR = Path(
    os.environ.get("RAMME_PROFILES_DIR", PACKAGE_DIR.parents[1] / "docs" / "profiles")
)
# Upper bound on the bytes of one upload (after unzipping): a guard against zip bombs.
IMPORT_MAX_BYTES = int(os.environ.get("RAMME_IMPORT_MAX_MB", "4096")) * 1024 * 1024

MUNICIPALITY_NAME = os.environ.get("RAMME_MUNICIPALITY", "Demo Kommune")
FRAME_NAME = os.environ.get("RAMME_FRAME", "Det specialiserede børne- og ungeområde")
# the committee (ansvarligt udvalg) named on the reports' front pages
COMMITTEE_NAME = os.environ.get("RAMME_COMMITTEE", "Børne- og Skoleudvalget")
# how the reports sign the expected result: "merforbrug+" (forecast − budget, the follow-up
# page) or "merforbrug-" (budget − forecast: an overspend is negative, as document 001 shows)
RESULT_SIGN = os.environ.get("RAMME_RESULT_SIGN", "merforbrug+")
# the annual accounts' Tables 3-4 row of its own (document 002's «Småbørnsstøtte og
# specialinstitutioner»): label and the activity lines it takes out of their ladder step
SPECIALISED_ROW = named_lines("RAMME_SPECIALISED_ROW", "Småbørnsstøtte og specialinstitutioner")

# The accessibility statement's contact (the law asks for both written and phone contact)
# and the address of the municipality's official statement in the WAS-Tool, if it has one.
ACCESSIBILITY_EMAIL = os.environ.get("RAMME_ACCESSIBILITY_EMAIL", "")
ACCESSIBILITY_PHONE = os.environ.get("RAMME_ACCESSIBILITY_PHONE", "")
ACCESSIBILITY_URL = os.environ.get("RAMME_ACCESSIBILITY_URL", "")

# After every import, queue the backtest behind the accuracy page (prognosens træfsikkerhed).
RAMME_ACCURACY_AFTER_IMPORT = flag("RAMME_ACCURACY_AFTER_IMPORT", True)
# after new data, the forecasts the pages read are computed once in the background
RAMME_FORECAST_AFTER_IMPORT = flag("RAMME_FORECAST_AFTER_IMPORT", True)

# A municipality's own legal-basis codes that mean aftercare (efterværn), beside the laws'
# paragraphs (Serviceloven § 76, Barnets lov §§ 108-123), comma-separated.
AFTERCARE_BASES = words("RAMME_AFTERCARE_BASES")

# Data-quality thresholds (ramme.core.quality.Thresholds); docs/data-quality.md.
RAMME_QUALITY_NO_PAYMENT_DAYS = integer("RAMME_QUALITY_NO_PAYMENT_DAYS", 60)
RAMME_QUALITY_PRICE_SHARE = decimal("RAMME_QUALITY_PRICE_PCT", "10") / 100
RAMME_QUALITY_PRICE_KR = decimal("RAMME_QUALITY_PRICE_KR", "5000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("RAMME_LOG_LEVEL", "WARNING")},
}
