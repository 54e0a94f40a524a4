"""Production settings fail closed: no fallback secret key, DEBUG off unless asked for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from leavingcare.env import env_bool, env_secret


def _import_base_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LEAVINGCARE_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import leavingcare.settings.base as s; print('DEBUG', s.DEBUG)"],
        env=clean, capture_output=True, text=True, check=False,
    )


def test_no_secret_key_means_no_start():
    result = _import_base_settings({"LEAVINGCARE_COUNCIL_NAME": "X", "LEAVINGCARE_VAR_DIR": "/tmp/lc-settings-test"})
    assert result.returncode != 0
    assert "LEAVINGCARE_SECRET_KEY" in result.stderr


def test_debug_is_off_by_default():
    result = _import_base_settings(
        {"LEAVINGCARE_SECRET_KEY": "x" * 40, "LEAVINGCARE_COUNCIL_NAME": "X", "LEAVINGCARE_VAR_DIR": "/tmp/lc-settings-test"}
    )
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


def test_council_name_is_required():
    result = _import_base_settings({"LEAVINGCARE_SECRET_KEY": "x" * 40, "LEAVINGCARE_VAR_DIR": "/tmp/lc-settings-test"})
    assert result.returncode != 0
    assert "LEAVINGCARE_COUNCIL_NAME" in result.stderr


def test_unparseable_boolean_is_an_error(monkeypatch):
    monkeypatch.setenv("LEAVINGCARE_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="true or false"):
        env_bool("LEAVINGCARE_DEBUG")


def test_secret_can_come_from_a_file(tmp_path, monkeypatch):
    secret = tmp_path / "key"
    secret.write_text("s" * 40 + "\n")
    monkeypatch.delenv("LEAVINGCARE_SECRET_KEY", raising=False)
    monkeypatch.setenv("LEAVINGCARE_SECRET_KEY_FILE", str(secret))
    assert env_secret("LEAVINGCARE_SECRET_KEY") == "s" * 40


def test_short_secret_is_refused(monkeypatch):
    monkeypatch.delenv("LEAVINGCARE_SECRET_KEY_FILE", raising=False)
    monkeypatch.setenv("LEAVINGCARE_SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 32"):
        env_secret("LEAVINGCARE_SECRET_KEY")
