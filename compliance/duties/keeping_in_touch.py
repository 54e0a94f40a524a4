"""PLACEHOLDER until the rule is written: judges nothing."""

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind


def _evaluate(context: DutyContext) -> DutyResult:
    return DutyResult(code="keeping_in_touch", state=DutyState.NOT_APPLICABLE, reason="PLACEHOLDER: not written yet")


DUTY = Duty(code="keeping_in_touch", title="keeping_in_touch", citation="", source_kind=SourceKind.STATUTE, summary="", evaluate=_evaluate)
