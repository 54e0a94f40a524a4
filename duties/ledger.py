"""Reading the duty ledger for pages: one young person's rows, decorated for display."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from compliance.duties import DUTIES, Duty, DutyState, SourceKind
from duties.models import DutyLedgerRow, LedgerStamp
from duties.recompute import recompute_people
from people.extension import action_link, record_url

DUTIES_BY_CODE: dict[str, Duty] = {duty.code: duty for duty in DUTIES}
DUTY_ORDER = {duty.code: i for i, duty in enumerate(DUTIES)}

# Most urgent first: what is late, then records that cannot be judged, then what is coming.
STATE_ORDER = {
    DutyState.OVERDUE: 0,
    DutyState.INSUFFICIENT_DATA: 1,
    DutyState.DUE: 2,
    DutyState.MET: 3,
    DutyState.NOT_APPLICABLE: 4,
}
STATE_TAG = {
    DutyState.OVERDUE: "govuk-tag--red",
    DutyState.INSUFFICIENT_DATA: "govuk-tag--orange",
    DutyState.DUE: "govuk-tag--yellow",
    DutyState.MET: "govuk-tag--green",
    DutyState.NOT_APPLICABLE: "govuk-tag--grey",
}


@dataclass(frozen=True)
class DutyLine:
    row: DutyLedgerRow
    duty: Duty
    state: DutyState
    tag_class: str
    evidence_url: str | None
    action: tuple[str, str] | None  # (label, url)

    @property
    def label(self) -> str:
        return "Met late" if self.state == DutyState.MET and self.row.late else self.state.label

    @property
    def citation(self) -> str:
        return self.row.citation or self.duty.citation

    @property
    def source_label(self) -> str:
        return SourceKind(self.row.source_kind).label if self.row.source_kind else self.duty.source_kind.label


def rows_for(young_person_id: int, today: dt.date) -> list[DutyLedgerRow]:
    """The person's ledger rows, recomputed first if they are missing or from an earlier day
    (so the page is right even if the daily sweep has not run yet)."""
    stamp = LedgerStamp.objects.filter(young_person_id=young_person_id).first()
    if stamp is None or stamp.computed_on < today:
        recompute_people([young_person_id], today)
    return list(DutyLedgerRow.objects.filter(young_person_id=young_person_id))


# Actions only a team manager or administrator may take; a worker sees the duty without the link.
MANAGER_ACTIONS = frozenset({"authorise_plan", "close_case", "allocate_personal_adviser", "record_handover"})


ACTIONABLE = frozenset({DutyState.OVERDUE, DutyState.DUE, DutyState.INSUFFICIENT_DATA})


def offered_action(row: DutyLedgerRow, *, can_act: bool, can_manage: bool) -> tuple[str, str] | None:
    """(label, url) of the form that would meet this row's duty, if this person may use it."""
    if not row.action or DutyState(row.state) not in ACTIONABLE:
        return None
    if not (can_manage if row.action in MANAGER_ACTIONS else can_act):
        return None
    return action_link(row.action, row.young_person_id)


def duty_lines(young_person_id: int, today: dt.date, *, can_act: bool, can_manage: bool = False) -> list[DutyLine]:
    lines = []
    for row in rows_for(young_person_id, today):
        duty = DUTIES_BY_CODE.get(row.duty_code)
        if duty is None:  # a duty retired since the row was written; the next recompute drops it
            continue
        state = DutyState(row.state)
        lines.append(
            DutyLine(
                row=row,
                duty=duty,
                state=state,
                tag_class="govuk-tag--turquoise" if state == DutyState.MET and row.late else STATE_TAG[state],
                evidence_url=record_url(row.evidence_ref, young_person_id) if row.evidence_ref else None,
                action=offered_action(row, can_act=can_act, can_manage=can_manage),
            )
        )
    lines.sort(key=lambda line: (STATE_ORDER[line.state], line.row.due_on or dt.date.max, DUTY_ORDER[line.duty.code]))
    return lines
