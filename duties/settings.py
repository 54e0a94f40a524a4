"""The LocalPolicy and LocalStandards in force: core defaults, then deployment settings,
then what an administrator saved on the settings page."""

from __future__ import annotations

from dataclasses import fields
import logging
from typing import Any

from django.conf import settings as django_settings

from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards

POLICY_FIELDS = frozenset(f.name for f in fields(LocalPolicy))
STANDARD_FIELDS = frozenset(f.name for f in fields(LocalStandards))
logger = logging.getLogger(__name__)


def _saved() -> dict[str, Any]:
    from duties.models import PolicySetting

    values = dict(getattr(django_settings, "LEAVINGCARE_POLICY", {}))
    values.update(PolicySetting.objects.values_list("name", "value"))
    return values


def _usable(cls: Any, names: frozenset[str], values: dict[str, Any]) -> Any:
    """The settings object from saved values, leaving out any value the core now refuses
    (for example one saved before a minimum was introduced): its default applies instead,
    and the log says so, rather than every page failing."""
    chosen = {k: v for k, v in values.items() if k in names}
    try:
        return cls(**chosen)
    except (TypeError, ValueError):
        usable = {}
        for name, value in chosen.items():
            try:
                cls(**{name: value})
                usable[name] = value
            except (TypeError, ValueError) as error:
                logger.warning("Ignoring the saved setting %s=%r: %s", name, value, error)
        return cls(**usable)


def current_policy(saved: dict[str, Any] | None = None) -> LocalPolicy:
    return _usable(LocalPolicy, POLICY_FIELDS, _saved() if saved is None else saved)


def current_standards(saved: dict[str, Any] | None = None) -> LocalStandards:
    return _usable(LocalStandards, STANDARD_FIELDS, _saved() if saved is None else saved)


def current_settings() -> tuple[LocalPolicy, LocalStandards]:
    saved = _saved()
    return current_policy(saved), current_standards(saved)


def setting_info(name: str) -> Any:
    from compliance.policy import SETTINGS
    from compliance.standards import STANDARDS

    return next(info for info in (*SETTINGS, *STANDARDS) if info.name == name)


def setting_label(name: str) -> str:
    return setting_info(name).label


def shown_value(value: object, unit: str = "", choices: Any = ()) -> str:
    """A setting's value as staff read it: Yes/No, '8 weeks', or the choice's label."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    for key, text in choices or ():
        if key == getattr(value, "value", value):
            return str(text)
    label = getattr(value, "label", None)
    if label:
        return str(label)
    if unit == "percent":
        return f"{value}%"
    if unit in ("days", "weeks", "months"):
        return f"{value} {unit[:-1] if value == 1 else unit}"
    return str(getattr(value, "value", value))
