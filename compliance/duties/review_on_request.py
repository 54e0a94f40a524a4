"""PLACEHOLDER until the rule is written: judges nothing."""

from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind


def _evaluate(context: DutyContext) -> DutyResult:
    return DutyResult(code="review_on_request", state=DutyState.NOT_APPLICABLE, reason="PLACEHOLDER: not written yet")


DUTY = Duty(code="review_on_request", title="review_on_request", citation="", source_kind=SourceKind.STATUTE, summary="", evaluate=_evaluate)
