"""A round end to end in the demo council: template, sample, allocation and audits
(caseaudits.demo), then moderation, last year's imported round and the report
(caseaudits.demo_moderation)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from caseaudits.demo import build_demo_round
from caseaudits.demo_moderation import PAST_ROUND_TITLE, build_demo_moderation
from caseaudits.models import AuditRound, AuditStatus, Moderation
from caseaudits.report_models import ImportedAudit, ModerationSelection
from caseaudits.reports import build_report
from caseaudits.tests.conftest import TODAY
from conftest import allocate, client_for, make_young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_round(pa, other_pa, south_pa, manager, other_manager, head, auditor, admin_user):
    for n in range(30):
        worker = (pa, other_pa, south_pa)[n % 3]
        allocate(make_young_person(child_id=f"D{n:03}", family_name=f"Demo{n:02}", team=worker.team,
                                   date_of_birth=dt.date(2004 + n % 6, 1 + n % 12, 5)), worker)
    return build_demo_round(TODAY, sample_size=16)


def test_a_demo_round_runs_end_to_end_to_its_report(demo_round, head):
    assert build_demo_moderation(TODAY) == demo_round
    chosen = ModerationSelection.objects.filter(audit__round=demo_round, removed_on__isnull=True)
    moderations = list(Moderation.objects.filter(audit__round=demo_round).select_related("audit"))
    assert chosen.count() >= 2 and len(moderations) == chosen.count() - 1  # one left for the panel to do
    assert all(m.moderator_id != m.audit.auditor_id for m in moderations)
    assert all(m.audit.status == AuditStatus.MODERATED and m.audit.final_grade == m.grade_after for m in moderations)
    past = AuditRound.objects.get(title=PAST_ROUND_TITLE)
    assert past.is_closed and ImportedAudit.objects.filter(audit_round=past).count() == 16
    assert ImportedAudit.objects.filter(audit_round=past, young_person__isnull=True).count() == 2
    report = build_report(demo_round)
    assert report.counted == demo_round.audits.filter(status__in=("submitted", "moderated")).count() == 8
    assert [r.pk for r in report.compared] == [past.pk]
    assert client_for(head).get(reverse("caseaudits:report", args=[demo_round.pk])).status_code == 200
    # Again: nothing more.
    build_demo_moderation(TODAY)
    assert Moderation.objects.count() == len(moderations) and AuditRound.objects.count() == 2


def test_no_moderation_without_a_demo_round(db):
    assert build_demo_moderation(TODAY) is None
