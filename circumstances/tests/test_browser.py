"""The circumstances and workers pages in real Chromium, each scanned with axe-core
(WCAG 2.2 A and AA), including their error summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from casework import actions as casework_actions
from circumstances import actions
from conftest import UserFactory
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recording_a_move_with_a_mistake_then_reading_the_section(page_for, pa, jordan):
    actions.record_staying_put(jordan, acting_user=pa, start=dt.date(2026, 5, 3), end=None, carer="Pat Jones")
    actions.record_activity(jordan, acting_user=pa, start=dt.date(2025, 9, 1), end=None, activity="F2", provider="", course="")
    page = page_for()
    sign_in(page, "priya")
    page.wait_for_url("**/my-young-people")
    page.goto(f"/young-people/{jordan.pk}/circumstances")
    assert_accessible(page)
    page.get_by_role("link", name="Record a move").click()
    assert_accessible(page)
    page.locator("#id_start_day").fill("1")
    page.locator("#id_start_month").fill("10")
    page.locator("#id_start_year").fill("2026")
    page.get_by_label("Type of accommodation").select_option("S")
    page.get_by_label("Suitable", exact=True).check()
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    assert "No fixed abode or homeless is always unsuitable: select Not suitable" in summary.inner_text()
    assert_accessible(page)
    page.get_by_label("Not suitable", exact=True).check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/young-people/{jordan.pk}/circumstances#accommodation")
    assert "S2" in page.locator("#accommodation ~ div table").inner_text()
    assert_accessible(page)


def test_manager_pages_for_transfers_closure_and_a_leaving_worker(page_for, manager, jordan, other_pa, north):
    casework_actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                   planned_on=dt.date(2026, 12, 1), reason="Priya is moving team")
    UserFactory(username="lee", first_name="Lee", last_name="Leaving", team=north)
    page = page_for()
    sign_in(page, "mina")
    page.wait_for_url("**/young-people")
    page.goto(f"/young-people/{jordan.pk}/workers")
    assert_accessible(page)
    page.get_by_role("link", name="Record the handover").click()
    page.get_by_role("button", name="Save").click()
    assert "Enter who attended the handover meeting" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.goto(f"/young-people/{jordan.pk}/close")
    assert_accessible(page)
    page.goto("/caseloads/reassign")
    page.get_by_label("Worker who is leaving").select_option(label="Priya Adviser")
    page.get_by_role("button", name="Show caseload").click()
    assert_accessible(page)
    page.get_by_role("button", name="Reassign caseload").click()
    assert "Select a new worker for Jordan Reed, or one worker for everyone" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
