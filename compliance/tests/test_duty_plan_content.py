"""The plan in force: signed, authorised, given to the young person, with a contingency
plan and every Schedule 1 matter (statutory-rules.md §3 D2, §4, §6)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from compliance.duties import DutyState
from compliance.records import SCHEDULE_1_MATTERS
from compliance.standards import LocalStandards
from compliance.tests import d
from compliance.tests.duty_cases import ALL_MATTERS, EILEEN, RUBY, case, judge, plan

DUE, MET, OVERDUE, NA = DutyState.DUE, DutyState.MET, DutyState.OVERDUE, DutyState.NOT_APPLICABLE



@dataclass(frozen=True)
class Step:
    """A dated step on the plan in force: its duty, the plan field, the setting giving its days."""

    code: str
    field: str
    setting: str
    action: str


STEPS = [
    Step("plan_signed_young_person", "young_person_signed_on", "plan_sign_off_days", "sign_plan"),
    Step("plan_signed_worker", "worker_signed_on", "plan_sign_off_days", "sign_plan"),
    Step("plan_authorised", "authorised_on", "plan_authorise_days", "authorise_plan"),
    Step("plan_copy_given", "copy_given_on", "plan_copy_days", "record_copy_given"),
]


@pytest.fixture(params=STEPS, ids=[step.code for step in STEPS])
def step(request: pytest.FixtureRequest) -> Step:
    return request.param


class TestPlanSteps:
    @pytest.mark.parametrize(("today", "state"), [("14 Jun 2026", DUE), ("15 Jun 2026", DUE), ("16 Jun 2026", OVERDUE)])
    def test_due_14_days_after_the_version_was_agreed(self, step: Step, today: str, state: DutyState) -> None:
        result = judge(step.code, case(RUBY, plans=(plan("1 Jun 2026"),)), today)
        assert result.state is state and result.due_on == d("15 Jun 2026") and result.action == step.action
        assert result.evidence is not None and result.evidence.ref == "plan:1"
        assert "version 1 was agreed on 1 June 2026" in result.reason

    @pytest.mark.parametrize(("on", "words"), [("1 Jun 2026", "on time"), ("15 Jun 2026", "on time"),
                                               ("16 Jun 2026", "1 day late")])
    def test_a_date_on_or_after_agreement_meets_it(self, step: Step, on: str, words: str) -> None:
        result = judge(step.code, case(RUBY, plans=(plan("1 Jun 2026", **{step.field: on}),)), "1 Jul 2026")
        assert result.state is MET and words in result.reason and result.since == d(on)
        assert result.late is (words != "on time")

    def test_a_date_before_this_version_was_agreed_does_not_count(self, step: Step) -> None:
        records = case(EILEEN, plans=(plan("1 Jun 2025", **{step.field: "4 May 2024"}),))
        result = judge(step.code, records, "1 Jul 2025")
        assert result.state is OVERDUE
        assert "on 4 May 2024, before this version was agreed on 1 June 2025, so it does not count" in result.reason
        assert "Check the year" in result.reason
        day_before = case(EILEEN, plans=(plan("1 Jun 2025", **{step.field: "31 May 2025"}),))
        within = judge(step.code, day_before, "10 Jun 2025")
        assert within.state is DUE and "31 May 2025, before this version" in within.reason
        assert "Check the year" not in within.reason

    def test_a_date_after_today_is_not_evidence_yet(self, step: Step) -> None:
        result = judge(step.code, case(RUBY, plans=(plan("1 Jun 2026", **{step.field: "20 Jun 2026"}),)), "10 Jun 2026")
        assert result.state is DUE and "in the future" in result.reason

    def test_a_new_version_needs_its_own(self, step: Step) -> None:
        versions = (plan("1 Jan 2026", **{step.field: "2 Jan 2026"}), plan("1 Jun 2026", 2))
        result = judge(step.code, case(RUBY, plans=versions), "1 Jul 2026")
        assert result.state is OVERDUE and "version 2" in result.reason

    def test_the_setting_moves_the_deadline(self, step: Step) -> None:
        standards = LocalStandards(**{step.setting: 28})
        result = judge(step.code, case(RUBY, plans=(plan("1 Jun 2026"),)), "20 Jun 2026", standards)
        assert result.state is DUE and result.due_on == d("29 Jun 2026")

    def test_no_agreed_plan_or_no_plan_duty(self, step: Step) -> None:
        assert judge(step.code, case(RUBY, plans=(plan(None),)), "1 Jul 2026").state is NA
        assert judge(step.code, case(RUBY, plans=(plan("1 Jun 2026"),)), "1 Jul 2031").state is NA


def test_authorisation_can_be_switched_off() -> None:
    records = case(RUBY, plans=(plan("1 Jun 2026"),))
    result = judge("plan_authorised", records, "1 Jul 2026", LocalStandards(manager_authorises_plans=False))
    assert result.state is NA


class TestContingencyPlan:
    def test_met_when_the_plan_in_force_has_one(self) -> None:
        result = judge("contingency_plan", case(RUBY, plans=(plan("1 Jun 2026"),)), "1 Jul 2026")
        assert result.state is MET and result.evidence is not None and result.evidence.ref == "plan:1"

    def test_overdue_from_the_day_a_version_without_one_was_agreed(self) -> None:
        versions = (plan("1 Jan 2026"), plan("1 Jun 2026", 2, has_contingency=False))
        result = judge("contingency_plan", case(RUBY, plans=versions), "1 Jun 2026")
        assert result.state is OVERDUE and result.due_on == result.since == d("1 Jun 2026")
        assert "version 2" in result.reason and result.action == "edit_plan"
        assert judge("contingency_plan", case(RUBY, plans=versions), "31 May 2026").state is MET

    def test_no_plan(self) -> None:
        assert judge("contingency_plan", RUBY, "1 Jul 2026").state is NA


class TestScheduleOneMatters:
    def test_every_matter_covered(self) -> None:
        assert judge("schedule_1_matters", case(RUBY, plans=(plan("1 Jun 2026"),)), "1 Jul 2026").state is MET

    def test_missing_matters_are_named(self) -> None:
        records = case(RUBY, plans=(plan("1 Jun 2026", matters_covered=ALL_MATTERS - {"health", "finance"}),))
        result = judge("schedule_1_matters", records, "1 Jul 2026")
        assert result.state is OVERDUE and result.action == "edit_plan"
        assert "2 matters" in result.reason and "financial support" in result.reason
        assert "health, including mental health" in result.reason

    def test_judged_on_the_version_in_force_from_the_day_it_is_agreed(self) -> None:
        versions = (plan("1 Jan 2026"), plan("1 Jun 2026", 2, matters_covered=ALL_MATTERS - {"identity"}))
        assert judge("schedule_1_matters", case(RUBY, plans=versions), "31 May 2026").state is MET
        result = judge("schedule_1_matters", case(RUBY, plans=versions), "1 Jun 2026")
        assert result.state is OVERDUE and result.due_on == d("1 Jun 2026")
        assert "1 matter the law lists" in result.reason

    def test_immigration_only_for_unaccompanied_asylum_seekers_while_the_setting_is_on(self) -> None:
        records = case(RUBY, plans=(plan("1 Jun 2026"),), uasc=True)
        result = judge("schedule_1_matters", records, "1 Jul 2026")
        label = dict(SCHEDULE_1_MATTERS)["immigration"]
        assert result.state is OVERDUE and label[:1].lower() + label[1:] in result.reason
        off = LocalStandards(require_immigration_matter_for_uasc=False)
        assert judge("schedule_1_matters", records, "1 Jul 2026", off).state is MET
        covered = case(RUBY, plans=(plan("1 Jun 2026", matters_covered=ALL_MATTERS | {"immigration"}),), uasc=True)
        assert judge("schedule_1_matters", covered, "1 Jul 2026").state is MET
