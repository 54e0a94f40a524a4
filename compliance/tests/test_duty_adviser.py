"""Personal adviser allocated (statutory-rules.md §3 D4) and identified by a set age (§4)."""

from __future__ import annotations

import pytest

from compliance.calendar import LeapDayRule
from compliance.duties import DutyState
from compliance.duties.pa_identified_by_age import age_words, identified_by
from compliance.facts import DeclarationKind
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import EILEEN, RUBY, adviser, case, declared, judge

DUE, MET, OVERDUE, NA = DutyState.DUE, DutyState.MET, DutyState.OVERDUE, DutyState.NOT_APPLICABLE


class TestPersonalAdviser:
    def test_none_allocated_is_overdue_from_when_the_duty_began(self) -> None:
        """RUBY has needed a PA since she became eligible on 1 Dec 2025."""
        result = judge("personal_adviser", RUBY, "1 Mar 2026")
        assert result.state is OVERDUE and result.due_on == result.since == d("1 Dec 2025")
        assert "As a relevant child" in result.reason and result.action == "allocate_personal_adviser"

    def test_an_allocation_covering_today_meets_it(self) -> None:
        result = judge("personal_adviser", case(RUBY, allocations=(adviser("1 Feb 2026"),)), "1 Mar 2026")
        assert result.state is MET and result.since == d("1 Feb 2026")
        assert result.evidence is not None and result.evidence.ref == "allocation:1"
        assert result.next_change_on == d("10 Jun 2027")  # no end: only the 18th birthday can change it

    @pytest.mark.parametrize(("today", "state"), [("30 Sep 2026", MET), ("1 Oct 2026", OVERDUE)])
    def test_the_end_date_is_the_first_day_without(self, today: str, state: DutyState) -> None:
        result = judge("personal_adviser", case(RUBY, allocations=(adviser("1 Feb 2026", "1 Oct 2026"),)), today)
        assert result.state is state
        if state is MET:
            assert result.next_change_on == d("1 Oct 2026")
        else:
            assert result.since == d("1 Oct 2026") and "ended on 1 October 2026" in result.reason

    def test_back_to_back_allocations_change_when_the_last_ends(self) -> None:
        allocations = (adviser("1 Feb 2026", "1 Oct 2026"), adviser("1 Oct 2026", "1 Jan 2027", ref="allocation:2"))
        result = judge("personal_adviser", case(RUBY, allocations=allocations), "1 Sep 2026")
        assert result.state is MET and result.next_change_on == d("1 Jan 2027")

    def test_a_social_worker_is_not_a_personal_adviser(self) -> None:
        records = case(RUBY, allocations=(adviser("1 Feb 2026", role="social_worker"),))
        assert judge("personal_adviser", records, "1 Mar 2026").state is OVERDUE

    @pytest.mark.parametrize(("today", "state"), [("31 Mar 2026", OVERDUE), ("1 Apr 2026", MET)])
    def test_the_start_date_is_the_first_day_with(self, today: str, state: DutyState) -> None:
        assert judge("personal_adviser", case(RUBY, allocations=(adviser("1 Apr 2026"),)), today).state is state

    def test_a_planned_allocation_is_when_it_changes(self) -> None:
        result = judge("personal_adviser", case(RUBY, allocations=(adviser("1 Apr 2026"),)), "1 Mar 2026")
        assert result.state is OVERDUE and result.next_change_on == d("1 Apr 2026")
        assert "start on 1 April 2026" in result.reason

    def test_from_21_only_on_request(self) -> None:
        assert judge("personal_adviser", RUBY, "1 Jan 2031").state is NA
        asked = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 Sep 2031"))
        result = judge("personal_adviser", asked, "1 Oct 2031")
        assert result.state is OVERDUE and result.since == d("1 Sep 2031")


class TestPaIdentifiedByAge:
    @pytest.mark.parametrize(("today", "state"), [("9 Dec 2026", DUE), ("10 Dec 2026", DUE), ("11 Dec 2026", OVERDUE)])
    def test_due_at_17_and_a_half(self, today: str, state: DutyState) -> None:
        result = judge("pa_identified_by_age", EILEEN, today)
        assert result.state is state and result.due_on == d("10 Dec 2026")
        assert "17½" in result.reason and "not a legal deadline" in result.reason

    @pytest.mark.parametrize(("start", "words"), [("1 Jun 2025", "on time"), ("10 Dec 2026", "on time"),
                                                  ("11 Dec 2026", "1 day late")])
    def test_an_allocation_by_then_meets_it(self, start: str, words: str) -> None:
        result = judge("pa_identified_by_age", case(EILEEN, allocations=(adviser(start),)), "1 Jan 2027")
        assert result.state is MET and words in result.reason and result.late is (words != "on time")

    def test_an_allocation_that_ended_before_then_does_not_count(self) -> None:
        records = case(EILEEN, allocations=(adviser("1 Jun 2025", "1 Jan 2026"),))
        assert judge("pa_identified_by_age", records, "1 Jan 2027").state is OVERDUE

    def test_the_age_is_a_setting(self) -> None:
        result = judge("pa_identified_by_age", EILEEN, "11 Jun 2026", LocalStandards(pa_identified_by_age_months=204))
        assert result.state is OVERDUE and result.due_on == d("10 Jun 2026")
        assert "when they were 17 (10 June 2026)" in result.reason

    def test_month_end_and_29_february(self) -> None:
        assert identified_by(d("31 Aug 2009"), 210, LeapDayRule.FEB_28) == d("28 Feb 2027")
        assert identified_by(d("29 Feb 2008"), 204, LeapDayRule.FEB_28) == d("28 Feb 2025")
        assert identified_by(d("29 Feb 2008"), 204, LeapDayRule.MAR_01) == d("1 Mar 2025")
        assert identified_by(d("29 Feb 2008"), 210, LeapDayRule.MAR_01) == d("29 Aug 2025")
        assert [age_words(n) for n in (204, 210, 205)] == ["17", "17½", "17 years and 1 month"]
        person = facts("29 Feb 2008", episode("1 Jan 2023"))
        policy = LocalPolicy(leap_day_birthday_rule=LeapDayRule.MAR_01)
        standards = LocalStandards(pa_identified_by_age_months=204)
        assert judge("pa_identified_by_age", person, "1 Mar 2025", standards, policy).state is DUE
        assert judge("pa_identified_by_age", person, "1 Mar 2025", standards).state is OVERDUE

    def test_only_for_those_looked_after_at_that_age(self) -> None:
        assert judge("pa_identified_by_age", RUBY, "1 Jan 2027").state is NA  # left care at 16
        assert judge("pa_identified_by_age", EILEEN, "10 Jun 2027").state is NA  # 18
