"""A pathway plan is in place (statutory-rules.md §3 D2).

Eligible child: Children Act 1989 Sch 2 para 19B(4); CPPCR 2010 regs 41, 43 — STATUTE-RECALLED.
Relevant and former relevant (including s23CA and s23CZB): CLR 2010 reg 6 — STATUTE-RECALLED:
prepared "as soon as possible" after the assessment. The law gives no date, so the plan is
due ``plan_grace_days`` after the assessment was completed, or after it was due if that is
earlier or it has not been (LOCAL POLICY, SR §3 D2 and §4 plan_after_assessment_grace_days):
a late assessment does not move the plan's deadline.

A plan agreed at any time counts, except under s23CA and s23CZB, which ask for a plan
prepared for that new duty: there it must be agreed on or after the day the assessment
window opened. A plan version with sign-offs but no agreed date is not evidence (SR §6).
"""

from __future__ import annotations

from datetime import date, timedelta

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind
from compliance.duties.common import (
    CLR,
    CPPCR,
    Trigger,
    counting_assessment,
    days,
    first_plan,
    fmt,
    not_for_this_category,
    one_off,
    pathway_duties_apply,
    plan_evidence,
    trigger,
)
from compliance.records import PathwayPlanVersion

CODE = "plan_in_place"
_WHO = "eligible and relevant children, and former relevant young people with a pathway plan duty"


def evaluate(context: DutyContext) -> DutyResult:
    span = context.status.span_on(context.judged_on)
    if not pathway_duties_apply(span):
        return not_for_this_category(CODE, span, _WHO)
    found = trigger(context, span)
    first = first_plan(context, found)
    grace = context.standards.plan_grace_days
    allowed = f"the council allows {days(grace)}" if grace else "the council expects it the same day"
    assessment = counting_assessment(context.case.assessments, found, context.judged_on)
    completed = assessment.completed_on if assessment is not None else None
    base, why = _clock(found, completed)
    due_on = base + timedelta(days=grace) if base is not None else None
    if first is None:
        undated = _signed_but_undated(context.case.plans)
        if undated is not None:
            return DutyResult(
                code=CODE,
                state=DutyState.INSUFFICIENT_DATA,
                reason=f"Pathway plan version {undated.version} has sign-offs but no date it was agreed. "
                "Add the date it was agreed; an undated plan is not evidence.",
                due_on=due_on,
                action="edit_plan",
            )
    done = ""
    if first is not None and first.agreed_on is not None:
        which = "first pathway plan for this duty" if found.fresh_plan else "first pathway plan"
        done = f"Their {which} was agreed on {fmt(first.agreed_on)}"
    return one_off(
        CODE,
        context.judged_on,
        due_on=due_on,
        arose_on=found.on,
        done_on=first.agreed_on if first else None,
        evidence=plan_evidence(first) if first else None,
        action="create_plan",
        why=why,
        owed="a pathway plan",
        done=done,
        missing="No agreed plan has been recorded.",
        note=f"The law says a plan is made as soon as possible after the needs assessment; {allowed}."
        if due_on is not None else "",
        no_deadline=f"It is due as soon as possible after their needs assessment ({allowed}), which has not "
        "been completed yet; the law sets no time limit for the assessment.",
    )


def _clock(found: Trigger, completed: date | None) -> tuple[date | None, str]:
    """The day the plan's clock starts, and the words for it: the day the needs assessment
    was completed, or the day it was due if that is earlier or it has not been done. A late
    assessment does not give the plan more time: the plan was owed from when the
    assessment should have been done (docs/rules/duties.md, choice 22)."""
    due = found.assessment_due
    if completed is not None and (due is None or completed <= due):
        return completed, f"Their needs assessment was completed on {fmt(completed)}"
    if completed is not None and due is not None:
        return due, f"Their needs assessment was due by {fmt(due)} and completed late, on {fmt(completed)}"
    return due, found.why + (f", and their needs assessment was due by {fmt(due)}" if due else "")


def _signed_but_undated(plans: tuple[PathwayPlanVersion, ...]) -> PathwayPlanVersion | None:
    for plan in plans:
        if plan.agreed_on is None and (plan.young_person_signed_on or plan.worker_signed_on or plan.authorised_on):
            return plan
    return None


DUTY = Duty(
    code=CODE,
    title="Pathway plan in place",
    citation=f"Children Act 1989, Schedule 2, paragraph 19B(4); {CPPCR}, regulation 43; {CLR}, regulation 6",
    source_kind=SourceKind.STATUTE,
    summary="The young person must have an agreed pathway plan soon after their needs are assessed.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
    settings=("plan_grace_days",),
)
