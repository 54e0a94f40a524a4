"""PLACEHOLDER until the rule is written: judges nothing."""

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind


def _evaluate(context: DutyContext) -> DutyResult:
    return DutyResult(code="staying_put", state=DutyState.NOT_APPLICABLE, reason="PLACEHOLDER: not written yet")


DUTY = Duty(code="staying_put", title="staying_put", citation="", source_kind=SourceKind.STATUTE, summary="", evaluate=_evaluate)
