"""Who works with each demo young person: personal advisers and social workers over time.

pa.demo and sw.demo get chosen caseloads (PA_DEMO_QUOTA, SW_DEMO_QUOTA) so that signing in
as them shows every category; everyone else goes to the less busy of two workers.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from accounts.models import User
from casework.models import Allocation, AllocationRole
from compliance.categories import Category, DutyFlag, LeavingCareStatus
from demo.histories import PersonPlan
from demo.staff import Staff

PA_LATE_SHARE = 0.02  # "PA allocated late": open cases that need a PA and have none

# pa.demo's caseload is filled first, up to these numbers per kind of case, so it
# shows every category; sw.demo likewise for children in care.
PA_DEMO_QUOTA = {
    "eligible": 4,
    "relevant": 2,
    "former_relevant_s23c": 7,
    "former_relevant_21": 4,
    "qualifying": 2,
    "none": 2,
}
SW_DEMO_QUOTA = {"eligible": 6, "looked_after_16_17": 1, "looked_after": 6}


def bucket(status: LeavingCareStatus, day: dt.date, under_16: bool) -> str:
    span = status.span_on(day)
    if span.category is Category.FORMER_RELEVANT:
        return "former_relevant_s23c" if DutyFlag.S23C in span.flags else "former_relevant_21"
    if span.category is Category.LOOKED_AFTER:
        return "looked_after" if under_16 else "looked_after_16_17"
    return span.category.value


class Allocator:
    """Chooses each person's locality and workers, keeping caseloads even."""

    def __init__(self, rng: random.Random, staff: Staff, today: dt.date) -> None:
        self.rng = rng
        self.staff = staff
        self.today = today
        self.load: Counter[int] = Counter()
        self.pa_demo = staff.named["pa.demo"]
        self.sw_demo = staff.named["sw.demo"]
        self.pa_demo_filled: Counter[str] = Counter()
        self.sw_demo_filled: Counter[str] = Counter()

    def _least_loaded(self, workers: list[User]) -> User:
        """The less busy of two random workers; pa.demo and sw.demo only get their chosen caseloads."""
        choices = [w for w in workers if w is not self.pa_demo and w is not self.sw_demo] or workers
        first, second = self.rng.choice(choices), self.rng.choice(choices)
        return second if self.load[second.pk] < self.load[first.pk] else first

    def _other(self, workers: list[User], not_this: User) -> User:
        worker = self.rng.choice(workers)
        while worker.pk == not_this.pk and len(workers) > 1:
            worker = self.rng.choice(workers)
        return worker

    def _history(
        self, role: str, start: dt.date, end: dt.date | None, current: User, pool: list[User], most: int
    ) -> list[Allocation]:
        """One to ``most`` workers from ``start``, handing over in turn; the last is ``current``."""
        rng = self.rng
        until = end or self.today
        room = (until - start).days
        count = min(rng.choices((1, 2, 3), (55, 30, 15))[0], most, 1 + max(0, room - 60) // 150)
        handovers = sorted(rng.sample(range(60, room - 29), count - 1)) if count > 1 and room > 120 else []
        starts = [start, *(start + dt.timedelta(days=d) for d in handovers)]
        workers = [current]
        for _ in starts[:-1]:  # each earlier worker handed over to someone else
            workers.insert(0, self._other(pool, workers[0]))
        ends = [*starts[1:], end]
        return [
            Allocation(worker=w, role=role, start=s, end=e)
            for w, s, e in zip(workers, starts, ends, strict=True)
        ]

    def allocate(
        self, plan: PersonPlan, status: LeavingCareStatus, pause: tuple[dt.date, dt.date] | None = None
    ) -> list[Allocation]:
        """Allocations for one young person; ``pause`` is a closure that was later reopened."""
        rng, today = self.rng, self.today
        young_person = plan.young_person
        keys = status.key_dates
        stops = [d for d in (young_person.closed_on, young_person.date_of_death) if d is not None]
        stop = min(stops) if stops else None
        first_stop = stop or (pause[0] if pause else None)
        under_16 = today < keys.birthday_16
        kind = bucket(status, today, under_16)
        team_index = rng.choices(range(len(self.staff.teams)), self.staff.team_weights)[0]
        allocations: list[Allocation] = []

        # Personal adviser: from about the 16th birthday, or from when leaving-care status began.
        leaving = [s for s in status.timeline if s.category.is_leaving_care and s.start <= today]
        pa_from = None
        if leaving:
            began = leaving[0].start
            settle = rng.randint(0, 60) if leaving[0].category is Category.ELIGIBLE else rng.randint(7, 90)
            pa_from = max(began, keys.birthday_16) + dt.timedelta(days=settle)
            if pa_from > today or (first_stop is not None and pa_from >= first_stop - dt.timedelta(days=30)):
                pa_from = None
        open_case = stop is None
        current_pa = None
        if pa_from is not None:
            late = open_case and pause is None and rng.random() < PA_LATE_SHARE
            if open_case and not late and self._wants_pa_demo(kind):
                current_pa, team_index = self.pa_demo, 0
                self.pa_demo_filled[kind] += 1
            else:
                current_pa = self._least_loaded(self.staff.pas[self.staff.teams[team_index].pk])
            history = self._history(
                AllocationRole.PERSONAL_ADVISER, pa_from, first_stop, current_pa, self.staff.all_pas, 3
            )
            if late:
                # The last adviser left and nobody has been allocated since (or nobody ever was).
                if rng.random() < 0.5 or (today - history[-1].start).days < 90:
                    history = []
                else:
                    served = (today - history[-1].start).days
                    history[-1].end = history[-1].start + dt.timedelta(days=rng.randint(30, served - 30))
                current_pa = None
            if pause is not None and current_pa is not None:
                # Allocations ended with the closure; an adviser picks the case up again once reopened.
                back = min(pause[1] + dt.timedelta(days=rng.randint(0, 21)), today)
                history.append(Allocation(worker=current_pa, role=AllocationRole.PERSONAL_ADVISER, start=back))
            allocations += history
            if current_pa is not None and open_case:
                self.load[current_pa.pk] += 1

        # Social worker: while in care, over the last three years; the last one ends when care ends.
        start, end = plan.care_spells[-1] if plan.care_spells else (None, None)
        short_breaks = bool(plan.episodes) and plan.episodes[-1].legal_status in ("V3", "V4")
        if start is not None and not short_breaks and (end is None or (today - end).days < 3 * 365):
            recent = today - dt.timedelta(days=rng.randint(300, 1500))
            sw_from = max(start, recent, end - dt.timedelta(days=rng.randint(300, 900)) if end else start)
            if end is None and open_case and current_pa is None and self._wants_sw_demo(kind):
                team_index = 0
                current_sw = self.sw_demo
                self.sw_demo_filled[kind] += 1
            else:
                team_sws = self.staff.sws[self.staff.teams[team_index].pk] or self.staff.all_sws
                current_sw = self._least_loaded(team_sws)
                if end is None and current_pa is self.pa_demo and self._wants_sw_demo(kind):
                    current_sw = self.sw_demo
                    self.sw_demo_filled[kind] += 1
            if sw_from < (end or today):
                allocations += self._history(
                    AllocationRole.SOCIAL_WORKER, sw_from, end, current_sw, self.staff.all_sws, 3
                )
                if end is None:
                    self.load[current_sw.pk] += 1
        young_person.team = self.staff.teams[team_index]
        return allocations

    def _wants_pa_demo(self, kind: str) -> bool:
        return self.pa_demo_filled[kind] < PA_DEMO_QUOTA.get(kind, 0)

    def _wants_sw_demo(self, kind: str) -> bool:
        return self.sw_demo_filled[kind] < SW_DEMO_QUOTA.get(kind, 0)
