"""Work out the quarterly scorecard's figures for the quarters that have ended."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from oversight.scorecard import build_missing_quarters, build_scorecard, quarters_to_build


class Command(BaseCommand):
    help = (
        "Work out the scorecard for each of the last eight ended quarters that has no figures yet "
        "(run it nightly: it does nothing until a quarter ends). --rebuild works them all out again."
    )

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--rebuild", action="store_true", help="Replace the figures already kept.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the work for the task worker (manage.py db_worker) instead."
        )

    def handle(self, *args, rebuild: bool = False, enqueue: bool = False, **options):  # noqa: ANN001, ANN002, ANN003, ANN201
        if enqueue:
            result = build_missing_quarters.enqueue(rebuild=rebuild)
            self.stdout.write(f"Queued task {result.id}")
            return
        quarters = quarters_to_build(timezone.localdate(), rebuild)
        if not quarters:
            self.stdout.write("Every quarter shown already has its figures.")
            return
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            self.stderr.write(f"\r{done:,} of {total:,} young people", ending="")
            self.stderr.flush()

        count = build_scorecard(quarters, progress=progress)
        self.stderr.write("")
        labels = ", ".join(q.label for q in quarters)
        self.stdout.write(f"Worked out {count:,} figures for {labels} in {time.perf_counter() - started:.1f} s")
