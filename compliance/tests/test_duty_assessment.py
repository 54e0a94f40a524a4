"""Needs assessment, pathway plan in place, and the local "plan by 16" standard
(statutory-rules.md §3 D1–D2, §4, §5 worked examples)."""

from __future__ import annotations

import pytest

from compliance.calendar import LeapDayRule
from compliance.duties import DutyState
from compliance.facts import DeclarationKind
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import EILEEN, ELI, RUBY, assessment, case, declared, judge, plan

DUE, MET, OVERDUE, NA = DutyState.DUE, DutyState.MET, DutyState.OVERDUE, DutyState.NOT_APPLICABLE
EDUCATION, SUPPORT = DeclarationKind.EDUCATION_TRAINING, DeclarationKind.SUPPORT_REQUESTED


class TestNeedsAssessment:
    @pytest.mark.parametrize(("today", "state"), [("9 Sep 2025", DUE), ("10 Sep 2025", DUE), ("11 Sep 2025", OVERDUE)])
    def test_eligible_at_16_is_due_3_months_after_the_birthday(self, today: str, state: DutyState) -> None:
        """§5 ex 1: eligible from 10 Jun 2025 (16th birthday); assessment due 10 Sep 2025."""
        result = judge("needs_assessment", EILEEN, today)
        assert result.state is state and result.due_on == d("10 Sep 2025")
        assert "their 16th birthday (10 June 2025)" in result.reason and "10 September 2025" in result.reason
        assert result.action == "record_assessment"
        if state is OVERDUE:
            assert result.since == d("11 Sep 2025") and result.next_change_on == d("10 Jun 2027")
        else:
            assert result.since == d("10 Jun 2025") and result.next_change_on == d("11 Sep 2025")

    def test_eligible_later_is_due_3_months_after_eligibility(self) -> None:
        """§5 ex 2: eligible from 1 Dec 2025; assessment due 1 Mar 2026."""
        assert judge("needs_assessment", ELI, "1 Mar 2026").state is DUE
        result = judge("needs_assessment", ELI, "2 Mar 2026")
        assert result.state is OVERDUE and result.due_on == d("1 Mar 2026")
        assert "became an eligible child on 1 December 2025" in result.reason

    @pytest.mark.parametrize(("completed", "late"), [("10 Sep 2025", None), ("11 Sep 2025", "1 day late")])
    def test_completed_on_the_due_date_is_on_time_and_the_day_after_is_late(self, completed: str, late: str) -> None:
        result = judge("needs_assessment", case(EILEEN, assessments=(assessment(completed),)), "1 Oct 2025")
        assert result.state is MET and result.since == d(completed) and result.action == ""
        assert result.evidence is not None and result.evidence.ref == "assessment:1"
        assert result.evidence.on == d(completed)
        assert (late in result.reason) if late else ("on time" in result.reason)
        assert result.late is bool(late)

    def test_an_assessment_in_the_3_months_before_the_16th_birthday_counts(self) -> None:
        inside = judge("needs_assessment", case(EILEEN, assessments=(assessment("10 Mar 2025"),)), "1 Oct 2025")
        outside = judge("needs_assessment", case(EILEEN, assessments=(assessment("9 Mar 2025"),)), "1 Oct 2025")
        assert inside.state is MET and outside.state is OVERDUE

    def test_an_assessment_dated_after_today_is_not_evidence_yet(self) -> None:
        result = judge("needs_assessment", case(EILEEN, assessments=(assessment("1 Oct 2025"),)), "1 Sep 2025")
        assert result.state is DUE

    def test_month_end_clamping(self) -> None:
        """Eligible on the 16th birthday, 31 Aug 2025: 3 months later is 30 Nov 2025."""
        person = facts("31 Aug 2009", episode("1 Jan 2024"))
        assert judge("needs_assessment", person, "30 Nov 2025").state is DUE
        result = judge("needs_assessment", person, "1 Dec 2025")
        assert result.state is OVERDUE and result.due_on == d("30 Nov 2025")

    def test_29_february_birthday(self) -> None:
        """Born 29 Feb 2008: the 16th birthday is 29 Feb 2024 (a leap year), due 29 May 2024."""
        person = facts("29 Feb 2008", episode("1 Jan 2023"))
        assert judge("needs_assessment", person, "29 May 2024").state is DUE
        assert judge("needs_assessment", person, "30 May 2024").due_on == d("29 May 2024")

    def test_relevant_without_a_plan_is_due_3_months_after_becoming_relevant(self) -> None:
        """§5 ex 3: relevant from 1 Feb 2026 with no plan; assessment due 1 May 2026."""
        assert judge("needs_assessment", RUBY, "1 May 2026").state is DUE
        result = judge("needs_assessment", RUBY, "2 May 2026")
        assert result.state is OVERDUE and result.due_on == d("1 May 2026")
        assert "relevant child on 1 February 2026 with no pathway plan" in result.reason

    def test_relevant_with_a_plan_from_before_needs_no_new_assessment(self) -> None:
        """CLR reg 5(2)(a) applies only to relevant children without a pathway plan (§3 D1)."""
        result = judge("needs_assessment", case(RUBY, plans=(plan("15 Jan 2026"),)), "2 May 2026")
        assert result.state is NA and "already in place" in result.reason
        with_later_plan = judge("needs_assessment", case(RUBY, plans=(plan("1 Feb 2026"),)), "2 May 2026")
        assert with_later_plan.state is OVERDUE

    def test_former_relevant_under_s23c_needs_no_new_assessment(self) -> None:
        assert judge("needs_assessment", RUBY, "1 Jan 2028").state is NA

    def test_s23ca_is_due_3_months_after_the_council_is_told(self) -> None:
        """CLR reg 5(2)(b): told on 1 Sep 2031 (aged 22): due 1 Dec 2031."""
        person = declared(RUBY, (EDUCATION, "1 Sep 2031"))
        assert judge("needs_assessment", person, "1 Dec 2031").state is DUE
        result = judge("needs_assessment", person, "2 Dec 2031")
        assert result.state is OVERDUE and result.due_on == d("1 Dec 2031")
        assert "told the council on 1 September 2031" in result.reason

    def test_s23ca_told_before_21_runs_from_the_21st_birthday(self) -> None:
        person = declared(RUBY, (EDUCATION, "1 Jan 2030"))
        result = judge("needs_assessment", person, "1 Jul 2030")
        assert result.state is DUE and result.due_on == d("10 Sep 2030")
        assert "1 January 2030" in result.reason and "10 June 2030" in result.reason

    def test_s23czb_has_no_time_limit(self) -> None:
        person = declared(RUBY, (SUPPORT, "1 Sep 2031"))
        result = judge("needs_assessment", person, "1 Sep 2033")
        assert result.state is DUE and result.due_on is None and "no time limit" in result.reason
        assert result.next_change_on == d("10 Jun 2034")
        before = judge("needs_assessment", case(person, assessments=(assessment("1 Aug 2031"),)), "1 Sep 2033")
        after = judge("needs_assessment", case(person, assessments=(assessment("2 Sep 2031"),)), "1 Sep 2033")
        assert before.state is DUE and after.state is MET

    def test_not_for_those_without_a_plan_duty(self) -> None:
        assert judge("needs_assessment", RUBY, "1 Jan 2031").state is NA  # 21, no request
        assert judge("needs_assessment", RUBY, "1 Oct 2025").state is NA  # looked after, not yet eligible
        assert "eligible" in judge("needs_assessment", RUBY, "1 Oct 2025").reason

    def test_an_assessment_with_no_completion_date_is_insufficient_data(self) -> None:
        """§6: an authorised but undated assessment is not evidence; the record needs a date."""
        result = judge("needs_assessment", case(EILEEN, assessments=(assessment(None, authorised="1 Sep 2025"),)),
                       "1 Oct 2025")
        assert result.state is DutyState.INSUFFICIENT_DATA and "no completion date" in result.reason


class TestPlanInPlace:
    @pytest.mark.parametrize(("today", "state"), [("28 Aug 2025", DUE), ("29 Aug 2025", DUE), ("30 Aug 2025", OVERDUE)])
    def test_due_grace_days_after_the_assessment(self, today: str, state: DutyState) -> None:
        """Assessment completed 1 Aug 2025; with 28 days' grace the plan is due 29 Aug 2025."""
        result = judge("plan_in_place", case(EILEEN, assessments=(assessment("1 Aug 2025"),)), today)
        assert result.state is state and result.due_on == d("29 Aug 2025")
        assert "completed on 1 August 2025" in result.reason and "28 days" in result.reason

    def test_the_grace_setting_moves_the_date(self) -> None:
        with_assessment = case(EILEEN, assessments=(assessment("1 Aug 2025"),))
        result = judge("plan_in_place", with_assessment, "2 Aug 2025", LocalStandards(plan_grace_days=0))
        assert result.state is OVERDUE and result.due_on == d("1 Aug 2025")

    def test_without_an_assessment_the_plan_is_due_after_the_assessment_was_due(self) -> None:
        result = judge("plan_in_place", EILEEN, "1 Oct 2025")
        assert result.state is DUE and result.due_on == d("8 Oct 2025")

    def test_an_agreed_plan_meets_it_and_says_if_late(self) -> None:
        records = {"assessments": (assessment("1 Aug 2025"),)}
        on_time = judge("plan_in_place", case(EILEEN, plans=(plan("29 Aug 2025"),), **records), "1 Oct 2025")
        late = judge("plan_in_place", case(EILEEN, plans=(plan("30 Aug 2025"),), **records), "1 Oct 2025")
        assert on_time.state is MET and "on time" in on_time.reason and not on_time.late
        assert on_time.evidence is not None and on_time.evidence.ref == "plan:1"
        assert late.state is MET and "1 day late" in late.reason and late.late

    def test_a_draft_does_not_count_and_a_signed_undated_plan_is_insufficient_data(self) -> None:
        assert judge("plan_in_place", case(EILEEN, plans=(plan(None),)), "1 Oct 2025").state is DUE
        signed = case(EILEEN, plans=(plan(None, young_person_signed_on="1 Sep 2025"),))
        result = judge("plan_in_place", signed, "1 Oct 2025")
        assert result.state is DutyState.INSUFFICIENT_DATA and "no date it was agreed" in result.reason

    def test_former_relevant_without_a_plan_was_owed_one_from_eligibility(self) -> None:
        result = judge("plan_in_place", RUBY, "1 Jan 2028")
        assert result.state is OVERDUE and result.due_on == d("29 Mar 2026")

    def test_s23ca_needs_a_plan_made_for_it(self) -> None:
        """An old plan from before the 3 months ahead of the request does not count."""
        person = declared(RUBY, (EDUCATION, "1 Sep 2031"))
        old = judge("plan_in_place", case(person, plans=(plan("1 Jan 2030"),)), "1 Jan 2032")
        new = judge("plan_in_place", case(person, plans=(plan("1 Jan 2030"), plan("1 Oct 2031", 2))), "1 Jan 2032")
        assert old.state is OVERDUE and old.due_on == d("29 Dec 2031")
        assert new.state is MET and new.evidence is not None and new.evidence.ref == "plan:2"

    def test_not_for_qualifying(self) -> None:
        qualifying = facts("10 Jun 2009", episode("1 Jul 2025", "29 Sep 2025", "V2"))
        assert judge("plan_in_place", qualifying, "1 Jan 2026").state is NA


class TestPlanBy16:
    @pytest.mark.parametrize(("today", "state"), [("9 Jun 2025", DUE), ("10 Jun 2025", DUE), ("11 Jun 2025", OVERDUE)])
    def test_due_on_the_16th_birthday(self, today: str, state: DutyState) -> None:
        result = judge("plan_by_16", EILEEN, today)
        assert result.state is state and result.due_on == d("10 Jun 2025")
        assert "not a legal deadline" in result.reason

    def test_applies_while_still_15(self) -> None:
        result = judge("plan_by_16", EILEEN, "1 May 2025")
        assert result.state is DUE and "will be an eligible child" in result.reason
        assert result.next_change_on == d("10 Jun 2025")  # she becomes eligible then

    @pytest.mark.parametrize(("agreed", "words"), [("10 Jun 2025", "on time"), ("11 Jun 2025", "1 day late")])
    def test_a_plan_by_the_birthday_meets_it(self, agreed: str, words: str) -> None:
        result = judge("plan_by_16", case(EILEEN, plans=(plan(agreed),)), "1 Jul 2025")
        assert result.state is MET and words in result.reason and result.late is (words != "on time")

    def test_switched_off(self) -> None:
        result = judge("plan_by_16", EILEEN, "11 Jun 2025", LocalStandards(plan_by_16th_birthday=False))
        assert result.state is NA

    def test_not_for_those_eligible_only_after_16_or_over_18(self) -> None:
        assert judge("plan_by_16", ELI, "1 Jan 2026").state is NA
        assert judge("plan_by_16", EILEEN, "10 Jun 2027").state is NA

    def test_29_february_16th_birthday_under_either_rule(self) -> None:
        person = facts("29 Feb 2008", episode("1 Jan 2023"))
        for rule in LeapDayRule:
            result = judge("plan_by_16", person, "1 Mar 2024", policy=LocalPolicy(leap_day_birthday_rule=rule))
            assert result.state is OVERDUE and result.due_on == d("29 Feb 2024")
