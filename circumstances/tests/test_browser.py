"""The circumstances and workers pages in real Chromium, each scanned with axe-core
(WCAG 2.2 A and AA), including their error summaries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from casework import actions as casework_actions
from accounts.models import Role
from casework import closure
from casework.models import Allocation
from circumstances import actions
from circumstances.tests.helpers import make_former_relevant_22
from conftest import UserFactory
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_recording_a_move_with_a_mistake_then_reading_the_section(page_for, pa, jordan):
    actions.record_staying_put(jordan, acting_user=pa, start=dt.date(2026, 5, 3), end=None, carer="Pat Jones")
    actions.record_activity(jordan, acting_user=pa, start=dt.date(2025, 9, 1), end=None, activity="F2", provider="", course="")
    page = page_for()
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
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
    assert "S2" in page.get_by_role("table", name="Where they have lived, latest first").inner_text()
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
    # Submitted blank: one error, on the choice for everyone, not one per young person.
    summary = page.locator(".govuk-error-summary")
    assert "Select a new personal adviser for everyone, or for each young person" in summary.inner_text()
    assert summary.locator("a").all_inner_texts() == [
        "Select a new personal adviser for everyone, or for each young person", "Enter a handover note",
    ]
    summary.get_by_role("link", name="Select a new personal adviser for everyone").click()
    assert page.evaluate("document.activeElement.id") == "id_everyone"
    assert_accessible(page)


PHONE = 390


def assert_fits_a_phone(page) -> None:
    """The page never scrolls sideways at phone width; a wide table scrolls in its own region."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, f"{page.url} is {width} px wide at {PHONE} px"


def _circumstances_of(young_person, user):
    """One of each record, with long text, so every table and change form has something in it."""
    spell = actions.record_accommodation(
        young_person, acting_user=user, start=dt.date(2026, 6, 1), end=None, accommodation_type="W", suitable=False,
        unsuitable_reason="Shared bathroom with adults not vetted; no support worker on site at weekends",
        council_provided=True, address="Flat 4, 12 Long Street Name Road, Testtown", postcode="LS1 1AA",
    )
    activity = actions.record_activity(young_person, acting_user=user, start=dt.date(2025, 9, 1), end=None, activity="F2",
                                       provider="Testshire College of Further Education", course="Level 3 Health and Social Care")
    stay = actions.record_staying_put(young_person, acting_user=user, start=dt.date(2026, 5, 3), end=None, carer="Pat and Chris Jones")
    declaration = actions.record_declaration(young_person, acting_user=user, kind="education_training",
                                             told_on=dt.date(2026, 10, 1), note="Starting an access course in January")
    programme = actions.record_education_programme(young_person, acting_user=user, programme="BSc Nursing",
                                                   provider="University of Testshire", ends_on=dt.date(2030, 7, 1))
    detention = actions.record_detention(young_person, acting_user=user, kind="hospital", start=dt.date(2024, 5, 1),
                                         end=dt.date(2024, 6, 1), place="Testshire General Hospital")
    return {"accommodation": spell, "activity": activity, "staying-put": stay, "declaration": declaration,
            "education-programme": programme, "detention": detention}


def test_every_circumstances_and_casework_page_fits_a_phone(page_for, manager, jordan, other_pa, north):
    records = _circumstances_of(jordan, manager)
    transfer = casework_actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                              planned_on=dt.date(2026, 12, 1), reason="Priya is moving team")
    allocation = jordan.allocations.get()
    # A long name and long dates: the allocation history was 451 px wide like this.
    social_worker = UserFactory(username="alex", first_name="Alexandra", last_name="Worthington-Smythe",
                                role=Role.SOCIAL_WORKER, team=north)
    Allocation.objects.create(young_person=jordan, worker=social_worker, role="social_worker",
                              start=dt.date(2025, 9, 30), end=dt.date(2026, 9, 30))
    closed = make_former_relevant_22(north, other_pa)
    closure.close_case(closed, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 3, 12), reason="reached_21")
    closure.reopen_case(closed, acting_user=manager, expected_version=2, reopened_on=dt.date(2026, 4, 1), reason="closed_in_error")
    closure.close_case(closed, acting_user=manager, expected_version=3, closed_on=dt.date(2026, 5, 1), reason="other",
                       reason_detail="Moved abroad with family for the foreseeable future")
    pages = [
        reverse("circumstances:section", args=[jordan.pk]),
        *(reverse(f"circumstances:{name}-create", args=[jordan.pk]) for name in records),
        *(reverse(f"circumstances:{name}-edit", args=[jordan.pk, record.pk]) for name, record in records.items()),
        reverse("circumstances:staying-put-review", args=[jordan.pk, records["staying-put"].pk]),
        reverse("casework:workers", args=[jordan.pk]),
        reverse("casework:workers", args=[closed.pk]),
        reverse("people:allocate", args=[jordan.pk]),
        reverse("people:end-allocation", args=[jordan.pk, allocation.pk]),
        reverse("casework:transfer-create", args=[jordan.pk]) + "?role=social_worker",
        *(reverse(f"casework:{name}", args=[jordan.pk, transfer.pk]) for name in ("handover", "transfer-complete", "transfer-cancel")),
        reverse("casework:close", args=[jordan.pk]),
        reverse("casework:reopen", args=[closed.pk]),
        f"{reverse('casework:reassign')}?leaving_worker={allocation.worker_id}",
    ]
    page = page_for(width=PHONE)
    sign_in(page, "mina")
    page.wait_for_url("**/young-people")
    for url in pages:
        page.goto(url)
        assert_fits_a_phone(page)
        assert_accessible(page)
    # With their error summaries too.
    page.goto(reverse("casework:transfer-create", args=[jordan.pk]) + "?role=personal_adviser")
    page.get_by_role("button", name="Plan transfer").click()
    assert "Select the new personal adviser" in page.locator(".govuk-error-summary").inner_text()
    assert_fits_a_phone(page)
    assert_accessible(page)
    page.goto(reverse("circumstances:declaration-create", args=[jordan.pk]))
    page.get_by_label("Asked for personal adviser support").check()
    page.locator("#id_told_on_day").fill("1")
    page.locator("#id_told_on_month").fill("11")
    page.locator("#id_told_on_year").fill("2026")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Date the council was told must be on or after 3 May 2029, their 21st birthday" in summary
    assert_fits_a_phone(page)
    assert_accessible(page)
