"""The demo round: sampled, shared out without conflicts, partly audited, and made only once."""

from __future__ import annotations

import datetime as dt

import pytest

from caseaudits.conflicts import conflict
from caseaudits.demo import build_demo_round
from caseaudits.models import Answer, Audit, AuditRound, AuditStatus, Question, QuestionKind
from caseaudits.tests.conftest import TODAY
from conftest import allocate, make_young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_council(pa, other_pa, south_pa, manager, other_manager, head, auditor):
    for n in range(30):
        worker = (pa, other_pa, south_pa)[n % 3]
        allocate(make_young_person(child_id=f"D{n:03}", family_name=f"Demo{n:02}", team=worker.team,
                                   date_of_birth=dt.date(2004 + n % 6, 1 + n % 12, 5)), worker)


def test_the_demo_round_is_sampled_allocated_and_partly_audited(small_council, auditor):
    audit_round = build_demo_round(TODAY, sample_size=16)
    audits = list(audit_round.audits.select_related("auditor", "young_person"))
    assert len(audits) == 16 and all(a.auditor is not None for a in audits)
    assert all(conflict(a.auditor, a.young_person, TODAY) is None for a in audits)
    submitted = [a for a in audits if a.status == AuditStatus.SUBMITTED]
    assert len(submitted) == 8
    assert len({a.final_grade for a in submitted}) > 1 and all(a.final_grade for a in submitted)
    assert any(a.status == AuditStatus.IN_PROGRESS for a in audits)
    # The QA auditor keeps files to do, to open in the demo.
    assert any(a.auditor == auditor and a.status == AuditStatus.ALLOCATED for a in audits)
    # Some indicators were left blank: reports count them as not entered.
    indicators = Question.objects.filter(section__template_version=audit_round.template_version,
                                         kind=QuestionKind.YES_PARTLY_NO).count()
    answered = Answer.objects.filter(audit__in=submitted, question__kind=QuestionKind.YES_PARTLY_NO).count()
    assert 0 < answered < indicators * len(submitted)


def test_building_the_demo_round_again_changes_nothing(small_council):
    first = build_demo_round(TODAY, sample_size=10)
    again = build_demo_round(TODAY, sample_size=10)
    assert again.pk == first.pk
    assert AuditRound.objects.count() == 1 and Audit.objects.count() == 10


def test_no_round_without_anyone_to_run_it(db):
    assert build_demo_round(TODAY) is None
