"""Every casework record in the demo council is one the actions would accept: the same checks,
run on what was written. The only exceptions are the deliberate historic flaws, tagged H1-H3
in docs/demo-council.md, which the duty rules are written to catch.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from django.core.exceptions import ValidationError

from casework.closure import _check_closure
from casework.models import Allocation, CaseClosure, ClosureReason, ReopenReason, Transfer, TransferStatus
from circumstances import actions as circumstances
from circumstances.checks import check_declaration_age, refuse_overlap
from circumstances.models import (
    AccommodationSpell,
    ActivitySpell,
    Declaration,
    DetentionPeriod,
    EducationProgramme,
    StayingPutArrangement,
    StayingPutReview,
)
from compliance.calendar import birthday
from contacts.actions import CONTACT_FIELDS, _clean_contact, _clean_entry, _clean_note
from contacts.models import CaseNote, CaseSummary, ChronologyEntry, Contact
from demo.dates import year_slip
from demo.tests.conftest import TODAY
from people.access import MANAGING_ROLES
from people.models import YoungPerson
from plans.actions.assessments import ASSESSMENT_FIELDS
from plans.actions.assessments import _check as check_assessment
from plans.actions.reviews import _check_review
from plans.actions.versions import EARLIEST_PLANNING_AGE, covers_nothing
from plans.models import NeedsAssessment, PathwayPlanVersion, PlanReview, ReviewRequest

pytestmark = pytest.mark.django_db
STEPS = ("young_person_signed_on", "worker_signed_on", "authorised_on", "copy_given_on")


def accepted(check, *args, **kwargs) -> None:  # noqa: ANN001
    """Run an action's check; a refusal fails the test with its messages."""
    try:
        check(*args, **kwargs)
    except ValidationError as error:
        pytest.fail(f"{check.__name__}{args[1:]!r}: {error.messages}")


def people() -> dict[int, YoungPerson]:
    return {p.pk: p for p in YoungPerson.objects.all()}


def test_assessments(council) -> None:  # type: ignore[no-untyped-def]
    everyone = people()
    assert NeedsAssessment.objects.filter(authorised_on__isnull=False).exists()
    for assessment in NeedsAssessment.objects.select_related("authorised_by"):
        person = everyone[assessment.young_person_id]
        accepted(check_assessment, person, {name: getattr(assessment, name) for name in ASSESSMENT_FIELDS})
        if assessment.authorised_on:
            assert assessment.completed_on <= assessment.authorised_on <= TODAY
            assert assessment.authorised_by.role in MANAGING_ROLES


def is_historic_flaw(step: dt.date, agreed: dt.date) -> bool:
    """H1: the year typed as the year before; H2: signed on the draft up to 10 days before."""
    return any(year_slip(agreed + dt.timedelta(days=n)) == step for n in range(14)) or (agreed - step).days <= 10


def test_plan_versions(council) -> None:  # type: ignore[no-untyped-def]
    everyone = people()
    first_assessed = {}
    for person_id, completed in NeedsAssessment.objects.filter(completed_on__isnull=False).values_list(
        "young_person_id", "completed_on"
    ):
        first_assessed[person_id] = min(completed, first_assessed.get(person_id, completed))
    by_plan = defaultdict(list)
    for version in PathwayPlanVersion.objects.select_related("plan", "authorised_by", "worker_signed_by"):
        by_plan[version.plan].append(version)
    flaws = 0
    for plan, versions in by_plan.items():
        person = everyone[plan.young_person_id]
        versions.sort(key=lambda v: v.number)
        assert [v.number for v in versions] == list(range(1, len(versions) + 1))
        assert all(v.based_on_id == (p.pk if p else None) for v, p in zip(versions, [None, *versions], strict=False))
        drafts = [v for v in versions if v.agreed_on is None]
        assert drafts in ([], [versions[-1]]), "only the latest version can be a draft"
        agreed = [v.agreed_on for v in versions if v.agreed_on]
        assert agreed == sorted(agreed)
        if agreed:
            floor = max(birthday(person.date_of_birth, EARLIEST_PLANNING_AGE), first_assessed[person.pk])
            assert floor <= agreed[0] and agreed[-1] <= TODAY
        for version in versions:
            assert version.contact_every_weeks is None or 1 <= version.contact_every_weeks <= 52
            assert version.sections.count() >= 9
            if version.agreed_on is None:
                # H3: a draft with a sign-off but no agreed date, the only version of its plan.
                if version.young_person_signed_on:
                    assert len(versions) == 1 and not version.authorised_on and not version.copy_given_on
                    flaws += 1
                else:
                    assert not any(getattr(version, step) for step in STEPS)
                continue
            assert not covers_nothing(version, person), version.pk
            for step in STEPS:
                on = getattr(version, step)
                if on is None:
                    continue
                assert on <= TODAY
                if on < version.agreed_on:
                    assert step in ("young_person_signed_on", "worker_signed_on"), (step, version.pk)
                    assert is_historic_flaw(on, version.agreed_on), (step, on, version.agreed_on)
                    flaws += 1
            assert bool(version.young_person_signed_on) == bool(version.young_person_signed_how)
            assert bool(version.worker_signed_on) == bool(version.worker_signed_how) == bool(version.worker_signed_by)
            assert bool(version.copy_given_on) == bool(version.copy_given_how)
            if version.authorised_on:
                assert version.authorised_by.role in MANAGING_ROLES
    assert 1 <= flaws <= 0.06 * sum(len(v) for v in by_plan.values())  # a few, as documented


def test_reviews_and_requests(council) -> None:  # type: ignore[no-untyped-def]
    everyone = people()
    reviews = defaultdict(list)
    for review in PlanReview.objects.select_related("new_version__plan"):
        accepted(_check_review, everyone[review.young_person_id], review,
                 {"held_on": review.held_on, "outcome": review.outcome, "new_version": review.new_version})
        reviews[review.young_person_id].append(review)
    assert reviews and ReviewRequest.objects.filter(answered_by=None).exists()
    for request in ReviewRequest.objects.all():
        assert request.requested_on <= TODAY
        held = sorted(reviews[request.young_person_id], key=lambda r: (r.held_on, r.pk))
        answer = next((r for r in held if r.held_on >= request.requested_on), None)
        assert request.answered_by_id == (answer.pk if answer else None)


def test_contacts_notes_and_chronology(council) -> None:  # type: ignore[no-untyped-def]
    everyone = people()
    assert Contact.objects.filter(attempted=True).exists() and Contact.objects.filter(direct=False).exists()
    for contact in Contact.objects.select_related("worker"):
        fields = {name: getattr(contact, name) for name in CONTACT_FIELDS}
        try:
            cleaned = _clean_contact(everyone[contact.young_person_id], fields, None)
        except ValidationError as error:
            pytest.fail(f"contact {contact.pk}: {error.messages}")
        assert cleaned["seen_alone"] == contact.seen_alone
        assert cleaned["by_personal_adviser"] == contact.by_personal_adviser
    for note in CaseNote.objects.all():
        fields = {"on": note.on, "subject": note.subject, "text": note.text, "significant": note.significant}
        accepted(_clean_note, everyone[note.young_person_id], fields, None)
    for entry in ChronologyEntry.objects.all():
        accepted(_clean_entry, everyone[entry.young_person_id], {"on": entry.on, "title": entry.title,
                                                                   "detail": entry.detail}, None)
    for summary in CaseSummary.objects.prefetch_related("versions"):
        saved = sorted(summary.versions.all(), key=lambda v: v.number)
        assert [v.number for v in saved] == list(range(1, summary.version + 1))
        assert (summary.text, summary.updated_on) == (saved[-1].text, saved[-1].saved_on)
        assert [v.saved_on for v in saved] == sorted(v.saved_on for v in saved)


SPELLS = (
    (AccommodationSpell, circumstances.ACCOMMODATION), (ActivitySpell, circumstances.ACTIVITY),
    (StayingPutArrangement, circumstances.STAYING_PUT), (DetentionPeriod, circumstances.DETENTION),
    (Declaration, circumstances.DECLARATION), (EducationProgramme, circumstances.PROGRAMME),
)


def test_circumstances(council) -> None:  # type: ignore[no-untyped-def]
    everyone = people()
    for model, kind in SPELLS:
        rows = defaultdict(list)
        assert model.objects.exists(), model.__name__
        for row in model.objects.all():
            accepted(kind.check, everyone[row.young_person_id], row)
            rows[row.young_person_id].append(row)
        if kind.overlap_noun:
            for spells in rows.values():
                for spell in spells:
                    accepted(refuse_overlap, spell, spells, what=kind.overlap_noun)
    for review in StayingPutReview.objects.select_related("arrangement"):
        arrangement = review.arrangement
        assert arrangement.start <= review.reviewed_on <= TODAY
        assert arrangement.end is None or review.reviewed_on < arrangement.end


def test_transfers_and_closures(council) -> None:  # type: ignore[no-untyped-def]
    everyone = people()
    planned = defaultdict(int)
    for transfer in Transfer.objects.select_related("allocation"):
        assert transfer.reason.strip()
        if transfer.handover_held_on:
            assert transfer.handover_held_on <= min(TODAY, transfer.planned_on)
            assert transfer.handover_attendees.strip() and transfer.handover_notes.strip()
        if transfer.status == TransferStatus.COMPLETED:
            assert transfer.allocation.start == transfer.completed_on == transfer.planned_on
            assert transfer.allocation.worker_id == transfer.to_worker_id
        else:
            planned[(transfer.young_person_id, transfer.role)] += 1
            current = Allocation.objects.filter(young_person_id=transfer.young_person_id, role=transfer.role).active_on(TODAY)
            assert all(a.start < transfer.planned_on and a.worker_id != transfer.to_worker_id for a in current)
    assert set(planned.values()) <= {1}
    closures = defaultdict(list)
    for closure in CaseClosure.objects.all():
        person = everyone[closure.young_person_id]
        accepted(_check_closure, person, closure.closed_on, closure.reason, closure.reason_detail)
        closures[person.pk].append(closure)
        if closure.reopened_on:
            assert closure.closed_on <= closure.reopened_on < birthday(person.date_of_birth, 25)
            assert closure.reopen_reason == ReopenReason.SUPPORT_REQUESTED
            accepted(check_declaration_age, person, "support_requested", closure.reopened_on, field="reopened_on",
                     label="Date of reopening")
            assert Declaration.objects.filter(young_person=person, kind="support_requested",
                                              told_on=closure.reopened_on).exists()
    for person in everyone.values():
        still_closed = [c for c in closures[person.pk] if c.reopened_on is None]
        assert [c.closed_on for c in still_closed] == ([person.closed_on] if person.closed_on else [])
        if still_closed:
            assert person.closure_reason == still_closed[0].reason_text[:200]
            assert not Allocation.objects.filter(young_person=person).active_on(person.closed_on).exists()
    assert CaseClosure.objects.filter(reason=ClosureReason.REACHED_21).exists()
