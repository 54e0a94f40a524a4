"""Who needs an OC3 row in a collection year (ssda903-care-leavers.md §1, §5).

Examples name the DfE rule each exclusion mirrors; the properties check the collection
year and birthday arithmetic, including 29 February births under both settings.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.calendar import LeapDayRule, birthday
from compliance.facts import CareEpisode, Declaration, DeclarationKind, YoungPersonFacts
from compliance.records import CaseFacts, Contact, ContactKind
from compliance.ssda903 import BIRTHDAY_AGES, OLDER_AGES, CohortGroup, CollectionYear, Oc3Settings, cohort_decision
from compliance.standards import LocalStandards

YEAR = CollectionYear(2026)  # 1 April 2025 to 31 March 2026
DOB_18_IN_YEAR = date(2007, 9, 10)  # 18 on 10 September 2025


def facts(dob: date = DOB_18_IN_YEAR, episodes=(), **kwargs) -> CaseFacts:  # noqa: ANN001
    person_fields = {k: kwargs.pop(k) for k in ("declarations", "date_of_death", "living_with_parent") if k in kwargs}
    return CaseFacts(person=YoungPersonFacts(date_of_birth=dob, episodes=tuple(episodes), **person_fields), **kwargs)


def left_at(start: date, end: date | None, rec: str = "E5", ls: str = "C2") -> CareEpisode:
    return CareEpisode(start=start, end=end, legal_status=ls, placement="U4", reason_ended=rec if end else "")


# Looked after from 14 to 16½: a care leaver (rule 1001: 91+ days since 14, a day after 16).
LEFT_AT_16_AND_A_HALF = left_at(date(2021, 9, 10), date(2024, 3, 10))


class TestCollectionYear:
    def test_2026_is_1_april_2025_to_31_march_2026_with_the_validators_rule_set(self) -> None:
        assert (YEAR.start, YEAR.end) == (date(2025, 4, 1), date(2026, 3, 31))
        assert YEAR.short_label == "2025-26" and YEAR.ruleset == "lac2025_26"
        assert YEAR.label == "1 April 2025 to 31 March 2026"

    def test_the_latest_year_to_have_ended_on_27_november_2026_is_2025_26(self) -> None:
        assert CollectionYear.containing(date(2026, 11, 27)) == CollectionYear(2027)
        assert CollectionYear.latest_ended(date(2026, 11, 27)) == YEAR
        assert CollectionYear.latest_ended(date(2026, 3, 31)) == CollectionYear(2025)

    @given(st.dates(date(1990, 1, 1), date(2100, 12, 31)))
    def test_every_day_is_in_exactly_the_year_that_contains_it(self, d: date) -> None:
        year = CollectionYear.containing(d)
        assert year.covers(d)
        assert not year.previous().covers(d) and not CollectionYear(year.year + 1).covers(d)
        assert year.start <= d <= year.end
        assert CollectionYear.containing(year.end + timedelta(days=1)) == CollectionYear(year.year + 1)


class TestWho:
    def test_a_care_leaver_with_their_18th_birthday_in_the_year_is_included(self) -> None:
        decision = cohort_decision(facts(episodes=[LEFT_AT_16_AND_A_HALF]), YEAR)
        assert decision is not None and decision.included
        assert (decision.age, decision.birthday, decision.group) == (18, date(2025, 9, 10), CohortGroup.BIRTHDAY)
        assert decision.reason.startswith("A care leaver (912 days looked after since their 14th birthday")
        assert "18th birthday on 10 September 2025" in decision.reason
        assert decision.left_care_on == date(2024, 3, 10) and decision.reason_left == "E5"

    def test_no_birthday_from_17_to_25_in_the_year_means_not_a_candidate(self) -> None:
        assert cohort_decision(facts(dob=date(2009, 4, 1)), YEAR) is None  # 17 on 1 April 2026: next year
        assert cohort_decision(facts(dob=date(2000, 3, 31), episodes=[LEFT_AT_16_AND_A_HALF]), YEAR) is None  # 26

    def test_the_first_and_last_days_of_the_year_are_in_it(self) -> None:
        assert cohort_decision(facts(dob=date(2008, 4, 1)), YEAR).birthday == date(2025, 4, 1)  # type: ignore[union-attr]
        assert cohort_decision(facts(dob=date(2009, 3, 31)), YEAR).birthday == date(2026, 3, 31)  # type: ignore[union-attr]

    def test_still_looked_after_on_the_18th_birthday_is_excluded_rule_1007(self) -> None:
        decision = cohort_decision(facts(episodes=[left_at(date(2021, 1, 1), date(2025, 9, 11))]), YEAR)
        assert decision is not None and not decision.included
        assert "Still looked after on their 18th birthday" in decision.reason and "1007" in decision.reference

    def test_leaving_care_on_the_18th_birthday_means_no_row_at_18_but_one_at_19(self) -> None:
        """§5: DEC on the birthday: not looked after on it, and 'left on or after it' (rule 1016)."""
        left_on_18th = [left_at(date(2021, 1, 1), date(2025, 9, 10), "E17")]
        at_18 = cohort_decision(facts(episodes=left_on_18th), YEAR)
        assert at_18 is not None and not at_18.included and "1016" in at_18.reference
        at_19 = cohort_decision(facts(episodes=left_on_18th), CollectionYear(2027))
        assert at_19 is not None and at_19.included and at_19.age == 19

    def test_looked_after_again_after_the_17th_birthday_is_excluded_rule_1016(self) -> None:
        dob = date(2008, 6, 1)  # 17 on 1 June 2025
        episodes = [left_at(date(2022, 6, 1), date(2025, 1, 1)), left_at(date(2025, 8, 1), date(2025, 10, 1))]
        decision = cohort_decision(facts(dob=dob, episodes=episodes), YEAR)
        assert decision is not None and not decision.included and "1016" in decision.reference

    def test_at_19_being_looked_after_again_later_does_not_matter(self) -> None:
        dob = date(2006, 6, 1)  # 19 on 1 June 2025
        episodes = [left_at(date(2021, 6, 1), date(2023, 1, 1)), left_at(date(2025, 8, 1), date(2025, 10, 1), ls="V2")]
        decision = cohort_decision(facts(dob=dob, episodes=episodes), YEAR)
        assert decision is not None and decision.included and decision.left_care_on == date(2023, 1, 1)

    @pytest.mark.parametrize(
        ("rec", "rule", "words"),
        [("E3", "1011", "taken over by another council"), ("E11", "1001", "Adopted"), ("E12", "1001", "Adopted"),
         ("E2", "1000", "Died while looked after")],
    )
    def test_exits_that_end_the_councils_return(self, rec: str, rule: str, words: str) -> None:
        decision = cohort_decision(facts(episodes=[left_at(date(2021, 9, 10), date(2024, 3, 10), rec)]), YEAR)
        assert decision is not None and not decision.included
        assert words in decision.reason and rule in decision.reference

    def test_90_days_since_the_14th_birthday_is_not_enough_and_91_is(self) -> None:
        b16 = birthday(DOB_18_IN_YEAR, 16)
        short = cohort_decision(facts(episodes=[left_at(b16 - timedelta(days=89), b16 + timedelta(days=1))]), YEAR)
        assert short is not None and not short.included
        assert "Looked after for 90 days after their 14th birthday" in short.reason
        enough = cohort_decision(facts(episodes=[left_at(b16 - timedelta(days=90), b16 + timedelta(days=1))]), YEAR)
        assert enough is not None and enough.included

    def test_care_that_ended_before_16_is_not_enough(self) -> None:
        b16 = birthday(DOB_18_IN_YEAR, 16)
        decision = cohort_decision(facts(episodes=[left_at(b16 - timedelta(days=400), b16)]), YEAR)
        assert decision is not None and not decision.included
        assert "Not looked after on or after their 16th birthday" in decision.reason

    def test_short_breaks_never_make_a_care_leaver(self) -> None:
        breaks = [left_at(date(2021, 9, 10), date(2024, 3, 10), ls="V3")]
        decision = cohort_decision(facts(episodes=breaks), YEAR)
        assert decision is not None and not decision.included and "short breaks" in decision.reason


class TestOlderCareLeavers:
    DOB = date(2002, 10, 1)  # 23 on 1 October 2025
    CARE = (left_at(date(2017, 1, 1), date(2020, 10, 1), "E17"),)
    ASKED = (Declaration(DeclarationKind.SUPPORT_REQUESTED, date(2024, 1, 5)),)
    CONTACT = (Contact(date(2025, 12, 1), ContactKind.PHONE, ref="contact:9"),)

    def test_asked_for_support_and_in_contact_in_the_year_is_included(self) -> None:
        decision = cohort_decision(facts(self.DOB, self.CARE, declarations=self.ASKED, contacts=self.CONTACT), YEAR)
        assert decision is not None and decision.included
        assert decision.group is CohortGroup.OLDER and decision.age_band == "22 to 25"
        assert "not verified" in decision.reference

    def test_without_a_request_or_without_a_contact_that_reached_them_excluded(self) -> None:
        no_request = cohort_decision(facts(self.DOB, self.CARE, contacts=self.CONTACT), YEAR)
        assert no_request is not None and not no_request.included and "did not ask" in no_request.reason
        attempted = (Contact(date(2025, 12, 1), ContactKind.PHONE, attempted=True),)
        no_contact = cohort_decision(facts(self.DOB, self.CARE, declarations=self.ASKED, contacts=attempted), YEAR)
        assert no_contact is not None and not no_contact.included and "no contact" in no_contact.reason

    def test_a_request_withdrawn_before_the_year_does_not_count_but_one_during_it_does(self) -> None:
        withdrawn = (*self.ASKED, Declaration(DeclarationKind.SUPPORT_DECLINED, date(2025, 1, 1)))
        decision = cohort_decision(facts(self.DOB, self.CARE, declarations=withdrawn, contacts=self.CONTACT), YEAR)
        assert decision is not None and not decision.included
        withdrawn_later = (*self.ASKED, Declaration(DeclarationKind.SUPPORT_DECLINED, date(2025, 6, 1)))
        decision = cohort_decision(facts(self.DOB, self.CARE, declarations=withdrawn_later, contacts=self.CONTACT),
                                   YEAR)
        assert decision is not None and decision.included

    def test_the_council_can_leave_older_care_leavers_out(self) -> None:
        off = Oc3Settings(include_older=False)
        decision = cohort_decision(facts(self.DOB, self.CARE, declarations=self.ASKED, contacts=self.CONTACT), YEAR, off)
        assert decision is not None and not decision.included and "a setting" in decision.reason

    def test_settings_come_from_the_councils_standards(self) -> None:
        standards = LocalStandards(oc3_window_months_before=2, oc3_include_older_care_leavers=False)
        made = Oc3Settings.from_standards(standards, LeapDayRule.MAR_01)
        assert made == Oc3Settings(months_before=2, months_after=1, include_older=False,
                                   leap_day_rule=LeapDayRule.MAR_01)


leap_births = st.sampled_from([date(y, 2, 29) for y in range(1996, 2012, 4)])
births = st.one_of(st.dates(date(1995, 1, 1), date(2012, 12, 31)), leap_births)
years = st.integers(2018, 2040).map(CollectionYear)
rules = st.sampled_from(list(LeapDayRule))


@given(births, years, rules)
def test_exactly_one_birthday_in_each_collection_year_under_either_29_february_rule(dob, year, rule) -> None:  # noqa: ANN001
    in_year = [age for age in range(0, 60) if year.covers(birthday(dob, age, rule))]
    assert len(in_year) == 1
    # 28 February and 1 March are in the same collection year, so the rule never moves it.
    assert [a for a in range(0, 60) if year.covers(birthday(dob, a, LeapDayRule.FEB_28))] == in_year


@given(births, years, rules)
def test_candidates_are_exactly_those_with_a_17th_to_25th_birthday_in_the_year(dob, year, rule) -> None:  # noqa: ANN001
    decision = cohort_decision(facts(dob=dob), year, Oc3Settings(leap_day_rule=rule))
    ages = [a for a in (*BIRTHDAY_AGES, *OLDER_AGES) if year.covers(birthday(dob, a, rule))]
    if not ages:
        assert decision is None
    else:
        assert decision is not None and decision.age == ages[0] and year.covers(decision.birthday)
        assert decision.birthday == birthday(dob, ages[0], rule)
        assert not decision.included  # never looked after


@given(births, st.integers(0, 2000), st.integers(1, 2000), years, rules)
def test_looked_after_on_the_birthday_is_never_included(dob, start_after_14, length, year, rule) -> None:  # noqa: ANN001
    start = birthday(dob, 14, rule) + timedelta(days=start_after_14)
    decision = cohort_decision(facts(dob, [left_at(start, start + timedelta(days=length))]), year,
                               Oc3Settings(leap_day_rule=rule))
    if decision is not None and start <= decision.birthday < start + timedelta(days=length):
        assert not decision.included


@given(st.integers(2026, 2031), rules)
def test_a_29_february_birth_leaving_at_17_is_in_the_year_of_their_18th_birthday(year_end, rule) -> None:  # noqa: ANN001
    dob = date(2008, 2, 29)
    episodes = [left_at(date(2023, 1, 1), birthday(dob, 17, rule) - timedelta(days=30))]
    expected_age = year_end - 2008
    decision = cohort_decision(facts(dob, episodes), CollectionYear(year_end), Oc3Settings(leap_day_rule=rule))
    assert decision is not None and decision.age == expected_age
    assert decision.included is (17 <= expected_age <= 21)
