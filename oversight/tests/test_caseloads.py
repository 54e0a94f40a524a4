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


# -- absences and vacancies beside the caseloads (today is Monday 23 November 2026) ----------


def _absent(worker, by, starts_on, ends_on=None, kind="sickness", cover_worker=None):
    from oversight.staffing_actions import record_absence

    return record_absence(acting_user=by, worker=worker, kind=kind, starts_on=starts_on, ends_on=ends_on,
                          cover_worker=cover_worker)


def _row(page: str, name: str) -> str:
    start = page.index(f">{name}</th>")
    return page[start:page.index("</tr>", start)]


@pytest.fixture
def north_staffing(manager, pa, other_pa, north, south, head, jordan, sam):
    """North: Priya (PA: Jordan, Kim) off sick since 16 November with no end date and no cover;
    Oliver (PA: Sam) present, with training on 24 November and 21 December booked and leave on
    22 December (beyond the 4 weeks); Wren, a social worker with nobody allocated, on leave today
    with Oliver covering. Vacancies: 0.6 PA post vacant since October, a SW post vacant from
    January (not yet), a post filled on 16 November, a withdrawn one, and one in South."""
    from decimal import Decimal

    from conftest import UserFactory
    from oversight import staffing_actions as act

    kim = make_young_person(given_name="Kim", family_name="Tesfay", child_id="KT001", team=north)
    allocate(kim, pa)
    wren = UserFactory(username="wren", first_name="Wren", last_name="Social", role="social_worker", team=north)
    _absent(pa, manager, dt.date(2026, 11, 16))
    _absent(other_pa, manager, dt.date(2026, 11, 24), dt.date(2026, 11, 24), kind="training")
    _absent(other_pa, manager, dt.date(2026, 12, 21), dt.date(2026, 12, 21), kind="training")
    _absent(other_pa, manager, dt.date(2026, 12, 22), dt.date(2027, 1, 2), kind="annual_leave")
    _absent(other_pa, manager, dt.date(2026, 11, 2), dt.date(2026, 11, 6), kind="annual_leave")  # over
    _absent(wren, manager, dt.date(2026, 11, 23), dt.date(2026, 11, 27), kind="annual_leave", cover_worker=other_pa)

    def vacancy(team, **fields):
        return act.record_vacancy(acting_user=head, team=team, **{
            "role": "personal_adviser", "fte": Decimal("1"), "open_on": dt.date(2026, 10, 1), **fields})

    vacancy(north, fte=Decimal("0.6"))
    vacancy(north, role="social_worker", open_on=dt.date(2027, 1, 4))
    filled = vacancy(north)
    act.fill_vacancy(filled, acting_user=head, expected_version=1, filled_on=dt.date(2026, 11, 16))
    act.withdraw_vacancy(vacancy(north), acting_user=head, expected_version=1)
    vacancy(south)
    return wren


def test_the_team_summary_matches_a_hand_count(manager, north_staffing):
    page = client_for(manager).get(reverse("oversight:caseloads")).content.decode()
    summary = page[page.index("Staffing today"):page.index("</dl>")]
    # 3 in post; 2 absent (Priya, Wren), only Priya's young people need cover; 0.6 FTE vacant
    # today. Personal advisers hold 3 young people: 1.5 each across 2, 3.0 for the 1 available.
    assert "3 (2 personal advisers, 1 social worker)" in summary
    assert "2, of whom 1 has young people needing cover" in summary
    assert "0.6 full-time equivalent (1 post)" in summary
    assert "1.5 on average; 3.0 per personal adviser not absent today" in summary


def test_each_workers_absence_cover_and_coming_absences(manager, pa, other_pa, north_staffing):
    page = client_for(manager).get(reverse("oversight:caseloads")).content.decode()
    priya, oliver, wren = (_row(page, name) for name in ("Priya Adviser", "Oliver Adviser", "Wren Social"))
    assert "Sickness, no end date." in priya and "Cover needed" in priya
    assert "Annual leave, until 27 November 2026." in wren and "Covered by Oliver Adviser." in wren
    assert "Cover needed" not in wren  # nobody is allocated to Wren
    assert '<td class="govuk-table__cell">No<br>Covering for Wren Social</td>' in oliver
    # Training on 24 November and 21 December fall in the next 4 weeks; leave from 22 December does not.
    assert oliver.rstrip().endswith('<td class="govuk-table__cell govuk-table__cell--numeric">2</td>')
    assert "Record an absence" in page and "Record a vacancy" in page


def test_a_cover_who_is_also_absent_leaves_the_young_people_needing_cover(manager, pa, other_pa, jordan):
    _absent(other_pa, manager, dt.date(2026, 11, 20), dt.date(2026, 11, 25))
    _absent(pa, manager, dt.date(2026, 11, 23), dt.date(2026, 11, 23), kind="training", cover_worker=other_pa)
    priya = _row(client_for(manager).get(reverse("oversight:caseloads")).content.decode(), "Priya Adviser")
    assert "Covered by Oliver Adviser, who is also absent." in priya and "Cover needed" in priya


def test_a_cover_from_another_team_who_is_absent_is_still_noticed(manager, other_manager, pa, south_pa, jordan):
    _absent(south_pa, other_manager, dt.date(2026, 11, 23))
    _absent(pa, manager, dt.date(2026, 11, 23), cover_worker=south_pa)
    page = client_for(manager).get(reverse("oversight:caseloads")).content.decode()
    assert "Sian Adviser" not in page.split("<tbody")[1].split("Covered by")[0]  # not a North row
    assert "who is also absent" in _row(page, "Priya Adviser")


def test_an_auditor_sees_absences_but_no_way_to_record_them(auditor, north_staffing):
    page = client_for(auditor).get(reverse("oversight:caseloads")).content.decode()
    assert "Sickness, no end date." in page and "Record an absence" not in page
    assert reverse("oversight:staffing") in page


def test_the_caseloads_page_costs_the_same_queries_however_many_workers_are_away(
    manager, pa, other_pa, north, jordan, django_assert_num_queries
):
    from conftest import UserFactory

    client = client_for(manager)
    with django_assert_num_queries(QUERIES_FOR_CASELOADS):
        client.get(reverse("oversight:caseloads"))
    for n in range(4):
        worker = UserFactory(username=f"extra{n}", role="personal_adviser", team=north)
        allocate(make_young_person(child_id=f"EX{n}", team=north), worker)
        _absent(worker, manager, dt.date(2026, 11, 20), cover_worker=pa if n % 2 else None)
        _absent(worker, manager, dt.date(2026, 11, 10), dt.date(2026, 11, 12))
    _absent(pa, manager, dt.date(2026, 11, 23), cover_worker=other_pa)
    _absent(other_pa, manager, dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    with django_assert_num_queries(QUERIES_FOR_CASELOADS):
        client.get(reverse("oversight:caseloads"))


# Session, user, policy, standards, allocations, custody, workers, absences (one query with
# the covers'), open vacancies, teams for the filter: the test above fails if it grows with the data.
QUERIES_FOR_CASELOADS = 10
