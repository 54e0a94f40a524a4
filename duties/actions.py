"""Changing the council's settings: audited, then every young person worked out again."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from audit.record import record_event
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from duties.models import PolicySetting
from duties.tasks import recompute_everyone
from duties.settings import POLICY_FIELDS, STANDARD_FIELDS, current_settings, setting_info, setting_label, shown_value


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def _words(name: str, value: Any) -> str:
    info = setting_info(name)
    return shown_value(_plain(value), info.unit, getattr(info, "choices", ()))


@transaction.atomic
def change_settings(*, acting_user: Any, values: dict[str, Any]) -> list[str]:
    """Save the settings that differ from those in force. Returns the names changed.

    Settings change categories and duties for everyone, so after the change commits the
    whole ledger and every status timeline are recomputed.
    """
    unknown = set(values) - POLICY_FIELDS - STANDARD_FIELDS
    if unknown:
        raise ValidationError(f"Unknown settings: {', '.join(sorted(unknown))}")
    policy, standards = current_settings()
    current = {f.name: _plain(getattr(policy, f.name)) for f in fields(policy)}
    current.update({f.name: getattr(standards, f.name) for f in fields(standards)})
    changed = {name: value for name, value in values.items() if _plain(value) != current[name]}
    if not changed:
        return []
    merged = {**current, **{k: _plain(v) for k, v in changed.items()}}
    # The core refuses values it cannot use; check each before anything is written, so the
    # refusal lands on the setting's own field.
    errors = {}
    for name in changed:
        try:
            if name in POLICY_FIELDS:
                LocalPolicy(**{name: merged[name]})
            else:
                LocalStandards(**{name: merged[name]})
        except (TypeError, ValueError) as error:
            errors[name] = [str(error)]
    if errors:
        raise ValidationError(errors)
    for name, value in changed.items():
        setting, created = PolicySetting.objects.get_or_create(
            name=name, defaults={"value": _plain(value), "changed_by": acting_user}
        )
        if not created:
            PolicySetting.objects.filter(pk=setting.pk).update(
                value=_plain(value), changed_by=acting_user, version=F("version") + 1
            )
        record_event(
            actor=acting_user, action="duties.change_setting", obj=setting,
            summary=f"Changed “{setting_label(name)}” from {_words(name, current[name])} to {_words(name, value)}",
            changes={name: [current[name], _plain(value)]},
        )
    # Everyone's categories and duties may change: the task queue does it after commit, so the
    # administrator is not kept waiting at a large council.
    transaction.on_commit(lambda: recompute_everyone.enqueue(with_status=True))
    return sorted(changed)
