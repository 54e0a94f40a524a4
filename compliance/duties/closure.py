"""The case is closed when no leaving-care duty is left — LOCAL POLICY (configurable), with the
statutory end points of statutory-rules.md §2.3–2.4: s23C duties to 21 (s23C(6)), s23CA and
s23CZB to 25, qualifying to 21 (s24), nothing after 25 or after death (§6).

Due ``closure_grace_days`` after the young person's last active duty ended: the 21st
birthday when no s23CA, s23CZB, s23C(7) or staying put duty runs on; the day they died; the
25th birthday at the latest. A case still open after the 25th birthday is overdue whatever
the grace. This duty is judged on closed cases too (met); every other duty then stops.
"""

from __future__ import annotations

from datetime import timedelta

from compliance.categories import Category, CategorySpan
from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, SourceKind
from compliance.duties.common import ONE_DAY, OWN_STANDARD, fmt, not_applicable, run_start, sentences, status_sentence

CODE = "closure"


def _no_active_duty(span: CategorySpan) -> bool:
    return span.category is Category.NONE or (span.category is Category.FORMER_RELEVANT and not span.flags)


def evaluate(context: DutyContext) -> DutyResult:
    case, today, keys = context.case, context.judged_on, context.status.key_dates
    if case.closed_on is not None and case.closed_on <= today:
        return DutyResult(code=CODE, state=DutyState.MET, since=case.closed_on,
                          reason=f"The case was closed on {fmt(case.closed_on)}.")
    span = context.status.span_on(today)
    if not _no_active_duty(span):
        return not_applicable(CODE, f"Closing the case is not due. {status_sentence(span)}", since=span.start)
    ended = run_start(context.status, today, _no_active_duty)
    due_on = min(ended + timedelta(days=context.standards.closure_grace_days), keys.birthday_25)
    dormant = span.category is Category.FORMER_RELEVANT
    why = f"They have had no active leaving-care duty since {fmt(ended)}"
    note = (f"They can still ask for support until their 25th birthday ({fmt(keys.birthday_25)}), and the case "
            "can be opened again if they do." if dormant else "")
    if today <= due_on:
        return DutyResult(code=CODE, state=DutyState.DUE, due_on=due_on, since=ended, next_change_on=due_on + ONE_DAY,
                          reason=sentences(f"{why}, so the case is due to be closed by {fmt(due_on)}.", note),
                          action="close_case")
    return DutyResult(code=CODE, state=DutyState.OVERDUE, due_on=due_on, since=due_on + ONE_DAY, action="close_case",
                      reason=sentences(f"{why}, so the case was due to be closed by {fmt(due_on)}. It is still open.",
                                       note))


DUTY = Duty(
    code=CODE,
    title="Case closed when duties end",
    citation=f"{OWN_STANDARD}; the duties end under the Children Act 1989, sections 23C, 23CA, 23CZB and 24",
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The case is closed soon after the last leaving-care duty ends, and by the 25th birthday at the latest.",
    evaluate=evaluate,
    settings=("closure_grace_days",),
)
