"""Every casework record for one demo young person: the pathway (assessments, plans,
reviews), the contact log, their circumstances, transfers between advisers and closures.

Nothing here touches the database: :meth:`CaseworkMaker.make` returns unsaved rows that
the generator writes with ``bulk_create``, a batch of young people at a time.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import User
from casework.models import Allocation, AllocationRole, Transfer, TransferStatus
from compliance.categories import LeavingCareStatus
from compliance.standards import LocalStandards
from demo import texts
from demo.case import Case
from demo.contact_log import ContactLog, ContactLogMaker
from demo.dates import Showcase, Workers, between, days
from demo.histories import PersonPlan
from demo.life import Life
from demo.pathway import PathwayMaker, PathwayRecords
from demo.staff import Staff

# Joint handovers (invented): held in time (90 days or more before the move), held late,
# or not at all. Transfers are recorded for handovers in the contact log's time.
HANDOVER = {"in_time": 0.50, "late": 0.25, "none": 0.25}
PLANNED_TRANSFER = 0.02  # open cases with a move to a new adviser planned


@dataclass
class Casework:
    pathway: PathwayRecords
    log: ContactLog
    life: Life
    transfers: list[Transfer]


class CaseworkMaker:
    def __init__(self, today: dt.date, standards: LocalStandards, showcase: Showcase, staff: Staff) -> None:
        self.today = today
        self.standards = standards
        self.showcase = showcase
        self.staff = staff
        self.tz = timezone.get_current_timezone()
        self.pathway = PathwayMaker()
        self.contact_log = ContactLogMaker()

    def make(
        self, rng: random.Random, plan: PersonPlan, status: LeavingCareStatus, life: Life, allocations: list[Allocation]
    ) -> Casework:
        person = plan.young_person
        workers = Workers(allocations, self.staff.managers[person.team.pk])  # type: ignore[union-attr]
        current = workers.adviser(self.today)
        case = Case(plan=plan, status=status, life=life, workers=workers, rng=rng, today=self.today,
                    standards=self.standards, showcase=self.showcase,
                    on_pa_demo=current is not None and current is self.staff.named["pa.demo"], tz=self.tz)
        pathway = self.pathway.make(case)
        log = self.contact_log.make(case, pathway)
        self._sign_life(case)
        transfers = self._transfers(case)
        return Casework(pathway=pathway, log=log, life=life, transfers=transfers)

    def _sign_life(self, case: Case) -> None:
        """Who recorded each circumstance, and closures with who closed (and reopened) them."""
        life, workers = case.life, case.workers
        for row in (*life.accommodation, *life.activity, *life.staying_put, *life.detention):
            row.recorded_by_id, row.created_at = workers.worker(row.start).pk, case.stamp(row.start)
        for review in life.staying_put_reviews:
            review.recorded_by_id, review.created_at = workers.worker(review.reviewed_on).pk, case.stamp(review.reviewed_on)
        for programme in life.programmes:  # put in the plan some months before the 21st birthday
            day = min(case.status.key_dates.birthday_21 - days(120), self.today)
            programme.recorded_by_id, programme.created_at = workers.worker(day).pk, case.stamp(day)
        for declaration in life.declarations:
            declaration.recorded_by_id = workers.worker(declaration.told_on).pk
            declaration.created_at = case.stamp(declaration.told_on)
        for closure in life.closures:
            closure.closed_by_id = workers.worker(closure.closed_on - days(1)).pk
            closure.created_at = case.stamp(closure.closed_on)
            if closure.reopened_on is not None:
                closure.reopened_by_id = workers.worker(closure.reopened_on).pk
                closure.reopened_at = case.stamp(closure.reopened_on)

    def _transfers(self, case: Case) -> list[Transfer]:
        """A transfer, with or without a joint handover, for each change of adviser in the
        contact log's time, and a few planned for the coming months."""
        rng, today = case.rng, self.today
        found = []
        advisers = case.workers.adviser_allocations()
        horizon = today - days(730)
        for before, after in zip(advisers, advisers[1:]):
            if before.end != after.start or after.start < horizon:
                continue
            in_view = after.start + days(self.standards.handover_before_days) >= today
            outcome = self._handover(case, in_view)
            found.append(self._transfer(case, before.worker, after.worker, after.start, outcome,
                                        status=TransferStatus.COMPLETED, allocation=after))
        current = advisers[-1] if advisers and advisers[-1].end is None else None
        if current is not None and case.is_open_today and rng.random() < PLANNED_TRANSFER:
            team = [w for w in self.staff.pas.get(current.worker.team_id, []) if w.pk != current.worker.pk]
            if team:
                planned = today + days(rng.randint(20, 150))
                outcome = self._handover(case, True)
                found.append(self._transfer(case, current.worker, rng.choice(team), planned, outcome,
                                            status=TransferStatus.PLANNED))
        return found

    def _handover(self, case: Case, in_view: bool) -> str:
        if not in_view:
            return case.rng.choices(list(HANDOVER), list(HANDOVER.values()))[0]
        if case.late("joint_handover", 1 - HANDOVER["in_time"]):
            return "late" if case.rng.random() < 0.5 else "none"
        return "in_time"

    def _transfer(self, case: Case, old: User, new: User, planned: dt.date, outcome: str, *, status: str,
                  allocation: Allocation | None = None) -> Transfer:
        rng, before = case.rng, days(self.standards.handover_before_days)
        held = None
        if outcome == "in_time":
            held = between(rng, planned - before - days(60), planned - before)
        elif outcome == "late":
            held = between(rng, planned - before + days(1), planned)
        if held is not None and held > self.today:
            held = None  # not yet held: due, or overdue once the date passes
        arranged = planned - before - days(rng.randint(10, 60))
        return Transfer(
            role=AllocationRole.PERSONAL_ADVISER, from_worker_id=old.pk, to_worker_id=new.pk,
            planned_on=planned, reason=rng.choice(texts.TRANSFER_REASONS), status=status,
            handover_held_on=held, handover_attendees=rng.choice(texts.ATTENDEES) if held else "",
            handover_notes=texts.HANDOVER_NOTES[0] if held else "",
            completed_on=planned if status == TransferStatus.COMPLETED else None, allocation=allocation,
            recorded_by_id=case.workers.manager.pk, created_at=case.stamp(min(arranged, self.today)),
        )

