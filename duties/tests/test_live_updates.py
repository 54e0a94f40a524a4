"""Recording something through the service changes the duty's state at once (issue 3 "Done when")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from circumstances import actions as circumstances_actions
from conftest import client_for
from duties.models import DutyLedgerRow
from plans.actions import versions as plan_versions

pytestmark = pytest.mark.django_db


def _state(young_person, code: str) -> str:
    return DutyLedgerRow.objects.get(young_person=young_person, duty_code=code).state


def test_recording_a_visit_on_the_form_meets_the_visit_duty_at_once(pa, jordan, django_capture_on_commit_callbacks):
    # Jordan (former relevant, 18) moved into a council-provided flat four days ago: CLR 2010 reg 8(2)
    # says the personal adviser must visit there within 7 days.
    with django_capture_on_commit_callbacks(execute=True):
        circumstances_actions.record_accommodation(
            jordan, acting_user=pa, start=dt.date(2026, 11, 19), end=None,
            accommodation_type="T", suitable=True, council_provided=True,
        )
    assert _state(jordan, "visits") == "due"
    page = client_for(pa).get(reverse("people:detail", args=[jordan.pk])).content.decode()
    assert "Record a visit" in page

    form = {
        "kind": "visit_at_accommodation", "on_day": "23", "on_month": "11", "on_year": "2026",
        "outcome": "happened", "with_whom": "young_person", "through_whom": "", "seen_alone": "yes",
        "place": "Their new flat", "worker": str(pa.pk), "summary": "Settling in; gas meter sorted.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(pa).post(reverse("contacts:record", args=[jordan.pk]), form)
    assert response.status_code == 302
    assert _state(jordan, "visits") == "met"
    row = DutyLedgerRow.objects.get(young_person=jordan, duty_code="visits")
    assert row.evidence_ref.startswith("contact:")
    assert row.due_on == dt.date(2027, 1, 23)  # then at intervals of not more than two months


def test_signing_the_plan_meets_the_sign_off_duties_at_once(pa, jordan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = plan_versions.start_version(jordan, acting_user=pa)
        version = plan_versions.update_version(
            version, acting_user=pa, expected_version=version.version, sections={},
            contingency_plan="If the flat falls through, Jordan stays with his aunt while we find another.",
        )
        version = plan_versions.agree_version(
            version, acting_user=pa, expected_version=version.version, agreed_on=dt.date(2026, 11, 2)
        )
    assert _state(jordan, "plan_signed_young_person") == "overdue"  # 14 days after 2 November
    with django_capture_on_commit_callbacks(execute=True):
        plan_versions.sign_version(
            version, acting_user=pa, expected_version=version.version,
            young_person_signed_on=dt.date(2026, 11, 20), young_person_signed_how="in_person",
            worker_signed_on=dt.date(2026, 11, 20), worker_signed_how="in_person",
        )
    assert _state(jordan, "plan_signed_young_person") == "met"
    assert _state(jordan, "plan_signed_worker") == "met"


def test_a_refused_write_leaves_the_ledger_as_it_was(pa, jordan, django_capture_on_commit_callbacks):
    client = client_for(pa)
    client.get(reverse("people:detail", args=[jordan.pk]))
    before = list(DutyLedgerRow.objects.filter(young_person=jordan).values_list("duty_code", "state", "id"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contacts:record", args=[jordan.pk]), {"kind": "phone"})
    assert response.status_code == 200
    assert list(DutyLedgerRow.objects.filter(young_person=jordan).values_list("duty_code", "state", "id")) == before
