"""The young person is given a copy of the plan in force — LOCAL POLICY (configurable),
statutory-rules.md §4 and §6 (record the date shared with the young person).

No statutory timescale was found: the copy is due ``plan_copy_days`` after the version was
agreed. A date before the version was agreed does not count.
"""

from __future__ import annotations

from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import OWN_STANDARD, plan_step

CODE = "plan_copy_given"


def evaluate(context: DutyContext) -> DutyResult:
    return plan_step(
        context,
        CODE,
        field="copy_given_on",
        allowed_days=context.standards.plan_copy_days,
        owed="a copy for the young person",
        done="A copy was given to the young person",
        action="record_copy_given",
    )


DUTY = Duty(
    code=CODE,
    title="Copy of the plan given",
    citation=OWN_STANDARD,
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The young person is given a copy of each new version of their pathway plan.",
    evaluate=evaluate,
    settings=("plan_copy_days",),
)
