"""Signing in and out, and the layout every page shares."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import client_for

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def test_sign_in_page_uses_the_council_and_service_names():
    page = client_for(None).get(reverse("accounts:sign-in")).content.decode()
    assert "<title>Sign in – Leaving care – Testshire County Council</title>" in page
    assert "Skip to main content" in page
    assert 'lang="en-GB"' in page


def test_personal_adviser_signs_in_and_lands_on_their_worklist(pa):
    client = client_for(None)
    response = client.post(reverse("accounts:sign-in"), {"username": "priya", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("oversight:worklist")


def test_manager_lands_on_the_register(manager):
    client = client_for(manager)
    assert client.get(reverse("home"))["Location"] == reverse("people:register")


def test_wrong_password_shows_the_error_summary(pa):
    response = client_for(None).post(reverse("accounts:sign-in"), {"username": "priya", "password": "wrong"})
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter a correct username and password" in page
    assert "<title>Error: Sign in" in page


def test_empty_sign_in_names_both_fields(db):
    page = client_for(None).post(reverse("accounts:sign-in"), {"username": "", "password": ""}).content.decode()
    assert "Enter your username" in page and "Enter your password" in page
    assert 'href="#id_username"' in page


def test_sign_out_needs_post_and_ends_the_session(pa):
    client = client_for(pa)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    assert client.post(reverse("accounts:sign-out")).status_code == 302
    assert client.get(reverse("people:mine")).status_code == 302


def test_navigation_shows_sign_out_and_the_caseload_link_for_workers(pa, manager):
    page = client_for(pa).get(reverse("people:mine")).content.decode()
    assert "My young people" in page and "Sign out" in page
    assert "My young people" not in client_for(manager).get(reverse("people:register")).content.decode()


def test_rules_page_lists_each_setting_in_force(pa):
    page = client_for(pa).get(reverse("rules")).content.decode()
    assert "29 February" in page
