"""Worked examples (statutory-rules.md §5) and the §2.1–2.2/§6 edge cases up to 18.

Each test restates the rule or example it checks in its docstring.
"""

from __future__ import annotations

from datetime import timedelta

from compliance.calendar import LeapDayRule, add_months
from compliance.categories import Category, DutyFlag, counted_days
from compliance.policy import LocalPolicy
from compliance.tests import d, episode, facts, spans, status

LA, EL, RE = Category.LOOKED_AFTER, Category.ELIGIBLE, Category.RELEVANT
FR, QU, NONE, NLA = Category.FORMER_RELEVANT, Category.QUALIFYING, Category.NONE, Category.NOT_LOOKED_AFTER


class TestWorkedExamples:
    def test_example_1_in_care_at_15_is_eligible_from_16th_birthday(self) -> None:
        """§5 ex 1: DOB 10 Jun 2009, LAC 1 Mar 2025 (age 15) – ongoing. 14th birthday 10 Jun
        2023; counted days reach 91 on 31 May 2025 (< 16th birthday 10 Jun 2025). Eligible
        from 10 Jun 2025 (age condition). Assessment due 10 Sep 2025."""
        f = facts("10 Jun 2009", episode("1 Mar 2025"))
        s = status(f)
        assert s.key_dates.birthday_14 == d("10 Jun 2023")
        assert counted_days(f, d("30 May 2025")) == 90
        assert counted_days(f, d("31 May 2025")) == 91
        assert s.category_on(d("9 Jun 2025")) is LA
        assert s.category_on(d("10 Jun 2025")) is EL
        assert s.key_dates.eligible_from == d("10 Jun 2025")
        assert add_months(s.key_dates.eligible_from, 3) == d("10 Sep 2025")

    def test_example_2_in_care_at_16_is_eligible_after_91_days(self) -> None:
        """§5 ex 2: DOB 10 Jun 2009, LAC from 1 Sep 2025 (age 16). 91 days reached 1 Dec
        2025 → eligible from 1 Dec 2025; assessment due 1 Mar 2026."""
        s = status(facts("10 Jun 2009", episode("1 Sep 2025")))
        assert s.category_on(d("30 Nov 2025")) is LA
        assert s.category_on(d("1 Dec 2025")) is EL
        assert s.key_dates.eligible_from == d("1 Dec 2025")
        assert add_months(d("1 Dec 2025"), 3) == d("1 Mar 2026")

    def test_example_3_relevant_then_six_months_at_home_then_breakdown(self) -> None:
        """§5 ex 3: Care ends 1 Feb 2026 while eligible (age 16). Relevant from 1 Feb 2026;
        if no plan exists, CLR reg 5 assessment due 1 May 2026. Moves back to mother 1 Mar
        2026 continuously → ceases to be relevant on 1 Sep 2026; placement breaks down 1 Dec
        2026 → relevant again from 1 Dec 2026 (until 18th birthday)."""
        f = facts(
            "10 Jun 2009",
            episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A"),
            home=(("1 Mar 2026", "1 Dec 2026"),),
        )
        s = status(f)
        assert s.category_on(d("31 Jan 2026")) is EL
        assert s.category_on(d("1 Feb 2026")) is RE
        assert add_months(s.span_on(d("1 Feb 2026")).start, 3) == d("1 May 2026")
        assert s.category_on(d("31 Aug 2026")) is RE
        assert s.category_on(d("1 Sep 2026")) is not RE
        assert s.category_on(d("30 Nov 2026")) is not RE
        assert s.category_on(d("1 Dec 2026")) is RE
        assert s.span_on(d("1 Dec 2026")).end == d("10 Jun 2027")
        assert s.next_change_after(d("1 Feb 2026")) == d("1 Sep 2026")
        assert s.key_dates.left_care == d("1 Feb 2026")
        assert s.counted_days_at_exit == 153

    def test_example_4_29_february_birth_under_both_rules(self) -> None:
        """§5 ex 4: DOB 29 Feb 2008, LAC on 18th birthday (28 Feb 2026 under FEB_28). s23C
        until 21st birthday = 28 Feb 2029 (FEB_28) or 1 Mar 2029 (MAR_01). Records retained
        until 28 Feb 2083 (FEB_28)."""
        f = facts("29 Feb 2008", episode("1 Jan 2020", "2 Mar 2026", reason_ended="E17"))
        feb = status(f, LocalPolicy(leap_day_birthday_rule=LeapDayRule.FEB_28))
        mar = status(f, LocalPolicy(leap_day_birthday_rule=LeapDayRule.MAR_01))
        assert feb.key_dates.birthday_18 == d("28 Feb 2026")
        assert feb.category_on(d("27 Feb 2026")) is EL
        assert feb.category_on(d("28 Feb 2026")) is FR
        assert DutyFlag.S23C in feb.span_on(d("27 Feb 2029")).flags
        assert DutyFlag.S23C not in feb.span_on(d("28 Feb 2029")).flags
        assert mar.key_dates.birthday_18 == d("1 Mar 2026")
        assert mar.category_on(d("28 Feb 2026")) is EL
        assert mar.category_on(d("1 Mar 2026")) is FR
        assert DutyFlag.S23C in mar.span_on(d("28 Feb 2029")).flags
        assert DutyFlag.S23C not in mar.span_on(d("1 Mar 2029")).flags
        assert feb.key_dates.retain_until == d("28 Feb 2083")
        assert mar.key_dates.retain_until == d("1 Mar 2083")


class TestCountingThirteenWeeks:
    def test_episode_starting_at_13_counts_only_from_14th_birthday(self) -> None:
        """§2.1: only time after the 14th birthday counts; an episode that started at 13
        counts only from the 14th birthday."""
        f = facts("10 Jun 2009", episode("1 Jan 2023", "1 Aug 2023"))
        assert counted_days(f, d("10 Jun 2023")) == 0
        assert counted_days(f, d("1 Aug 2023")) == 52  # 10 Jun to 31 Jul
        assert counted_days(f, d("1 Jan 2030")) == 52

    def test_overlapping_records_count_once(self) -> None:
        """Bad data (overlapping episodes, which validation refuses) must never count a day
        twice: time in care is the union of the episodes (decision 2)."""
        f = facts("10 Jun 2009", episode("1 Jul 2025", "1 Sep 2025", "V2"), episode("1 Aug 2025", "1 Sep 2025", "C2"))
        assert counted_days(f, d("1 Sep 2025")) == 62

    def test_multiple_episodes_add_up_to_91(self) -> None:
        """§2.1: 13 weeks are cumulative across any number of episodes; gaps do not reset
        the count. 31 days at 14 plus 60 days at 16 make 91, so leaving then gives
        relevant status (DfE rule 1001: ≥ 91 days to the exit, ≥ 1 day after 16)."""
        f = facts(
            "10 Jun 2009",
            episode("1 Jan 2024", "1 Feb 2024", "V2"),
            episode("1 Jul 2025", "30 Aug 2025", "V2"),
        )
        s = status(f)
        assert counted_days(f, d("30 Aug 2025")) == 91
        assert s.category_on(d("29 Aug 2025")) is LA
        assert s.category_on(d("30 Aug 2025")) is RE
        assert s.counted_days_at_exit == 91

    def test_multiple_episodes_make_an_eligible_child(self) -> None:
        """§2.1: with an ongoing second episode the 91st counted day is 29 Aug 2025, so the
        child is eligible from 30 Aug 2025."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2024", "1 Feb 2024", "V2"), episode("1 Jul 2025")))
        assert s.category_on(d("29 Aug 2025")) is LA
        assert s.category_on(d("30 Aug 2025")) is EL
        assert s.key_dates.eligible_from == d("30 Aug 2025")

    def test_exactly_90_days_is_not_enough(self) -> None:
        """§1.2: 13 weeks = 91 days. Leaving after 90 counted days gives no relevant status;
        having been looked after aged 16, they qualify under s24(1B)."""
        s = status(facts("10 Jun 2009", episode("1 Jul 2025", "29 Sep 2025", "V2")))
        assert s.counted_days_at_exit == 90
        assert s.category_on(d("29 Sep 2025")) is QU
        assert "90 days" in s.span_on(d("29 Sep 2025")).reason
        assert s.span_on(d("29 Sep 2025")).citation == "Children Act 1989 s24(1B)"

    def test_exactly_91_days_is_enough(self) -> None:
        """§1.2: 91 days counted to the exit date (end exclusive) make a relevant child."""
        s = status(facts("10 Jun 2009", episode("1 Jul 2025", "30 Sep 2025", "V2")))
        assert s.counted_days_at_exit == 91
        assert s.category_on(d("30 Sep 2025")) is RE
        assert s.span_on(d("30 Sep 2025")).citation == "Children Act 1989 s23A(2)"

    def test_short_breaks_only_are_never_eligible(self) -> None:
        """§2.1 and CPPCR reg 40(2)/48: a child whose only post-14 care was short breaks
        (V3/V4) is never eligible. They show as looked after during breaks, with a reason
        saying short breaks never make a child eligible."""
        f = facts(
            "10 Jun 2009",
            episode("1 Jan 2024", "1 Jan 2028", "V4"),
        )
        s = status(f)
        assert counted_days(f, d("1 Jan 2028")) == 0
        assert Category.ELIGIBLE not in {span.category for span in s.timeline}
        assert s.category_on(d("1 Jan 2027")) is LA
        assert "never make a child eligible" in s.span_on(d("1 Jan 2027")).reason
        assert s.category_on(d("10 Jun 2027")) is NONE  # short breaks are for children: nothing at 18
        assert s.category_on(d("1 Jan 2028")) is NONE
        assert s.key_dates.entitlement_ends is None

    def test_short_breaks_can_make_qualifying_when_the_council_says_so(self) -> None:
        """§2.4 / s24(2)(a): with short_breaks_count_for_qualifying, short breaks after 16
        make a young person qualifying once they stop, until 21."""
        f = facts("10 Jun 2009", episode("1 Jan 2024", "1 Jan 2027", "V3"))
        s = status(f, LocalPolicy(short_breaks_count_for_qualifying=True))
        assert s.category_on(d("1 Jan 2027")) is QU
        assert s.category_on(d("10 Jun 2030")) is NONE

    def test_mixed_short_breaks_and_s20_count_only_the_s20_days(self) -> None:
        """§2.1 / §6: mixed histories — only the non-short-break time counts (V3/V4 are
        excluded, as the DfE validator does). Short breaks never change a leaving-care
        status: after 60 days of s20 care at 16 the young person is qualifying, on a short
        break or not; before that, a break shows as looked after (not eligible)."""
        f = facts(
            "10 Jun 2009",
            episode("1 Jan 2025", "1 Jun 2025", "V3"),
            episode("1 Sep 2025", "31 Oct 2025", "V2", "X1"),
            episode("31 Oct 2025", "1 Dec 2025", "V3", "E8"),
        )
        s = status(f)
        assert counted_days(f, d("1 Dec 2025")) == 60
        assert Category.ELIGIBLE not in {span.category for span in s.timeline}
        assert s.category_on(d("1 Feb 2025")) is LA
        assert "short break" in s.span_on(d("1 Feb 2025")).reason
        assert s.category_on(d("15 Nov 2025")) is QU
        assert s.category_on(d("1 Dec 2025")) is QU
        assert "60 days" in s.span_on(d("1 Dec 2025")).reason

    def test_mixed_short_breaks_and_s20_reaching_91_days(self) -> None:
        """§2.1: s20 days on both sides of a short break add up; the break days do not."""
        f = facts(
            "10 Jun 2009",
            episode("1 Sep 2025", "1 Oct 2025", "V2", "X1"),
            episode("1 Oct 2025", "1 Nov 2025", "V3", "X1"),
            episode("1 Nov 2025", None, "V2"),
        )
        s = status(f)
        assert counted_days(f, d("1 Nov 2025")) == 30
        assert s.key_dates.eligible_from == d("1 Nov 2025") + timedelta(days=61)

    def test_leaving_care_the_day_after_16th_birthday(self) -> None:
        """§2.1: the 13 weeks must end after 16 — at least one day looked after aged 16 (DfE
        rule 1001). Leaving on 11 Jun 2025 (16 on 10 Jun 2025) gives relevant status."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2025", "11 Jun 2025", "V2")))
        assert s.category_on(d("10 Jun 2025")) is EL
        assert s.category_on(d("11 Jun 2025")) is RE

    def test_leaving_care_on_16th_birthday_gives_no_status(self) -> None:
        """§2.1: leaving on the 16th birthday (DEC = 10 Jun 2025) means no day in care aged
        16, so not eligible before ceasing and not qualifying either."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2025", "10 Jun 2025", "V2")))
        assert spans(s)[-1] == (NONE, d("10 Jun 2025"))
        assert s.category_on(d("9 Jun 2025")) is LA
        assert s.key_dates.left_care is None
        assert s.key_dates.entitlement_ends is None

    def test_care_starting_at_17_years_11_months_is_qualifying(self) -> None:
        """§2.1/§2.4: a child who becomes LAC at 17 y 11 m can never reach 91 days before 18
        → never eligible, but qualifying (s24(1B)) until 21."""
        s = status(facts("10 Jun 2009", episode("10 May 2027", "10 Jun 2027", "V2")))
        assert spans(s) == [
            (NLA, d("10 Jun 2009")),
            (LA, d("10 May 2027")),
            (QU, d("10 Jun 2027")),
            (NONE, d("10 Jun 2030")),
        ]
        assert "31 days" in s.span_on(d("10 Jun 2027")).reason
        assert s.key_dates.entitlement_ends == d("10 Jun 2030")

    def test_still_looked_after_at_18_without_being_eligible(self) -> None:
        """§2.8: looked after comes first; someone in care at 18 who was not eligible is
        looked after (not eligible), then qualifying when care ends (s24(1B))."""
        s = status(facts("10 Jun 2009", episode("10 May 2027", "1 Aug 2027", "V2")))
        assert s.category_on(d("10 Jun 2027")) is LA
        assert s.category_on(d("1 Aug 2027")) is QU


class TestRelevantChildren:
    def test_return_to_care_after_being_relevant(self) -> None:
        """§2.2 (iv) / §6: a relevant child who re-enters care becomes looked after again —
        eligible, as the 91 days are already banked — and relevant again on leaving."""
        s = status(
            facts(
                "10 Jun 2009",
                episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A"),
                episode("1 May 2026", "1 Jul 2026", "V2", "E4B"),
            )
        )
        assert [c for c, _ in spans(s)][:6] == [NLA, LA, EL, RE, EL, RE]
        assert s.span_on(d("1 May 2026")).start == d("1 May 2026")
        assert s.category_on(d("1 Jul 2026")) is RE
        assert "1 July 2026" in s.span_on(d("1 Jul 2026")).reason

    def test_six_months_counts_only_continuous_stays(self) -> None:
        """§2.2 (i): any break restarts the 6-month count; two stays of under 6 months do
        not exclude. Records that touch (one ends the day the next starts) are one stay."""
        base = episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A")
        broken = status(facts("10 Jun 2009", base, home=(("1 Mar 2026", "1 Jun 2026"), ("2 Jun 2026", "1 Nov 2026"))))
        assert all(broken.category_on(d(x)) is RE for x in ("1 Sep 2026", "1 Oct 2026", "31 Oct 2026"))
        touching = status(facts("10 Jun 2009", base, home=(("1 Mar 2026", "1 Jun 2026"), ("1 Jun 2026", "1 Nov 2026"))))
        assert touching.category_on(d("1 Sep 2026")) is QU

    def test_six_months_at_home_counts_from_before_care_ended(self) -> None:
        """CLR reg 3 (§2.2): the 6 months may start before the child left care (e.g. placed
        with parents), so relevant status ends 6 months after the stay began."""
        s = status(facts("10 Jun 2009", episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A"), home=(("1 Jan 2026", None),)))
        assert s.category_on(d("1 Feb 2026")) is RE
        assert s.category_on(d("1 Jul 2026")) is QU
        assert "1 January 2026" in s.span_on(d("1 Jul 2026")).reason

    def test_detained_on_16th_birthday_is_relevant(self) -> None:
        """CLR reg 3(2): aged 16 or 17, detained or in hospital on reaching 16, having been
        looked after 13 weeks after 14 before the detention began → relevant child. (Not
        subject to a care order is not recorded; the reason says so.)"""
        history = episode("1 Jan 2024", "1 Jan 2025", "J1", "E9")
        s = status(facts("10 Jun 2009", history, detained=(("1 Jan 2025", "1 Mar 2026"),)))
        assert s.category_on(d("9 Jun 2025")) is NLA
        assert s.category_on(d("10 Jun 2025")) is RE
        assert "care order" in s.span_on(d("10 Jun 2025")).reason
        assert "reg 3(2)" in s.span_on(d("10 Jun 2025")).citation
        assert s.category_on(d("10 Jun 2027")) is FR
        without = status(facts("10 Jun 2009", history))
        assert without.category_on(d("10 Jun 2025")) is NONE
