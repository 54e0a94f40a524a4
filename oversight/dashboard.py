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


def current_personal_advisers(people: QuerySet, today: dt.date) -> dict[int, int]:
    """Each young person's current personal adviser (the latest allocation), in one query."""
    advisers: dict[int, int] = {}
    rows = (Allocation.objects.active_on(today).filter(role="personal_adviser", young_person__in=people)
            .order_by("young_person_id", "start").values_list("young_person_id", "worker_id"))
    for young_person_id, worker_id in rows:
        advisers[young_person_id] = worker_id  # ordered by start: the latest wins
    return advisers


def worker_tallies(people: QuerySet, today: dt.date) -> dict[int | None, Tally]:
    """Per current personal adviser (None: none allocated), all duties together: two queries.

    Counted per young person and state, then added up by adviser here: looking the adviser up
    once per young person rather than once per ledger row (21 rows each) is what keeps the
    whole-service dashboard quick.
    """
    advisers = current_personal_advisers(people, today)
    grouped = (
        DutyLedgerRow.objects.filter(young_person__in=people)
        .values_list("young_person_id", "state")
        .annotate(n=Count("id"))
        .order_by()
    )
    tallies: dict[int | None, Tally] = {}
    for young_person_id, state, n in grouped:
        counts = tallies.setdefault(advisers.get(young_person_id), Tally()).counts
        counts[state] = counts.get(state, 0) + n
    return tallies
