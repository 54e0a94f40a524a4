"""A joint handover before a planned transfer to a new worker — LOCAL POLICY (configurable),
statutory-rules.md §4 (a hypothetical joint_handover_before_days of 90; Nottingham City's
social worker to personal adviser transfer procedure; Kirklees' transfer of accountability).

For each transfer not cancelled, the handover meeting is due ``handover_before_days`` before
the day the case moved (``completed_on``, once that day has come), else before the planned
date. A transfer stays in view until the same number of days after it, so a missed handover
is seen after the move, then drops off. When several are in view the worst is shown.
"""

from __future__ import annotations

from datetime import date, timedelta

from compliance.duties.base import Duty, DutyContext, DutyResult, Evidence, SourceKind
from compliance.duties.common import ONE_DAY, OWN_STANDARD, days, fmt, not_applicable, one_off, sentences, worst

CODE = "joint_handover"


def evaluate(context: DutyContext) -> DutyResult:
    today, before = context.judged_on, context.standards.handover_before_days
    window = timedelta(days=before)
    results: list[DutyResult] = []
    leaves_view: list[date] = []
    for transfer in context.case.transfers:
        moved = transfer.completed_on if transfer.completed_on and transfer.completed_on <= today else None
        moves_on = moved or transfer.planned_on
        if transfer.cancelled or moves_on + window < today:
            continue
        leaves_view.append(moves_on + window + ONE_DAY)
        held = transfer.handover_held_on if transfer.handover_held_on and transfer.handover_held_on <= today else None
        label = f"Transfer completed on {fmt(moved)}" if moved else f"Transfer planned for {fmt(moves_on)}"
        after = "It was held after the case had moved." if held and moved and held > moved else ""
        results.append(one_off(
            CODE,
            today,
            due_on=moves_on - window,
            arose_on=None,
            done_on=held,
            evidence=Evidence(transfer.ref, label, moves_on),
            action="record_handover",
            why=f"The case moved to a new worker on {fmt(moved)}" if moved
            else f"The case is to move to a new worker on {fmt(moves_on)}",
            owed="a joint handover meeting",
            done=f"The joint handover for the transfer on {fmt(moves_on)} was held on {fmt(held)}" if held else "",
            missing="No handover meeting has been recorded.",
            note=sentences(after, "The council's standard is a handover "
                           + (f"at least {days(before)} before a transfer." if before
                              else "on or before the day of a transfer.")),
        ))
    if not results:
        return not_applicable(CODE, "No transfer of the case to a new worker is planned.")
    return worst(results, leaves_view)


DUTY = Duty(
    code=CODE,
    title="Joint handover before a transfer",
    citation=OWN_STANDARD,
    source_kind=SourceKind.LOCAL_POLICY,
    summary="Before the case moves to a new worker, the old and new workers meet the young person together.",
    evaluate=evaluate,
    settings=("handover_before_days",),
)
