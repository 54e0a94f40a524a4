"""Pages for a young person's accommodation, activity, staying put, what they told the
council, programmes past 21 and periods of detention or hospital stay."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import Model, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from audit.record import record_view
from circumstances import actions, forms, models
from circumstances.extension import section_url
from people import access
from people.extension import young_person_context
from people.writes import save_with

SECTION_KEY = "circumstances"


@dataclass(frozen=True)
class RecordPage:
    """One kind of record's add and change pages."""

    model: type[Model]
    form: type[forms.CircumstanceForm]
    record: Any  # action(young_person, acting_user=..., **fields)
    update: Any  # action(obj, acting_user=..., expected_version=..., **fields)
    add_title: str
    change_title: str
    saved: str
    anchor: str


PAGES = {
    "accommodation": RecordPage(
        models.AccommodationSpell, forms.AccommodationForm, actions.record_accommodation, actions.update_accommodation,
        "Record a move", "Change accommodation", "Accommodation saved", "accommodation",
    ),
    "activity": RecordPage(
        models.ActivitySpell, forms.ActivityForm, actions.record_activity, actions.update_activity,
        "Record education, training or employment", "Change an activity", "Activity saved", "activity",
    ),
    "staying_put": RecordPage(
        models.StayingPutArrangement, forms.StayingPutForm, actions.record_staying_put, actions.update_staying_put,
        "Record a staying put arrangement", "Change a staying put arrangement", "Staying put arrangement saved",
        "staying-put",
    ),
    "declaration": RecordPage(
        models.Declaration, forms.DeclarationForm, actions.record_declaration, actions.update_declaration,
        "Record what they told the council", "Change what they told the council", "Saved", "declarations",
    ),
    "education_programme": RecordPage(
        models.EducationProgramme, forms.EducationProgrammeForm, actions.record_education_programme,
        actions.update_education_programme, "Record a programme running past 21",
        "Change a programme running past 21", "Programme saved", "programmes",
    ),
    "detention": RecordPage(
        models.DetentionPeriod, forms.DetentionForm, actions.record_detention, actions.update_detention,
        "Record detention or a hospital stay", "Change a period of detention or hospital stay", "Saved", "detention",
    ),
}


def form_fields(form: Any) -> dict[str, Any]:
    return {name: value for name, value in form.cleaned_data.items() if name != "version"}


def form_page(
    request: HttpRequest, form: Any, young_person: Any, *, title: str, cancel_url: str,
    intro: tuple[str, ...] = (), submit_text: str = "Save",
) -> HttpResponse:
    """A form for one record of a young person (circumstances/record_form.html)."""
    return render(request, "circumstances/record_form.html", {
        "form": form, "yp": young_person, "title": title, "cancel_url": cancel_url, "intro": intro,
        "submit_text": submit_text,
    })


def _back(young_person: Any, anchor: str) -> HttpResponse:
    return redirect(section_url(young_person.pk, anchor))


def record_form(request: HttpRequest, pk: int, kind: str, record_id: int | None = None) -> HttpResponse:
    """Add (no record_id) or change one record of the given kind."""
    page = PAGES[kind]
    young_person = access.get_editable_young_person_for(request.user, pk)
    obj = get_object_or_404(page.model, pk=record_id, young_person=young_person) if record_id else None
    initial = {name: getattr(obj, name) for name in page.form.base_fields} if obj else {}
    form = page.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if obj is not None:
            saved = save_with(form, page.update, obj, acting_user=request.user,
                         expected_version=form.cleaned_data["version"], **form_fields(form))
        else:
            saved = save_with(form, page.record, young_person, acting_user=request.user, **form_fields(form))
        if saved is not None:
            messages.success(request, page.saved)
            return _back(young_person, page.anchor)
    return form_page(request, form, young_person, title=page.change_title if obj else page.add_title,
                     cancel_url=section_url(young_person.pk, page.anchor))


def staying_put_review(request: HttpRequest, pk: int, arrangement_id: int | None = None) -> HttpResponse:
    """Record a review of an arrangement; without one named, of the latest arrangement."""
    young_person = access.get_editable_young_person_for(request.user, pk)
    arrangements = models.StayingPutArrangement.objects.filter(young_person=young_person)
    if arrangement_id is None:
        arrangement = arrangements.order_by("-start", "-id").first()
        if arrangement is None:
            messages.info(request, "Record the staying put arrangement before its review")
            return redirect("circumstances:staying-put-create", young_person.pk)
    else:
        arrangement = get_object_or_404(arrangements, pk=arrangement_id)
    form = forms.StayingPutReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.record_staying_put_review, arrangement, acting_user=request.user, **form_fields(form))
        if saved is not None:
            messages.success(request, "Review saved")
            return _back(young_person, "staying-put")
    return form_page(request, form, young_person, title=f"Record a review of staying put with {arrangement.carer}",
                     cancel_url=section_url(young_person.pk, "staying-put"))


def section(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_young_person_for(request.user, pk)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    reviews = Prefetch("reviews", queryset=models.StayingPutReview.objects.order_by("-reviewed_on", "-id"))
    return render(request, "circumstances/section.html", {
        **young_person_context(request, young_person, active=SECTION_KEY),
        "accommodation": young_person.accommodation_spells.order_by("-start", "-id"),
        "activities": young_person.activity_spells.order_by("-start", "-id"),
        "staying_put": young_person.staying_put_arrangements.order_by("-start", "-id").prefetch_related(reviews),
        "declarations": young_person.declarations.order_by("-told_on", "-id"),
        "programmes": young_person.education_programmes.order_by("-ends_on", "-id"),
        "detention": young_person.detention_periods.order_by("-start", "-id"),
    })
