"""Benchmark: recomputing the duty ledger for a council (issue 3 §4).

Builds (once, cached under var/bench/<size>) a demo council with full casework histories,
then measures in one run:
- the floor: reading every row the rules read (care history, plans, reviews, contacts …)
  for everyone, in the same batches, without running the rules or writing anything;
- the full recompute: read, run every rule, rewrite the ledger;
- one person's recompute after a write (median of 200 people, as a write would do it);
- peak memory (resident set) of this process.

Usage: uv run python bench/ledger.py [--young-people 2500] [--rebuild]
(SQLite under var/bench by default; set DATABASE_URL to measure on PostgreSQL.)
Prints its figures; paste them into docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, bench_env, generate_council, manage  # noqa: E402


def _env(size: int) -> dict[str, str]:
    return bench_env(f"ledger-{size}")


def build(size: int, rebuild: bool) -> None:
    env = _env(size)
    marker = Path(env["LEAVINGCARE_VAR_DIR"]) / "built"
    manage(env, "migrate", "--no-input", "-v", "0")
    if marker.exists() and not rebuild:
        return
    generate_council(env, size, today="2026-11-23")
    marker.write_text("ok")


def measure(size: int) -> None:
    os.environ.update(_env(size))
    import django

    django.setup()
    import datetime as dt

    from django.db import connection

    from compliance.duties import evaluate_all
    from duties.models import DutyLedgerRow, LedgerStamp
    from duties.recompute import BATCH_SIZE, recompute_all, recompute_people
    from duties.settings import current_settings
    from people.facts import case_facts_for
    from people.models import YoungPerson

    today = dt.date(2026, 11, 23)
    policy, standards = current_settings()
    ids = list(YoungPerson.objects.order_by("pk").values_list("pk", flat=True))
    people_total = len(ids)

    def read_only() -> int:
        records = 0
        for i in range(0, len(ids), BATCH_SIZE):
            people = list(YoungPerson.objects.filter(pk__in=ids[i : i + BATCH_SIZE]).only(
                "pk", "date_of_birth", "date_of_death", "uasc", "closed_on"))
            facts = case_facts_for(people)
            records += sum(
                len(f.person.episodes) + len(f.plans) + len(f.reviews) + len(f.contacts) + len(f.accommodation)
                for f in facts.values()
            )
        return records

    def rules_only() -> None:
        for i in range(0, len(ids), BATCH_SIZE):
            people = list(YoungPerson.objects.filter(pk__in=ids[i : i + BATCH_SIZE]))
            facts = case_facts_for(people)
            for person in people:
                evaluate_all(facts[person.pk], today, policy, standards)

    def timed(fn, repeat: int = 3) -> tuple[float, object]:  # noqa: ANN001
        times, result = [], None
        for _ in range(repeat):
            started = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - started)
        return statistics.median(times), result

    print(f"database: {connection.vendor}; young people: {people_total:,}")
    repeat = 3 if people_total <= 10_000 else 1  # medians of 3 where it is affordable
    floor, records = timed(read_only, repeat)
    print(f"floor (read every row the rules read, no rules, no writes): median {floor:.2f} s "
          f"({records:,} records; {people_total / floor:,.0f} people/s)")
    read_and_rules, _ = timed(rules_only, repeat)
    print(f"read + run every rule, no writes: median {read_and_rules:.2f} s ({read_and_rules / floor:.2f}x the floor)")
    def from_empty() -> None:
        DutyLedgerRow.objects.all().delete()
        LedgerStamp.objects.all().delete()
        recompute_all(today)

    first, _ = timed(from_empty, repeat)
    rows = DutyLedgerRow.objects.count()
    print(f"full recompute into an empty ledger (read, rules, write {rows:,} rows): "
          f"{'median ' if repeat > 1 else ''}{first:.2f} s ({first / floor:.2f}x the floor)")
    full, _ = timed(lambda: recompute_all(today), repeat)
    print(f"full recompute over a current ledger (read, rules, rewrite only what changed): "
          f"{'median ' if repeat > 1 else ''}{full:.2f} s ({full / floor:.2f}x the floor; target within 2x)")
    next_day, _ = timed(lambda: recompute_all(today + dt.timedelta(days=1)), 1)
    print(f"full recompute for the next day (answers that change with the date rewritten): {next_day:.2f} s "
          f"({next_day / floor:.2f}x the floor)")

    sample = random.Random(3).sample(ids, min(200, len(ids)))
    one = []
    for pk in sample:
        started = time.perf_counter()
        recompute_people([pk], today, settings=(policy, standards))
        one.append((time.perf_counter() - started) * 1000)
    one.sort()
    print(f"one person's recompute: median {statistics.median(one):.1f} ms, p95 {one[int(len(one) * 0.95) - 1]:.1f} ms "
          f"(target median within 20 ms)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS) of this process: {peak_mb:,.0f} MB (target under 1 GiB at 100,000)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--young-people", type=int, default=2500)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    build(args.young_people, args.rebuild)
    measure(args.young_people)


if __name__ == "__main__":
    main()
