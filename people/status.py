"""The bridge between stored records and the compliance core's leaving-care status.

`facts_for` turns a young person's rows into the core's frozen facts;
`recompute_status` stores the resulting category timeline as StatusSpan rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q, QuerySet

from compliance.categories import Category, LeavingCareStatus, assess
from compliance.facts import Period, YoungPersonFacts
from compliance.policy import LocalPolicy
from people.facts import case_facts_for, episode_fact
from people.models import CareEpisode, HomeWithParentPeriod, StatusSpan, YoungPerson


def local_policy() -> LocalPolicy:
    """The council's interpretive choices, as an administrator set them (duties.settings)."""
    from duties.settings import current_policy

    return current_policy()


def build_facts(
    young_person: YoungPerson,
    episodes: Iterable[CareEpisode],
    home_periods: Iterable[HomeWithParentPeriod] = (),
) -> YoungPersonFacts:
    """Facts from given rows only (used to check an edit before it is saved)."""
    return YoungPersonFacts(
        date_of_birth=young_person.date_of_birth,
        episodes=tuple(episode_fact(e) for e in sorted(episodes, key=lambda e: e.start)),
        living_with_parent=tuple(Period(p.start, p.end) for p in home_periods),
        date_of_death=young_person.date_of_death,
    )


def facts_for(young_person: YoungPerson) -> YoungPersonFacts:
    """Everything recorded that the category rules read, from every app."""
    return case_facts_for([young_person])[young_person.pk].person


def status_for(young_person: YoungPerson, policy: LocalPolicy | None = None) -> LeavingCareStatus:
    return assess(facts_for(young_person), policy or local_policy())


def span_rows(young_person_id: int, status: LeavingCareStatus) -> list[StatusSpan]:
    return [
        StatusSpan(
            young_person_id=young_person_id,
            category=span.category.value,
            start=span.start,
            end=span.end,
            flags=sorted(flag.value for flag in span.flags),
            reason=span.reason,
            citation=span.citation,
        )
        for span in status.timeline
    ]


def recompute_status(young_person: YoungPerson) -> LeavingCareStatus:
    """Rewrite this person's stored timeline from their facts. Call inside the writing transaction."""
    status = status_for(young_person)
    StatusSpan.objects.filter(young_person=young_person).delete()
    StatusSpan.objects.bulk_create(span_rows(young_person.pk, status))
    return status


def spans_on(day: dt.date) -> QuerySet[StatusSpan]:
    """The span in force on `day` for each person."""
    return StatusSpan.objects.filter(Q(end__isnull=True) | Q(end__gt=day), start__lte=day)


def category_label(value: str) -> str:
    try:
        return Category(value).label
    except ValueError:
        return value
