"""Case notes, the chronology, the case summary and its history, and the facts the duty rules read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from compliance.records import Contact as ContactFact
from compliance.records import ContactKind
from conftest import client_for
from contacts import actions
from contacts.document_actions import upload_document
from contacts.facts import read_case_facts
from contacts.models import CaseNote, CaseSummary, ChronologyEntry, Contact, ContactKindChoice
from people import extension
from people.facts import case_facts_for

pytestmark = pytest.mark.django_db


def contact(young_person, worker, on, kind="visit_at_accommodation", **fields):
    defaults = {"direct": True, "attempted": False, "seen_alone": None if kind not in ("visit_at_accommodation", "face_to_face") else True,
                "place": "", "through_whom": "", "summary": f"{kind} on {on}"}
    defaults.update(fields)
    return actions.record_contact(young_person, acting_user=worker, on=on, kind=kind, worker=worker, **defaults)


def note(young_person, user, on, subject, significant):
    return actions.add_case_note(young_person, acting_user=user, on=on, subject=subject, text="Details.", significant=significant)


def test_contact_kinds_match_the_compliance_core():
    assert set(ContactKindChoice.values) == {k.value for k in ContactKind}


def test_a_case_note_is_added_and_changed_with_a_stale_edit_refused(pa, manager, jordan):
    client = client_for(pa)
    response = client.post(reverse("contacts:note-create", args=[jordan.pk]), {
        "on_day": "21", "on_month": "11", "on_year": "2026", "subject": "Eviction notice",
        "text": "Landlord served notice.", "significant": "on",
    })
    assert response.status_code == 302
    saved = CaseNote.objects.get()
    assert (saved.on, saved.significant, saved.written_by) == (dt.date(2026, 11, 21), True, pa)
    edit_url = reverse("contacts:note-edit", args=[jordan.pk, saved.pk])
    change = {"on_day": "21", "on_month": "11", "on_year": "2026", "subject": "Eviction notice served",
              "text": "Landlord served a section 21 notice.", "version": "1"}
    assert client_for(manager).post(edit_url, change).status_code == 302
    stale = client.post(edit_url, {**change, "subject": "Mine"})
    assert "Someone else changed this record" in stale.content.decode()
    saved.refresh_from_db()
    assert (saved.subject, saved.significant, saved.version) == ("Eviction notice served", False, 2)


@pytest.mark.parametrize("overrides, message", [
    ({"subject": ""}, "Enter the subject"),
    ({"text": ""}, "Enter the note"),
    ({"on_year": "2027"}, "Date of the note must be today or in the past"),
])
def test_bad_case_notes_are_refused(pa, jordan, overrides, message):
    data = {"on_day": "21", "on_month": "11", "on_year": "2026", "subject": "S", "text": "T", **overrides}
    response = client_for(pa).post(reverse("contacts:note-create", args=[jordan.pk]), data)
    assert message in response.content.decode()
    assert not CaseNote.objects.exists()


def test_the_chronology_shows_visits_significant_notes_manual_entries_and_documents_newest_first(pa, jordan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit = contact(jordan, pa, dt.date(2026, 10, 1))
    contact(jordan, pa, dt.date(2026, 10, 2), kind="message")  # messages stay off the chronology
    attempt = contact(jordan, pa, dt.date(2026, 10, 3), kind="face_to_face", attempted=True, seen_alone=None)
    significant = note(jordan, pa, dt.date(2026, 9, 1), "Started college", significant=True)
    note(jordan, pa, dt.date(2026, 9, 2), "Routine call back", significant=False)
    entry = actions.add_chronology_entry(jordan, acting_user=pa, on=dt.date(2026, 8, 1), title="Moved to supported lodgings", detail="")
    document = upload_document(jordan, acting_user=pa, kind="letter", title="Housing offer", on=dt.date(2026, 7, 1),
                               upload=SimpleUploadedFile("offer.txt", b"Offer of a flat\n"))

    items = [i for i in extension.chronology_for(jordan) if i.kind in {"contact", "note", "manual", "document"}]
    assert [(i.on, i.kind) for i in items] == [
        (dt.date(2026, 10, 3), "contact"), (dt.date(2026, 10, 1), "contact"), (dt.date(2026, 9, 1), "note"),
        (dt.date(2026, 8, 1), "manual"), (dt.date(2026, 7, 1), "document"),
    ]
    assert "attempted, nobody seen" in items[0].title
    assert items[0].url == reverse("contacts:contact", args=[jordan.pk, attempt.pk])
    assert items[1].url == reverse("contacts:contact", args=[jordan.pk, visit.pk])
    assert items[2].url == reverse("contacts:note", args=[jordan.pk, significant.pk])
    assert items[3].url == reverse("contacts:chronology-entry", args=[jordan.pk, entry.pk])
    assert items[4].url == reverse("contacts:document", args=[jordan.pk, document.pk])

    page = client_for(pa).get(reverse("contacts:chronology", args=[jordan.pk])).content.decode()
    assert page.index("Other face-to-face contact: attempted") < page.index("Started college") < page.index("Housing offer")
    assert "Routine call back" not in page and "message on" not in page
    for item in items:
        assert f'href="{item.url}"' in page

    filtered = client_for(pa).get(reverse("contacts:chronology", args=[jordan.pk]), {"kind": "note"}).content.decode()
    assert "Started college" in filtered and "Moved to supported lodgings" not in filtered
    assert 'value="note" checked' in filtered


def test_a_withdrawn_document_leaves_the_chronology(pa, jordan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from contacts.document_actions import withdraw_document

    document = upload_document(jordan, acting_user=pa, kind="other", title="Wrong person's letter", on=dt.date(2026, 7, 1),
                               upload=SimpleUploadedFile("x.txt", b"text\n"))
    withdraw_document(document, acting_user=pa, expected_version=1, reason="Wrong record")
    assert not [i for i in extension.chronology_for(jordan) if i.kind == "document"]


def test_manual_chronology_entries_are_added_with_messages_naming_the_field(pa, jordan):
    url = reverse("contacts:chronology-entry-create", args=[jordan.pk])
    bad = client_for(pa).post(url, {"on_day": "1", "on_month": "8", "on_year": "2026", "title": ""})
    assert "Enter what happened" in bad.content.decode()
    good = client_for(pa).post(url, {"on_day": "1", "on_month": "8", "on_year": "2026", "title": "Court hearing", "detail": ""})
    assert good.status_code == 302 and good["Location"] == reverse("contacts:chronology", args=[jordan.pk])
    assert ChronologyEntry.objects.get().title == "Court hearing"


@pytest.mark.parametrize("who, status", [("outsider", 404), ("south_pa", 404), ("other_pa", 404), ("auditor", 200), ("head", 200)])
def test_who_may_read_the_chronology(request, jordan, who, status):
    assert client_for(request.getfixturevalue(who)).get(reverse("contacts:chronology", args=[jordan.pk])).status_code == status


@pytest.mark.parametrize("who, status", [("outsider", 404), ("south_pa", 404), ("auditor", 403), ("head", 403)])
def test_who_may_not_add_to_the_chronology_or_notes(request, jordan, who, status):
    client = client_for(request.getfixturevalue(who))
    data = {"on_day": "1", "on_month": "8", "on_year": "2026", "title": "T", "subject": "S", "text": "T"}
    assert client.post(reverse("contacts:chronology-entry-create", args=[jordan.pk]), data).status_code == status
    assert client.post(reverse("contacts:note-create", args=[jordan.pk]), data).status_code == status
    assert not ChronologyEntry.objects.exists() and not CaseNote.objects.exists()


def test_every_save_of_the_case_summary_is_kept_with_who_and_when(pa, manager, auditor, jordan, time_machine):
    url = reverse("contacts:summary-edit", args=[jordan.pk])
    assert client_for(pa).post(url, {"text": "Jordan lives in supported lodgings.", "version": ""}).status_code == 302
    time_machine.move_to(dt.datetime(2026, 11, 30, 12, 0), tick=False)
    assert client_for(manager).post(url, {"text": "Jordan has moved to a council flat.", "version": "1"}).status_code == 302

    summary = CaseSummary.objects.get(young_person=jordan)
    assert (summary.text, summary.version, summary.updated_on, summary.updated_by) == (
        "Jordan has moved to a council flat.", 2, dt.date(2026, 11, 30), manager
    )
    history = [(v.number, v.text, v.saved_on, v.saved_by) for v in summary.versions.all()]
    assert history == [
        (2, "Jordan has moved to a council flat.", dt.date(2026, 11, 30), manager),
        (1, "Jordan lives in supported lodgings.", dt.date(2026, 11, 23), pa),
    ]
    page = client_for(auditor).get(reverse("contacts:summary", args=[jordan.pk])).content.decode()
    assert "Jordan lives in supported lodgings." in page and "Version 1, saved 23 November 2026 by Priya Adviser" in page
    assert "Update the case summary" not in page  # auditors read only
    assert AuditEvent.objects.filter(action="contacts.update_summary").count() == 2


def test_a_stale_case_summary_edit_is_refused(pa, manager, jordan):
    url = reverse("contacts:summary-edit", args=[jordan.pk])
    client_for(pa).post(url, {"text": "First.", "version": ""})
    # The manager opened the empty form before Priya saved: their first save is stale.
    late_first = client_for(manager).post(url, {"text": "Also first.", "version": ""})
    assert "Someone else changed this record" in late_first.content.decode()
    client_for(pa).post(url, {"text": "Second.", "version": "1"})
    stale = client_for(manager).post(url, {"text": "From version 1.", "version": "1"})
    assert "Someone else changed this record" in stale.content.decode()
    assert CaseSummary.objects.get().text == "Second."
    assert CaseSummary.objects.get().versions.count() == 2


@pytest.mark.parametrize("who, status", [("outsider", 404), ("south_pa", 404), ("auditor", 403), ("head", 403)])
def test_who_may_not_change_the_case_summary(request, jordan, who, status):
    response = client_for(request.getfixturevalue(who)).post(
        reverse("contacts:summary-edit", args=[jordan.pk]), {"text": "Mine", "version": ""}
    )
    assert response.status_code == status
    assert not CaseSummary.objects.exists()


def test_the_case_facts_reader_gives_contacts_and_summary_dates_in_one_query_each(
    pa, other_pa, manager, jordan, sam, django_assert_num_queries, time_machine
):
    visit = contact(jordan, pa, dt.date(2026, 11, 1))
    call = contact(jordan, manager, dt.date(2026, 11, 2), kind="phone", direct=False, through_whom="Carer")
    attempt = contact(sam, other_pa, dt.date(2026, 10, 5), attempted=True, seen_alone=None)
    actions.update_summary(jordan, acting_user=pa, expected_version=None, text="One")
    actions.update_summary(jordan, acting_user=pa, expected_version=1, text="Two")  # same day: one date
    time_machine.move_to(dt.datetime(2026, 12, 1, 12, 0), tick=False)
    actions.update_summary(jordan, acting_user=pa, expected_version=2, text="Three")

    with django_assert_num_queries(2):
        facts = read_case_facts([jordan.pk, sam.pk])
    assert facts[jordan.pk]["contacts"] == [
        ContactFact(dt.date(2026, 11, 1), ContactKind.VISIT_AT_ACCOMMODATION, True, True, False, f"contact:{visit.pk}"),
        ContactFact(dt.date(2026, 11, 2), ContactKind.PHONE, False, False, False, f"contact:{call.pk}"),
    ]
    assert facts[jordan.pk]["summary_updated_on"] == [dt.date(2026, 11, 23), dt.date(2026, 12, 1)]
    assert facts[sam.pk]["contacts"] == [
        ContactFact(dt.date(2026, 10, 5), ContactKind.VISIT_AT_ACCOMMODATION, True, True, True, f"contact:{attempt.pk}")
    ]
    assert "summary_updated_on" not in facts[sam.pk]

    # Registered, so the duty engine's CaseFacts carry them.
    case_facts = case_facts_for([jordan, sam])
    assert [c.ref for c in case_facts[jordan.pk].contacts] == [f"contact:{visit.pk}", f"contact:{call.pk}"]
    assert case_facts[jordan.pk].summary_updated_on == (dt.date(2026, 11, 23), dt.date(2026, 12, 1))


def test_registered_sections_actions_and_record_links(jordan):
    sections = {key: (s.title, s.order) for key, s in extension.SECTIONS.items()}
    assert sections["contacts"] == ("Contacts and notes", 30)
    assert sections["chronology"] == ("Chronology", 40)
    assert sections["documents"] == ("Documents", 60)
    record = reverse("contacts:record", args=[jordan.pk])
    assert extension.action_link("record_visit", jordan.pk) == ("Record a visit", f"{record}?kind=visit_at_accommodation")
    assert extension.action_link("record_contact", jordan.pk) == ("Record a contact", record)
    assert extension.action_link("update_summary", jordan.pk)[1] == reverse("contacts:summary-edit", args=[jordan.pk])
    assert extension.record_url("contact:7", jordan.pk) == reverse("contacts:contact", args=[jordan.pk, 7])
    assert extension.record_url("note:8", jordan.pk) == reverse("contacts:note", args=[jordan.pk, 8])
    assert extension.record_url("document:9", jordan.pk) == reverse("contacts:document", args=[jordan.pk, 9])
    assert extension.record_url("summary:3", jordan.pk) == reverse("contacts:summary", args=[jordan.pk])


def test_a_contact_made_by_someone_whose_role_later_changes_keeps_its_personal_adviser_flag(pa, jordan):
    made = contact(jordan, pa, dt.date(2026, 11, 1))
    pa.role = "team_manager"
    pa.save()
    assert Contact.objects.get(pk=made.pk).by_personal_adviser is True
