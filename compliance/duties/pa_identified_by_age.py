"""PLACEHOLDER until the rule is written: judges nothing."""

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind


def _evaluate(context: DutyContext) -> DutyResult:
    return DutyResult(code="pa_identified_by_age", state=DutyState.NOT_APPLICABLE, reason="PLACEHOLDER: not written yet")


DUTY = Duty(code="pa_identified_by_age", title="pa_identified_by_age", citation="", source_kind=SourceKind.STATUTE, summary="", evaluate=_evaluate)
