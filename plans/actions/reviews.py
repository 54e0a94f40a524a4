"""Named writes for pathway plan reviews and requests for a review (CLR 2010 reg 7).

A request stays open until a review answers it: the first review held on or after the
day it was made. That link is kept up to date whenever a review or request is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from accounts.models import User
from people.models import YoungPerson
from people.writes import apply_changes, created_changes, lock, save_new_version
from plans.actions.common import Checks, finish, lock_record, lock_young_person, long_date, refuse, save_record
from plans.actions.versions import first_agreed_on, latest_version, start_version
from plans.models import PathwayPlanVersion, PlanReview, ReviewOutcome, ReviewRequest

START_NEW_VERSION = "new"
NO_PLAN_TO_REVIEW = "There is no agreed pathway plan to review: agree the plan before recording a review"
REVIEW_FIELDS = ("held_on", "reason", "attended", "outcome", "new_version")
INVOLVEMENT_FIELDS = ("young_person_involvement", "young_person_views", "others_involvement")


def _answer_open_requests(young_person: YoungPerson) -> list[int]:
    """Link each open request to the first review held on or after it. Returns the ids answered."""
    reviews = list(PlanReview.objects.filter(young_person=young_person).order_by("held_on", "id").values_list("pk", "held_on"))
    answered = []
    for request in ReviewRequest.objects.filter(young_person=young_person, answered_by__isnull=True):
        review_pk = next((pk for pk, held_on in reviews if held_on >= request.requested_on), None)
        if review_pk is not None:
            request.answered_by_id = review_pk
            request.save(update_fields=["answered_by"])
            answered.append(request.pk)
    return answered


def _check_review(
    young_person: YoungPerson, review: PlanReview | None, fields: dict[str, Any]
) -> None:
    first_agreed = first_agreed_on(young_person)
    if first_agreed is None:
        refuse(NO_PLAN_TO_REVIEW)
    checks = Checks(young_person)
    held_on = fields["held_on"]
    checks.dated("held_on", "Date of the review", held_on, first_agreed, "the pathway plan was first agreed")
    chosen = fields.get("new_version")
    if fields["outcome"] != ReviewOutcome.NEW_VERSION and chosen is not None:
        # Saving would drop the choice without a word: ask which of the two was meant.
        checks.add("new_version", "Leave which version came from this review unselected when the plan stays "
                   "as it is, or change the outcome to a new version of the plan")
    elif fields["outcome"] == ReviewOutcome.NEW_VERSION:
        if chosen is None:
            checks.add("new_version", "Select the version of the plan that came from this review")
        elif chosen == START_NEW_VERSION:
            latest = latest_version(young_person)
            if latest is not None and latest.is_draft:
                checks.add("new_version", f"Version {latest.number} is still a draft: select it instead of starting another")
        else:
            _check_linked_version(checks, young_person, review, chosen, held_on)
    checks.raise_any()


def _check_linked_version(
    checks: Checks, young_person: YoungPerson, review: PlanReview | None, version: PathwayPlanVersion, held_on: dt.date
) -> None:
    if version.plan.young_person_id != young_person.pk:
        checks.add("new_version", "Select a version of this young person's plan")
        return
    other = PlanReview.objects.filter(new_version=version).exclude(pk=getattr(review, "pk", None)).first()
    if other is not None:
        checks.add("new_version", f"Version {version.number} already came from the review held on {long_date(other.held_on)}")
    elif version.agreed_on and held_on and version.agreed_on < held_on:
        checks.add(
            "new_version",
            f"Version {version.number} was agreed on {long_date(version.agreed_on)}, before this review: "
            "select a version agreed on or after the review, or a draft",
        )


def _resolve_version(young_person: YoungPerson, acting_user: User, fields: dict[str, Any]) -> dict[str, Any]:
    resolved = dict(fields)
    if fields.get("new_version") == START_NEW_VERSION:
        resolved["new_version"] = start_version(young_person, acting_user=acting_user)
    return resolved


@transaction.atomic
def record_review(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> PlanReview:
    locked = lock_young_person(young_person)
    _check_review(locked, None, fields)
    review = PlanReview.objects.create(
        young_person=locked, recorded_by=acting_user, **_resolve_version(locked, acting_user, fields)
    )
    changes = created_changes(review, REVIEW_FIELDS)
    answered = _answer_open_requests(locked)
    if answered:
        changes["answered_requests"] = [None, answered]
    finish(
        locked, acting_user=acting_user, action="record_review", obj=review,
        summary=f"Recorded the pathway plan review held on {long_date(review.held_on)}", changes=changes,
    )
    return review


@transaction.atomic
def update_review(review: PlanReview, *, acting_user: User, expected_version: int | None, **fields: Any) -> PlanReview:
    young_person = lock_young_person(review.young_person)
    locked = lock(review)
    _check_review(young_person, locked, fields)
    changes = apply_changes(locked, expected_version, _resolve_version(young_person, acting_user, fields))
    save_new_version(locked)
    # A review moved to an earlier date no longer answers requests made after it.
    released = list(locked.answered_requests.filter(requested_on__gt=locked.held_on).values_list("pk", flat=True))
    ReviewRequest.objects.filter(pk__in=released).update(answered_by=None)
    answered = _answer_open_requests(young_person)
    if released or answered:
        changes["answered_requests"] = [released or None, answered or None]
    finish(
        young_person, acting_user=acting_user, action="update_review", obj=locked,
        summary=f"Changed the pathway plan review held on {long_date(locked.held_on)}", changes=changes,
    )
    return locked


@transaction.atomic
def record_review_involvement(
    review: PlanReview, *, acting_user: User, expected_version: int | None, **fields: Any
) -> PlanReview:
    """The review involvement form: how the young person took part (with their views) and how others did."""
    young_person, locked = lock_record(review.young_person, review, expected_version)
    return save_record(
        young_person, locked, acting_user=acting_user, expected_version=expected_version, fields=fields,
        action="record_review_involvement",
        summary=f"Recorded who took part in the review held on {long_date(locked.held_on)}",
    )


@transaction.atomic
def record_review_request(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> ReviewRequest:
    locked = lock_young_person(young_person)
    checks = Checks(locked)
    checks.past("requested_on", "Date of the request", fields["requested_on"])
    checks.raise_any()
    request = ReviewRequest.objects.create(young_person=locked, recorded_by=acting_user, **fields)
    changes = created_changes(request, ("requested_on", "requested_by", "details"))
    if _answer_open_requests(locked):
        request.refresh_from_db()
        changes["answered_by"] = [None, request.answered_by_id]
    finish(
        locked, acting_user=acting_user, action="record_review_request", obj=request,
        summary=f"Recorded a request for a review made on {long_date(request.requested_on)}", changes=changes,
    )
    return request
