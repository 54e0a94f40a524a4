"""Journeys in real Chromium, with an axe-core scan (WCAG 2.2 A and AA rules) of every page they touch.

Runs Debian's /usr/bin/chromium through Playwright; scripts/test installs it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import PASSWORD_FOR_BROWSER, allocate, make_young_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("LEAVINGCARE_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries the network at start-up, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
]
WCAG_22_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
              "resultTypes": ["violations"]}


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is needed for the browser tests and was not found at {CHROMIUM}: run scripts/test")
    # Playwright's sync API runs an event loop; Django's ORM calls in the test thread are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_for(browser, live_server):
    contexts = []

    def open_page(width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.failed = []  # type: ignore[attr-defined]
        page.on("response", lambda r: page.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("pageerror", lambda e: page.failed.append(f"script error: {e}"))
        return page

    yield open_page
    for context in contexts:
        context.close()


def assert_accessible(page) -> None:
    results = Axe().run(page, options=WCAG_22_AA)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert problems == [], f"axe found accessibility problems on {page.url}:\n" + "\n".join(problems)
    assert page.failed == [], f"failed requests or script errors on {page.url}: {page.failed}"


def sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    assert_accessible(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD_FOR_BROWSER)
    page.get_by_role("button", name="Sign in").click()


def test_personal_adviser_finds_a_young_persons_status_and_why(page_for, pa, jordan):
    page = page_for()
    sign_in(page, "priya")
    page.wait_for_url("**/my-young-people")
    assert_accessible(page)
    page.get_by_role("link", name="Jordan Reed").click()
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
    page.wait_for_url("**/my-young-people")
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
