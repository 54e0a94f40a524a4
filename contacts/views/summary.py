"""The case summary: one per young person, with every earlier text kept and shown."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from contacts import actions
from contacts.forms import CaseSummaryForm
from contacts.models import CaseSummary
from contacts.views.common import record_page, safe_next, save_with, visible
from people import access


def page(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = visible(request, pk)
    summary = CaseSummary.objects.filter(young_person=young_person).select_related("updated_by").first()
    versions = list(summary.versions.select_related("saved_by")) if summary else []
    return record_page(request, young_person, "contacts/summary.html", "contacts", summary=summary, versions=versions)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    summary = CaseSummary.objects.filter(young_person=young_person).first()
    initial = {"text": summary.text, "version": summary.version} if summary else {}
    form = CaseSummaryForm(request.POST or None, initial=initial)
    back = safe_next(request)
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.update_summary, young_person, acting_user=request.user,
                          expected_version=form.cleaned_data["version"], text=form.cleaned_data["text"])
        if saved:
            messages.success(request, "Case summary saved")
            return redirect(back or reverse("contacts:summary", args=[young_person.pk]))
    return render(request, "contacts/summary_form.html", {
        "form": form, "yp": young_person, "record": summary, "next": back,
        "cancel_url": back or reverse("contacts:summary", args=[young_person.pk]),
    })
