"""Named writes for contacts, case notes, chronology entries and the case summary.

Each runs in one transaction with the young person's row locked, refuses bad input
with a message naming the field (nothing is half-saved), refuses an edit made from a
stale copy, and ends with ``finish_write`` (audit event, status and duty recompute).
Documents are in :mod:`contacts.document_actions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils import timezone

from accounts.models import Role, User
from contacts.models import FACE_TO_FACE_KINDS, CaseNote, CaseSummary, CaseSummaryVersion, ChronologyEntry, Contact
from contacts.models import ContactKindChoice
from people.models import YoungPerson
from people.writes import (
    StaleEdit,
    apply_changes,
    created_changes,
    finish_write,
    lock,
    save_new_version,
    transaction,
)

__all__ = [
    "StaleEdit",
    "add_case_note",
    "add_chronology_entry",
    "record_contact",
    "update_case_note",
    "update_chronology_entry",
    "update_contact",
    "update_summary",
]

# Who can be recorded as having made a contact.
CONTACT_MAKER_ROLES = frozenset({Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.ADMINISTRATOR})
CONTACT_FIELDS = ("on", "kind", "direct", "through_whom", "seen_alone", "place", "worker", "attempted", "summary")
NOTE_FIELDS = ("on", "subject", "text", "significant")
ENTRY_FIELDS = ("on", "title", "detail")


def _finish(young_person: YoungPerson, user: User, verb: str, obj: Any, summary: str, changes: dict[str, Any]) -> None:
    finish_write(young_person, acting_user=user, action=f"contacts.{verb}", obj=obj, summary=summary, changes=changes)


def check_event_date(errors: dict[str, list[str]], name: str, label: str, on: dt.date | None, young_person: YoungPerson) -> None:
    """An event date is required, not in the future, and not before the young person was born."""
    if on is None:
        errors.setdefault(name, []).append(f"Enter the {label[0].lower()}{label[1:]}")
    elif on > timezone.localdate():
        errors.setdefault(name, []).append(f"{label} must be today or in the past")
    elif on < young_person.date_of_birth:
        errors.setdefault(name, []).append(f"{label} must be on or after their date of birth, {young_person.date_of_birth:%-d %B %Y}")


def _require_text(errors: dict[str, list[str]], fields: dict[str, Any], name: str, message: str) -> None:
    fields[name] = (fields.get(name) or "").strip()
    if not fields[name]:
        errors.setdefault(name, []).append(message)


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


# -- the shape of adding and changing a record ----------------------------------------

Cleaner = Callable[[YoungPerson, dict[str, Any], Any], dict[str, Any]]


def _add(young_person: YoungPerson, acting_user: User, fields: dict[str, Any], *, model: type[Model],
         author: str, clean: Cleaner, verb: str, describe: Callable[[Any], str]) -> Any:
    locked = lock(YoungPerson, young_person.pk)
    data = clean(locked, fields, None)
    obj = model.objects.create(young_person=locked, **{author: acting_user}, **data)  # type: ignore[attr-defined]
    _finish(locked, acting_user, verb, obj, describe(obj), created_changes(obj, data))
    return obj


def _update(obj: Any, acting_user: User, expected_version: int | None, fields: dict[str, Any], *,
            clean: Cleaner, verb: str, describe: Callable[[Any], str]) -> Any:
    locked_person = lock(YoungPerson, obj.young_person_id)
    locked = lock(obj)
    changes = apply_changes(locked, expected_version, clean(locked_person, fields, locked))
    save_new_version(locked)
    _finish(locked_person, acting_user, verb, locked, describe(locked), changes)
    return locked


# -- contacts and visits ----------------------------------------------------------------


def _clean_contact(young_person: YoungPerson, fields: dict[str, Any], existing: Contact | None) -> dict[str, Any]:
    """Check a contact's fields together and drop answers that cannot apply, so what is
    stored never contradicts itself (an attempt nobody attended was not "seen alone")."""
    errors: dict[str, list[str]] = {}
    fields = {name: fields.get(name) for name in CONTACT_FIELDS}
    check_event_date(errors, "on", "Date of the contact", fields["on"], young_person)
    if fields["kind"] not in ContactKindChoice.values:
        errors["kind"] = ["Select the type of contact"]
    worker = fields["worker"]
    if worker is None or not worker.is_active or worker.role not in CONTACT_MAKER_ROLES:
        errors["worker"] = ["Select who made the contact from the list"]
    _require_text(errors, fields, "summary", "Enter a summary of the contact")
    fields["place"] = (fields["place"] or "").strip()
    fields["direct"] = bool(fields["direct"])
    fields["attempted"] = bool(fields["attempted"])
    if fields["direct"]:
        fields["through_whom"] = ""
    else:
        _require_text(errors, fields, "through_whom", "Enter who the contact was through, for example their carer")
    if fields["attempted"] and fields["seen_alone"] is True:
        errors["seen_alone"] = ["Seen alone cannot be ‘Yes’ when the contact was only an attempt and nobody was seen"]
    elif fields["kind"] not in FACE_TO_FACE_KINDS or fields["attempted"] or not fields["direct"]:
        fields["seen_alone"] = None  # only a face-to-face meeting with them can answer it
    elif fields["seen_alone"] is None:
        errors["seen_alone"] = ["Select whether the young person was seen alone"]
    _raise(errors)
    # The maker's role when it is recorded; a later change of job does not rewrite it.
    if existing is None or existing.worker_id != worker.pk:
        fields["by_personal_adviser"] = worker.role == Role.PERSONAL_ADVISER
    return fields


def _describe_contact(verb: str) -> Callable[[Contact], str]:
    def describe(contact: Contact) -> str:
        attempt = " (attempt)" if contact.attempted else ""
        return f"{verb} {contact.get_kind_display().lower()}{attempt} on {contact.on:%-d %B %Y}"
    return describe


@transaction.atomic
def record_contact(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> Contact:
    return _add(young_person, acting_user, fields, model=Contact, author="recorded_by", clean=_clean_contact,
                verb="record_contact", describe=_describe_contact("Recorded"))


@transaction.atomic
def update_contact(contact: Contact, *, acting_user: User, expected_version: int | None, **fields: Any) -> Contact:
    return _update(contact, acting_user, expected_version, fields, clean=_clean_contact,
                   verb="update_contact", describe=_describe_contact("Changed"))


# -- case notes -------------------------------------------------------------------------


def _clean_note(young_person: YoungPerson, fields: dict[str, Any], existing: CaseNote | None) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    fields = {name: fields.get(name) for name in NOTE_FIELDS}
    check_event_date(errors, "on", "Date of the note", fields["on"], young_person)
    _require_text(errors, fields, "subject", "Enter the subject")
    _require_text(errors, fields, "text", "Enter the note")
    fields["significant"] = bool(fields["significant"])
    _raise(errors)
    return fields


@transaction.atomic
def add_case_note(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> CaseNote:
    return _add(young_person, acting_user, fields, model=CaseNote, author="written_by", clean=_clean_note,
                verb="add_case_note", describe=lambda note: f"Added a case note: {note.subject}")


@transaction.atomic
def update_case_note(note: CaseNote, *, acting_user: User, expected_version: int | None, **fields: Any) -> CaseNote:
    return _update(note, acting_user, expected_version, fields, clean=_clean_note,
                   verb="update_case_note", describe=lambda note: f"Changed the case note: {note.subject}")


# -- chronology entries -----------------------------------------------------------------


def _clean_entry(young_person: YoungPerson, fields: dict[str, Any], existing: ChronologyEntry | None) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    fields = {name: fields.get(name) for name in ENTRY_FIELDS}
    check_event_date(errors, "on", "Date of the event", fields["on"], young_person)
    _require_text(errors, fields, "title", "Enter what happened")
    fields["detail"] = (fields["detail"] or "").strip()
    _raise(errors)
    return fields


@transaction.atomic
def add_chronology_entry(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> ChronologyEntry:
    return _add(young_person, acting_user, fields, model=ChronologyEntry, author="recorded_by", clean=_clean_entry,
                verb="add_chronology_entry", describe=lambda entry: f"Added to the chronology: {entry.title}")


@transaction.atomic
def update_chronology_entry(
    entry: ChronologyEntry, *, acting_user: User, expected_version: int | None, **fields: Any
) -> ChronologyEntry:
    return _update(entry, acting_user, expected_version, fields, clean=_clean_entry,
                   verb="update_chronology_entry", describe=lambda entry: f"Changed the chronology entry: {entry.title}")


# -- the case summary -------------------------------------------------------------------


@transaction.atomic
def update_summary(
    young_person: YoungPerson, *, acting_user: User, expected_version: int | None, text: str
) -> CaseSummary:
    """Save the case summary. Saving unchanged text is allowed: it records that the
    summary was reviewed and still stands on this date."""
    locked_person = lock(YoungPerson, young_person.pk)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": ["Enter the case summary"]})
    today = timezone.localdate()
    summary = CaseSummary.objects.select_for_update().filter(young_person=locked_person).first()
    if summary is None:
        if expected_version is not None:
            raise StaleEdit()
        summary = CaseSummary.objects.create(young_person=locked_person, text=text, updated_on=today, updated_by=acting_user)
        changes = created_changes(summary, ["text", "updated_on"])
    else:
        # A first save started before someone else's first save has no version: stale too.
        changes = apply_changes(summary, -1 if expected_version is None else expected_version,
                                {"text": text, "updated_on": today, "updated_by": acting_user})
        save_new_version(summary)
    CaseSummaryVersion.objects.create(
        summary=summary, number=summary.version, text=text, saved_on=today, saved_by=acting_user
    )
    _finish(locked_person, acting_user, "update_summary", summary, f"Saved the case summary (version {summary.version})", changes)
    return summary
