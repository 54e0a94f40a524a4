"""The care leaver return in real Chromium, with an axe-core scan of each page on the way."""

from __future__ import annotations

import datetime as dt

import pytest

from ssda903.models import ReturnOverride
from ssda903.tests.return_cases import YEAR_END, care_leaver
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_checks_the_return_and_sets_a_value_by_hand(page_for, admin_user, pa, settings):  # noqa: ANN001
    settings.LEAVINGCARE_LA_CODE = "E09000033"
    leaver = care_leaver(pa, child_id="N100", given_name="Nia", suitable=None)
    care_leaver(pa, child_id="X900", left=dt.date(2026, 2, 1))  # still looked after at 18: left out
    page = page_for()
    sign_in(page, "ada")
    page.goto("/returns/care-leavers/")
    page.wait_for_url(f"**/returns/care-leavers/{YEAR_END}")
    assert page.get_by_role("heading", name="Care leaver return 2025-26").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Check with the DfE rules").click()
    page.wait_for_url(f"**/returns/care-leavers/{YEAR_END}/check")
    assert page.get_by_role("heading", name="The DfE rules found").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Check their return row").first.click()
    page.wait_for_url(f"**/young-people/{leaver.pk}")
    assert_accessible(page)

    page.get_by_role("link", name="Set by hand ACCOM").click()
    page.get_by_role("button", name="Save value").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select the accommodation" in summary and "Enter why you are setting this value" in summary
    assert_accessible(page)
    page.get_by_label("Accommodation (ACCOM)").select_option("U1")
    page.get_by_label("Why are you setting this value?").fill("Visited on 1 August: her own flat, safe and affordable")
    page.get_by_role("button", name="Save value").click()
    page.wait_for_url(f"**/young-people/{leaver.pk}")
    assert ReturnOverride.objects.get().value == "U1"
    assert page.get_by_role("cell", name="Visited on 1 August: her own flat, safe and affordable", exact=True).is_visible()
    assert_accessible(page)
