"""The managers' dashboard: figures from the ledger, checked against hand-counted fixtures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import client_for, make_young_person
from duties.models import DutyLedgerRow, LedgerStamp
from oversight.dashboard import duty_tallies, worker_tallies

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)


def _ledger(young_person, states: dict[str, str]) -> None:
    """Hand-written ledger rows, so every figure below can be counted by eye."""
    LedgerStamp.objects.update_or_create(young_person=young_person, defaults={"computed_on": TODAY})
    for code, state in states.items():
        DutyLedgerRow.objects.create(
            young_person=young_person, duty_code=code, state=state, reason=f"{code} is {state}",
            due_on=TODAY - dt.timedelta(days=5), computed_on=TODAY,
        )


@pytest.fixture
def north_ledger(jordan, sam, riley, pa, other_pa, north):
    # Jordan (Priya):   visits overdue, plan_review met, case_summary due
    # Sam (Oliver):     visits overdue, plan_review overdue, case_summary met
    # Unallocated Ash:  visits met,     plan_review not applicable
    # Riley (South) must not be counted in North.
    ash = make_young_person(given_name="Ash", family_name="Unallocated", child_id="ASH01",
                            date_of_birth=dt.date(2007, 9, 1), team=north)
    _ledger(jordan, {"visits": "overdue", "plan_review": "met", "case_summary": "due"})
    _ledger(sam, {"visits": "overdue", "plan_review": "overdue", "case_summary": "met"})
    _ledger(ash, {"visits": "met", "plan_review": "not_applicable"})
    _ledger(riley, {"visits": "overdue", "plan_review": "overdue"})
    return ash


def test_the_figures_match_a_hand_count(manager, north_ledger):
    from people import access

    people = access.visible_young_people(manager, TODAY).filter(closed_on__isnull=True)
    tallies = {duty.code: tally for duty, tally in duty_tallies(people, TODAY)}
    assert tallies["visits"].counts == {"overdue": 2, "met": 1}
    assert tallies["visits"].percent_met == 33
    assert tallies["plan_review"].counts == {"met": 1, "overdue": 1, "not_applicable": 1}
    assert tallies["plan_review"].applying == 2 and tallies["plan_review"].percent_met == 50
    assert tallies["case_summary"].percent_met == 50


def test_the_figures_per_personal_adviser_match_a_hand_count(manager, pa, other_pa, north_ledger):
    from people import access

    people = access.visible_young_people(manager, TODAY).filter(closed_on__isnull=True)
    by_worker = worker_tallies(people, TODAY)
    assert by_worker[pa.pk].counts == {"overdue": 1, "met": 1, "due": 1}
    assert by_worker[other_pa.pk].counts == {"overdue": 2, "met": 1}
    assert by_worker[None].counts == {"met": 1, "not_applicable": 1}


def test_a_figure_links_to_the_young_people_behind_it(manager, north_ledger):
    client = client_for(manager)
    page = client.get(reverse("oversight:dashboard")).content.decode()
    link = reverse("oversight:duty-exceptions", args=["visits"]) + "?state=overdue"
    assert f'href="{link}"' in page
    behind = client.get(link).content.decode()
    assert "Jordan" in behind and "Sam" in behind
    assert "Riley" not in behind and "Ash" not in behind


def test_queries_do_not_grow_with_the_number_of_young_people(manager, north, north_ledger):
    client = client_for(manager)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("oversight:dashboard"))
        client.get(reverse("oversight:duty-exceptions", args=["visits"]) + "?state=overdue")
    for i in range(10):
        person = make_young_person(child_id=f"M{i:03}", date_of_birth=dt.date(2007, 1, 1 + i), team=north)
        _ledger(person, {"visits": "overdue", "plan_review": "met"})
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("oversight:dashboard"))
        client.get(reverse("oversight:duty-exceptions", args=["visits"]) + "?state=overdue")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_workers_and_people_without_a_role_cannot_open_it(pa, outsider, north_ledger):
    for user in (pa, outsider):
        assert client_for(user).get(reverse("oversight:dashboard")).status_code == 403
        assert client_for(user).get(reverse("oversight:duty-exceptions", args=["visits"])).status_code == 403


def test_a_manager_cannot_see_another_teams_figures_by_asking_for_that_team(manager, riley, north_ledger, south):
    page = client_for(manager).get(reverse("oversight:duty-exceptions", args=["visits"]), {"team": south.pk}).content
    assert b"Riley" not in page


def test_a_head_of_service_sees_every_team_and_can_narrow_to_one(head, south, north_ledger):
    client = client_for(head)
    everyone = client.get(reverse("oversight:duty-exceptions", args=["visits"]) + "?state=overdue").content.decode()
    assert "Riley" in everyone and "Jordan" in everyone
    south_only = client.get(
        reverse("oversight:duty-exceptions", args=["visits"]), {"state": "overdue", "team": south.pk}
    ).content.decode()
    assert "Riley" in south_only and "Jordan" not in south_only


def test_the_list_behind_a_figure_exports_to_csv_and_a_spreadsheet(manager, north_ledger):
    import csv
    import io

    from openpyxl import load_workbook

    client = client_for(manager)
    url = reverse("oversight:duty-exceptions", args=["visits"])
    as_csv = client.get(url, {"state": "overdue", "export": "csv"})
    assert as_csv["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Child ID", "Young person", "Team", "Personal adviser"]
    assert sorted(r[1] for r in rows[1:]) == ["Jordan Reed", "Sam Cole"]
    as_xlsx = client.get(url, {"state": "overdue", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Child ID" and len(values) == 3
    assert {v[0] for v in values[1:]} == set(r[0] for r in rows[1:])


def test_a_cell_that_looks_like_a_formula_is_made_harmless():
    from oversight.exports import _safe

    assert _safe("=HYPERLINK(\"http://evil\")") == "'=HYPERLINK(\"http://evil\")"
    assert _safe("Jordan") == "Jordan"


def test_the_audit_findings_are_counted_over_every_case(manager, pa, jordan, north, north_ledger):
    from oversight.findings import audit_findings
    from people import access
    from plans.models import PathwayPlan, PathwayPlanVersion

    # Ash (born 2007) is 19; add someone open past 25, and a plan signed in an earlier year.
    make_young_person(given_name="Old", family_name="Open", child_id="OLD01", date_of_birth=dt.date(2000, 1, 1), team=north)
    plan = PathwayPlan.objects.create(young_person=jordan)
    PathwayPlanVersion.objects.create(plan=plan, number=1, agreed_on=dt.date(2026, 1, 10), created_by=pa,
                                      young_person_signed_on=dt.date(2025, 12, 20), worker_signed_on=dt.date(2026, 1, 12))
    people = access.visible_young_people(manager, TODAY).filter(closed_on__isnull=True)
    findings = {f.label: f for f in audit_findings(people, TODAY)}
    assert (findings["Cases open past the 25th birthday"].count, findings["Cases open past the 25th birthday"].of) == (1, 4)
    signed = findings["Plan sign-off dated in an earlier year than the plan"]
    assert (signed.count, signed.of) == (1, 1)
    visits = findings["Visits out of timescale"]
    assert (visits.count, visits.of, visits.percent) == (2, 3, 67)
    review = findings["Pathway plans overdue for review"]
    assert (review.count, review.of) == (1, 2)


def test_the_exception_report_filters_like_the_register_and_exports(head, south, north_ledger):
    import csv
    import io

    client = client_for(head)
    url = reverse("oversight:exceptions")
    everyone = client.get(url).content.decode()
    assert "Riley" in everyone and "Jordan" in everyone and "Sam" in everyone
    south_only = client.get(url, {"team": south.pk, "state": "overdue"}).content.decode()
    assert "Riley" in south_only and "Jordan" not in south_only
    visits = client.get(url, {"duty": "plan_review"}).content.decode()
    assert "Sam" in visits and "Jordan" not in visits  # Jordan's plan review is met
    exported = client.get(url, {"duty": "visits", "export": "csv"})
    names = sorted(r[1] for r in list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))[1:])
    assert names == ["Jordan Reed", "Riley Shaw", "Sam Cole"]


def test_a_bad_filter_is_named_not_ignored(head, north_ledger):
    page = client_for(head).get(reverse("oversight:exceptions"), {"duty": "teleportation"}).content.decode()
    assert "Select a duty from the list" in page


def test_workers_cannot_open_the_exception_report(pa, outsider):
    for user in (pa, outsider):
        assert client_for(user).get(reverse("oversight:exceptions")).status_code == 403
