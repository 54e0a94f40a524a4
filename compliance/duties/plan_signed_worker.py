"""The worker signs the plan in force — LOCAL POLICY (configurable), statutory-rules.md §4
and §6 (plans "signed but not dated" are not evidence; councils' audits found plans unsigned).

No statutory timescale: the signature is due ``plan_sign_off_days`` after the version was
agreed. A signature dated before the version was agreed does not count.
"""

from __future__ import annotations

from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import OWN_STANDARD, plan_step

CODE = "plan_signed_worker"


def evaluate(context: DutyContext) -> DutyResult:
    return plan_step(
        context,
        CODE,
        field="worker_signed_on",
        allowed_days=context.standards.plan_sign_off_days,
        owed="the worker's signature",
        done="Signed by the worker",
        action="sign_plan",
    )


DUTY = Duty(
    code=CODE,
    title="Plan signed by the worker",
    citation=OWN_STANDARD,
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The personal adviser or social worker signs each new version of the pathway plan soon after it is agreed.",
    evaluate=evaluate,
    settings=("plan_sign_off_days",),
)
