"""Pages for workers' absences and vacant posts: the team's list, and the forms that
record, change, withdraw or fill them.

Team managers see and change their own team's; heads of service and administrators any
team's; auditors see every team's but change nothing (403 on the forms). Anyone else gets
404, as the pages hold staff's personal details (ARCHITECTURE.md "Trust").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, Team, User
from oversight import staffing_actions as actions
from oversight.staffing_forms import AbsenceForm, FillVacancyForm, VacancyForm, WithdrawForm, casework_staff
from oversight.staffing_models import Vacancy, WorkerAbsence, fte_text
from people.writes import save_with

FTE_INPUT = {"fte": {"classes": "govuk-input--width-4"}}


def _viewer(request: HttpRequest) -> User:
    user = request.user
    allowed = user.is_authenticated and user.is_active and user.role in actions.STAFFING_VIEWERS
    if not allowed or (user.role == Role.TEAM_MANAGER and not user.team_id):
        raise Http404("No such page")
    return user


def _editor(request: HttpRequest) -> User:
    user = _viewer(request)
    if user.role not in actions.STAFFING_EDITORS:
        raise PermissionDenied("Auditors can see absences and vacancies but not change them.")
    return user


def _own_team(user: User) -> dict[str, Any]:
    """The filter narrowing records to what this user may see: a manager's own team."""
    return {"team_id": user.team_id} if user.role == Role.TEAM_MANAGER else {}


def _teams(user: User) -> QuerySet[Team]:
    return Team.objects.filter(pk=user.team_id) if user.role == Role.TEAM_MANAGER else Team.objects.all()


def _absence(user: User, pk: int) -> WorkerAbsence:
    scope = {f"worker__{k}": v for k, v in _own_team(user).items()}
    return get_object_or_404(WorkerAbsence.objects.select_related("worker", "cover_worker"), pk=pk, withdrawn=False, **scope)


def _vacancy(user: User, pk: int) -> Vacancy:
    return get_object_or_404(Vacancy.objects.select_related("team"), pk=pk, withdrawn=False, **_own_team(user))


def _back(request: HttpRequest) -> str:
    """Back to the caseloads page when the form was opened from it, otherwise the list."""
    return reverse("oversight:caseloads" if request.GET.get("from") == "caseloads" else "oversight:staffing")


def _form(
    request: HttpRequest, form: Any, action: Any, *args: Any, title: str, saved: str, submit_text: str = "Save",
    intro: tuple[str, ...] = (), **extra: Any,
) -> HttpResponse:
    """Run ``action`` with the form's fields once valid; otherwise show the form (again)."""
    if request.method == "POST" and form.is_valid():
        fields = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        if args:  # changing a record: refuse the save if it changed since the form was opened
            fields["expected_version"] = form.cleaned_data["version"]
        if save_with(form, action, *args, acting_user=request.user, **extra, **fields) is not None:
            messages.success(request, saved)
            return redirect(_back(request))
    return render(request, "oversight/staffing_form.html", {
        "form": form, "title": title, "intro": intro, "submit_text": submit_text, "cancel_url": _back(request),
        "field_options": FTE_INPUT,
    })


def _posted(request: HttpRequest) -> Any:
    # Not `request.POST or None`: a POST with nothing ticked or typed must still show its errors.
    return request.POST if request.method == "POST" else None


def _initial(obj: Any, names: Any) -> dict[str, Any]:
    return {"version": obj.version, **{name: getattr(obj, name) for name in names}}


# -- the list -------------------------------------------------------------------------------


def staffing_page(request: HttpRequest) -> HttpResponse:
    user = _viewer(request)
    today = timezone.localdate()
    teams = _teams(user)
    team = teams.first() if user.role == Role.TEAM_MANAGER else None
    if team is None and request.GET.get("team", "").isdigit():
        team = teams.filter(pk=int(request.GET["team"])).first()
    absences = (
        WorkerAbsence.objects.in_force().filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("worker__team", "cover_worker").order_by("starts_on", "worker__first_name", "id")
    )
    vacancies = Vacancy.objects.open_or_upcoming(today).select_related("team").order_by("open_on", "team__name", "id")
    if team is not None:
        absences, vacancies = absences.filter(worker__team=team), vacancies.filter(team=team)
    absences = list(absences)
    covers = {a.cover_worker_id for a in absences if a.cover_worker_id and a.starts_on <= today}
    covers_absent = set(WorkerAbsence.objects.on(today).filter(worker_id__in=covers).values_list("worker_id", flat=True))
    vacancies = list(vacancies)
    vacant_now = [v for v in vacancies if v.open_on <= today]
    return render(request, "oversight/staffing.html", {
        "today": today,
        "teams": teams if user.role != Role.TEAM_MANAGER else [],
        "team": team,
        "current": [(a, a.cover_worker_id is None or a.cover_worker_id in covers_absent)
                    for a in absences if a.starts_on <= today],
        "upcoming": [(a, False) for a in absences if a.starts_on > today],
        "vacancies": vacancies,
        "vacant_fte": fte_text(sum((v.fte for v in vacant_now), Decimal("0"))),
        "vacant_posts": len(vacant_now),
        "can_change": user.role in actions.STAFFING_EDITORS,
    })


# -- absences -------------------------------------------------------------------------------


def absence_new(request: HttpRequest) -> HttpResponse:
    user = _editor(request)
    workers = casework_staff().filter(**_own_team(user))
    chosen = request.GET.get("worker", "")
    form = AbsenceForm(_posted(request), workers=workers,
                       initial={"worker": int(chosen)} if chosen.isdigit() else {})
    return _form(request, form, actions.record_absence, title="Record an absence", saved="Absence recorded")


def absence_change(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    absence = _absence(user, pk)
    form = AbsenceForm(_posted(request), absent=absence.worker, initial=_initial(absence, actions.ABSENCE_FIELDS))
    return _form(request, form, actions.change_absence, absence, title=f"Change {absence.worker.display_name}’s absence",
                 saved="Absence changed")


def absence_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    absence = _absence(_editor(request), pk)
    return _withdraw(request, absence, actions.withdraw_absence, "absence", actions.describe_absence(absence),
                     "Withdraw it if it was recorded by mistake or the leave was cancelled. "
                     "To change its dates or cover, change it instead.")


def _withdraw(request: HttpRequest, obj: Any, action: Any, what: str, description: str, advice: str) -> HttpResponse:
    form = WithdrawForm(_posted(request), initial={"version": obj.version})
    return _form(request, form, action, obj, title=f"Withdraw this {what}", saved=f"{what.capitalize()} withdrawn",
                 submit_text=f"Withdraw {what}", intro=(_sentence(description), advice))


# -- vacancies ------------------------------------------------------------------------------


def _vacancy_form(request: HttpRequest, user: User, **kwargs: Any) -> VacancyForm:
    # A team manager's posts are in their own team: nothing to choose.
    teams = None if user.role == Role.TEAM_MANAGER else Team.objects.all()
    return VacancyForm(_posted(request), teams=teams, **kwargs)


def vacancy_new(request: HttpRequest) -> HttpResponse:
    user = _editor(request)
    form = _vacancy_form(request, user, initial={"open_on": timezone.localdate()})
    fixed = {"team": user.team} if user.role == Role.TEAM_MANAGER else {}
    return _form(request, form, actions.record_vacancy, title="Record a vacancy", saved="Vacancy recorded", **fixed)


def vacancy_change(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    vacancy = _vacancy(user, pk)
    form = _vacancy_form(request, user, initial={**_initial(vacancy, actions.VACANCY_FIELDS), "fte": vacancy.fte_text})
    return _form(request, form, actions.change_vacancy, vacancy, title="Change a vacancy", saved="Vacancy changed")


def vacancy_fill(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    vacancy = _vacancy(user, pk)
    form = FillVacancyForm(_posted(request), initial=_initial(vacancy, ("filled_on",)))
    return _form(request, form, actions.fill_vacancy, vacancy, title="Mark a vacancy as filled",
                 saved="Vacancy marked as filled", intro=(_sentence(actions.describe_vacancy(vacancy)),))


def vacancy_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(_editor(request), pk)
    return _withdraw(request, vacancy, actions.withdraw_vacancy, "vacancy", actions.describe_vacancy(vacancy),
                     "Withdraw it if it was recorded by mistake or the post has been deleted. "
                     "If someone has been appointed, mark it as filled instead.")


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."
