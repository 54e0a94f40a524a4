"""Named writes for allocations of workers to young people."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Role, User
from audit.record import record_event
from casework.models import Allocation, AllocationRole
from people.models import YoungPerson

# The staff role each kind of allocation needs.
ROLE_FOR_ALLOCATION = {
    AllocationRole.PERSONAL_ADVISER: Role.PERSONAL_ADVISER,
    AllocationRole.SOCIAL_WORKER: Role.SOCIAL_WORKER,
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
    """Allocate `worker` from `start`. A current allocation in the same role ends that day,
    so a young person has one personal adviser (and one social worker) at a time."""
    locked = YoungPerson.objects.select_for_update().get(pk=young_person.pk)
    if not worker.is_active or worker.role != ROLE_FOR_ALLOCATION[AllocationRole(role)]:
        label = AllocationRole(role).label.lower()
        raise ValidationError({"worker": [f"Select a member of staff who works as a {label}"]})
    if start < locked.date_of_birth:
        raise ValidationError({"start": ["Start date must be on or after the date of birth"]})
    current = list(
        Allocation.objects.select_for_update().filter(young_person=locked, role=role).active_on(start)
    )
    later = Allocation.objects.filter(young_person=locked, role=role, start__gt=start)
    if later.exists():
        raise ValidationError(
            {"start": [f"Start date must be after {later.earliest('start').start:%-d %B %Y}, when a later allocation starts"]}
        )
    for previous in current:
        if previous.worker_id == worker.pk:
            raise ValidationError({"worker": [f"{worker.display_name} is already allocated"]})
        if previous.start == start:
            raise ValidationError(
                {"start": ["Start date must be after the current allocation's start date"]}
            )
        _end(previous, start, acting_user=acting_user, note=" (handed over)")
    allocation = Allocation.objects.create(young_person=locked, worker=worker, role=role, start=start)
    record_event(
        actor=acting_user,
        action="casework.allocate_worker",
        obj=allocation,
        young_person=locked,
        summary=f"Allocated {worker.display_name} as {allocation.get_role_display().lower()} from {start:%-d %B %Y}",
        changes={"worker": [None, worker.pk], "role": [None, role], "start": [None, start.isoformat()]},
    )
    return allocation


@transaction.atomic
def end_allocation(allocation: Allocation, *, acting_user: User, end: dt.date) -> Allocation:
    locked = Allocation.objects.select_for_update().get(pk=allocation.pk)
    if locked.end is not None:
        raise ValidationError({"end": ["This allocation has already ended"]})
    if end <= locked.start:
        raise ValidationError({"end": [f"End date must be after the start date, {locked.start:%-d %B %Y}"]})
    _end(locked, end, acting_user=acting_user)
    return locked


def _end(allocation: Allocation, end: dt.date, *, acting_user: User, note: str = "") -> None:
    allocation.end = end
    allocation.save(update_fields=["end"])
    record_event(
        actor=acting_user,
        action="casework.end_allocation",
        obj=allocation,
        young_person=allocation.young_person,
        summary=f"Ended {allocation.worker.display_name}'s allocation on {end:%-d %B %Y}{note}",
        changes={"end": [None, end.isoformat()]},
    )
