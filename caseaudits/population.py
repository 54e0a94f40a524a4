"""A round's population (the register's filters, stored with the round), the facts the
sample is stratified and profiled by, and the profile shown before a sample is confirmed.

Reads in two queries however large the population: the people with their team and current
category (from the stored timeline, never the rules), then nothing per person.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from accounts.models import Team, User
from compliance import codes
from compliance.calendar import age_on
from compliance.categories import Category
from people import access
from people.forms import AGE_BANDS
from people.models import YoungPerson
from people.queries import AGE_BAND_LIMITS, filter_register
from people.status import local_policy, spans_on

# The register filters a round's population may use, in the order they are described.
POPULATION_FILTERS = ("team", "category", "age_band", "uasc", "status")
AGE_BAND_LABELS = dict(AGE_BANDS)
CATEGORY_LABELS = {c.value: c.label for c in Category}
NOT_RECORDED = "Not recorded"


def population(user: User, filters: dict[str, Any], day: dt.date) -> QuerySet[YoungPerson]:
    """The young people the filters choose, among those the user may see, by primary key."""
    chosen = {name: filters.get(name) for name in POPULATION_FILTERS if filters.get(name) not in (None, "")}
    return filter_register(access.visible_young_people(user, day), chosen, day).order_by("pk")


def describe_filters(filters: dict[str, Any]) -> list[tuple[str, str]]:
    """[("Team", "North"), ...] for the filters in use, in words."""
    described = []
    if filters.get("team"):
        team = Team.objects.filter(pk=filters["team"]).first()
        described.append(("Team", team.name if team else "A team that no longer exists"))
    if filters.get("category"):
        described.append(("Leaving-care category", CATEGORY_LABELS.get(filters["category"], filters["category"])))
    if filters.get("age_band"):
        described.append(("Age", AGE_BAND_LABELS.get(filters["age_band"], filters["age_band"])))
    if filters.get("uasc") in ("yes", "no"):
        described.append(("Unaccompanied asylum-seeking", "Yes" if filters["uasc"] == "yes" else "No"))
    status = filters.get("status") or "open"
    described.append(("Case status", {"open": "Open", "closed": "Closed", "all": "Open and closed"}.get(status, status)))
    return described


@dataclass(frozen=True)
class PersonFacts:
    """What a person is stratified and profiled by, on the day the sample was drawn."""

    pk: int
    team: str
    age_band: str
    category: str
    sex: str
    ethnicity: str


def age_band(date_of_birth: dt.date, day: dt.date, rule: Any) -> str:
    age = age_on(date_of_birth, day, rule)
    for band, (low, high) in AGE_BAND_LIMITS.items():
        if (low is None or age >= low) and (high is None or age < high):
            return AGE_BAND_LABELS[band]
    return NOT_RECORDED


def facts_for(people: QuerySet[YoungPerson], day: dt.date) -> dict[int, PersonFacts]:
    rule = local_policy().leap_day_birthday_rule
    category = Subquery(spans_on(day).filter(young_person=OuterRef("pk")).values("category")[:1])
    rows = people.annotate(category_today=category).values_list(
        "pk", "team__name", "date_of_birth", "sex", "ethnicity", "category_today"
    )
    return {
        pk: PersonFacts(
            pk=pk,
            team=team or NOT_RECORDED,
            age_band=age_band(born, day, rule),
            category=CATEGORY_LABELS.get(category_value or "", NOT_RECORDED),
            sex=codes.SEX.label(sex) if sex else NOT_RECORDED,
            ethnicity=codes.ETHNIC.label(ethnicity) if ethnicity else NOT_RECORDED,
        )
        for pk, team, born, sex, ethnicity, category_value in rows
    }


def strata_for(facts: dict[int, PersonFacts], stratify_by: str) -> dict[int, str] | None:
    if not stratify_by:
        return None
    return {pk: getattr(person, stratify_by) for pk, person in facts.items()}


@dataclass(frozen=True)
class ProfileRow:
    label: str
    population: int
    population_percent: int
    sample: int
    sample_percent: int


@dataclass(frozen=True)
class ProfileTable:
    title: str
    rows: list[ProfileRow]


PROFILE_DIMENSIONS = (
    ("team", "Team"),
    ("age_band", "Age band"),
    ("category", "Leaving-care category"),
    ("sex", "Sex"),
    ("ethnicity", "Ethnicity"),
)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def profile(facts: dict[int, PersonFacts], sample: list[int]) -> list[ProfileTable]:
    """For each dimension, how many of the population and of the sample fall in each group,
    so the person drawing the sample can see whether it looks like the population."""
    in_sample = [facts[pk] for pk in sample if pk in facts]
    tables = []
    for attribute, title in PROFILE_DIMENSIONS:
        everyone = Counter(getattr(person, attribute) for person in facts.values())
        drawn = Counter(getattr(person, attribute) for person in in_sample)
        order = [label for _, label in AGE_BANDS] if attribute == "age_band" else sorted(everyone)
        rows = [
            ProfileRow(label, everyone[label], _percent(everyone[label], len(facts)),
                       drawn[label], _percent(drawn[label], len(in_sample)))
            for label in order
            if everyone[label]
        ]
        tables.append(ProfileTable(title, rows))
    return tables
