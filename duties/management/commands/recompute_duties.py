"""Work out every young person's duties again (and, with --status, their category timeline)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from duties.recompute import recompute_all
from duties.recompute import sweep as run_sweep


class Command(BaseCommand):
    help = (
        "Recompute the duty ledger. By default for everyone; with --sweep only for the people "
        "whose answer can change by today (run this daily, e.g. from cron at 01:00)."
    )

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--sweep", action="store_true", help="Only people whose next change date has come.")
        parser.add_argument("--status", action="store_true", help="Also rewrite the stored category timelines.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work for the task worker (manage.py db_worker) instead."
        )

    def handle(  # noqa: ANN201
        self, *args, sweep: bool = False, status: bool = False, enqueue: bool = False, **options  # noqa: ANN002, ANN003
    ):
        if enqueue:
            from duties.tasks import recompute_everyone, sweep_ledger

            result = sweep_ledger.enqueue() if sweep else recompute_everyone.enqueue(with_status=status)
            self.stdout.write(f"Queued task {result.id}")
            return
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            self.stderr.write(f"\r{done:,} of {total:,} young people", ending="")
            self.stderr.flush()

        if sweep:
            count = run_sweep(progress=progress)
        else:
            count = recompute_all(progress=progress, with_status=status)
        self.stderr.write("")
        self.stdout.write(f"Recomputed {count:,} young people in {time.perf_counter() - started:.1f} s")
