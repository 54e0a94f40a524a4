"""The young person's involvement in each review is recorded — LOCAL POLICY (configurable).

The review involvement form records how the young person and others took part. No
regulation names the form; it evidences the corporate parenting principles in the
Children and Social Work Act 2017 s1(1)(b)–(c) — STATUTE-VERIFIED (encourage young people
to express their views, and take them into account) — and the review content in CLR 2010
reg 7 (STATUTE-RECALLED). Judged on the latest review: the form is due on the day it is held.
"""

from __future__ import annotations

from compliance.calendar import add_months
from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind
from compliance.duties.common import (
    CLR,
    ONE_DAY,
    OWN_STANDARD,
    fmt,
    last_review,
    not_applicable,
    not_for_this_category,
    pathway_duties_apply,
    review_evidence,
)

CODE = "review_involvement"


def evaluate(context: DutyContext) -> DutyResult:
    today = context.judged_on
    span = context.status.span_on(today)
    if not pathway_duties_apply(span):
        return not_for_this_category(CODE, span, "young people with a pathway plan duty")
    latest = last_review(context.case.reviews, today)
    if latest is None:
        return not_applicable(CODE, "No pathway plan review has been held yet.")
    year_ago = add_months(today, -12)
    in_year = [r for r in context.case.reviews if year_ago < r.held_on <= today]
    lacking = sum(1 for r in in_year if not r.involvement_form_complete)
    held = fmt(latest.held_on)
    if latest.involvement_form_complete:
        earlier = f" {lacking} earlier review{'s' if lacking > 1 else ''} in the last year had none." if lacking else ""
        return DutyResult(code=CODE, state=DutyState.MET, since=latest.held_on, due_on=latest.held_on,
                          evidence=review_evidence(latest),
                          reason=f"The involvement form for the review on {held} is complete.{earlier}")
    count = ""
    if len(in_year) > 1:
        count = f" {lacking} of the {len(in_year)} reviews in the last year have no completed form."
    reason = (f"The review on {held} has no completed involvement form saying how the young person and others "
              f"took part.{count}")
    if today <= latest.held_on:
        return DutyResult(code=CODE, state=DutyState.DUE, since=latest.held_on, due_on=latest.held_on,
                          evidence=review_evidence(latest), next_change_on=latest.held_on + ONE_DAY,
                          reason=reason, action="record_review_involvement")
    return DutyResult(code=CODE, state=DutyState.OVERDUE, since=latest.held_on + ONE_DAY, due_on=latest.held_on,
                      evidence=review_evidence(latest), reason=reason, action="record_review_involvement")


DUTY = Duty(
    code=CODE,
    title="Young person's involvement in reviews recorded",
    citation=f"{OWN_STANDARD}, supporting the Children and Social Work Act 2017, section 1(1)(b) and (c), and the "
    f"{CLR}, regulation 7",
    source_kind=SourceKind.LOCAL_POLICY,
    summary="Each pathway plan review records how the young person took part and what they said.",
    evaluate=evaluate,
)
