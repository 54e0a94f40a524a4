"""Recording contacts and visits: the one-click form, its checks, where it returns to, and who may use it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from audit.models import AccessLog, AuditEvent
from conftest import TODAY, UserFactory, client_for
from contacts.models import Contact
from duties.models import DutyLedgerRow

pytestmark = pytest.mark.django_db


def contact_form(worker, **overrides):
    data = {
        "kind": "visit_at_accommodation",
        "on_day": "20", "on_month": "11", "on_year": "2026",
        "outcome": "happened",
        "with_whom": "young_person",
        "through_whom": "",
        "seen_alone": "yes",
        "place": "Their flat",
        "worker": str(worker.pk),
        "summary": "Talked about college and the flat's heating.",
    }
    data.update(overrides)
    return data


def record_url(young_person, **query):
    url = reverse("contacts:record", args=[young_person.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_one_click_from_the_record_then_back_with_a_success_banner(pa, jordan):
    client = client_for(pa)
    section = reverse("contacts:section", args=[jordan.pk])
    page = client.get(section).content.decode()
    # The record's section offers the form in one click, asking to come back here.
    button = re.search(r'href="([^"]+)"[^>]*class="govuk-button"[^>]*>Record a contact or visit<', page)
    assert button, page
    form_url = button.group(1).replace("&amp;", "&")
    assert form_url.startswith(reverse("contacts:record", args=[jordan.pk]))

    form_page = client.get(form_url).content.decode()
    # Quick on a phone: today's date already in the three boxes, and the worker chosen.
    assert 'name="on_day" type="text" value="23"' in form_page
    assert 'name="on_month" type="text" value="11"' in form_page
    assert 'name="on_year" type="text" value="2026"' in form_page
    assert re.search(rf'<option value="{pa.pk}" selected', form_page)
    assert f'name="next" value="{section}"' in form_page

    response = client.post(form_url, contact_form(pa, next=section), follow=True)
    assert response.redirect_chain == [(section, 302)]
    assert "Contact saved for Jordan Reed" in response.content.decode()
    contact = Contact.objects.get(young_person=jordan)
    assert (contact.on, contact.kind, contact.seen_alone, contact.worker, contact.recorded_by) == (
        dt.date(2026, 11, 20), "visit_at_accommodation", True, pa, pa
    )
    assert contact.by_personal_adviser is True
    event = AuditEvent.objects.get(action="contacts.record_contact")
    assert event.young_person == jordan and event.actor == pa
    assert event.changes["kind"] == [None, "visit_at_accommodation"]


def test_from_the_caseload_with_the_kind_preselected(pa, jordan):
    mine = reverse("people:mine")
    page = client_for(pa).get(record_url(jordan, kind="visit_at_accommodation", next=mine)).content.decode()
    assert re.search(r'value="visit_at_accommodation" checked', page)
    assert not re.search(r'value="phone" checked', page)
    response = client_for(pa).post(record_url(jordan), contact_form(pa, next=mine))
    assert response.status_code == 302 and response["Location"] == mine


def test_an_unknown_kind_in_the_link_preselects_nothing(pa, jordan):
    page = client_for(pa).get(record_url(jordan, kind="carrier_pigeon")).content.decode()
    assert re.search(r'name="kind" type="radio" value="phone"', page)
    assert not re.search(r'name="kind" type="radio" value="[a-z_]+" checked', page)


@pytest.mark.parametrize("bad_next", ["https://evil.example/steal", "//evil.example/", "javascript:alert(1)"])
def test_next_pointing_off_the_site_is_refused(pa, jordan, bad_next):
    response = client_for(pa).post(record_url(jordan), contact_form(pa, next=bad_next))
    assert response.status_code == 302
    assert response["Location"] == reverse("contacts:section", args=[jordan.pk])
    page = client_for(pa).get(record_url(jordan, next=bad_next)).content.decode()
    assert "evil.example" not in page


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"on_day": "24"}, "on", "Date of the contact must be today or in the past"),
        ({"on_day": "", "on_month": "", "on_year": ""}, "on", "Enter the date of the contact"),
        ({"on_day": "31", "on_month": "2"}, "on", "Date of the contact must be a real date"),
        ({"on_year": "2007"}, "on", "Date of the contact must be on or after their date of birth, 3 May 2008"),
        ({"kind": ""}, "kind", "Select the type of contact"),
        ({"kind": "telepathy"}, "kind", "Select a type of contact from the list"),
        ({"outcome": "attempted", "seen_alone": "yes"}, "seen_alone",
         "Seen alone cannot be ‘Yes’ when the contact was only an attempt and nobody was seen"),
        ({"seen_alone": ""}, "seen_alone", "Select whether the young person was seen alone"),
        ({"with_whom": "someone_else", "through_whom": "  "}, "through_whom", "Enter who the contact was through"),
        ({"summary": ""}, "summary", "Enter the summary"),
        ({"summary": "x" * 2001}, "summary", "Summary must be 2,000 characters or fewer"),
    ],
)
def test_bad_contacts_are_refused_naming_the_field_and_nothing_is_saved(pa, jordan, overrides, field, message):
    response = client_for(pa).post(record_url(jordan), contact_form(pa, **overrides))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page
    assert not Contact.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="contacts.").exists()


def test_a_worker_from_another_team_cannot_be_named_as_the_maker(pa, south_pa, jordan):
    response = client_for(pa).post(record_url(jordan), contact_form(south_pa))
    assert "Select who made the contact from the list" in response.content.decode()
    assert not Contact.objects.exists()


def test_answers_that_cannot_apply_are_not_stored(pa, other_pa, jordan):
    """A phone call has no "seen alone"; an attempt was through nobody; a direct contact names no go-between."""
    client_for(pa).post(record_url(jordan), contact_form(pa, kind="phone", seen_alone="yes", through_whom="Carer"))
    client_for(pa).post(record_url(jordan), contact_form(other_pa, outcome="attempted", seen_alone="no",
                                                         with_whom="someone_else", through_whom="Her foster carer"))
    phone, attempt = Contact.objects.order_by("id")
    assert (phone.seen_alone, phone.through_whom, phone.direct) == (None, "", True)
    assert (attempt.seen_alone, attempt.attempted, attempt.direct, attempt.through_whom) == (None, True, False, "Her foster carer")
    assert attempt.worker == other_pa and attempt.recorded_by == pa


def test_the_makers_role_says_whether_it_was_the_personal_adviser(pa, manager, jordan):
    client_for(pa).post(record_url(jordan), contact_form(manager))
    assert Contact.objects.get().by_personal_adviser is False


def test_recording_a_visit_updates_the_duty_ledger_after_commit(pa, jordan, django_capture_on_commit_callbacks):
    DutyLedgerRow.objects.filter(young_person=jordan).delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_for(pa).post(record_url(jordan), contact_form(pa))
    assert response.status_code == 302
    assert callbacks
    rows = DutyLedgerRow.objects.filter(young_person=jordan)
    assert rows.exists()
    assert set(rows.values_list("computed_on", flat=True)) == {TODAY}


def test_editing_a_contact_and_a_stale_edit_is_refused(pa, manager, jordan):
    client_for(pa).post(record_url(jordan), contact_form(pa))
    contact = Contact.objects.get()
    edit_url = reverse("contacts:contact-edit", args=[jordan.pk, contact.pk])
    page = client_for(pa).get(edit_url).content.decode()
    assert 'name="version" value="1"' in page and "Talked about college" in page

    # The manager saves first; Priya's form still carries version 1.
    assert client_for(manager).post(edit_url, contact_form(pa, version="1", place="The office")).status_code == 302
    response = client_for(pa).post(edit_url, contact_form(pa, version="1", summary="Overwrites the manager's change"))
    assert "Someone else changed this record" in response.content.decode()
    contact.refresh_from_db()
    assert (contact.place, contact.version) == ("The office", 2)
    assert "Talked about college" in contact.summary
    assert AuditEvent.objects.filter(action="contacts.update_contact").count() == 1


def test_contact_pages_are_shown_and_logged(pa, auditor, jordan):
    client_for(pa).post(record_url(jordan), contact_form(pa))
    contact = Contact.objects.get()
    for user in (pa, auditor):
        response = client_for(user).get(reverse("contacts:contact", args=[jordan.pk, contact.pk]))
        assert response.status_code == 200
        assert "Talked about college" in response.content.decode()
    assert AccessLog.objects.filter(young_person=jordan, user=auditor).exists()
    # Auditors read but are offered no way to change it.
    assert "Change this contact" not in client_for(auditor).get(reverse("contacts:contact", args=[jordan.pk, contact.pk])).content.decode()


@pytest.mark.parametrize("who, status", [
    ("outsider", 404), ("other_pa", 404), ("south_pa", 404), ("other_manager", 404),
    ("auditor", 403), ("head", 403),
    ("pa", 200), ("manager", 200), ("admin_user", 200),
])
def test_who_may_record_a_contact(request, jordan, who, status):
    user = request.getfixturevalue(who)
    assert client_for(user).get(record_url(jordan)).status_code == status
    post = client_for(user).post(record_url(jordan), contact_form(user))
    assert post.status_code == (302 if status == 200 else status)
    assert Contact.objects.exists() == (status == 200)


@pytest.mark.parametrize("who, status", [("outsider", 404), ("south_pa", 404), ("other_pa", 404), ("auditor", 200), ("head", 200)])
def test_who_may_see_the_contacts_section(request, jordan, who, status):
    assert client_for(request.getfixturevalue(who)).get(reverse("contacts:section", args=[jordan.pk])).status_code == status


def test_a_contact_of_one_young_person_is_not_reachable_through_another(pa, jordan, sam, other_pa):
    client_for(other_pa).post(record_url(sam), contact_form(other_pa))
    sams_contact = Contact.objects.get(young_person=sam)
    assert client_for(pa).get(reverse("contacts:contact", args=[jordan.pk, sams_contact.pk])).status_code == 404
    assert client_for(pa).get(reverse("contacts:contact-edit", args=[jordan.pk, sams_contact.pk])).status_code == 404


def test_an_inactive_worker_cannot_be_named(pa, jordan):
    gone = UserFactory(username="gone", is_active=False, team=pa.team)
    response = client_for(pa).post(record_url(jordan), contact_form(gone))
    assert "Select who made the contact from the list" in response.content.decode()
