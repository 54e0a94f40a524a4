"""A review held when one is asked for (statutory-rules.md §3 D3).

CLR 2010 reg 7 — STATUTE-RECALLED: the pathway plan must be reviewed if the young person
asks, or the personal adviser or council thinks it necessary. The law gives no deadline,
so the review is due ``review_request_days`` after the request (LOCAL POLICY, SR §4
pathway_review_request_sla_days). Any review held on or after the request day answers it.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind
from compliance.duties.common import (
    CLR,
    ONE_DAY,
    days,
    fmt,
    not_applicable,
    not_for_this_category,
    pathway_duties_apply,
    review_evidence,
)
from compliance.records import ReviewRequest

CODE = "review_on_request"
_WHO = "eligible and relevant children, and former relevant young people with a pathway plan duty"


def evaluate(context: DutyContext) -> DutyResult:
    span = context.status.span_on(context.judged_on)
    if not pathway_duties_apply(span):
        return not_for_this_category(CODE, span, _WHO)
    today, allowed = context.judged_on, context.standards.review_request_days
    requests = sorted((r for r in context.case.review_requests if r.requested_on <= today),
                      key=lambda r: r.requested_on)
    if not requests:
        return not_applicable(CODE, "Nobody has asked for a review of the pathway plan.")
    reviews = sorted((r for r in context.case.reviews if r.held_on <= today), key=lambda r: r.held_on)
    held = [r.held_on for r in reviews]
    waiting = [r for r in requests if bisect_left(held, r.requested_on) == len(held)]
    note = f"The law sets no deadline; the council allows {days(allowed)} after a request."
    if waiting:
        first = waiting[0]
        due_on = first.requested_on + timedelta(days=allowed)
        others = ""
        if len(waiting) > 1:
            others = f" {len(waiting) - 1} later request{'s are' if len(waiting) > 2 else ' is'} also waiting."
        if today <= due_on:
            return DutyResult(code=CODE, state=DutyState.DUE,
                              reason=f"{_asked(first)}, so a review is due by {fmt(due_on)}.{others} {note}",
                              due_on=due_on, since=first.requested_on, next_change_on=due_on + ONE_DAY,
                              action="review_plan")
        return DutyResult(code=CODE, state=DutyState.OVERDUE,
                          reason=f"{_asked(first)}, so a review was due by {fmt(due_on)}. None has been held since."
                          f"{others} {note}",
                          due_on=due_on, since=due_on + ONE_DAY, action="review_plan")
    latest = requests[-1]
    answer = reviews[bisect_left(held, latest.requested_on)]
    due_on = latest.requested_on + timedelta(days=allowed)
    late = (answer.held_on - due_on).days
    timing = f"{days(late)} late" if late > 0 else "on time"
    timing += f" (it was due by {fmt(due_on)})"
    return DutyResult(code=CODE, state=DutyState.MET,
                      reason=f"{_asked(latest)}, and a review was held on {fmt(answer.held_on)}, {timing}.",
                      due_on=due_on, since=answer.held_on, evidence=review_evidence(answer), late=late > 0)


def _asked(request: ReviewRequest) -> str:
    who = "They" if request.by_young_person else "Their personal adviser or the council"
    return f"{who} asked for a review on {fmt(request.requested_on)}"


DUTY = Duty(
    code=CODE,
    title="Review when asked for",
    citation=f"{CLR}, regulation 7",
    source_kind=SourceKind.STATUTE,
    summary="The pathway plan must be reviewed when the young person, their adviser or the council asks.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
    settings=("review_request_days",),
)
