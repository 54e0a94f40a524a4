"""The chronology: every registered source's entries, newest first, filterable by kind."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from contacts import actions
from contacts.chronology import kind_label
from contacts.forms import ChronologyEntryForm, ChronologyFilterForm
from contacts.models import ChronologyEntry
from contacts.views.common import add_and_change_views, record_page, visible
from people.extension import chronology_for

PAGE_SIZE = 100


def page(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = visible(request, pk)
    items = chronology_for(young_person)
    kinds = sorted({item.kind for item in items}, key=kind_label)
    form = ChronologyFilterForm(request.GET or None, kinds=[(k, kind_label(k)) for k in kinds])
    chosen = set(form.cleaned_data["kind"]) if form.is_valid() else set()
    shown = [item for item in items if item.kind in chosen] if chosen else items
    query = request.GET.copy()
    query.pop("page", None)
    return record_page(
        request, young_person, "contacts/chronology.html", "chronology",
        page=Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page")),
        total=len(items), filter_form=form, chosen=chosen, kind_label=kind_label, query=query.urlencode(),
    )


def detail(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    young_person = visible(request, pk)
    entry = get_object_or_404(ChronologyEntry.objects.select_related("recorded_by"), pk=entry_id, young_person=young_person)
    return record_page(request, young_person, "contacts/chronology_entry_detail.html", "chronology", entry=entry)


create, edit = add_and_change_views(
    model=ChronologyEntry, form_class=ChronologyEntryForm,
    create=actions.add_chronology_entry, update=actions.update_chronology_entry,
    template="contacts/chronology_entry_form.html", back_to="contacts:chronology", saved_message="Chronology entry saved",
)
