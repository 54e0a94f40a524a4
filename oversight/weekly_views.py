"""The weekly exception report as a page and a download: the list team managers are e-mailed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.models import SERVICE_WIDE_ROLES, Role, Team
from duties.settings import current_standards
from oversight.exceptions import HEADERS
from oversight.exports import csv_response, xlsx_response
from oversight.weekly import build_report, week_starting
from oversight.weekly_models import WeeklyReportSent


def _team_for(request: HttpRequest) -> tuple[Team | None, list[Team]]:
    """A team manager gets their own team; those who see the whole service choose one."""
    user, asked = request.user, request.GET.get("team", "")
    if user.role == Role.TEAM_MANAGER and user.team_id:
        if asked and asked != str(user.team_id):
            raise Http404("No such team")
        return user.team, [user.team]
    if user.role in SERVICE_WIDE_ROLES:
        teams = list(Team.objects.order_by("name"))
        if not asked:
            return None, teams
        team = next((t for t in teams if str(t.pk) == asked), None)
        if team is None:
            raise Http404("No such team")
        return team, teams
    raise PermissionDenied("The weekly exception report is for team managers and those who oversee the whole service.")


def weekly_report(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    team, teams = _team_for(request)
    report = build_report(team, today, current_standards().due_soon_days) if team else None
    export = request.GET.get("export")
    if report is not None and export == "csv":
        return csv_response(report.filename, HEADERS, report.table())
    if report is not None and export == "xlsx":
        return xlsx_response(report.filename, "Weekly exceptions", HEADERS, report.table())
    sent = (
        WeeklyReportSent.objects.filter(team=team, week_starting=week_starting(today)).select_related("manager")
        if team else []
    )
    return render(request, "oversight/weekly.html", {"report": report, "team": team, "teams": teams, "sent": sent})
