"""Named writes for workers' absences and vacant posts, and who may make them.

Team managers change their own team's records; heads of service and administrators any
team's. Each write is one transaction that refuses bad input with a message naming the
field, refuses an edit made from a stale copy, and records an audit event. These are
staff records, not a young person's, so the event names no young person and nothing is
recomputed (people/writes.finish_write is for young people's records).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from accounts.models import CASEWORK_ROLES, Role, Team, User
from audit.record import record_event
from circumstances.checks import long_date, refuse
from oversight.staffing_models import AbsenceKind, Vacancy, VacancyRole, WorkerAbsence, fte_text
from people.writes import StaleEdit, apply_changes, changed_fields, created_changes, lock, save_new_version

__all__ = [
    "STAFFING_EDITORS",
    "STAFFING_VIEWERS",
    "StaleEdit",
    "can_change_team",
    "change_absence",
    "change_vacancy",
    "fill_vacancy",
    "record_absence",
    "record_vacancy",
    "withdraw_absence",
    "withdraw_vacancy",
]

STAFFING_EDITORS = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR})
# Auditors read staffing beside caseloads but change nothing.
STAFFING_VIEWERS = STAFFING_EDITORS | {Role.QA_AUDITOR}
ABSENCE_FIELDS = ("kind", "starts_on", "ends_on", "cover_worker", "note")
VACANCY_FIELDS = ("team", "role", "fte", "open_on", "note")


def can_change_team(user: User, team_id: int | None) -> bool:
    """May record absences of this team's workers and its vacancies (team None: a worker
    outside any team, whom only service-wide roles look after)."""
    if not (user.is_authenticated and user.is_active and user.role in STAFFING_EDITORS):
        return False
    if user.role == Role.TEAM_MANAGER:
        return user.team_id is not None and user.team_id == team_id
    return True


def _require(user: User, team_id: int | None) -> None:
    if not can_change_team(user, team_id):
        raise PermissionDenied("Only this team's manager, a head of service or an administrator can change this.")


def _audit(acting_user: User, action: str, obj: Any, summary: str, changes: dict[str, Any]) -> None:
    # The audit row is JSON, which has no decimals: a full-time equivalent is kept as "0.6".
    changes = {name: [fte_text(v) if isinstance(v, Decimal) else v for v in pair] for name, pair in changes.items()}
    record_event(actor=acting_user, action=f"oversight.{action}", obj=obj, summary=summary, changes=changes)


def _locked(obj: WorkerAbsence | Vacancy, acting_user: User, what: str) -> Any:
    """The record re-read under a lock, once it is clear this user may change it and it
    has not been withdrawn."""
    locked = lock(obj)
    _require(acting_user, locked.worker.team_id if isinstance(locked, WorkerAbsence) else locked.team_id)
    if locked.withdrawn:
        raise ValidationError({"__all__": [f"This {what} has been withdrawn, so it cannot be changed"]})
    return locked


def _withdraw(locked: Any, *, acting_user: User, expected_version: int | None, action: str, description: str) -> Any:
    changes = apply_changes(locked, expected_version, {"withdrawn": True})
    save_new_version(locked)
    _audit(acting_user, action, locked, f"Withdrew {description}", changes)
    return locked


# -- absences -------------------------------------------------------------------------------


def _period(absence: WorkerAbsence) -> str:
    if absence.ends_on is None:
        return f"from {long_date(absence.starts_on)} with no end date"
    if absence.ends_on == absence.starts_on:
        return f"on {long_date(absence.starts_on)}"
    return f"from {long_date(absence.starts_on)} to {long_date(absence.ends_on)}"


def describe_absence(absence: WorkerAbsence) -> str:
    """"Priya Adviser's annual leave from 1 December 2026 to 5 December 2026"."""
    return f"{absence.worker.display_name}'s {absence.get_kind_display().lower()} {_period(absence)}"


def _in_post(user: User) -> bool:
    return user.is_active and user.role in CASEWORK_ROLES


def _check_absence(absence: WorkerAbsence, *, cover_chosen: bool) -> None:
    """``cover_chosen``: the cover worker is being chosen now. One chosen earlier who has
    since left does not block correcting the dates of an old absence."""
    worker = absence.worker
    if absence.kind not in AbsenceKind.values:
        refuse("kind", "Select the kind of absence")
    if absence.ends_on is not None and absence.ends_on < absence.starts_on:
        refuse("ends_on", f"Last day of absence must be on or after the first day, {long_date(absence.starts_on)}")
    cover = absence.cover_worker
    if cover is not None:
        if cover.pk == worker.pk:
            refuse("cover_worker", f"Select someone other than {worker.display_name} to cover their young people")
        if cover_chosen and not _in_post(cover):
            refuse("cover_worker", "Select a personal adviser or social worker who is in post to cover")
    # The worker's row is locked by the caller, so no other absence can slip in between.
    clash = (
        WorkerAbsence.objects.filter(worker_id=worker.pk)
        .overlapping(absence.starts_on, absence.ends_on)
        .exclude(pk=absence.pk)
        .order_by("starts_on")
        .first()
    )
    if clash is not None:
        refuse("starts_on", f"These dates overlap {describe_absence(clash)}")


@transaction.atomic
def record_absence(
    *, acting_user: User, worker: User, kind: str, starts_on: dt.date, ends_on: dt.date | None = None,
    cover_worker: User | None = None, note: str = "",
) -> WorkerAbsence:
    worker = lock(User, worker.pk)
    _require(acting_user, worker.team_id)
    if not _in_post(worker):
        refuse("worker", "Select a personal adviser or social worker who is in post")
    fields = {"kind": kind, "starts_on": starts_on, "ends_on": ends_on, "cover_worker": cover_worker, "note": note}
    absence = WorkerAbsence(worker=worker, recorded_by=acting_user, **fields)
    _check_absence(absence, cover_chosen=True)
    absence.save()
    _audit(acting_user, "record_absence", absence, f"Recorded {describe_absence(absence)}",
           created_changes(absence, ("worker", *ABSENCE_FIELDS)))
    return absence


@transaction.atomic
def change_absence(
    absence: WorkerAbsence, *, acting_user: User, expected_version: int | None, **fields: Any
) -> WorkerAbsence:
    """Change any of kind, starts_on, ends_on, cover_worker and note (not whose absence it is)."""
    lock(User, absence.worker_id)
    locked = _locked(absence, acting_user, "absence")
    changes = apply_changes(locked, expected_version, {k: v for k, v in fields.items() if k in ABSENCE_FIELDS})
    _check_absence(locked, cover_chosen="cover_worker" in changes)
    save_new_version(locked)
    _audit(acting_user, "change_absence", locked,
           f"Changed {changed_fields(locked, changes)} of {describe_absence(locked)}", changes)
    return locked


@transaction.atomic
def withdraw_absence(absence: WorkerAbsence, *, acting_user: User, expected_version: int | None) -> WorkerAbsence:
    locked = _locked(absence, acting_user, "absence")
    return _withdraw(locked, acting_user=acting_user, expected_version=expected_version,
                     action="withdraw_absence", description=describe_absence(locked))


# -- vacancies ------------------------------------------------------------------------------


def describe_vacancy(vacancy: Vacancy) -> str:
    """"the personal adviser post (0.6 full-time equivalent) in North, vacant from 1 December 2026"."""
    return (
        f"the {vacancy.get_role_display().lower()} post ({vacancy.fte_text} full-time equivalent) "
        f"in {vacancy.team.name}, vacant from {long_date(vacancy.open_on)}"
    )


def _check_vacancy(vacancy: Vacancy, *, filling: bool = False) -> None:
    """``filling``: the filled date is what was just entered, so a clash is its fault."""
    if vacancy.role not in VacancyRole.values:
        refuse("role", "Select the role")
    if vacancy.fte is None or not Decimal("0") < vacancy.fte <= Decimal("1"):
        refuse("fte", "Full-time equivalent must be more than 0 and no more than 1")
    if vacancy.filled_on is not None and vacancy.filled_on <= vacancy.open_on:
        if filling:
            refuse("filled_on", f"Date the post is filled must be after {long_date(vacancy.open_on)}, when it became vacant")
        refuse("open_on", f"Date the post is vacant from must be before {long_date(vacancy.filled_on)}, when it was filled")


@transaction.atomic
def record_vacancy(
    *, acting_user: User, team: Team, role: str, fte: Decimal, open_on: dt.date, note: str = ""
) -> Vacancy:
    _require(acting_user, team.pk)
    vacancy = Vacancy(team=team, role=role, fte=fte, open_on=open_on, note=note, recorded_by=acting_user)
    _check_vacancy(vacancy)
    vacancy.save()
    _audit(acting_user, "record_vacancy", vacancy, f"Recorded {describe_vacancy(vacancy)}",
           created_changes(vacancy, VACANCY_FIELDS))
    return vacancy


@transaction.atomic
def change_vacancy(vacancy: Vacancy, *, acting_user: User, expected_version: int | None, **fields: Any) -> Vacancy:
    """Change any of team, role, fte, open_on and note. Moving it to another team needs the
    right to change both teams."""
    locked = _locked(vacancy, acting_user, "vacancy")
    if "team" in fields:
        _require(acting_user, fields["team"].pk)
    changes = apply_changes(locked, expected_version, {k: v for k, v in fields.items() if k in VACANCY_FIELDS})
    _check_vacancy(locked)
    save_new_version(locked)
    _audit(acting_user, "change_vacancy", locked,
           f"Changed {changed_fields(locked, changes)} of {describe_vacancy(locked)}", changes)
    return locked


@transaction.atomic
def fill_vacancy(vacancy: Vacancy, *, acting_user: User, expected_version: int | None, filled_on: dt.date) -> Vacancy:
    locked = _locked(vacancy, acting_user, "vacancy")
    changes = apply_changes(locked, expected_version, {"filled_on": filled_on})
    _check_vacancy(locked, filling=True)
    save_new_version(locked)
    _audit(acting_user, "fill_vacancy", locked,
           f"Marked {describe_vacancy(locked)} filled from {long_date(filled_on)}", changes)
    return locked


@transaction.atomic
def withdraw_vacancy(vacancy: Vacancy, *, acting_user: User, expected_version: int | None) -> Vacancy:
    locked = _locked(vacancy, acting_user, "vacancy")
    return _withdraw(locked, acting_user=acting_user, expected_version=expected_version,
                     action="withdraw_vacancy", description=describe_vacancy(locked))
