"""Caseloads, counted and weighted, checked against a hand count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from circumstances.models import DetentionPeriod
from conftest import allocate, client_for, make_young_person

pytestmark = pytest.mark.django_db


def test_weighted_caseloads_match_a_hand_count(manager, pa, other_pa, north, jordan, sam):
    # Priya: Jordan (18, no factor) = 1; Kim (17, UASC) = 1 + 0.5 + 0.5 = 2; Lee (19, in custody,
    # disability) = 1 + 0.5 + 0.25 = 1.75. Total 4.75 -> 4.8 shown. Oliver: Sam = 1 (plus his age factor).
    kim = make_young_person(given_name="Kim", family_name="Tesfay", child_id="KT001", date_of_birth=dt.date(2009, 3, 1),
                            team=north, uasc=True)
    lee = make_young_person(given_name="Lee", family_name="Ward", child_id="LW001", date_of_birth=dt.date(2007, 3, 1),
                            team=north, disability="yes")
    allocate(kim, pa)
    allocate(lee, pa)
    DetentionPeriod.objects.create(young_person=lee, kind="detained", start=dt.date(2026, 10, 1), recorded_by=pa)
    page = client_for(manager).get(reverse("oversight:caseloads")).content.decode()
    priya_row = page[page.index(pa.display_name):][:1200]
    assert ">3<" in priya_row and "<strong>4.8</strong>" in priya_row


def test_only_people_who_oversee_can_see_caseloads(pa, outsider):
    for user in (pa, outsider):
        assert client_for(user).get(reverse("oversight:caseloads")).status_code == 403


def test_a_manager_sees_only_their_teams_workers(manager, south_pa, pa):
    page = client_for(manager).get(reverse("oversight:caseloads")).content.decode()
    assert pa.display_name in page and south_pa.display_name not in page
