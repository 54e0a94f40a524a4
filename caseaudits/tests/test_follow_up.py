"""After submission: the worker's and manager's responses, and actions on the worker's worklist."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caseaudits import actions
from caseaudits.models import AuditAction, Response
from caseaudits.tests.conftest import TODAY, complete_answers, open_audit
from conftest import allocate, client_for, make_young_person

pytestmark = pytest.mark.django_db


def _submit(audit, version) -> None:
    client_for(audit.auditor).post(reverse("caseaudits:audit", args=[audit.pk]),
                                   {"version": str(audit.version), "intent": "submit", **complete_answers(version)})


@pytest.fixture
def submitted(jordans_audit, small_template):
    _submit(jordans_audit, small_template)
    jordans_audit.refresh_from_db()
    assert jordans_audit.is_finished
    return jordans_audit


def _respond(user, audit, text="I agree and have booked a review."):
    return client_for(user).post(reverse("caseaudits:respond", args=[audit.pk]), {"text": text})


def test_the_worker_and_their_manager_respond_to_the_findings(submitted, pa, manager):
    assert _respond(pa, submitted).status_code == 302
    assert _respond(manager, submitted, "Agreed: we will look at plan actions in supervision.").status_code == 302
    responses = {r.author: r.capacity for r in Response.objects.filter(audit=submitted)}
    assert responses == {pa: "worker", manager: "manager"}
    # Responding again changes the person's response rather than adding a second.
    _respond(pa, submitted, "Review booked for 1 December.")
    assert Response.objects.get(audit=submitted, author=pa).text == "Review booked for 1 December."
    page = client_for(pa).get(reverse("caseaudits:audit", args=[submitted.pk])).content.decode()
    assert "Review booked for 1 December." in page and "Mina Manager, manager" in page
    assert "Enter your response to the findings" in _respond(pa, submitted, "  ").content.decode()


def test_staff_who_are_not_the_cases_cannot_read_or_respond(submitted, other_pa, south_pa, other_manager, outsider,
                                                           auditor):
    for user in (other_pa, south_pa, other_manager, outsider):
        assert client_for(user).get(reverse("caseaudits:audit", args=[submitted.pk])).status_code == 404
        assert _respond(user, submitted).status_code == 404
    # The auditor reads the findings but does not respond to their own audit.
    assert _respond(auditor, submitted).status_code == 403
    assert not Response.objects.exists()


def test_a_personal_adviser_sees_audits_of_their_own_cases_only(submitted, pa, other_pa, sam, small_template, auditor):
    sams = open_audit(auditor, small_template, sam, auditor)
    _submit(sams, small_template)
    assert client_for(other_pa).get(reverse("caseaudits:audit", args=[sams.pk])).status_code == 200
    assert client_for(other_pa).get(reverse("caseaudits:audit", args=[submitted.pk])).status_code == 404
    assert client_for(pa).get(reverse("caseaudits:audit", args=[sams.pk])).status_code == 404


def _raise(user, audit, worker, text="Update the plan's actions with the young person.", day="7", month="12"):
    return client_for(user).post(reverse("caseaudits:action-new", args=[audit.pk]), {
        "worker": str(worker.pk), "text": text, "due_on_day": day, "due_on_month": month, "due_on_year": "2026",
    })


def test_the_auditor_raises_an_action_that_appears_on_the_workers_worklist(submitted, auditor, pa, other_pa):
    form = client_for(auditor).get(reverse("caseaudits:action-new", args=[submitted.pk])).content.decode()
    assert 'value="7"' in form and 'value="12"' in form  # two weeks from today by default
    assert _raise(auditor, submitted, pa).status_code == 302
    action = AuditAction.objects.get()
    assert action.worker == pa and action.due_on == dt.date(2026, 12, 7) and action.young_person_id == submitted.young_person_id
    worklist = client_for(pa).get(reverse("oversight:worklist")).content.decode()
    assert "Case-file audit actions" in worklist and "Update the plan&#39;s actions" in worklist
    assert "Case-file audit actions" not in client_for(other_pa).get(reverse("oversight:worklist")).content.decode()


def test_an_action_must_say_what_and_be_due_in_the_future(submitted, auditor, pa, other_pa):
    page = _raise(auditor, submitted, pa, text="", day="1", month="11").content.decode()
    assert "Enter what needs to be done" in page and "Due date must be today or in the future" in page
    page = _raise(auditor, submitted, other_pa).content.decode()
    assert "Select a worker from the list" in page  # Oliver has nothing to do with Jordan
    assert not AuditAction.objects.exists()


def test_only_the_auditor_raises_actions_and_only_after_submission(jordans_audit, submitted, pa, manager, auditor,
                                                                  other_manager, small_template, sam):
    for user in (pa, manager):
        assert _raise(user, submitted, pa).status_code == 403
    assert _raise(other_manager, submitted, pa).status_code == 404
    draft = open_audit(auditor, small_template, sam, auditor)
    assert _raise(auditor, draft, pa).status_code == 403
    assert not AuditAction.objects.exists()


def test_the_worker_marks_an_action_done_from_their_worklist(submitted, auditor, pa, other_pa):
    _raise(auditor, submitted, pa)
    action = AuditAction.objects.get()
    done_url = reverse("caseaudits:action-done", args=[action.pk])
    assert client_for(other_pa).post(done_url, {"version": "1"}).status_code == 404
    response = client_for(pa).post(done_url, {"version": "1", "next": reverse("oversight:worklist")})
    assert response["Location"] == reverse("oversight:worklist")
    action.refresh_from_db()
    assert action.done_on == TODAY and action.done_by == pa
    assert "Case-file audit actions" not in client_for(pa).get(reverse("oversight:worklist")).content.decode()


def test_the_worklist_reads_audit_actions_in_one_query_however_many(auditor, pa, north, small_template):
    def worklist_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            client_for(pa).get(reverse("oversight:worklist"))
        return len(queries.captured_queries)

    people = [make_young_person(child_id=f"WL{n}", family_name=f"Work{n}", team=north) for n in range(4)]
    for person in people:
        allocate(person, pa)
    audits = [open_audit(auditor, small_template, person, auditor) for person in people]
    for audit in audits:
        _submit(audit, small_template)
    actions.raise_action(audits[0], acting_user=auditor, worker=pa, text="One", due_on=TODAY)
    one = worklist_queries()
    for audit in audits[1:]:
        actions.raise_action(audit, acting_user=auditor, worker=pa, text="More", due_on=TODAY)
    assert worklist_queries() == one


def test_the_workers_manager_can_mark_an_action_done_too(submitted, auditor, pa, manager, other_manager):
    _raise(auditor, submitted, pa)
    action = AuditAction.objects.get()
    done_url = reverse("caseaudits:action-done", args=[action.pk])
    assert client_for(other_manager).post(done_url, {"version": "1"}).status_code == 404
    page = client_for(manager).get(reverse("caseaudits:audit", args=[submitted.pk])).content.decode()
    assert "Mark as done" in page
    client_for(manager).post(done_url, {"version": "1"})
    action.refresh_from_db()
    assert action.done_by == manager
