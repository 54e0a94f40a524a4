"""Oversight pages: the worker's worklist (more for managers in issue 4)."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from compliance.duties import DutyState
from duties.settings import current_standards
from oversight.worklist import work_items, worklist_rows
from people import access


def my_worklist(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    standards = current_standards()
    people = access.caseload(request.user, today)
    state = request.GET.get("state", "")
    rows = worklist_rows(people, today, standards.due_soon_days)
    items = work_items(rows, today)
    counts = Counter(item.state for item in items)
    if state in {s.value for s in (DutyState.OVERDUE, DutyState.DUE, DutyState.INSUFFICIENT_DATA)}:
        items = [item for item in items if item.state == state]
    return render(
        request,
        "oversight/worklist.html",
        {
            "items": items,
            "counts": counts,
            "state": state,
            "today": today,
            "due_soon_days": standards.due_soon_days,
            "caseload_size": people.count(),
            "states": (DutyState.OVERDUE, DutyState.INSUFFICIENT_DATA, DutyState.DUE),
        },
    )
