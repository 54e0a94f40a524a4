"""Who may audit whose file: nobody audits a file they worked on or whose worker they manage.

A member of staff cannot audit a young person's file if they are, or ever were, allocated to
them (any role, from the allocation history), or if they are a team manager of a team that
holds the case or that any of the young person's workers, past or present, belongs to.

The service keeps no history of team membership, so a manager who has since moved teams is
judged by the teams people are in now; the allocation history itself is complete.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from accounts.models import Role, User
from casework.models import Allocation
from circumstances.checks import long_date
from people.models import YoungPerson

# Roles whose holders may be allocated to audit a file.
AUDITOR_ROLES = frozenset({Role.QA_AUDITOR, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})


def eligible_auditors():  # noqa: ANN201 - a queryset of users
    return User.objects.filter(is_active=True, role__in=AUDITOR_ROLES).select_related("team")


def _relation(allocation: Allocation, young_person: YoungPerson, today: dt.date, *, plural: bool) -> str:
    """'are Jordan Reed's personal adviser', 'was … until 3 May 2025' (plural: 'they are')."""
    role = allocation.get_role_display().lower()
    now, before = ("are", "were") if plural else ("is", "was")
    if allocation.active_on(today):
        return f"{now} {young_person.name}'s {role}"
    if allocation.start > today:
        return f"{now} to become {young_person.name}'s {role} on {long_date(allocation.start)}"
    return f"{before} {young_person.name}'s {role} until {long_date(allocation.end)}"


def conflicts(auditor: User, young_people: Iterable[YoungPerson], today: dt.date) -> dict[int, str]:
    """{young person pk: why this auditor may not audit their file}, for those they may not.

    Two queries whatever the number of young people, so sharing out a whole round is cheap.
    """
    people = {yp.pk: yp for yp in young_people}
    if auditor.role not in AUDITOR_ROLES or not auditor.is_active:
        return {pk: f"{auditor.display_name} does not hold a role that audits case files" for pk in people}
    history: dict[int, list[Allocation]] = defaultdict(list)
    for allocation in Allocation.objects.filter(young_person_id__in=people).select_related("worker__team"):
        history[allocation.young_person_id].append(allocation)
    manages = auditor.team if auditor.role == Role.TEAM_MANAGER and auditor.team_id else None
    found: dict[int, str] = {}
    for pk, young_person in people.items():
        reason = None
        own = [a for a in history[pk] if a.worker_id == auditor.pk]
        if own:
            reason = f"they {_relation(own[0], young_person, today, plural=True)}"
        elif manages is not None:
            theirs = [a for a in history[pk] if a.worker.team_id == manages.pk]
            if theirs:
                worker = theirs[0].worker
                reason = (f"they manage the {manages.name} team, where {worker.display_name}, "
                          f"who {_relation(theirs[0], young_person, today, plural=False)}, works")
            elif young_person.team_id == manages.pk:
                reason = f"they manage the {manages.name} team, which holds {young_person.name}'s case"
        if reason:
            found[pk] = f"{auditor.display_name} cannot audit {young_person.name}'s file: {reason}"
    return found


def conflict(auditor: User, young_person: YoungPerson, today: dt.date) -> str | None:
    return conflicts(auditor, [young_person], today).get(young_person.pk)
