"""What the weekly exception report sent, so that a second run in the same week sends nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class WeeklyReportSent(models.Model):
    """One team manager's weekly e-mail for one week (the week starts on Monday).

    The unique constraint is what makes a repeated or overlapping run safe: the row is
    claimed in the same transaction as the e-mail is sent, so two runs cannot both send.
    A forced resend updates the row and counts it.
    """

    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="weekly_reports_sent")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="weekly_reports_sent")
    week_starting = models.DateField()
    sent_at = models.DateTimeField()
    sent_to = models.EmailField()  # the address used then: a manager's address can change
    exceptions_count = models.PositiveIntegerField()  # every line in the e-mail and its spreadsheet
    overdue_count = models.PositiveIntegerField()
    incomplete_count = models.PositiveIntegerField()
    times_sent = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-week_starting", "team_id", "manager_id"]
        constraints = [
            models.UniqueConstraint(fields=["manager", "week_starting"], name="one_weekly_report_per_manager_and_week")
        ]

    def __str__(self) -> str:
        return f"{self.manager} – week of {self.week_starting:%d %B %Y}"
