"""The register and caseload pages: search, filters, sorting, pagination and query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import allocate, client_for, make_young_person

pytestmark = pytest.mark.django_db
REGISTER = reverse("people:register")


def names(response) -> list[str]:
    """Young people's names in the results table, in order."""
    import re

    return re.findall(r'<a class="govuk-link" href="/young-people/\d+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def service(north, south, pa, other_pa, south_pa):
    """Five young people with different ages, categories, teams and workers."""
    people = {
        # in care at 17 now: eligible
        "eligible": make_young_person(given_name="Erin", family_name="Eligible", child_id="E1", date_of_birth=dt.date(2009, 3, 1),
                                      team=north, episodes=[{"start": dt.date(2023, 1, 1)}]),
        # left care at 17 in 2025, now 19: former relevant
        "former": make_young_person(given_name="Finn", family_name="Former", child_id="F1", date_of_birth=dt.date(2007, 4, 2),
                                    team=north, uasc=True,
                                    episodes=[{"start": dt.date(2022, 1, 1), "end": dt.date(2025, 1, 1), "reason_ended": "E6"}]),
        # came into care at 17 and 10 months: qualifying
        "qualifying": make_young_person(given_name="Quinn", family_name="Qualifying", child_id="Q1", date_of_birth=dt.date(2007, 1, 15),
                                        team=south, episodes=[{"start": dt.date(2024, 11, 15), "end": dt.date(2025, 1, 15), "reason_ended": "E8"}]),
        # aged 15, in care
        "young": make_young_person(given_name="Yusuf", family_name="Young", child_id="Y1", date_of_birth=dt.date(2011, 6, 1),
                                   team=south, episodes=[{"start": dt.date(2024, 1, 1)}]),
        # aged 23, left care at 18 in 2021
        "older": make_young_person(given_name="Olive", family_name="Older", child_id="O1", date_of_birth=dt.date(2003, 2, 2),
                                   team=north, episodes=[{"start": dt.date(2018, 1, 1), "end": dt.date(2021, 2, 2), "reason_ended": "E17"}]),
    }
    allocate(people["eligible"], pa)
    allocate(people["former"], pa)
    allocate(people["older"], other_pa)
    allocate(people["qualifying"], south_pa)
    return people


def test_register_lists_everyone_for_head_of_service_sorted_by_last_name(head, service):
    response = client_for(head).get(REGISTER)
    assert names(response) == ["Erin Eligible", "Finn Former", "Olive Older", "Quinn Qualifying", "Yusuf Young"]
    assert "5 young people" in response.content.decode()


def test_sort_by_age_oldest_last_and_descending_name(head, service):
    assert names(client_for(head).get(REGISTER, {"sort": "age"}))[0] == "Yusuf Young"
    assert names(client_for(head).get(REGISTER, {"sort": "-name"}))[0] == "Yusuf Young"


def test_search_by_name_or_child_id(head, service):
    assert names(client_for(head).get(REGISTER, {"q": "finn"})) == ["Finn Former"]
    assert names(client_for(head).get(REGISTER, {"q": "q1"})) == ["Quinn Qualifying"]
    assert names(client_for(head).get(REGISTER, {"q": "nobody"})) == []


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"category": "eligible"}, ["Erin Eligible"]),
        ({"category": "former_relevant"}, ["Finn Former", "Olive Older"]),
        ({"category": "qualifying"}, ["Quinn Qualifying"]),
        ({"category": "looked_after"}, ["Yusuf Young"]),
        ({"age_band": "16_17"}, ["Erin Eligible"]),
        ({"age_band": "18_20"}, ["Finn Former", "Quinn Qualifying"]),
        ({"age_band": "21_24"}, ["Olive Older"]),
        ({"age_band": "under_16"}, ["Yusuf Young"]),
        ({"uasc": "yes"}, ["Finn Former"]),
    ],
)
def test_filters(head, service, filters, expected):
    assert names(client_for(head).get(REGISTER, filters)) == expected


def test_filter_by_team_and_worker(head, service, north, pa):
    assert names(client_for(head).get(REGISTER, {"team": north.pk})) == ["Erin Eligible", "Finn Former", "Olive Older"]
    assert names(client_for(head).get(REGISTER, {"worker": pa.pk})) == ["Erin Eligible", "Finn Former"]


def test_unknown_filter_values_are_explained_not_ignored(head, service):
    response = client_for(head).get(REGISTER, {"team": "999999"})
    assert "Select a team from the list" in response.content.decode()


def test_register_shows_category_and_personal_adviser(head, service):
    page = client_for(head).get(REGISTER, {"q": "Finn"}).content.decode()
    assert "Former relevant" in page
    assert "Priya Adviser" in page


def test_caseload_page_for_a_personal_adviser(pa, service):
    assert names(client_for(pa).get(reverse("people:mine"))) == ["Erin Eligible", "Finn Former"]


def test_pagination(head, north):
    for n in range(55):
        make_young_person(child_id=f"P{n:03d}", given_name="Page", family_name=f"Person{n:03d}", team=north)
    client = client_for(head)
    first = client.get(REGISTER)
    assert len(names(first)) == 50
    second = client.get(REGISTER, {"page": 2})
    assert names(second) == ["Page Person050", "Page Person051", "Page Person052", "Page Person053", "Page Person054"]
    assert "showing 51 to 55" in second.content.decode()


def test_register_query_count_does_not_grow_with_the_number_of_people(head, north, pa):
    def count_queries() -> int:
        client = client_for(head)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REGISTER).status_code == 200
        return len(queries)

    for n in range(3):
        allocate(make_young_person(child_id=f"A{n}", team=north), pa)
    few = count_queries()
    for n in range(20):
        allocate(make_young_person(child_id=f"B{n}", team=north), pa)
    assert count_queries() == few


def test_a_worker_records_a_contact_in_one_click_from_their_caseload(pa, jordan):
    from conftest import client_for

    page = client_for(pa).get(reverse("people:mine")).content.decode()
    link = reverse("contacts:record", args=[jordan.pk]) + "?next=" + reverse("people:mine")
    assert link in page
    assert client_for(pa).get(link).status_code == 200
