"""Calendar helpers: statutory-rules.md §1.1 (ages, 29 February) and §1.2 (months, days)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.calendar import (
    LeapDayRule,
    add_months,
    age_on,
    birthday,
    days_between,
    format_date,
    month_end_clamped,
    ordinal,
)

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
rules = st.sampled_from(list(LeapDayRule))
leap_births = st.sampled_from([date(y, 2, 29) for y in range(1904, 2100, 4) if y != 2000] + [date(2000, 2, 29)])


class TestExamples:
    def test_31_august_plus_6_months_clamps_to_end_of_february(self) -> None:
        """§1.2: 31 Aug + 6 months = 28/29 Feb."""
        assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
        assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
        assert month_end_clamped(date(2025, 8, 31), 6)

    def test_30_november_plus_3_months_is_28_february_2026(self) -> None:
        """§1.2: 30 Nov + 3 months = 28 Feb 2026."""
        assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
        assert month_end_clamped(date(2025, 11, 30), 3)

    def test_no_clamping_when_the_day_exists(self) -> None:
        assert add_months(date(2026, 3, 1), 6) == date(2026, 9, 1)
        assert not month_end_clamped(date(2026, 3, 1), 6)

    def test_negative_months_cross_years(self) -> None:
        """§D7: the in-touch window starts 3 months before a birthday."""
        assert add_months(date(2026, 2, 10), -3) == date(2025, 11, 10)
        assert add_months(date(2026, 5, 31), -3) == date(2026, 2, 28)

    def test_29_february_plus_17_years(self) -> None:
        """§1.1: 29 Feb 2008 + 17 years is 28 Feb 2025 (DfE validator) or 1 Mar 2025."""
        assert birthday(date(2008, 2, 29), 17, LeapDayRule.FEB_28) == date(2025, 2, 28)
        assert birthday(date(2008, 2, 29), 17, LeapDayRule.MAR_01) == date(2025, 3, 1)
        assert birthday(date(2008, 2, 29), 16) == date(2024, 2, 29)  # leap year: no choice

    def test_age_on_either_side_of_a_29_february_birthday(self) -> None:
        dob = date(2008, 2, 29)
        assert age_on(dob, date(2025, 2, 27), LeapDayRule.FEB_28) == 16
        assert age_on(dob, date(2025, 2, 28), LeapDayRule.FEB_28) == 17
        assert age_on(dob, date(2025, 2, 28), LeapDayRule.MAR_01) == 16
        assert age_on(dob, date(2025, 3, 1), LeapDayRule.MAR_01) == 17

    def test_age_on_day_before_birth_is_negative(self) -> None:
        assert age_on(date(2010, 6, 10), date(2010, 6, 9)) == -1
        assert age_on(date(2010, 6, 10), date(2010, 6, 10)) == 0

    def test_days_between_counts_start_not_end(self) -> None:
        """§1.2: worked example 1 — 1 Mar to 31 May 2025 is 91 days, end exclusive."""
        assert days_between(date(2025, 3, 1), date(2025, 5, 31)) == 91
        assert days_between(date(2025, 3, 1), date(2025, 3, 1)) == 0

    def test_gov_uk_date_style(self) -> None:
        assert format_date(date(2024, 5, 3)) == "3 May 2024"
        assert format_date(date(2026, 12, 25)) == "25 December 2026"

    @pytest.mark.parametrize(
        ("n", "expected"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (14, "14th"), (21, "21st"), (25, "25th")]
    )
    def test_ordinal(self, n: int, expected: str) -> None:
        assert ordinal(n) == expected


class TestProperties:
    @given(dates, st.integers(min_value=-600, max_value=600))
    def test_add_months_moves_by_exactly_the_month_count(self, d: date, months: int) -> None:
        result = add_months(d, months)
        assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == months

    @given(dates, st.integers(min_value=-600, max_value=600))
    def test_add_months_never_increases_the_day(self, d: date, months: int) -> None:
        result = add_months(d, months)
        assert result.day <= d.day
        assert month_end_clamped(d, months) == (result.day != d.day)

    @given(dates, st.integers(min_value=-600, max_value=600))
    def test_add_months_round_trips_when_not_clamped(self, d: date, months: int) -> None:
        if not month_end_clamped(d, months):
            assert add_months(add_months(d, months), -months) == d

    @given(dates, dates, dates, rules)
    def test_age_on_is_monotone(self, dob: date, a: date, b: date, rule: LeapDayRule) -> None:
        early, late = sorted((a, b))
        assert age_on(dob, early, rule) <= age_on(dob, late, rule)

    @given(dates, st.integers(min_value=0, max_value=100), rules)
    def test_birthday_and_age_on_agree(self, dob: date, n: int, rule: LeapDayRule) -> None:
        day = birthday(dob, n, rule)
        assert age_on(dob, day, rule) == n
        assert age_on(dob, day - timedelta(days=1), rule) == n - 1

    @given(leap_births, st.integers(min_value=0, max_value=100), rules)
    def test_birthday_and_age_on_agree_for_29_february(self, dob: date, n: int, rule: LeapDayRule) -> None:
        day = birthday(dob, n, rule)
        assert age_on(dob, day, rule) == n
        assert age_on(dob, day - timedelta(days=1), rule) == n - 1
        if day.month != 2 or day.day != 29:
            assert day == (date(day.year, 2, 28) if rule is LeapDayRule.FEB_28 else date(day.year, 3, 1))

    @given(dates, st.integers(min_value=0, max_value=99), rules)
    def test_birthdays_strictly_increase(self, dob: date, n: int, rule: LeapDayRule) -> None:
        assert birthday(dob, n, rule) < birthday(dob, n + 1, rule)

    @given(dates, dates)
    def test_days_between_matches_date_subtraction(self, a: date, b: date) -> None:
        assert a + timedelta(days=days_between(a, b)) == b
