"""Named writes for a young person's circumstances.

Each kind of record has a ``record_<kind>(young_person, acting_user=..., **fields)``
and an ``update_<kind>(obj, acting_user=..., expected_version=..., **fields)``;
a new accommodation or activity spell starting after the current one ends it (a move).

Each runs in one transaction with the young person's row locked, refuses bad input
with a message naming the field, refuses an edit made from a stale copy, and ends
with ``finish_write`` (audit event, status timeline, duty ledger after commit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model

from accounts.models import User
from audit.record import record_event
from circumstances.checks import (
    birthday_of,
    check_declaration_age,
    check_event_date,
    check_span,
    end_open_spell_for,
    long_date,
    refuse,
    refuse_overlap,
)
from circumstances.models import (
    AccommodationSpell,
    ActivitySpell,
    Declaration,
    DetentionKind,
    DetentionPeriod,
    EducationProgramme,
    StayingPutArrangement,
    StayingPutReview,
)
from compliance import codes
from compliance.facts import DeclarationKind
from people.models import YoungPerson
from people.writes import (
    StaleEdit,
    apply_changes,
    changed_fields,
    created_changes,
    finish_write,
    lock,
    save_new_version,
)

__all__ = [
    "StaleEdit",
    "record_accommodation",
    "record_activity",
    "record_declaration",
    "record_detention",
    "record_education_programme",
    "record_staying_put",
    "record_staying_put_review",
    "update_accommodation",
    "update_activity",
    "update_declaration",
    "update_detention",
    "update_education_programme",
    "update_staying_put",
]


@dataclass(frozen=True)
class _Kind:
    """How one kind of record is checked and described."""

    key: str  # "accommodation": the action names are record_<key> and update_<key>
    model: type[Model]
    check: Callable[[YoungPerson, Any], None]
    describe: Callable[[Any], str]
    overlap_noun: str = ""  # spells of this kind must not overlap; named in the message
    takes_over: bool = False  # a new spell starting later ends the open one (a move)


def _dates(obj: Any) -> str:
    return f"from {long_date(obj.start)}" + (f" to {long_date(obj.end)}" if obj.end else "")


def _check_spells(kind: _Kind, person: YoungPerson, obj: Any) -> Any:
    """Overlap check for spells; returns the open spell a new one takes over from, if any."""
    others = list(kind.model.objects.select_for_update().filter(young_person=person))  # type: ignore[attr-defined]
    ended = end_open_spell_for(obj, others) if kind.takes_over else None
    if ended is not None:
        ended.end = obj.start
    refuse_overlap(obj, others, what=kind.overlap_noun)
    return ended


def _create(kind: _Kind, young_person: YoungPerson, *, acting_user: User, fields: dict[str, Any]) -> Any:
    person = lock(YoungPerson, young_person.pk)
    obj = kind.model(young_person=person, recorded_by=acting_user, **fields)
    kind.check(person, obj)
    ended = _check_spells(kind, person, obj) if kind.overlap_noun else None
    if ended is not None:
        save_new_version(ended)
        record_event(
            actor=acting_user, action=f"circumstances.update_{kind.key}", obj=ended, young_person=person,
            summary=f"Ended {kind.describe(ended)} (they moved on)", changes={"end": [None, obj.start.isoformat()]},
        )
    obj.save()
    finish_write(
        person, acting_user=acting_user, action=f"circumstances.record_{kind.key}", obj=obj,
        summary=f"Recorded {kind.describe(obj)}", changes=created_changes(obj, fields),
    )
    return obj


def _update(
    kind: _Kind, obj: Any, *, acting_user: User, expected_version: int | None, fields: dict[str, Any]
) -> Any:
    person = lock(YoungPerson, obj.young_person_id)
    locked = lock(obj)
    changes = apply_changes(locked, expected_version, fields)
    kind.check(person, locked)
    if kind.overlap_noun:
        _check_spells(kind, person, locked)
    save_new_version(locked)
    finish_write(
        person, acting_user=acting_user, action=f"circumstances.update_{kind.key}", obj=locked,
        summary=f"Changed {changed_fields(locked, changes)} in {kind.describe(locked)}", changes=changes,
    )
    return locked


def _actions(kind: _Kind) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The record_<key> and update_<key> actions of one kind of record."""

    @transaction.atomic
    def record(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> Any:
        return _create(kind, young_person, acting_user=acting_user, fields=fields)

    @transaction.atomic
    def update(obj: Any, *, acting_user: User, expected_version: int | None, **fields: Any) -> Any:
        return _update(kind, obj, acting_user=acting_user, expected_version=expected_version, fields=fields)

    record.__name__, update.__name__ = f"record_{kind.key}", f"update_{kind.key}"
    return record, update


# -- accommodation ------------------------------------------------------------------------


def _check_accommodation(person: YoungPerson, spell: AccommodationSpell) -> None:
    check_span(person, spell.start, spell.end)
    kind = spell.accommodation_type
    if kind not in codes.ACCOMMODATION_TYPES:
        refuse("accommodation_type", "Select the type of accommodation from the list")
    always_unsuitable = kind in codes.ALWAYS_UNSUITABLE_ACCOMMODATION
    if always_unsuitable and spell.suitable is not False:
        refuse("suitable", f"{codes.ACCOMMODATION_TYPES.label(kind)} is always unsuitable: select Not suitable")
    if spell.suitable is False and not spell.unsuitable_reason.strip() and not always_unsuitable:
        refuse("unsuitable_reason", "Enter why the accommodation is not suitable")
    if spell.suitable is not False:
        spell.unsuitable_reason = ""
    eighteenth = birthday_of(person, 18)
    if kind == "Z" and spell.start < eighteenth:
        # SSDA903 rule 3001: Z is for those staying with former foster carers after 18.
        refuse("start", f"Start date must be on or after the 18th birthday, {long_date(eighteenth)}, "
                        "for accommodation with former foster carers")


ACCOMMODATION = _Kind(
    "accommodation", AccommodationSpell, _check_accommodation,
    lambda s: f"accommodation ({s.type_label}) {_dates(s)}", overlap_noun="accommodation", takes_over=True,
)
record_accommodation, update_accommodation = _actions(ACCOMMODATION)


# -- activity -----------------------------------------------------------------------------


def _check_activity(person: YoungPerson, spell: ActivitySpell) -> None:
    check_span(person, spell.start, spell.end)
    if spell.activity not in codes.ACTIVITY:
        refuse("activity", "Select the main activity from the list")


ACTIVITY = _Kind(
    "activity", ActivitySpell, _check_activity,
    lambda s: f"activity ({s.activity_label}) {_dates(s)}", overlap_noun="activity", takes_over=True,
)
record_activity, update_activity = _actions(ACTIVITY)


# -- staying put --------------------------------------------------------------------------


def _check_staying_put(person: YoungPerson, arrangement: StayingPutArrangement) -> None:
    check_span(person, arrangement.start, arrangement.end)
    eighteenth, twenty_first = birthday_of(person, 18), birthday_of(person, 21)
    if arrangement.start < eighteenth:
        refuse("start", f"Start date must be on or after the 18th birthday, {long_date(eighteenth)}")
    if arrangement.start >= twenty_first:
        refuse("start", f"Start date must be before the 21st birthday, {long_date(twenty_first)}: staying put ends at 21")
    if not arrangement.carer.strip():
        refuse("carer", "Enter the name of the former foster carer")


STAYING_PUT = _Kind(
    "staying_put", StayingPutArrangement, _check_staying_put,
    lambda a: f"staying put with {a.carer} {_dates(a)}", overlap_noun="staying put arrangement",
)
record_staying_put, update_staying_put = _actions(STAYING_PUT)


@transaction.atomic
def record_staying_put_review(
    arrangement: StayingPutArrangement, *, acting_user: User, reviewed_on: dt.date, notes: str
) -> StayingPutReview:
    person = lock(YoungPerson, arrangement.young_person_id)
    locked = lock(arrangement)
    check_event_date(person, reviewed_on, field="reviewed_on", label="Date of the review")
    if reviewed_on < locked.start:
        refuse("reviewed_on", f"Date of the review must be on or after the day the arrangement started, {long_date(locked.start)}")
    if locked.end is not None and reviewed_on >= locked.end:
        refuse("reviewed_on", f"Date of the review must be before the day the arrangement ended, {long_date(locked.end)}")
    review = StayingPutReview.objects.create(
        arrangement=locked, reviewed_on=reviewed_on, notes=notes, recorded_by=acting_user
    )
    finish_write(
        person, acting_user=acting_user, action="circumstances.record_staying_put_review", obj=review,
        summary=f"Recorded a review on {long_date(reviewed_on)} of {STAYING_PUT.describe(locked)}",
        changes=created_changes(review, ["reviewed_on", "notes"]),
    )
    return review


# -- what the young person told the council ------------------------------------------------


def _check_declaration(person: YoungPerson, declaration: Declaration) -> None:
    if declaration.kind not in {k.value for k in DeclarationKind}:
        refuse("kind", "Select what they told the council")
    check_event_date(person, declaration.told_on, field="told_on", label="Date the council was told")
    check_declaration_age(person, declaration.kind, declaration.told_on, field="told_on", label="Date the council was told")


DECLARATION = _Kind(
    "declaration", Declaration, _check_declaration,
    lambda d: f"\"{d.kind_label}\", told on {long_date(d.told_on)}",
)
record_declaration, update_declaration = _actions(DECLARATION)


# -- education or training programme past 21 ------------------------------------------------


def _check_programme(person: YoungPerson, programme: EducationProgramme) -> None:
    if not programme.programme.strip():
        refuse("programme", "Enter the course or training programme")
    twenty_first = birthday_of(person, 21)
    if programme.ends_on <= twenty_first:
        refuse("ends_on", f"Date the programme ends must be after the 21st birthday, {long_date(twenty_first)}: "
                          "only a programme that runs past 21 keeps support going")


PROGRAMME = _Kind(
    "education_programme", EducationProgramme, _check_programme,
    lambda p: f"the programme \"{p.programme}\" ending {long_date(p.ends_on)}",
)
record_education_programme, update_education_programme = _actions(PROGRAMME)


# -- detention or hospital -------------------------------------------------------------------


def _check_detention(person: YoungPerson, period: DetentionPeriod) -> None:
    if period.kind not in DetentionKind.values:
        refuse("kind", "Select whether they were detained or in hospital")
    check_span(person, period.start, period.end)


DETENTION = _Kind(
    "detention", DetentionPeriod, _check_detention,
    lambda p: f"{p.get_kind_display().lower()} {_dates(p)}", overlap_noun="period of detention or hospital stay",
)
record_detention, update_detention = _actions(DETENTION)


