"""The weekly exception report: what each team manager is e-mailed, checked against a hand count."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
import socket
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Role
from conftest import TeamFactory, UserFactory, client_for, make_young_person
from duties.models import DutyLedgerRow, LedgerStamp
from oversight.exceptions import HEADERS
from oversight.notify import NotifyEmailBackend
from oversight.weekly import build_report, send_weekly_reports
from oversight.weekly_models import WeeklyReportSent

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)
SITE = "https://leavingcare.example.gov.uk"
NORTH_SUBJECT = "Weekly exceptions for North team: 3 overdue, 1 incomplete (week of 23 November 2026)"


def _row(young_person, code: str, state: str, due_on: dt.date | None = None, reason: str = "") -> None:
    """A hand-written ledger row, so every figure below can be counted by eye."""
    LedgerStamp.objects.update_or_create(young_person=young_person, defaults={"computed_on": TODAY})
    DutyLedgerRow.objects.create(
        young_person=young_person, duty_code=code, state=state, due_on=due_on,
        reason=reason or f"{code} is {state}", computed_on=TODAY,
    )


@pytest.fixture
def week(jordan, sam, riley, manager, other_manager, north):
    """North, as the manager Mina should see it on Monday 23 November 2026:

    overdue (3):    Ash (no adviser) visits, due 1 October; Jordan (Priya) visits, 13 November;
                    Sam (Oliver) visits, 20 November
    incomplete (1): Sam's plan review (no date)
    due soon (1):   Jordan's plan review, 1 December (within the 28 days)
    left off:       Jordan's case summary due 1 February 2027 (after the 28 days), met and
                    not-applicable rows, a closed North case, and Riley in the South team.
    """
    manager.email, other_manager.email = "mina.manager@example.gov.uk", "omar.manager@example.gov.uk"
    manager.save(), other_manager.save()
    ash = make_young_person(given_name="Ash", family_name="Unallocated", child_id="ASH01",
                            date_of_birth=dt.date(2007, 9, 1), team=north)
    closed = make_young_person(given_name="Casey", family_name="Closed", child_id="CC004",
                               date_of_birth=dt.date(2006, 2, 1), team=north, closed_on=dt.date(2026, 10, 1))
    _row(ash, "visits", "overdue", dt.date(2026, 10, 1))
    _row(jordan, "visits", "overdue", dt.date(2026, 11, 13))
    _row(jordan, "plan_review", "due", dt.date(2026, 12, 1))
    _row(jordan, "case_summary", "due", dt.date(2027, 2, 1))
    _row(jordan, "needs_assessment", "met", dt.date(2026, 1, 1))
    _row(sam, "visits", "overdue", dt.date(2026, 11, 20))
    _row(sam, "plan_review", "insufficient_data", reason="The date of the last review is missing.")
    _row(sam, "staying_put", "not_applicable")
    _row(closed, "visits", "overdue", dt.date(2026, 9, 1))
    _row(riley, "visits", "overdue", dt.date(2026, 11, 2))
    return ash


def _to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_the_north_manager_gets_exactly_their_teams_exceptions(week, north, manager):
    report = build_report(north, TODAY, 28)
    assert (report.overdue, report.incomplete, report.due_soon) == (3, 1, 1)
    assert [(ln.young_person.given_name, ln.row.duty_code) for ln in report.lines] == [
        ("Ash", "visits"), ("Jordan", "visits"), ("Sam", "visits"), ("Sam", "plan_review"), ("Jordan", "plan_review"),
    ]
    assert [(a.adviser, a.overdue, a.incomplete, a.due_soon) for a in report.by_adviser()] == [
        ("Oliver Adviser", 1, 1, 0), ("Priya Adviser", 1, 0, 1), ("None allocated", 1, 0, 0),
    ]

    send_weekly_reports()

    [message] = _to(manager.email)
    assert message.subject == NORTH_SUBJECT
    for expected in (
        "* Ash Unallocated (ASH01): Visits at council accommodation. Due 1 October 2026, 53 days ago. "
        "Personal adviser: None allocated.\n",
        "Sam Cole (SC002): Pathway plan reviewed every 6 months. The date of the last review is missing. Personal adviser",
        "Due 1 December 2026.", "Due in the next 28 days (1)", "* 3 duties overdue\n", "* 1 duty with the record incomplete",
        "* Oliver Adviser: 1 overdue, 1 incomplete, 0 due soon",
        f"{SITE}/exceptions?team={north.pk}", f"{SITE}/exceptions/weekly?team={north.pk}",
    ):
        assert expected in message.body
    for absent in ("Riley", "Casey", "1 February 2027", "&#39;", "&amp;"):
        assert absent not in message.body
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    assert '<html lang="en-GB">' in html and '<th scope="col">Young person</th>' in html
    assert "Sam Cole (SC002)" in html and "Riley" not in html
    assert f'href="{SITE}/exceptions?team={north.pk}"' in html


def test_the_spreadsheet_attached_has_the_same_rows(week, manager):
    send_weekly_reports()
    [message] = _to(manager.email)
    [(filename, content, mimetype)] = message.attachments
    assert filename == "weekly-exceptions-north-2026-11-23.xlsx"
    assert mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert [(r[0], r[4], r[5]) for r in rows[1:]] == [
        ("ASH01", "Visits at council accommodation", "Overdue"),
        ("JR001", "Visits at council accommodation", "Overdue"),
        ("SC002", "Visits at council accommodation", "Overdue"),
        ("SC002", "Pathway plan reviewed every 6 months", "Record incomplete"),
        ("JR001", "Pathway plan reviewed every 6 months", "Due"),
    ]
    assert rows[1][6] == dt.datetime(2026, 10, 1) and rows[1][3] == "None allocated" and rows[2][3] == "Priya Adviser"


def test_the_south_manager_gets_only_south(week, other_manager):
    send_weekly_reports()
    [message] = _to(other_manager.email)
    assert message.subject == "Weekly exceptions for South team: 1 overdue, 0 incomplete (week of 23 November 2026)"
    assert "Riley Shaw (RS003)" in message.body and "Jordan" not in message.body


def test_a_team_with_nothing_to_follow_up_still_gets_a_short_email(db):
    east = TeamFactory(name="East")
    boss = UserFactory(username="erin", first_name="Erin", last_name="Manager", role=Role.TEAM_MANAGER,
                       team=east, email="erin@example.gov.uk")
    send_weekly_reports()
    [message] = _to(boss.email)
    assert message.subject == "Weekly exceptions for East team: nothing overdue or incomplete (week of 23 November 2026)"
    assert "You get this email every week, even when there is nothing to follow up" in message.body
    assert message.attachments == []


def test_the_number_of_queries_does_not_grow_with_the_team(week, north, django_assert_num_queries):
    with django_assert_num_queries(2):
        few = build_report(north, TODAY, 28)
    with CaptureQueriesContext(connection) as sending_few:
        send_weekly_reports(team_id=north.pk)
    for i in range(10):
        person = make_young_person(child_id=f"M{i:03}", date_of_birth=dt.date(2007, 1, 1 + i), team=north)
        _row(person, "visits", "overdue", dt.date(2026, 11, 1))
    with django_assert_num_queries(2):
        many = build_report(north, TODAY, 28)
    assert len(many.lines) == len(few.lines) + 10
    with CaptureQueriesContext(connection) as sending_many:
        send_weekly_reports(team_id=north.pk, today=TODAY + dt.timedelta(days=7))
    assert len(sending_many.captured_queries) == len(sending_few.captured_queries)


def test_running_it_twice_in_a_week_sends_once_and_force_sends_again(week, manager, other_manager):
    call_command("send_weekly_exceptions", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    out = io.StringIO()
    call_command("send_weekly_exceptions", stdout=out)
    assert len(mail.outbox) == 2
    assert "Skipped Mina Manager (North): already sent this week (use --force to send again)" in out.getvalue()
    record = WeeklyReportSent.objects.get(manager=manager)
    assert (record.week_starting, record.sent_to, record.exceptions_count, record.overdue_count,
            record.incomplete_count, record.times_sent) == (TODAY, manager.email, 5, 3, 1, 1)

    call_command("send_weekly_exceptions", "--force", "--team", str(manager.team_id), stdout=io.StringIO())
    assert len(mail.outbox) == 3 and mail.outbox[-1].to == [manager.email]
    assert WeeklyReportSent.objects.get(manager=manager).times_sent == 2
    assert WeeklyReportSent.objects.get(manager=other_manager).times_sent == 1


def test_a_run_later_in_the_week_is_skipped_and_next_week_sends_again(week, manager, time_machine):
    send_weekly_reports()
    time_machine.move_to(dt.datetime(2026, 11, 27, 7, 0), tick=False)  # Friday
    send_weekly_reports()
    assert len(_to(manager.email)) == 1
    time_machine.move_to(dt.datetime(2026, 11, 30, 7, 0), tick=False)  # next Monday
    send_weekly_reports()
    assert [m.subject for m in _to(manager.email)][-1].endswith("(week of 30 November 2026)")
    assert WeeklyReportSent.objects.filter(manager=manager).count() == 2


def test_a_dry_run_says_what_would_be_sent_and_sends_nothing(week):
    out = io.StringIO()
    call_command("send_weekly_exceptions", "--dry-run", stdout=out)
    assert mail.outbox == [] and not WeeklyReportSent.objects.exists()
    assert f"Would send to Mina Manager (North) at mina.manager@example.gov.uk: {NORTH_SUBJECT}" in out.getvalue()


def test_enqueue_sends_through_the_task_queue(week, manager):
    out = io.StringIO()
    call_command("send_weekly_exceptions", "--enqueue", stdout=out)
    assert out.getvalue().startswith("Queued task ")
    assert [m.subject for m in _to(manager.email)] == [NORTH_SUBJECT]
    assert WeeklyReportSent.objects.count() == 2


def test_dry_run_and_enqueue_together_are_refused(week):
    with pytest.raises(CommandError, match="not both"):
        call_command("send_weekly_exceptions", "--dry-run", "--enqueue")


def test_a_manager_without_an_email_address_is_skipped_and_reported(week, manager, other_manager):
    manager.email = ""
    manager.save()
    out = io.StringIO()
    call_command("send_weekly_exceptions", stdout=out)
    assert [m.to for m in mail.outbox] == [[other_manager.email]]
    assert "Skipped Mina Manager (North): no email address on their account" in out.getvalue()
    assert not WeeklyReportSent.objects.filter(manager=manager).exists()


def test_one_team_only_and_an_unknown_team(week, south, other_manager):
    call_command("send_weekly_exceptions", "--team", str(south.pk), stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[other_manager.email]]
    with pytest.raises(CommandError, match="There is no team with ID 999999"):
        call_command("send_weekly_exceptions", "--team", "999999")


def test_an_email_that_cannot_be_sent_is_reported_and_not_recorded(week, settings):
    with socket.socket() as probe:  # a port on this machine with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 email"):
        call_command("send_weekly_exceptions", stdout=io.StringIO(), stderr=err)
    assert "Could not send to Mina Manager (North) at mina.manager@example.gov.uk" in err.getvalue()
    assert not WeeklyReportSent.objects.exists()


# --- GOV.UK Notify, against a real HTTP server on this machine -------------------------------

SERVICE_ID, SECRET, TEMPLATE_ID = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())


class _FakeNotify(BaseHTTPRequestHandler):
    """Answers as Notify's API does: checks the token signed with the service's secret."""

    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        try:
            claims = jwt.decode(token, SECRET, algorithms=["HS256"])
            authorised = scheme == "Bearer" and claims["iss"] == SERVICE_ID and "iat" in claims
        except jwt.InvalidTokenError:
            authorised = False
        self.server.received.append({"path": self.path, "claims": claims if authorised else None, "json": body})
        if not authorised:
            self._reply(403, {"status_code": 403, "errors": [{"error": "AuthError", "message": "Invalid token"}]})
        elif self.path != "/v2/notifications/email" or body.get("template_id") != TEMPLATE_ID:
            self._reply(400, {"status_code": 400, "errors": [{"error": "BadRequestError", "message": "Template not found"}]})
        else:
            self._reply(201, {"id": str(uuid.uuid4()), "reference": None, "template": {"id": TEMPLATE_ID, "version": 1}})

    def _reply(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture
def notify(settings, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeNotify)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    settings.EMAIL_BACKEND = "oversight.notify.NotifyEmailBackend"
    settings.NOTIFY_API_KEY = f"leavingcare_test-{SERVICE_ID}-{SECRET}"
    settings.NOTIFY_WEEKLY_TEMPLATE_ID = TEMPLATE_ID
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_notify_is_sent_the_template_personalisation_and_the_spreadsheet(week, north, manager, notify):
    outcomes = send_weekly_reports(team_id=north.pk)
    assert [o.status for o in outcomes] == ["sent"]
    [request] = notify.received
    assert request["path"] == "/v2/notifications/email"
    assert request["claims"]["iss"] == SERVICE_ID
    sent = request["json"]
    assert sent["email_address"] == manager.email and sent["template_id"] == TEMPLATE_ID
    personalisation = sent["personalisation"]
    assert personalisation["subject"] == NORTH_SUBJECT
    assert "* Oliver Adviser: 1 overdue, 1 incomplete, 0 due soon" in personalisation["body"]
    upload = personalisation["link_to_file"]
    assert (upload["filename"], upload["confirm_email_before_download"], upload["retention_period"]) == (
        "weekly-exceptions-north-2026-11-23.xlsx", True, "4 weeks",
    )
    rows = list(load_workbook(io.BytesIO(base64.b64decode(upload["file"]))).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 5 and rows[1][0] == "ASH01"
    assert mail.outbox == []
    assert WeeklyReportSent.objects.get(manager=manager).sent_to == manager.email


def test_notify_gets_an_empty_file_link_when_there_is_nothing(db, notify):
    east = TeamFactory(name="East")
    UserFactory(username="erin", first_name="Erin", role=Role.TEAM_MANAGER, team=east, email="erin@example.gov.uk")
    send_weekly_reports(team_id=east.pk)
    [request] = notify.received
    assert request["json"]["personalisation"]["link_to_file"] == ""


def test_when_notify_refuses_the_key_nothing_is_recorded(week, north, notify, settings):
    settings.NOTIFY_API_KEY = f"leavingcare_test-{SERVICE_ID}-{uuid.uuid4()}"
    [outcome] = send_weekly_reports(team_id=north.pk)
    assert outcome.status == "failed" and "403" in outcome.error
    assert notify.received[0]["claims"] is None
    assert not WeeklyReportSent.objects.exists()


def test_notify_without_its_settings_fails_closed(settings):
    settings.NOTIFY_API_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="LEAVINGCARE_NOTIFY_API_KEY"):
        NotifyEmailBackend()


# --- The page and its downloads ---------------------------------------------------------------


def test_a_team_manager_sees_and_downloads_their_teams_list(week, manager):
    client = client_for(manager)
    url = reverse("oversight:weekly")
    page = client.get(url).content.decode()
    assert "Weekly exception report" in page and "Jordan Reed" in page and "Riley" not in page
    assert "Not emailed yet this week." in page
    workbook = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    assert [r[0] for r in workbook.active.iter_rows(min_row=2, values_only=True)] == [
        "ASH01", "JR001", "SC002", "SC002", "JR001",
    ]
    as_csv = client.get(url, {"export": "csv"})
    assert as_csv["Content-Disposition"] == 'attachment; filename="weekly-exceptions-north-2026-11-23.csv"'
    assert len(list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))) == 1 + 5
    send_weekly_reports()
    assert "Emailed this week to: Mina Manager (23 November 2026 at midday)." in client.get(url).content.decode()


def test_a_team_manager_cannot_ask_for_another_team(week, manager, south):
    response = client_for(manager).get(reverse("oversight:weekly"), {"team": south.pk, "export": "xlsx"})
    assert response.status_code == 404


def test_workers_and_people_without_a_role_cannot_open_it(week, pa, outsider, north):
    for user in (pa, outsider):
        response = client_for(user).get(reverse("oversight:weekly"), {"team": north.pk, "export": "csv"})
        assert response.status_code == 403


def test_a_head_of_service_chooses_a_team(week, head, south):
    client = client_for(head)
    first = client.get(reverse("oversight:weekly")).content.decode()
    assert "Choose a team" in first and "Jordan" not in first and "Riley" not in first
    south_page = client.get(reverse("oversight:weekly"), {"team": south.pk}).content.decode()
    assert "Riley Shaw" in south_page and "Jordan" not in south_page
    assert client.get(reverse("oversight:weekly"), {"team": "999999"}).status_code == 404


@pytest.mark.browser
def test_the_page_and_the_email_pass_an_accessibility_scan(week, manager, page_for):
    from web.tests.browser import assert_accessible, sign_in

    page = page_for()
    sign_in(page, manager.username)
    page.goto(reverse("oversight:weekly"))
    assert page.get_by_role("heading", name="Overdue (3)").is_visible()
    assert_accessible(page)
    send_weekly_reports()
    [message] = _to(manager.email)
    page.set_content(message.alternatives[0][0])
    assert page.get_by_role("columnheader", name="Young person").first.is_visible()
    assert_accessible(page)


def test_the_exception_report_links_to_the_weekly_one(week, manager):
    page = client_for(manager).get(reverse("oversight:exceptions")).content.decode()
    assert f'href="{reverse("oversight:weekly")}"' in page
