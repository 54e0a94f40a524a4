"""Moderation: choosing audits by rule and by hand, who may moderate, and recording the outcome
so that the final grade is the moderated one while the auditor's grade stays in the history."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from caseaudits.actions import moderation as actions
from caseaudits.actions import save_answers
from caseaudits.models import Audit, AuditRound, AuditStatus, Grade, Moderation, ModerationOutcome, RoundStatus
from caseaudits.moderation import moderation_seed, plan_selection, random_share_size
from caseaudits.report_models import ModerationSelection, SelectionReason
from caseaudits.reports import build_report
from caseaudits.tests.report_fixtures import audits_in_order, report_people, report_round, report_template  # noqa: F401
from conftest import allocate, client_for
from people.writes import StaleEdit

pytestmark = pytest.mark.django_db

INADEQUATE, GOOD, OUTSTANDING, RI = Grade.INADEQUATE, Grade.GOOD, Grade.OUTSTANDING, Grade.REQUIRES_IMPROVEMENT


def test_the_rule_picks_inadequate_borderline_and_a_rounded_up_random_share():
    grades = {1: (INADEQUATE, [RI]), 2: (GOOD, [OUTSTANDING, RI]), 3: (GOOD, [GOOD]), 4: (OUTSTANDING, [OUTSTANDING]),
              5: (RI, [OUTSTANDING]), 6: (None, []), 7: (RI, []), 8: (GOOD, [])}
    plan = plan_selection(grades, selected=set(), removed=set(), percent=20, seed="moderation:7")
    assert plan[1] == SelectionReason.INADEQUATE and plan[2] == SelectionReason.BORDERS_OUTSTANDING
    # Six audits meet neither rule (Good without an Outstanding area, Outstanding, RI, not graded): 20% of 6 is 1.2, so 2.
    randoms = [pk for pk, reason in plan.items() if reason == SelectionReason.RANDOM]
    assert len(randoms) == 2 and set(randoms) <= {3, 4, 5, 6, 7, 8}
    order = [3, 4, 5, 6, 7, 8]
    random.Random("moderation:7").shuffle(order)
    assert sorted(randoms) == sorted(order[:2])
    assert plan == plan_selection(grades, selected=set(), removed=set(), percent=20, seed="moderation:7")
    assert (random_share_size(6, 0), random_share_size(6, 1), random_share_size(6, 100)) == (0, 1, 6)


def test_chosen_audits_count_towards_the_share_and_one_taken_out_stays_out():
    grades = {pk: (GOOD, [GOOD]) for pk in range(1, 11)} | {11: (INADEQUATE, [])}
    # 10 in the rest at 20%: 2. One is already chosen by hand, so the rule adds one more.
    plan = plan_selection(grades, selected={4}, removed={11, 5}, percent=20, seed="s")
    assert 11 not in plan and 5 not in plan and 4 not in plan
    assert list(plan.values()) == [SelectionReason.RANDOM]
    assert plan_selection(grades, selected={4, 6}, removed=set(), percent=20, seed="s") == {11: SelectionReason.INADEQUATE}


def _by_rule(report_round, head, percent=20):
    return actions.select_by_rule(report_round, acting_user=head, percent=percent)


def test_choosing_a_round_by_rule(report_round, head):
    audits = audits_in_order(report_round)
    made = _by_rule(report_round, head)
    reasons = {s.audit_id: s.reason for s in made}
    assert reasons[audits[5].pk] == SelectionReason.INADEQUATE
    assert reasons[audits[1].pk] == SelectionReason.BORDERS_OUTSTANDING  # Good overall, planning Outstanding
    rest = sorted(a.pk for i, a in enumerate(audits[:8]) if i not in (1, 5))
    random.Random(moderation_seed(report_round.seed, report_round.pk)).shuffle(rest)
    assert sorted(pk for pk, r in reasons.items() if r == SelectionReason.RANDOM) == sorted(rest[:2])  # 20% of 6, up
    assert set(Audit.objects.filter(for_moderation=True).values_list("pk", flat=True)) == set(reasons)
    assert _by_rule(report_round, head) == []  # the same audits give the same choice: nothing more
    for selection in made:  # moderated audits still count towards the share
        _moderate(Audit.objects.get(pk=selection.audit_id), head, outcome=ModerationOutcome.AGREED, grade=None)
    assert _by_rule(report_round, head) == []
    # The share can change: all of the rest at 100%.
    assert len(_by_rule(report_round, head, percent=100)) == 4
    assert AuditRound.objects.get(pk=report_round.pk).moderation_percent == 100


def test_choosing_and_taking_out_by_hand(report_round, head):
    audit = audits_in_order(report_round)[0]
    actions.select_by_hand(audit, acting_user=head, note="A new adviser: check the grade.")
    with pytest.raises(ValidationError, match="already chosen"):
        actions.select_by_hand(audit, acting_user=head, note="")
    with pytest.raises(ValidationError, match="Enter why this audit is being taken out"):
        actions.remove_from_moderation(audit, acting_user=head, reason=" ")
    actions.remove_from_moderation(audit, acting_user=head, reason="Moderated last round.")
    assert not Audit.objects.get(pk=audit.pk).for_moderation
    _by_rule(report_round, head, percent=100)
    assert audit.pk not in set(Audit.objects.filter(for_moderation=True).values_list("pk", flat=True))
    kept = ModerationSelection.objects.get(audit=audit)  # nothing deleted: who took it out, and why
    assert kept.removed_by == head and kept.removed_reason == "Moderated last round."


def test_an_open_audit_cannot_be_chosen(report_round, head):
    still_open = audits_in_order(report_round)[8]
    with pytest.raises(ValidationError, match="Only a submitted audit"):
        actions.select_by_hand(still_open, acting_user=head, note="")


def _moderate(audit, user, outcome=ModerationOutcome.REGRADED, grade=RI, reason="The plan is out of date: RI.",
              version=None):
    return actions.record_moderation(audit, acting_user=user, outcome=outcome, grade=grade, reason=reason,
                                     expected_version=version)


def test_the_final_grade_is_the_moderated_one_and_the_history_stays(report_round, head, admin_user):
    inadequate = audits_in_order(report_round)[5]
    actions.select_by_hand(inadequate, acting_user=head, note="")
    _moderate(inadequate, head)
    _moderate(inadequate, admin_user, outcome=ModerationOutcome.AGREED, grade=None, reason="")
    audit = Audit.objects.get(pk=inadequate.pk)
    assert (audit.auditor_grade, audit.final_grade, audit.status) == (INADEQUATE, RI, AuditStatus.MODERATED)
    history = list(audit.moderations.values_list("moderator__username", "outcome", "grade_before", "grade_after", "reason"))
    assert history == [("hana", "regraded", 4, 3, "The plan is out of date: RI."), ("ada", "agreed", 3, 3, "")]
    report = build_report(report_round)
    overall = {row[0]: row[1] for row in next(t for t in report.tables if t.key == "overall").rows}
    assert overall["Inadequate"] == 0 and overall["Requires improvement to be good"] == 3
    moderation = {row[0]: row[1] for row in next(t for t in report.tables if t.key == "moderation").rows}
    assert moderation["Moderated"] == 1 and moderation["Changed to a better grade"] == 1
    page = client_for(head).get(reverse("caseaudits:moderate", args=[audit.pk])).content.decode()
    assert "Grade history" in page and "The plan is out of date: RI." in page and "Ada Admin" in page


def test_a_changed_grade_needs_a_new_grade_and_a_reason(report_round, head):
    audit = audits_in_order(report_round)[5]
    actions.select_by_hand(audit, acting_user=head, note="")
    for grade, reason, message in ((None, "Because.", "Select the moderated grade"),
                                   (RI, "  ", "Enter why the grade is being changed"),
                                   (INADEQUATE, "Because.", "The grade is already Inadequate")):
        with pytest.raises(ValidationError, match=message):
            _moderate(audit, head, grade=grade, reason=reason)
    with pytest.raises(StaleEdit):
        _moderate(audit, head, version=audit.version - 1)
    assert not Moderation.objects.exists() and Audit.objects.get(pk=audit.pk).final_grade == INADEQUATE


def test_an_audit_must_be_chosen_and_its_round_open(report_round, head):
    audit = audits_in_order(report_round)[0]
    with pytest.raises(ValidationError, match="Choose this audit for moderation"):
        _moderate(audit, head)
    actions.select_by_hand(audit, acting_user=head, note="")
    AuditRound.objects.filter(pk=report_round.pk).update(status=RoundStatus.CLOSED)
    with pytest.raises(ValidationError, match="is closed"):
        _moderate(audit, head)


def test_nobody_moderates_their_own_audit_or_a_file_they_worked_on(report_round, head, auditor, admin_user):
    audits = audits_in_order(report_round)
    actions.select_by_hand(audits[0], acting_user=head, note="")
    with pytest.raises(ValidationError, match="You audited this file"):
        _moderate(audits[0], auditor)
    assert client_for(auditor).get(reverse("caseaudits:moderate", args=[audits[0].pk])).status_code == 403
    allocate(audits[0].young_person, admin_user, role="social_worker")
    assert client_for(admin_user).get(reverse("caseaudits:moderate", args=[audits[0].pk])).status_code == 403
    with pytest.raises(ValidationError, match="worked on"):
        _moderate(audits[0], admin_user)
    assert not Moderation.objects.exists()


def test_staff_outside_the_panel_cannot_get_in(report_round, head, pa, manager, outsider):
    audit = audits_in_order(report_round)[0]
    actions.select_by_hand(audit, acting_user=head, note="")
    for user in (pa, manager, outsider):
        client = client_for(user)
        assert client.get(reverse("caseaudits:moderation", args=[report_round.pk])).status_code == 403
        assert client.post(reverse("caseaudits:moderation-rule", args=[report_round.pk]), {"percent": "20"}).status_code == 403
        assert client.get(reverse("caseaudits:moderation-choose", args=[audit.pk])).status_code == 403
        assert client.post(reverse("caseaudits:moderate", args=[audit.pk]),
                           {"outcome": "regraded", "grade": "3", "reason": "No."}).status_code == 403
    assert not Moderation.objects.exists() and ModerationSelection.objects.count() == 1


def test_the_panel_works_through_the_pages(report_round, head):
    client = client_for(head)
    response = client.post(reverse("caseaudits:moderation-rule", args=[report_round.pk]), {"percent": "101"})
    assert "Share to moderate must be between 0 and 100" in response.content.decode()
    assert client.post(reverse("caseaudits:moderation-rule", args=[report_round.pk]), {"percent": "20"}).status_code == 302
    inadequate = audits_in_order(report_round)[5]
    page = client.get(reverse("caseaudits:moderation", args=[report_round.pk])).content.decode()
    assert "Inadequate overall" in page and "Good overall, with an area graded Outstanding" in page
    url = reverse("caseaudits:moderate", args=[inadequate.pk])
    refused = client.post(url, {"version": str(inadequate.version), "outcome": "regraded", "grade": "3", "reason": ""})
    assert "Enter why the grade is being changed" in refused.content.decode()
    done = client.post(url, {"version": str(inadequate.version), "outcome": "regraded", "grade": "3",
                             "reason": "Actions are being followed up."})
    assert done.status_code == 302
    assert Audit.objects.get(pk=inadequate.pk).final_grade == RI
    page = client.get(reverse("caseaudits:moderation", args=[report_round.pk])).content.decode()
    assert "Changed to" in page and "1 of 4 moderated" in page


def test_resubmission_cannot_happen_after_moderation(report_round, head, auditor):
    audit = audits_in_order(report_round)[5]
    actions.select_by_hand(audit, acting_user=head, note="")
    _moderate(audit, head)
    with pytest.raises(ValidationError):
        save_answers(Audit.objects.get(pk=audit.pk), acting_user=auditor, expected_version=None, answers={}, submit=True)
