"""PLACEHOLDER until the rule is written: judges nothing."""

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind


def _evaluate(context: DutyContext) -> DutyResult:
    return DutyResult(code="plan_signed_worker", state=DutyState.NOT_APPLICABLE, reason="PLACEHOLDER: not written yet")


DUTY = Duty(code="plan_signed_worker", title="plan_signed_worker", citation="", source_kind=SourceKind.STATUTE, summary="", evaluate=_evaluate)
