"""The LocalPolicy and LocalStandards in force: core defaults, then deployment settings,
then what an administrator saved on the settings page."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django.conf import settings as django_settings

from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards

POLICY_FIELDS = frozenset(f.name for f in fields(LocalPolicy))
STANDARD_FIELDS = frozenset(f.name for f in fields(LocalStandards))


def _saved() -> dict[str, Any]:
    from duties.models import PolicySetting

    values = dict(getattr(django_settings, "LEAVINGCARE_POLICY", {}))
    values.update(PolicySetting.objects.values_list("name", "value"))
    return values


def current_policy(saved: dict[str, Any] | None = None) -> LocalPolicy:
    values = _saved() if saved is None else saved
    return LocalPolicy(**{k: v for k, v in values.items() if k in POLICY_FIELDS})


def current_standards(saved: dict[str, Any] | None = None) -> LocalStandards:
    values = _saved() if saved is None else saved
    return LocalStandards(**{k: v for k, v in values.items() if k in STANDARD_FIELDS})


def current_settings() -> tuple[LocalPolicy, LocalStandards]:
    saved = _saved()
    return current_policy(saved), current_standards(saved)
