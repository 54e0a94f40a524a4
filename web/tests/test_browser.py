"""Journeys in real Chromium, with an axe-core scan (WCAG 2.2 A and AA rules) of every page they touch.

Runs Debian's /usr/bin/chromium through Playwright; scripts/test installs it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import allocate, make_young_person
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_personal_adviser_finds_a_young_persons_status_and_why(page_for, pa, jordan):
    page = page_for()
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
    assert_accessible(page)
    page.get_by_role("link", name="My young people").click()
    assert_accessible(page)
    page.get_by_role("link", name="Jordan Reed", exact=True).click()
    page.wait_for_url(f"**/young-people/{jordan.pk}")
    status = page.locator(".lc-explanation")
    assert status.inner_text().startswith("Former relevant since 3 May 2026")
    page.get_by_text("How this was worked out").click()
    assert_accessible(page)


def test_bad_episode_is_explained_and_the_summary_links_to_the_field(page_for, pa, jordan):
    page = page_for()
    sign_in(page, "priya")
    page.goto(f"/young-people/{jordan.pk}/care-episodes/new")
    assert_accessible(page)
    page.locator("#id_start_day").fill("1")
    page.locator("#id_start_month").fill("3")
    page.locator("#id_start_year").fill("2001")
    page.get_by_label("Reason for new episode").select_option("S")
    page.get_by_label("Legal status").select_option("V2")
    page.get_by_label("Category of need").select_option("N4")
    page.get_by_label("Placement type").select_option("U6")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    assert "Start date must be on or after the date of birth" in summary.inner_text()
    # GOV.UK Frontend moves focus to the error summary so screen reader users hear it first.
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')", timeout=5000)
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_start_day"


def test_keyboard_user_reaches_the_skip_link_first(page_for, pa):
    page = page_for()
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"


def test_register_and_record_work_on_a_phone(page_for, manager, jordan, north):
    for n in range(3):
        allocate(make_young_person(child_id=f"PH{n}", given_name="Phone", family_name=f"Person{n}", team=north,
                                   date_of_birth=dt.date(2007, 1, 1)), jordan.allocations.get().worker)
    page = page_for(width=390)
    sign_in(page, "mina")
    page.wait_for_url("**/young-people")
    assert_accessible(page)
    # The page itself never scrolls sideways; only the results table's own region may.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.goto(f"/young-people/{jordan.pk}")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_every_section_of_a_record_and_the_rules_pages_pass_the_accessibility_scan(page_for, pa, jordan):
    from people.extension import SECTIONS

    page = page_for(width=390)  # a phone
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
    for section in sorted(SECTIONS.values(), key=lambda s: s.order):
        page.goto(reverse(section.url_name, args=[jordan.pk]))
        assert page.locator("h1").count() == 1, section.key
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{section.key} scrolls sideways"
    for name in ("people:mine", "rules", "duties:list", "duties:settings"):
        page.goto(reverse(name))
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{name} scrolls sideways"


def test_a_manager_drills_from_the_dashboard_to_the_young_people_behind_a_figure(page_for, manager, jordan):
    from duties.recompute import recompute_people

    recompute_people([jordan.pk], dt.date(2026, 11, 23))
    page = page_for()
    sign_in(page, "mina")
    page.get_by_role("link", name="Dashboard").click()
    page.wait_for_url("**/dashboard")
    assert_accessible(page)
    page.locator("a[href*='/dashboard/duties/'][href*='state=overdue']").first.click()
    page.wait_for_url("**/dashboard/duties/**")
    assert "Jordan Reed" in page.locator("table").inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="spreadsheet (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.goto(reverse("oversight:caseloads"))
    assert "Priya" in page.locator("table").inner_text()
    assert_accessible(page)
    page.goto(reverse("oversight:exceptions"))
    assert_accessible(page)


def test_a_personal_adviser_records_a_visit_from_the_worklist_and_sees_it_met(page_for, pa, jordan):
    from circumstances import actions as circumstances_actions
    from duties.models import DutyLedgerRow
    from duties.recompute import recompute_people

    # Jordan moved into a council-provided flat on Thursday: a visit is due within 7 days.
    circumstances_actions.record_accommodation(
        jordan, acting_user=pa, start=dt.date(2026, 11, 19), end=None, accommodation_type="T", suitable=True,
        unsuitable_reason="", council_provided=True, address="", postcode="",
    )
    recompute_people([jordan.pk], dt.date(2026, 11, 23))
    page = page_for(width=390)
    sign_in(page, "priya")
    page.wait_for_url("**/my-worklist")
    assert_accessible(page)
    page.get_by_role("link", name="Record a visit for Jordan Reed").click()
    assert_accessible(page)
    assert page.get_by_label("Visit at their accommodation").is_checked()
    page.get_by_label("Yes", exact=True).first.check()
    page.get_by_label("Summary").fill("Settling in well; the heating is fixed.")
    page.get_by_role("button", name="Save contact").click()
    page.wait_for_url("**/my-worklist")
    assert_accessible(page)
    assert "Record a visit for Jordan Reed" not in page.content()
    assert DutyLedgerRow.objects.get(young_person=jordan, duty_code="visits").state == "met"
    page.goto(reverse("people:detail", args=[jordan.pk]))
    assert "Visits at council accommodation" in page.locator(".lc-duty--met").all_inner_texts().__str__()


def test_the_scorecard_reads_as_charts_beside_tables_on_a_phone_and_downloads_for_the_board(page_for, head, jordan):
    from oversight.scorecard import build_scorecard, quarters_to_build

    build_scorecard(quarters_to_build(dt.date(2026, 11, 23)))
    page = page_for(width=390)
    sign_in(page, head.username)
    page.get_by_role("button", name="Menu").click()  # the navigation folds away on a phone
    page.get_by_role("link", name="Scorecard").click()
    page.wait_for_url("**/scorecard")
    assert page.get_by_role("img", name="In touch, last 8 quarters").is_visible()
    assert "Q2 2026-27" in page.get_by_role("table", name="In touch by quarter").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the scorecard scrolls sideways"
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="corporate parenting board (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
