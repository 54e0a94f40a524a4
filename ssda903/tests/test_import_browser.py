"""Importing a return in real Chromium, with an axe-core scan of each page on the way."""

from __future__ import annotations

import re

import pytest

from people.models import YoungPerson
from ssda903.tests import test_import_data as data
from web.tests.browser import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_imports_a_return_by_keyboard_and_mouse(page_for, admin_user, north, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    page = page_for()
    sign_in(page, "ada")
    page.goto("/returns/import/")
    assert_accessible(page)
    page.get_by_role("button", name="Import files").click()
    page.wait_for_url("**/returns/import/new")
    assert_accessible(page)

    # Nothing chosen: the error summary names each field.
    page.get_by_role("button", name="Check the files").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select the collection year" in summary and "Select the return’s files" in summary
    assert_accessible(page)

    page.get_by_label("2025 to 2026").check()
    page.get_by_label("Team for young people new to the register").select_option(label="North")
    bad = data.EPISODES.replace("A1003,03/03/2024,S,V2", "A1003,03/03/2024,S,V9")
    files = [("Header.csv", data.HEADER), ("Episodes.csv", bad), ("OC3.csv", data.OC3), ("UASC.csv", data.UASC)]
    page.get_by_label("Upload the return’s files").set_input_files(
        [{"name": name, "mimeType": "text/csv", "buffer": text.encode()} for name, text in files])
    page.get_by_role("button", name="Check the files").click()
    page.wait_for_url(re.compile(r"/returns/import/\d+$"))
    assert page.get_by_role("heading", name="The files cannot be imported").is_visible()
    row = page.get_by_role("row").filter(has_text="line 4")
    assert row.get_by_role("cell").all_inner_texts()[:4] == ["Episodes.csv", "line 4", "LS", "V9"]
    assert_accessible(page)

    page.get_by_role("button", name="Import corrected files").click()
    page.get_by_label("2025 to 2026").check()
    page.get_by_label("Team for young people new to the register").select_option(label="North")
    files[1] = ("Episodes.csv", data.EPISODES)
    page.get_by_label("Upload the return’s files").set_input_files(
        [{"name": name, "mimeType": "text/csv", "buffer": text.encode()} for name, text in files])
    page.get_by_role("button", name="Check the files").click()
    page.wait_for_url(re.compile(r"/returns/import/\d+$"))
    assert page.get_by_role("heading", name="Check what the import will change").is_visible()
    assert_accessible(page)
    assert YoungPerson.objects.count() == 0

    page.get_by_role("button", name="Import these changes").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Return imported")
    assert_accessible(page)
    assert YoungPerson.objects.count() == 3
