"""Pathway plan reviews: every 6 months, when asked, after a move into council
accommodation, and the record of the young person's involvement (statutory-rules.md §3 D3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.calendar import add_months
from compliance.duties import DutyState
from compliance.standards import LocalStandards
from compliance.tests import d
from compliance.tests.duty_cases import EILEEN, RUBY, case, council_home, judge, plan, request, review

DUE, MET, OVERDUE, NA = DutyState.DUE, DutyState.MET, DutyState.OVERDUE, DutyState.NOT_APPLICABLE


class TestPlanReview:
    @pytest.mark.parametrize(("today", "state"), [("27 Feb 2026", DUE), ("28 Feb 2026", DUE), ("1 Mar 2026", OVERDUE)])
    def test_first_review_6_months_after_the_plan_clamped_to_month_end(self, today: str, state: DutyState) -> None:
        """Plan agreed 31 Aug 2025: 6 months later is 28 Feb 2026 (§1.2 clamping)."""
        result = judge("plan_review", case(EILEEN, plans=(plan("31 Aug 2025"),)), today)
        assert result.state is state and result.due_on == d("28 Feb 2026")
        assert "agreed on 31 August 2025" in result.reason and "looked-after reviews" in result.reason
        assert result.action == "review_plan"

    def test_leap_year_clamping(self) -> None:
        """31 Aug 2027 + 6 months = 29 Feb 2028."""
        result = judge("plan_review", case(RUBY, plans=(plan("1 Jun 2027"),), reviews=(review("31 Aug 2027"),)),
                       "29 Feb 2028")
        assert result.state is MET and result.due_on == d("29 Feb 2028")
        assert result.reason == "The last review was on 31 August 2027, so the next one is due by 29 February 2028."

    @pytest.mark.parametrize(("today", "state"), [("2 Sep 2026", MET), ("3 Sep 2026", MET), ("4 Sep 2026", OVERDUE)])
    def test_the_clock_runs_from_the_last_review(self, today: str, state: DutyState) -> None:
        records = case(RUBY, plans=(plan("1 Jan 2026"),), reviews=(review("3 Mar 2026"),))
        result = judge("plan_review", records, today)
        assert result.state is state and result.due_on == d("3 Sep 2026")
        if state is MET:
            assert result.evidence is not None and result.evidence.ref == "review:1" and result.action == ""
        else:
            assert result.reason == ("The last review was on 3 March 2026, so the next one was due by 3 September "
                                     "2026. None has been recorded since.")

    def test_an_early_review_resets_the_clock(self) -> None:
        records = case(RUBY, plans=(plan("1 Apr 2026"),), reviews=(review("1 Aug 2026"), review("1 Sep 2026")))
        assert judge("plan_review", records, "1 Oct 2026").due_on == d("1 Mar 2027")

    def test_no_plan_means_nothing_to_review(self) -> None:
        assert judge("plan_review", RUBY, "1 Oct 2026").state is NA

    def test_not_for_a_former_relevant_young_person_with_no_duty(self) -> None:
        assert judge("plan_review", case(RUBY, plans=(plan("1 Apr 2026"),)), "1 Jan 2031").state is NA


@st.composite
def review_histories(draw: st.DrawFn) -> tuple[date, list[date], date]:
    agreed = draw(st.dates(date(2026, 2, 1), date(2027, 1, 31)))
    held = draw(st.lists(st.integers(0, 500).map(lambda n: agreed + timedelta(days=n)), max_size=5))
    today = agreed + timedelta(days=draw(st.integers(0, 500)))
    return agreed, held, today


@settings(max_examples=80, deadline=None)
@given(review_histories())
def test_next_review_is_6_months_after_the_latest_review_held(history: tuple[date, list[date], date]) -> None:
    """The next review is never due earlier than 6 months after any review held so far,
    and is exactly 6 months after the latest of them (or the plan if none): §1.2."""
    agreed, held, today = history
    records = case(RUBY, plans=(plan(agreed),), reviews=tuple(review(h) for h in held))
    result = judge("plan_review", records, today)
    so_far = [h for h in held if h <= today]
    assert all(result.due_on >= add_months(h, 6) for h in so_far)  # type: ignore[operator]
    assert result.due_on == add_months(max([agreed, *so_far]), 6)
    assert (result.state is OVERDUE) == (today > result.due_on)  # type: ignore[operator]


class TestReviewOnRequest:
    @pytest.mark.parametrize(("today", "state"), [("20 Oct 2026", DUE), ("21 Oct 2026", DUE), ("22 Oct 2026", OVERDUE)])
    def test_due_20_days_after_the_request(self, today: str, state: DutyState) -> None:
        result = judge("review_on_request", case(RUBY, review_requests=(request("1 Oct 2026"),)), today)
        assert result.state is state and result.due_on == d("21 Oct 2026")
        assert "They asked for a review on 1 October 2026" in result.reason

    @pytest.mark.parametrize(("held", "words"), [("21 Oct 2026", "on time"), ("22 Oct 2026", "1 day late")])
    def test_a_review_on_or_after_the_request_answers_it(self, held: str, words: str) -> None:
        records = case(RUBY, review_requests=(request("1 Oct 2026"),), reviews=(review(held),))
        result = judge("review_on_request", records, "1 Nov 2026")
        assert result.state is MET and words in result.reason and result.since == d(held)
        assert result.late is (words != "on time")

    def test_a_review_before_the_request_does_not_answer_it(self) -> None:
        records = case(RUBY, review_requests=(request("1 Oct 2026"),), reviews=(review("30 Sep 2026"),))
        assert judge("review_on_request", records, "1 Nov 2026").state is OVERDUE

    def test_the_setting_changes_the_deadline(self) -> None:
        records = case(RUBY, review_requests=(request("1 Oct 2026"),))
        result = judge("review_on_request", records, "12 Oct 2026", LocalStandards(review_request_days=10))
        assert result.state is OVERDUE and result.due_on == d("11 Oct 2026")

    def test_the_oldest_waiting_request_decides(self) -> None:
        records = case(RUBY, review_requests=(request("1 Oct 2026", by_young_person=False), request("10 Oct 2026")),
                       reviews=(review("2 Sep 2026"),))
        result = judge("review_on_request", records, "1 Nov 2026")
        assert result.due_on == d("21 Oct 2026") and "personal adviser or the council" in result.reason
        assert "1 later request is also waiting" in result.reason

    def test_no_request_no_duty(self) -> None:
        assert judge("review_on_request", RUBY, "1 Nov 2026").state is NA


class TestReviewAfterMove:
    @pytest.mark.parametrize(("today", "state"), [("28 Mar 2026", DUE), ("29 Mar 2026", DUE), ("30 Mar 2026", OVERDUE)])
    def test_first_review_28_days_after_the_move(self, today: str, state: DutyState) -> None:
        result = judge("review_after_move", case(RUBY, accommodation=(council_home("1 Mar 2026"),)), today)
        assert result.state is state and result.due_on == d("29 Mar 2026")
        assert "(a timescale set by the council; check with your legal team)" in result.reason

    def test_then_every_3_months_with_month_end_clamping(self) -> None:
        records = case(RUBY, accommodation=(council_home("1 Mar 2026"),), reviews=(review("30 Nov 2026"),))
        assert judge("review_after_move", records, "28 Feb 2027").state is MET
        result = judge("review_after_move", records, "1 Mar 2027")
        assert result.state is OVERDUE and result.due_on == d("28 Feb 2027")

    def test_settings(self) -> None:
        records = case(RUBY, accommodation=(council_home("1 Mar 2026"),))
        switched_off = LocalStandards(reviews_after_council_accommodation=False)
        off = judge("review_after_move", records, "30 Mar 2026", switched_off)
        sooner = judge("review_after_move", records, "16 Mar 2026", LocalStandards(review_after_move_days=14))
        assert off.state is NA and sooner.state is OVERDUE
        reviewed = case(RUBY, accommodation=(council_home("1 Mar 2026"),), reviews=(review("15 Mar 2026"),))
        every_month = LocalStandards(review_after_move_interval_months=1)
        monthly = judge("review_after_move", reviewed, "16 Apr 2026", every_month)
        assert monthly.state is OVERDUE and monthly.due_on == d("15 Apr 2026")

    def test_only_relevant_children_in_council_accommodation(self) -> None:
        records = case(RUBY, accommodation=(council_home("1 Mar 2026", "1 Apr 2026"),))
        assert judge("review_after_move", records, "1 Apr 2026").state is NA  # moved out
        assert judge("review_after_move", case(RUBY, accommodation=(council_home("1 Mar 2027"),)),
                     "1 Jul 2027").state is NA  # former relevant


class TestReviewInvolvement:
    def test_the_latest_review_with_its_form_meets_it(self) -> None:
        records = case(RUBY, reviews=(review("1 Mar 2026", complete=False), review("1 Sep 2026", ref="review:2")))
        result = judge("review_involvement", records, "1 Oct 2026")
        assert result.state is MET and result.evidence is not None and result.evidence.ref == "review:2"
        assert "1 earlier review in the last year had none" in result.reason

    @pytest.mark.parametrize(("today", "state"), [("1 Sep 2026", DUE), ("2 Sep 2026", OVERDUE)])
    def test_a_review_without_its_form(self, today: str, state: DutyState) -> None:
        records = case(RUBY, reviews=(review("1 Mar 2026", complete=False), review("1 Sep 2026", complete=False)))
        result = judge("review_involvement", records, today)
        assert result.state is state and result.action == "record_review_involvement"
        assert "2 of the 2 reviews in the last year" in result.reason

    def test_no_review_yet(self) -> None:
        assert judge("review_involvement", RUBY, "1 Oct 2026").state is NA
