"""Adding and changing young people and their care history, through the pages.

Bad input gets a message naming what is wrong, and nothing is saved or half-saved.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from people.models import CareEpisode, StatusSpan, YoungPerson

pytestmark = pytest.mark.django_db


def person_form(team, **overrides):
    data = {
        "child_id": "NEW01",
        "given_name": "Casey",
        "family_name": "Morgan",
        "preferred_name": "",
        "date_of_birth_day": "14",
        "date_of_birth_month": "2",
        "date_of_birth_year": "2009",
        "sex": "M",
        "ethnicity": "MWBC",
        "disability": "no",
        "team": str(team.pk),
    }
    data.update(overrides)
    return data


def episode_form(**overrides):
    data = {
        "start_day": "1", "start_month": "3", "start_year": "2024",
        "reason_new": "S", "legal_status": "V2", "category_of_need": "N4",
        "placement": "U6", "placement_provider": "PR4",
    }
    data.update(overrides)
    return data


def test_manager_adds_a_young_person(manager, north):
    response = client_for(manager).post(reverse("people:create"), person_form(north))
    young_person = YoungPerson.objects.get(child_id="NEW01")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[young_person.pk])
    assert young_person.date_of_birth == dt.date(2009, 2, 14)
    event = AuditEvent.objects.get(action="people.create_young_person")
    assert event.actor == manager and event.young_person == young_person
    assert event.changes["given_name"] == [None, "Casey"]
    # With no care history the timeline still covers every day from birth.
    spans = list(StatusSpan.objects.filter(young_person=young_person).order_by("start"))
    assert spans[0].start == young_person.date_of_birth and spans[-1].end is None


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"date_of_birth_year": "2027"}, "date_of_birth", "Date of birth must be today or in the past"),
        ({"date_of_birth_month": ""}, "date_of_birth", "Date of birth must include a month"),
        ({"date_of_birth_day": "31", "date_of_birth_month": "2"}, "date_of_birth", "Date of birth must be a real date"),
        ({"date_of_birth_day": "", "date_of_birth_month": "", "date_of_birth_year": ""}, "date_of_birth", "Enter the date of birth"),
        ({"ethnicity": "XXXX"}, "ethnicity", "Select a ethnicity from the list"),
        ({"child_id": "has space"}, "child_id", "Child ID must be up to 10 letters or numbers, with no spaces"),
        ({"upn": "123"}, "upn", "Unique pupil number must be a letter followed by 11 numbers"),
        ({"given_name": ""}, "given_name", "Enter the legal first name"),
    ],
)
def test_bad_personal_details_are_refused_with_a_message_naming_the_field(manager, north, overrides, field, message):
    response = client_for(manager).post(reverse("people:create"), person_form(north, **overrides))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page  # the error summary links to the field
    assert not YoungPerson.objects.exists()
    assert not AuditEvent.objects.exists()


def test_duplicate_child_id_is_refused(manager, north, jordan):
    response = client_for(manager).post(reverse("people:create"), person_form(north, child_id=jordan.child_id))
    assert "A young person with this child ID is already recorded" in response.content.decode()
    assert YoungPerson.objects.count() == 1


def test_worker_adds_a_care_episode_and_the_status_changes_at_once(pa, jordan):
    """Jordan left care in 2025; a new open episode from 1 November 2026 puts them back in care."""
    assert "Former relevant" in client_for(pa).get(reverse("people:detail", args=[jordan.pk])).content.decode()
    response = client_for(pa).post(
        reverse("people:episode-create", args=[jordan.pk]),
        episode_form(start_day="1", start_month="11", start_year="2026", reason_new="S"),
    )
    assert response.status_code == 302, response.content.decode()
    assert jordan.episodes.count() == 2
    assert AuditEvent.objects.filter(action="people.add_care_episode", young_person=jordan).exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"start_year": "2001"}, "Start date must be on or after the date of birth"),
        ({"end_day": "1", "end_month": "2", "end_year": "2024"}, "End date must be after the start date"),
        ({"start_day": "1", "start_month": "1", "start_year": "2023"}, "overlaps"),
        ({"start_year": "2030"}, "Start date must be today or in the past"),
        ({"legal_status": "Q9"}, "Select a legal status from the list"),
    ],
)
def test_bad_episodes_are_refused_and_nothing_is_saved(pa, jordan, overrides, message):
    spans_before = list(StatusSpan.objects.filter(young_person=jordan).values_list("category", "start", "end"))
    response = client_for(pa).post(reverse("people:episode-create", args=[jordan.pk]), episode_form(**overrides))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message.lower() in page.lower()
    assert jordan.episodes.count() == 1
    assert list(StatusSpan.objects.filter(young_person=jordan).values_list("category", "start", "end")) == spans_before
    assert not AuditEvent.objects.filter(action="people.add_care_episode").exists()


def test_changing_date_of_birth_after_episodes_is_refused_when_it_would_put_care_before_birth(pa, jordan):
    data = person_form(jordan.team, child_id=jordan.child_id, date_of_birth_year="2023", version=str(jordan.version))
    response = client_for(pa).post(reverse("people:edit", args=[jordan.pk]), data)
    assert response.status_code == 200
    assert "Date of birth must be on or before 10 January 2022, when the first care episode starts" in response.content.decode()
    jordan.refresh_from_db()
    assert jordan.date_of_birth == dt.date(2008, 5, 3)


def test_a_stale_edit_is_refused_and_the_other_edit_kept(pa, jordan):
    client = client_for(pa)
    stale_version = jordan.version
    first = person_form(jordan.team, child_id=jordan.child_id, date_of_birth_day="3", date_of_birth_month="5",
                        date_of_birth_year="2008", given_name="Jo", version=str(stale_version))
    assert client.post(reverse("people:edit", args=[jordan.pk]), first).status_code == 302
    second = dict(first, given_name="Jordan-Lee")
    response = client.post(reverse("people:edit", args=[jordan.pk]), second)
    assert "Someone else changed this record" in response.content.decode()
    jordan.refresh_from_db()
    assert jordan.given_name == "Jo"
    assert jordan.version == stale_version + 1


def test_editing_an_episode_records_what_changed(pa, jordan):
    episode = jordan.episodes.get()
    data = episode_form(
        start_day="10", start_month="1", start_year="2022", legal_status="C2", placement="K2",
        end_day="1", end_month="6", end_year="2025", reason_ended="E6", version=str(episode.version),
    )
    response = client_for(pa).post(reverse("people:episode-edit", args=[jordan.pk, episode.pk]), data)
    assert response.status_code == 302, response.content.decode()
    event = AuditEvent.objects.get(action="people.update_care_episode")
    assert event.changes["placement"] == ["U4", "K2"]
    assert CareEpisode.objects.get(pk=episode.pk).version == episode.version + 1


def test_six_months_with_a_parent_ends_relevant_status(pa, north):
    """CLR 2010 reg 3: six continuous months at home with a parent ends relevant-child status."""
    from conftest import allocate, make_young_person

    young_person = make_young_person(
        child_id="HOME1", date_of_birth=dt.date(2009, 6, 10), team=north,
        episodes=[{"start": dt.date(2023, 9, 1), "end": dt.date(2026, 2, 1), "reason_ended": "E4A"}],
    )
    allocate(young_person, pa)
    client = client_for(pa)
    assert "Relevant" in client.get(reverse("people:detail", args=[young_person.pk])).content.decode()
    response = client.post(
        reverse("people:home-create", args=[young_person.pk]),
        {"start_day": "1", "start_month": "3", "start_year": "2026"},
    )
    assert response.status_code == 302
    from people.status import spans_on

    current = spans_on(dt.date(2026, 11, 23)).get(young_person=young_person)
    assert current.category != "relevant"
    assert "6 months" in current.reason or "six months" in current.reason
