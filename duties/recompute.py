"""Recomputing the duty ledger: for one person after a write, for those whose answer
changes today (the daily sweep), or for everyone (after a settings change)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from django.db import transaction
from django.utils import timezone

from compliance.duties import DutyResult, evaluate_all
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from duties.models import DutyLedgerRow, LedgerStamp
from duties.settings import current_settings
from people.facts import case_facts_for
from people.models import StatusSpan, YoungPerson
from people.status import span_rows

BATCH_SIZE = 500


# The columns that hold an answer, in the order `_answer` gives them.
_COMPARED = (
    "state", "due_on", "since", "reason", "evidence_ref", "evidence_label", "evidence_on",
    "next_change_on", "action", "late", "citation", "source_kind",
)
Answer = tuple[object, ...]


def _answer(r: DutyResult) -> Answer:
    evidence = r.evidence
    return (
        r.state.value, r.due_on, r.since, r.reason,
        evidence.ref if evidence else "", evidence.label[:200] if evidence else "", evidence.on if evidence else None,
        r.next_change_on, r.action, r.late, r.citation, r.source_kind.value if r.source_kind else "",
    )


def ledger_answers(
    people: list[YoungPerson],
    today: dt.date,
    policy: LocalPolicy,
    standards: LocalStandards,
    spans: list[StatusSpan] | None = None,
) -> dict[tuple[int, str], Answer]:
    """Each person's answer per duty, as plain tuples (building a model object per row costs
    more than the rules); with ``spans`` given, their status timelines too."""
    facts = case_facts_for(people)
    answers: dict[tuple[int, str], Answer] = {}
    for person in people:
        status, results = evaluate_all(facts[person.pk], today, policy, standards)
        if spans is not None:
            spans.extend(span_rows(person.pk, status))
        for r in results:
            answers[(person.pk, r.code)] = _answer(r)
    return answers


def recompute_people(
    ids: Iterable[int],
    today: dt.date | None = None,
    *,
    settings: tuple[LocalPolicy, LocalStandards] | None = None,
    with_status: bool = False,
) -> int:
    """Rewrite the ledger rows of these young people (and, ``with_status``, their stored
    category timelines, which only change when their records or the settings do).
    Returns how many people."""
    today = today or timezone.localdate()
    policy, standards = settings or current_settings()
    people = list(YoungPerson.objects.filter(pk__in=list(ids)).only("pk", "date_of_birth", "date_of_death", "uasc", "closed_on"))
    if not people:
        return 0
    spans: list[StatusSpan] | None = [] if with_status else None
    answers = ledger_answers(people, today, policy, standards, spans)
    ids = [p.pk for p in people]
    with transaction.atomic():
        _write_changed(ids, answers, today)
        LedgerStamp.objects.bulk_create(
            [LedgerStamp(young_person_id=pk, computed_on=today) for pk in ids],
            update_conflicts=True, unique_fields=["young_person"], update_fields=["computed_on"], batch_size=2000,
        )
        if spans is not None:
            StatusSpan.objects.filter(young_person_id__in=ids).delete()
            StatusSpan.objects.bulk_create(spans, batch_size=2000)
    return len(people)


def _write_changed(ids: list[int], answers: dict[tuple[int, str], Answer], today: dt.date) -> None:
    """Write only the rows whose answer changed. Most answers are the same from one day to
    the next, so the daily sweep and a full recompute are mostly reads."""
    existing = {
        (r[0], r[1]): (r[2], r[3:])
        for r in DutyLedgerRow.objects.filter(young_person_id__in=ids).values_list(
            "young_person_id", "duty_code", "id", *_COMPARED
        )
    }
    stale_ids = [row_id for key, (row_id, _) in existing.items() if key not in answers]
    new_rows = []
    for key, answer in answers.items():
        old = existing.get(key)
        if old is not None:
            if old[1] == answer:
                continue
            stale_ids.append(old[0])
        new_rows.append(
            DutyLedgerRow(young_person_id=key[0], duty_code=key[1], computed_on=today, **dict(zip(_COMPARED, answer)))
        )
    for i in range(0, len(stale_ids), 900):  # SQLite's limit on query parameters
        DutyLedgerRow.objects.filter(id__in=stale_ids[i : i + 900]).delete()
    DutyLedgerRow.objects.bulk_create(new_rows, batch_size=2000)


def recompute_after_commit(young_person_id: int) -> None:
    """Queue one person's recompute for when the writing transaction commits, so a
    rolled-back write leaves the ledger as it was."""
    transaction.on_commit(lambda: recompute_people([young_person_id]))


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def recompute_all(
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    with_status: bool = False,
) -> int:
    today = today or timezone.localdate()
    settings = current_settings()
    ids = list(YoungPerson.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for batch in _batches(ids, BATCH_SIZE):
        done += recompute_people(batch, today, settings=settings, with_status=with_status)
        if progress:
            progress(done, len(ids))
    return done


def people_due_for_sweep(today: dt.date) -> list[int]:
    """Those whose answer can change by itself on or before today, or never computed, or
    computed on an earlier day than some row says (a missed sweep catches up)."""
    changing = DutyLedgerRow.objects.filter(next_change_on__lte=today).values_list("young_person_id", flat=True)
    never = YoungPerson.objects.filter(ledger_stamp__isnull=True).values_list("pk", flat=True)
    return sorted(set(changing) | set(never))


def sweep(today: dt.date | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    today = today or timezone.localdate()
    settings = current_settings()
    ids = people_due_for_sweep(today)
    done = 0
    for batch in _batches(ids, BATCH_SIZE):
        done += recompute_people(batch, today, settings=settings)
        if progress:
            progress(done, len(ids))
    return done
