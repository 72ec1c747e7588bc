"""Rohnamo settings: one module, configured from the environment (see README.md)."""

import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("ROHNAMO_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Commands that only read code never sign anything, so they need no key (e.g. a build step or
# a check for missing migrations run without the production environment).
KEYLESS_COMMANDS = {"makemigrations", "makemessages", "compilemessages", "collectstatic"}

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY and not DEBUG and KEYLESS_COMMANDS.intersection(sys.argv[1:2]):
    SECRET_KEY = secrets.token_urlsafe(50)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off. "
            "On a development machine, run with DEBUG=1 (the Makefile does)."
        )
    # Development only: a fixed, obviously unsafe key so that `make demo` needs no setup.
    SECRET_KEY = "insecure-development-key-never-use-in-production"

# Keys that encrypt case narratives and attachments at rest (Fernet, urlsafe base64, 32 bytes):
# the first encrypts, all decrypt, so a key is rotated by putting a new one first. A lost copy of
# the database or of var/files/ alone does not expose them.
ENCRYPTION_KEYS = env_list("ROHNAMO_ENCRYPTION_KEYS", "")
if not ENCRYPTION_KEYS and not DEBUG and not KEYLESS_COMMANDS.intersection(sys.argv[1:2]):
    raise ImproperlyConfigured(
        "ROHNAMO_ENCRYPTION_KEYS (or ROHNAMO_ENCRYPTION_KEYS_FILE) must be set when DEBUG is off. "
        'Make one with: python -c "from cryptography.fernet import Fernet; '
        'print(Fernet.generate_key().decode())"'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Trigram lookups for search on PostgreSQL; harmless on SQLite.
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "rohnamo.core",
    "rohnamo.knowledge",
    "rohnamo.counselling",
    "rohnamo.directory",
    "rohnamo.cases",
    "rohnamo.recruitment",
    "rohnamo.crossings",
    "rohnamo.departure",
    "rohnamo.portal",
    "rohnamo.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "rohnamo.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "rohnamo.core.middleware.RequestContextMiddleware",
    # Axes goes last so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rohnamo.core.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite under var/ by default, PostgreSQL 15+ with DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'rohnamo.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the task worker write while the web process reads.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "staff:login"

# Login throttling: five failures lock the username from that address for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0) or None

# Languages: Tajik first and default.
LANGUAGE_CODE = "tg"
LANGUAGES = [("tg", _("Tajik")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "Asia/Dushanbe")
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG or env_bool("ROHNAMO_PLAIN_STATIC"):
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    WHITENOISE_USE_FINDERS = True
# Files the application writes (exports, imports): private, served only through permission checks.
MEDIA_ROOT = VAR_DIR / "files"

# Security. Production defaults; DEBUG relaxes only what breaks plain-HTTP local use.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
X_FRAME_OPTIONS = "DENY"

# No inline scripts or styles anywhere, no third-party origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Rohnamo API",
    "DESCRIPTION": "Labour-migration information system: REST API v1 for partner systems.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Partners read the description before they have a token; it holds no data.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Cases share field names with counselling records; each choice set keeps its own name.
    "ENUM_NAME_OVERRIDES": {
        "CaseKindEnum": "rohnamo.cases.choices.CaseKind",
        "CaseStatusEnum": "rohnamo.cases.choices.CaseStatus",
        "ReferralStatusEnum": "rohnamo.cases.choices.ReferralStatus",
    },
}

# Closed cases are anonymised after this many days (`manage.py anonymise_cases`, run daily).
CASE_RETENTION_DAYS = env_int("CASE_RETENTION_DAYS", 5 * 365)
# Travellers not seen at the border for this many years lose their names and passports.
CROSSINGS_RETENTION_YEARS = env_int("CROSSINGS_RETENTION_YEARS", 10)
# How many synthetic border cards `manage.py load_demo` imports and links.
CROSSINGS_DEMO_CARDS = env_int("CROSSINGS_DEMO_CARDS", 50_000)

# The cache holds rate-limit counters and one-time form tokens of the public request form; with
# several web processes they must share it, so production sets REDIS_URL.
REDIS_URL = env("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background work: a database queue, no broker. `manage.py db_worker` runs it.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# The public address of the site, printed on leaflets (QR codes) made outside a web request.
ROHNAMO_PUBLIC_URL = env("ROHNAMO_PUBLIC_URL", "http://127.0.0.1:8000")

# Alerts of the entry-ban check (SMS or messenger): console, file (VAR_DIR/messages/outbox.jsonl),
# locmem (tests) or http, the operator's gateway; see rohnamo/departure/messaging/backends/http.py.
ROHNAMO_MESSAGE_BACKEND = env("ROHNAMO_MESSAGE_BACKEND", "console" if DEBUG else "file")
ROHNAMO_SMS_GATEWAY_URL = env("ROHNAMO_SMS_GATEWAY_URL", "")
ROHNAMO_SMS_GATEWAY_TOKEN = env("ROHNAMO_SMS_GATEWAY_TOKEN", "")
ROHNAMO_SMS_GATEWAY_TIMEOUT = env_int("ROHNAMO_SMS_GATEWAY_TIMEOUT", 10)
# The gateway sends it back when it reports a reply or a delivery; empty refuses both.
ROHNAMO_SMS_INBOUND_SECRET = env("ROHNAMO_SMS_INBOUND_SECRET", "")

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF they make at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "weasyprint", "fontTools")},
}

# The covering index on border crossings is PostgreSQL's (INCLUDE); on SQLite, Django builds it
# without the extra columns, which is all a demo or test database needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
