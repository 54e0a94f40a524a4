"""Generate a fictional council's leaving-care service for demonstrations and load tests.

``generate(options, out)`` does the whole job: refuses to touch a database that
already holds young people (unless told to reset it), creates localities and
staff, then draws young people batch by batch, each with their care history, life
after care, workers and casework records (demo.histories, demo.life, demo.allocation,
demo.casework). Each batch is written with ``bulk_create`` in one transaction
(demo.writer). The stored leaving-care timeline of every person is exactly what
``people.status.recompute_status`` would write: it is computed by the compliance core
from the same in-memory facts. At the end the duty ledger is filled for everyone, and the
MOTHER values staff set on each care leaver return made in the service are added
(demo.returns).

Reproducible: every random choice comes from ``random.Random(seed)`` (care histories and
allocations, in a fixed order) or from each person's own generator seeded with the seed
and their child ID (life after care and casework), and "today" is an input, so the same
seed and reference date give the same council whatever the batch size. The only thing
that differs between runs is the sign-in passphrase, which comes from ``secrets`` and is
written to var/demo-sign-in.txt.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import Role
from audit.models import AuditEvent
from casework.models import Allocation
from caseaudits.demo import build_demo_round
from caseaudits.demo_moderation import build_demo_moderation
from compliance.categories import Category, assess
from compliance.scorecard import last_quarters
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from compliance.validation import check_care_history
from demo import scenarios
from demo.allocation import Allocator
from demo.casework import CaseworkMaker
from demo.dates import Showcase
from demo.histories import HistoryMaker, PersonPlan
from demo.life import LifeMaker
from demo.reset import DemoRefused, deleted_text, existing_records, reset_database
from demo.returns import set_mother_values
from demo.staffing import add_staffing
from demo.staff import DEMO_USERS, Staff, create_staff, passphrase
from demo.writer import Drawn, write_batch
from duties.recompute import recompute_all
from duties.settings import current_settings
from oversight.scorecard import QUARTERS_SHOWN, build_scorecard
from people.models import YoungPerson
from people.status import build_facts, episode_fact

SIGN_IN_FILE = "demo-sign-in.txt"

__all__ = ["DEMO_USERS", "SIGN_IN_FILE", "DemoRefused", "Options", "Result", "generate"]


@dataclass(frozen=True)
class Options:
    today: dt.date  # the reference date: nothing is dated after it
    seed: int = 2026
    young_people: int = 350
    approaching_16: int = 40
    uasc_share: float = 0.2
    reset: bool = False
    batch_size: int = 2000


@dataclass
class Result:
    categories: Counter[str] = field(default_factory=Counter)
    rows: Counter[str] = field(default_factory=Counter)
    deleted: dict[str, int] = field(default_factory=dict)
    sign_in_file: Path | None = None
    seconds: float = 0.0


# -- the people ------------------------------------------------------------------------------


def scenario_sequence(rng: random.Random, options: Options) -> list[str]:
    names = [name for name, count in scenarios.scenario_counts(options.young_people).items() for _ in range(count)]
    names += [scenarios.APPROACHING_16.name] * options.approaching_16
    rng.shuffle(names)
    return names


class InvalidHistory(Exception):
    """A recipe drew a history that compliance.validation refuses: a bug in the generator."""


def draw(maker: HistoryMaker, name: str, index: int, options: Options) -> PersonPlan:
    scenario = scenarios.BY_NAME[name]
    chance = (
        scenarios.approaching_16_uasc_chance(options.uasc_share)
        if scenario is scenarios.APPROACHING_16
        else scenarios.uasc_chance(options.uasc_share)
    )
    uasc = scenario.uasc and maker.rng.random() < chance
    plan = scenario.recipe(maker, f"{700001 + index}", uasc)
    plan.episodes.sort(key=lambda e: e.start)
    return plan


def check(plan: PersonPlan, today: dt.date) -> None:
    problems = check_care_history(plan.young_person.date_of_birth, [episode_fact(e) for e in plan.episodes], today)
    if problems:
        details = "; ".join(f"episode {p.index}: {p.message}" for p in problems)
        child = plan.young_person.child_id
        raise InvalidHistory(f"Generated an invalid history for {child} ({plan.scenario}): {details}")


class Drawer:
    """Draws one young person at a time, in a fixed order, with everything about them."""

    def __init__(
        self, rng: random.Random, options: Options, staff: Staff, council: tuple[LocalPolicy, LocalStandards]
    ) -> None:
        policy, standards = council
        self.options, self.policy = options, policy
        self.history = HistoryMaker(rng, options.today, policy.leap_day_birthday_rule)
        self.allocator = Allocator(rng, staff, options.today)
        showcase = Showcase()
        self.life = LifeMaker(options.today, policy.leap_day_birthday_rule, showcase, standards.staying_put_review_months)
        self.casework = CaseworkMaker(options.today, standards, showcase, staff)

    def draw(self, name: str, index: int) -> Drawn:
        options = self.options
        plan = draw(self.history, name, index, options)
        check(plan, options.today)
        status = assess(build_facts(plan.young_person, plan.episodes, plan.home_periods), self.policy)
        # Each person's own generator for their life after care and casework, so that adding
        # a record type never changes anyone's care history.
        own = random.Random(f"{options.seed}:{plan.young_person.child_id}")
        life = self.life.make(own, plan, status)
        if life.changes_status():
            status = assess(life.person_facts(plan), self.policy)
        allocations = self.allocator.allocate(plan, status, life.pause)
        return Drawn(plan, status, allocations, self.casework.make(own, plan, status, life, allocations))


# -- the whole council -----------------------------------------------------------------------


def generate(options: Options, out: TextIO) -> Result:
    started = time.monotonic()
    result = Result()
    existing = existing_records()
    if any(existing.values()):
        if not options.reset:
            found = ", ".join(f"{n:,} {what}" for what, n in existing.items() if n)
            raise DemoRefused(
                f"This database already has {found}. Nothing was changed. "
                "Run generate_demo --reset to delete them and generate a demo council in their place."
            )
        result.deleted = reset_database()
        out.write(f"Reset: deleted {deleted_text(result.deleted)}.\n")

    rng = random.Random(options.seed)
    council = current_settings()
    secret = passphrase()
    with transaction.atomic():
        staff = create_staff(rng, options.young_people, options.approaching_16, make_password(secret))
    drawer = Drawer(rng, options, staff, council)
    sequence = scenario_sequence(rng, options)
    total = len(sequence)
    out.write(
        f"Generating {options.young_people:,} young people in the leaving-care service and "
        f"{options.approaching_16:,} looked-after children aged 14–15, with their casework (seed {options.seed}, "
        f"today {options.today:%-d %B %Y})…\n"
    )
    for first in range(0, total, options.batch_size):
        batch = [drawer.draw(sequence[index], index) for index in range(first, min(first + options.batch_size, total))]
        for drawn in batch:
            result.categories[drawn.status.category_on(options.today).value] += 1
        write_batch(batch, result.rows)
        done = first + len(batch)
        out.write(f"  {done:,} of {total:,} young people ({100 * done // total}%) – {time.monotonic() - started:.0f} s\n")
        out.flush()
    _fill_ledger(options, out, started)
    add_staffing(staff, options.today)
    result.rows["care leaver return values set by hand"] = set_mother_values(options.today, options.seed,
                                                                             staff.named["admin.demo"])
    out.write("Running a case-file audit round…\n")
    build_demo_round(options.today)
    build_demo_moderation(options.today)
    out.write("Working out the quarterly scorecard…\n")
    build_scorecard(last_quarters(options.today, QUARTERS_SHOWN))

    result.rows.update({"staff accounts": len(staff.users), "teams": len(staff.teams)})
    AuditEvent.objects.create(
        action="demo.generate_demo",
        object_type="demo.council",
        object_id=str(options.seed),
        summary=(
            f"Generated a demo council of {total:,} young people "
            f"(seed {options.seed}, today {options.today.isoformat()})"
        ),
        changes={"seed": [None, options.seed], "today": [None, options.today.isoformat()]},
    )
    result.sign_in_file = _write_sign_in(staff, secret, options)
    result.seconds = time.monotonic() - started
    _summary(out, options, staff, result)
    return result


def _fill_ledger(options: Options, out: TextIO, started: float) -> None:
    """Judge every duty for everyone once, so the demo opens with the ledger complete."""
    out.write("Working out every duty for every young person…\n")
    step = max(1, options.young_people // 10)
    shown = [0]

    def progress(done: int, total: int) -> None:
        if done - shown[0] >= step or done == total:
            shown[0] = done
            out.write(f"  duties for {done:,} of {total:,} young people – {time.monotonic() - started:.0f} s\n")
            out.flush()

    recompute_all(options.today, progress=progress)


# -- what the people running the demo read -----------------------------------------------------


def _seen_by(staff: Staff, options: Options) -> list[tuple[str, str, str]]:
    today = options.today
    named = staff.named
    pa_cases = Allocation.objects.active_on(today).filter(worker=named["pa.demo"]).count()
    sw_cases = Allocation.objects.active_on(today).filter(worker=named["sw.demo"]).count()
    team = staff.teams[0]
    team_people = YoungPerson.objects.filter(team=team).count()
    everyone = YoungPerson.objects.count()
    return [
        ("Personal adviser", "pa.demo", f"their caseload: {pa_cases} young people across every category"),
        ("Social worker", "sw.demo", f"their caseload: {sw_cases} children in care, 14 to 17"),
        (
            "Team manager",
            "manager.demo",
            f"{team.name}: {team_people:,} young people, {len(staff.pas[team.pk])} personal advisers",
        ),
        ("Head of service", "head.demo", f"the whole service: {everyone:,} young people"),
        ("QA auditor", "auditor.demo", "the whole service, to audit (cannot change records)"),
        ("Administrator", "admin.demo", "the whole service; adds young people and allocates workers"),
    ]


def _write_sign_in(staff: Staff, secret: str, options: Options) -> Path:
    path = Path(settings.VAR_DIR) / SIGN_IN_FILE
    lines = [
        f"Demo council sign-in ({settings.COUNCIL_NAME}), "
        f"generated with seed {options.seed} for {options.today.isoformat()}.",
        "Every demo account has the same password. Keep this file private: it is regenerated each run.",
        "",
        f"Password: {secret}",
        "",
        f"{'Role':<18} {'Username':<24} What they will see",
    ]
    lines += [f"{role:<18} {username:<24} {seen}" for role, username, seen in _seen_by(staff, options)]
    lines += ["", "All staff accounts:", f"{'Username':<28} {'Role':<28} Team"]
    for user in staff.users:
        lines.append(f"{user.username:<28} {Role(user.role).label:<28} {user.team.name if user.team else ''}")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def _summary(out: TextIO, options: Options, staff: Staff, result: Result) -> None:
    today = options.today
    out.write(f"\nDone in {result.seconds:.0f} s. Young people by category on {today:%-d %B %Y}:\n")
    for category in Category:
        if result.categories[category.value]:
            out.write(f"  {category.label:<32} {result.categories[category.value]:>9,}\n")
    roles = Counter(user.role for user in staff.users)
    out.write(
        f"Staff: {roles[Role.PERSONAL_ADVISER]:,} personal advisers, {roles[Role.SOCIAL_WORKER]:,} social workers, "
        f"{roles[Role.TEAM_MANAGER]:,} team managers, 1 head of service, 1 QA auditor and 1 administrator "
        f"in {len(staff.teams):,} localities.\n"
    )
    written = ", ".join(f"{n:,} {what}" for what, n in result.rows.items() if what not in ("young people",
                                                                                          "staff accounts", "teams"))
    out.write(f"Records: {written}.\n\n")
    out.write(f"Sign in with these accounts. The password is in {result.sign_in_file}\n")
    rows_seen = _seen_by(staff, options)
    out.write(f"  {'Role':<18} {'Username':<14} What they will see\n")
    for role, username, seen in rows_seen:
        out.write(f"  {role:<18} {username:<14} {seen}\n")
    out.write("Other staff accounts (same password) are listed in the same file.\n")
