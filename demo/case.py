"""What the casework makers know about one young person while drawing their records."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from compliance.categories import CategorySpan, LeavingCareStatus
from compliance.standards import LocalStandards
from demo.dates import DAY, Showcase, Workers, recorded_at
from demo.histories import PersonPlan
from demo.life import Life

RECORDS_FROM_YEARS = 2


@dataclass
class Case:
    plan: PersonPlan
    status: LeavingCareStatus
    life: Life
    workers: Workers
    rng: random.Random
    today: dt.date
    standards: LocalStandards
    showcase: Showcase
    on_pa_demo: bool  # pa.demo's caseload must show every duty state
    tz: dt.tzinfo  # the council's time zone, for when records were typed in

    @property
    def uasc(self) -> bool:
        return self.plan.young_person.uasc

    @property
    def stop(self) -> dt.date:
        """The first day nothing more is recorded: closure, death or tomorrow."""
        person = self.plan.young_person
        return min(d for d in (person.closed_on, person.date_of_death, self.today + DAY) if d is not None)

    @property
    def records_from(self) -> dt.date:
        """The council moved to this system RECORDS_FROM_YEARS ago: reviews before then stayed
        in the old one. Assessments and each duty's first plan were carried over."""
        return self.today - dt.timedelta(days=round(365.25 * RECORDS_FROM_YEARS))

    @property
    def is_open_today(self) -> bool:
        return self.stop > self.today

    def stamp(self, day: dt.date) -> dt.datetime:
        return recorded_at(self.rng, day, self.today, self.tz)

    def runs(self, holds: Callable[[CategorySpan], bool]) -> list[tuple[dt.date, dt.date]]:
        """Unbroken runs of the timeline for which ``holds`` is true, as [start, end),
        cut at :attr:`stop` so nothing is drawn after closure, death or today."""
        found: list[tuple[dt.date, dt.date]] = []
        for span in _spans_until(self.status, self.stop):
            if not holds(span):
                continue
            end = min(span.end or self.stop, self.stop)
            if found and found[-1][1] == span.start:
                found[-1] = (found[-1][0], end)
            else:
                found.append((span.start, end))
        return found

    def late(self, situation: str, share: float, *, now: bool = True) -> bool:
        """Out of time on the day judged: guaranteed examples for what is current (see Showcase)."""
        return self.showcase.late(self.rng, situation, share) if now else self.rng.random() < share


def _spans_until(status: LeavingCareStatus, stop: dt.date) -> Iterator[CategorySpan]:
    for span in status.timeline:
        if span.start >= stop:
            return
        yield span
