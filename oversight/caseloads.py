"""Caseloads per worker, counted and weighted by the council's settings.

A young person counts as 1, plus the extra share of each weighting that applies to them
today (aged 16 or 17, unaccompanied asylum seeker, in custody, disability). For example with
the 16–17 weight at 150% and the UASC weight at 150%, a 17-year-old asylum seeker counts 2.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from casework.models import Allocation
from circumstances.models import DetentionPeriod
from compliance.calendar import birthday
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards

FACTORS = ("16_17", "uasc", "in_custody", "disability")
FACTOR_LABELS = {
    "16_17": "Aged 16 or 17",
    "uasc": "Unaccompanied asylum seeker",
    "in_custody": "In custody",
    "disability": "Disability",
}


@dataclass
class Caseload:
    worker: object
    role: str
    young_people: int = 0
    weighted: float = 0.0
    factors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACTORS, 0))


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
