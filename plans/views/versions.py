"""Pages for the pathway plan's versions: start, edit, agree, sign, authorise, hand over, download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from audit.record import record_view
from people.models import YoungPerson
from plans import actions
from plans.coverage import coverage, shown_matters
from plans.forms import (
    AgreeForm,
    AuthoriseForm,
    ConfirmForm,
    CopyGivenForm,
    PlanVersionForm,
    SignOffForm,
    version_initial,
)
from plans.models import PathwayPlanVersion
from plans.pdf import plan_pdf
from plans.views.common import authorising, editable, form_page, readable, record_page, save


def _version(young_person: YoungPerson, version_id: int) -> PathwayPlanVersion:
    return get_object_or_404(
        PathwayPlanVersion.objects.select_related("plan", "worker_signed_by", "authorised_by", "based_on"),
        pk=version_id, plan__young_person=young_person,
    )


def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = editable(request, pk)
    previous = actions.latest_version(young_person)
    if previous is not None and previous.is_draft:
        return redirect("plans:version-edit", young_person.pk, previous.pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        version = save(form, actions.start_version, young_person, acting_user=request.user)
        if version:
            messages.success(request, f"Version {version.number} started")
            return redirect("plans:version-edit", young_person.pk, version.pk)
    return form_page(request, "plans/version_new.html", young_person, form, previous=previous)


def version_detail(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    young_person = readable(request, pk)
    version = _version(young_person, version_id)
    return record_page(
        request, "plans/version.html", young_person, version=version,
        coverage=coverage(version, young_person.uasc),
        from_reviews=list(version.from_reviews.all()),
        latest=actions.latest_version(young_person),
    )


def version_edit(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    young_person = editable(request, pk)
    version = _version(young_person, version_id)
    if not version.is_draft and request.method != "POST":
        return redirect("plans:version", young_person.pk, version.pk)
    matters = shown_matters(young_person.uasc, version)
    form = PlanVersionForm(request.POST or None, initial=version_initial(version, matters), matters=matters)
    if request.method == "POST" and form.is_valid():
        saved = save(form, actions.update_version, version, acting_user=request.user,
                     expected_version=form.cleaned_data["version"], sections=form.sections_data(),
                     **form.content_data())
        if saved:
            messages.success(request, f"Version {version.number} saved")
            return redirect("plans:version", young_person.pk, version.pk)
    return form_page(request, "plans/version_form.html", young_person, form, version=version)


def _version_step(
    request: HttpRequest, pk: int, version_id: int, *, form_class: Any, action: Any, done: str,
    template: str = "plans/version_step_form.html", loader: Any = editable, extra: Any = None, **context: Any,
) -> HttpResponse:
    """The one-step forms on a version (agree, sign, authorise, copy given): a date and how."""
    young_person = loader(request, pk)
    version = _version(young_person, version_id)
    if extra:
        context.update(extra(young_person, version))
    names = [n for n in form_class.base_fields if n != "version"]
    form = form_class(request.POST or None, initial={"version": version.version, **{n: getattr(version, n) for n in names}})
    if request.method == "POST" and form.is_valid():
        data = {n: form.cleaned_data[n] for n in names}
        saved = save(form, action, version, acting_user=request.user, expected_version=form.cleaned_data["version"], **data)
        if saved:
            messages.success(request, done.format(number=version.number))
            return redirect("plans:version", young_person.pk, version.pk)
    return form_page(request, template, young_person, form, version=version, **context)


def version_agree(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=AgreeForm, action=actions.agree_version,
                         done="Version {number} agreed", template="plans/version_agree.html", heading="Agree this version",
                         extra=lambda yp, version: {"coverage": coverage(version, yp.uasc)})


def version_sign(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=SignOffForm, action=actions.sign_version,
                         done="Sign-off of version {number} saved", heading="Record sign-off",
                         hint="If you record the worker's sign-off, you are signing as the worker.")


def version_authorise(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=AuthoriseForm, action=actions.authorise_version,
                         done="Version {number} authorised", heading="Authorise this version", loader=authorising)


def version_copy_given(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=CopyGivenForm, action=actions.record_copy_given,
                         done="Copy of version {number} recorded", heading="Record that they were given a copy")


def version_pdf(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    young_person = readable(request, pk)
    version = _version(young_person, version_id)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    response = HttpResponse(plan_pdf(young_person, version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="pathway-plan-{young_person.child_id}-v{version.number}.pdf"'
    return response


CURRENT_STEPS = {"sign": "plans:version-sign", "authorise": "plans:version-authorise", "copy-given": "plans:version-copy"}


def current_version_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Stable links for the duty engine's actions: the step on the version in force, or the draft."""
    young_person = readable(request, pk)
    latest = actions.latest_version(young_person)
    if step == "edit":
        if latest is not None and latest.is_draft:
            return redirect("plans:version-edit", young_person.pk, latest.pk)
        return redirect("plans:version-new", young_person.pk)
    if step not in CURRENT_STEPS:
        raise Http404("No such step")
    agreed = (
        PathwayPlanVersion.objects.filter(plan__young_person=young_person, agreed_on__isnull=False)
        .order_by("-number").first()
    )
    if agreed is None:  # nothing to sign or hand over yet: the plans page says what to do next
        return redirect("plans:index", young_person.pk)
    return redirect(CURRENT_STEPS[step], young_person.pk, agreed.pk)
