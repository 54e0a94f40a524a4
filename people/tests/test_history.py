"""The record's change history, and who may see who looked at it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import client_for
from web.formatting import govuk_datetime

pytestmark = pytest.mark.django_db


def _history(user, young_person):
    return client_for(user).get(reverse("people:history", args=[young_person.pk]))


def test_a_change_shows_who_made_it_and_what_changed(pa, jordan):
    client = client_for(pa)
    data = {
        "child_id": jordan.child_id, "given_name": "Jordan", "family_name": "Reed", "preferred_name": "Jo",
        "date_of_birth_day": "3", "date_of_birth_month": "5", "date_of_birth_year": "2008", "sex": jordan.sex,
        "ethnicity": jordan.ethnicity, "upn": "", "uasc": "", "disability": jordan.disability,
        "team": str(jordan.team_id), "phone": "", "email": "", "address": "", "postcode": "",
        "version": str(jordan.version),
    }
    assert client.post(reverse("people:edit", args=[jordan.pk]), data).status_code == 302
    page = _history(pa, jordan).content.decode()
    assert "Changed preferred name for Jo Reed" in page
    assert "Preferred name" in page and "Jo" in page and pa.display_name in page


def test_only_managers_and_above_see_who_viewed_the_record(pa, manager, head, auditor, jordan):
    _history(pa, jordan)
    assert "Who has looked at this record" not in _history(pa, jordan).content.decode()
    assert "Who has looked at this record" not in _history(auditor, jordan).content.decode()
    for user in (manager, head):
        page = _history(user, jordan).content.decode()
        assert "Who has looked at this record" in page and pa.display_name in page


def test_people_who_cannot_see_the_record_cannot_see_its_history(outsider, other_pa, south_pa, jordan):
    for user in (outsider, south_pa):
        assert _history(user, jordan).status_code == 404


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2026, 5, 3, 14, 5, tzinfo=dt.UTC), "3 May 2026 at 3:05pm"),  # British Summer Time
        (dt.datetime(2026, 11, 3, 12, 0, tzinfo=dt.UTC), "3 November 2026 at midday"),
        (dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.UTC), "3 November 2026 at 9am"),
    ],
)
def test_times_are_shown_in_gov_uk_style_in_london_time(value, expected):
    assert govuk_datetime(value) == expected


def test_changes_read_as_words_not_stored_values(pa, jordan):
    from audit.display import describe_changes

    rows = describe_changes(
        "casework.Allocation", {"worker": [None, pa.pk], "role": [None, "personal_adviser"], "start": [None, "2026-11-02"]}
    )
    assert rows == [
        ("Worker", "Blank", pa.display_name),
        ("Role", "Blank", "Personal adviser"),
        ("Start date", "Blank", "2 November 2026"),
    ]
    assert describe_changes("people.YoungPerson", {"uasc": [False, True], "version": [1, 2]}) == [
        ("Unaccompanied asylum-seeking child", "No", "Yes")
    ]
