"""The worker's worklist: read from the ledger, most urgent first, one click to the fix."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import allocate, client_for, make_young_person
from duties.models import DutyLedgerRow
from duties.recompute import recompute_people

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def _worklist(user, **query):
    return client_for(user).get(reverse("oversight:worklist"), query)


def test_it_lists_what_is_overdue_and_due_soon_on_the_caseload_with_the_action(pa, jordan, sam):
    recompute_people([jordan.pk, sam.pk], TODAY)
    page = _worklist(pa).content.decode()
    overdue = DutyLedgerRow.objects.filter(young_person=jordan, state="overdue")
    assert overdue.exists()
    for row in overdue:
        assert row.reason.replace("'", "&#39;") in page
    assert "Sam" not in page  # Oliver's young person
    assert "Record a needs assessment" in page or "Start or update the pathway plan" in page


def test_overdue_comes_first_and_the_filter_narrows_it(pa, jordan):
    recompute_people([jordan.pk], TODAY)
    DutyLedgerRow.objects.filter(young_person=jordan, duty_code="case_summary").update(
        state="due", due_on=TODAY + dt.timedelta(days=3)
    )
    page = _worklist(pa).content.decode()
    assert page.index("Overdue</strong>") < page.index("Due soon</strong>")
    only_due = _worklist(pa, state="due").content.decode()
    assert "Overdue</strong>" not in only_due and "Due soon</strong>" in only_due


def test_due_later_than_the_window_is_left_off(pa, jordan):
    recompute_people([jordan.pk], TODAY)
    DutyLedgerRow.objects.filter(young_person=jordan).update(state="met")
    DutyLedgerRow.objects.filter(young_person=jordan, duty_code="plan_review").update(
        state="due", due_on=TODAY + dt.timedelta(days=60)
    )
    assert "Nothing is overdue or due soon." in _worklist(pa).content.decode()


def test_the_number_of_queries_does_not_grow_with_the_caseload(pa, north):
    people = [
        make_young_person(child_id=f"W{i:03}", date_of_birth=dt.date(2008, 1, 1 + i), team=north,
                          episodes=[{"start": dt.date(2022, 1, 10), "end": dt.date(2025, 6, 1), "reason_ended": "E6"}])
        for i in range(3)
    ]
    for person in people:
        allocate(person, pa)
    recompute_people([p.pk for p in people], TODAY)
    client = client_for(pa)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("oversight:worklist"))
    more = [
        make_young_person(child_id=f"X{i:03}", date_of_birth=dt.date(2008, 2, 1 + i), team=north,
                          episodes=[{"start": dt.date(2022, 1, 10), "end": dt.date(2025, 6, 1), "reason_ended": "E6"}])
        for i in range(12)
    ]
    for person in more:
        allocate(person, pa)
    recompute_people([p.pk for p in more], TODAY)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("oversight:worklist"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_worker_lands_on_their_worklist_and_others_see_an_empty_one(pa, outsider, jordan):
    assert client_for(pa).get(reverse("home"))["Location"] == reverse("oversight:worklist")
    recompute_people([jordan.pk], TODAY)
    page = _worklist(outsider).content.decode()
    assert "Jordan" not in page
