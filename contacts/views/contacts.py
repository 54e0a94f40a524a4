"""The Contacts and notes section, and recording a contact or visit in one short form."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from contacts import actions
from contacts.forms import ContactForm
from contacts.models import CaseNote, CaseSummary, Contact, ContactKindChoice
from contacts.views.common import form_page, record_page, visible
from people import access

PAGE_SIZE = 25


def section(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = visible(request, pk)
    contacts = Contact.objects.filter(young_person=young_person).select_related("worker")
    notes = CaseNote.objects.filter(young_person=young_person).select_related("written_by")
    return record_page(
        request, young_person, "contacts/section.html", "contacts",
        contacts=Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("contacts_page")),
        notes=Paginator(notes, PAGE_SIZE).get_page(request.GET.get("notes_page")),
        summary=CaseSummary.objects.filter(young_person=young_person).select_related("updated_by").first(),
    )


def detail(request: HttpRequest, pk: int, contact_id: int) -> HttpResponse:
    young_person = visible(request, pk)
    contact = get_object_or_404(
        Contact.objects.select_related("worker", "recorded_by"), pk=contact_id, young_person=young_person
    )
    return record_page(request, young_person, "contacts/contact_detail.html", "contacts", contact=contact)


def _contact_form_page(request: HttpRequest, pk: int, contact_id: int | None) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    kind = request.GET.get("kind")
    return form_page(
        request, pk, model=Contact, record_id=contact_id, form_class=ContactForm,
        create=actions.record_contact, update=actions.update_contact,
        template="contacts/contact_form.html", back_to="contacts:section",
        saved_message=f"Contact saved for {young_person.name}",
        initial=ContactForm.initial_from,
        # Quick on a phone: today's date, the signed-in worker, and the usual answers.
        new_initial={
            "on": timezone.localdate(),
            "kind": kind if kind in ContactKindChoice.values else None,
            "outcome": "happened",
            "with_whom": "young_person",
            "worker": request.user.pk,
        },
        form_kwargs={"young_person": young_person, "user": request.user},
        young_person=young_person,
    )


def record(request: HttpRequest, pk: int) -> HttpResponse:
    return _contact_form_page(request, pk, None)


def edit(request: HttpRequest, pk: int, contact_id: int) -> HttpResponse:
    return _contact_form_page(request, pk, contact_id)
