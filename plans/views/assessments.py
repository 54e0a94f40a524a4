"""Pages for needs assessments."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from plans import actions
from plans.actions.assessments import ASSESSMENT_FIELDS
from plans.forms import AssessmentForm, AuthoriseForm
from plans.models import NeedsAssessment
from plans.views.common import authorising, editable, form_page, readable, record_page, save


def _data(form: AssessmentForm) -> dict:
    return {name: form.cleaned_data[name] for name in ASSESSMENT_FIELDS}


def assessment_new(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = editable(request, pk)
    form = AssessmentForm(request.POST or None, initial={"author": request.user.pk})
    if request.method == "POST" and form.is_valid():
        assessment = save(form, actions.record_assessment, young_person, acting_user=request.user, **_data(form))
        if assessment:
            messages.success(request, "Needs assessment saved")
            return redirect("plans:assessment", young_person.pk, assessment.pk)
    return form_page(request, "plans/assessment_form.html", young_person, form, assessment=None)


def assessment_detail(request: HttpRequest, pk: int, assessment_id: int) -> HttpResponse:
    young_person = readable(request, pk)
    assessment = get_object_or_404(
        NeedsAssessment.objects.select_related("author", "authorised_by"), pk=assessment_id, young_person=young_person
    )
    return record_page(request, "plans/assessment.html", young_person, assessment=assessment)


def assessment_edit(request: HttpRequest, pk: int, assessment_id: int) -> HttpResponse:
    young_person = editable(request, pk)
    assessment = get_object_or_404(NeedsAssessment, pk=assessment_id, young_person=young_person)
    if assessment.is_authorised and request.method != "POST":
        return redirect("plans:assessment", young_person.pk, assessment.pk)
    initial = {name: getattr(assessment, name) for name in ASSESSMENT_FIELDS}
    initial.update(author=assessment.author_id, version=assessment.version)
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save(form, actions.update_assessment, assessment, acting_user=request.user,
                     expected_version=form.cleaned_data["version"], **_data(form))
        if saved:
            messages.success(request, "Needs assessment saved")
            return redirect("plans:assessment", young_person.pk, assessment.pk)
    return form_page(request, "plans/assessment_form.html", young_person, form, assessment=assessment)


def assessment_authorise(request: HttpRequest, pk: int, assessment_id: int) -> HttpResponse:
    young_person = authorising(request, pk)
    assessment = get_object_or_404(NeedsAssessment, pk=assessment_id, young_person=young_person)
    form = AuthoriseForm(request.POST or None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        saved = save(form, actions.authorise_assessment, assessment, acting_user=request.user,
                     expected_version=form.cleaned_data["version"], authorised_on=form.cleaned_data["authorised_on"])
        if saved:
            messages.success(request, "Needs assessment authorised")
            return redirect("plans:assessment", young_person.pk, assessment.pk)
    return form_page(request, "plans/authorise_form.html", young_person, form,
                     heading="Authorise the needs assessment", record=assessment,
                     back=("plans:assessment", assessment.pk))
