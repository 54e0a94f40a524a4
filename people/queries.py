"""Read-side queries for the register and caseload pages.

Every figure comes from stored rows through indexes: the current category from
the stored timeline, the personal adviser from current allocations. Nothing
here runs the rules per request.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.db.models import CharField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Concat

from accounts.models import CASEWORK_ROLES, SERVICE_WIDE_ROLES, Role, User
from casework.models import Allocation, AllocationRole
from compliance.calendar import LeapDayRule
from people.forms import SORTS
from people.models import YoungPerson
from people.status import local_policy, spans_on


def latest_birth_date_for_age(age: int, on: dt.date, rule: LeapDayRule) -> dt.date:
    """The latest date of birth of someone who is at least `age` on `on`.

    Agrees with compliance.calendar.age_on for 29 February births under either rule.
    """
    year = on.year - age
    if on.month == 2 and on.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    if (
        rule == LeapDayRule.FEB_28
        and on.month == 2
        and on.day == 28
        and not calendar.isleap(on.year)
        and calendar.isleap(year)
    ):
        return dt.date(year, 2, 29)
    return dt.date(year, on.month, on.day)


AGE_BAND_LIMITS: dict[str, tuple[int | None, int | None]] = {
    "under_16": (None, 16),
    "16_17": (16, 18),
    "18_20": (18, 21),
    "21_24": (21, 25),
    "25_plus": (25, None),
}


def age_band_filter(band: str, today: dt.date) -> Q:
    low, high = AGE_BAND_LIMITS[band]
    rule = local_policy().leap_day_birthday_rule
    condition = Q()
    if low is not None:
        condition &= Q(date_of_birth__lte=latest_birth_date_for_age(low, today, rule))
    if high is not None:
        condition &= Q(date_of_birth__gt=latest_birth_date_for_age(high, today, rule))
    return condition


def with_register_columns(people: QuerySet[YoungPerson], today: dt.date) -> QuerySet[YoungPerson]:
    """Annotate each person's current category and current personal adviser's name."""
    current_span = spans_on(today).filter(young_person=OuterRef("pk"))
    adviser = (
        Allocation.objects.active_on(today)
        .filter(young_person=OuterRef("pk"), role=AllocationRole.PERSONAL_ADVISER)
        .order_by("-start")
        .annotate(name=Concat("worker__first_name", Value(" "), "worker__last_name", output_field=CharField()))
    )
    return people.select_related("team").annotate(
        current_category=Subquery(current_span.values("category")[:1]),
        personal_adviser_name=Subquery(adviser.values("name")[:1]),
    )


def filter_register(
    people: QuerySet[YoungPerson], filters: dict[str, Any], today: dt.date
) -> QuerySet[YoungPerson]:
    query = (filters.get("q") or "").strip()
    if query:
        for word in query.split():
            people = people.filter(
                Q(given_name__icontains=word)
                | Q(family_name__icontains=word)
                | Q(preferred_name__icontains=word)
                | Q(child_id__iexact=word)
            )
    if filters.get("team"):
        people = people.filter(team=filters["team"])
    if filters.get("category"):
        people = people.filter(
            pk__in=spans_on(today).filter(category=filters["category"]).values("young_person_id")
        )
    if filters.get("age_band"):
        people = people.filter(age_band_filter(filters["age_band"], today))
    if filters.get("worker"):
        people = people.filter(
            pk__in=Allocation.objects.active_on(today).filter(worker=filters["worker"]).values("young_person_id")
        )
    if filters.get("uasc") in ("yes", "no"):
        people = people.filter(uasc=filters["uasc"] == "yes")
    status = filters.get("status") or "open"
    if status == "open":
        people = people.filter(closed_on__isnull=True)
    elif status == "closed":
        people = people.filter(closed_on__isnull=False)
    return people.order_by(*SORTS.get(filters.get("sort") or "name", SORTS["name"]), "pk")


def workers_for_filter(user: User) -> QuerySet[User]:
    """The workers a user may filter the register by."""
    workers = User.objects.filter(is_active=True, role__in=CASEWORK_ROLES)
    if user.role in SERVICE_WIDE_ROLES:
        return workers
    if user.role == Role.TEAM_MANAGER and user.team_id:
        return workers.filter(team_id=user.team_id)
    return workers.filter(pk=user.pk)
