"""Allocating auditors: nobody audits a file they worked on or whose worker they manage."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from caseaudits.models import AccessGrant, Audit, AuditRound, AuditStatus, RoundStatus
from caseaudits.tests.conftest import TODAY, sampled_round
from casework.models import Allocation
from conftest import TeamFactory, UserFactory, allocate, client_for, make_young_person

pytestmark = pytest.mark.django_db


def _allocate(runner, audit, auditor, day="7", month="12", year="2026"):
    return client_for(runner).post(reverse("caseaudits:allocate", args=[audit.pk]), {
        "auditor": str(auditor.pk), "due_on_day": day, "due_on_month": month, "due_on_year": year,
    })


@pytest.fixture
def jordans_file(auditor, small_template, jordan) -> Audit:
    return sampled_round(auditor, small_template, [jordan]).audits.get()


def test_a_qa_auditor_is_allocated_with_a_due_date(auditor, jordans_file):
    response = _allocate(auditor, jordans_file, auditor)
    assert response.status_code == 302
    audit = Audit.objects.get(pk=jordans_file.pk)
    assert audit.auditor == auditor and audit.due_on == dt.date(2026, 12, 7) and audit.status == AuditStatus.ALLOCATED
    assert AuditRound.objects.get(pk=audit.round_id).status == RoundStatus.IN_PROGRESS


def test_the_young_persons_manager_is_refused_and_told_why(auditor, manager, jordans_file):
    page = _allocate(auditor, jordans_file, manager).content.decode()
    assert ("Mina Manager cannot audit Jordan Reed&#39;s file: they manage the North team, where Priya Adviser, "
            "who is Jordan Reed&#39;s personal adviser, works") in page
    assert Audit.objects.get(pk=jordans_file.pk).auditor is None


def test_a_past_worker_is_refused(auditor, head, jordan, small_template, north):
    # Hana the head of service was once Jordan's personal adviser, before her promotion.
    Allocation.objects.filter(young_person=jordan).update(start=dt.date(2025, 1, 1))
    Allocation.objects.create(young_person=jordan, worker=head, role="personal_adviser",
                              start=dt.date(2024, 1, 1), end=dt.date(2025, 1, 1))
    audit = sampled_round(auditor, small_template, [jordan]).audits.get()
    page = _allocate(auditor, audit, head).content.decode()
    assert "Hana Head cannot audit Jordan Reed&#39;s file: they were Jordan Reed&#39;s personal adviser until 1 January 2025" in page


def test_the_manager_of_a_past_workers_team_is_refused(auditor, other_manager, south_pa, jordan, small_template):
    # Sian (South) held Jordan's case before Priya: South's manager cannot audit it either.
    Allocation.objects.filter(young_person=jordan).update(start=dt.date(2025, 1, 1))
    Allocation.objects.create(young_person=jordan, worker=south_pa, role="personal_adviser",
                              start=dt.date(2024, 1, 1), end=dt.date(2025, 1, 1))
    audit = sampled_round(auditor, small_template, [jordan]).audits.get()
    page = _allocate(auditor, audit, other_manager).content.decode()
    assert "they manage the South team, where Sian Adviser, who was Jordan Reed&#39;s personal adviser" in page


def test_the_manager_of_the_team_holding_an_unallocated_case_is_refused(auditor, manager, north, small_template):
    nobody = make_young_person(child_id="NOBODY", given_name="Noah", family_name="Nobody", team=north)
    audit = sampled_round(auditor, small_template, [nobody]).audits.get()
    page = _allocate(auditor, audit, manager).content.decode()
    assert "they manage the North team, which holds Noah Nobody&#39;s case" in page


def test_a_manager_of_another_team_may_audit(auditor, other_manager, jordans_file):
    assert _allocate(auditor, jordans_file, other_manager).status_code == 302
    assert Audit.objects.get(pk=jordans_file.pk).auditor == other_manager


def test_the_young_persons_own_worker_cannot_be_chosen(auditor, pa, jordans_file):
    page = _allocate(auditor, jordans_file, pa).content.decode()
    assert "Select an auditor from the list" in page  # a personal adviser is not an auditor at all
    assert Audit.objects.get(pk=jordans_file.pk).auditor is None


def test_the_due_date_is_checked(auditor, jordans_file):
    page = _allocate(auditor, jordans_file, auditor, day="1", month="11", year="2026").content.decode()
    assert "Due date must be today or in the future" in page
    page = _allocate(auditor, jordans_file, auditor, day="", month="", year="").content.decode()
    assert "Enter the due date" in page


def test_sharing_evenly_balances_the_files_and_skips_conflicts(auditor, head, manager, other_manager, small_template,
                                                                jordan, sam, riley):
    audit_round = sampled_round(auditor, small_template, [jordan, sam, riley])
    response = client_for(auditor).post(reverse("caseaudits:share", args=[audit_round.pk]), {
        "auditors": [str(manager.pk), str(other_manager.pk)],
        "due_on_day": "14", "due_on_month": "12", "due_on_year": "2026",
    })
    assert response.status_code == 302
    given = {a.young_person.child_id: a.auditor for a in audit_round.audits.select_related("auditor", "young_person")}
    # Mina manages North (Jordan, Sam); Omar manages South (Riley): each audits the other's.
    assert given == {"JR001": other_manager, "SC002": other_manager, "RS003": manager}
    assert all(a.due_on == dt.date(2026, 12, 14) for a in audit_round.audits.all())


def test_sharing_reports_files_nobody_chosen_can_take(auditor, manager, small_template, jordan, riley):
    audit_round = sampled_round(auditor, small_template, [jordan, riley])
    page = client_for(auditor).post(reverse("caseaudits:share", args=[audit_round.pk]), {
        "auditors": [str(manager.pk)], "due_on_day": "14", "due_on_month": "12", "due_on_year": "2026",
    }).content.decode()
    assert "nobody you chose can audit 1 file" in page
    assert "Mina Manager cannot audit Jordan Reed&#39;s file" in page
    assert audit_round.audits.get(young_person=riley).auditor == manager
    assert audit_round.audits.get(young_person=jordan).auditor is None


def test_reallocating_moves_the_access_to_the_new_auditor(auditor, manager, other_manager, north, small_template):
    third = UserFactory(username="tara", first_name="Tara", last_name="Manager", role="team_manager",
                        team=TeamFactory(name="East"))
    person = make_young_person(child_id="SOUTH1", family_name="Southern", team=other_manager.team)
    allocate(person, UserFactory(username="sw1", role="personal_adviser", team=other_manager.team))
    audit = sampled_round(auditor, small_template, [person]).audits.get()
    _allocate(auditor, audit, manager)
    _allocate(auditor, audit, third)
    grants = {g.user: g for g in AccessGrant.objects.filter(audit=audit)}
    assert grants[manager].ends_on == TODAY and grants[manager].ended_because == "the file was given to another auditor"
    assert grants[third].ends_on is None


def test_only_those_who_run_rounds_allocate(manager, pa, outsider, auditor, jordans_file):
    for user in (manager, pa, outsider):
        assert _allocate(user, jordans_file, auditor).status_code == 403
        assert client_for(user).get(reverse("caseaudits:round", args=[jordans_file.round_id])).status_code == 403
    assert Audit.objects.get(pk=jordans_file.pk).auditor is None
