"""Generate a fictional council's leaving-care service for demonstrations and load tests.

``generate(options, out)`` does the whole job: refuses to touch a database that
already holds young people (unless told to reset it), creates localities and
staff, then draws young people batch by batch. Each batch is written with
``bulk_create`` in one transaction. The stored leaving-care timeline of every
person is exactly what ``people.status.recompute_status`` would write: it is
computed by the compliance core from the same in-memory rows, through
``people.status.build_facts`` and ``span_rows``.

Reproducible: every random choice comes from one ``random.Random(seed)``, used in
a fixed order, and "today" is an input, so the same seed and reference date give
the same council. The only thing that differs between runs is the sign-in
passphrase, which comes from ``secrets`` and is written to var/demo-sign-in.txt.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError

from accounts.models import Role, Team, User
from audit.models import AuditEvent
from casework.models import Allocation, AllocationRole
from compliance.categories import Category, DutyFlag, LeavingCareStatus, assess
from compliance.validation import check_care_history
from demo import scenarios, vocab
from demo.histories import HistoryMaker, PersonPlan
from people.models import CareEpisode, HomeWithParentPeriod, StatusSpan, YoungPerson
from people.status import build_facts, episode_fact, local_policy, span_rows

SIGN_IN_FILE = "demo-sign-in.txt"
YOUNG_PEOPLE_PER_PA = 22
CHILDREN_PER_SOCIAL_WORKER = 15
PA_LATE_SHARE = 0.02  # "PA allocated late": open cases that need a PA and have none

# The named demo accounts, and what each will see when they sign in.
DEMO_USERS = {
    Role.PERSONAL_ADVISER: "pa.demo",
    Role.SOCIAL_WORKER: "sw.demo",
    Role.TEAM_MANAGER: "manager.demo",
    Role.HEAD_OF_SERVICE: "head.demo",
    Role.QA_AUDITOR: "auditor.demo",
    Role.ADMINISTRATOR: "admin.demo",
}

# pa.demo's caseload is filled first, up to these numbers per kind of case, so it
# shows every category; sw.demo likewise for children in care.
PA_DEMO_QUOTA = {
    "eligible": 4,
    "relevant": 2,
    "former_relevant_s23c": 7,
    "former_relevant_21": 4,
    "qualifying": 2,
    "none": 2,
}
SW_DEMO_QUOTA = {"eligible": 6, "looked_after_16_17": 1, "looked_after": 6}


class DemoRefused(Exception):
    """The database already holds records and --reset was not given, or reset is blocked."""


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


# -- reset ---------------------------------------------------------------------------------


def _dependents_first(
    model: type[models.Model], order: list[type[models.Model]], visiting: frozenset[type[models.Model]] = frozenset()
) -> None:
    """``model`` after every model that points at it, directly or through others, so that
    deleting in ``order`` never trips a PROTECT foreign key."""
    for relation in model._meta.related_objects:
        related = relation.related_model
        if related in order or related in visiting or related is model or related._meta.auto_created:
            continue
        _dependents_first(related, order, visiting | {model})
    if model not in order:
        order.append(model)


def _delete_all(model: type[models.Model], chunk: int = 5000) -> int:
    """Delete every row, a chunk at a time so that memory stays flat on big tables."""
    manager = model._base_manager
    total = 0
    while True:
        pks = list(manager.order_by("pk").values_list("pk", flat=True)[:chunk])
        if not pks:
            return total
        total += manager.filter(pk__in=pks).delete()[1].get(model._meta.label, 0)


def existing_records() -> dict[str, int]:
    return {
        "young people": YoungPerson.objects.count(),
        "staff accounts": User.objects.filter(is_superuser=False).count(),
        "teams": Team.objects.count(),
    }


def reset_database() -> dict[str, int]:
    """Delete every young person and every row that hangs off them (care history, timeline,
    allocations, audit and access-log rows, and whatever later apps add), then the staff
    accounts (superusers are kept, without a team) and the teams. Returns counts by table."""
    order: list[type[models.Model]] = []
    _dependents_first(YoungPerson, order)
    deleted: dict[str, int] = {}
    try:
        with transaction.atomic():
            for model in order:
                deleted[str(model._meta.verbose_name_plural)] = _delete_all(model)
            User.objects.filter(is_superuser=True).update(team=None)
            deleted["staff accounts"] = User.objects.filter(is_superuser=False).delete()[1].get(User._meta.label, 0)
            deleted["teams"] = Team.objects.all().delete()[0]
    except (ProtectedError, RestrictedError) as error:
        found = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
        blockers = sorted({obj._meta.label for obj in found})
        raise DemoRefused(
            f"Could not reset: rows in {', '.join(blockers)} still point at staff or teams. "
            "Teach demo.generator.reset_database to delete them first."
        ) from error
    return deleted


# Friendlier (plural, singular) names for the tables the reset empties; others use their verbose names.
_RESET_NAMES = {
    "young persons": ("young people", "young person"),
    "care episodes": ("care episodes", "care episode"),
    "home with parent periods": ("periods living with a parent", "period living with a parent"),
    "status spans": ("timeline spans", "timeline span"),
    "allocations": ("allocations", "allocation"),
    "audit events": ("audit events", "audit event"),
    "access logs": ("access-log rows", "access-log row"),
    "staff accounts": ("staff accounts", "staff account"),
    "teams": ("teams", "team"),
}


def _deleted_text(deleted: dict[str, int]) -> str:
    """E.g. "390 young people, 924 care episodes, …, 1 audit event, 31 staff accounts, 4 teams"."""
    ordered = sorted(deleted.items(), key=lambda item: item[0] != "young persons")
    parts = []
    for what, n in ordered:
        plural, singular = _RESET_NAMES.get(what, (what, what))
        if n:
            parts.append(f"{n:,} {singular if n == 1 else plural}")
    return ", ".join(parts) if parts else "nothing"


# -- staff ---------------------------------------------------------------------------------


def _team_names(count: int) -> list[str]:
    names = [f"{c} locality" for c in vocab.COMPASS[:4]] if count <= 4 else [f"{c} locality" for c in vocab.COMPASS]
    names += [f"{t} locality" for t in vocab.TOWNS]
    names += [f"{t} {c} locality" for t in vocab.TOWNS for c in vocab.COMPASS]
    names += [f"Locality {n}" for n in range(len(names) + 1, count + 1)]
    return names[:count]


@dataclass
class Staff:
    teams: list[Team]
    pas: dict[int, list[User]]  # team id -> personal advisers
    sws: dict[int, list[User]]  # team id -> social workers
    all_pas: list[User]
    all_sws: list[User]
    users: list[User]
    named: dict[str, User]
    team_weights: list[int]


def passphrase() -> str:
    """A one-off passphrase for the demo accounts, from `secrets` (never the seeded RNG)."""
    words = [secrets.choice(vocab.PASSPHRASE_WORDS) for _ in range(4)]
    return "-".join(words) + f"-{secrets.randbelow(90) + 10}"


def create_staff(rng: random.Random, options: Options, password_hash: str) -> Staff:
    n_pas = max(4, round(options.young_people / YOUNG_PEOPLE_PER_PA))
    under_18_in_care = 0.18 * options.young_people + options.approaching_16
    n_teams = 3 if options.young_people < 150 else max(4, math.ceil(n_pas / 8))
    # At least two social workers per locality, so no one carries a whole locality alone,
    # plus sw.demo in the first locality (it only gets its chosen caseload, SW_DEMO_QUOTA).
    n_sws = n_teams * max(2, math.ceil(under_18_in_care / CHILDREN_PER_SOCIAL_WORKER / n_teams)) + 1
    teams = Team.objects.bulk_create(Team(name=name, kind=Team.Kind.LOCALITY) for name in _team_names(n_teams))
    council = settings.COUNCIL_NAME.lower().replace(" ", "-") or "demo-council"
    taken: set[str] = set(DEMO_USERS.values())
    users: list[User] = []

    def person(role: str, team: Team | None, username: str | None = None) -> User:
        first = rng.choice(vocab.BOYS + vocab.GIRLS)
        last = rng.choice(vocab.FAMILY)
        if username is None:
            base = f"{first}.{last}".lower()
            username, n = base, 1
            while username in taken:
                n += 1
                username = f"{base}{n}"
            taken.add(username)
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@{council}.example",
            role=role,
            team=team,
            password=password_hash,
        )
        users.append(user)
        return user

    named = {
        "head.demo": person(Role.HEAD_OF_SERVICE, None, "head.demo"),
        "auditor.demo": person(Role.QA_AUDITOR, None, "auditor.demo"),
        "admin.demo": person(Role.ADMINISTRATOR, None, "admin.demo"),
    }
    for index, team in enumerate(teams):
        user = person(Role.TEAM_MANAGER, team, "manager.demo" if index == 0 else None)
        if index == 0:
            named["manager.demo"] = user
    all_pas = [person(Role.PERSONAL_ADVISER, teams[i % n_teams], "pa.demo" if i == 0 else None) for i in range(n_pas)]
    all_sws = [person(Role.SOCIAL_WORKER, teams[i % n_teams], "sw.demo" if i == 0 else None) for i in range(n_sws)]
    named["pa.demo"], named["sw.demo"] = all_pas[0], all_sws[0]
    User.objects.bulk_create(users)
    pas: dict[int, list[User]] = {t.pk: [] for t in teams}
    sws: dict[int, list[User]] = {t.pk: [] for t in teams}
    for user in all_pas:
        pas[user.team.pk].append(user)  # type: ignore[union-attr]
    for user in all_sws:
        sws[user.team.pk].append(user)  # type: ignore[union-attr]
    # pa.demo's caseload is chosen separately (PA_DEMO_QUOTA), so the first locality's share
    # of everyone else is that of its other advisers; the same goes for sw.demo.
    weights = [len(pas[t.pk]) - (1 if index == 0 else 0) for index, t in enumerate(teams)]
    return Staff(teams, pas, sws, all_pas, all_sws, users, named, weights)


# -- allocations ---------------------------------------------------------------------------


def bucket(status: LeavingCareStatus, day: dt.date, under_16: bool) -> str:
    span = status.span_on(day)
    if span.category is Category.FORMER_RELEVANT:
        return "former_relevant_s23c" if DutyFlag.S23C in span.flags else "former_relevant_21"
    if span.category is Category.LOOKED_AFTER:
        return "looked_after" if under_16 else "looked_after_16_17"
    return span.category.value


class Allocator:
    """Chooses each person's locality and workers, keeping caseloads even."""

    def __init__(self, rng: random.Random, staff: Staff, today: dt.date) -> None:
        self.rng = rng
        self.staff = staff
        self.today = today
        self.load: Counter[int] = Counter()
        self.pa_demo = staff.named["pa.demo"]
        self.sw_demo = staff.named["sw.demo"]
        self.pa_demo_filled: Counter[str] = Counter()
        self.sw_demo_filled: Counter[str] = Counter()

    def _least_loaded(self, workers: list[User]) -> User:
        """The less busy of two random workers; pa.demo and sw.demo only get their chosen caseloads."""
        choices = [w for w in workers if w is not self.pa_demo and w is not self.sw_demo] or workers
        first, second = self.rng.choice(choices), self.rng.choice(choices)
        return second if self.load[second.pk] < self.load[first.pk] else first

    def _other(self, workers: list[User], not_this: User) -> User:
        worker = self.rng.choice(workers)
        while worker.pk == not_this.pk and len(workers) > 1:
            worker = self.rng.choice(workers)
        return worker

    def _history(
        self, role: str, start: dt.date, end: dt.date | None, current: User, pool: list[User], most: int
    ) -> list[Allocation]:
        """One to ``most`` workers from ``start``, handing over in turn; the last is ``current``."""
        rng = self.rng
        until = end or self.today
        room = (until - start).days
        count = min(rng.choices((1, 2, 3), (55, 30, 15))[0], most, 1 + max(0, room - 60) // 150)
        handovers = sorted(rng.sample(range(60, room - 29), count - 1)) if count > 1 and room > 120 else []
        starts = [start, *(start + dt.timedelta(days=d) for d in handovers)]
        workers = [current]
        for _ in starts[:-1]:  # each earlier worker handed over to someone else
            workers.insert(0, self._other(pool, workers[0]))
        ends = [*starts[1:], end]
        return [
            Allocation(worker=w, role=role, start=s, end=e)
            for w, s, e in zip(workers, starts, ends, strict=True)
        ]

    def allocate(self, plan: PersonPlan, status: LeavingCareStatus) -> list[Allocation]:
        rng, today = self.rng, self.today
        young_person = plan.young_person
        keys = status.key_dates
        stops = [d for d in (young_person.closed_on, young_person.date_of_death) if d is not None]
        stop = min(stops) if stops else None
        under_16 = today < keys.birthday_16
        kind = bucket(status, today, under_16)
        team_index = rng.choices(range(len(self.staff.teams)), self.staff.team_weights)[0]
        allocations: list[Allocation] = []

        # Personal adviser: from about the 16th birthday, or from when leaving-care status began.
        leaving = [s for s in status.timeline if s.category.is_leaving_care and s.start <= today]
        pa_from = None
        if leaving:
            began = leaving[0].start
            settle = rng.randint(0, 60) if leaving[0].category is Category.ELIGIBLE else rng.randint(7, 90)
            pa_from = max(began, keys.birthday_16) + dt.timedelta(days=settle)
            if pa_from > today or (stop is not None and pa_from >= stop - dt.timedelta(days=30)):
                pa_from = None
        open_case = stop is None
        current_pa = None
        if pa_from is not None:
            late = open_case and rng.random() < PA_LATE_SHARE
            if open_case and not late and self._wants_pa_demo(kind):
                current_pa, team_index = self.pa_demo, 0
                self.pa_demo_filled[kind] += 1
            else:
                current_pa = self._least_loaded(self.staff.pas[self.staff.teams[team_index].pk])
            history = self._history(
                AllocationRole.PERSONAL_ADVISER, pa_from, stop, current_pa, self.staff.all_pas, 3
            )
            if late:
                # The last adviser left and nobody has been allocated since (or nobody ever was).
                if rng.random() < 0.5 or (today - history[-1].start).days < 90:
                    history = []
                else:
                    served = (today - history[-1].start).days
                    history[-1].end = history[-1].start + dt.timedelta(days=rng.randint(30, served - 30))
                current_pa = None
            allocations += history
            if current_pa is not None and open_case:
                self.load[current_pa.pk] += 1

        # Social worker: while in care, over the last three years; the last one ends when care ends.
        start, end = plan.care_spells[-1] if plan.care_spells else (None, None)
        short_breaks = bool(plan.episodes) and plan.episodes[-1].legal_status in ("V3", "V4")
        if start is not None and not short_breaks and (end is None or (today - end).days < 3 * 365):
            recent = today - dt.timedelta(days=rng.randint(300, 1500))
            sw_from = max(start, recent, end - dt.timedelta(days=rng.randint(300, 900)) if end else start)
            if end is None and open_case and current_pa is None and self._wants_sw_demo(kind):
                team_index = 0
                current_sw = self.sw_demo
                self.sw_demo_filled[kind] += 1
            else:
                team_sws = self.staff.sws[self.staff.teams[team_index].pk] or self.staff.all_sws
                current_sw = self._least_loaded(team_sws)
                if end is None and current_pa is self.pa_demo and self._wants_sw_demo(kind):
                    current_sw = self.sw_demo
                    self.sw_demo_filled[kind] += 1
            if sw_from < (end or today):
                allocations += self._history(
                    AllocationRole.SOCIAL_WORKER, sw_from, end, current_sw, self.staff.all_sws, 3
                )
                if end is None:
                    self.load[current_sw.pk] += 1
        young_person.team = self.staff.teams[team_index]
        return allocations

    def _wants_pa_demo(self, kind: str) -> bool:
        return self.pa_demo_filled[kind] < PA_DEMO_QUOTA.get(kind, 0)

    def _wants_sw_demo(self, kind: str) -> bool:
        return self.sw_demo_filled[kind] < SW_DEMO_QUOTA.get(kind, 0)


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


def _write_batch(batch: list[tuple[PersonPlan, LeavingCareStatus, list[Allocation]]], result: Result) -> None:
    with transaction.atomic():
        people = YoungPerson.objects.bulk_create([plan.young_person for plan, _, _ in batch])
        episodes, homes, spans, allocations = [], [], [], []
        for young_person, (plan, status, person_allocations) in zip(people, batch, strict=True):
            for row in (*plan.episodes, *plan.home_periods, *person_allocations):
                row.young_person = young_person
            episodes += plan.episodes
            homes += plan.home_periods
            allocations += person_allocations
            spans += span_rows(young_person.pk, status)
        CareEpisode.objects.bulk_create(episodes)
        HomeWithParentPeriod.objects.bulk_create(homes)
        StatusSpan.objects.bulk_create(spans)
        Allocation.objects.bulk_create(allocations)
    result.rows.update(
        {"young people": len(people), "care episodes": len(episodes), "periods living with a parent": len(homes),
         "timeline spans": len(spans), "allocations": len(allocations)}
    )  # fmt: skip


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
        out.write(f"Reset: deleted {_deleted_text(result.deleted)}.\n")

    rng = random.Random(options.seed)
    policy = local_policy()
    secret = passphrase()
    with transaction.atomic():
        staff = create_staff(rng, options, make_password(secret))
    maker = HistoryMaker(rng, options.today, policy.leap_day_birthday_rule)
    allocator = Allocator(rng, staff, options.today)
    sequence = scenario_sequence(rng, options)
    total = len(sequence)
    out.write(
        f"Generating {options.young_people:,} young people in the leaving-care service and "
        f"{options.approaching_16:,} looked-after children aged 14–15 (seed {options.seed}, "
        f"today {options.today:%-d %B %Y})…\n"
    )
    for first in range(0, total, options.batch_size):
        batch = []
        for index in range(first, min(first + options.batch_size, total)):
            plan = draw(maker, sequence[index], index, options)
            check(plan, options.today)
            status = assess(build_facts(plan.young_person, plan.episodes, plan.home_periods), policy)
            batch.append((plan, status, allocator.allocate(plan, status)))
            result.categories[status.category_on(options.today).value] += 1
        _write_batch(batch, result)
        done = first + len(batch)
        out.write(f"  {done:,} of {total:,} young people ({100 * done // total}%) – {time.monotonic() - started:.0f} s\n")
        out.flush()

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
    rows = result.rows
    out.write(
        f"Records: {rows['care episodes']:,} care episodes, {rows['periods living with a parent']:,} periods living "
        f"with a parent, {rows['timeline spans']:,} timeline spans, {rows['allocations']:,} allocations.\n\n"
    )
    out.write(f"Sign in with these accounts. The password is in {result.sign_in_file}\n")
    rows_seen = _seen_by(staff, options)
    out.write(f"  {'Role':<18} {'Username':<14} What they will see\n")
    for role, username, seen in rows_seen:
        out.write(f"  {role:<18} {username:<14} {seen}\n")
    out.write("Other staff accounts (same password) are listed in the same file.\n")
