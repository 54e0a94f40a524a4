"""The demo council's absences and vacant posts, so the caseloads page shows a team with
someone off sick and nobody covering, leave booked with cover, and a post to fill.

Chosen, not drawn: no random numbers are used, so adding this does not change any young
person the seeded generator draws. Booked leave and a known leaver are dated after "today"
on purpose: that is what a manager plans around.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from demo.staff import Staff
from oversight import staffing_actions as actions
from oversight.staffing_models import Vacancy, WorkerAbsence


def add_staffing(staff: Staff, today: dt.date) -> dict[str, int]:
    """Recorded through the actions (by each team's manager) so each row has its audit event.
    Returns counts by table, for the generator's summary."""
    first = staff.teams[0]
    manager = staff.managers[first.pk]
    # pa.demo and sw.demo keep working (their caseloads are the demo's showcase) and cover
    # for colleagues, so their own rows show it too.
    pa_demo, sw_demo = staff.named["pa.demo"], staff.named["sw.demo"]
    pas = [pa for pa in staff.pas[first.pk] if pa != pa_demo]
    sws = [sw for sw in staff.sws[first.pk] if sw != sw_demo]
    absences = 0
    if pas:
        actions.record_absence(acting_user=manager, worker=pas[0], kind="sickness",
                               starts_on=today - dt.timedelta(days=9), note="Phased return being discussed")
        absences += 1
    if len(pas) >= 2:
        monday = today + dt.timedelta(days=7 - today.weekday())
        actions.record_absence(acting_user=manager, worker=pas[1], kind="annual_leave", starts_on=monday,
                               ends_on=monday + dt.timedelta(days=4), cover_worker=pa_demo)
        absences += 1
    if sws:
        actions.record_absence(acting_user=manager, worker=sws[0], kind="training", starts_on=today, ends_on=today,
                               cover_worker=sw_demo)
        absences += 1
    actions.record_vacancy(acting_user=manager, team=first, role="personal_adviser", fte=Decimal("1"),
                           open_on=today - dt.timedelta(days=42), note="Interviews booked")
    vacancies = 1
    if len(staff.teams) > 1:
        other = staff.teams[1]
        actions.record_vacancy(acting_user=staff.managers[other.pk], team=other, role="social_worker",
                               fte=Decimal("0.6"), open_on=today + dt.timedelta(days=21), note="Worker leaving")
        vacancies += 1
    return {"worker absences": absences, "vacancies": vacancies}


def forget_staffing() -> None:
    """Delete every absence and vacancy before a reset deletes the staff and teams they name."""
    WorkerAbsence.objects.all().delete()
    Vacancy.objects.all().delete()
