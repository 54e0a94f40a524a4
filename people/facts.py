"""Stored rows to the compliance core's facts, for one young person or many at once.

Reads in bulk (a fixed number of queries per batch of people, whatever its size), so
the full recompute and the daily sweep cost the same per person as a single write.
Other apps add their facts through ``people.extension.register_case_facts``: a reader
returns, per young person id, CaseFacts field names (``"contacts"``) or, for the facts
the category rules read, ``"person.<field>"`` (``"person.declarations"``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import fields

from compliance.facts import CareEpisode as EpisodeFact
from compliance.facts import Period, YoungPersonFacts
from compliance.records import CaseFacts, WorkerAllocation
from people.extension import CASE_FACT_READERS
from people.models import CareEpisode, HomeWithParentPeriod, YoungPerson

_PERSON_FIELDS = {f.name for f in fields(YoungPersonFacts)}
_CASE_FIELDS = {f.name for f in fields(CaseFacts)}


def episode_fact(episode: CareEpisode) -> EpisodeFact:
    return EpisodeFact(
        start=episode.start,
        end=episode.end,
        legal_status=episode.legal_status,
        placement=episode.placement,
        reason_ended=episode.reason_ended,
    )


def _own_facts(ids: list[int]) -> dict[int, dict[str, object]]:
    """Care episodes, periods living with a parent and worker allocations."""
    from casework.models import Allocation  # casework depends on people, not the reverse

    out: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    episode_rows = CareEpisode.objects.filter(young_person_id__in=ids).order_by("start", "id")
    for e in episode_rows.only("young_person_id", "start", "end", "legal_status", "placement", "reason_ended"):
        out[e.young_person_id]["person.episodes"].append(episode_fact(e))
    for p in HomeWithParentPeriod.objects.filter(young_person_id__in=ids).only("young_person_id", "start", "end"):
        out[p.young_person_id]["person.living_with_parent"].append(Period(p.start, p.end))
    allocation_rows = Allocation.objects.filter(young_person_id__in=ids).only("young_person_id", "role", "start", "end")
    for a in allocation_rows:
        out[a.young_person_id]["allocations"].append(WorkerAllocation(a.role, a.start, a.end, ref=f"allocation:{a.pk}"))
    return out  # type: ignore[return-value]


def case_facts_for(people: list[YoungPerson]) -> dict[int, CaseFacts]:
    """Each young person's CaseFacts, keyed by id."""
    ids = [p.pk for p in people]
    gathered: dict[int, dict[str, list]] = {pk: defaultdict(list) for pk in ids}
    for reader in (_own_facts, *CASE_FACT_READERS):
        for pk, parts in reader(ids).items():
            for name, values in parts.items():
                gathered[pk][name].extend(values)  # type: ignore[arg-type]
    result: dict[int, CaseFacts] = {}
    for person in people:
        parts = gathered[person.pk]
        person_kwargs: dict[str, object] = {}
        case_kwargs: dict[str, object] = {}
        for name, values in parts.items():
            if name.startswith("person."):
                field = name.removeprefix("person.")
                if field not in _PERSON_FIELDS:
                    raise KeyError(f"Unknown YoungPersonFacts field from a facts reader: {field}")
                if field == "education_programme_beyond_21_until":
                    person_kwargs[field] = max(values) if values else None
                else:
                    person_kwargs[field] = tuple(sorted(values, key=_start))
            else:
                if name not in _CASE_FIELDS:
                    raise KeyError(f"Unknown CaseFacts field from a facts reader: {name}")
                case_kwargs[name] = tuple(sorted(values, key=_start)) if isinstance(values, list) else values
        facts = YoungPersonFacts(date_of_birth=person.date_of_birth, date_of_death=person.date_of_death, **person_kwargs)
        result[person.pk] = CaseFacts(person=facts, uasc=person.uasc, closed_on=person.closed_on, **case_kwargs)
    return result


def _start(value: object) -> tuple[int, dt.date]:
    """Sort key: plans by version, everything else by its first date."""
    if isinstance(value, dt.date):
        return (0, value)
    for name in ("start", "on", "held_on", "requested_on", "planned_on", "started_on", "completed_on", "agreed_on"):
        found = getattr(value, name, None)
        if isinstance(found, dt.date):
            return (getattr(value, "version", 0), found)
    return (getattr(value, "version", 0), dt.date.min)
