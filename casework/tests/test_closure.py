"""Closing a case with its reason, and reopening it when a young person aged 21 to 25
comes back; the history of both stays on the record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from casework import actions, closure
from casework.models import Allocation, CaseClosure, Transfer, TransferStatus
from circumstances.models import Declaration
from circumstances.tests.helpers import date_fields, make_former_relevant_22
from compliance.category_rules import DutyFlag
from conftest import client_for, make_young_person
from people.extension import chronology_for
from people.status import status_for

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def casey(north, pa):
    return make_former_relevant_22(north, pa)


def close_form(closed_on, reason, detail="", version="1"):
    return {**date_fields("closed_on", closed_on), "reason": reason, "reason_detail": detail, "version": version}


def reopen_form(reopened_on, reason="support_requested", note="", version="2"):
    return {**date_fields("reopened_on", reopened_on), "reason": reason, "note": note, "version": version}


def test_closing_sets_the_record_and_ends_allocations(manager, casey, pa, other_pa):
    transfer = actions.plan_transfer(casey, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 12, 1), reason="Moving team")
    response = client_for(manager).post(reverse("casework:close", args=[casey.pk]),
                                        close_form(dt.date(2026, 11, 20), "declined_after_21"))
    assert response.status_code == 302
    casey.refresh_from_db()
    assert casey.closed_on == dt.date(2026, 11, 20)
    assert casey.closure_reason == "Declined all support after 21"
    assert Allocation.objects.get(young_person=casey).end == dt.date(2026, 11, 20)
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.CANCELLED
    assert AuditEvent.objects.filter(action="casework.close_case", young_person=casey).exists()
    page = client_for(manager).get(reverse("casework:workers", args=[casey.pk])).content.decode()
    assert "The case was closed on 20 November 2026: Declined all support after 21" in page
    assert "Reopen the case" in page
    # No allocation may start while the case is closed.
    refused = client_for(manager).post(reverse("people:allocate", args=[casey.pk]), {
        "role": "personal_adviser", "worker": str(other_pa.pk), **date_fields("start", dt.date(2026, 11, 21))})
    assert "Start date must be before 20 November 2026, when the case was closed: reopen it first" in refused.content.decode()
    assert Allocation.objects.filter(young_person=casey).count() == 1


@pytest.mark.parametrize("reason", ["reached_21", "declined_after_21", "other"])
def test_no_closing_before_18_except_death_or_moving_council(manager, jordan, reason):
    url = reverse("casework:close", args=[jordan.pk])
    body = client_for(manager).post(url, close_form(dt.date(2026, 5, 1), reason, detail="Moved abroad")).content.decode()
    assert "Date of closure must be on or after the 18th birthday, 3 May 2026, unless they died or moved to another council" in body
    jordan.refresh_from_db()
    assert jordan.closed_on is None and not CaseClosure.objects.exists()


def test_moving_council_before_18_may_close(manager, jordan):
    closure.close_case(jordan, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 5, 1), reason="moved_council")
    jordan.refresh_from_db()
    assert jordan.closed_on == dt.date(2026, 5, 1)


def test_died_needs_the_date_of_death_first(manager, jordan):
    with pytest.raises(ValidationError) as refused:
        closure.close_case(jordan, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 5, 1), reason="died")
    assert list(refused.value.message_dict) == ["reason"]
    jordan.date_of_death = dt.date(2026, 4, 20)
    jordan.save()
    closure.close_case(jordan, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 5, 1), reason="died")
    jordan.refresh_from_db()
    assert jordan.closure_reason == "Died"


@pytest.mark.parametrize(
    ("closed_on", "reason", "detail", "field", "message"),
    [
        (dt.date(2026, 11, 1), "reached_25", "", "closed_on",
         "Date of closure must be on or after the 25th birthday, 10 March 2029, for the reason you chose"),
        (dt.date(2026, 11, 1), "other", "", "reason_detail", "Enter the reason for closing the case"),
        (dt.date(2026, 12, 1), "declined_after_21", "", "closed_on", "Date of closure must be today or in the past"),
        (dt.date(2021, 12, 31), "moved_council", "", "closed_on",
         "Date of closure must be after 1 January 2022, when Priya Adviser's allocation starts"),
    ],
)
def test_closure_is_checked(manager, casey, closed_on, reason, detail, field, message):
    with pytest.raises(ValidationError) as refused:
        closure.close_case(casey, acting_user=manager, expected_version=1, closed_on=closed_on, reason=reason, reason_detail=detail)
    assert refused.value.message_dict == {field: [message]}
    casey.refresh_from_db()
    assert casey.closed_on is None and Allocation.objects.get(young_person=casey).end is None


def test_reopening_on_request_records_the_declaration_and_keeps_the_history(manager, casey, pa):
    client = client_for(manager)
    client.post(reverse("casework:close", args=[casey.pk]), close_form(dt.date(2026, 3, 12), "reached_21"))
    assert DutyFlag.S23CZB not in status_for(casey).span_on(TODAY).flags
    response = client.post(reverse("casework:reopen", args=[casey.pk]),
                           reopen_form(dt.date(2026, 11, 16), note="Lost her tenancy; wants help"))
    assert response.status_code == 302
    assert response["Location"] == reverse("people:allocate", args=[casey.pk]) + "?role=personal_adviser"
    casey.refresh_from_db()
    assert casey.closed_on is None and casey.closure_reason == ""
    row = CaseClosure.objects.get(young_person=casey)
    assert (row.closed_on, row.reopened_on, row.reopen_reason) == (dt.date(2026, 3, 12), dt.date(2026, 11, 16), "support_requested")
    declaration = Declaration.objects.get(young_person=casey)
    assert (declaration.kind, declaration.told_on) == ("support_requested", dt.date(2026, 11, 16))
    assert DutyFlag.S23CZB in status_for(casey).span_on(TODAY).flags
    # Closed and reopened again: both rows stay, and the page shows them.
    closure.close_case(casey, acting_user=manager, expected_version=3, closed_on=dt.date(2026, 11, 22), reason="declined_after_21")
    assert CaseClosure.objects.filter(young_person=casey).count() == 2
    page = client.get(reverse("casework:workers", args=[casey.pk])).content.decode()
    assert "Reached 21 with no further support" in page and "16 November 2026" in page
    assert "Declined all support after 21" in page and "Still closed" in page
    titles = {(item.on, item.title) for item in chronology_for(casey)}
    assert {(dt.date(2026, 3, 12), "Case closed"), (dt.date(2026, 11, 16), "Case reopened"),
            (dt.date(2026, 11, 22), "Case closed")} <= titles


def test_reopening_for_education_records_that_declaration(manager, casey):
    closure.close_case(casey, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 3, 12), reason="reached_21")
    closure.reopen_case(casey, acting_user=manager, expected_version=2, reopened_on=dt.date(2026, 11, 1),
                        reason="education_training", note="Starting an access course")
    assert Declaration.objects.get(young_person=casey).kind == "education_training"
    assert DutyFlag.S23CA in status_for(casey).span_on(TODAY).flags


@pytest.mark.parametrize(
    ("reopened_on", "reason", "message"),
    [
        (dt.date(2026, 3, 1), "support_requested",
         "Date of reopening must be on or after the date the case was closed, 12 March 2026"),
        (dt.date(2026, 12, 1), "support_requested", "Date of reopening must be today or in the past"),
    ],
)
def test_reopening_dates_are_checked(manager, casey, reopened_on, reason, message):
    closure.close_case(casey, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 3, 12), reason="reached_21")
    with pytest.raises(ValidationError) as refused:
        closure.reopen_case(casey, acting_user=manager, expected_version=2, reopened_on=reopened_on, reason=reason)
    assert refused.value.message_dict == {"reopened_on": [message]}


def test_no_reopening_after_the_25th_birthday(manager, north):
    older = make_young_person(
        date_of_birth=dt.date(2001, 6, 1), team=north, closed_on=dt.date(2023, 6, 1), closure_reason="Reached 21",
        episodes=[{"start": dt.date(2015, 9, 1), "end": dt.date(2018, 3, 1), "reason_ended": "E6"}],
    )
    body = client_for(manager).post(reverse("casework:reopen", args=[older.pk]),
                                    reopen_form(dt.date(2026, 11, 1), version="1")).content.decode()
    assert "Date of reopening must be before the 25th birthday, 1 June 2026: the council&#39;s leaving-care duties end at 25" in body
    older.refresh_from_db()
    assert older.closed_on == dt.date(2023, 6, 1) and not Declaration.objects.exists()


@pytest.mark.parametrize(
    ("born", "reason", "message"),
    [
        (dt.date(2008, 5, 3), "support_requested", "Date of reopening must be on or after 3 May 2029, their 21st birthday"),
        (dt.date(2009, 6, 1), "education_training", "Date of reopening must be on or after 1 June 2027, their 18th birthday"),
    ],
)
def test_reopening_on_a_declaration_only_at_the_age_it_can_be_made(manager, north, born, reason, message):
    """A request for personal adviser support is for 21 to 25 (s23CZB); education or
    training, from 18 (s23CA). Refused on the reopening date, and nothing is half saved."""
    young_person = make_young_person(date_of_birth=born, team=north, closed_on=dt.date(2026, 6, 1),
                                     closure_reason="Moved to another council")
    body = client_for(manager).post(reverse("casework:reopen", args=[young_person.pk]),
                                    reopen_form(dt.date(2026, 11, 1), reason=reason, version="1")).content.decode()
    assert message in body
    young_person.refresh_from_db()
    assert young_person.closed_on == dt.date(2026, 6, 1) and not Declaration.objects.exists()
    assert not CaseClosure.objects.filter(reopened_on__isnull=False).exists()


def test_education_or_training_reopens_from_18(manager, jordan):
    closure.close_case(jordan, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 6, 1), reason="moved_council")
    closure.reopen_case(jordan, acting_user=manager, expected_version=2, reopened_on=dt.date(2026, 11, 1),
                        reason="education_training")
    assert Declaration.objects.get(young_person=jordan).told_on == dt.date(2026, 11, 1)


@pytest.mark.parametrize("reason", ["came_back", "closed_in_error"])
def test_reopening_without_a_declaration(manager, jordan, reason):
    """Coming back under 21, or a case closed by mistake, reopens without recording
    something they did not say."""
    client = client_for(manager)
    client.post(reverse("casework:close", args=[jordan.pk]), close_form(dt.date(2026, 6, 1), "moved_council"))
    response = client.post(reverse("casework:reopen", args=[jordan.pk]),
                           reopen_form(dt.date(2026, 11, 1), reason=reason, note="Moved back to Testshire"))
    assert response.status_code == 302
    jordan.refresh_from_db()
    assert jordan.closed_on is None and not Declaration.objects.exists()
    assert CaseClosure.objects.get(young_person=jordan).reopen_reason == reason
    assert AuditEvent.objects.filter(action="casework.reopen_case", young_person=jordan).exists()


def test_the_reopen_page_offers_every_reason(manager, casey):
    closure.close_case(casey, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 3, 12), reason="reached_21")
    page = client_for(manager).get(reverse("casework:reopen", args=[casey.pk])).content.decode()
    for label in ("Asked for personal adviser support (section 23CZB)",
                  "Pursuing, or wants to pursue, education or training (section 23CA)",
                  "Came back to the council for support", "Closed in error"):
        assert label in page
    assert "For example, 27 3 2026" in page and "27 3 2007" not in page


def test_a_closure_made_before_history_was_kept_is_still_shown_after_reopening(manager, casey):
    casey.closed_on, casey.closure_reason = dt.date(2026, 3, 12), "Said they no longer want support"
    casey.save()
    closure.reopen_case(casey, acting_user=manager, expected_version=1, reopened_on=dt.date(2026, 11, 1), reason="support_requested")
    row = CaseClosure.objects.get(young_person=casey)
    assert row.closed_on == dt.date(2026, 3, 12) and row.reason_text == "Other: Said they no longer want support"
    assert row.closed_by is None and row.reopened_by == manager


def test_closing_twice_and_stale_edits_are_refused(manager, casey):
    closure.close_case(casey, acting_user=manager, expected_version=1, closed_on=dt.date(2026, 3, 12), reason="reached_21")
    with pytest.raises(ValidationError) as refused:
        closure.close_case(casey, acting_user=manager, expected_version=2, closed_on=dt.date(2026, 4, 1), reason="reached_21")
    assert refused.value.messages == ["This case was already closed on 12 March 2026"]
    body = client_for(manager).post(reverse("casework:reopen", args=[casey.pk]),
                                    reopen_form(dt.date(2026, 11, 1), version="1")).content.decode()
    assert "Someone else changed this record" in body
    assert Transfer.objects.count() == 0


@pytest.mark.parametrize(
    ("persona", "status"),
    [("manager", 200), ("admin_user", 200), ("pa", 403), ("head", 403), ("auditor", 403),
     ("other_manager", 404), ("other_pa", 404), ("outsider", 404)],
)
def test_who_may_close_and_reopen(request, persona, status, casey):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("casework:close", args=[casey.pk])).status_code == status
    reopen = client.get(reverse("casework:reopen", args=[casey.pk]))
    assert reopen.status_code == status
    if status == 403:
        assert "Only a team manager or an administrator can close or reopen a case." in reopen.content.decode()
    if status != 200:
        assert client.post(reverse("casework:close", args=[casey.pk]), close_form(TODAY, "reached_21")).status_code == status
        casey.refresh_from_db()
        assert casey.closed_on is None
