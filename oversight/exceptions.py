"""The service-wide exception report: every duty's exceptions, filtered like the register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet

from compliance.duties import DUTIES, DutyState
from duties.ledger import DUTIES_BY_CODE
from duties.models import DutyLedgerRow
from oversight.dashboard import with_personal_adviser
from people.forms import RegisterFilterForm
from people.queries import filter_register

HEADERS = ["Child ID", "Young person", "Team", "Personal adviser", "Duty", "State", "Due", "Why"]


class ExceptionFilterForm(RegisterFilterForm):
    duty = forms.ChoiceField(label="Duty", required=False, choices=[("", "All duties"), *[(d.code, d.title) for d in DUTIES]])
    state = forms.ChoiceField(
        label="State", required=False,
        choices=[(DutyState.OVERDUE.value, "Overdue"), (DutyState.INSUFFICIENT_DATA.value, "Record incomplete"),
                 (DutyState.DUE.value, "Due")],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("q", "status", "sort"):
            del self.fields[name]
        self.fields["duty"].error_messages["invalid_choice"] = "Select a duty from the list"
        self.fields["state"].error_messages["invalid_choice"] = "Select a state from the list"


def exception_rows(people: QuerySet, filters: dict[str, Any], today: dt.date) -> QuerySet[DutyLedgerRow]:
    people = filter_register(people, {**filters, "status": "open"}, today).order_by()
    rows = DutyLedgerRow.objects.filter(young_person__in=people, state=filters.get("state") or DutyState.OVERDUE)
    if filters.get("duty"):
        rows = rows.filter(duty_code=filters["duty"])
    return with_personal_adviser(rows, today).select_related("young_person__team").order_by(
        "due_on", "young_person__family_name", "duty_code"
    )


def table(rows: list[DutyLedgerRow], advisers: dict[int, Any]) -> list[list[object]]:
    return [
        [
            row.young_person.child_id, row.young_person.name, row.young_person.team.name,
            advisers[row.personal_adviser_id].display_name if row.personal_adviser_id in advisers else "None allocated",
            DUTIES_BY_CODE[row.duty_code].title if row.duty_code in DUTIES_BY_CODE else row.duty_code,
            DutyState(row.state).label, row.due_on, row.reason,
        ]
        for row in rows
    ]
