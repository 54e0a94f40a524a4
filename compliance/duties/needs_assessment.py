"""Needs assessment completed in time (statutory-rules.md §3 D1).

Eligible child: CPPCR 2010 reg 42(1) — STATUTE-VERIFIED: not more than 3 months after the
later of the 16th birthday and the day the child became eligible.
Relevant child without a pathway plan: CLR 2010 reg 5(2)(a) — STATUTE-VERIFIED: not more
than 3 months after becoming relevant.
Former relevant under s23CA: CLR 2010 reg 5(2)(b) — STATUTE-VERIFIED: not more than
3 months after the council is told about education or training.
s23CZB (21 to 25, on request): Children Act 1989 s23CZB(4)–(5) — STATUTE-VERIFIED: an
assessment is required but no time limit was found.

An assessment completed in the 3 months before the trigger counts, so one done just before
the 16th birthday is not wasted (docs/rules/duties.md). An eligible child's deadline that
passed with no assessment stays the deadline after they become relevant (choice 21).
"""

from __future__ import annotations

from datetime import date

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, Evidence, SourceKind
from compliance.duties.common import (
    CLR,
    CPPCR,
    counting_assessment,
    fmt,
    not_applicable,
    not_for_this_category,
    one_off,
    pathway_duties_apply,
    trigger,
    who_they_are,
)

CODE = "needs_assessment"
_WHO = "eligible and relevant children, and former relevant young people who asked for support or are in education"


def evaluate(context: DutyContext) -> DutyResult:
    span = context.status.span_on(context.judged_on)
    if not pathway_duties_apply(span):
        return not_for_this_category(CODE, span, _WHO)
    found = trigger(context, span)
    if not found.assessment_owed:
        why = (f"{found.why}, so no new needs assessment is required: the law asks for one only for relevant "
               "children without a pathway plan." if found.kind == "relevant_with_plan" else
               f"As {who_they_are(span)} they need no new needs assessment: the law asks for one for eligible "
               "children, relevant children without a pathway plan, and former relevant young people who ask "
               "for support or return to education or training.")
        return not_applicable(CODE, f"{why} Their pathway plan is kept under review instead.", since=found.on)
    assessment = counting_assessment(context.case.assessments, found, context.judged_on)
    if assessment is None:
        undated = next((a for a in context.case.assessments if a.completed_on is None and a.authorised_on), None)
        if undated is not None and undated.authorised_on is not None:
            return DutyResult(
                code=CODE,
                state=DutyState.INSUFFICIENT_DATA,
                reason=f"A needs assessment was authorised on {fmt(undated.authorised_on)} but has no completion "
                "date. Add the date it was completed.",
                due_on=found.assessment_due,
                since=undated.authorised_on,
                evidence=Evidence(undated.ref, "Needs assessment with no completion date", undated.authorised_on),
                action="record_assessment",
            )
    done_on = assessment.completed_on if assessment else None
    return one_off(
        CODE,
        context.judged_on,
        due_on=found.assessment_due,
        arose_on=found.on,
        done_on=done_on,
        evidence=_evidence(assessment.ref, done_on) if assessment and done_on else None,
        action="record_assessment",
        why=found.why,
        owed="their needs assessment",
        done=f"Their needs assessment was completed on {fmt(done_on)}" if done_on else "",
        missing="No completed assessment has been recorded.",
        note=found.note,
        no_deadline="The law sets no time limit for it.",
    )


def _evidence(ref: str, on: date) -> Evidence:
    return Evidence(ref, f"Needs assessment completed {fmt(on)}", on)


DUTY = Duty(
    code=CODE,
    title="Needs assessment",
    citation=f"{CPPCR}, regulation 42(1); {CLR}, regulation 5(2); Children Act 1989, section 23CZB(4)",
    source_kind=SourceKind.STATUTE,
    summary="The council must assess the young person's needs within 3 months of them becoming eligible "
    "or relevant, or of telling the council about education or training.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
)
