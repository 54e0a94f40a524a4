"""The shape every named write shares: lock, check the version, apply, audit, recompute.

Actions in every app use these, so that each write runs in one transaction, refuses
an edit made from a stale copy, leaves an audit event, recomputes the stored status
timeline in the same transaction and queues the duty ledger recompute after commit.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, Model

from audit.record import changes_between, record_event


class StaleEdit(Exception):
    """Someone else changed the record after this user opened it."""

    message = (
        "Someone else changed this record while you were editing it. "
        "Your changes have not been saved: open it again to see their changes."
    )


def values_of(obj: Model, names: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def lock(model_or_obj: Any, pk: int | None = None) -> Any:
    """Re-read a row with a row lock (SELECT … FOR UPDATE; SQLite locks the database)."""
    if pk is None:
        return type(model_or_obj).objects.select_for_update().get(pk=model_or_obj.pk)
    return model_or_obj.objects.select_for_update().get(pk=pk)


def apply_changes(obj: Model, expected_version: int | None, fields: dict[str, Any]) -> dict[str, list[Any]]:
    """Set `fields` on a locked record after checking nobody saved since the user opened it.
    Returns what changed, for the audit event."""
    if expected_version is not None and obj.version != expected_version:  # type: ignore[attr-defined]
        raise StaleEdit()
    before = values_of(obj, fields)
    for name, value in fields.items():
        setattr(obj, name, value)
    return changes_between(before, fields)


def save_new_version(obj: Model) -> None:
    obj.version = F("version") + 1  # type: ignore[attr-defined]
    obj.save()
    obj.refresh_from_db()


def finish_write(
    young_person: Any, *, acting_user: Any, action: str, obj: Model, summary: str, changes: dict[str, Any]
) -> None:
    """Every write ends the same way: an audit event and the status timeline recomputed in the
    same transaction, then the duty ledger recomputed once the transaction commits.

    ``action`` is "app.verb", e.g. "contacts.record_contact".
    """
    from duties.recompute import recompute_after_commit
    from people.status import recompute_status

    record_event(actor=acting_user, action=action, obj=obj, young_person=young_person, summary=summary, changes=changes)
    recompute_status(young_person)
    recompute_after_commit(young_person.pk)


def save_with(form: Any, action: Any, *args: Any, **kwargs: Any) -> Any:
    """Run an action with a form's data; put its refusal back on the form. None when refused."""
    from django.core.exceptions import ValidationError

    try:
        return action(*args, **kwargs)
    except ValidationError as error:
        form.apply_errors(error)
    except StaleEdit as stale:
        form.add_error(None, stale.message)
    return None


def changed_fields(obj: Model, changes: dict[str, Any]) -> str:
    """'preferred name and phone' from the changed field names, for an audit summary."""
    names = []
    for name in changes:
        try:
            names.append(str(obj._meta.get_field(name).verbose_name).lower())
        except Exception:  # noqa: BLE001 - a non-field change keeps its own name
            names.append(name.replace("_", " "))
    if not names:
        return "nothing"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def created_changes(obj: Model, names: Any) -> dict[str, Any]:
    return changes_between({}, values_of(obj, names))


__all__ = [
    "StaleEdit",
    "apply_changes",
    "changed_fields",
    "created_changes",
    "finish_write",
    "lock",
    "save_new_version",
    "save_with",
    "transaction",
    "values_of",
]
