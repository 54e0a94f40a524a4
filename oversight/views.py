"""Oversight pages: the worker's worklist and the managers' compliance dashboard."""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.models import Role, Team, User
from compliance.duties import DUTIES, DutyState
from duties.ledger import DUTIES_BY_CODE, STATE_TAG
from duties.models import DutyLedgerRow
from duties.settings import current_policy, current_standards
from oversight.caseloads import FACTOR_LABELS, add_absences, caseloads, summarise
from oversight.dashboard import duty_tallies, with_personal_adviser, worker_tallies
from oversight.exceptions import HEADERS, ExceptionFilterForm, exception_rows, table
from oversight.exports import csv_response, xlsx_response
from oversight.findings import audit_findings
from oversight.staffing_actions import STAFFING_EDITORS
from oversight.staffing_models import Vacancy
from oversight.worklist import work_items, worklist_rows
from people import access
from people.queries import workers_for_filter

OVERSEEING_ROLES = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.QA_AUDITOR, Role.ADMINISTRATOR})


def my_worklist(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    standards = current_standards()
    people = access.caseload(request.user, today)
    state = request.GET.get("state", "")
    rows = worklist_rows(people, today, standards.due_soon_days)
    items = work_items(rows, today, back_to=request.get_full_path())
    counts = Counter(item.state for item in items)
    if state in {s.value for s in (DutyState.OVERDUE, DutyState.DUE, DutyState.INSUFFICIENT_DATA)}:
        items = [item for item in items if item.state == state]
    return render(
        request,
        "oversight/worklist.html",
        {
            "items": items,
            "counts": counts,
            "state": state,
            "today": today,
            "due_soon_days": standards.due_soon_days,
            "caseload_size": people.count(),
            "states": (DutyState.OVERDUE, DutyState.INSUFFICIENT_DATA, DutyState.DUE),
        },
    )


def _overseen(request: HttpRequest, today):  # noqa: ANN001, ANN202
    """The open young people this manager oversees, narrowed to a team if asked for."""
    if request.user.role not in OVERSEEING_ROLES:
        raise PermissionDenied("The dashboard is for team managers, heads of service and auditors.")
    people = access.visible_young_people(request.user, today).filter(closed_on__isnull=True)
    teams = Team.objects.filter(pk__in=people.values("team_id")).order_by("name")
    team = None
    if request.GET.get("team", "").isdigit():
        team = teams.filter(pk=int(request.GET["team"])).first()
        if team is not None:
            people = people.filter(team=team)
    return people, teams, team


def team_dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    people, teams, team = _overseen(request, today)
    by_worker = worker_tallies(people, today)
    duty_rows = duty_tallies(people, today)
    workers = {u.pk: u for u in User.objects.filter(pk__in=[k for k in by_worker if k])}
    return render(
        request,
        "oversight/dashboard.html",
        {
            "duty_rows": duty_rows,
            "findings": audit_findings(people, today, duty_rows),
            "worker_rows": sorted(
                ((workers.get(pk), tally) for pk, tally in by_worker.items()),
                key=lambda pair: (pair[0] is None, pair[0].display_name if pair[0] else ""),
            ),
            "teams": teams,
            "team": team,
            "people_count": people.count(),
            "today": today,
            "states": DutyState,
        },
    )


def duty_exceptions(request: HttpRequest, code: str) -> HttpResponse:
    """The young people behind one figure on the dashboard."""
    today = timezone.localdate()
    duty = DUTIES_BY_CODE.get(code)
    if duty is None:
        raise Http404("No such duty")
    people, teams, team = _overseen(request, today)
    state = request.GET.get("state", "overdue")
    if state not in {s.value for s in DutyState}:
        raise Http404("No such state")
    rows = with_personal_adviser(
        DutyLedgerRow.objects.filter(young_person__in=people, duty_code=code, state=state), today
    ).select_related("young_person__team").order_by("due_on", "young_person__family_name")
    worker = request.GET.get("worker", "")
    if worker == "none":
        rows = rows.filter(personal_adviser_id__isnull=True)
    elif worker.isdigit():
        rows = rows.filter(personal_adviser_id=int(worker))
    rows = list(rows)
    advisers = {u.pk: u for u in User.objects.filter(pk__in={r.personal_adviser_id for r in rows if r.personal_adviser_id})}
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _export(export, f"{duty.code}-{state}-{today.isoformat()}", duty.title, rows, advisers)
    return render(
        request,
        "oversight/duty_exceptions.html",
        {
            "duty": duty,
            "state": DutyState(state),
            "tag_class": STATE_TAG[DutyState(state)],
            "rows": [(row, advisers.get(row.personal_adviser_id)) for row in rows],
            "team": team,
            "today": today,
        },
    )


def caseload_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    people, teams, team = _overseen(request, today)
    workers = User.objects.filter(is_active=True, role__in=(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER))
    vacancies = Vacancy.objects.all()
    if team is not None:
        workers, vacancies = workers.filter(team=team), vacancies.filter(team=team)
    elif request.user.role == Role.TEAM_MANAGER:
        workers, vacancies = workers.filter(team_id=request.user.team_id), vacancies.filter(team_id=request.user.team_id)
    workers = workers.select_related("team")
    policy, standards = current_policy(), current_standards()
    rows = caseloads(workers, today, policy, standards)
    add_absences(rows, today)
    return render(
        request,
        "oversight/caseloads.html",
        {
            "rows": rows,
            "teams": teams,
            "team": team,
            "today": today,
            "factor_labels": FACTOR_LABELS,
            "weights": {key: getattr(standards, f"caseload_weight_{key}") for key in FACTOR_LABELS},
            "summary": summarise(rows, vacancies, today),
            "can_change_staffing": request.user.role in STAFFING_EDITORS,
        },
    )


def _export(kind: str, name: str, sheet: str, rows: list, advisers: dict) -> HttpResponse:  # type: ignore[type-arg]
    if kind == "csv":
        return csv_response(name, HEADERS, table(rows, advisers))
    return xlsx_response(name, sheet, HEADERS, table(rows, advisers))


def exception_report(request: HttpRequest) -> HttpResponse:
    """Every duty's exceptions across everyone this person oversees, filtered like the register."""
    today = timezone.localdate()
    people, _teams, _team = _overseen(request, today)
    form = ExceptionFilterForm(request.GET or None, workers=workers_for_filter(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list(exception_rows(people, filters, today))
    advisers = {u.pk: u for u in User.objects.filter(pk__in={r.personal_adviser_id for r in rows if r.personal_adviser_id})}
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _export(export, f"exceptions-{today.isoformat()}", "Exceptions", rows, advisers)
    query = request.GET.copy()
    query.pop("export", None)
    return render(
        request,
        "oversight/exceptions.html",
        {"form": form, "rows": [(row, advisers.get(row.personal_adviser_id)) for row in rows],
         "titles": {d.code: d.title for d in DUTIES}, "query": query.urlencode(), "today": today},
    )
