"""What casework adds to a young person's record: the workers and closure section,
transfers as facts for the duty rules, links from duties, and chronology entries.

Allocations are read into the facts by people/facts.py, so they are not registered here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.urls import reverse

from casework.models import Allocation, CaseClosure, Transfer, TransferStatus
from compliance import records
from people.extension import (
    ChronologyItem,
    register_action,
    register_case_facts,
    register_chronology,
    register_record_link,
    register_section,
)


def workers_url(young_person_pk: int, anchor: str = "") -> str:
    url = reverse("casework:workers", args=[young_person_pk])
    return f"{url}#{anchor}" if anchor else url


def transfer_facts(ids: list[int]) -> dict[int, dict[str, list[object]]]:
    out: dict[int, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    rows = Transfer.objects.filter(young_person_id__in=ids).values_list(
        "pk", "young_person_id", "planned_on", "handover_held_on", "status", "completed_on"
    )
    for pk, young_person_id, planned_on, held_on, status, completed_on in rows:
        out[young_person_id]["transfers"].append(
            records.Transfer(
                planned_on=planned_on, handover_held_on=held_on,
                cancelled=status == TransferStatus.CANCELLED, ref=f"transfer:{pk}", completed_on=completed_on,
            )
        )
    return out


def allocations(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for a in Allocation.objects.filter(young_person=young_person).select_related("worker"):
        role = a.get_role_display().lower()
        url = workers_url(young_person.pk, f"allocation-{a.pk}")
        yield ChronologyItem(on=a.start, title=f"{a.worker.display_name} allocated as {role}", kind="allocation", url=url)
        if a.end is not None:
            yield ChronologyItem(on=a.end, title=f"{a.worker.display_name}'s allocation as {role} ended",
                                 kind="allocation", url=url, significant=False)


def transfers(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for t in Transfer.objects.filter(young_person=young_person).select_related("to_worker"):
        url = workers_url(young_person.pk, f"transfer-{t.pk}")
        if t.status != TransferStatus.CANCELLED:
            yield ChronologyItem(on=t.planned_on, title=f"Transfer to {t.to_worker.display_name} planned",
                                 detail=t.reason, kind="transfer", url=url, significant=False)
        if t.handover_held_on is not None:
            yield ChronologyItem(on=t.handover_held_on, title=f"Joint handover meeting held with {t.to_worker.display_name}",
                                 detail=t.handover_notes, kind="transfer", url=url)


def closures(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for c in CaseClosure.objects.filter(young_person=young_person):
        url = workers_url(young_person.pk, f"closure-{c.pk}")
        yield ChronologyItem(on=c.closed_on, title="Case closed", detail=c.reason_text, kind="closure", url=url)
        if c.reopened_on is not None:
            yield ChronologyItem(on=c.reopened_on, title="Case reopened", detail=c.get_reopen_reason_display(),
                                 kind="closure", url=url)


def register() -> None:
    register_section("workers", "Workers and closure", 70, "casework:workers")
    register_case_facts(transfer_facts)
    register_record_link("transfer", lambda pk, record_pk: workers_url(pk, f"transfer-{record_pk}"))
    register_record_link("allocation", lambda pk, record_pk: workers_url(pk, f"allocation-{record_pk}"))
    register_action("record_handover", "Record the joint handover meeting",
                    lambda pk: reverse("casework:next-handover", args=[pk]))
    register_action("allocate_personal_adviser", "Allocate a personal adviser",
                    lambda pk: f"{reverse('people:allocate', args=[pk])}?role=personal_adviser")
    register_action("close_case", "Close the case", lambda pk: reverse("casework:close", args=[pk]))
    for source in (allocations, transfers, closures):
        register_chronology(source)
