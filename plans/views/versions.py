"""Pages for the pathway plan's versions: start, edit, agree, sign, authorise, hand over, download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from audit.record import record_view
from people.models import YoungPerson
from plans import actions
from plans.actions.common import long_date
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
from plans.views.common import authorising, blocked_page, editable, form_page, readable, record_page, save


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


def _blocked(request: HttpRequest, young_person: YoungPerson, version: PathwayPlanVersion, **why: Any) -> HttpResponse:
    return blocked_page(
        request, young_person, caption=f"{young_person.name} ({young_person.child_id}): pathway plan version {version.number}",
        back=(f"Back to version {version.number}", reverse("plans:version", args=[young_person.pk, version.pk])), **why,
    )


def _agreed_first(doing: str) -> Any:
    """A guard for the steps on an agreed version: on a draft, say to agree it first."""
    def guard(request: HttpRequest, young_person: YoungPerson, version: PathwayPlanVersion) -> HttpResponse | None:
        if not version.is_draft:
            return None
        return _blocked(
            request, young_person, version, heading=actions.not_agreed_message(version, doing),
            explanation=f"Version {version.number} is still a draft. Sign-off, authorisation and the copy given "
            "are recorded on a version once it has been agreed.",
            action=(f"Agree version {version.number}", reverse("plans:version-agree", args=[young_person.pk, version.pk])),
        )
    return guard


def _written_first(request: HttpRequest, young_person: YoungPerson, version: PathwayPlanVersion) -> HttpResponse | None:
    """A guard for agreeing: a draft that covers nothing is not offered for agreement."""
    if not (version.is_draft and actions.covers_nothing(version, young_person)):
        return None
    return _blocked(
        request, young_person, version, heading=f"Write version {version.number} before agreeing it",
        explanation=f"{actions.empty_plan_message(version)}. A plan says what they need, what will be done, "
        "who will do it and by when.",
        action=("Change the draft", reverse("plans:version-edit", args=[young_person.pk, version.pk])),
    )


def _version_step(
    request: HttpRequest, pk: int, version_id: int, *, form_class: Any, action: Any, done: str,
    template: str = "plans/version_step_form.html", loader: Any = editable, extra: Any = None,
    guard: Any = None, **context: Any,
) -> HttpResponse:
    """The one-step forms on a version (agree, sign, authorise, copy given): a date and how.
    ``guard`` returns a page saying what to do first when the step cannot be taken yet."""
    young_person = loader(request, pk)
    version = _version(young_person, version_id)
    blocked = guard(request, young_person, version) if guard else None
    if blocked is not None:
        return blocked
    names = [n for n in form_class.base_fields if n != "version"]
    form = form_class(request.POST or None, initial={"version": version.version, **{n: getattr(version, n) for n in names}})
    if extra:
        context.update(extra(young_person, version, form))
    if request.method == "POST" and form.is_valid():
        data = {n: form.cleaned_data[n] for n in names}
        saved = save(form, action, version, acting_user=request.user, expected_version=form.cleaned_data["version"], **data)
        if saved:
            messages.success(request, done.format(number=version.number))
            return redirect("plans:version", young_person.pk, version.pk)
    return form_page(request, template, young_person, form, version=version, **context)


def _agree_context(young_person: YoungPerson, version: PathwayPlanVersion, form: AgreeForm) -> dict[str, Any]:
    form.explain_earliest(*actions.earliest_agreement(young_person, version))
    return {"coverage": coverage(version, young_person.uasc)}


def version_agree(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=AgreeForm, action=actions.agree_version,
                         done="Version {number} agreed", template="plans/version_agree.html", heading="Agree this version",
                         extra=_agree_context, guard=_written_first)


def _sign_context(young_person: YoungPerson, version: PathwayPlanVersion, form: SignOffForm) -> dict[str, Any]:
    hint = "If you record the worker's sign-off, you are signing as the worker."
    if version.authorised_on:
        hint += (f" A manager authorised this version on {long_date(version.authorised_on)}: you can add a sign-off "
                 "that is missing, but not change one recorded before then.")
    return {"hint": hint}


def version_sign(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=SignOffForm, action=actions.sign_version,
                         done="Sign-off of version {number} saved", heading="Record sign-off", guard=_agreed_first(actions.SIGNING),
                         extra=_sign_context)


def _authorise_context(young_person: YoungPerson, version: PathwayPlanVersion, form: AuthoriseForm) -> dict[str, Any]:
    return {"coverage": coverage(version, young_person.uasc), "empty": actions.covers_nothing(version, young_person)}


def version_authorise(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=AuthoriseForm, action=actions.authorise_version,
                         done="Version {number} authorised", heading="Authorise this version", loader=authorising,
                         template="plans/version_authorise.html", guard=_agreed_first(actions.AUTHORISING), extra=_authorise_context)


def version_copy_given(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _version_step(request, pk, version_id, form_class=CopyGivenForm, action=actions.record_copy_given,
                         done="Copy of version {number} recorded", heading="Record that they were given a copy",
                         guard=_agreed_first(actions.HANDING_OVER))


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
    # The version in force, even while a later draft is written. With only a draft, its
    # page says to agree it first; with no plan at all, the plans page says what to do.
    target = agreed or latest
    if target is None:
        return redirect("plans:index", young_person.pk)
    return redirect(CURRENT_STEPS[step], young_person.pk, target.pk)
