"""Writing audit rows. Called by actions inside their transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from audit.models import AccessLog, AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose values differ."""
    return {
        name: [_plain(before.get(name)), _plain(value)]
        for name, value in after.items()
        if _plain(before.get(name)) != _plain(value)
    }


def record_event(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    summary: str,
    young_person: Any = None,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        young_person=young_person,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        summary=summary,
        changes={k: [_plain(v) for v in pair] for k, pair in (changes or {}).items()},
    )


def record_view(*, user: Any, young_person: Any, path: str) -> None:
    AccessLog.objects.create(user=user, young_person=young_person, path=path[:300])
