"""Recording a visit on a phone, in real Chromium, with an axe-core scan of each page on the way."""

from __future__ import annotations

import re

import pytest

from contacts.models import Contact
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visit_is_recorded_on_a_phone_from_the_record(page_for, pa, jordan, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    page = page_for(width=390)
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
    page.goto(f"/young-people/{jordan.pk}/contacts")
    assert_accessible(page)
    page.get_by_role("button", name="Record a contact or visit").click()
    page.wait_for_url(re.compile(rf"/young-people/{jordan.pk}/contacts/new\?next="))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)

    # Nothing chosen yet: the error summary names the field and links to it.
    page.get_by_role("button", name="Save contact").click()
    summary = page.locator(".govuk-error-summary")
    assert "Select the type of contact" in summary.inner_text()
    assert_accessible(page)

    page.get_by_label("Visit at their accommodation").check()
    page.get_by_role("group", name="Was the young person seen alone?").get_by_label("Yes").check()
    page.get_by_label("Summary").fill("Checked the flat; heating fixed.")
    page.get_by_role("button", name="Save contact").click()
    page.wait_for_url(f"**/young-people/{jordan.pk}/contacts")
    assert "Contact saved for Jordan Reed" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)
    assert Contact.objects.get(young_person=jordan).kind == "visit_at_accommodation"

    for path in ("chronology", "documents", "documents/new", "case-summary/edit"):
        page.goto(f"/young-people/{jordan.pk}/{path}")
        assert_accessible(page)
