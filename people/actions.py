"""Named writes for young people and their care history.

Each action runs in one transaction, checks the whole care history with the
compliance core's validation (so a bad episode is refused with a message that
names the field, and nothing is half-saved), writes an audit event, and
recomputes the young person's leaving-care timeline before it commits.
Edits carry the version the user started from; if someone else saved in
between, the edit is refused rather than silently overwriting theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from accounts.models import User
from audit.record import changes_between
from compliance.validation import Problem, check_care_history, check_date_of_birth
from people.models import CareEpisode, HomeWithParentPeriod, YoungPerson
from people.status import episode_fact
from people.writes import StaleEdit, changed_fields, finish_write, lock, save_new_version, values_of
from people.writes import apply_changes as _apply


def _lock(young_person: YoungPerson) -> YoungPerson:
    return lock(YoungPerson, young_person.pk)


def _finish(
    young_person: YoungPerson, *, acting_user: User, action: str, obj: Model, summary: str, changes: dict[str, Any]
) -> None:
    finish_write(young_person, acting_user=acting_user, action=f"people.{action}", obj=obj, summary=summary, changes=changes)


def _raise_problems(problems: list[Problem], *, own_index: int | None) -> None:
    """Turn the core's problems into a ValidationError keyed by form field.

    The stored history was valid before this write, so a problem with another
    episode (an overlap) comes from the episode being written: it goes on that
    episode's start date, where the error summary can link to it.
    """
    if not problems:
        return
    errors: dict[str, list[str]] = {}
    for problem in problems:
        if own_index is None:
            key = problem.field if problem.index is None else "__all__"
        elif problem.index == own_index and problem.field != "date_of_birth":
            key = problem.field
        else:
            key = "start"
        errors.setdefault(key, []).append(problem.message)
    raise ValidationError(errors)


def _check_history(
    young_person: YoungPerson,
    episodes: list[CareEpisode],
    own: CareEpisode | None,
    today: dt.date,
) -> None:
    ordered = sorted(episodes, key=lambda e: (e.start, e.pk or 0))
    own_index = ordered.index(own) if own is not None else None
    problems = check_care_history(young_person.date_of_birth, [episode_fact(e) for e in ordered], today)
    _raise_problems(problems, own_index=own_index)


YOUNG_PERSON_FIELDS = (
    "child_id given_name family_name preferred_name date_of_birth sex ethnicity upn uasc "
    "uasc_ceased_on disability team phone email address postcode date_of_death"
).split()


@transaction.atomic
def create_young_person(*, acting_user: User, **fields: Any) -> YoungPerson:
    today = timezone.localdate()
    _raise_problems(check_date_of_birth(fields["date_of_birth"], today), own_index=None)
    if YoungPerson.objects.filter(child_id=fields["child_id"]).exists():
        raise ValidationError({"child_id": ["A young person with this child ID is already recorded"]})
    young_person = YoungPerson.objects.create(**fields)
    _finish(
        young_person, acting_user=acting_user, action="create_young_person", obj=young_person,
        summary=f"Added {young_person.name} to the register",
        changes=changes_between({}, values_of(young_person, YOUNG_PERSON_FIELDS)),
    )
    return young_person


@transaction.atomic
def update_young_person(
    young_person: YoungPerson, *, acting_user: User, expected_version: int | None, **fields: Any
) -> YoungPerson:
    locked = _lock(young_person)
    changes = _apply(locked, expected_version, fields)
    today = timezone.localdate()
    _raise_problems(check_date_of_birth(locked.date_of_birth, today), own_index=None)
    if "child_id" in fields and YoungPerson.objects.filter(child_id=locked.child_id).exclude(pk=locked.pk).exists():
        raise ValidationError({"child_id": ["A young person with this child ID is already recorded"]})
    # A new date of birth can put existing care before birth: say so on the date of birth.
    first = locked.episodes.order_by("start").first()
    if first is not None and first.start < locked.date_of_birth:
        raise ValidationError(
            {"date_of_birth": [f"Date of birth must be on or before {first.start:%-d %B %Y}, when the first care episode starts"]}
        )
    save_new_version(locked)
    _finish(
        locked, acting_user=acting_user, action="update_young_person", obj=locked,
        summary=f"Changed {changed_fields(locked, changes)} for {locked.name}", changes=changes,
    )
    return locked


EPISODE_FIELDS = (
    "start reason_new legal_status category_of_need placement placement_provider end reason_ended "
    "reason_place_change home_postcode placement_postcode urn"
).split()


@transaction.atomic
def add_care_episode(young_person: YoungPerson, *, acting_user: User, **fields: Any) -> CareEpisode:
    locked = _lock(young_person)
    episode = CareEpisode(young_person=locked, **fields)
    _check_history(locked, [*locked.episodes.all(), episode], episode, timezone.localdate())
    episode.save()
    _finish(
        locked, acting_user=acting_user, action="add_care_episode", obj=episode,
        summary=f"Added a care episode starting {episode.start:%-d %B %Y}",
        changes=changes_between({}, values_of(episode, EPISODE_FIELDS)),
    )
    return episode


@transaction.atomic
def update_care_episode(
    episode: CareEpisode, *, acting_user: User, expected_version: int | None, **fields: Any
) -> CareEpisode:
    locked_person = _lock(episode.young_person)
    locked = CareEpisode.objects.select_for_update().get(pk=episode.pk)
    changes = _apply(locked, expected_version, fields)
    others = [e for e in locked_person.episodes.all() if e.pk != locked.pk]
    _check_history(locked_person, [*others, locked], locked, timezone.localdate())
    save_new_version(locked)
    _finish(
        locked_person, acting_user=acting_user, action="update_care_episode", obj=locked,
        summary=f"Changed {changed_fields(locked, changes)} in the care episode starting {locked.start:%-d %B %Y}",
        changes=changes,
    )
    return locked


def _check_home_periods(young_person: YoungPerson, periods: list[HomeWithParentPeriod]) -> None:
    ordered = sorted(periods, key=lambda p: p.start)
    for period in ordered:
        if period.start < young_person.date_of_birth:
            raise ValidationError({"start": ["Start date must be on or after the date of birth"]})
        if period.end is not None and period.end <= period.start:
            raise ValidationError({"end": ["End date must be after the start date"]})
    for earlier, later in zip(ordered, ordered[1:]):
        if earlier.end is None or earlier.end > later.start:
            raise ValidationError(
                {"__all__": [f"This period overlaps the one starting {earlier.start:%-d %B %Y}"]}
            )


@transaction.atomic
def record_home_with_parent(
    young_person: YoungPerson, *, acting_user: User, start: dt.date, end: dt.date | None
) -> HomeWithParentPeriod:
    locked = _lock(young_person)
    period = HomeWithParentPeriod(young_person=locked, start=start, end=end)
    _check_home_periods(locked, [*locked.home_with_parent_periods.all(), period])
    period.save()
    _finish(
        locked, acting_user=acting_user, action="record_home_with_parent", obj=period,
        summary=f"Recorded living with a parent from {start:%-d %B %Y}",
        changes=changes_between({}, {"start": start, "end": end}),
    )
    return period


@transaction.atomic
def update_home_with_parent(
    period: HomeWithParentPeriod,
    *,
    acting_user: User,
    expected_version: int | None,
    start: dt.date,
    end: dt.date | None,
) -> HomeWithParentPeriod:
    locked_person = _lock(period.young_person)
    locked = HomeWithParentPeriod.objects.select_for_update().get(pk=period.pk)
    changes = _apply(locked, expected_version, {"start": start, "end": end})
    others = [p for p in locked_person.home_with_parent_periods.all() if p.pk != locked.pk]
    _check_home_periods(locked_person, [*others, locked])
    save_new_version(locked)
    _finish(
        locked_person, acting_user=acting_user, action="update_home_with_parent", obj=locked,
        summary="Changed a period living with a parent", changes=changes,
    )
    return locked
