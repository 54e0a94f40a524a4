"""The weekly exception report: one team's overdue, incomplete and due-soon duties, e-mailed
to its team managers every week and downloadable from the service.

Which young people: the open cases whose team is this team, the same people as the
exception report filtered to the team, so the link in the e-mail shows the same list.
Which duties: overdue and record incomplete first (the subject counts these: they are the
exceptions), then those due within the council's due-soon window (``due_soon_days``, the
window personal advisers' worklists use), so a manager and their workers see the same
"due soon". Read from the duty ledger as the daily sweep left it, in a fixed number of
queries whatever the team's size, and never from a request.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Role, Team, User
from compliance.duties import DutyState
from duties.ledger import DUTIES_BY_CODE, DUTY_ORDER, STATE_ORDER
from duties.models import DutyLedgerRow
from duties.settings import current_standards
from oversight.dashboard import with_personal_adviser
from oversight.exceptions import HEADERS, table
from oversight.exports import XLSX_TYPE, xlsx_bytes
from oversight.weekly_models import WeeklyReportSent
from oversight.worklist import worklist_rows
from people.models import YoungPerson
from web.formatting import govuk_date

logger = logging.getLogger(__name__)

# An e-mail lists at most this many lines of each kind; the attached spreadsheet has them all.
EMAIL_LINES_PER_SECTION = 100
NO_ADVISER = "None allocated"


def week_starting(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` falls in: the week a report is sent for."""
    return day - dt.timedelta(days=day.weekday())


def team_label(team: Team) -> str:
    """"North team", "Eastern locality" – unless the name already says which."""
    kind = team.get_kind_display().lower()
    return team.name if team.name.lower().endswith(kind) else f"{team.name} {kind}"


@dataclass(frozen=True)
class Line:
    row: DutyLedgerRow
    state: DutyState
    duty_title: str
    adviser: str
    today: dt.date

    @property
    def young_person(self) -> YoungPerson:
        return self.row.young_person

    @property
    def days_overdue(self) -> int | None:
        if self.state == DutyState.OVERDUE and self.row.due_on:
            return (self.today - self.row.due_on).days
        return None

    @property
    def detail(self) -> str:
        """One sentence for a plain-text line: what is missing, or when it is due."""
        if self.state == DutyState.INSUFFICIENT_DATA:
            return self.row.reason.strip().rstrip(".") + "."
        if self.row.due_on is None:
            return "No due date."
        ago = self.days_overdue
        return f"Due {govuk_date(self.row.due_on)}" + (f", {ago} day{'' if ago == 1 else 's'} ago." if ago else ".")


@dataclass(frozen=True)
class Section:
    state: DutyState
    heading: str
    lines: list[Line]

    @property
    def shown(self) -> list[Line]:
        return self.lines[:EMAIL_LINES_PER_SECTION]

    @property
    def not_shown(self) -> int:
        return max(len(self.lines) - EMAIL_LINES_PER_SECTION, 0)


@dataclass(frozen=True)
class AdviserCounts:
    adviser: str
    overdue: int
    incomplete: int
    due_soon: int


@dataclass
class WeeklyReport:
    team: Team
    today: dt.date
    due_soon_days: int
    lines: list[Line]
    advisers: dict[int, User] = field(repr=False)

    @property
    def week_starting(self) -> dt.date:
        return week_starting(self.today)

    @property
    def due_by(self) -> dt.date:
        return self.today + dt.timedelta(days=self.due_soon_days)

    @property
    def team_label(self) -> str:
        return team_label(self.team)

    def _count(self, state: DutyState) -> int:
        return sum(1 for line in self.lines if line.state == state)

    @property
    def overdue(self) -> int:
        return self._count(DutyState.OVERDUE)

    @property
    def incomplete(self) -> int:
        return self._count(DutyState.INSUFFICIENT_DATA)

    @property
    def due_soon(self) -> int:
        return self._count(DutyState.DUE)

    @property
    def subject(self) -> str:
        if self.overdue or self.incomplete:
            counts = f"{self.overdue} overdue, {self.incomplete} incomplete"
        else:
            counts = "nothing overdue or incomplete"
        return f"Weekly exceptions for {self.team_label}: {counts} (week of {govuk_date(self.week_starting)})"

    @property
    def filename(self) -> str:
        return f"weekly-exceptions-{slugify(self.team.name)}-{self.week_starting.isoformat()}"

    def sections(self) -> list[Section]:
        headings = {
            DutyState.OVERDUE: "Overdue",
            DutyState.INSUFFICIENT_DATA: "Record incomplete",
            DutyState.DUE: f"Due in the next {self.due_soon_days} days",
        }
        sections = (Section(state, heading, [ln for ln in self.lines if ln.state == state])
                    for state, heading in headings.items())
        return [section for section in sections if section.lines]

    def by_adviser(self) -> list[AdviserCounts]:
        """Counts per personal adviser, most overdue first, so supervision starts where it matters."""
        counts: dict[str, Counter[DutyState]] = {}
        for line in self.lines:
            counts.setdefault(line.adviser, Counter())[line.state] += 1
        rows = [
            AdviserCounts(name, c[DutyState.OVERDUE], c[DutyState.INSUFFICIENT_DATA], c[DutyState.DUE])
            for name, c in counts.items()
        ]
        return sorted(rows, key=lambda r: (r.adviser == NO_ADVISER, -r.overdue, -r.incomplete, r.adviser))

    def table(self) -> list[list[object]]:
        """The rows of the spreadsheet: the exception report's columns, in this report's order."""
        return table([line.row for line in self.lines], self.advisers)

    def xlsx(self) -> bytes:
        return xlsx_bytes("Weekly exceptions", HEADERS, self.table())

    def links(self) -> dict[str, str]:
        query = f"?team={self.team.pk}"
        return {
            "exceptions": f"{settings.SITE_URL}{reverse('oversight:exceptions')}{query}",
            "weekly": f"{settings.SITE_URL}{reverse('oversight:weekly')}{query}",
        }


def team_rows(team: Team, today: dt.date, due_soon_days: int) -> QuerySet[DutyLedgerRow]:
    people = YoungPerson.objects.filter(team=team, closed_on__isnull=True)
    rows = worklist_rows(people, today, due_soon_days)
    return with_personal_adviser(rows, today).select_related("young_person__team")


def build_report(team: Team, today: dt.date, due_soon_days: int) -> WeeklyReport:
    """Two queries: the team's ledger rows with their personal adviser, then those advisers."""
    rows = [row for row in team_rows(team, today, due_soon_days) if row.duty_code in DUTIES_BY_CODE]
    adviser_ids = {row.personal_adviser_id for row in rows if row.personal_adviser_id}
    advisers = {u.pk: u for u in User.objects.filter(pk__in=adviser_ids)} if adviser_ids else {}
    lines = [
        Line(
            row=row,
            state=DutyState(row.state),
            duty_title=DUTIES_BY_CODE[row.duty_code].title,
            adviser=advisers[row.personal_adviser_id].display_name
            if row.personal_adviser_id in advisers else NO_ADVISER,
            today=today,
        )
        for row in rows
    ]
    lines.sort(
        key=lambda ln: (
            STATE_ORDER[ln.state], ln.row.due_on or dt.date.max, ln.young_person.family_name,
            ln.young_person.given_name, DUTY_ORDER[ln.row.duty_code],
        )
    )
    return WeeklyReport(team=team, today=today, due_soon_days=due_soon_days, lines=lines, advisers=advisers)


def weekly_email(report: WeeklyReport, manager: User, connection: Any = None) -> EmailMultiAlternatives:
    context = {"report": report, "manager": manager, "links": report.links(), "govuk_date": govuk_date}
    text = render_to_string("oversight/email/weekly.txt", context)
    message = EmailMultiAlternatives(report.subject, text, to=[manager.email], connection=connection)
    message.attach_alternative(render_to_string("oversight/email/weekly.html", context), "text/html")
    if report.lines:
        message.attach(f"{report.filename}.xlsx", report.xlsx(), XLSX_TYPE)
    return message


# What happened for each manager (and each team without one), for the command to report.
SENT, RESENT, ALREADY_SENT, WOULD_SEND, NO_EMAIL, NO_MANAGER, FAILED = (
    "sent", "resent", "already sent", "would send", "no email address", "no team manager", "failed",
)


@dataclass(frozen=True)
class Outcome:
    team: Team
    manager: User | None
    status: str
    report: WeeklyReport | None = None
    error: str = ""


def managers_by_team(teams: Iterable[Team]) -> dict[int, list[User]]:
    managers: dict[int, list[User]] = {}
    for manager in User.objects.filter(role=Role.TEAM_MANAGER, is_active=True, team__in=teams).order_by(
        "first_name", "last_name", "pk"
    ):
        managers.setdefault(manager.team_id, []).append(manager)
    return managers


def send_weekly_reports(
    *, team_id: int | None = None, force: bool = False, dry_run: bool = False, today: dt.date | None = None
) -> list[Outcome]:
    """E-mail each active team manager their team's weekly report, once a week each.

    A manager with no e-mail address is skipped; one already sent to this week is skipped
    unless ``force``; with ``dry_run`` nothing is sent or recorded. One manager's failure
    (a mail server refusing, Notify down) does not stop the others.
    """
    today = today or timezone.localdate()
    teams = list(Team.objects.filter(pk=team_id) if team_id is not None else Team.objects.order_by("name"))
    if team_id is not None and not teams:
        raise ValueError(f"There is no team with ID {team_id}.")
    managers = managers_by_team(teams)
    week = week_starting(today)
    already = set(
        WeeklyReportSent.objects.filter(week_starting=week, manager__team__in=teams).values_list("manager_id", flat=True)
    )
    due_soon_days = current_standards().due_soon_days
    outcomes: list[Outcome] = []
    connection = None if dry_run else get_connection()
    for team in teams:
        if team.pk not in managers:
            outcomes.append(Outcome(team, None, NO_MANAGER))
            continue
        report = build_report(team, today, due_soon_days)
        for manager in managers[team.pk]:
            if not manager.email:
                status = NO_EMAIL
            elif manager.pk in already and not force:
                status = ALREADY_SENT
            elif dry_run:
                status = WOULD_SEND
            else:
                try:
                    status = _deliver(report, manager, force, connection)
                except Exception as error:  # noqa: BLE001 – reported, and the other managers still get theirs
                    logger.exception("Weekly exception report to manager %s failed", manager.pk)
                    outcomes.append(Outcome(team, manager, FAILED, report, f"{type(error).__name__}: {error}"))
                    continue
            outcomes.append(Outcome(team, manager, status, report))
    return outcomes


def _deliver(report: WeeklyReport, manager: User, force: bool, connection: Any) -> str:
    """Claim this week's row and send in one transaction: if sending fails the claim is undone,
    and a run overlapping this one waits on the row and then finds it sent."""
    message = weekly_email(report, manager, connection)
    counts = {
        "team": report.team, "sent_to": manager.email, "exceptions_count": len(report.lines),
        "overdue_count": report.overdue, "incomplete_count": report.incomplete,
    }
    with transaction.atomic():
        record, created = WeeklyReportSent.objects.select_for_update().get_or_create(
            manager=manager, week_starting=report.week_starting, defaults={**counts, "sent_at": timezone.now()}
        )
        if not created:
            if not force:
                return ALREADY_SENT
            WeeklyReportSent.objects.filter(pk=record.pk).update(
                **counts, sent_at=timezone.now(), times_sent=F("times_sent") + 1
            )
        message.send()
    logger.info("Weekly exception report sent to manager %s for team %s", manager.pk, report.team.pk)
    return SENT if created else RESENT
