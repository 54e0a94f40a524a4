"""manage.py generate_demo: fill an empty database with a fictional council's leaving-care service."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.generator import DemoRefused, Options, generate


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a date like 2026-04-01") from None


def _share(value: str) -> float:
    share = float(value)
    if not 0 <= share <= 1:
        raise ArgumentTypeError("must be between 0 and 1")
    return share


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ArgumentTypeError("must be 0 or more")
    return number


class Command(BaseCommand):
    help = (
        "Generate a fictional council's leaving-care service: localities, staff (with demo sign-ins such as "
        "pa.demo and manager.demo), young people with SSDA903 care histories, their leaving-care timelines, "
        "allocations and casework records (assessments, pathway plans, reviews, contacts, accommodation, "
        "activity, staying put, declarations, transfers, closures), then the duty ledger for everyone. The same "
        "--seed and --today always give the same council. The sign-in password is written to "
        "var/demo-sign-in.txt, never printed."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument(
            "--young-people", type=_count, default=350,
            help="young people aged 16–25 in the leaving-care service (default 350)",
        )
        parser.add_argument(
            "--approaching-16", type=_count, default=40,
            help="looked-after children aged 14 to 15¾ (default 40)",
        )
        parser.add_argument(
            "--uasc-share", type=_share, default=0.2,
            help="share of the service who are unaccompanied asylum-seeking children, 0–1 (default 0.2)",
        )
        parser.add_argument(
            "--today", type=_date, default=None,
            help="reference date, YYYY-MM-DD (default: today); nothing is dated after it",
        )
        parser.add_argument(
            "--reset", action="store_true",
            help="first delete all young people and their records (casework, ledger and audit rows included), "
            "staff accounts (superusers are kept) and teams",
        )
        parser.add_argument("--batch-size", type=_count, default=2000, help="young people per transaction (default 2000)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1")
        settings = Options(
            seed=options["seed"],
            young_people=options["young_people"],
            approaching_16=options["approaching_16"],
            uasc_share=options["uasc_share"],
            today=options["today"] or timezone.localdate(),
            reset=options["reset"],
            batch_size=options["batch_size"],
        )
        try:
            generate(settings, self.stdout)
        except DemoRefused as refusal:
            raise CommandError(str(refusal)) from None
