"""What every plans write shares: date checks that name the field, and the audit ending."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils import timezone

from accounts.models import User
from people.models import YoungPerson
from people.writes import StaleEdit, apply_changes, finish_write, lock, save_new_version


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def lock_young_person(young_person: YoungPerson) -> YoungPerson:
    """Writes about one young person queue behind each other, so version numbers and the
    linking of requests to reviews cannot race."""
    return lock(YoungPerson, young_person.pk)


class Checks:
    """Collects a write's problems, each keyed by its form field, then raises them
    together so the error summary lists every one."""

    def __init__(self, young_person: YoungPerson) -> None:
        self.young_person = young_person
        self.today = timezone.localdate()
        self.errors: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def past(self, name: str, label: str, value: dt.date | None) -> None:
        """Not in the future, and not before the young person was born."""
        if value is None:
            return
        if value > self.today:
            self.add(name, f"{label} must be today or in the past")
        elif value < self.young_person.date_of_birth:
            self.add(name, f"{label} must be on or after their date of birth")

    def not_before(self, name: str, label: str, value: dt.date | None, earliest: dt.date | None, what: str) -> None:
        """``value`` on or after ``earliest``; ``what`` says what happened then ("this version was agreed")."""
        if value is not None and earliest is not None and value < earliest and name not in self.errors:
            self.add(name, f"{label} must be on or after {long_date(earliest)}, when {what}")

    def dated(self, name: str, label: str, value: dt.date | None, earliest: dt.date | None = None, what: str = "") -> None:
        """An event date: in the past, and on or after ``earliest`` (when ``what`` happened)."""
        self.past(name, label, value)
        self.not_before(name, label, value, earliest, what)

    def required(self, name: str, message: str, present: object) -> None:
        if not present:
            self.add(name, message)

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def finish(
    young_person: YoungPerson, *, acting_user: User, action: str, obj: Model, summary: str, changes: dict[str, Any]
) -> None:
    finish_write(young_person, acting_user=acting_user, action=f"plans.{action}", obj=obj, summary=summary, changes=changes)


def refuse(message: str) -> None:
    raise ValidationError({"__all__": [message]})


def check_version(locked: Model, expected_version: int | None) -> None:
    """Refuse before any other check, so a stale form never shows someone else's state as an error."""
    if expected_version is not None and locked.version != expected_version:  # type: ignore[attr-defined]
        raise StaleEdit()


def lock_record(young_person: YoungPerson, record: Any, expected_version: int | None) -> tuple[YoungPerson, Any]:
    """Lock the young person, then the record, and refuse a stale edit before any other check."""
    locked_person = lock_young_person(young_person)
    locked = lock(record)
    check_version(locked, expected_version)
    return locked_person, locked


def save_record(
    young_person: YoungPerson, locked: Any, *, acting_user: User, expected_version: int | None,
    fields: dict[str, Any], action: str, summary: str,
) -> Any:
    """Apply the fields to a locked record, bump its version and audit the change."""
    changes = apply_changes(locked, expected_version, fields)
    save_new_version(locked)
    finish(young_person, acting_user=acting_user, action=action, obj=locked, summary=summary, changes=changes)
    return locked
