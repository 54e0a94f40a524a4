"""PLACEHOLDER until the rule is written: judges nothing."""

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind


def _evaluate(context: DutyContext) -> DutyResult:
    return DutyResult(code="visits", state=DutyState.NOT_APPLICABLE, reason="PLACEHOLDER: not written yet")


DUTY = Duty(code="visits", title="visits", citation="", source_kind=SourceKind.STATUTE, summary="", evaluate=_evaluate)
