"""The moderation panel and the report in real Chromium, with an axe-core scan (WCAG 2.2 A and AA)
of every page: a head of service chooses audits by the rule, changes one grade (refused first
for want of a reason), then opens the round's report; and the same pages on a phone, with
past results refused at import, never scroll sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from caseaudits.models import Audit, AuditStatus, Grade
from caseaudits.tests.report_fixtures import audits_in_order, report_people, report_round, report_template  # noqa: F401
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{page.url} scrolls sideways"


def test_a_head_of_service_moderates_an_audit_and_opens_the_report(page_for, head, report_round):
    inadequate = audits_in_order(report_round)[5]
    page = page_for()
    sign_in(page, "hana")
    page.goto(reverse("caseaudits:moderation", args=[report_round.pk]))
    assert_accessible(page)
    page.get_by_label("Random share of the other submitted audits to moderate (%)").fill("20")
    page.get_by_role("button", name="Choose audits by the rule").click()
    page.wait_for_selector(".govuk-notification-banner")
    assert "4 more audits chosen for moderation by the rule" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Record the outcome for Person6 Report6's audit").click()
    page.get_by_role("heading", name="Moderate the audit of Person6 Report6's file").wait_for()
    assert_accessible(page)
    page.get_by_role("group", name="What does the moderation panel decide?").get_by_label("Change the grade").check()
    page.get_by_role("group", name="Moderated grade (only if you are changing it)").get_by_label(
        "Requires improvement to be good").check()
    page.get_by_role("button", name="Record the outcome").click()
    summary = page.locator(".govuk-error-summary")
    assert "Enter why the grade is being changed" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_reason"
    page.get_by_label("Reason").fill("Supervision shows the risks were acted on: requires improvement.")
    page.get_by_role("button", name="Record the outcome").click()
    page.wait_for_selector(".govuk-notification-banner")
    assert "final grade Requires improvement to be good" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)
    audit = Audit.objects.get(pk=inadequate.pk)
    assert (audit.status, audit.auditor_grade, audit.final_grade) == (
        AuditStatus.MODERATED, Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT)

    page.get_by_role("link", name="The round's report").click()
    page.get_by_role("heading", name="Winter audit", exact=True).wait_for()
    assert_accessible(page)
    overall = page.get_by_role("table", name="Overall judgements (final grades, after moderation)")
    assert overall.get_by_role("row", name="Inadequate").get_by_role("cell").first.inner_text() == "0"
    assert overall.get_by_role("row", name="Requires improvement to be good").get_by_role("cell").first.inner_text() == "3"


def test_the_moderation_report_and_import_pages_work_on_a_phone(page_for, head, report_round):
    inadequate = audits_in_order(report_round)[5]
    page = page_for(width=390)
    sign_in(page, "hana")
    page.goto(reverse("caseaudits:moderation", args=[report_round.pk]))
    page.get_by_role("button", name="Choose audits by the rule").click()
    page.wait_for_selector(".govuk-notification-banner")
    for url in (reverse("caseaudits:moderation", args=[report_round.pk]),
                reverse("caseaudits:moderate", args=[inadequate.pk]),
                reverse("caseaudits:report", args=[report_round.pk]),
                reverse("caseaudits:past-imports"),
                reverse("caseaudits:past-import-new")):
        page.goto(url)
        assert_accessible(page)
        _no_sideways_scroll(page, 390)
    page.get_by_label("Name of the past round").fill("Spring 2025 audit")
    page.get_by_label("The audit template its areas match").select_option(label="Report audit (version 1)")
    page.get_by_label("Upload the CSV file").set_input_files(files=[{
        "name": "spring.csv", "mimeType": "text/csv",
        "buffer": b"Child ID,Date of birth,Audit date,Overall judgement\nX1,2005-01-01,31/02/2025,Very good\n"}])
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_selector("text=The file was not imported")
    assert "Audit date must be a real date" in page.locator("table").inner_text()
    assert_accessible(page)
    _no_sideways_scroll(page, 390)
