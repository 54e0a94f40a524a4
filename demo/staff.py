"""The demo council's localities and staff, with the named demo sign-ins."""

from __future__ import annotations

import math
import random
import secrets
from dataclasses import dataclass

from django.conf import settings

from accounts.models import Role, Team, User
from demo import vocab

YOUNG_PEOPLE_PER_PA = 22
CHILDREN_PER_SOCIAL_WORKER = 15

# The named demo accounts, and what each will see when they sign in.
DEMO_USERS = {
    Role.PERSONAL_ADVISER: "pa.demo",
    Role.SOCIAL_WORKER: "sw.demo",
    Role.TEAM_MANAGER: "manager.demo",
    Role.HEAD_OF_SERVICE: "head.demo",
    Role.QA_AUDITOR: "auditor.demo",
    Role.ADMINISTRATOR: "admin.demo",
}


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
    managers: dict[int, User]  # team id -> its team manager


def passphrase() -> str:
    """A one-off passphrase for the demo accounts, from `secrets` (never the seeded RNG)."""
    words = [secrets.choice(vocab.PASSPHRASE_WORDS) for _ in range(4)]
    return "-".join(words) + f"-{secrets.randbelow(90) + 10}"


def create_staff(rng: random.Random, young_people: int, approaching_16: int, password_hash: str) -> Staff:
    n_pas = max(4, round(young_people / YOUNG_PEOPLE_PER_PA))
    under_18_in_care = 0.18 * young_people + approaching_16
    n_teams = 3 if young_people < 150 else max(4, math.ceil(n_pas / 8))
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
    managers = {}
    for index, team in enumerate(teams):
        user = person(Role.TEAM_MANAGER, team, "manager.demo" if index == 0 else None)
        managers[team.pk] = user
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
    return Staff(teams, pas, sws, all_pas, all_sws, users, named, weights, managers)
