"""An assessment deadline missed while eligible is not wiped out by becoming relevant (review 3,
M2), and a late assessment does not give the plan more time (M1)."""

from __future__ import annotations

import pytest

from compliance.duties import DutyState
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import EILEEN, RUBY, assessment, case, judge, plan

DUE, MET, OVERDUE = DutyState.DUE, DutyState.MET, DutyState.OVERDUE

# Born 10 Jun 2009, in care from 1 Sep 2025: eligible from 1 Dec 2025, so the assessment is
# due by 1 Mar 2026 (CPPCR reg 42). HOLLY leaves care on 1 Apr 2026, after that deadline.
HOLLY = facts("10 Jun 2009", episode("1 Sep 2025", "1 Apr 2026", "V2", "E8"))


def left_care(on: str):  # type: ignore[no-untyped-def]
    return facts("10 Jun 2009", episode("1 Sep 2025", on, "V2", "E8"))


class TestMissedWhileEligible:
    @pytest.mark.parametrize("today", ["31 Mar 2026", "1 Apr 2026", "1 Dec 2026"])
    def test_the_breach_that_began_while_eligible_carries_on(self, today: str) -> None:
        result = judge("needs_assessment", HOLLY, today)
        assert (result.state, result.due_on, result.since) == (OVERDUE, d("1 Mar 2026"), d("2 Mar 2026"))
        assert "They became an eligible child on 1 December 2025, so their needs assessment was due by " \
               "1 March 2026." in result.reason
        if today != "31 Mar 2026":
            assert "They became a relevant child on 1 April 2026; the deadline missed while they were an eligible " \
                   "child still applies." in result.reason

    @pytest.mark.parametrize(("left", "due"), [("1 Mar 2026", "1 Jun 2026"), ("2 Mar 2026", "1 Mar 2026")])
    def test_only_a_deadline_that_passed_while_eligible_is_carried(self, left: str, due: str) -> None:
        """Leaving care on 1 Mar 2026, the deadline day itself, the child was never late while
        eligible: the relevant child's 3 months apply. A day later, they were."""
        result = judge("needs_assessment", left_care(left), "1 Apr 2026")
        assert result.due_on == d(due)
        assert result.state is (DUE if left == "1 Mar 2026" else OVERDUE)

    @pytest.mark.parametrize(("completed", "late"), [("20 Nov 2026", "264 days late"), ("15 Mar 2026", "14 days late")])
    def test_an_assessment_done_after_the_missed_deadline_meets_it_late(self, completed: str, late: str) -> None:
        result = judge("needs_assessment", case(HOLLY, assessments=(assessment(completed),)), "1 Dec 2026")
        assert (result.state, result.late, result.due_on, result.since) == (MET, True, d("1 Mar 2026"), d(completed))
        assert f"completed on {d(completed).day} " in result.reason and late in result.reason

    def test_an_assessment_done_in_time_while_eligible_is_not_a_breach(self) -> None:
        """Assessed in time; no plan when they became relevant: the relevant child's 3 months."""
        result = judge("needs_assessment", case(HOLLY, assessments=(assessment("1 Feb 2026"),)), "1 May 2026")
        assert (result.state, result.late) == (MET, False)

    def test_ruby_became_relevant_before_her_eligible_deadline(self) -> None:
        """RUBY left care on 1 Feb 2026, before 1 Mar: the relevant child's deadline, 1 May, applies."""
        assert judge("needs_assessment", RUBY, "1 May 2026").due_on == d("1 May 2026")


class TestPlanAfterALateAssessment:
    def test_a_late_assessment_does_not_move_the_plans_deadline(self) -> None:
        """EILEEN's assessment was due 10 Sep 2025 and done on 1 Dec 2025: the plan was due
        28 days after the assessment should have been done."""
        records = case(EILEEN, assessments=(assessment("1 Dec 2025"),))
        result = judge("plan_in_place", records, "2 Dec 2025")
        assert (result.state, result.due_on, result.since) == (OVERDUE, d("8 Oct 2025"), d("9 Oct 2025"))
        assert result.reason.startswith("Their needs assessment was due by 10 September 2025 and completed late, on "
                                        "1 December 2025, so a pathway plan was due by 8 October 2025.")
        met = judge("plan_in_place", case(EILEEN, assessments=(assessment("1 Dec 2025"),),
                                          plans=(plan("10 Dec 2025"),)), "11 Dec 2025")
        assert (met.state, met.late, met.due_on) == (MET, True, d("8 Oct 2025"))

    @pytest.mark.parametrize(("completed", "due"), [("10 Sep 2025", "8 Oct 2025"), ("1 Aug 2025", "29 Aug 2025")])
    def test_an_assessment_on_time_or_early_starts_the_plans_clock(self, completed: str, due: str) -> None:
        result = judge("plan_in_place", case(EILEEN, assessments=(assessment(completed),)), "1 Aug 2025")
        assert result.due_on == d(due)

    def test_holly_s_plan_was_owed_from_the_missed_eligible_deadline(self) -> None:
        result = judge("plan_in_place", HOLLY, "1 Dec 2026")
        assert (result.state, result.due_on) == (OVERDUE, d("29 Mar 2026"))
