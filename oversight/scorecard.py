"""Working out and reading the quarterly scorecard (figures stored in duties.ScorecardFigure).

Building runs the rules as each quarter stood at its end (compliance.scorecard), once per
quarter, in batches with a fixed number of queries each; the page only reads the stored
figures. A young person counts in the team they are in now: the service keeps no history
of team moves, and a council reorganising teams wants its past quarters in today's teams.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from accounts.models import Role
from casework.models import Allocation
from circumstances.models import ActivitySpell
from compliance.categories import assess
from compliance.scorecard import ALL, ActivitySpell as ActivityFact, Quarter, contributions, last_quarters
from duties.models import ScorecardFigure
from duties.settings import current_policy, current_standards
from people.facts import case_facts_for
from people.models import YoungPerson

QUARTERS_SHOWN = 8
BATCH_SIZE = 500
CASELOAD = "average_caseload"

Key = tuple[dt.date, int | None, str, str]  # quarter start, team id (None: service), measure, band


def _activity(ids: list[int]) -> dict[int, list[ActivityFact]]:
    found: dict[int, list[ActivityFact]] = defaultdict(list)
    for row in ActivitySpell.objects.filter(young_person_id__in=ids).values_list("young_person_id", "start", "end", "activity"):
        found[row[0]].append(ActivityFact(row[1], row[2], row[3]))
    return found


def _caseloads(quarters: list[Quarter], counts: Counter[Key], totals: Counter[Key]) -> None:
    """Young people per personal adviser on each quarter's last day, service-wide and per team."""
    for quarter in quarters:
        day = quarter.last_day
        rows = (
            Allocation.objects.active_on(day)
            .filter(role="personal_adviser", worker__role=Role.PERSONAL_ADVISER)
            .filter(Q(young_person__closed_on__isnull=True) | Q(young_person__closed_on__gt=day))
            .values_list("worker_id", "worker__team_id")
        )
        workers: dict[int, int | None] = {}
        for worker, team in rows:
            workers[worker] = team
            for key_team in (None, team):
                counts[(quarter.start, key_team, CASELOAD, ALL)] += 1
        for team in workers.values():
            for key_team in (None, team):
                totals[(quarter.start, key_team, CASELOAD, ALL)] += 1


def build_scorecard(
    quarters: list[Quarter], progress: Callable[[int, int], None] | None = None
) -> int:
    """Work out and store the figures of these quarters (replacing any kept). Returns how many figures."""
    policy, standards = current_policy(), current_standards()
    met: Counter[Key] = Counter()
    counted: Counter[Key] = Counter()
    people = list(YoungPerson.objects.order_by("pk").only("pk", "date_of_birth", "date_of_death", "uasc", "closed_on", "team_id"))
    for start in range(0, len(people), BATCH_SIZE):
        batch = people[start : start + BATCH_SIZE]
        facts = case_facts_for(batch)
        activity = _activity([p.pk for p in batch])
        for person in batch:
            case = facts[person.pk]
            status = assess(case.person, policy)
            for quarter in quarters:
                for measure, band, ok in contributions(case, status, activity.get(person.pk, ()), quarter, policy, standards):
                    for team in (None, person.team_id):
                        counted[(quarter.start, team, measure, band)] += 1
                        met[(quarter.start, team, measure, band)] += ok
        if progress:
            progress(start + len(batch), len(people))
    _caseloads(quarters, met, counted)
    built_at = timezone.now()
    figures = [
        ScorecardFigure(quarter_start=key[0], team_id=key[1], measure=key[2], age_band=key[3], numerator=met[key],
                        denominator=total, built_at=built_at)
        for key, total in counted.items()
    ]
    with transaction.atomic():
        ScorecardFigure.objects.filter(quarter_start__in=[q.start for q in quarters]).delete()
        ScorecardFigure.objects.bulk_create(figures, batch_size=2000)
    return len(figures)


def quarters_to_build(today: dt.date, rebuild: bool = False) -> list[Quarter]:
    """The ended quarters shown on the page that have no figures yet (all of them, ``rebuild``)."""
    wanted = last_quarters(today, QUARTERS_SHOWN)
    if rebuild:
        return wanted
    built = set(ScorecardFigure.objects.filter(quarter_start__in=[q.start for q in wanted]).values_list("quarter_start", flat=True))
    return [q for q in wanted if q.start not in built]


@task()
def build_missing_quarters(rebuild: bool = False) -> int:
    return build_scorecard(quarters_to_build(timezone.localdate(), rebuild))


# Reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    numerator: int
    denominator: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.numerator / self.denominator) if self.denominator else None

    @property
    def average(self) -> float | None:
        return round(self.numerator / self.denominator, 1) if self.denominator else None


def read_scorecard(quarters: list[Quarter], team_id: int | None) -> dict[tuple[str, str], list[Figure | None]]:
    """(measure, band) -> a figure per quarter (None where not worked out), in one query."""
    rows = ScorecardFigure.objects.filter(quarter_start__in=[q.start for q in quarters])
    rows = rows.filter(team__isnull=True) if team_id is None else rows.filter(team_id=team_id)
    by_key: dict[tuple[str, str], dict[dt.date, Figure]] = defaultdict(dict)
    for row in rows.values_list("quarter_start", "measure", "age_band", "numerator", "denominator"):
        by_key[(row[1], row[2])][row[0]] = Figure(row[3], row[4])
    return {key: [found.get(q.start) for q in quarters] for key, found in by_key.items()}


def built_at(quarters: Iterable[Quarter]) -> dt.datetime | None:
    row = ScorecardFigure.objects.filter(quarter_start__in=[q.start for q in quarters]).order_by("-built_at").first()
    return row.built_at if row else None

