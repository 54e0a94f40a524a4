"""A worker's worklist: every duty overdue, incomplete or due soon across their caseload.

Reads the duty ledger only (never the rules), in a fixed number of queries whatever the
caseload's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Q, QuerySet

from compliance.duties import DutyState
from duties.ledger import DUTIES_BY_CODE, STATE_ORDER, STATE_TAG, offered_action
from duties.models import DutyLedgerRow

WORKLIST_STATES = (DutyState.OVERDUE, DutyState.INSUFFICIENT_DATA, DutyState.DUE)


@dataclass(frozen=True)
class WorkItem:
    row: DutyLedgerRow
    title: str
    state: DutyState
    tag_class: str
    action: tuple[str, str] | None
    days_overdue: int | None


def worklist_rows(people: QuerySet, today: dt.date, due_soon_days: int) -> QuerySet[DutyLedgerRow]:
    """Overdue and incomplete duties, and those due within ``due_soon_days``."""
    soon = today + dt.timedelta(days=due_soon_days)
    return (
        DutyLedgerRow.objects.filter(young_person__in=people)
        .filter(
            Q(state__in=[DutyState.OVERDUE, DutyState.INSUFFICIENT_DATA])
            | Q(state=DutyState.DUE, due_on__lte=soon)
            | Q(state=DutyState.DUE, due_on__isnull=True)
        )
        .select_related("young_person")
    )


def _with_next(link: tuple[str, str] | None, back_to: str) -> tuple[str, str] | None:
    """Forms that know `next` bring the worker back to the worklist after saving."""
    if link is None or not back_to:
        return link
    label, url = link
    return label, f"{url}{'&' if '?' in url else '?'}next={quote(back_to)}"


def work_items(
    rows: QuerySet[DutyLedgerRow], today: dt.date, *, can_manage: bool = False, back_to: str = ""
) -> list[WorkItem]:
    items = []
    for row in rows:
        duty = DUTIES_BY_CODE.get(row.duty_code)
        if duty is None:
            continue
        state = DutyState(row.state)
        items.append(
            WorkItem(
                row=row,
                title=duty.title,
                state=state,
                tag_class=STATE_TAG[state],
                action=_with_next(offered_action(row, can_act=True, can_manage=can_manage), back_to),
                days_overdue=(today - row.due_on).days if state == DutyState.OVERDUE and row.due_on else None,
            )
        )
    items.sort(key=lambda i: (STATE_ORDER[i.state], i.row.due_on or dt.date.max, i.row.young_person.family_name))
    return items
