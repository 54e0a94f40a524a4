"""The demo council generator: valid, reproducible, safe to run, and consistent with the actions.

Care histories must pass the same check the actions use (compliance.validation), and
the stored timelines must be exactly what people.status.recompute_status would write.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from accounts.models import Role, Team, User
from audit.models import AuditEvent
from casework.models import Allocation, AllocationRole
from compliance import codes
from compliance.calendar import age_on, birthday
from compliance.categories import Category
from compliance.validation import check_care_history
from demo import places
from demo.generator import DEMO_USERS, SIGN_IN_FILE
from demo.identifiers import NO_URN_PLACEMENTS, is_valid_upn
from demo.scenarios import SCENARIOS, scenario_counts
from people.forms import CHILD_ID_PATTERN, UPN_PATTERN
from people.models import CareEpisode, HomeWithParentPeriod, StatusSpan, YoungPerson
from people.status import episode_fact, span_rows, spans_on, status_for

TODAY = dt.date(2026, 4, 1)
KNOWN_POSTCODES = frozenset(places.COUNCIL_POSTCODES + places.OTHER_AREA_POSTCODES)
SMALL = ["--young-people", "60", "--approaching-16", "10", "--today", TODAY.isoformat()]


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.VAR_DIR = tmp_path
    return tmp_path


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_demo", *SMALL, *args, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    """Everything that identifies the generated people and their histories (not database ids)."""
    people = []
    for person in YoungPerson.objects.order_by("child_id").prefetch_related("episodes", "home_with_parent_periods"):
        episodes = tuple(
            (e.start, e.end, e.reason_new, e.legal_status, e.category_of_need, e.placement,
             e.placement_provider, e.reason_ended, e.reason_place_change, e.placement_postcode)
            for e in person.episodes.all()
        )  # fmt: skip
        homes = tuple((h.start, h.end) for h in person.home_with_parent_periods.all())
        allocations = tuple(
            (a.worker.username, a.role, a.start, a.end)
            for a in Allocation.objects.filter(young_person=person).select_related("worker").order_by("role", "start")
        )
        people.append(
            (person.child_id, person.given_name, person.family_name, person.preferred_name, person.date_of_birth,
             person.sex, person.ethnicity, person.uasc, person.upn, person.team.name, person.closed_on,
             episodes, homes, allocations)
        )  # fmt: skip
    return people


def row_counts() -> dict[str, int]:
    models = (YoungPerson, CareEpisode, HomeWithParentPeriod, StatusSpan, Allocation, AuditEvent, User, Team)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_small_council_has_valid_histories_and_the_timelines_the_actions_would_store() -> None:
    generate("--seed", "7")

    people = list(YoungPerson.objects.prefetch_related("episodes", "home_with_parent_periods", "status_spans"))
    assert len(people) == 70
    for person in people:
        episodes = [episode_fact(e) for e in person.episodes.all()]
        assert 1 <= len(episodes) <= 6 or all(e.is_short_break for e in episodes), person.child_id
        assert check_care_history(person.date_of_birth, episodes, TODAY) == [], person.child_id
        assert person.episodes.all()[0].reason_new == "S"
        stored = [(s.category, s.start, s.end, s.flags, s.reason, s.citation) for s in person.status_spans.all()]
        recomputed = span_rows(person.pk, status_for(person))
        expected = [(s.category, s.start, s.end, s.flags, s.reason, s.citation) for s in recomputed]
        assert stored == expected, person.child_id

    today = Counter(span.category for span in spans_on(TODAY))
    shown = (Category.ELIGIBLE, Category.RELEVANT, Category.FORMER_RELEVANT, Category.QUALIFYING, Category.LOOKED_AFTER)
    for category in shown:
        assert today[category.value] > 0, category
    assert sum(today.values()) == 70  # exactly one span in force per person


@pytest.mark.django_db
def test_episodes_follow_the_ssda903_code_rules() -> None:
    """Pairings the DfE validator checks (ssda903-care-leavers.md §3): K3 is for 16 and over
    (rule 371); E17 only at 18 or over (rule 460); E45/E46 only from foster care (rule 516);
    no placement provider for T0–T3 and Z11–Z14 (rules 178, 213); E6 not under 14 (rule 387)."""
    generate("--young-people", "400", "--seed", "3")

    for episode in CareEpisode.objects.select_related("young_person"):
        dob = episode.young_person.date_of_birth
        assert episode.reason_new in codes.RNE
        assert episode.legal_status in codes.LEGAL_STATUS
        assert episode.category_of_need in codes.CATEGORY_OF_NEED
        assert episode.placement in codes.PLACEMENT and episode.placement not in ("H5", "P2", "Z1")
        assert episode.reason_ended == "" or episode.reason_ended in codes.REASON_EPISODE_CEASED
        assert episode.reason_place_change == "" or episode.reason_place_change in codes.REASON_PLACE_CHANGE
        if episode.placement in ("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"):
            assert episode.placement_provider == ""
        else:
            assert episode.placement_provider in codes.PLACEMENT_PROVIDER
        if episode.placement == "K3":
            assert age_on(dob, episode.start) >= 16
        if episode.reason_ended == "E17":
            assert age_on(dob, episode.end) >= 18
        if episode.reason_ended == "E6":
            assert age_on(dob, episode.end) >= 14
        if episode.reason_ended in ("E45", "E46"):
            assert episode.placement in codes.FOSTER_PLACEMENTS
        if episode.end is not None and episode.end > birthday(dob, 18):
            pytest.fail(f"{episode.young_person.child_id} is looked after past 18")
        # Real postcodes the validator can place (rules 392a-c); none for short breaks (rules 214,
        # 398, 420) and no home postcode for UASC (rule 406); a URN wherever rule 218 wants one.
        short_break = episode.legal_status in ("V3", "V4")
        if short_break:
            assert episode.home_postcode == episode.placement_postcode == episode.urn == ""
            continue
        assert episode.placement_postcode in KNOWN_POSTCODES
        if episode.young_person.uasc:
            assert episode.home_postcode == ""
        else:
            assert episode.home_postcode in places.COUNCIL_POSTCODES
            assert (episode.home_postcode == episode.placement_postcode) == (episode.placement == "P1")  # rule 392d
        if episode.placement in NO_URN_PLACEMENTS:
            assert episode.urn == ""
        else:
            assert re.fullmatch(r"SC[0-9]{6}", episode.urn), episode
    upns = set()
    for person in YoungPerson.objects.all():
        assert CHILD_ID_PATTERN.match(person.child_id)
        assert UPN_PATTERN.match(person.upn) and is_valid_upn(person.upn) and person.upn not in upns
        upns.add(person.upn)
        assert person.postcode == "" or person.postcode in places.COUNCIL_POSTCODES
        assert person.sex in codes.SEX and person.ethnicity in codes.ETHNIC
        assert person.uasc_ceased_on == (birthday(person.date_of_birth, 18) if person.uasc else None)
    used = set(CareEpisode.objects.values_list("legal_status", flat=True))
    assert {"C1", "C2", "V2", "V3", "J1"} <= used


@pytest.mark.django_db
def test_nothing_is_dated_after_the_reference_date() -> None:
    generate()

    assert not YoungPerson.objects.filter(date_of_birth__gt=TODAY).exists()
    assert not YoungPerson.objects.filter(closed_on__gt=TODAY).exists()
    assert not YoungPerson.objects.filter(date_of_death__gt=TODAY).exists()
    assert not CareEpisode.objects.filter(start__gt=TODAY).exists()
    assert not CareEpisode.objects.filter(end__gt=TODAY).exists()
    assert not HomeWithParentPeriod.objects.filter(start__gt=TODAY).exists()
    assert not HomeWithParentPeriod.objects.filter(end__gt=TODAY).exists()
    assert not Allocation.objects.filter(start__gt=TODAY).exists()
    assert not Allocation.objects.filter(end__gt=TODAY).exists()
    assert YoungPerson.objects.filter(closed_on__isnull=False).exists()
    assert YoungPerson.objects.filter(date_of_death__isnull=False).count() == 1


@pytest.mark.django_db
def test_staff_roles_and_allocations() -> None:
    generate()

    for role, username in DEMO_USERS.items():
        assert User.objects.get(username=username).role == role
    roles = Counter(User.objects.values_list("role", flat=True))
    assert roles[Role.PERSONAL_ADVISER] >= 4 and roles[Role.SOCIAL_WORKER] >= 2
    assert roles[Role.TEAM_MANAGER] == Team.objects.count() >= 3
    assert roles[Role.HEAD_OF_SERVICE] == roles[Role.QA_AUDITOR] == roles[Role.ADMINISTRATOR] == 1
    assert not User.objects.exclude(role__in=Role.values).exists()
    # Each worker's allocations match their role, and start on or after the date of birth.
    advisers = Allocation.objects.filter(role=AllocationRole.PERSONAL_ADVISER)
    social_workers = Allocation.objects.filter(role=AllocationRole.SOCIAL_WORKER)
    assert advisers.exists() and social_workers.exists()
    by_advisers = Allocation.objects.filter(worker__role=Role.PERSONAL_ADVISER)
    assert not by_advisers.exclude(role=AllocationRole.PERSONAL_ADVISER).exists()
    assert not advisers.exclude(worker__role=Role.PERSONAL_ADVISER).exists()
    assert not social_workers.exclude(worker__role=Role.SOCIAL_WORKER).exists()
    assert not Allocation.objects.exclude(worker__role__in=(Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER)).exists()
    for allocation in Allocation.objects.select_related("young_person"):
        assert allocation.start >= allocation.young_person.date_of_birth
    # One adviser and one social worker at a time; handovers never overlap.
    for person in YoungPerson.objects.all():
        for role in AllocationRole.values:
            spells = sorted(Allocation.objects.filter(young_person=person, role=role).values_list("start", "end"))
            for (_, end), (next_start, _) in zip(spells, spells[1:]):
                assert end is not None and end <= next_start
    # A young person's team is their current personal adviser's team.
    for allocation in advisers.active_on(TODAY).select_related("worker", "young_person"):
        assert allocation.young_person.team_id == allocation.worker.team_id
    # pa.demo has a caseload of about 20 across the categories; sw.demo has children in care.
    pa_demo = Allocation.objects.active_on(TODAY).filter(worker__username="pa.demo")
    current = {s.young_person_id: s.category for s in spans_on(TODAY)}
    categories = {current[a.young_person_id] for a in pa_demo}
    assert 15 <= pa_demo.count() <= 25
    assert {"eligible", "relevant", "former_relevant", "qualifying"} <= categories
    sw_demo = Allocation.objects.active_on(TODAY).filter(worker__username="sw.demo")
    assert sw_demo.count() >= 8
    assert {current[a.young_person_id] for a in sw_demo} <= {"eligible", "looked_after"}


@pytest.mark.django_db
def test_same_seed_gives_the_same_council_whatever_the_batch_size() -> None:
    generate("--seed", "11")
    first = snapshot()

    out = generate("--seed", "11", "--reset", "--batch-size", "7")
    assert "Reset: deleted 70 young people" in out
    assert snapshot() == first

    generate("--seed", "12", "--reset")
    assert snapshot() != first


@pytest.mark.django_db
def test_refuses_a_database_that_already_has_young_people(var_dir) -> None:  # type: ignore[no-untyped-def]
    generate()
    before = row_counts()
    sign_in = (var_dir / SIGN_IN_FILE).read_text()

    with pytest.raises(CommandError, match=r"already has 70 young people.*Nothing was changed.*--reset"):
        generate("--seed", "99")

    assert row_counts() == before
    assert (var_dir / SIGN_IN_FILE).read_text() == sign_in


@pytest.mark.django_db
def test_prints_usernames_but_keeps_the_password_in_the_sign_in_file(var_dir) -> None:  # type: ignore[no-untyped-def]
    out = generate()

    text = (var_dir / SIGN_IN_FILE).read_text()
    password = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("Password: "))
    assert password not in out
    for username in DEMO_USERS.values():
        assert username in out
        assert authenticate(username=username, password=password) is not None
    assert (var_dir / SIGN_IN_FILE).stat().st_mode & 0o077 == 0
    assert "100%" in out and "Former relevant" in out


@pytest.mark.parametrize("young_people", [0, 1, 7, 39, 40, 60, 350, 100_000])
def test_scenario_counts_add_up(young_people: int) -> None:
    counts = scenario_counts(young_people)
    assert sum(counts.values()) == young_people
    assert all(n >= 0 for n in counts.values())
    if young_people >= 40:
        assert all(counts[s.name] >= s.minimum for s in SCENARIOS)
