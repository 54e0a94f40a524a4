"""Visits at council-provided accommodation (CLR 2010 reg 8(2), statutory-rules.md §3 D6)
and keeping in touch (§3 D7, §4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.calendar import LeapDayRule, add_months
from compliance.duties import DutyState
from compliance.duties.visits import qualifies
from compliance.facts import DeclarationKind
from compliance.policy import LocalPolicy
from compliance.records import Contact, ContactKind
from compliance.standards import LocalStandards
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import RUBY, case, contact, council_home, declared, judge, plan, visit

DUE, MET, OVERDUE, NA = DutyState.DUE, DutyState.MET, DutyState.OVERDUE, DutyState.NOT_APPLICABLE
RANK = {OVERDUE: 0, DUE: 1, MET: 2}
HOME = council_home("1 Mar 2026")


def at_home(*contacts: Contact, homes=(HOME,)):  # type: ignore[no-untyped-def]
    return case(RUBY, accommodation=homes, contacts=contacts)


class TestVisits:
    @pytest.mark.parametrize(("today", "state"), [("7 Mar 2026", DUE), ("8 Mar 2026", DUE), ("9 Mar 2026", OVERDUE)])
    def test_first_visit_within_7_days_counting_the_move_as_day_0(self, today: str, state: DutyState) -> None:
        result = judge("visits", at_home(), today)
        assert result.state is state and result.due_on == d("8 Mar 2026") and result.action == "record_visit"
        assert "moved into accommodation the council provides on 1 March 2026" in result.reason

    def test_settings_for_the_first_visit(self) -> None:
        day_one = judge("visits", at_home(), "8 Mar 2026", LocalStandards(visit_day_of_move_is_day_one=True))
        longer = judge("visits", at_home(), "11 Mar 2026", LocalStandards(visit_within_days=10))
        assert day_one.state is OVERDUE and day_one.due_on == d("7 Mar 2026")
        assert longer.state is DUE and longer.due_on == d("11 Mar 2026")

    @pytest.mark.parametrize(("today", "state"), [("4 May 2026", MET), ("5 May 2026", MET), ("6 May 2026", OVERDUE)])
    def test_then_at_most_2_months_apart(self, today: str, state: DutyState) -> None:
        result = judge("visits", at_home(visit("5 Mar 2026")), today)
        assert result.state is state and result.due_on == d("5 May 2026")
        assert result.evidence is not None and result.evidence.ref == "contact:1"

    def test_month_end_clamping(self) -> None:
        """31 Dec 2026 + 2 months = 28 Feb 2027."""
        result = judge("visits", at_home(visit("31 Dec 2026")), "1 Mar 2027")
        assert result.state is OVERDUE and result.due_on == d("28 Feb 2027")

    @pytest.mark.parametrize("other", [
        contact("3 Mar 2026", ContactKind.PHONE),
        contact("3 Mar 2026", ContactKind.VIDEO),
        contact("3 Mar 2026", ContactKind.FACE_TO_FACE),
        visit("3 Mar 2026", attempted=True),
        visit("3 Mar 2026", by_personal_adviser=False),
        visit("28 Feb 2026"),
    ], ids=["phone", "video", "face to face elsewhere", "attempted", "not the PA", "before the move"])
    def test_only_a_pa_visit_at_the_accommodation_counts(self, other: Contact) -> None:
        result = judge("visits", at_home(other), "9 Mar 2026")
        assert result.state is OVERDUE
        if other.on >= d("1 Mar 2026"):
            assert "1 other contact since 1 March 2026 did not count" in result.reason

    def test_a_move_to_new_council_accommodation_restarts_the_clock(self) -> None:
        homes = (council_home("1 Mar 2026", "1 Jun 2026"), council_home("1 Jun 2026", ref="accommodation:2"))
        records = at_home(visit("20 May 2026"), homes=homes)
        result = judge("visits", records, "9 Jun 2026")
        assert result.state is OVERDUE and result.due_on == d("8 Jun 2026")

    def test_only_relevant_or_former_relevant_in_council_accommodation(self) -> None:
        assert judge("visits", case(RUBY), "1 Apr 2026").state is NA
        assert judge("visits", at_home(), "1 Jul 2027").state is OVERDUE  # former relevant too
        eligible = case(facts("10 Jun 2009", episode("1 Mar 2025")), accommodation=(HOME,))
        assert judge("visits", eligible, "1 Apr 2026").state is NA


contact_kinds = st.sampled_from(list(ContactKind))


@st.composite
def contact_lists(draw: st.DrawFn, start: date, span_days: int) -> list[Contact]:
    return [
        Contact(
            start + timedelta(days=draw(st.integers(-20, span_days))),
            draw(contact_kinds),
            direct=draw(st.booleans()),
            by_personal_adviser=draw(st.booleans()),
            attempted=draw(st.integers(0, 3)) == 0,
            ref=f"contact:{i}",
        )
        for i in range(draw(st.integers(0, 6)))
    ]


@settings(max_examples=80, deadline=None)
@given(contact_lists(date(2026, 3, 1), 400), st.integers(0, 400))
def test_visits_follow_reg_8_2(contacts: list[Contact], offset: int) -> None:
    """The answer is the reg 8(2) oracle: 7 days from the move, then 2 months from the last
    qualifying visit; other contacts never change it."""
    today = date(2026, 3, 1) + timedelta(days=offset)
    result = judge("visits", at_home(*contacts), today)
    visits = [c.on for c in contacts if qualifies(c) and d("1 Mar 2026") <= c.on <= today]
    due = add_months(max(visits), 2) if visits else d("8 Mar 2026")
    assert result.due_on == due
    assert result.state is (OVERDUE if today > due else MET if visits else DUE)
    without_others = judge("visits", at_home(*[c for c in contacts if qualifies(c)]), today)
    assert (without_others.state, without_others.due_on) == (result.state, result.due_on)


@settings(max_examples=60, deadline=None)
@given(contact_lists(date(2026, 3, 1), 400), st.integers(0, 400), st.integers(0, 400))
def test_another_visit_never_makes_visits_worse(contacts: list[Contact], offset: int, extra: int) -> None:
    today = date(2026, 3, 1) + timedelta(days=offset)
    before = judge("visits", at_home(*contacts), today)
    after = judge("visits", at_home(*contacts, visit(date(2026, 3, 1) + timedelta(days=extra))), today)
    assert RANK[after.state] >= RANK[before.state]
    assert after.due_on >= before.due_on  # type: ignore[operator]


class TestKeepingInTouch:
    @pytest.mark.parametrize(("today", "state"), [("25 Apr 2026", DUE), ("26 Apr 2026", DUE), ("27 Apr 2026", OVERDUE)])
    def test_12_weeks_from_becoming_relevant_when_there_is_no_contact(self, today: str, state: DutyState) -> None:
        result = judge("keeping_in_touch", RUBY, today)
        assert result.state is state and result.due_on == d("26 Apr 2026") and result.action == "record_contact"
        assert "since 1 February 2026" in result.reason and "16 and 17 year olds" in result.reason

    def test_any_direct_contact_counts_and_restarts_the_clock(self) -> None:
        result = judge("keeping_in_touch", case(RUBY, contacts=(contact("1 Mar 2026", ContactKind.PHONE),)),
                       "1 Apr 2026")
        assert result.state is MET and result.due_on == d("24 May 2026") and result.action == ""

    def test_indirect_and_attempted_contact_do_not_count(self) -> None:
        contacts = (contact("1 Mar 2026", direct=False), contact("2 Mar 2026", attempted=True))
        assert judge("keeping_in_touch", case(RUBY, contacts=contacts), "27 Apr 2026").state is OVERDUE

    def test_the_plan_sets_the_frequency(self) -> None:
        records = case(RUBY, plans=(plan("1 Feb 2026", contact_every_weeks=4),))
        result = judge("keeping_in_touch", records, "2 Mar 2026")
        assert result.state is OVERDUE and result.due_on == d("1 Mar 2026") and "plan version 1" in result.reason

    def test_age_bands(self) -> None:
        last = (contact("1 Jan 2028"),)
        assert judge("keeping_in_touch", case(RUBY, contacts=last), "1 Feb 2028").due_on == d("26 Feb 2028")  # 8 weeks
        asked = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 Sep 2031"))
        supported = judge("keeping_in_touch", case(asked, contacts=(contact("1 Oct 2031"),)), "1 Nov 2031")
        assert supported.due_on == d("26 Nov 2031") and "receiving support" in supported.reason
        dormant = judge("keeping_in_touch", case(RUBY, contacts=(contact("1 Oct 2031"),)), "1 Nov 2031")
        assert dormant.due_on == d("29 Sep 2032") and "not receiving support" in dormant.reason
        qualifying = facts("10 Jun 2009", episode("1 Jul 2025", "29 Sep 2025", "V2"))
        assert judge("keeping_in_touch", qualifying, "1 Oct 2025").due_on == d("28 Sep 2026")

    def test_settings_change_the_interval(self) -> None:
        result = judge("keeping_in_touch", RUBY, "16 Mar 2026", LocalStandards(contact_weeks_16_17=6))
        assert result.state is OVERDUE and result.due_on == d("15 Mar 2026")
        older = judge("keeping_in_touch", case(RUBY, contacts=(contact("1 Jan 2028"),)), "1 Feb 2028",
                      LocalStandards(contact_weeks_18_20=4))
        assert older.state is OVERDUE

    def test_settings_for_21_to_24(self) -> None:
        person = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 Sep 2031"))
        asked = case(person, contacts=(contact("1 Oct 2031"),))
        assert judge("keeping_in_touch", asked, "1 Dec 2031").state is OVERDUE
        more = LocalStandards(contact_weeks_21_24_supported=10)
        assert judge("keeping_in_touch", asked, "1 Dec 2031", more).state is MET
        dormant = case(RUBY, contacts=(contact("1 Oct 2031"),))
        assert judge("keeping_in_touch", dormant, "1 Dec 2031").state is MET
        fewer = LocalStandards(contact_weeks_21_24_not_supported=4)
        assert judge("keeping_in_touch", dormant, "1 Dec 2031", fewer).state is OVERDUE

    def test_29_february_birthday_moves_the_age_band(self) -> None:
        """Born 29 Feb 2008, last contact 1 Jan 2026. Under the 28 February rule she turns 18
        (8 weeks) on 28 Feb 2026, when 8 weeks from 1 Jan have already passed, so contact is
        due that day; under the 1 March rule the 12-week band lasts a day longer."""
        person = facts("29 Feb 2008", episode("1 Jan 2023", "1 Jan 2026"))
        records = case(person, contacts=(contact("1 Jan 2026"),))
        march = LocalPolicy(leap_day_birthday_rule=LeapDayRule.MAR_01)
        feb_27 = judge("keeping_in_touch", records, "27 Feb 2026")
        assert (feb_27.state, feb_27.due_on, feb_27.next_change_on) == (MET, d("26 Mar 2026"), d("28 Feb 2026"))
        feb = judge("keeping_in_touch", records, "28 Feb 2026")
        assert (feb.state, feb.due_on) == (MET, d("28 Feb 2026"))
        assert "From 28 February 2026 contact is due at least every 8 weeks" in feb.reason
        after = judge("keeping_in_touch", records, "1 Mar 2026")
        assert (after.state, after.due_on, after.since) == (OVERDUE, d("28 Feb 2026"), d("1 Mar 2026"))
        mar = judge("keeping_in_touch", records, "1 Mar 2026", policy=march)
        assert (mar.state, mar.due_on) == (MET, d("1 Mar 2026"))
        assert judge("keeping_in_touch", records, "2 Mar 2026", policy=march).state is OVERDUE

    def test_not_for_an_eligible_child(self) -> None:
        assert judge("keeping_in_touch", RUBY, "1 Jan 2026").state is NA


@settings(max_examples=80, deadline=None)
@given(contact_lists(date(2026, 2, 1), 900), st.integers(0, 900), st.integers(-20, 900), contact_kinds,
       st.booleans(), st.booleans())
def test_another_contact_never_makes_keeping_in_touch_worse(
    contacts: list[Contact], offset: int, extra: int, kind: ContactKind, direct: bool, attempted: bool
) -> None:
    today = date(2026, 2, 1) + timedelta(days=offset)
    before = judge("keeping_in_touch", case(RUBY, contacts=tuple(contacts)), today)
    added = Contact(date(2026, 2, 1) + timedelta(days=extra), kind, direct=direct, attempted=attempted, ref="contact:x")
    after = judge("keeping_in_touch", case(RUBY, contacts=(*contacts, added)), today)
    assert before.state is not NA and RANK[after.state] >= RANK[before.state]
    assert after.due_on >= before.due_on  # type: ignore[operator]
