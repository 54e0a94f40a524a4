"""Settings for every environment. Values that differ come from the environment.

Production needs LEAVINGCARE_SECRET_KEY and LEAVINGCARE_ALLOWED_HOSTS; DEBUG is off
unless LEAVINGCARE_DEBUG says otherwise. DATABASE_URL selects PostgreSQL; without it
the service uses a SQLite file under var/ (git-ignored).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from leavingcare.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("LEAVINGCARE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_secret("LEAVINGCARE_SECRET_KEY")
DEBUG = env_bool("LEAVINGCARE_DEBUG", False)
ALLOWED_HOSTS = env_list("LEAVINGCARE_ALLOWED_HOSTS")

SERVICE_NAME = env_str("LEAVINGCARE_SERVICE_NAME", "Leaving care")
COUNCIL_NAME = env_str("LEAVINGCARE_COUNCIL_NAME", "")
if not COUNCIL_NAME:
    COUNCIL_NAME = env_str("LEAVINGCARE_COUNCIL_NAME")  # raises: every deployment names its council
# The council's code in the SSDA903 return (E10000xxx), which the DfE rules comparing a
# placement with the council's own area read. Empty: those rules have nothing to compare.
LEAVINGCARE_LA_CODE = env_str("LEAVINGCARE_LA_CODE", "")

# Whether personal advisers and social workers may see their whole team's register,
# not only their own caseload (issue 2, §5). Off by default: access follows the caseload.
WORKERS_SEE_TEAM_REGISTER = env_bool("LEAVINGCARE_WORKERS_SEE_TEAM_REGISTER", False)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "people",
    "casework",
    "plans",
    "contacts",
    "circumstances",
    "duties",
    "oversight",
    "ssda903",
    "caseaudits",
    "audit",
    "demo",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "leavingcare.urls"
WSGI_APPLICATION = "leavingcare.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "leavingcare" / "jinja2"],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "leavingcare.jinja2.environment"},
    },
    {
        # Django's own forms and error pages still look for Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'leavingcare.sqlite3'}",
        conn_max_age=env_int("LEAVINGCARE_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo serve pages while a command writes; IMMEDIATE avoids
    # "database is locked" upgrades inside write transactions.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_AGE = env_int("LEAVINGCARE_SESSION_SECONDS", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("LEAVINGCARE_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
# The built GOV.UK and MOJ Frontend assets (frontend/build.mjs writes them; they are committed).
STATICFILES_DIRS = [BASE_DIR / "leavingcare" / "static"]
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Background work (ledger recomputes, and later e-mails) queues in the database: run
# `manage.py db_worker` beside the web processes.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Where people reach the service, for links in e-mails (no request to take it from there).
SITE_URL = env_str("LEAVINGCARE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail: "smtp" (the default), "console" (prints them: for a demo, never in production, as
# e-mails carry personal data), "notify" (GOV.UK Notify) or a backend's dotted path. See docs/email.md.
_EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "notify": "oversight.notify.NotifyEmailBackend",
}
EMAIL_BACKEND = env_str("LEAVINGCARE_EMAIL_BACKEND", "smtp")
EMAIL_BACKEND = _EMAIL_BACKENDS.get(EMAIL_BACKEND, EMAIL_BACKEND)
if "." not in EMAIL_BACKEND:
    raise ImproperlyConfigured(
        f"LEAVINGCARE_EMAIL_BACKEND must be smtp, console, notify or a dotted path, not {EMAIL_BACKEND!r}."
    )
DEFAULT_FROM_EMAIL = env_str("LEAVINGCARE_FROM_EMAIL", "leaving-care@localhost")
EMAIL_HOST = env_str("LEAVINGCARE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("LEAVINGCARE_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("LEAVINGCARE_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("LEAVINGCARE_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("LEAVINGCARE_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("LEAVINGCARE_EMAIL_TIMEOUT", 30)
# GOV.UK Notify: one e-mail template whose subject is ((subject)) and whose body is ((body))
# then ((link_to_file)). Without Notify chosen these may stay empty; with it they must be set.
_NOTIFY = EMAIL_BACKEND == _EMAIL_BACKENDS["notify"]
NOTIFY_API_KEY = ""
if _NOTIFY:
    if not (os.environ.get("LEAVINGCARE_NOTIFY_API_KEY") or os.environ.get("LEAVINGCARE_NOTIFY_API_KEY_FILE")):
        raise ImproperlyConfigured(
            "LEAVINGCARE_EMAIL_BACKEND is notify: set LEAVINGCARE_NOTIFY_API_KEY (or "
            "LEAVINGCARE_NOTIFY_API_KEY_FILE) to the API key GOV.UK Notify gave the service."
        )
    NOTIFY_API_KEY = env_secret("LEAVINGCARE_NOTIFY_API_KEY")
NOTIFY_WEEKLY_TEMPLATE_ID = env_str("LEAVINGCARE_NOTIFY_WEEKLY_TEMPLATE_ID", None if _NOTIFY else "")
NOTIFY_BASE_URL = env_str("LEAVINGCARE_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")

MEDIA_ROOT = VAR_DIR / "documents"  # outside the web root: documents are served only through a permission check
LEAVINGCARE_MAX_UPLOAD_MB = env_int("LEAVINGCARE_MAX_UPLOAD_MB", 10)
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LEAVINGCARE_LOG_LEVEL", "INFO")},
}
