"""Named writes for the pathway plan and its versions (CLR 2010 reg 6, Schedule 1).

A version is a draft until it is agreed. Its content is then fixed: changing the plan
means starting a new version, which begins as a copy of the one before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from accounts.models import User
from audit.record import changes_between
from compliance.calendar import birthday
from people.models import YoungPerson
from people.status import local_policy
from people.writes import apply_changes, lock, save_new_version, values_of
from plans.actions.assessments import check_may_authorise
from plans.actions.common import Checks, finish, lock_record, lock_young_person, long_date, refuse, save_record
from plans.coverage import coverage
from plans.models import SECTION_MATTERS, NeedsAssessment, PathwayPlan, PathwayPlanVersion, PlanSection

# A plan is prepared ahead of the 16th birthday at the earliest (CPPCR 2010 reg 43 for an
# eligible child), so a date agreed before the 15th can only be a mistyped year.
EARLIEST_PLANNING_AGE = 15


def latest_version(young_person: YoungPerson) -> PathwayPlanVersion | None:
    return PathwayPlanVersion.objects.filter(plan__young_person=young_person).order_by("-number").first()


def first_agreed_on(young_person: YoungPerson) -> dt.date | None:
    """When the pathway plan was first agreed: nothing before it can be a review of it."""
    return (
        PathwayPlanVersion.objects.filter(plan__young_person=young_person, agreed_on__isnull=False)
        .order_by("agreed_on").values_list("agreed_on", flat=True).first()
    )


@transaction.atomic
def start_version(young_person: YoungPerson, *, acting_user: User) -> PathwayPlanVersion:
    """Version 1 of a new plan, or the next version as a copy of the latest."""
    locked = lock_young_person(young_person)
    plan, _ = PathwayPlan.objects.get_or_create(young_person=locked)
    previous = latest_version(locked)
    if previous is not None and previous.is_draft:
        refuse(f"Version {previous.number} is still a draft: agree it before starting another version")
    version = PathwayPlanVersion.objects.create(
        plan=plan,
        number=previous.number + 1 if previous else 1,
        based_on=previous,
        created_by=acting_user,
        **(values_of(previous, PathwayPlanVersion.CONTENT_FIELDS) if previous else {}),
    )
    copied = {s.matter: s for s in previous.sections.all()} if previous else {}
    PlanSection.objects.bulk_create(
        PlanSection(
            plan_version=version,
            matter=matter,
            **(values_of(copied[matter], PlanSection.CONTENT_FIELDS) if matter in copied else {}),
        )
        for matter in SECTION_MATTERS
    )
    summary = f"Started version {version.number} of the pathway plan"
    finish(
        locked, acting_user=acting_user, action="start_version", obj=version,
        summary=summary + (f", copied from version {previous.number}" if previous else ""),
        changes={"number": [None, version.number], "based_on": [None, previous.pk if previous else None]},
    )
    return version


def _refuse_unless_draft(version: PathwayPlanVersion) -> None:
    if not version.is_draft:
        refuse(
            f"Version {version.number} was agreed on {long_date(version.agreed_on)} and cannot be changed: "
            "start a new version to change the plan"
        )


@transaction.atomic
def update_version(
    version: PathwayPlanVersion,
    *,
    acting_user: User,
    expected_version: int | None,
    sections: dict[str, dict[str, Any]],
    **fields: Any,
) -> PathwayPlanVersion:
    """Save a draft's content. ``sections`` maps a matter code to its need, actions, who and by_when."""
    young_person = lock_young_person(version.plan.young_person)
    locked = lock(version)
    _refuse_unless_draft(locked)
    changes = apply_changes(locked, expected_version, fields)
    checks = Checks(young_person)
    weeks = locked.contact_every_weeks
    if weeks is not None and not 1 <= weeks <= 52:
        checks.add("contact_every_weeks", "Agreed frequency of contact must be between 1 and 52 weeks")
    checks.raise_any()
    for section in locked.sections.select_for_update():
        if section.matter not in sections:
            continue
        new = sections[section.matter]
        before = values_of(section, PlanSection.CONTENT_FIELDS)
        for name in PlanSection.CONTENT_FIELDS:
            setattr(section, name, new.get(name) or (None if name == "by_when" else ""))
        changed = changes_between(before, values_of(section, PlanSection.CONTENT_FIELDS))
        if changed:
            section.save()
            changes.update({f"{section.matter}.{name}": pair for name, pair in changed.items()})
    save_new_version(locked)
    finish(
        young_person, acting_user=acting_user, action="update_version", obj=locked,
        summary=f"Changed draft version {locked.number} of the pathway plan", changes=changes,
    )
    return locked


def earliest_agreement(young_person: YoungPerson, version: PathwayPlanVersion) -> tuple[dt.date, str]:
    """The first day ``version`` can have been agreed, and what happened that day: their
    15th birthday, the completion of their first needs assessment (the plan is built on
    it: CLR 2010 reg 6), or the agreement of the version before (versions follow each other).

    The first completed assessment, not the latest: a later reassessment does not make a
    version agreed between the two impossible.
    """
    floors = [(birthday(young_person.date_of_birth, EARLIEST_PLANNING_AGE, local_policy().leap_day_birthday_rule),
               f"they turned {EARLIEST_PLANNING_AGE}")]
    assessed = (
        NeedsAssessment.objects.filter(young_person=young_person, completed_on__isnull=False)
        .order_by("completed_on").values_list("completed_on", flat=True).first()
    )
    if assessed is not None:
        floors.append((assessed, "the needs assessment was completed"))
    earlier = (
        PathwayPlanVersion.objects.filter(plan_id=version.plan_id, number__lt=version.number, agreed_on__isnull=False)
        .order_by("-number").first()
    )
    if earlier is not None:
        floors.append((earlier.agreed_on, f"version {earlier.number} was agreed"))
    return max(floors, key=lambda floor: floor[0])


def covers_nothing(version: PathwayPlanVersion, young_person: YoungPerson) -> bool:
    """No Schedule 1 matter covered and no contingency plan: an empty plan, not a plan."""
    return coverage(version, young_person.uasc).covered_count == 0


def empty_plan_message(version: PathwayPlanVersion) -> str:
    return (f"Version {version.number} does not cover any of the matters a pathway plan must cover "
            "and has no contingency plan")


@transaction.atomic
def agree_version(
    version: PathwayPlanVersion, *, acting_user: User, expected_version: int | None, agreed_on: dt.date
) -> PathwayPlanVersion:
    young_person, locked = lock_record(version.plan.young_person, version, expected_version)
    _refuse_unless_draft(locked)
    if covers_nothing(locked, young_person):
        refuse(f"{empty_plan_message(locked)}: change the draft before agreeing it")
    checks = Checks(young_person)
    checks.past("agreed_on", "Date agreed", agreed_on)
    earliest, what = earliest_agreement(young_person, locked)
    checks.not_before("agreed_on", "Date agreed", agreed_on, earliest, what)
    checks.raise_any()
    return save_record(
        young_person, locked, acting_user=acting_user, expected_version=expected_version,
        fields={"agreed_on": agreed_on}, action="agree_version",
        summary=f"Version {locked.number} of the pathway plan agreed on {long_date(agreed_on)}",
    )


# What each step on an agreed version is called in "Agree version 2 before …".
SIGNING = "recording sign-off"
AUTHORISING = "authorising it"
HANDING_OVER = "recording that they were given a copy"


def not_agreed_message(version: PathwayPlanVersion, doing: str) -> str:
    return f"Agree version {version.number} before {doing}"


def _agreed_for(locked: PathwayPlanVersion, doing: str) -> None:
    if locked.is_draft:
        refuse(not_agreed_message(locked, doing))


@transaction.atomic
def sign_version(
    version: PathwayPlanVersion,
    *,
    acting_user: User,
    expected_version: int | None,
    young_person_signed_on: dt.date | None,
    young_person_signed_how: str,
    worker_signed_on: dt.date | None,
    worker_signed_how: str,
) -> PathwayPlanVersion:
    """Record the young person's and the worker's sign-off. The worker who signs is the
    person recording it; a sign-off dated before the version was agreed is refused.

    Once a manager has authorised the version, a sign-off recorded then is part of what
    they authorised: it can be added if missing, never changed or removed."""
    young_person, locked = lock_record(version.plan.young_person, version, expected_version)
    _agreed_for(locked, SIGNING)
    checks = Checks(young_person)
    for who, label, on, how in (
        ("young_person", "Date the young person signed", young_person_signed_on, young_person_signed_how),
        ("worker", "Date the worker signed", worker_signed_on, worker_signed_how),
    ):
        recorded = getattr(locked, f"{who}_signed_on"), getattr(locked, f"{who}_signed_how")
        if locked.authorised_on and recorded[0] is not None and (on, how) != recorded:
            checks.add(f"{who}_signed_on", f"{label} cannot be changed: a manager authorised version "
                       f"{locked.number} on {long_date(locked.authorised_on)}. Start a new version to sign again")
            continue
        checks.dated(f"{who}_signed_on", label, on, locked.agreed_on, "this version was agreed")
        what = "the young person" if who == "young_person" else "the worker"
        if on and not how:
            checks.add(f"{who}_signed_how", f"Select how {what} signed")
        if how and not on:
            checks.add(f"{who}_signed_on", f"Enter the date {what} signed")
    if not (young_person_signed_on or worker_signed_on or locked.young_person_signed_on or locked.worker_signed_on):
        checks.add("young_person_signed_on", "Enter the date the young person signed, or the date the worker signed")
    checks.raise_any()
    fields: dict[str, Any] = {
        "young_person_signed_on": young_person_signed_on,
        "young_person_signed_how": young_person_signed_how,
        "worker_signed_on": worker_signed_on,
        "worker_signed_how": worker_signed_how,
    }
    if worker_signed_on != locked.worker_signed_on or worker_signed_how != locked.worker_signed_how:
        fields["worker_signed_by"] = acting_user if worker_signed_on else None
    return save_record(
        young_person, locked, acting_user=acting_user, expected_version=expected_version, fields=fields,
        action="sign_version", summary=f"Recorded sign-off of version {locked.number} of the pathway plan",
    )


@transaction.atomic
def authorise_version(
    version: PathwayPlanVersion, *, acting_user: User, expected_version: int | None, authorised_on: dt.date
) -> PathwayPlanVersion:
    check_may_authorise(acting_user)
    young_person, locked = lock_record(version.plan.young_person, version, expected_version)
    _agreed_for(locked, AUTHORISING)
    if covers_nothing(locked, young_person):
        refuse(f"{empty_plan_message(locked)}: start a new version that does before authorising")
    if locked.authorised_on:
        refuse(f"Version {locked.number} was already authorised on {long_date(locked.authorised_on)}")
    checks = Checks(young_person)
    checks.dated("authorised_on", "Date authorised", authorised_on, locked.agreed_on, "this version was agreed")
    checks.raise_any()
    return save_record(
        young_person, locked, acting_user=acting_user, expected_version=expected_version,
        fields={"authorised_on": authorised_on, "authorised_by": acting_user}, action="authorise_version",
        summary=f"Authorised version {locked.number} of the pathway plan",
    )


@transaction.atomic
def record_copy_given(
    version: PathwayPlanVersion,
    *,
    acting_user: User,
    expected_version: int | None,
    copy_given_on: dt.date,
    copy_given_how: str,
) -> PathwayPlanVersion:
    young_person, locked = lock_record(version.plan.young_person, version, expected_version)
    _agreed_for(locked, HANDING_OVER)
    checks = Checks(young_person)
    checks.dated("copy_given_on", "Date the copy was given", copy_given_on, locked.agreed_on, "this version was agreed")
    checks.raise_any()
    return save_record(
        young_person, locked, acting_user=acting_user, expected_version=expected_version,
        fields={"copy_given_on": copy_given_on, "copy_given_how": copy_given_how}, action="record_copy_given",
        summary=f"Recorded that {young_person.name} was given a copy of version {locked.number}",
    )
