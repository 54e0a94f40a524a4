"""What the circumstances records give the rules: CaseFacts fields and the category
facts, read in bulk, and the young person's status changing when they tell the council."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from circumstances import actions
from circumstances.facts import circumstances_facts
from circumstances.tests.helpers import date_fields, make_former_relevant_22
from compliance import records
from compliance.category_rules import DutyFlag
from compliance.facts import Declaration, DeclarationKind, Period
from conftest import client_for, make_young_person
from duties.models import DutyLedgerRow
from people.facts import case_facts_for
from people.status import spans_on, status_for

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def flags_today(young_person) -> set[DutyFlag]:
    return set(status_for(young_person).span_on(TODAY).flags)


def record_everything(young_person, user) -> dict[str, object]:
    spell = actions.record_accommodation(
        young_person, acting_user=user, start=dt.date(2025, 6, 1), end=None, accommodation_type="E",
        suitable=None, unsuitable_reason="", council_provided=True, address="", postcode="",
    )
    stay = actions.record_staying_put(young_person, acting_user=user, start=dt.date(2026, 5, 3), end=None, carer="Pat Jones")
    actions.record_staying_put_review(stay, acting_user=user, reviewed_on=dt.date(2026, 8, 1), notes="Going well")
    actions.record_staying_put_review(stay, acting_user=user, reviewed_on=dt.date(2026, 6, 1), notes="")
    actions.record_declaration(young_person, acting_user=user, kind="education_training", told_on=dt.date(2026, 9, 1), note="")
    actions.record_detention(young_person, acting_user=user, kind="hospital", start=dt.date(2024, 5, 1),
                             end=dt.date(2024, 5, 10), place="")
    actions.record_education_programme(young_person, acting_user=user, programme="BSc Nursing", provider="",
                                       ends_on=dt.date(2029, 7, 1))
    return {"spell": spell, "stay": stay}


def test_reader_gives_case_facts_and_category_facts(pa, jordan):
    made = record_everything(jordan, pa)
    facts = circumstances_facts([jordan.pk])[jordan.pk]
    spell, stay = made["spell"], made["stay"]
    assert facts["accommodation"] == [
        # Not judged yet: suitable None, and the code is the type letter alone.
        records.AccommodationSpell(dt.date(2025, 6, 1), None, code="E", suitable=None, council_provided=True,
                                   ref=f"accommodation:{spell.pk}")
    ]
    assert facts["staying_put"] == [
        records.StayingPutArrangement(dt.date(2026, 5, 3), None, reviewed_on=(dt.date(2026, 6, 1), dt.date(2026, 8, 1)),
                                      ref=f"staying_put:{stay.pk}")
    ]
    assert facts["person.staying_put"] == [Period(dt.date(2026, 5, 3), None)]
    assert facts["person.declarations"] == [Declaration(DeclarationKind.EDUCATION_TRAINING, dt.date(2026, 9, 1))]
    assert facts["person.detained_or_in_hospital"] == [Period(dt.date(2024, 5, 1), dt.date(2024, 5, 10))]
    assert facts["person.education_programme_beyond_21_until"] == [dt.date(2029, 7, 1)]
    # And through the people app's gatherer into the core's CaseFacts.
    case = case_facts_for([jordan])[jordan.pk]
    assert case.accommodation[0].council_provided and case.staying_put[0].reviewed_on[-1] == dt.date(2026, 8, 1)
    assert case.person.education_programme_beyond_21_until == dt.date(2029, 7, 1)
    assert case.person.declarations == (Declaration(DeclarationKind.EDUCATION_TRAINING, dt.date(2026, 9, 1)),)


def test_reader_costs_the_same_queries_for_one_person_or_many(pa, jordan, north, django_assert_num_queries):
    others = [make_young_person(date_of_birth=jordan.date_of_birth, team=north) for _ in range(3)]
    for person in [jordan, *others]:
        record_everything(person, pa)
    with django_assert_num_queries(6):
        one = circumstances_facts([jordan.pk])
    with django_assert_num_queries(6):
        many = circumstances_facts([jordan.pk, *(p.pk for p in others)])
    assert set(many) == {jordan.pk, *(p.pk for p in others)}
    assert many[jordan.pk]["accommodation"] == one[jordan.pk]["accommodation"]


def test_asking_for_support_at_22_brings_the_s23czb_duty(pa, north):
    casey = make_former_relevant_22(north, pa)
    assert DutyFlag.S23CZB not in flags_today(casey)
    response = client_for(pa).post(
        reverse("circumstances:declaration-create", args=[casey.pk]),
        {"kind": "support_requested", **date_fields("told_on", dt.date(2026, 10, 5)), "note": "Rang the duty line", "version": ""},
    )
    assert response.status_code == 302
    assert DutyFlag.S23CZB in flags_today(casey)
    # The stored timeline was rewritten in the same write, so lists see it too.
    stored = spans_on(TODAY).get(young_person=casey)
    assert "s23czb" in stored.flags and stored.start == dt.date(2026, 10, 5)
    # Saying they no longer want it switches it off again.
    actions.record_declaration(casey, acting_user=pa, kind="support_declined", told_on=dt.date(2026, 11, 20), note="")
    assert DutyFlag.S23CZB not in flags_today(casey)


def test_a_programme_past_21_keeps_s23c_going(pa, north):
    casey = make_former_relevant_22(north, pa)
    assert DutyFlag.S23C not in flags_today(casey)
    actions.record_education_programme(casey, acting_user=pa, programme="BSc Social Work", provider="University of Leeds",
                                       ends_on=dt.date(2027, 7, 1))
    assert DutyFlag.S23C in flags_today(casey)


def test_ledger_is_recomputed_after_the_write_commits(pa, north, django_capture_on_commit_callbacks):
    casey = make_former_relevant_22(north, pa)
    assert not DutyLedgerRow.objects.filter(young_person=casey).exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        actions.record_declaration(casey, acting_user=pa, kind="support_requested", told_on=dt.date(2026, 10, 5), note="")
    assert callbacks
    rows = DutyLedgerRow.objects.filter(young_person=casey)
    assert rows.exists() and {row.computed_on for row in rows} == {TODAY}
