"""Samples: random, reproducible from the seed, optionally stratified, profiled before confirming."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from caseaudits import actions
from caseaudits.models import Audit, AuditRound, AuditStatus, RoundStatus
from caseaudits.sampling import draw_sample, proportional_quotas
from caseaudits.tests.conftest import make_round
from conftest import allocate, client_for, make_young_person

# -- the pure draw -----------------------------------------------------------------------------


def test_the_same_seed_over_the_same_population_draws_the_same_sample():
    population = list(range(1, 301))
    assert draw_sample(population, 24, seed=4711) == draw_sample(population, 24, seed=4711)
    assert draw_sample(population, 24, seed=4711) != draw_sample(population, 24, seed=4712)


@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=200, unique=True),
       st.integers(min_value=0, max_value=999_999), st.randoms(use_true_random=False))
def test_the_order_the_population_arrives_in_does_not_change_the_draw(population, seed, shuffler):
    shuffled = list(population)
    shuffler.shuffle(shuffled)
    size = max(1, len(population) // 3)
    drawn = draw_sample(population, size, seed)
    assert drawn == draw_sample(shuffled, size, seed)
    assert len(drawn) == size and len(set(drawn)) == size and set(drawn) <= set(population)


def test_a_sample_larger_than_the_population_is_all_of_it():
    assert draw_sample([5, 3, 9], 10, seed=1) == [3, 5, 9]


def test_quotas_are_proportional_and_add_up():
    assert proportional_quotas(10, {"North": 50, "South": 30, "East": 20}) == {"North": 5, "South": 3, "East": 2}
    # 7 places over 3 equal strata: the spare place goes to the stratum that sorts first.
    assert proportional_quotas(7, {"b": 10, "a": 10, "c": 10}) == {"a": 3, "b": 2, "c": 2}


def test_a_stratified_sample_takes_from_each_group_in_proportion_and_is_reproducible():
    strata = {pk: ("North" if pk <= 60 else "South") for pk in range(1, 101)}
    drawn = draw_sample(list(strata), 10, seed=99, strata=strata)
    assert sum(1 for pk in drawn if strata[pk] == "North") == 6
    assert sum(1 for pk in drawn if strata[pk] == "South") == 4
    assert drawn == draw_sample(list(reversed(list(strata))), 10, seed=99, strata=strata)


# -- drawing a round's sample through the pages ------------------------------------------------

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(north, south, pa, south_pa):
    """Twelve open young people in North and eight in South, one closed, one unaccompanied."""
    people = []
    for n in range(20):
        team = north if n < 12 else south
        person = make_young_person(child_id=f"S{n:03}", family_name=f"Sample{n:02}", team=team,
                                   date_of_birth=dt.date(2005 + n % 4, 1 + n % 12, 10), uasc=n == 3)
        allocate(person, pa if team == north else south_pa)
        people.append(person)
    make_young_person(child_id="CLOSED", family_name="Closed", team=north, closed_on=dt.date(2026, 1, 1))
    return people


def _draw(user, audit_round, **data):
    return client_for(user).post(reverse("caseaudits:sample", args=[audit_round.pk]),
                                 {"sample_size": "6", "stratify_by": "", "seed": "", **data})


def test_drawing_again_with_the_seed_gives_the_same_young_people(auditor, small_template, council):
    audit_round = make_round(auditor, small_template)
    assert _draw(auditor, audit_round, seed="2026").status_code == 302
    first = AuditRound.objects.get(pk=audit_round.pk).drawn_sample
    _draw(auditor, audit_round)  # a new random seed
    second = AuditRound.objects.get(pk=audit_round.pk)
    assert second.seed != 2026 or second.drawn_sample == first
    _draw(auditor, audit_round, seed="2026")
    assert AuditRound.objects.get(pk=audit_round.pk).drawn_sample == first
    assert len(first) == 6 and AuditRound.objects.get(pk=audit_round.pk).population_size == 20


def test_the_population_follows_the_filters(auditor, small_template, council, north):
    audit_round = make_round(auditor, small_template, team=north.pk)
    _draw(auditor, audit_round, sample_size="12")
    drawn = AuditRound.objects.get(pk=audit_round.pk)
    assert drawn.population_size == 12
    assert {p.team_id for p in council if p.pk in drawn.drawn_sample} == {north.pk}
    uasc_round = make_round(auditor, small_template, uasc="yes")
    _draw(auditor, uasc_round, sample_size="1")
    assert AuditRound.objects.get(pk=uasc_round.pk).drawn_sample == [council[3].pk]


def test_a_sample_bigger_than_the_population_is_refused_with_a_message(auditor, small_template, council):
    audit_round = make_round(auditor, small_template)
    page = _draw(auditor, audit_round, sample_size="21").content.decode()
    assert "Sample size must be between 1 and 20, the number of young people in the population" in page
    assert AuditRound.objects.get(pk=audit_round.pk).drawn_sample == []
    page = _draw(auditor, audit_round, sample_size="six").content.decode()
    assert "Sample size must be a whole number" in page


def test_the_profile_compares_the_sample_with_the_population_before_confirming(auditor, small_template, council):
    audit_round = make_round(auditor, small_template)
    _draw(auditor, audit_round, sample_size="10", stratify_by="team", seed="7")
    page = client_for(auditor).get(reverse("caseaudits:sample", args=[audit_round.pk])).content.decode()
    assert "Sample profile" in page and "seed <strong>7</strong>" in page
    # 12 of 20 in North (60%); a stratified sample of 10 takes 6 (60%) from it.
    assert "12 (60%)" in page and "6 (60%)" in page
    for heading in ("Team", "Age band", "Leaving-care category", "Sex", "Ethnicity"):
        assert f"<caption class=\"govuk-table__caption govuk-table__caption--s\">{heading}</caption>" in page
    assert not Audit.objects.exists()


def test_confirming_creates_one_audit_per_file_with_its_team_and_worker(auditor, small_template, council, pa):
    audit_round = make_round(auditor, small_template)
    _draw(auditor, audit_round, sample_size="5", seed="11")
    drawn = AuditRound.objects.get(pk=audit_round.pk)
    response = client_for(auditor).post(reverse("caseaudits:confirm", args=[audit_round.pk]), {"version": drawn.version})
    assert response.status_code == 302
    audits = Audit.objects.filter(round=audit_round)
    assert sorted(a.young_person_id for a in audits) == drawn.drawn_sample
    assert all(a.status == AuditStatus.UNALLOCATED and a.worker is not None for a in audits)
    assert all(a.team_id == a.young_person.team_id for a in audits)
    assert AuditRound.objects.get(pk=audit_round.pk).status == RoundStatus.SAMPLED
    # Confirmed means fixed: no redraw.
    assert "cannot be drawn again" in str(pytest.raises(Exception, actions.draw, drawn, acting_user=auditor, sample_size=3).value)


def test_only_those_who_run_rounds_can_sample(small_template, auditor, manager, pa, outsider, council):
    audit_round = make_round(auditor, small_template)
    for user in (manager, pa, outsider):
        assert client_for(user).get(reverse("caseaudits:sample", args=[audit_round.pk])).status_code == 403
        assert _draw(user, audit_round).status_code == 403
        assert client_for(user).get(reverse("caseaudits:rounds")).status_code == 403
    assert AuditRound.objects.get(pk=audit_round.pk).drawn_sample == []
