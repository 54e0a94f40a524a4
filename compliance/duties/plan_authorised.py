"""A manager authorises the plan in force — LOCAL POLICY (configurable), statutory-rules.md §4
and §6 (keep the authorised date apart from the completed date). Management oversight is an
Ofsted line of enquiry, not a statutory step.

Due ``plan_authorise_days`` after the version was agreed; switched off by
``manager_authorises_plans``. An authorisation dated before the version was agreed does not count.
"""

from __future__ import annotations

from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import OWN_STANDARD, not_applicable, plan_step

CODE = "plan_authorised"


def evaluate(context: DutyContext) -> DutyResult:
    if not context.standards.manager_authorises_plans:
        return not_applicable(CODE, "The council does not ask a manager to authorise each pathway plan.")
    return plan_step(
        context,
        CODE,
        field="authorised_on",
        allowed_days=context.standards.plan_authorise_days,
        owed="a manager's authorisation",
        done="Authorised by a manager",
        action="authorise_plan",
    )


DUTY = Duty(
    code=CODE,
    title="Plan authorised by a manager",
    citation=OWN_STANDARD,
    source_kind=SourceKind.LOCAL_POLICY,
    summary="A manager authorises each new version of the pathway plan soon after it is agreed.",
    evaluate=evaluate,
    settings=("manager_authorises_plans", "plan_authorise_days"),
)
