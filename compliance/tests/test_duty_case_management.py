"""Case summary, joint handover, closure and staying put (statutory-rules.md §2.5, §4, §6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from compliance.duties import DutyState
from compliance.facts import DeclarationKind
from compliance.standards import LocalStandards
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import RUBY, case, declared, frank_staying_put, judge, review, transfer

DUE, MET, OVERDUE, NA = DutyState.DUE, DutyState.MET, DutyState.OVERDUE, DutyState.NOT_APPLICABLE


class TestCaseSummary:
    @pytest.mark.parametrize(("today", "state"), [("28 Feb 2026", DUE), ("1 Mar 2026", DUE), ("2 Mar 2026", OVERDUE)])
    def test_first_summary_90_days_after_entering_the_service(self, today: str, state: DutyState) -> None:
        """RUBY has had a leaving-care status since 1 Dec 2025: 90 days on is 1 Mar 2026."""
        result = judge("case_summary", RUBY, today)
        assert result.state is state and result.due_on == d("1 Mar 2026") and result.action == "update_summary"
        assert "since they gained a leaving-care status on 1 December 2025" in result.reason

    @pytest.mark.parametrize(("today", "state"), [("29 Dec 2026", MET), ("30 Dec 2026", MET), ("31 Dec 2026", OVERDUE)])
    def test_then_every_90_days(self, today: str, state: DutyState) -> None:
        result = judge("case_summary", case(RUBY, summary_updated_on=(d("1 Oct 2026"),)), today)
        assert result.state is state and result.due_on == d("30 Dec 2026")
        assert result.evidence is not None and result.evidence.on == d("1 Oct 2026")

    @pytest.mark.parametrize(("today", "state"), [("21 Nov 2026", DUE), ("22 Nov 2026", OVERDUE)])
    def test_and_within_20_days_of_a_review(self, today: str, state: DutyState) -> None:
        records = case(RUBY, summary_updated_on=(d("1 Oct 2026"),), reviews=(review("1 Nov 2026"),))
        result = judge("case_summary", records, today)
        assert result.state is state and result.due_on == d("21 Nov 2026")
        assert "review was held on 1 November 2026" in result.reason

    def test_an_update_on_the_day_of_the_review_counts(self) -> None:
        records = case(RUBY, summary_updated_on=(d("1 Nov 2026"),), reviews=(review("1 Nov 2026"),))
        assert judge("case_summary", records, "1 Dec 2026").state is MET

    def test_settings(self) -> None:
        records = case(RUBY, summary_updated_on=(d("1 Oct 2026"),), reviews=(review("1 Nov 2026"),))
        sooner = LocalStandards(summary_after_review_days=10)
        assert judge("case_summary", records, "12 Nov 2026", sooner).state is OVERDUE
        assert judge("case_summary", case(RUBY, summary_updated_on=(d("1 Oct 2026"),)), "1 Dec 2026",
                     LocalStandards(summary_max_age_days=30)).state is OVERDUE

    @pytest.mark.parametrize(("today", "state"), [("1 Nov 2026", DUE), ("2 Nov 2026", OVERDUE)])
    def test_a_council_can_ask_for_the_update_on_the_day_of_the_review(self, today: str, state: DutyState) -> None:
        records = case(RUBY, summary_updated_on=(d("1 Oct 2026"),), reviews=(review("1 Nov 2026"),))
        result = judge("case_summary", records, today, LocalStandards(summary_after_review_days=0))
        assert (result.state, result.due_on) == (state, d("1 Nov 2026"))
        assert "the summary is updated on the day of a review" in result.reason

    def test_not_before_a_leaving_care_status(self) -> None:
        assert judge("case_summary", RUBY, "1 Oct 2025").state is NA


class TestJointHandover:
    @pytest.mark.parametrize(("today", "state"), [("2 Oct 2026", DUE), ("3 Oct 2026", DUE), ("4 Oct 2026", OVERDUE)])
    def test_due_90_days_before_the_transfer(self, today: str, state: DutyState) -> None:
        result = judge("joint_handover", case(RUBY, transfers=(transfer("1 Jan 2027"),)), today)
        assert result.state is state and result.due_on == d("3 Oct 2026") and result.action == "record_handover"
        assert result.evidence is not None and result.evidence.ref == "transfer:1"

    @pytest.mark.parametrize(("held", "words"), [("3 Oct 2026", "on time"), ("4 Oct 2026", "1 day late")])
    def test_a_handover_held(self, held: str, words: str) -> None:
        result = judge("joint_handover", case(RUBY, transfers=(transfer("1 Jan 2027", held),)), "1 Dec 2026")
        assert result.state is MET and words in result.reason and result.late is (words != "on time")
        assert result.next_change_on == d("2 Apr 2027")  # 90 days after the transfer it drops out of view

    @pytest.mark.parametrize(("today", "judged_against"),
                             [("19 Nov 2026", "30 Nov 2026"), ("20 Nov 2026", "20 Nov 2026")])
    def test_judged_against_the_day_the_case_actually_moved_once_it_has(self, today: str, judged_against: str) -> None:
        """Planned for 30 Nov 2026, completed on 20 Nov 2026: not evidence before that day."""
        result = judge("joint_handover", case(RUBY, transfers=(transfer("30 Nov 2026", completed="20 Nov 2026"),)),
                       today)
        assert result.state is OVERDUE and result.due_on == d(judged_against) - timedelta(days=90)
        assert result.evidence is not None and result.evidence.on == d(judged_against)

    def test_a_handover_after_the_case_moved_is_met_late_and_says_so(self) -> None:
        records = case(RUBY, transfers=(transfer("30 Nov 2026", "26 Nov 2026", completed="20 Nov 2026"),))
        result = judge("joint_handover", records, "27 Nov 2026")
        assert (result.state, result.late, result.due_on) == (MET, True, d("22 Aug 2026"))
        assert result.reason.startswith("The joint handover for the transfer on 20 November 2026 was held on "
                                        "26 November 2026, 96 days late (it was due by 22 August 2026). It was held "
                                        "after the case had moved.")
        assert result.evidence is not None and result.evidence.label == "Transfer completed on 20 November 2026"
        assert result.next_change_on == d("19 Feb 2027")  # 90 days after it actually moved

    def test_cancelled_and_long_past_transfers_are_ignored(self) -> None:
        assert judge("joint_handover", case(RUBY, transfers=(transfer("1 Jan 2027", cancelled=True),)),
                     "1 Dec 2026").state is NA
        past = case(RUBY, transfers=(transfer("1 Mar 2026"),))
        assert judge("joint_handover", past, "30 May 2026").state is OVERDUE
        assert judge("joint_handover", past, "31 May 2026").state is NA

    def test_the_setting_moves_the_date(self) -> None:
        result = judge("joint_handover", case(RUBY, transfers=(transfer("1 Jan 2027"),)), "1 Dec 2026",
                       LocalStandards(handover_before_days=30))
        assert result.state is DUE and result.due_on == d("2 Dec 2026")

    def test_the_worst_of_several_shows(self) -> None:
        records = case(RUBY, transfers=(transfer("1 Mar 2027", "1 Nov 2026"), transfer("1 Feb 2027")))
        result = judge("joint_handover", records, "1 Dec 2026")
        assert result.state is OVERDUE and result.due_on == d("3 Nov 2026")


class TestClosure:
    @pytest.mark.parametrize(("today", "state"), [("7 Jul 2030", DUE), ("8 Jul 2030", DUE), ("9 Jul 2030", OVERDUE)])
    def test_due_28_days_after_the_21st_birthday_with_no_duty_left(self, today: str, state: DutyState) -> None:
        result = judge("closure", RUBY, today)
        assert result.state is state and result.due_on == d("8 Jul 2030") and result.action == "close_case"
        assert "can still ask for support until their 25th birthday (10 June 2034)" in result.reason

    def test_closed(self) -> None:
        result = judge("closure", case(RUBY, closed_on=d("1 Jul 2030")), "9 Jul 2030")
        assert result.state is MET and result.since == d("1 Jul 2030") and result.action == ""

    def test_not_due_while_a_duty_remains(self) -> None:
        assert judge("closure", RUBY, "1 Jan 2029").state is NA
        asked = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 May 2030"))
        assert judge("closure", asked, "9 Jul 2030").state is NA

    @pytest.mark.parametrize(("today", "state"), [("10 Jun 2034", DUE), ("11 Jun 2034", OVERDUE)])
    def test_at_25_there_is_no_grace(self, today: str, state: DutyState) -> None:
        asked = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 May 2030"))
        result = judge("closure", asked, today)
        assert result.state is state and result.due_on == d("10 Jun 2034")

    def test_after_death(self) -> None:
        dead = replace(RUBY, date_of_death=d("1 Mar 2028"))
        assert judge("closure", dead, "29 Mar 2028").state is DUE
        assert judge("closure", dead, "30 Mar 2028").state is OVERDUE

    def test_the_grace_is_a_setting(self) -> None:
        assert judge("closure", RUBY, "11 Jun 2030", LocalStandards(closure_grace_days=0)).state is OVERDUE

    def test_no_status_from_16_for_someone_who_left_care_young(self) -> None:
        person = facts("10 Jun 2009", episode("1 Jan 2020", "1 Jan 2021"))
        assert judge("closure", person, "1 Jan 2024").state is NA
        assert judge("closure", person, "8 Jul 2025").due_on == d("8 Jul 2025")


class TestStayingPut:
    @pytest.mark.parametrize(("today", "state"), [("30 Jun 2026", DUE), ("1 Jul 2026", DUE), ("2 Jul 2026", OVERDUE)])
    def test_first_review_6_months_after_the_start(self, today: str, state: DutyState) -> None:
        result = judge("staying_put", frank_staying_put(), today)
        assert result.state is state and result.due_on == d("1 Jul 2026") and result.action == "review_staying_put"
        assert result.evidence is not None and result.evidence.ref == "staying_put:1"

    def test_month_end_clamping_from_the_last_review(self) -> None:
        assert judge("staying_put", frank_staying_put("31 Aug 2026"), "28 Feb 2027").state is MET
        result = judge("staying_put", frank_staying_put("31 Aug 2026"), "1 Mar 2027")
        assert result.state is OVERDUE and result.due_on == d("28 Feb 2027")

    def test_the_interval_is_a_setting(self) -> None:
        result = judge("staying_put", frank_staying_put(), "2 Apr 2026", LocalStandards(staying_put_review_months=3))
        assert result.state is OVERDUE and result.due_on == d("1 Apr 2026")

    def test_ends_at_21_or_when_the_arrangement_ends(self) -> None:
        assert judge("staying_put", frank_staying_put(), "1 Jan 2029").state is NA
        records = frank_staying_put()
        ended = replace(records, staying_put=(replace(records.staying_put[0], end=d("1 Mar 2026")),))
        assert judge("staying_put", ended, "28 Feb 2026").state is DUE
        assert judge("staying_put", ended, "1 Mar 2026").state is NA
