"""Shared test fixtures: factories and the named people every permission test uses.

Personas (healthchecks' alice/bob/charlie, in our domain):
- `pa`: Priya, a personal adviser in the North team, with Jordan on her caseload;
- `other_pa`: Oliver, a personal adviser in the North team, with Sam on his caseload;
- `manager`: Mina, the North team manager;
- `other_manager`: Omar, the South team manager;
- `head`: Hana, head of service;  `auditor`: Aled, QA auditor;  `admin_user`: Ada, administrator;
- `outsider`: Olu, signed in but with no role.
"""

from __future__ import annotations

import datetime as dt

import factory
import pytest
from django.test import Client

from accounts.models import Role, Team, User
from casework.models import Allocation
from people.models import CareEpisode, YoungPerson
from people.status import recompute_status

TODAY = dt.date(2026, 11, 23)
PASSWORD_FOR_BROWSER = "correct horse battery staple"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Worker{n}")
    role = Role.PERSONAL_ADVISER
    team = factory.SubFactory(TeamFactory, name="North")
    password = factory.django.Password(PASSWORD_FOR_BROWSER)


class YoungPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YoungPerson

    child_id = factory.Sequence(lambda n: f"C{n:05d}")
    given_name = "Alex"
    family_name = factory.Sequence(lambda n: f"Testperson{n}")
    date_of_birth = dt.date(2008, 5, 3)
    sex = "F"
    ethnicity = "WBRI"
    team = factory.SubFactory(TeamFactory, name="North")


class CareEpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareEpisode

    young_person = factory.SubFactory(YoungPersonFactory)
    start = dt.date(2022, 1, 10)
    reason_new = "S"
    legal_status = "C2"
    category_of_need = "N1"
    placement = "U4"
    placement_provider = "PR1"


def make_young_person(*, episodes: list[dict] | None = None, **fields) -> YoungPerson:
    """A young person with care episodes and their stored leaving-care timeline."""
    young_person = YoungPersonFactory(**fields)
    for episode in episodes or []:
        CareEpisodeFactory(young_person=young_person, **episode)
    recompute_status(young_person)
    return young_person


def allocate(young_person: YoungPerson, worker: User, role: str = "personal_adviser", start=dt.date(2024, 1, 1)):
    return Allocation.objects.create(young_person=young_person, worker=worker, role=role, start=start)


@pytest.fixture(autouse=True)
def _frozen_today(time_machine):
    """Every test runs on the same day, so ages and categories never drift."""
    time_machine.move_to(dt.datetime(2026, 11, 23, 12, 0), tick=False)


@pytest.fixture
def north(db) -> Team:
    return TeamFactory(name="North")


@pytest.fixture
def south(db) -> Team:
    return TeamFactory(name="South")


@pytest.fixture
def pa(north) -> User:
    return UserFactory(username="priya", first_name="Priya", last_name="Adviser", role=Role.PERSONAL_ADVISER, team=north)


@pytest.fixture
def other_pa(north) -> User:
    return UserFactory(username="oliver", first_name="Oliver", last_name="Adviser", role=Role.PERSONAL_ADVISER, team=north)


@pytest.fixture
def south_pa(south) -> User:
    return UserFactory(username="sian", first_name="Sian", last_name="Adviser", role=Role.PERSONAL_ADVISER, team=south)


@pytest.fixture
def manager(north) -> User:
    return UserFactory(username="mina", first_name="Mina", last_name="Manager", role=Role.TEAM_MANAGER, team=north)


@pytest.fixture
def other_manager(south) -> User:
    return UserFactory(username="omar", first_name="Omar", last_name="Manager", role=Role.TEAM_MANAGER, team=south)


@pytest.fixture
def head(db) -> User:
    return UserFactory(username="hana", first_name="Hana", last_name="Head", role=Role.HEAD_OF_SERVICE, team=None)


@pytest.fixture
def auditor(db) -> User:
    return UserFactory(username="aled", first_name="Aled", last_name="Auditor", role=Role.QA_AUDITOR, team=None)


@pytest.fixture
def admin_user(db) -> User:
    return UserFactory(username="ada", first_name="Ada", last_name="Admin", role=Role.ADMINISTRATOR, team=None)


@pytest.fixture
def outsider(db) -> User:
    return UserFactory(username="olu", first_name="Olu", last_name="Outsider", role="", team=None)


@pytest.fixture
def jordan(pa, north) -> YoungPerson:
    """Priya's young person: in care from 13 to 17, so relevant at 17 and former relevant (s23C) since 18."""
    young_person = make_young_person(
        given_name="Jordan",
        family_name="Reed",
        child_id="JR001",
        date_of_birth=dt.date(2008, 5, 3),
        team=north,
        episodes=[{"start": dt.date(2022, 1, 10), "end": dt.date(2025, 6, 1), "reason_ended": "E6"}],
    )
    allocate(young_person, pa)
    return young_person


@pytest.fixture
def sam(other_pa, north) -> YoungPerson:
    """Oliver's young person, in the same team as Priya."""
    young_person = make_young_person(given_name="Sam", family_name="Cole", child_id="SC002", team=north)
    allocate(young_person, other_pa)
    return young_person


@pytest.fixture
def riley(south_pa, south) -> YoungPerson:
    """A young person in the South team."""
    young_person = make_young_person(given_name="Riley", family_name="Shaw", child_id="RS003", team=south)
    allocate(young_person, south_pa)
    return young_person


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


# One Playwright (and one Chromium) for every browser test module; see web/tests/browser.py.
@pytest.fixture(scope="session")
def browser():
    from web.tests.browser import launch_browser

    yield from launch_browser()


@pytest.fixture
def page_for(browser, live_server):
    from web.tests.browser import page_opener

    yield from page_opener(browser, live_server)
