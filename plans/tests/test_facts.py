"""What the duty engine and the chronology read from plans records, and what the app
registers with the young person's record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from compliance.records import NeedsAssessment, PathwayPlanVersion, PlanReview, ReviewReason, ReviewRequest
from conftest import make_young_person
from duties.models import DutyLedgerRow
from people import extension
from people.facts import case_facts_for
from plans import actions
from plans.facts import plan_facts
from plans.models import SECTION_MATTERS
from plans.tests.conftest import AGREED, section_content, write_full_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(pa, manager, jordan, agreed):
    assessment = actions.record_assessment(
        jordan, acting_user=pa, started_on=dt.date(2026, 3, 2), completed_on=dt.date(2026, 4, 20), author=pa,
        health="h", education="e", relationships="r", finance="f", practical_skills="p", care_and_accommodation="c",
        wishes_and_feelings="w", views_of_others="v", views_sought="Jordan and carer",
    )
    actions.authorise_assessment(assessment, acting_user=manager, expected_version=1, authorised_on=dt.date(2026, 4, 22))
    signed = actions.sign_version(agreed, acting_user=pa, expected_version=agreed.version,
                                  young_person_signed_on=dt.date(2026, 6, 2), young_person_signed_how="portal",
                                  worker_signed_on=dt.date(2026, 6, 3), worker_signed_how="in_person")
    authorised = actions.authorise_version(signed, acting_user=manager, expected_version=signed.version,
                                           authorised_on=dt.date(2026, 6, 9))
    actions.record_copy_given(authorised, acting_user=pa, expected_version=authorised.version,
                              copy_given_on=dt.date(2026, 6, 10), copy_given_how="email")
    request = actions.record_review_request(jordan, acting_user=pa, requested_on=dt.date(2026, 9, 1),
                                            requested_by="young_person", details="")
    review = actions.record_review(jordan, acting_user=pa, held_on=dt.date(2026, 9, 20), reason="young_person_asked",
                                   attended="Jordan and Priya", outcome="new_version", new_version="new")
    actions.record_review_involvement(review, acting_user=pa, expected_version=1, young_person_involvement="attended",
                                      young_person_views="Happy with it", others_involvement="Carer sent a note")
    return {"assessment": assessment, "version": agreed, "review": review, "request": request}


def test_case_facts_reader_gives_the_core_its_facts(history, jordan):
    facts = plan_facts([jordan.pk])[jordan.pk]
    a, v, r, q = history["assessment"], history["version"], history["review"], history["request"]
    assert facts["assessments"] == [
        NeedsAssessment(dt.date(2026, 3, 2), dt.date(2026, 4, 20), dt.date(2026, 4, 22), ref=f"assessment:{a.pk}")
    ]
    first, second = sorted(facts["plans"], key=lambda p: p.version)
    assert first == PathwayPlanVersion(
        version=1, agreed_on=AGREED,
        matters_covered=frozenset(m for m in SECTION_MATTERS if m != "immigration") | {"contingency"},
        has_contingency=True, contact_every_weeks=4,
        young_person_signed_on=dt.date(2026, 6, 2), worker_signed_on=dt.date(2026, 6, 3),
        authorised_on=dt.date(2026, 6, 9), copy_given_on=dt.date(2026, 6, 10), ref=f"plan:{v.pk}",
    )
    assert second.version == 2 and second.agreed_on is None and second.young_person_signed_on is None
    assert facts["reviews"] == [
        PlanReview(dt.date(2026, 9, 20), ReviewReason.YOUNG_PERSON_ASKED, involvement_form_complete=True,
                   new_version=True, ref=f"review:{r.pk}")
    ]
    assert facts["review_requests"] == [ReviewRequest(dt.date(2026, 9, 1), by_young_person=True, ref=f"review_request:{q.pk}")]


def test_a_section_missing_its_owner_or_date_is_not_covered(pa, jordan):
    version = actions.start_version(jordan, acting_user=pa)
    actions.update_version(
        version, acting_user=pa, expected_version=version.version,
        sections={"health": section_content("health"), "finance": {**section_content("finance"), "who": "  "},
                  "identity": {**section_content("identity"), "by_when": None}},
        contingency_plan="   ", young_person_views="", took_part="", how_took_part="", contact_every_weeks=None,
    )
    (plan,) = plan_facts([jordan.pk])[jordan.pk]["plans"]
    assert plan.matters_covered == frozenset({"health"})
    assert not plan.has_contingency and plan.contact_every_weeks is None


def test_the_reader_costs_the_same_queries_for_many_people(pa, north, jordan, django_assert_num_queries):
    others = [make_young_person(child_id=f"M{i}", team=north) for i in range(3)]
    for person in [jordan, *others]:
        write_full_draft(person, pa)
        actions.record_review_request(person, acting_user=pa, requested_on=dt.date(2026, 9, 1),
                                      requested_by="council", details="")
    with django_assert_num_queries(5):  # assessments, section pairs, versions, reviews, requests
        facts = plan_facts([p.pk for p in [jordan, *others]])
    assert all(len(facts[p.pk]["plans"]) == 1 and len(facts[p.pk]["review_requests"]) == 1 for p in others)
    # The people app folds them into CaseFacts with everything else.
    case = case_facts_for([jordan])[jordan.pk]
    assert case.plans[0].version == 1 and not case.review_requests[0].by_young_person


def test_chronology_has_the_key_plan_events(history, jordan):
    items = [(i.on, i.title) for i in extension.chronology_for(jordan) if i.kind in {"assessment", "plan", "review", "review_request"}]
    assert (dt.date(2026, 4, 20), "Needs assessment completed") in items
    assert (AGREED, "Pathway plan version 1 agreed") in items
    assert (dt.date(2026, 6, 2), "Pathway plan version 1 signed by Jordan Reed") in items
    assert (dt.date(2026, 6, 3), "Pathway plan version 1 signed by the worker, Priya Adviser") in items
    assert (dt.date(2026, 9, 20), "Pathway plan review held") in items
    assert (dt.date(2026, 9, 1), "Pathway plan review requested") in items
    # The draft version 2 is not agreed, so it is not in the chronology.
    assert not any("version 2" in title for _, title in items)


def test_the_app_registers_its_section_actions_and_record_links(history, jordan):
    assert extension.SECTIONS["plans"].title == "Plans and reviews" and extension.SECTIONS["plans"].order == 20
    for key in ("record_assessment", "create_plan", "edit_plan", "review_plan", "sign_plan", "authorise_plan",
                "record_copy_given", "record_review_involvement"):
        assert extension.action_link(key, jordan.pk) is not None, key
    assert extension.action_link("sign_plan", jordan.pk)[1] == reverse("plans:current", args=[jordan.pk, "sign"])
    # The page it opens starts the plan, continues a draft or starts a new version: the label fits all three.
    assert extension.action_link("create_plan", jordan.pk)[0] == "Start or update the pathway plan"
    v = history["version"]
    assert extension.record_url(f"plan:{v.pk}", jordan.pk) == reverse("plans:version", args=[jordan.pk, v.pk])
    for kind, name in (("assessment", "assessment"), ("review", "review"), ("review_request", "request")):
        pk = history[kind if kind != "review_request" else "request"].pk
        assert extension.record_url(f"{kind}:{pk}", jordan.pk) == reverse(f"plans:{name}", args=[jordan.pk, pk])


def test_a_write_recomputes_the_duty_ledger_after_commit(pa, jordan, django_capture_on_commit_callbacks):
    DutyLedgerRow.objects.filter(young_person=jordan).delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        actions.record_review_request(jordan, acting_user=pa, requested_on=dt.date(2026, 11, 20),
                                      requested_by="young_person", details="")
    assert callbacks
    assert DutyLedgerRow.objects.filter(young_person=jordan).exists()
    assert DutyLedgerRow.objects.filter(young_person=jordan, computed_on=dt.date(2026, 11, 23)).count() >= 1
