"""Pages render with the production static storage (hashed file names from a manifest).

The test settings use plain storage for speed, which would hide a template that asks the
manifest for something that is not a collected file: in production that is a 500 on every page.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import client_for


@pytest.fixture
def manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)


def test_sign_in_page_renders_with_hashed_static_files(manifest_storage, client):
    response = client.get(reverse("accounts:sign-in"))
    assert response.status_code == 200
    assert b"application." in response.content  # the hashed stylesheet name


def test_young_persons_page_renders_with_hashed_static_files(manifest_storage, pa, jordan):
    response = client_for(pa).get(reverse("people:detail", args=[jordan.pk]))
    assert response.status_code == 200
