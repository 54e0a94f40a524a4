"""Case notes: dated, with a subject; significant ones also show in the chronology."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from contacts import actions
from contacts.forms import CaseNoteForm
from contacts.models import CaseNote
from contacts.views.common import add_and_change_views, record_page, visible


def detail(request: HttpRequest, pk: int, note_id: int) -> HttpResponse:
    young_person = visible(request, pk)
    note = get_object_or_404(CaseNote.objects.select_related("written_by"), pk=note_id, young_person=young_person)
    return record_page(request, young_person, "contacts/note_detail.html", "contacts", note=note)


create, edit = add_and_change_views(
    model=CaseNote, form_class=CaseNoteForm, create=actions.add_case_note, update=actions.update_case_note,
    template="contacts/note_form.html", back_to="contacts:section", saved_message="Case note saved",
)
