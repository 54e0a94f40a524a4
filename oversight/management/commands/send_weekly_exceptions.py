"""E-mail each team manager their team's weekly exception report (run weekly, e.g. from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from oversight.weekly import (
    ALREADY_SENT, FAILED, NO_EMAIL, NO_MANAGER, RESENT, SENT, WOULD_SEND, Outcome, send_weekly_reports,
)


class Command(BaseCommand):
    help = (
        "E-mail each team manager their team's overdue, incomplete and due-soon duties, with a "
        "spreadsheet. Safe to run twice: a manager already sent this week's report is skipped."
    )

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--team", type=int, metavar="ID", help="Only this team's managers.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent, and send nothing.")
        parser.add_argument("--force", action="store_true", help="Send again to managers already sent this week's.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work for the task worker (manage.py db_worker) instead."
        )

    def handle(  # noqa: ANN201
        self, *args, team=None, dry_run=False, force=False, enqueue=False, **options  # noqa: ANN001, ANN002, ANN003
    ):
        if enqueue and dry_run:
            raise CommandError("Use --dry-run or --enqueue, not both.")
        if enqueue:
            from oversight.tasks import send_weekly_exceptions

            result = send_weekly_exceptions.enqueue(team_id=team, force=force)
            self.stdout.write(f"Queued task {result.id}")
            return
        try:
            outcomes = send_weekly_reports(team_id=team, force=force, dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from None
        for outcome in outcomes:
            self._report(outcome)
        failed = sum(1 for o in outcomes if o.status == FAILED)
        if failed:
            raise CommandError(f"{failed} email(s) could not be sent. Run the command again to retry them.")

    def _report(self, outcome: Outcome) -> None:
        team = outcome.team.name
        if outcome.status == NO_MANAGER:
            self.stdout.write(self.style.WARNING(f"{team}: no active team manager, nothing sent"))
            return
        manager = outcome.manager
        who = f"{manager.display_name} ({team})"
        report = outcome.report
        if outcome.status == NO_EMAIL:
            self.stdout.write(self.style.WARNING(f"Skipped {who}: no email address on their account"))
        elif outcome.status == ALREADY_SENT:
            self.stdout.write(f"Skipped {who}: already sent this week (use --force to send again)")
        elif outcome.status == FAILED:
            self.stderr.write(self.style.ERROR(f"Could not send to {who} at {manager.email}: {outcome.error}"))
        else:
            verb = {WOULD_SEND: "Would send", SENT: "Sent", RESENT: "Sent again"}[outcome.status]
            self.stdout.write(f"{verb} to {who} at {manager.email}: {report.subject}")
