"""Former relevant duties, qualifying young people and ways of leaving the service.

statutory-rules.md §2.3 (s23C, s23CA, s23CZB), §2.4 (s24), §2.5 (staying put), §6.
"""

from __future__ import annotations

from compliance.categories import Category, DutyFlag, LeavingCareStatus
from compliance.facts import DeclarationKind
from compliance.policy import LocalPolicy, SgoExitRule
from compliance.tests import d, episode, facts, spans, status

EL, RE, FR = Category.ELIGIBLE, Category.RELEVANT, Category.FORMER_RELEVANT
QU, NONE, NLA = Category.QUALIFYING, Category.NONE, Category.NOT_LOOKED_AFTER
ASK, DECLINE = DeclarationKind.SUPPORT_REQUESTED, DeclarationKind.SUPPORT_DECLINED
STUDY, STUDY_ENDED = DeclarationKind.EDUCATION_TRAINING, DeclarationKind.EDUCATION_TRAINING_ENDED

# In care from 12 to 18; 18 on 10 Jun 2027, 21 on 10 Jun 2030, 25 on 10 Jun 2034.
IN_CARE_TO_18 = episode("1 Jan 2022", "10 Jun 2027", "C2", "E17")


def flags_on(s: LeavingCareStatus, day: str) -> frozenset[DutyFlag]:
    return s.span_on(d(day)).flags


class TestFormerRelevant:
    def test_in_care_on_18th_birthday_is_former_relevant_under_s23c_1_b(self) -> None:
        """s23C(1)(b): looked after on reaching 18 and eligible immediately before ceasing →
        former relevant; s23C duties until the 21st birthday (s23C(6))."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18))
        assert s.category_on(d("9 Jun 2027")) is EL
        span = s.span_on(d("10 Jun 2027"))
        assert (span.category, span.start, span.end) == (FR, d("10 Jun 2027"), d("10 Jun 2030"))
        assert span.flags == {DutyFlag.S23C}
        assert span.citation.startswith("Children Act 1989 s23C(1)(b)")
        assert span.reason.startswith("They were looked after on their 18th birthday (10 June 2027) after ")
        assert s.explain(d("1 Jan 2028")).startswith(
            "Former relevant since 10 June 2027 because they were looked after"
        )

    def test_former_relevant_from_21_to_25_without_a_request_has_no_duty(self) -> None:
        """§2.3: a former relevant person aged 21–25 with no request is still former relevant,
        with no active duty; they can ask for PA support up to 25 (s23CZB)."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18))
        span = s.span_on(d("1 Jan 2031"))
        assert (span.category, span.flags, span.end) == (FR, frozenset(), d("10 Jun 2034"))
        assert "can ask for personal adviser support" in span.reason

    def test_25th_birthday_ends_everything(self) -> None:
        """§1.1 "under 25" ⇔ d < birthday(25): from the 25th birthday there is no status."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, declarations=((ASK, "1 Jan 2031"),)))
        assert s.category_on(d("9 Jun 2034")) is FR
        assert s.category_on(d("10 Jun 2034")) is NONE
        assert s.timeline[-1].end is None
        assert s.key_dates.entitlement_ends == d("10 Jun 2034")
        assert s.next_change_after(d("9 Jun 2034")) == d("10 Jun 2034")
        assert s.next_change_after(d("10 Jun 2034")) is None

    def test_staying_put_flag_runs_with_s23c_until_21(self) -> None:
        """s23CZA (§2.5, §6): staying put with the former foster carer; duties under s23CZA
        and s23C run together, until the 21st birthday."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, staying_put=(("10 Jun 2027", None),)))
        assert flags_on(s, "10 Jun 2027") == {DutyFlag.S23C, DutyFlag.STAYING_PUT}
        assert flags_on(s, "9 Jun 2030") == {DutyFlag.S23C, DutyFlag.STAYING_PUT}
        assert flags_on(s, "10 Jun 2030") == frozenset()

    def test_staying_put_ends_when_the_arrangement_ends(self) -> None:
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, staying_put=(("10 Jun 2027", "1 Sep 2028"),)))
        assert flags_on(s, "31 Aug 2028") == {DutyFlag.S23C, DutyFlag.STAYING_PUT}
        assert flags_on(s, "1 Sep 2028") == {DutyFlag.S23C}

    def test_staying_put_needs_the_s23c_1_b_route(self) -> None:
        """§2.5: staying put is only for former relevant children under s23C(1)(b); someone
        who left care at 17 (s23C(1)(a)) gets no staying-put flag."""
        left_at_17 = episode("1 Jan 2022", "1 Jan 2027", "C2", "E4A")
        s = status(facts("10 Jun 2009", left_at_17, staying_put=(("10 Jun 2027", None),)))
        assert s.category_on(d("10 Jun 2027")) is FR
        assert flags_on(s, "10 Jun 2027") == {DutyFlag.S23C}
        assert s.span_on(d("10 Jun 2027")).citation.startswith("Children Act 1989 s23C(1)(a)")

    def test_s23czb_request_decline_and_request_again(self) -> None:
        """s23CZB (§2.3, §6): aged 21–25, PA support from a request until the young person
        says they no longer want it; they can ask again any time before 25."""
        s = status(
            facts(
                "10 Jun 2009",
                IN_CARE_TO_18,
                declarations=((ASK, "1 Jan 2031"), (DECLINE, "1 Jan 2032"), (ASK, "1 Jan 2033")),
            )
        )
        assert flags_on(s, "31 Dec 2030") == frozenset()
        assert flags_on(s, "1 Jan 2031") == {DutyFlag.S23CZB}
        assert flags_on(s, "1 Jan 2032") == frozenset()
        assert "no longer want" in s.span_on(d("1 Jan 2032")).reason
        assert flags_on(s, "1 Jan 2033") == {DutyFlag.S23CZB}
        assert "1 January 2033" in s.span_on(d("1 Jan 2033")).reason
        assert s.category_on(d("10 Jun 2034")) is NONE

    def test_s23czb_request_before_21_takes_effect_at_21(self) -> None:
        """s23CZB applies from 21: a request made at 20 switches the duty on at 21."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, declarations=((ASK, "1 Jan 2030"),)))
        assert flags_on(s, "1 Jan 2030") == {DutyFlag.S23C}
        assert flags_on(s, "10 Jun 2030") == {DutyFlag.S23CZB}

    def test_s23ca_education_declaration_after_21(self) -> None:
        """s23CA: a former relevant person under 25 whose s23C duties have ended and who tells
        the LA they are pursuing education or training → PA, assessment, pathway plan."""
        s = status(
            facts("10 Jun 2009", IN_CARE_TO_18, declarations=((STUDY, "1 Sep 2031"), (STUDY_ENDED, "1 Jul 2033")))
        )
        assert flags_on(s, "31 Aug 2031") == frozenset()
        assert flags_on(s, "1 Sep 2031") == {DutyFlag.S23CA}
        assert s.span_on(d("1 Sep 2031")).citation.endswith("reg 5(2)(b)")
        assert flags_on(s, "1 Jul 2033") == frozenset()

    def test_s23c_7_programme_beyond_21_extends_s23c(self) -> None:
        """s23C(7): a programme of education or training in the pathway plan extending
        beyond 21 keeps the s23C duties going while it is pursued."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, programme_until="30 Jun 2031"))
        assert flags_on(s, "10 Jun 2030") == {DutyFlag.S23C}
        assert flags_on(s, "29 Jun 2031") == {DutyFlag.S23C}
        assert "30 June 2031" in s.span_on(d("10 Jun 2030")).reason
        assert flags_on(s, "30 Jun 2031") == frozenset()

    def test_s23c_7_programme_ending_before_21_changes_nothing(self) -> None:
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, programme_until="1 Jul 2029"))
        assert s.span_on(d("10 Jun 2027")).end == d("10 Jun 2030")

    def test_home_with_parent_after_18_with_the_literal_reading(self) -> None:
        """s23C(1)(a) "(and would be one if he were under eighteen)" with CLR reg 3: by
        default, 6 months living with a parent stops former relevant status gained by
        leaving care before 18, and it returns when the arrangement ends."""
        f = facts(
            "10 Jun 2009",
            episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A"),
            home=(("1 Mar 2027", "1 Mar 2028"),),
        )
        s = status(f)
        assert s.category_on(d("10 Jun 2027")) is FR
        assert s.category_on(d("1 Sep 2027")) is QU
        assert "6 months" in s.span_on(d("1 Sep 2027")).reason
        assert s.category_on(d("1 Mar 2028")) is FR

    def test_home_with_parent_after_18_when_status_is_settled_at_18(self) -> None:
        """LocalPolicy(home_with_parent_ends_former_relevant=False): relevant the day before
        18 → former relevant whoever they live with afterwards."""
        f = facts(
            "10 Jun 2009",
            episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A"),
            home=(("1 Mar 2027", "1 Mar 2028"),),
        )
        s = status(f, LocalPolicy(home_with_parent_ends_former_relevant=False))
        assert s.category_on(d("1 Sep 2027")) is FR
        assert s.category_on(d("1 Jan 2030")) is FR

    def test_home_with_parent_does_not_touch_the_s23c_1_b_route(self) -> None:
        """s23C(1)(b) has no "would still be relevant" words: living with a parent after
        leaving care at 18 changes nothing."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, home=(("10 Jun 2027", None),)))
        assert s.category_on(d("1 Jan 2029")) is FR


class TestQualifyingAndExits:
    def test_special_guardianship_order_at_17_is_qualifying(self) -> None:
        """s24(1A): aged 16 to under 21, an SGO in force, looked after immediately before it
        was made (REC E45–E48) → qualifying, by default even if they were eligible."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2022", "1 Jan 2027", "C2", "E45")))
        span = s.span_on(d("1 Jan 2027"))
        assert (span.category, span.end, span.citation) == (QU, d("10 Jun 2030"), "Children Act 1989 s24(1A)")
        assert s.category_on(d("10 Jun 2030")) is NONE
        assert s.key_dates.entitlement_ends == d("10 Jun 2030")

    def test_special_guardianship_order_read_as_relevant_for_six_months(self) -> None:
        """SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS: s23A(2) is met; a special guardian has PR, so
        CLR reg 3 ends relevant status after 6 months with them; then s24(1A)."""
        f = facts("10 Jun 2009", episode("1 Jan 2022", "1 Jan 2027", "C2", "E46"))
        s = status(f, LocalPolicy(sgo_exit_rule=SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS))
        assert s.category_on(d("1 Jan 2027")) is RE
        assert s.category_on(d("1 Jul 2027")) is QU
        assert s.span_on(d("1 Jul 2027")).citation == "Children Act 1989 s24(1A)"

    def test_special_guardianship_order_in_childhood_qualifies_at_16(self) -> None:
        """s24(1A) has no age limit on when the order was made: an SGO at 8 makes the young
        person qualifying from 16 to 21."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2016", "1 Jan 2018", "C2", "E47")))
        assert s.category_on(d("1 Jan 2018")) is NLA
        assert s.category_on(d("10 Jun 2025")) is QU

    def test_death_ends_every_status(self) -> None:
        """§6: death stops all task generation; records kept 15 years from death if before 18
        (CLR reg 10)."""
        s = status(facts("10 Jun 2009", episode("1 Sep 2025", "1 Feb 2026", "V2", "E4A"), died="3 May 2026"))
        assert s.category_on(d("2 May 2026")) is RE
        last = s.timeline[-1]
        assert (last.category, last.start, last.reason) == (NONE, d("3 May 2026"), "They died on 3 May 2026.")
        assert s.key_dates.retain_until == d("3 May 2041")
        assert s.key_dates.entitlement_ends == d("3 May 2026")

    def test_death_after_18_keeps_the_75th_birthday(self) -> None:
        """§D9: death after 18 → the 15-year rule does not apply."""
        s = status(facts("10 Jun 2009", IN_CARE_TO_18, died="1 Jan 2029"))
        assert s.key_dates.retain_until == d("10 Jun 2084")
        assert s.category_on(d("1 Jan 2029")) is NONE

    def test_died_in_care_without_a_date_of_death(self) -> None:
        """SSDA903 REC E2 (died) with no separate date: the episode end is the date of death."""
        s = status(facts("10 Jun 2009", episode("1 Sep 2025", "1 Mar 2026", "V2", "E2")))
        assert spans(s)[-1] == (NONE, d("1 Mar 2026"))
        assert s.key_dates.retain_until == d("1 Mar 2041")

    def test_adoption_gives_no_leaving_care_status(self) -> None:
        """REC E11/E12: an adopted child is not a care leaver (DfE validator rule 1001)."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2012", "1 Jan 2015", "E1", "E11")))
        assert spans(s)[-1] == (NONE, d("1 Jan 2015"))
        assert "adopted" in s.timeline[-1].reason
        assert s.key_dates.entitlement_ends is None

    def test_transfer_to_another_authority_ends_this_councils_status(self) -> None:
        """REC E3: care taken over by another LA; the last LA to look after the child is the
        responsible authority (s23A(4)), so this council owes nothing afterwards."""
        s = status(facts("10 Jun 2009", episode("1 Jan 2022", "1 Jan 2027", "C2", "E3")))
        assert s.category_on(d("31 Dec 2026")) is EL
        assert spans(s)[-1] == (NONE, d("1 Jan 2027"))
        assert "Another local authority" in s.timeline[-1].reason

    def test_never_looked_after(self) -> None:
        """Nobody in care: one open span, not looked after."""
        s = status(facts("10 Jun 2009"))
        assert spans(s) == [(NLA, d("10 Jun 2009"))]
        assert s.key_dates.eligible_from is None and s.key_dates.left_care is None
        assert s.counted_days_at_exit is None

    def test_explain_from_birth(self) -> None:
        s = status(facts("10 Jun 2009", episode("1 Mar 2025")))
        assert s.explain(d("1 Jan 2010")) == (
            "Not looked after since birth (10 June 2009) because they had not been looked after "
            "by the council before 1 March 2025."
        )
