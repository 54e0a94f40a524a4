"""Keeping in touch over time: each stretch uses the frequency in force then (the age band
then, or the plan agreed then), so a later plan or a birthday never moves the day a breach
began (review 3, S4); and after 21 with no active duty, contact is the council's own
standard, not law (S5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.duties import DutyResult, DutyState, SourceKind
from compliance.duties.common import OWN_STANDARD
from compliance.facts import DeclarationKind, YoungPersonFacts
from compliance.records import Contact, PathwayPlanVersion
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import RUBY, case, contact, declared, judge, plan

DUE, MET, OVERDUE = DutyState.DUE, DutyState.MET, DutyState.OVERDUE
CODE = "keeping_in_touch"


def kit(
    today: str | date, *contacts: Contact, plans: tuple[PathwayPlanVersion, ...] = (), person: YoungPersonFacts = RUBY
) -> DutyResult:
    return judge(CODE, case(person, contacts=contacts, plans=plans), today)


class TestAPlanAgreedLater:
    """RUBY is relevant from 1 Feb 2026, aged 16: contact every 12 weeks, due by 26 Apr 2026."""

    def test_a_plan_with_a_shorter_frequency_does_not_move_an_earlier_breach(self) -> None:
        before = kit("23 Nov 2026")
        after = kit("24 Nov 2026", plans=(plan("24 Nov 2026", contact_every_weeks=4),))
        assert (before.state, before.due_on, before.since) == (OVERDUE, d("26 Apr 2026"), d("27 Apr 2026"))
        assert (after.state, after.due_on, after.since) == (OVERDUE, d("26 Apr 2026"), d("27 Apr 2026"))
        assert "At that time contact was due at least every 12 weeks (the council's standard for 16 and 17 " \
               "year olds)." in after.reason
        assert "From 24 November 2026 contact is due at least every 4 weeks (agreed in pathway plan version 1)." \
               in after.reason

    def test_a_plan_with_a_longer_frequency_does_not_cure_a_breach(self) -> None:
        result = kit("1 Jun 2026", plans=(plan("1 Jun 2026", contact_every_weeks=26),))
        assert (result.state, result.since) == (OVERDUE, d("27 Apr 2026"))

    @pytest.mark.parametrize(("today", "state"), [("30 Apr 2026", MET), ("1 May 2026", MET), ("2 May 2026", OVERDUE)])
    def test_a_shorter_frequency_already_exceeded_is_due_the_day_the_plan_is_agreed(
        self, today: str, state: DutyState
    ) -> None:
        """Last contact 1 Mar 2026; a plan agreed 1 May says every 4 weeks (29 Mar has passed)."""
        result = kit(today, contact("1 Mar 2026"), plans=(plan("1 May 2026", contact_every_weeks=4),))
        due = d("24 May 2026") if today == "30 Apr 2026" else d("1 May 2026")
        assert (result.state, result.due_on) == (state, due)
        if state is OVERDUE:
            assert result.since == d("2 May 2026")

    @pytest.mark.parametrize(("agreed", "state"), [("15 Mar 2026", DUE), ("16 Mar 2026", OVERDUE)])
    def test_a_plan_agreed_the_day_after_a_deadline_cannot_undo_it(self, agreed: str, state: DutyState) -> None:
        """Every 6 weeks from 1 Feb 2026: due by 15 Mar. A new plan saying every 26 weeks, agreed
        on the deadline day, gives more time; agreed the day after, it is too late."""
        plans = (plan("1 Feb 2026", contact_every_weeks=6), plan(agreed, 2, contact_every_weeks=26))
        result = kit("16 Mar 2026", plans=plans)
        assert result.state is state
        if state is OVERDUE:
            assert (result.due_on, result.since) == (d("15 Mar 2026"), d("16 Mar 2026"))

    @pytest.mark.parametrize(("today", "state"), [("29 Mar 2026", MET), ("30 Mar 2026", OVERDUE)])
    def test_the_plan_counts_from_the_day_it_was_agreed(self, today: str, state: DutyState) -> None:
        result = kit(today, contact("1 Mar 2026"), plans=(plan("2 Mar 2026", contact_every_weeks=4),))
        assert (result.state, result.due_on) == (state, d("29 Mar 2026"))


class TestBirthdays:
    @pytest.mark.parametrize(("today", "state"), [("9 Jun 2027", MET), ("10 Jun 2027", MET), ("11 Jun 2027", OVERDUE)])
    def test_turning_18_shortens_the_interval_from_the_birthday(self, today: str, state: DutyState) -> None:
        """Contact on 1 Apr 2027 at 17 (12 weeks: 24 Jun); at 18 on 10 Jun it is 8 weeks, already passed."""
        result = kit(today, contact("1 Apr 2027"))
        assert (result.state, result.due_on) == (state, d("24 Jun 2027") if today == "9 Jun 2027" else d("10 Jun 2027"))

    def test_the_age_band_named_is_the_one_in_force_when_contact_was_due(self) -> None:
        """Last contact at 18; asked for support at 22 (s23CZB). The breach began at 18."""
        person = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 Sep 2031"))
        result = kit("1 Dec 2031", contact("1 Jan 2028"), person=person)
        assert (result.state, result.due_on, result.since) == (OVERDUE, d("26 Feb 2028"), d("27 Feb 2028"))
        assert "At that time contact was due at least every 8 weeks (the council's standard for 18 to 20 year " \
               "olds)." in result.reason
        assert "From 1 September 2031 contact is due at least every 8 weeks (the council's standard for 21 to 24 " \
               "year olds receiving support)." in result.reason
        assert result.citation == "" and result.source_kind is None


class TestNoActiveDutyAfter21:
    """RUBY turns 21 on 10 Jun 2030 and, not asking for support, has no active duty."""

    @pytest.mark.parametrize(("today", "local"), [("9 Jun 2030", False), ("10 Jun 2030", True)])
    def test_from_21_contact_is_the_councils_own_standard(self, today: str, local: bool) -> None:
        result = kit(today, contact("1 Jun 2030"))
        assert result.state is MET
        if local:
            assert (result.citation, result.source_kind) == (OWN_STANDARD, SourceKind.LOCAL_POLICY)
            assert result.due_on == d("31 May 2031")
            assert result.reason == (
                "No leaving-care duty is active now. The council's own standard is to contact young people aged 21 "
                "to 24 who are not receiving support at least every 52 weeks, so that they know they can still ask "
                "for support. They were last in touch directly on 1 June 2030, so the next contact is due by "
                "31 May 2031."
            )
        else:
            assert (result.citation, result.source_kind) == ("", None)
            assert result.due_on == d("27 Jul 2030")

    def test_a_breach_from_before_21_is_explained_with_the_standard_now(self) -> None:
        result = kit("1 Nov 2031", contact("1 Jan 2030"))
        assert (result.state, result.since) == (OVERDUE, d("27 Feb 2030"))
        assert result.reason.startswith("No leaving-care duty is active now.")
        assert "At that time contact was due at least every 8 weeks (the council's standard for 18 to 20" \
            in result.reason
        assert result.citation == OWN_STANDARD

    def test_asking_for_support_brings_the_duty_back(self) -> None:
        person = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 Sep 2031"))
        result = kit("1 Oct 2031", contact("1 Sep 2031"), person=person)
        assert (result.citation, result.source_kind) == ("", None)
        assert "No leaving-care duty" not in result.reason

    def test_a_qualifying_young_person_is_owed_contact_in_law(self) -> None:
        qualifying = facts("10 Jun 2009", episode("1 Jul 2025", "29 Sep 2025", "V2"))
        result = kit("1 Oct 2025", person=qualifying)
        assert (result.citation, result.source_kind) == ("", None)
        assert "not receiving support" in result.reason


START = date(2026, 2, 1)  # RUBY is relevant from here, then former relevant, with no break until 25


@st.composite
def histories(draw: st.DrawFn) -> tuple[tuple[Contact, ...], tuple[PathwayPlanVersion, ...]]:
    contacts = tuple(
        contact(START + timedelta(days=draw(st.integers(0, 2000))), ref=f"contact:{i}")
        for i in range(draw(st.integers(0, 4)))
    )
    plans = tuple(
        plan(START + timedelta(days=draw(st.integers(0, 2000))), version=i + 1,
             contact_every_weeks=draw(st.sampled_from([None, 2, 4, 6, 12, 26])))
        for i in range(draw(st.integers(0, 3)))
    )
    return contacts, plans


@settings(max_examples=120, deadline=None)
@given(histories(), st.integers(1, 2000), st.integers(0, 400), st.sampled_from([2, 4, 8, 12, 52]))
def test_a_plan_agreed_today_never_changes_an_earlier_day_or_an_earlier_breach(
    history: tuple[tuple[Contact, ...], tuple[PathwayPlanVersion, ...]], agreed: int, earlier: int, every: int
) -> None:
    contacts, plans = history
    today = START + timedelta(days=agreed)
    new = plan(today, version=len(plans) + 1, contact_every_weeks=every)
    without = case(RUBY, contacts=contacts, plans=plans)
    with_plan = case(RUBY, contacts=contacts, plans=(*plans, new))
    day = max(START, today - timedelta(days=earlier + 1))
    assert judge(CODE, with_plan, day) == judge(CODE, without, day)
    before, after = judge(CODE, without, today), judge(CODE, with_plan, today)
    if OVERDUE in (before.state, after.state):  # a plan agreed today gives until today at least
        assert (after.state, after.since, after.due_on) == (before.state, before.since, before.due_on)


@settings(max_examples=120, deadline=None)
@given(histories(), st.integers(0, 2000), st.integers(0, 1500))
def test_once_overdue_it_stays_overdue_from_the_same_day_until_contact(
    history: tuple[tuple[Contact, ...], tuple[PathwayPlanVersion, ...]], first: int, gap: int
) -> None:
    """Birthdays, new plans and the end of the duty at 21 in between never move the day the
    breach began."""
    contacts, plans = history
    records = case(RUBY, contacts=contacts, plans=plans)
    day, later = START + timedelta(days=first), START + timedelta(days=first + gap)
    if any(day < c.on <= later for c in contacts) or later >= date(2034, 6, 10):
        return
    then, now = judge(CODE, records, day), judge(CODE, records, later)
    if then.state is OVERDUE:
        assert (now.state, now.since, now.due_on) == (OVERDUE, then.since, then.due_on)
