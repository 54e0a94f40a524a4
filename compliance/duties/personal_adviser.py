"""A personal adviser allocated now (statutory-rules.md §3 D4).

Eligible: Children Act 1989 Sch 2 para 19C — STATUTE-RECALLED. Relevant: s23B(2) —
STATUTE-VERIFIED. Former relevant to 21 or the end of an education programme: s23C(3)(a) —
STATUTE-VERIFIED. s23CA: s23CA(2) — STATUTE-RECALLED. s23CZB (21 to 25, on request):
s23CZB(3) — STATUTE-VERIFIED.

requires_pa(d) holds for everyone :func:`pathway_duties_apply` to. The law gives no date
for the first appointment, so any day without a personal adviser allocation while the
duty applies is a gap: overdue from the later of the day the duty began and the day the
last allocation ended.
"""

from __future__ import annotations

from datetime import date

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind
from compliance.duties.common import (
    adviser_evidence,
    fmt,
    not_for_this_category,
    pathway_duties_apply,
    personal_adviser_allocations,
    run_start,
    who_they_are,
)
from compliance.records import WorkerAllocation

CODE = "personal_adviser"


def evaluate(context: DutyContext) -> DutyResult:
    status, today = context.status, context.judged_on
    span = status.span_on(today)
    if not pathway_duties_apply(span):
        return not_for_this_category(CODE, span, "eligible and relevant children, and former relevant young "
                                     "people with a personal adviser duty")
    required_from = run_start(status, today, pathway_duties_apply)
    allocations = personal_adviser_allocations(context.case.allocations)
    covering = [a for a in allocations if a.start <= today and (a.end is None or today < a.end)]
    if covering:
        current = max(covering, key=lambda a: a.start)
        since = max(min(a.start for a in covering), required_from)
        return DutyResult(
            code=CODE,
            state=DutyState.MET,
            reason=f"A personal adviser has been allocated since {fmt(current.start)}.",
            since=since,
            evidence=adviser_evidence(current),
            next_change_on=_cover_ends(allocations, today),
        )
    ended = [a.end for a in allocations if a.end is not None and a.end <= today]
    gap_from = max([required_from, *ended])
    upcoming = [a.start for a in allocations if a.start > today]
    last_ended = f" The last allocation ended on {fmt(max(ended))}." if ended else ""
    planned = f" An allocation is recorded to start on {fmt(min(upcoming))}." if upcoming else ""
    return DutyResult(
        code=CODE,
        state=DutyState.OVERDUE,
        reason=f"As {who_they_are(span)} they must have a personal adviser, and none is allocated. They have "
        f"needed one since {fmt(required_from)}.{last_ended}{planned}",
        due_on=required_from,
        since=gap_from,
        next_change_on=min(upcoming) if upcoming else None,
        action="allocate_personal_adviser",
    )


def _cover_ends(allocations: list[WorkerAllocation], today: date) -> date | None:
    """The first day from today with no allocation, when the answer changes; None if never."""
    day = today
    for _ in allocations:
        ends = [a.end for a in allocations if a.start <= day and (a.end is None or day < a.end)]
        if not ends:
            return day
        if None in ends:
            return None
        day = max(e for e in ends if e is not None)
    return day


DUTY = Duty(
    code=CODE,
    title="Personal adviser allocated",
    citation="Children Act 1989, Schedule 2, paragraph 19C, and sections 23B(2), 23C(3)(a), 23CA(2) and 23CZB(3)",
    source_kind=SourceKind.STATUTE,
    summary="The young person must have a personal adviser for as long as the council owes them that duty.",
    evaluate=evaluate,
)
