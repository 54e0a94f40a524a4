"""Shared browser-test helpers: Debian's Chromium through Playwright, and the axe-core scan
(WCAG 2.2 A and AA rules). The `browser` and `page_for` fixtures live in the root conftest.py,
so that one Playwright serves every test module."""

from __future__ import annotations

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import PASSWORD_FOR_BROWSER

CHROMIUM = os.environ.get("LEAVINGCARE_CHROMIUM", "/usr/bin/chromium")
# Without these, Chromium tries the network at start-up, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
]
WCAG_22_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
              "resultTypes": ["violations"]}


def launch_browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is needed for the browser tests and was not found at {CHROMIUM}: run scripts/test")
    # Playwright's sync API runs an event loop; Django's ORM calls in the test thread are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def page_opener(browser, live_server):  # noqa: ANN001, ANN201
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


