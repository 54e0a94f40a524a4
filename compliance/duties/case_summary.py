"""The case summary is kept up to date — LOCAL POLICY (configurable).

CLR 2010 reg 10(1)–(2) — STATUTE-RECALLED: the council keeps a written case record for
each relevant and former relevant young person. How often its summary is refreshed is the
council's standard (statutory-rules.md §4; councils' audits found summaries never updated):
at least every ``summary_max_age_days``, and within ``summary_after_review_days`` of each
pathway plan review. The clock starts when the young person first had a leaving-care status
in the current run, so someone new to the service is not overdue on day one.
"""

from __future__ import annotations

from datetime import timedelta

from compliance.categories import CategorySpan
from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, Evidence, SourceKind
from compliance.duties.common import (
    CLR,
    ONE_DAY,
    OWN_STANDARD,
    days,
    fmt,
    last_review,
    not_for_this_category,
    run_start,
)

CODE = "case_summary"


def _applies(span: CategorySpan) -> bool:
    return span.category.is_leaving_care


def evaluate(context: DutyContext) -> DutyResult:
    today, standards = context.judged_on, context.standards
    span = context.status.span_on(today)
    if not _applies(span):
        return not_for_this_category(CODE, span, "eligible, relevant, former relevant and qualifying young people")
    started = run_start(context.status, today, _applies)
    last = max((u for u in context.case.summary_updated_on if started <= u <= today), default=None)
    base = last or started
    due_on = base + timedelta(days=standards.summary_max_age_days)
    opening = (f"The case summary was last updated on {fmt(last)}" if last
               else f"The case summary has not been updated since they gained a leaving-care status on {fmt(started)}")
    rule = f"It is updated at least every {days(standards.summary_max_age_days)}"
    review = last_review(context.case.reviews, today, since=started)
    if review is not None and (last is None or last < review.held_on):
        after_review = review.held_on + timedelta(days=standards.summary_after_review_days)
        if after_review < due_on:
            due_on = after_review
            after = standards.summary_after_review_days
            rule = (f"A pathway plan review was held on {fmt(review.held_on)}, and the summary is updated "
                    + (f"within {days(after)} of a review" if after else "on the day of a review"))
    evidence = Evidence("", f"Case summary updated {fmt(last)}", last) if last else None
    if today > due_on:
        return DutyResult(code=CODE, state=DutyState.OVERDUE, due_on=due_on, since=due_on + ONE_DAY, evidence=evidence,
                          reason=f"{opening}. {rule}, so an update was due by {fmt(due_on)}.", action="update_summary")
    up_to_date = last is not None and (review is None or last >= review.held_on)
    return DutyResult(
        code=CODE,
        state=DutyState.MET if up_to_date else DutyState.DUE,
        reason=f"{opening}. {rule}, so {'the next' if up_to_date else 'an'} update is due by {fmt(due_on)}.",
        due_on=due_on,
        since=last if up_to_date else (review.held_on if review is not None else started),
        evidence=evidence,
        next_change_on=due_on + ONE_DAY,
        action="" if up_to_date else "update_summary",
    )


DUTY = Duty(
    code=CODE,
    title="Case summary up to date",
    citation=f"{OWN_STANDARD}, for the case record the {CLR} require (regulation 10)",
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The case summary is updated regularly and soon after each pathway plan review.",
    evaluate=evaluate,
    settings=("summary_max_age_days", "summary_after_review_days"),
)
