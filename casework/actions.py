"""Named writes for allocations of workers, and for transfers between workers.

Closing and reopening a case live in casework/closure.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from audit.record import record_event
from casework.models import (
    Allocation,
    AllocationRole,
    CaseloadReassignment,
    Transfer,
    TransferStatus,
)
from circumstances.checks import check_event_date, long_date, refuse
from people.models import YoungPerson
from people.writes import (
    StaleEdit,
    apply_changes,
    created_changes,
    finish_write,
    lock,
    save_new_version,
)

__all__ = [
    "StaleEdit",
    "allocate_worker",
    "cancel_transfer",
    "complete_transfer",
    "current_allocation",
    "end_allocation",
    "plan_transfer",
    "reassign_caseload",
    "record_handover",
]

# The staff role each kind of allocation needs.
ROLE_FOR_ALLOCATION = {
    AllocationRole.PERSONAL_ADVISER: Role.PERSONAL_ADVISER,
    AllocationRole.SOCIAL_WORKER: Role.SOCIAL_WORKER,
}


def _worker_problem(worker: User, role: str) -> str | None:
    if not worker.is_active or worker.role != ROLE_FOR_ALLOCATION[AllocationRole(role)]:
        return f"Select a member of staff who works as a {AllocationRole(role).label.lower()}"
    return None


def _allocate(locked: YoungPerson, *, acting_user: User, worker: User, role: str, start: dt.date) -> Allocation:
    """Checks and writes of an allocation, without its own audit event (callers add it):
    a current allocation in the same role ends that day, so a young person has one
    personal adviser (and one social worker) at a time."""
    problem = _worker_problem(worker, role)
    if problem:
        raise ValidationError({"worker": [problem]})
    if start < locked.date_of_birth:
        raise ValidationError({"start": ["Start date must be on or after the date of birth"]})
    if locked.closed_on is not None and start >= locked.closed_on:
        raise ValidationError({"start": [
            f"Start date must be before {long_date(locked.closed_on)}, when the case was closed: reopen it first"
        ]})
    current = list(
        Allocation.objects.select_for_update().filter(young_person=locked, role=role).active_on(start)
    )
    later = Allocation.objects.filter(young_person=locked, role=role, start__gt=start)
    if later.exists():
        raise ValidationError(
            {"start": [f"Start date must be after {long_date(later.earliest('start').start)}, when a later allocation starts"]}
        )
    for previous in current:
        if previous.worker_id == worker.pk:
            raise ValidationError({"worker": [f"{worker.display_name} is already allocated"]})
        if previous.start == start:
            raise ValidationError(
                {"start": [f"Start date must be after {long_date(start)}, when the current allocation started"]}
            )
        end_on(previous, start, acting_user=acting_user, note=" (handed over)")
    return Allocation.objects.create(young_person=locked, worker=worker, role=role, start=start)


def _allocation_event(allocation: Allocation) -> dict[str, Any]:
    return {
        "action": "casework.allocate_worker",
        "obj": allocation,
        "summary": (
            f"Allocated {allocation.worker.display_name} as {allocation.get_role_display().lower()} "
            f"from {long_date(allocation.start)}"
        ),
        "changes": {
            "worker": [None, allocation.worker_id], "role": [None, allocation.role], "start": [None, allocation.start.isoformat()],
        },
    }


@transaction.atomic
def allocate_worker(
    young_person: YoungPerson,
    *,
    acting_user: User,
    worker: User,
    role: str,
    start: dt.date,
) -> Allocation:
    locked = lock(YoungPerson, young_person.pk)
    allocation = _allocate(locked, acting_user=acting_user, worker=worker, role=role, start=start)
    finish_write(locked, acting_user=acting_user, **_allocation_event(allocation))
    return allocation


@transaction.atomic
def end_allocation(allocation: Allocation, *, acting_user: User, end: dt.date) -> Allocation:
    person = lock(YoungPerson, allocation.young_person_id)
    locked = lock(allocation)
    if locked.end is not None:
        raise ValidationError({"end": ["This allocation has already ended"]})
    if end <= locked.start:
        raise ValidationError({"end": [f"End date must be after the start date, {long_date(locked.start)}"]})
    locked.end = end
    locked.save(update_fields=["end"])
    finish_write(person, acting_user=acting_user, **_end_event(locked))
    return locked


def _end_event(allocation: Allocation, note: str = "") -> dict[str, Any]:
    return {
        "action": "casework.end_allocation",
        "obj": allocation,
        "summary": f"Ended {allocation.worker.display_name}'s allocation on {long_date(allocation.end)}{note}",
        "changes": {"end": [None, allocation.end.isoformat()]},
    }


def end_on(allocation: Allocation, end: dt.date, *, acting_user: User, note: str = "") -> None:
    allocation.end = end
    allocation.save(update_fields=["end"])
    record_event(actor=acting_user, young_person=allocation.young_person, **_end_event(allocation, note))


# -- transfers ------------------------------------------------------------------------------


def current_allocation(person: YoungPerson, role: str, day: dt.date) -> Allocation | None:
    return Allocation.objects.filter(young_person=person, role=role).active_on(day).select_related("worker").first()


@transaction.atomic
def plan_transfer(
    young_person: YoungPerson, *, acting_user: User, role: str, to_worker: User, planned_on: dt.date, reason: str
) -> Transfer:
    """Plan to hand the case to a new worker; the joint handover and the change of
    allocation are recorded later."""
    person = lock(YoungPerson, young_person.pk)
    if person.closed_on is not None:
        refuse("__all__", "This case is closed: reopen it before planning a transfer")
    problem = _worker_problem(to_worker, role)
    if problem:
        refuse("to_worker", problem)
    if planned_on < person.date_of_birth:
        refuse("planned_on", "Planned transfer date must be on or after the date of birth")
    if not reason.strip():
        refuse("reason", "Enter the reason for the transfer")
    current = current_allocation(person, role, timezone.localdate())
    if current is not None and current.worker_id == to_worker.pk:
        refuse("to_worker", f"{to_worker.display_name} is already allocated")
    if current is not None and planned_on <= current.start:
        # Completing it then would be refused: the new allocation must start after the current one.
        refuse("planned_on", f"Planned transfer date must be after {long_date(current.start)}, "
                             f"when {current.worker.display_name}'s allocation started")
    pending = Transfer.objects.filter(young_person=person, role=role, status=TransferStatus.PLANNED).first()
    if pending is not None:
        refuse("__all__", f"A transfer to {pending.to_worker.display_name} on {long_date(pending.planned_on)} "
                          "is already planned: complete or cancel it first")
    transfer = Transfer.objects.create(
        young_person=person, role=role, from_worker=current.worker if current else None, to_worker=to_worker,
        planned_on=planned_on, reason=reason, recorded_by=acting_user,
    )
    finish_write(
        person, acting_user=acting_user, action="casework.plan_transfer", obj=transfer,
        summary=f"Planned a transfer to {to_worker.display_name} on {long_date(planned_on)}",
        changes=created_changes(transfer, ["role", "from_worker", "to_worker", "planned_on", "reason"]),
    )
    return transfer


def _locked_transfer(transfer: Transfer, expected_version: int | None, fields: dict[str, Any]) -> tuple:
    person = lock(YoungPerson, transfer.young_person_id)
    locked = lock(transfer)
    changes = apply_changes(locked, expected_version, fields)
    if locked.status == TransferStatus.CANCELLED:
        refuse("__all__", "This transfer was cancelled")
    return person, locked, changes


@transaction.atomic
def record_handover(
    transfer: Transfer, *, acting_user: User, expected_version: int | None,
    handover_held_on: dt.date, handover_attendees: str, handover_notes: str,
) -> Transfer:
    """The joint handover meeting between the outgoing and incoming worker and the young person."""
    person, locked, changes = _locked_transfer(transfer, expected_version, {
        "handover_held_on": handover_held_on, "handover_attendees": handover_attendees, "handover_notes": handover_notes,
    })
    check_event_date(person, handover_held_on, field="handover_held_on", label="Date of the handover meeting")
    if locked.completed_on is not None and handover_held_on > locked.completed_on:
        refuse("handover_held_on", f"Date of the handover meeting must be on or before {long_date(locked.completed_on)}, "
                                   "when the transfer was completed")
    if not handover_attendees.strip():
        refuse("handover_attendees", "Enter who attended the handover meeting")
    if not handover_notes.strip():
        refuse("handover_notes", "Enter the handover notes")
    save_new_version(locked)
    finish_write(
        person, acting_user=acting_user, action="casework.record_handover", obj=locked,
        summary=f"Recorded the handover meeting on {long_date(handover_held_on)} for the transfer to {locked.to_worker.display_name}",
        changes=changes,
    )
    return locked


def _complete(person: YoungPerson, transfer: Transfer, *, acting_user: User, on: dt.date) -> Allocation:
    """Allocate the new worker (ending the old allocation) and mark the transfer done."""
    allocation = _allocate(person, acting_user=acting_user, worker=transfer.to_worker, role=transfer.role, start=on)
    record_event(actor=acting_user, young_person=person, **_allocation_event(allocation))
    transfer.status, transfer.completed_on, transfer.allocation = TransferStatus.COMPLETED, on, allocation
    return allocation


@transaction.atomic
def complete_transfer(
    transfer: Transfer, *, acting_user: User, expected_version: int | None, transferred_on: dt.date
) -> Transfer:
    person, locked, _ = _locked_transfer(transfer, expected_version, {})
    if locked.status == TransferStatus.COMPLETED:
        refuse("__all__", f"This transfer was completed on {long_date(locked.completed_on)}")
    if locked.handover_held_on is not None and transferred_on < locked.handover_held_on:
        refuse("transferred_on", f"Transfer date must be on or after {long_date(locked.handover_held_on)}, "
                                 "when the joint handover meeting was held")
    try:
        _complete(person, locked, acting_user=acting_user, on=transferred_on)
    except ValidationError as error:
        # The allocation's own fields are this form's date and the transfer's worker.
        raise ValidationError({
            "transferred_on" if name == "start" else "__all__": [m.replace("Start date", "Transfer date", 1) for m in messages]
            for name, messages in error.message_dict.items()
        }) from None
    save_new_version(locked)
    finish_write(
        person, acting_user=acting_user, action="casework.complete_transfer", obj=locked,
        summary=f"Transferred the case to {locked.to_worker.display_name} on {long_date(transferred_on)}",
        changes={"status": [TransferStatus.PLANNED, TransferStatus.COMPLETED], "completed_on": [None, transferred_on.isoformat()]},
    )
    return locked


def _cancel(transfer: Transfer, why: str = "") -> dict[str, Any]:
    transfer.status = TransferStatus.CANCELLED
    save_new_version(transfer)
    return {
        "action": "casework.cancel_transfer",
        "obj": transfer,
        "summary": (f"Cancelled the transfer to {transfer.to_worker.display_name} planned for "
                    f"{long_date(transfer.planned_on)}{why}"),
        "changes": {"status": [TransferStatus.PLANNED, TransferStatus.CANCELLED]},
    }


@transaction.atomic
def cancel_transfer(transfer: Transfer, *, acting_user: User, expected_version: int | None) -> Transfer:
    person, locked, _ = _locked_transfer(transfer, expected_version, {})
    if locked.status != TransferStatus.PLANNED:
        refuse("__all__", f"This transfer was completed on {long_date(locked.completed_on)}")
    finish_write(person, acting_user=acting_user, **_cancel(locked))
    return locked


def cancel_planned_transfers(person: YoungPerson, *, acting_user: User, why: str, role: str | None = None) -> None:
    """Planned transfers overtaken by another change (a closure, a caseload reassignment)."""
    planned = Transfer.objects.select_for_update().filter(young_person=person, status=TransferStatus.PLANNED)
    for transfer in planned.filter(role=role) if role else planned:
        record_event(actor=acting_user, young_person=person, **_cancel(transfer, why))


# -- a leaving worker's caseload -------------------------------------------------------------


def leaving_caseload(worker: User) -> list[Allocation]:
    """The leaving worker's current allocations, with their young people."""
    today = timezone.localdate()
    return list(
        Allocation.objects.filter(worker=worker).active_on(today).select_related("young_person")
        .order_by("young_person__family_name", "young_person__given_name", "young_person_id")
    )


def worker_field(young_person_id: int) -> str:
    return f"worker_{young_person_id}"


@transaction.atomic
def reassign_caseload(
    *, acting_user: User, leaving_worker: User, new_workers: dict[int, User | None], everyone: User | None,
    transfer_on: dt.date, note: str,
) -> CaseloadReassignment:
    """Move every young person on a leaving worker's caseload to a new worker on one date.

    All or nothing: any refusal (a worker without the role, a date before an allocation
    started) leaves every allocation as it was. ``new_workers`` maps a young person's id
    to their new worker; ``everyone`` is used for those with none chosen.
    """
    caseload = leaving_caseload(leaving_worker)
    if not caseload:
        refuse("leaving_worker", f"{leaving_worker.display_name} has no young people allocated")
    # Every problem at once, so a long caseload is not corrected one refusal at a time.
    errors: dict[str, list[str]] = {} if note.strip() else {"note": ["Enter a handover note"]}
    targets: dict[int, User] = {}
    if everyone is None and not any(new_workers.get(a.young_person_id) for a in caseload):
        errors["everyone"] = [f"Select a new {role_noun(caseload)} for everyone, or for each young person"]
    else:
        targets, choice_errors = _new_workers_for(caseload, leaving_worker, new_workers, everyone)
        errors.update(choice_errors)
    latest = max(caseload, key=lambda a: a.start)
    if transfer_on <= latest.start:
        errors["transfer_on"] = [
            f"Transfer date must be after {long_date(latest.start)}, when {latest.young_person.name}'s allocation started"
        ]
    if errors:
        raise ValidationError(errors)
    reassignment = CaseloadReassignment.objects.create(
        leaving_worker=leaving_worker, transfer_on=transfer_on, note=note, acted_by=acting_user
    )
    for allocation in caseload:
        _reassign_one(allocation, targets[allocation.young_person_id], reassignment, acting_user=acting_user)
    return reassignment


def role_noun(caseload: list[Allocation]) -> str:
    """"personal adviser" for a caseload of personal adviser allocations; "worker" if mixed."""
    roles = {a.role for a in caseload}
    return AllocationRole(roles.pop()).label.lower() if len(roles) == 1 else "worker"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _new_workers_for(
    caseload: list[Allocation], leaving: User, new_workers: dict[int, User | None], everyone: User | None,
) -> tuple[dict[int, User], dict[str, list[str]]]:
    """Each young person's new worker, and what is wrong with the choices. A wrong choice
    for everyone is reported once, on that field, naming whom it cannot take unless that is
    everyone it was used for."""
    noun = role_noun(caseload)
    targets: dict[int, User] = {}
    errors: dict[str, list[str]] = {}
    refused_for_everyone: dict[str, list[str]] = {}
    uses_everyone = 0
    for allocation in caseload:
        person = allocation.young_person
        own = new_workers.get(person.pk)
        target = own or everyone
        if target is None:
            errors[worker_field(person.pk)] = [f"Select a new {noun} for {person.name}, or one for everyone"]
            continue
        uses_everyone += own is None
        problem = (f"Select a worker other than {leaving.display_name}" if target.pk == leaving.pk
                   else _worker_problem(target, allocation.role))
        if problem is None:
            targets[person.pk] = target
        elif own is None:
            refused_for_everyone.setdefault(problem, []).append(person.name)
        else:
            errors[worker_field(person.pk)] = [f"{problem} for {person.name}"]
    for problem, names in refused_for_everyone.items():
        whom = "" if len(names) == uses_everyone else f" for {_names(names)}"
        errors.setdefault("everyone", []).append(problem + whom)
    return targets, errors


def _reassign_one(
    allocation: Allocation, target: User, reassignment: CaseloadReassignment, *, acting_user: User
) -> None:
    person = lock(YoungPerson, allocation.young_person_id)
    leaving = reassignment.leaving_worker
    cancel_planned_transfers(person, acting_user=acting_user, role=allocation.role,
                             why=f", as {leaving.display_name}'s caseload was reassigned")
    transfer = Transfer(
        young_person=person, role=allocation.role, from_worker=leaving, to_worker=target,
        planned_on=reassignment.transfer_on, reason=f"{leaving.display_name} is leaving: caseload reassigned",
        handover_notes=reassignment.note, reassignment=reassignment, recorded_by=acting_user,
    )
    try:
        _complete(person, transfer, acting_user=acting_user, on=reassignment.transfer_on)
    except ValidationError as error:
        messages = [f"{m} for {person.name}" for m in error.messages]
        raise ValidationError({worker_field(person.pk): messages}) from None
    transfer.save()
    finish_write(
        person, acting_user=acting_user, action="casework.reassign_caseload", obj=transfer,
        summary=(f"Reassigned from {leaving.display_name} to {target.display_name} on "
                 f"{long_date(reassignment.transfer_on)}, as {leaving.display_name}'s caseload was reassigned"),
        changes=created_changes(transfer, ["from_worker", "to_worker", "planned_on", "handover_notes", "status"]),
    )
