"""A personal adviser writes, agrees and signs off a pathway plan in real Chromium, with an
axe-core scan (WCAG 2.2 A and AA) of every page on the way; and every plans page on a phone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from plans import actions
from plans.models import PathwayPlanVersion
from plans.tests.conftest import AGREED, one_of_each, write_full_draft
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, legend: str, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_personal_adviser_writes_agrees_and_signs_off_a_plan(page_for, pa, jordan):
    page = page_for()
    sign_in(page, "priya")
    page.goto(f"/young-people/{jordan.pk}/plans")
    assert_accessible(page)
    page.get_by_role("link", name="Start the pathway plan").click()
    assert_accessible(page)
    page.get_by_role("button", name="Start").click()

    health = page.get_by_role("group", name="Health, including mental health")
    health.get_by_label("What they need").fill("Support with anxiety")
    health.get_by_label("What will be done").fill("Referral to the young people's counselling service")
    health.get_by_label("Who will do it").fill("Priya")
    _date(health, "Target date", "31", "1", "2027")
    page.get_by_label("Agreed frequency of contact, in weeks (optional)").fill("often")
    page.get_by_role("button", name="Save draft").click()
    # The error summary names the field and links to it.
    assert_accessible(page)
    page.get_by_role("link", name="Agreed frequency of contact must be a whole number of weeks, like 4").click()
    assert page.evaluate("document.activeElement.id") == "id_contact_every_weeks"
    page.get_by_label("Agreed frequency of contact, in weeks (optional)").fill("4")
    page.get_by_role("button", name="Save draft").click()
    assert_accessible(page)
    assert "1 of 10 matters covered" in page.content()

    page.get_by_role("link", name="Agree this version").click()
    assert_accessible(page)
    _date(page, "Date agreed", "2", "11", "2026")
    page.get_by_role("button", name="Agree this version").click()
    page.get_by_role("link", name="Record sign-off").click()
    _date(page, "Date the young person signed", "1", "11", "2026")
    page.get_by_role("group", name="How the young person signed").get_by_label("Electronically, in the portal").check()
    page.get_by_role("button", name="Save").click()
    assert_accessible(page)
    assert "Date the young person signed must be on or after 2 November 2026, when this version was agreed" in page.content()
    _date(page, "Date the young person signed", "3", "11", "2026")
    page.get_by_role("button", name="Save").click()
    assert_accessible(page)
    version = PathwayPlanVersion.objects.get(plan__young_person=jordan)
    assert str(version.young_person_signed_on) == "2026-11-03"


PHONE_WIDTH = 390


def _every_kind_of_record(jordan, pa) -> dict[str, int]:
    draft = write_full_draft(jordan, pa)
    agreed = actions.agree_version(draft, acting_user=pa, expected_version=draft.version, agreed_on=AGREED)
    agreed = actions.sign_version(agreed, acting_user=pa, expected_version=agreed.version,
                                  young_person_signed_on=dt.date(2026, 6, 2), young_person_signed_how="portal",
                                  worker_signed_on=dt.date(2026, 6, 2), worker_signed_how="in_person")
    return one_of_each(jordan, pa, agreed)


PHONE_PAGES = [
    ("index", ()), ("assessment", ("assessment",)), ("assessment-new", ()), ("assessment-edit", ("assessment",)),
    ("assessment-authorise", ("assessment",)), ("version", ("agreed",)), ("version", ("draft",)),
    ("version-edit", ("draft",)), ("version-agree", ("draft",)), ("version-sign", ("agreed",)),
    ("version-sign", ("draft",)), ("version-authorise", ("agreed",)), ("version-copy", ("agreed",)),
    ("review-new", ()), ("review", ("review",)), ("review-edit", ("review",)), ("review-involvement", ("review",)),
    ("request-new", ()), ("request", ("request",)),
]


def test_no_plans_page_scrolls_sideways_on_a_phone(page_for, pa, manager, jordan):
    records = _every_kind_of_record(jordan, pa)
    page = page_for(width=PHONE_WIDTH)
    sign_in(page, "mina")
    for name, args in PHONE_PAGES:
        page.goto(reverse(f"plans:{name}", args=[jordan.pk, *(records[a] for a in args)]))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE_WIDTH, f"{page.url} is {width} px wide at {PHONE_WIDTH} px"
        assert_accessible(page)
