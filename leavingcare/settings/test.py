"""Test settings: the same as production except what tests must control."""

import os

os.environ.setdefault("LEAVINGCARE_SECRET_KEY", "test-only-secret-key-not-for-any-deployment-000")
os.environ.setdefault("LEAVINGCARE_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("LEAVINGCARE_COUNCIL_NAME", "Testshire County Council")

from leavingcare.settings.base import *  # noqa: E402,F403

# Tests create many users; a fast hasher keeps the suite quick (as healthchecks does).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = "https://leavingcare.example.gov.uk"

# WhiteNoise warns when STATIC_ROOT is missing; tests never run collectstatic.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Tasks run at once, in the test, so their effects can be checked.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
