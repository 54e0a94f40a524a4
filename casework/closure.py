"""Named writes for closing a case and reopening it when a young person comes back.

The young person's row carries the current state (``closed_on``, ``closure_reason``);
CaseClosure rows keep every closure and reopening, so the history stays visible.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from casework.actions import cancel_planned_transfers, end_on
from casework.models import Allocation, CaseClosure, ClosureReason, ReopenReason
from circumstances.actions import record_declaration
from circumstances.checks import birthday_of, check_declaration_age, check_event_date, long_date, refuse
from compliance.calendar import ordinal
from compliance.facts import DeclarationKind
from people.models import YoungPerson
from people.writes import apply_changes, finish_write, lock, save_new_version

# Before 18 the council's duties to a child it looked after cannot simply end: only
# death or another council taking over closes the case.
CLOSABLE_BEFORE_18 = frozenset({ClosureReason.DIED, ClosureReason.MOVED_COUNCIL})

# The reasons that say the young person has reached an age, and the age.
AGE_REASONS = {ClosureReason.REACHED_21: 21, ClosureReason.DECLINED_AFTER_21: 21, ClosureReason.REACHED_25: 25}

DECLARATION_FOR_REOPENING = {
    ReopenReason.SUPPORT_REQUESTED: DeclarationKind.SUPPORT_REQUESTED,
    ReopenReason.EDUCATION_TRAINING: DeclarationKind.EDUCATION_TRAINING,
}


def _check_closure(person: YoungPerson, closed_on: dt.date, reason: str, reason_detail: str) -> None:
    if reason not in ClosureReason.values:
        refuse("reason", "Select the reason for closing the case")
    check_event_date(person, closed_on, field="closed_on", label="Date of closure")
    eighteenth = birthday_of(person, 18)
    if closed_on < eighteenth and reason not in CLOSABLE_BEFORE_18:
        refuse("closed_on", f"Date of closure must be on or after the 18th birthday, {long_date(eighteenth)}, "
                            "unless they died or moved to another council")
    if reason in AGE_REASONS:
        age = AGE_REASONS[ClosureReason(reason)]
        birthday = birthday_of(person, age)
        if closed_on < birthday:
            refuse("closed_on", f"Date of closure must be on or after the {ordinal(age)} birthday, "
                                f"{long_date(birthday)}, for the reason you chose")
    if reason == ClosureReason.DIED:
        if person.date_of_death is None:
            refuse("reason", "Record the date of death in their personal details before closing the case for this reason")
        if closed_on < person.date_of_death:
            refuse("closed_on", f"Date of closure must be on or after the date of death, {long_date(person.date_of_death)}")
    if reason == ClosureReason.OTHER and not reason_detail.strip():
        refuse("reason_detail", "Enter the reason for closing the case")


def _end_allocations(person: YoungPerson, closed_on: dt.date, *, acting_user: User) -> None:
    """Current allocations end on the day of closure; one starting on or after it cannot."""
    allocations = Allocation.objects.select_for_update().filter(young_person=person).select_related("worker")
    starting = allocations.filter(start__gte=closed_on).order_by("-start").first()
    if starting is not None:
        refuse("closed_on", f"Date of closure must be after {long_date(starting.start)}, "
                            f"when {starting.worker.display_name}'s allocation starts")
    for allocation in allocations.active_on(closed_on):
        end_on(allocation, closed_on, acting_user=acting_user, note=" (case closed)")


@transaction.atomic
def close_case(
    young_person: YoungPerson, *, acting_user: User, expected_version: int | None,
    closed_on: dt.date, reason: str, reason_detail: str = "",
) -> CaseClosure:
    """Close the case: the record says why and from when, and every worker's allocation ends."""
    person = lock(YoungPerson, young_person.pk)
    if person.closed_on is not None:
        refuse("__all__", f"This case was already closed on {long_date(person.closed_on)}")
    _check_closure(person, closed_on, reason, reason_detail)
    closure = CaseClosure(
        young_person=person, closed_on=closed_on, reason=reason,
        reason_detail=reason_detail.strip() if reason == ClosureReason.OTHER else "", closed_by=acting_user,
    )
    changes = apply_changes(person, expected_version, {"closed_on": closed_on, "closure_reason": closure.reason_text[:200]})
    _end_allocations(person, closed_on, acting_user=acting_user)
    cancel_planned_transfers(person, acting_user=acting_user, why=", as the case was closed")
    save_new_version(person)
    closure.save()
    finish_write(
        person, acting_user=acting_user, action="casework.close_case", obj=closure,
        summary=f"Closed the case on {long_date(closed_on)}: {closure.reason_text}", changes=changes,
    )
    return closure


def _open_closure(person: YoungPerson) -> CaseClosure:
    """The closure being undone. A case closed before closures were kept has no row:
    make one from the record, so the history still shows it."""
    closure = CaseClosure.objects.select_for_update().filter(young_person=person, reopened_on__isnull=True).first()
    if closure is None:
        closure = CaseClosure.objects.create(
            young_person=person, closed_on=person.closed_on, reason=ClosureReason.OTHER,
            reason_detail=person.closure_reason or "Not recorded",
        )
    return closure


def _check_reopening(person: YoungPerson, reopened_on: dt.date, reason: str) -> None:
    if reason not in ReopenReason.values:
        refuse("reason", "Select why the case is being reopened")
    check_event_date(person, reopened_on, field="reopened_on", label="Date of reopening")
    if person.date_of_death is not None:
        refuse("__all__", f"This case cannot be reopened: they died on {long_date(person.date_of_death)}")
    if reopened_on < person.closed_on:
        refuse("reopened_on", f"Date of reopening must be on or after the date the case was closed, {long_date(person.closed_on)}")
    twenty_fifth = birthday_of(person, 25)
    if reopened_on >= twenty_fifth:
        refuse("reopened_on", f"Date of reopening must be before the 25th birthday, {long_date(twenty_fifth)}: "
                              "the council's leaving-care duties end at 25")
    declaration = DECLARATION_FOR_REOPENING.get(ReopenReason(reason))
    if declaration is not None:
        # Checked here too, so the message names this form's date rather than the declaration's.
        check_declaration_age(person, declaration, reopened_on, field="reopened_on", label="Date of reopening")


@transaction.atomic
def reopen_case(
    young_person: YoungPerson, *, acting_user: User, expected_version: int | None,
    reopened_on: dt.date, reason: str, note: str = "",
) -> CaseClosure:
    """Reopen a closed case. A request for personal adviser support (21 to 25) or for
    help with education or training (18 to 25) is recorded as a declaration, which is what
    switches those duties back on; a case closed in error, or someone coming back whose
    duties never ended, reopens without one."""
    person = lock(YoungPerson, young_person.pk)
    if person.closed_on is None:
        refuse("__all__", "This case is open")
    _check_reopening(person, reopened_on, reason)
    closure = _open_closure(person)
    changes = apply_changes(person, expected_version, {"closed_on": None, "closure_reason": ""})
    save_new_version(person)
    closure.reopened_on, closure.reopen_reason, closure.reopen_note = reopened_on, reason, note
    closure.reopened_by, closure.reopened_at = acting_user, timezone.now()
    closure.save()
    declaration = DECLARATION_FOR_REOPENING.get(ReopenReason(reason))
    if declaration is not None:
        record_declaration(person, acting_user=acting_user, kind=declaration.value, told_on=reopened_on, note=note)
    finish_write(
        person, acting_user=acting_user, action="casework.reopen_case", obj=closure,
        summary=f"Reopened the case on {long_date(reopened_on)}: {closure.get_reopen_reason_display()}",
        changes=changes,
    )
    return closure
