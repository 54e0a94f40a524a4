"""Pages for the register, a young person's record, and their care history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.models import CASEWORK_ROLES, Role
from audit.display import describe_changes
from audit.models import AccessLog, AuditEvent
from audit.record import record_view
from casework.models import Allocation
from compliance.calendar import birthday
from compliance.categories import Category
from compliance.policy import describe_policy
from people import access, actions
from people.forms import CareEpisodeForm, HomeWithParentForm, RegisterFilterForm, YoungPersonForm
from people.models import CareEpisode, HomeWithParentPeriod, YoungPerson
from people.queries import filter_register, with_register_columns, workers_for_filter
from people.extension import young_person_context
from people.writes import save_with
from people.status import local_policy, status_for
from duties.views import whats_due

PAGE_SIZE = 50


def _register(request: HttpRequest, *, mine: bool) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    people = access.caseload(user, today) if mine else access.visible_young_people(user, today)
    form = RegisterFilterForm(request.GET or None, workers=workers_for_filter(user))
    filters = form.cleaned_data if form.is_valid() else {}
    results = with_register_columns(filter_register(people, filters, today), today)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/register.html",
        {
            "mine": mine,
            "form": form,
            "page": page,
            "today": today,
            "query": query,
            "sort": filters.get("sort") or "name",
            "filters_applied": sum(
                1 for name in ("team", "category", "age_band", "worker", "uasc") if filters.get(name)
            ) + (1 if filters.get("status") not in (None, "", "open") else 0),
            "show_worker_filter": not (mine or user.role in CASEWORK_ROLES),
            "can_add": access.can_manage(user),
            "category_labels": {c.value: c.label for c in Category},
        },
    )


def register(request: HttpRequest) -> HttpResponse:
    return _register(request, mine=False)


def my_young_people(request: HttpRequest) -> HttpResponse:
    return _register(request, mine=True)


def young_person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Overview: what is due, the leaving-care status and why, key dates, workers."""
    young_person = access.get_young_person_for(request.user, pk)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    context = young_person_context(request, young_person, active="overview")
    today = context["today"]
    policy = local_policy()
    # One person's status is cheap to compute, and computing it here shows exactly
    # what the stored timeline (used by lists) was written from.
    status = status_for(young_person, policy)
    from_14 = birthday(young_person.date_of_birth, 14, policy.leap_day_birthday_rule)
    allocations = list(
        Allocation.objects.filter(young_person=young_person).select_related("worker").order_by("-start", "-id")
    )
    current_allocations = [a for a in allocations if a.active_on(today)]
    return render(
        request,
        "people/detail.html",
        {
            **context,
            **whats_due(young_person, request.user, today),
            "current": status.span_on(today),
            "explanation": status.explain(today),
            "spans": [s for s in status.timeline if s.end is None or s.end > from_14],
            "key_dates": status.key_dates,
            "counted_days_at_exit": status.counted_days_at_exit,
            "allocations": allocations,
            "social_worker": next((a.worker for a in current_allocations if a.role == "social_worker"), None),
            "policy_in_force": describe_policy(policy),
        },
    )


def care_history(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_young_person_for(request.user, pk)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    return render(
        request,
        "people/care_history.html",
        {
            **young_person_context(request, young_person, active="care_history"),
            "episodes": list(young_person.episodes.all()),
            "home_periods": list(young_person.home_with_parent_periods.all()),
        },
    )


def personal_details(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_young_person_for(request.user, pk)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    return render(
        request, "people/personal_details.html", young_person_context(request, young_person, active="personal_details")
    )


def record_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every change to the record (who, when, what), and for managers who has looked at it."""
    young_person = access.get_young_person_for(request.user, pk)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    events = Paginator(
        AuditEvent.objects.filter(young_person=young_person).select_related("actor"), 50
    ).get_page(request.GET.get("page"))
    sees_views = request.user.role in (Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR)
    views = (
        AccessLog.objects.filter(young_person=young_person).select_related("user")[:50] if sees_views else []
    )
    return render(
        request,
        "people/history.html",
        {**young_person_context(request, young_person, active="history"), "events": events, "views": views,
         "sees_views": sees_views, "describe_changes": describe_changes},
    )


def _data(form: Any) -> dict[str, Any]:
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


def young_person_create(request: HttpRequest) -> HttpResponse:
    if not access.can_manage(request.user):
        raise PermissionDenied("Only a team manager or an administrator can add young people.")
    form = YoungPersonForm(request.POST or None, initial={"team": request.user.team_id})
    if request.method == "POST" and form.is_valid():
        young_person = save_with(form, actions.create_young_person, acting_user=request.user, **_data(form))
        if young_person:
            messages.success(request, f"{young_person.name} has been added")
            return redirect("people:detail", young_person.pk)
    return render(request, "people/young_person_form.html", {"form": form, "yp": None})


def young_person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    initial = {name: getattr(young_person, name) for name in actions.YOUNG_PERSON_FIELDS}
    initial.update(team=young_person.team_id, version=young_person.version)
    form = YoungPersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_with(
            form, actions.update_young_person, young_person, acting_user=request.user,
            expected_version=form.cleaned_data["version"], **_data(form),
        )
        if saved:
            messages.success(request, "Personal details saved")
            return redirect("people:personal-details", saved.pk)
    return render(request, "people/young_person_form.html", {"form": form, "yp": young_person})


def episode_form(request: HttpRequest, pk: int, episode_id: int | None = None) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    episode = get_object_or_404(CareEpisode, pk=episode_id, young_person=young_person) if episode_id else None
    initial = {name: getattr(episode, name) for name in actions.EPISODE_FIELDS} if episode else {}
    if episode:
        initial["version"] = episode.version
    form = CareEpisodeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if episode:
            saved = save_with(form, actions.update_care_episode, episode, acting_user=request.user,
                          expected_version=form.cleaned_data["version"], **_data(form))
        else:
            saved = save_with(form, actions.add_care_episode, young_person, acting_user=request.user, **_data(form))
        if saved:
            messages.success(request, "Care episode saved")
            return redirect("people:care-history", young_person.pk)
    return render(request, "people/episode_form.html", {"form": form, "yp": young_person, "episode": episode})


def home_period_form(request: HttpRequest, pk: int, period_id: int | None = None) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    period = (
        get_object_or_404(HomeWithParentPeriod, pk=period_id, young_person=young_person) if period_id else None
    )
    initial = {"start": period.start, "end": period.end, "version": period.version} if period else {}
    form = HomeWithParentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = _data(form)
        if period:
            saved = save_with(form, actions.update_home_with_parent, period, acting_user=request.user,
                          expected_version=form.cleaned_data["version"], **data)
        else:
            saved = save_with(form, actions.record_home_with_parent, young_person, acting_user=request.user, **data)
        if saved:
            messages.success(request, "Living with a parent saved")
            return redirect("people:care-history", young_person.pk)
    return render(request, "people/home_period_form.html", {"form": form, "yp": young_person, "period": period})
