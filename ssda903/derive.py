"""The care leaver return for a collection year, worked out from the records staff keep.

Reads the stored records for everyone who could be in the year's OC3 cohort (a 17th to 25th
birthday in the year, or a row in a return imported for the year) a batch at a time, with
a fixed number of queries per batch, and hands them to the pure core
(:mod:`compliance.ssda903`, :mod:`compliance.ssda903_values`).

Precedence for each OC3 value: a staff override, then what an imported return for that
year said, then what the records give. A return imported for the year is what the council
told the DfE, so it is not silently re-derived; staff can still override it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from circumstances.models import ActivitySpell as ActivityRow
from compliance.calendar import format_date
from compliance.ssda903 import CohortDecision, CollectionYear, Oc3Settings, cohort_decision, returned_decision
from compliance.ssda903_values import ActivitySpell, Oc3Override, Oc3Row, derive_oc3
from duties.settings import current_settings
from people.facts import case_facts_for
from people.models import YoungPerson
from ssda903.models import ChildReturn
from ssda903.override_models import OC3_FIELDS, ReturnOverride

BATCH = 500


@dataclass
class Entry:
    """One young person considered for the year's OC3 cohort."""

    young_person: YoungPerson
    decision: CohortDecision
    row: Oc3Row | None = None  # None when they are not in the cohort
    returned: ChildReturn | None = None  # what a return imported for this year said
    overrides: list[ReturnOverride] = field(default_factory=list)  # current ones first, then withdrawn
    in_cohort_from_records: bool = False  # the records alone put them in (not only an imported return)

    def current_override(self, name: str) -> ReturnOverride | None:
        return next((o for o in self.overrides if o.field == name and not o.withdrawn), None)

    def header_value(self, name: str) -> str:
        """MOTHER or MC_DOB for the year: set by staff, else as an imported return said, else blank."""
        override = self.current_override(name)
        if override is not None:
            return override.value
        if self.returned is None:
            return ""
        if name == "MOTHER":
            return self.returned.mother
        return self.returned.mother_child_dob.strftime("%d/%m/%Y") if self.returned.mother_child_dob else ""


@dataclass
class CareLeaverReturn:
    year: CollectionYear
    settings: Oc3Settings
    included: list[Entry]
    excluded: list[Entry]
    as_of: dt.date | None

    @property
    def problems(self) -> int:
        return sum(len(e.row.problems) for e in self.included if e.row)


def candidates(year: CollectionYear) -> QuerySet[YoungPerson]:
    """Everyone with a 17th to 25th birthday in the year (28 February and 1 March fall in the
    same collection year, so date-of-birth bounds are exact), and anyone in a return
    imported for the year."""
    born = Q(date_of_birth__gte=dt.date(year.year - 26, 4, 1), date_of_birth__lte=dt.date(year.year - 17, 3, 31))
    imported = Q(ssda903_returns__collection_year=year.year, ssda903_returns__oc3_returned=True)
    return YoungPerson.objects.filter(born | imported).distinct()


def settings_now() -> Oc3Settings:
    policy, standards = current_settings()
    return Oc3Settings.from_standards(standards, policy.leap_day_birthday_rule)


def derive_return(
    year: CollectionYear,
    people: QuerySet[YoungPerson] | None = None,
    as_of: dt.date | None = None,
    settings: Oc3Settings | None = None,
) -> CareLeaverReturn:
    """The year's cohort, the excluded with their reasons, and each included person's row.
    ``people`` narrows the candidates (a team manager's team); ``as_of`` marks rows whose
    window has not ended yet as provisional."""
    settings = settings or settings_now()
    chosen = candidates(year)
    if people is not None:
        chosen = chosen.filter(pk__in=people.values("pk"))
    chosen = list(chosen.select_related("team").order_by("child_id", "pk"))
    included: list[Entry] = []
    excluded: list[Entry] = []
    for start in range(0, len(chosen), BATCH):
        for entry in _entries(chosen[start:start + BATCH], year, settings, as_of):
            (included if entry.row is not None else excluded).append(entry)
    return CareLeaverReturn(year, settings, included, excluded, as_of)


def _entries(people: list[YoungPerson], year: CollectionYear, settings: Oc3Settings,  # noqa: ANN202
             as_of: dt.date | None):
    ids = [p.pk for p in people]
    facts = case_facts_for(people)
    activities: dict[int, list[ActivitySpell]] = defaultdict(list)
    for pk, person_id, start, end, code in ActivityRow.objects.filter(young_person_id__in=ids).values_list(
        "pk", "young_person_id", "start", "end", "activity"
    ):
        activities[person_id].append(ActivitySpell(start, end, code, ref=f"activity:{pk}"))
    returned = {r.young_person_id: r for r in ChildReturn.objects.filter(young_person_id__in=ids,
                                                                          collection_year=year.year)}
    overrides: dict[int, list[ReturnOverride]] = defaultdict(list)
    for row in ReturnOverride.objects.filter(young_person_id__in=ids, collection_year=year.year).select_related(
        "recorded_by", "withdrawn_by"
    ).order_by("withdrawn", "field", "-created_at", "-id"):
        overrides[row.young_person_id].append(row)
    for person in people:
        person_facts = facts[person.pk]
        decision = cohort_decision(person_facts, year, settings)
        from_records = decision is not None and decision.included
        imported = returned.get(person.pk)
        if imported is not None and imported.oc3_returned:
            decision = returned_decision(person_facts, year, settings, decision, _imported_words(imported))
        if decision is None:
            continue
        entry = Entry(person, decision, returned=imported, overrides=overrides[person.pk],
                      in_cohort_from_records=from_records)
        if decision.included:
            entry.row = derive_oc3(person_facts, activities[person.pk], decision, year, settings,
                                   _chosen_values(entry), as_of)
        yield entry


def _imported_words(imported: ChildReturn) -> str:
    when = f" on {format_date(imported.created_at.date())}" if imported.created_at else ""
    return f"In the return for this year imported{when}"


def _chosen_values(entry: Entry) -> dict[str, Oc3Override]:
    chosen: dict[str, Oc3Override] = {}
    imported = entry.returned
    if imported is not None and imported.oc3_returned:
        for name, code in (("IN_TOUCH", imported.in_touch), ("ACTIV", imported.activity),
                           ("ACCOM", imported.accommodation)):
            chosen[name] = Oc3Override(name, code, f"{_imported_words(imported)}.", "")
    for name, _ in OC3_FIELDS:
        override = entry.current_override(name)
        if override is not None:
            chosen[name] = Oc3Override(name, override.value, override.reason, override.ref)
    return chosen


def entry_for(year: CollectionYear, young_person: YoungPerson) -> Entry | None:
    """One young person's entry for the year (the override page), or None if not a candidate."""
    found = derive_return(year, YoungPerson.objects.filter(pk=young_person.pk))
    return next(iter(found.included + found.excluded), None)


__all__ = ["CareLeaverReturn", "Entry", "candidates", "derive_return", "entry_for", "settings_now"]
