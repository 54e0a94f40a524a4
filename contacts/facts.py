"""Contacts and case summary saves as the compliance core's casework facts, in bulk.

One query per kind of fact for a whole batch of young people: the full recompute reads
100,000 people in batches, so nothing here may query per person.
"""

from __future__ import annotations

from collections import defaultdict

from compliance.records import Contact as ContactFact
from compliance.records import ContactKind
from contacts.models import CaseSummaryVersion, Contact


def read_case_facts(young_person_ids: list[int]) -> dict[int, dict[str, object]]:
    out: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    contact_rows = (
        Contact.objects.filter(young_person_id__in=young_person_ids)
        .order_by("on", "id")
        .values_list("pk", "young_person_id", "on", "kind", "direct", "by_personal_adviser", "attempted")
    )
    for pk, person_id, on, kind, direct, by_pa, attempted in contact_rows:
        out[person_id]["contacts"].append(
            ContactFact(on=on, kind=ContactKind(kind), direct=direct, by_personal_adviser=by_pa,
                        attempted=attempted, ref=f"contact:{pk}")
        )
    saves = (
        CaseSummaryVersion.objects.filter(summary__young_person_id__in=young_person_ids)
        .values_list("summary__young_person_id", "saved_on")
        .distinct()
        .order_by("summary__young_person_id", "saved_on")
    )
    for person_id, saved_on in saves:
        out[person_id]["summary_updated_on"].append(saved_on)
    return out  # type: ignore[return-value]
