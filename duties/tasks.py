"""Background work on the ledger, through Django's task API (django-tasks, database queue).

Enqueued by the settings page (everyone, after a change) and by `recompute_duties --enqueue`
(the daily sweep, from cron); run by `manage.py db_worker`.
"""

from __future__ import annotations

from django_tasks import task

from duties.recompute import recompute_all, sweep


@task()
def sweep_ledger() -> int:
    """Recompute the people whose answer can change by today. Returns how many."""
    return sweep()


@task()
def recompute_everyone(with_status: bool = False) -> int:
    """Recompute every young person's duties (and status timeline), after a settings change."""
    return recompute_all(with_status=with_status)
