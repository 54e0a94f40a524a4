"""Background work for oversight, through Django's task API (django-tasks, database queue).

Enqueued by `send_weekly_exceptions --enqueue` (weekly, from cron); run by `manage.py db_worker`.
"""

from __future__ import annotations

from collections import Counter

from django_tasks import task

from oversight.weekly import FAILED, send_weekly_reports


@task()
def send_weekly_exceptions(team_id: int | None = None, force: bool = False) -> dict[str, int]:
    """E-mail each team manager their team's weekly exceptions. Returns how many of each outcome.

    Fails (so the task shows as failed) if any e-mail could not be sent, after trying them all;
    running it again sends only those, as the others are recorded as sent this week.
    """
    outcomes = send_weekly_reports(team_id=team_id, force=force)
    failed = [o for o in outcomes if o.status == FAILED]
    if failed:
        raise RuntimeError(
            f"{len(failed)} weekly exception email(s) could not be sent: "
            + "; ".join(f"manager {o.manager.pk}: {o.error}" for o in failed if o.manager)
        )
    return dict(Counter(o.status for o in outcomes))
