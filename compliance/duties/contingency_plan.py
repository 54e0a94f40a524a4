"""The plan in force has a contingency plan (statutory-rules.md §3 D2).

CLR 2010 Schedule 1 para 4 — STATUTE-VERIFIED: "contingency plans for action to be taken by
the responsible authority should the pathway plan for any reason cease to be effective".
For an eligible child the equivalent is CPPCR 2010 Schedule 8 (STATUTE-RECALLED). It is
due the day the version is agreed: a plan without one was incomplete when agreed.
"""

from __future__ import annotations

from datetime import date

from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import CLR, CPPCR, plan_content

CODE = "contingency_plan"


def evaluate(context: DutyContext) -> DutyResult:
    missing = "has no contingency plan saying what happens if the plan stops working"
    return plan_content(context, CODE, lambda plan: "" if plan.has_contingency else missing, "has a contingency plan")


DUTY = Duty(
    code=CODE,
    title="Contingency plan",
    citation=f"{CLR}, Schedule 1, paragraph 4; {CPPCR}, Schedule 8",
    source_kind=SourceKind.STATUTE,
    summary="The pathway plan must say what will happen if it stops working.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
)
