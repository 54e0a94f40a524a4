"""Pathway plan reviewed at least every 6 months (statutory-rules.md §3 D3).

Relevant and former relevant (and s23CA, s23CZB): CLR 2010 reg 7 — STATUTE-RECALLED: at
intervals of not more than 6 months. Eligible child: reviewed within the looked-after review
cycle, CPPCR 2010 regs 33 and 43 — STATUTE-RECALLED; the same 6-month maximum is applied.

The next review is due 6 calendar months (end-of-month clamped, SR §1.2) after the last
review actually held, of any kind: a review held early, or one asked for, resets the
clock. Before the first review the clock runs from the day the first plan was agreed.
"""

from __future__ import annotations

from datetime import date

from compliance.calendar import add_months
from compliance.categories import Category
from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import (
    CLR,
    CPPCR,
    first_plan,
    fmt,
    last_review,
    not_applicable,
    not_for_this_category,
    pathway_duties_apply,
    plan_evidence,
    repeating,
    review_evidence,
    trigger,
)

CODE = "plan_review"
INTERVAL_MONTHS = 6
_WHO = "eligible and relevant children, and former relevant young people with a pathway plan duty"


def evaluate(context: DutyContext) -> DutyResult:
    span = context.status.span_on(context.judged_on)
    if not pathway_duties_apply(span):
        return not_for_this_category(CODE, span, _WHO)
    first = first_plan(context, trigger(context, span))
    if first is None or first.agreed_on is None:
        return not_applicable(CODE, "No pathway plan has been agreed yet, so there is nothing to review.")
    review = last_review(context.case.reviews, context.judged_on, since=first.agreed_on)
    base = review.held_on if review else first.agreed_on
    note = (
        "An eligible child's plan is reviewed with their looked-after reviews, at least every 6 months."
        if span.category is Category.ELIGIBLE
        else ""
    )
    return repeating(
        CODE,
        context.judged_on,
        last_on=review.held_on if review else None,
        started_on=first.agreed_on,
        evidence=review_evidence(review) if review else plan_evidence(first),
        due_on=add_months(base, INTERVAL_MONTHS),
        action="review_plan",
        last=f"The last review was on {fmt(base)}",
        first=f"The pathway plan was agreed on {fmt(first.agreed_on)}",
        owed="the first review",
        note=note,
    )


DUTY = Duty(
    code=CODE,
    title="Pathway plan reviewed every 6 months",
    citation=f"{CLR}, regulation 7; {CPPCR}, regulations 33 and 43",
    source_kind=SourceKind.STATUTE,
    summary="The pathway plan must be reviewed at least every 6 months.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
)
