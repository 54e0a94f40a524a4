"""Who may see and change which young people: the one place these rules live.

Access follows role, team and caseload and fails closed:
- heads of service, quality-assurance auditors and administrators see the whole service;
- a team manager sees young people in their team and anyone allocated to a member of it;
- a personal adviser or social worker sees their current caseload, and their team's
  register too when WORKERS_SEE_TEAM_REGISTER is on;
- anyone else (no role, inactive) sees nobody.
Someone who cannot see a record gets 404, so its existence is not revealed;
someone who can see it but not change it gets 403.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import CASEWORK_ROLES, SERVICE_WIDE_ROLES, Role, User
from casework.models import Allocation
from people.models import YoungPerson

# Roles that may change records of the young people they can see.
EDITING_ROLES = frozenset({Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.ADMINISTRATOR})
# Roles that may add young people and allocate workers.
MANAGING_ROLES = frozenset({Role.TEAM_MANAGER, Role.ADMINISTRATOR})


def _allocated(day: dt.date, **worker_filter: object) -> Q:
    # "pk IN (this worker's allocations)" rather than a correlated EXISTS: the database reads
    # the worker's few allocations once instead of testing every young person in the council.
    return Q(pk__in=Allocation.objects.active_on(day).filter(**worker_filter).values("young_person_id"))


def caseload(user: User, day: dt.date | None = None) -> QuerySet[YoungPerson]:
    """The young people currently allocated to this worker."""
    day = day or timezone.localdate()
    return YoungPerson.objects.filter(_allocated(day, worker=user))


def visible_young_people(user: User, day: dt.date | None = None) -> QuerySet[YoungPerson]:
    day = day or timezone.localdate()
    people = YoungPerson.objects.all()
    if not (user.is_authenticated and user.is_active):
        return people.none()
    if user.role in SERVICE_WIDE_ROLES:
        return people
    if user.role == Role.TEAM_MANAGER and user.team_id:
        return people.filter(Q(team_id=user.team_id) | _allocated(day, worker__team_id=user.team_id))
    if user.role in CASEWORK_ROLES:
        mine = _allocated(day, worker=user)
        if settings.WORKERS_SEE_TEAM_REGISTER and user.team_id:
            return people.filter(mine | Q(team_id=user.team_id))
        return people.filter(mine)
    return people.none()


# Time-limited, read-only access to one record for someone it would not otherwise reach
# (a case-file auditor from another team): check(user, young_person_pk, day) -> bool.
# Apps register checks in AppConfig.ready(). A grant opens that record's pages only: lists
# and counts never include the person, and can_edit stays false, so the record is read-only.
GRANT_CHECKS: list[Callable[[User, int, dt.date], bool]] = []


def register_grant_check(check: Callable[[User, int, dt.date], bool]) -> None:
    if check not in GRANT_CHECKS:
        GRANT_CHECKS.append(check)


def get_young_person_for(user: User, pk: int) -> YoungPerson:
    """The young person, if this user may see them; 404 otherwise."""
    try:
        return visible_young_people(user).get(pk=pk)
    except YoungPerson.DoesNotExist:
        today = timezone.localdate()
        if user.is_authenticated and user.is_active and any(check(user, pk, today) for check in GRANT_CHECKS):
            granted = YoungPerson.objects.filter(pk=pk).first()
            if granted is not None:
                return granted
        raise Http404("No such young person") from None


def can_edit(user: User, young_person: YoungPerson) -> bool:
    """May change this (visible) young person's records. Workers change only their caseload."""
    if user.role not in EDITING_ROLES:
        return False
    if user.role in CASEWORK_ROLES:
        return caseload(user).filter(pk=young_person.pk).exists()
    return visible_young_people(user).filter(pk=young_person.pk).exists()


def can_manage(user: User, young_person: YoungPerson | None = None) -> bool:
    """May add young people (young_person=None) or change this one's allocations."""
    if not (user.is_authenticated and user.is_active and user.role in MANAGING_ROLES):
        return False
    if young_person is None or user.role == Role.ADMINISTRATOR:
        return True
    return visible_young_people(user).filter(pk=young_person.pk).exists()


def get_editable_young_person_for(user: User, pk: int) -> YoungPerson:
    """404 for those who cannot see the record; 403 for those who can see but not change it."""
    young_person = get_young_person_for(user, pk)
    if not can_edit(user, young_person):
        raise PermissionDenied("You can view this record but not change it.")
    return young_person


def get_managed_young_person_for(user: User, pk: int) -> YoungPerson:
    young_person = get_young_person_for(user, pk)
    if not can_manage(user, young_person):
        raise PermissionDenied("Only a team manager or an administrator can change allocations.")
    return young_person
