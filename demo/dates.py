"""Drawing dates for the demo's casework: spacing repeated work, and who did it when.

Repeated work (reviews, visits, keeping in touch, case summaries) is drawn backwards from
the day it is judged: first whether it is in time on that day, at the documented rate,
then the earlier occasions at realistic intervals. Drawing forwards would leave the rate
on the reference date to chance; backwards it is what docs/demo-council.md says.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from accounts.models import User
from casework.models import Allocation, AllocationRole

DAY = dt.timedelta(days=1)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A day from ``first`` to ``last`` inclusive (``first`` if the range is empty)."""
    span = (last - first).days
    return first if span <= 0 else first + dt.timedelta(days=rng.randint(0, span))


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def year_slip(day: dt.date) -> dt.date:
    """The same day a year earlier: a date typed with last year's year (29 February: the 28th)."""
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


class Showcase:
    """Makes sure every duty has an example each way, whatever the size of the council.

    The first young person in a situation (a move into council accommodation, a staying
    put arrangement …) is drawn in time, the second late; everyone after that at the
    documented rate. People are drawn in a fixed order, so this stays reproducible.
    """

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def first(self, situation: str) -> bool:
        """True only the first time: for an example that must exist once."""
        self.seen[situation] += 1
        return self.seen[situation] == 1

    def late(self, rng: random.Random, situation: str, share: float) -> bool:
        n = self.seen[situation]
        self.seen[situation] += 1
        if n < 2:
            return n == 1
        return rng.random() < share


@dataclass(frozen=True)
class Rhythm:
    """How often something is due and how it slips.

    ``every``: the longest gap that is always in time, in days; ``fuzz``: how many more days
    a month-based rule can allow (6 months is 181 to 184 days), so a late gap is longer than
    both; ``first_within``: days allowed after the clock starts before the first occasion.
    """

    every: int
    fuzz: int = 0
    first_within: int | None = None


def monthly(months: int, first_within: int | None = None) -> Rhythm:
    """A rule of "every N calendar months": N months is never shorter than ``every`` days
    here, nor longer than ``every + fuzz``, whichever day it starts."""
    return Rhythm(every=int(months * 30.44) - 3, fuzz=7, first_within=first_within)


def backwards(
    rng: random.Random, rhythm: Rhythm, since: dt.date, until: dt.date, *, late: bool, floor: dt.date | None = None
) -> list[dt.date]:
    """Dates from ``since`` to ``until`` inclusive, oldest first, that leave the work in time
    on ``until`` (or not, when ``late``). Occasions before ``floor`` are not drawn, except
    the last one, which decides the state on ``until``."""
    if until < since:
        return []
    span = (until - since).days
    first_within = rhythm.every if rhythm.first_within is None else rhythm.first_within
    if late:
        if span <= first_within:
            return []  # cannot be late yet: the first one is simply not due
        shortest = rhythm.every + rhythm.fuzz + 1
        gap = shortest + rng.randint(0, max(0, min(240, span - shortest)))
        if gap > span or rng.random() < 0.15:
            return []  # never done since the clock started
        last = until - days(gap)
    else:
        if span <= first_within and rng.random() < 0.5:
            return []  # not done yet, and not due yet
        last = until - days(rng.randint(0, min(span, rhythm.every)))
    found = [last]
    stop = max(since, floor) if floor else since
    while True:
        slack = rng.random()
        gap = rhythm.every * (rng.uniform(0.55, 1.0) if slack < 0.82 else rng.uniform(1.0, 1.6))
        earlier = found[-1] - days(max(7, int(gap)))
        if earlier < stop:
            break
        found.append(earlier)
    found.reverse()
    return found


def recorded_at(rng: random.Random, day: dt.date, today: dt.date, tz: dt.tzinfo) -> dt.datetime:
    """When a record about ``day`` was typed in: mostly the same day or soon after, in office hours."""
    roll = rng.random()
    lag = 0 if roll < 0.6 else 1 + int(roll * 40) % 4 if roll < 0.97 else 10 + int(roll * 1000) % 30
    entered = min(day + days(lag), today)
    minute = rng.randrange(9 * 60, 17 * 60)
    return dt.datetime.combine(entered, dt.time(minute // 60, minute % 60), tzinfo=tz)


class Workers:
    """Who was allocated to a young person on a given day, for signing their records."""

    def __init__(self, allocations: Iterable[Allocation], manager: User) -> None:
        self.manager = manager
        self._by_role: dict[str, list[Allocation]] = {AllocationRole.PERSONAL_ADVISER: [], AllocationRole.SOCIAL_WORKER: []}
        for allocation in sorted(allocations, key=lambda a: a.start):
            self._by_role[allocation.role].append(allocation)
        self._starts = {role: [a.start for a in rows] for role, rows in self._by_role.items()}

    def _on(self, role: str, day: dt.date) -> User | None:
        rows = self._by_role[role]
        index = bisect_right(self._starts[role], day) - 1
        if index >= 0 and (rows[index].end is None or day < rows[index].end):
            return rows[index].worker
        return None

    def adviser(self, day: dt.date) -> User | None:
        return self._on(AllocationRole.PERSONAL_ADVISER, day)

    def worker(self, day: dt.date) -> User:
        """The personal adviser on that day, else the social worker, else the team manager."""
        return self.adviser(day) or self._on(AllocationRole.SOCIAL_WORKER, day) or self.manager

    def adviser_allocations(self) -> list[Allocation]:
        return self._by_role[AllocationRole.PERSONAL_ADVISER]
