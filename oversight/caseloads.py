"""Caseloads per worker, counted and weighted by the council's settings, beside who is
absent and which posts are vacant.

A young person counts as 1, plus the extra share of each weighting that applies to them
today (aged 16 or 17, unaccompanied asylum seeker, in custody, disability). For example with
the 16–17 weight at 150% and the UASC weight at 150%, a 17-year-old asylum seeker counts 2.

A worker absent today still holds their caseload (nobody is reallocated for a fortnight's
leave), so the team's load per *available* personal adviser is shown beside the plain average.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from accounts.models import Role
from casework.models import Allocation
from circumstances.models import DetentionPeriod
from compliance.calendar import birthday
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from oversight.staffing_models import Vacancy, WorkerAbsence, fte_text

FACTORS = ("16_17", "uasc", "in_custody", "disability")
FACTOR_LABELS = {
    "16_17": "Aged 16 or 17",
    "uasc": "Unaccompanied asylum seeker",
    "in_custody": "In custody",
    "disability": "Disability",
}
# How far ahead the page counts absences that are booked.
UPCOMING_DAYS = 28


@dataclass
class Caseload:
    worker: object
    role: str
    young_people: int = 0
    weighted: float = 0.0
    factors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACTORS, 0))
    absence: Any = None  # their WorkerAbsence in force today
    cover_absent: bool = False  # the worker named to cover is absent today too
    upcoming_absences: int = 0  # absences starting in the next UPCOMING_DAYS days
    covering_for: list[Any] = field(default_factory=list)  # workers absent today whom they cover

    @property
    def needs_cover(self) -> bool:
        """Absent today with young people and nobody (present) covering them."""
        if self.absence is None or not self.young_people:
            return False
        return self.absence.cover_worker_id is None or self.cover_absent


def _factors(person, today: dt.date, policy: LocalPolicy, in_custody: set[int]) -> list[str]:  # noqa: ANN001
    found = []
    rule = policy.leap_day_birthday_rule
    if birthday(person.date_of_birth, 16, rule) <= today < birthday(person.date_of_birth, 18, rule):
        found.append("16_17")
    if person.uasc and not person.uasc_ceased_on:
        found.append("uasc")
    if person.pk in in_custody:
        found.append("in_custody")
    if person.disability == "yes":
        found.append("disability")
    return found


def caseloads(
    workers: QuerySet, today: dt.date, policy: LocalPolicy, standards: LocalStandards
) -> list[Caseload]:
    """One row per worker and allocation role they hold today, in three queries."""
    allocations = list(
        Allocation.objects.active_on(today)
        .filter(worker__in=workers, young_person__closed_on__isnull=True)
        .select_related("young_person")
    )
    people_ids = {a.young_person_id for a in allocations}
    in_custody = set(
        DetentionPeriod.objects.filter(young_person_id__in=people_ids, kind="detained", start__lte=today)
        .filter(Q(end__isnull=True) | Q(end__gt=today))
        .values_list("young_person_id", flat=True)
    )
    weights = {key: getattr(standards, f"caseload_weight_{key}") for key in FACTORS}
    rows: dict[tuple[int, str], Caseload] = {}
    by_pk = {w.pk: w for w in workers}
    for worker in by_pk.values():
        rows[(worker.pk, worker.role)] = Caseload(worker=worker, role=worker.role)
    totals: dict[tuple[int, str], float] = defaultdict(float)
    for allocation in allocations:
        key = (allocation.worker_id, by_pk[allocation.worker_id].role)
        row = rows[key]
        row.young_people += 1
        extra = 0.0
        for factor in _factors(allocation.young_person, today, policy, in_custody):
            row.factors[factor] += 1
            extra += (weights[factor] - 100) / 100
        totals[key] += 1 + extra
    for key, total in totals.items():
        rows[key].weighted = round(total, 1)
    return sorted(rows.values(), key=lambda r: (r.role, -r.weighted, r.worker.display_name))


def add_absences(rows: list[Caseload], today: dt.date) -> None:
    """Fill in each row's absence today, absences booked in the next four weeks and whom
    they cover, in one query whatever the number of workers."""
    by_worker = {row.worker.pk: row for row in rows}
    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    # Covers from another team count too: whether *they* are absent today decides if a
    # worker's young people really have someone.
    covers_today = WorkerAbsence.objects.on(today).filter(worker_id__in=list(by_worker)).values("cover_worker_id")
    absences = (
        WorkerAbsence.objects.overlapping(today, horizon)
        .filter(Q(worker_id__in=list(by_worker)) | Q(cover_worker_id__in=list(by_worker)) | Q(worker_id__in=covers_today))
        .select_related("worker", "cover_worker")
    )
    absent_today = set()
    for absence in absences:
        row = by_worker.get(absence.worker_id)
        if absence.covers(today):
            absent_today.add(absence.worker_id)
            if row is not None:
                row.absence = absence
            if absence.cover_worker_id in by_worker:
                by_worker[absence.cover_worker_id].covering_for.append(absence.worker)
        elif row is not None and absence.starts_on <= horizon:
            row.upcoming_absences += 1
    for row in rows:
        row.cover_absent = row.absence is not None and row.absence.cover_worker_id in absent_today


@dataclass(frozen=True)
class StaffingSummary:
    in_post: int
    personal_advisers: int
    social_workers: int
    absent_today: int
    needing_cover: int
    vacant_fte: Decimal
    vacant_posts: int
    young_people_per_adviser: float | None
    young_people_per_available_adviser: float | None
    weighted_per_adviser: float | None
    weighted_per_available_adviser: float | None

    @property
    def vacant_fte_text(self) -> str:
        return fte_text(self.vacant_fte)


def _per(total: float, count: int) -> float | None:
    return round(total / count, 1) if count else None


def summarise(rows: list[Caseload], vacancies: QuerySet[Vacancy], today: dt.date) -> StaffingSummary:
    """The team's figures: its workers in post (every active worker shown), who is away,
    the posts vacant today (one query), and personal advisers' loads with and without
    those absent today."""
    advisers = [r for r in rows if r.role == Role.PERSONAL_ADVISER]
    available = [r for r in advisers if r.absence is None]
    people = sum(r.young_people for r in advisers)
    weighted = sum(r.weighted for r in advisers)
    vacant = vacancies.vacant_on(today).aggregate(fte=Sum("fte"), posts=Count("id"))
    return StaffingSummary(
        in_post=len(rows),
        personal_advisers=len(advisers),
        social_workers=sum(1 for r in rows if r.role == Role.SOCIAL_WORKER),
        absent_today=sum(1 for r in rows if r.absence is not None),
        needing_cover=sum(1 for r in rows if r.needs_cover),
        vacant_fte=vacant["fte"] or Decimal("0"),
        vacant_posts=vacant["posts"],
        young_people_per_adviser=_per(people, len(advisers)),
        young_people_per_available_adviser=_per(people, len(available)),
        weighted_per_adviser=_per(weighted, len(advisers)),
        weighted_per_available_adviser=_per(weighted, len(available)),
    )
