"""An auditor's journey in real Chromium, with an axe-core scan (WCAG 2.2 A and AA) of every page:
My audits, the audit beside the record, a refused submission, then a complete one; and the
same pages on a phone, which never scroll sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from caseaudits.models import Audit, AuditStatus, Grade
from caseaudits.tests.conftest import open_audit
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{page.url} scrolls sideways"


def test_an_auditor_answers_is_told_what_is_missing_and_submits(page_for, auditor, jordans_audit):
    page = page_for()
    sign_in(page, "aled")
    page.goto(reverse("caseaudits:mine"))
    assert_accessible(page)
    page.get_by_role("link", name="Jordan Reed").click()
    page.wait_for_url(f"**{reverse('caseaudits:audit', args=[jordans_audit.pk])}")
    assert page.get_by_role("heading", name="Jordan Reed's record").is_visible()
    assert_accessible(page)

    page.get_by_role("group", name="The young person's voice is recorded (optional)").get_by_label("Partly").check()
    page.get_by_label("What is working well?", exact=True).fill("The adviser knows Jordan well and visits often.")
    page.get_by_role("group", name="Overall judgement").get_by_label("Requires improvement to be good").check()
    page.get_by_role("button", name="Submit audit").click()

    summary = page.locator(".govuk-error-summary")
    assert "Select the grade for practice, or mark it not applicable" in summary.inner_text()
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')", timeout=5000)
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    grade = page.get_by_role("group", name="Grade for practice")
    assert page.evaluate("document.activeElement.name") == grade.get_by_label("Outstanding").get_attribute("name")
    # What was typed survives the refusal; nothing was saved.
    assert page.get_by_label("What is working well?", exact=True).input_value().startswith("The adviser knows Jordan")
    assert Audit.objects.get(pk=jordans_audit.pk).status == AuditStatus.ALLOCATED

    grade.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Submit audit").click()
    page.wait_for_selector(".govuk-notification-banner")
    assert "Audit of Jordan Reed's file submitted" in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_role("heading", name="Findings").is_visible()
    assert_accessible(page)
    audit = Audit.objects.get(pk=jordans_audit.pk)
    assert audit.status == AuditStatus.SUBMITTED and audit.auditor_grade == Grade.REQUIRES_IMPROVEMENT


def test_the_audit_pages_work_on_a_phone(page_for, auditor, small_template, jordans_audit, sam):
    second = open_audit(auditor, small_template, sam, auditor)
    page = page_for(width=390)
    sign_in(page, "aled")
    page.goto(reverse("caseaudits:mine"))
    assert_accessible(page)
    _no_sideways_scroll(page, 390)
    page.goto(reverse("caseaudits:audit", args=[second.pk]))
    # Stacked on a phone: the questions first, the record after them.
    form_top = page.get_by_role("button", name="Submit audit").bounding_box()["y"]
    record_top = page.get_by_role("heading", name="Sam Cole's record").bounding_box()["y"]
    assert form_top < record_top
    page.get_by_label("Not applicable to this file (Grade for practice)").check()
    page.get_by_label("Why is this not applicable? (Grade for practice)").fill("No plan was due in the period.")
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_selector(".govuk-notification-banner")
    assert_accessible(page)
    _no_sideways_scroll(page, 390)
    page.goto(reverse("caseaudits:round", args=[second.round_id]))
    assert_accessible(page)
    _no_sideways_scroll(page, 390)


def test_every_case_audit_page_passes_the_accessibility_scan(page_for, auditor, admin_user, pa, small_template,
                                                             jordan, sam):
    from caseaudits import actions
    from caseaudits.tests.conftest import TODAY, complete_answers, make_round

    submitted = open_audit(auditor, small_template, jordan, auditor)
    answers_page = reverse("caseaudits:audit", args=[submitted.pk])
    drawing = make_round(auditor, small_template)
    actions.draw(drawing, acting_user=auditor, sample_size=2, stratify_by="team", seed=5, today=TODAY)
    page = page_for(width=390)
    sign_in(page, "aled")
    for url in (reverse("caseaudits:rounds"), reverse("caseaudits:round-new"), reverse("caseaudits:sample", args=[drawing.pk]),
                reverse("caseaudits:round", args=[submitted.round_id]), reverse("caseaudits:share", args=[submitted.round_id]),
                reverse("caseaudits:allocate", args=[submitted.pk]), reverse("caseaudits:withdraw", args=[submitted.pk])):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)
        _no_sideways_scroll(page, 390)
    page.goto(answers_page)
    for name, value in complete_answers(small_template).items():
        field = page.locator(f"[name={name}]")
        if field.first.get_attribute("type") == "radio":
            page.locator(f"[name={name}][value='{value}']").check()
        else:
            field.fill(value)
    page.get_by_role("button", name="Submit audit").click()
    page.wait_for_selector(".govuk-notification-banner")
    page.get_by_role("link", name="Raise an action for the worker").click()
    assert_accessible(page)
    page.get_by_label("What needs to be done").fill("Bring the chronology up to date.")
    page.get_by_role("button", name="Raise the action").click()
    page.wait_for_url(f"**{answers_page}#actions")
    assert_accessible(page)
    _no_sideways_scroll(page, 390)

    page = page_for(width=390)
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
    assert page.get_by_role("heading", name="Case-file audit actions").is_visible()
    assert_accessible(page)
    _no_sideways_scroll(page, 390)
    page.goto(reverse("caseaudits:respond", args=[submitted.pk]))
    assert_accessible(page)

    page = page_for()
    sign_in(page, "ada")
    for url in (reverse("caseaudits:templates"), reverse("caseaudits:template-new")):
        page.goto(url)
        assert_accessible(page)
    page.get_by_label("Template name").fill("Pathway plan dip sample")
    page.get_by_role("button", name="Start the template").click()
    page.get_by_role("link", name="Add a section").click()
    assert_accessible(page)
    page.get_by_label("Section title").fill("The plan")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add a question to The plan").click()
    assert_accessible(page)
    page.get_by_label("Question", exact=True).fill("The plan covers every Schedule 1 matter")
    page.get_by_role("button", name="Save").click()
    assert "The plan covers every Schedule 1 matter" in page.locator("main").inner_text()
    assert_accessible(page)
