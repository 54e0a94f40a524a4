"""The team manager's compliance dashboard, read from the duty ledger with a few grouped queries.

"% met" is met ÷ (met + due + overdue + record incomplete): the share of duties that apply
today which are met. Duties that do not apply are left out of the sum.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, QuerySet, Subquery

from casework.models import Allocation
from compliance.duties import DUTIES, DutyState
from duties.models import DutyLedgerRow

APPLYING = (DutyState.MET, DutyState.DUE, DutyState.OVERDUE, DutyState.INSUFFICIENT_DATA)


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, state: DutyState) -> int:
        return self.counts.get(state.value, 0)

    @property
    def applying(self) -> int:
        return sum(self.count(s) for s in APPLYING)

    @property
    def percent_met(self) -> int | None:
        return round(100 * self.count(DutyState.MET) / self.applying) if self.applying else None


def with_personal_adviser(rows: QuerySet[DutyLedgerRow], today: dt.date) -> QuerySet[DutyLedgerRow]:
    current = Allocation.objects.active_on(today).filter(
        young_person=OuterRef("young_person"), role="personal_adviser"
    ).order_by("-start")
    return rows.annotate(personal_adviser_id=Subquery(current.values("worker_id")[:1]))


def duty_tallies(people: QuerySet, today: dt.date) -> list[tuple[object, Tally]]:
    """Per duty, how many of these young people are in each state: one grouped query."""
    tallies = {duty.code: Tally() for duty in DUTIES}
    grouped = (
        DutyLedgerRow.objects.filter(young_person__in=people)
        .values("duty_code", "state")
        .annotate(n=Count("id"))
    )
    for row in grouped:
        if row["duty_code"] in tallies:
            tallies[row["duty_code"]].counts[row["state"]] = row["n"]
    return [(duty, tallies[duty.code]) for duty in DUTIES]


def worker_tallies(people: QuerySet, today: dt.date) -> dict[int | None, Tally]:
    """Per current personal adviser (None: none allocated), all duties together: one query."""
    grouped = (
        with_personal_adviser(DutyLedgerRow.objects.filter(young_person__in=people), today)
        .values("personal_adviser_id", "state")
        .annotate(n=Count("id"))
    )
    tallies: dict[int | None, Tally] = {}
    for row in grouped:
        tallies.setdefault(row["personal_adviser_id"], Tally()).counts[row["state"]] = row["n"]
    return tallies
