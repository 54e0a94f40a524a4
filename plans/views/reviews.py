"""Pages for pathway plan reviews, the review involvement form and requests for a review."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from people.models import YoungPerson
from plans import actions
from plans.actions.common import long_date
from plans.forms import InvolvementForm, ReviewForm, ReviewRequestForm, date_hint
from plans.models import PathwayPlanVersion, PlanReview, ReviewRequest
from plans.views.common import blocked_page, editable, form_page, readable, record_page, save


def _review_form(request: HttpRequest, young_person: YoungPerson, review: PlanReview | None) -> ReviewForm:
    """The versions a review can point to: any not already from another review."""
    versions = list(
        PathwayPlanVersion.objects.filter(plan__young_person=young_person)
        .exclude(from_reviews__in=PlanReview.objects.exclude(pk=getattr(review, "pk", None)))
        .order_by("-number")
    )
    latest = actions.latest_version(young_person)
    if latest is None:
        can_start = "Start version 1 of the plan now"
    elif not latest.is_draft:
        can_start = f"Start version {latest.number + 1} now, copying version {latest.number}"
    else:
        can_start = None
    initial = {}
    if review:
        initial = {name: getattr(review, name) for name in ("held_on", "reason", "attended", "outcome")}
        initial.update(version=review.version, new_version=str(review.new_version_id or ""))
    form = ReviewForm(request.POST or None, initial=initial, versions=versions, can_start=can_start)
    first_agreed = actions.first_agreed_on(young_person)
    if first_agreed is not None:
        form.fields["held_on"].help_text = date_hint(
            f"The day the review meeting was held: on or after {long_date(first_agreed)}, when the pathway plan "
            "was first agreed"
        )
    return form


def _no_plan_to_review(request: HttpRequest, young_person: YoungPerson) -> HttpResponse:
    latest = actions.latest_version(young_person)
    if latest is not None:  # a draft: agreeing it is the next step
        action = (f"Agree version {latest.number}", reverse("plans:version-agree", args=[young_person.pk, latest.pk]))
    else:
        action = ("Start the pathway plan", reverse("plans:version-new", args=[young_person.pk]))
    return blocked_page(
        request, young_person, heading="There is no agreed pathway plan to review",
        explanation="A review looks again at an agreed pathway plan. Agree the plan before recording a review.",
        caption=f"{young_person.name} ({young_person.child_id})", action=action,
        back=("Back to plans and reviews", reverse("plans:index", args=[young_person.pk])),
    )


def review_new(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = editable(request, pk)
    if actions.first_agreed_on(young_person) is None:
        return _no_plan_to_review(request, young_person)
    form = _review_form(request, young_person, None)
    if request.method == "POST" and form.is_valid():
        review = save(form, actions.record_review, young_person, acting_user=request.user, **form.action_data())
        if review:
            messages.success(request, "Review saved. Now record how the young person and others took part")
            return redirect("plans:review-involvement", young_person.pk, review.pk)
    return form_page(request, "plans/review_form.html", young_person, form, review=None,
                     open_requests=list(ReviewRequest.objects.filter(young_person=young_person, answered_by=None)))


def review_edit(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    young_person = editable(request, pk)
    review = get_object_or_404(PlanReview, pk=review_id, young_person=young_person)
    form = _review_form(request, young_person, review)
    if request.method == "POST" and form.is_valid():
        saved = save(form, actions.update_review, review, acting_user=request.user,
                     expected_version=form.cleaned_data["version"], **form.action_data())
        if saved:
            messages.success(request, "Review saved")
            return redirect("plans:review", young_person.pk, review.pk)
    return form_page(request, "plans/review_form.html", young_person, form, review=review, open_requests=[])


def review_detail(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    young_person = readable(request, pk)
    review = get_object_or_404(
        PlanReview.objects.select_related("new_version", "recorded_by"), pk=review_id, young_person=young_person
    )
    return record_page(request, "plans/review.html", young_person, review=review,
                       answered=list(review.answered_requests.all()))


def review_involvement(request: HttpRequest, pk: int, review_id: int) -> HttpResponse:
    young_person = editable(request, pk)
    review = get_object_or_404(PlanReview, pk=review_id, young_person=young_person)
    names = ("young_person_involvement", "young_person_views", "others_involvement")
    form = InvolvementForm(request.POST or None, initial={"version": review.version, **{n: getattr(review, n) for n in names}})
    if request.method == "POST" and form.is_valid():
        saved = save(form, actions.record_review_involvement, review, acting_user=request.user,
                     expected_version=form.cleaned_data["version"], **{n: form.cleaned_data[n] for n in names})
        if saved:
            messages.success(request, "Review involvement saved")
            return redirect("plans:review", young_person.pk, review.pk)
    return form_page(request, "plans/involvement_form.html", young_person, form, review=review)


def latest_review_involvement(request: HttpRequest, pk: int) -> HttpResponse:
    """A stable link for the duty engine: the involvement form of the latest review."""
    young_person = readable(request, pk)
    latest = PlanReview.objects.filter(young_person=young_person).order_by("-held_on", "-id").first()
    if latest is None:
        return redirect("plans:review-new", young_person.pk)
    return redirect("plans:review-involvement", young_person.pk, latest.pk)


def request_new(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = editable(request, pk)
    form = ReviewRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = save(form, actions.record_review_request, young_person, acting_user=request.user, **form.cleaned_data)
        if saved:
            messages.success(request, "Request for a review saved")
            return redirect("plans:index", young_person.pk)
    return form_page(request, "plans/request_form.html", young_person, form)


def request_detail(request: HttpRequest, pk: int, request_id: int) -> HttpResponse:
    young_person = readable(request, pk)
    review_request = get_object_or_404(
        ReviewRequest.objects.select_related("answered_by", "recorded_by"), pk=request_id, young_person=young_person
    )
    return record_page(request, "plans/request.html", young_person, review_request=review_request)
