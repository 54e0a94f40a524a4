"""Named writes for needs assessments (CPPCR 2010 reg 42; CLR 2010 reg 5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.models import User
from people.access import MANAGING_ROLES
from people.models import YoungPerson
from people.writes import apply_changes, created_changes, lock, save_new_version
from plans.actions.common import Checks, finish, lock_record, lock_young_person, long_date, refuse, save_record
from plans.models import ASSESSMENT_MATTERS, NeedsAssessment

ASSESSMENT_FIELDS = (
    "started_on", "completed_on", "author", *(code for code, _ in ASSESSMENT_MATTERS), "views_sought",
)


def _check(young_person: YoungPerson, fields: dict[str, Any]) -> None:
    checks = Checks(young_person)
    started, completed = fields["started_on"], fields.get("completed_on")
    checks.past("started_on", "Date started", started)
    checks.past("completed_on", "Date completed", completed)
    if completed and started and completed < started and "completed_on" not in checks.errors:
        checks.add("completed_on", "Date completed must be on or after the date started")
    if completed:
        # A completed assessment is the written record CLR reg 5(3) asks for: every matter
        # considered, and whose views were sought.
        for code, label in ASSESSMENT_MATTERS:
            lowered = label[0].lower() + label[1:]
            checks.required(code, f"Enter the assessment of {lowered}, or leave the date completed blank",
                            fields.get(code, "").strip())
        checks.required("views_sought", "Enter whose views were sought, or leave the date completed blank",
                        fields.get("views_sought", "").strip())
    checks.raise_any()


@transaction.atomic
def record_assessment(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> NeedsAssessment:
    locked = lock_young_person(young_person)
    _check(locked, fields)
    assessment = NeedsAssessment.objects.create(young_person=locked, recorded_by=acting_user, **fields)
    finish(
        locked, acting_user=acting_user, action="record_assessment", obj=assessment,
        summary=f"Recorded a needs assessment started on {long_date(assessment.started_on)}",
        changes=created_changes(assessment, ASSESSMENT_FIELDS),
    )
    return assessment


@transaction.atomic
def update_assessment(
    assessment: NeedsAssessment, *, acting_user: User, expected_version: int | None, **fields: Any
) -> NeedsAssessment:
    young_person = lock_young_person(assessment.young_person)
    locked = lock(assessment)
    if locked.is_authorised:
        refuse(f"This assessment was authorised on {long_date(locked.authorised_on)} and can no longer be changed")
    changes = apply_changes(locked, expected_version, fields)
    _check(young_person, {name: getattr(locked, name) for name in ASSESSMENT_FIELDS})
    save_new_version(locked)
    finish(
        young_person, acting_user=acting_user, action="update_assessment", obj=locked,
        summary=f"Changed the needs assessment started on {long_date(locked.started_on)}", changes=changes,
    )
    return locked


def check_may_authorise(user: User) -> None:
    if user.role not in MANAGING_ROLES:
        raise PermissionDenied("Only a team manager or an administrator can authorise.")


@transaction.atomic
def authorise_assessment(
    assessment: NeedsAssessment, *, acting_user: User, expected_version: int | None, authorised_on: dt.date
) -> NeedsAssessment:
    check_may_authorise(acting_user)
    young_person, locked = lock_record(assessment.young_person, assessment, expected_version)
    if locked.completed_on is None:
        refuse("Record the date the assessment was completed before authorising it")
    if locked.is_authorised:
        refuse(f"This assessment was already authorised on {long_date(locked.authorised_on)}")
    checks = Checks(young_person)
    checks.dated("authorised_on", "Date authorised", authorised_on, locked.completed_on, "the assessment was completed")
    checks.raise_any()
    return save_record(
        young_person, locked, acting_user=acting_user, expected_version=expected_version,
        fields={"authorised_on": authorised_on, "authorised_by": acting_user}, action="authorise_assessment",
        summary=f"Authorised the needs assessment completed on {long_date(locked.completed_on)}",
    )
