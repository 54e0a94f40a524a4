"""The quarterly scorecard's calendar and what each young person adds to its measures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.categories import assess
from compliance.duties import evaluate_all
from compliance.known_on import known_on
from compliance.records import AccommodationSpell
from compliance.scorecard import ActivitySpell, contributions, last_quarters, quarter_containing
from compliance.tests import d
from compliance.tests.duty_cases import (
    FRANK,
    RUBY,
    adviser,
    case,
    contact,
    council_home,
    plan,
    review,
    visit,
)

Q3_2026 = quarter_containing(d("15 Oct 2026"))  # October to December 2026
Q2_2026 = quarter_containing(d("1 Jul 2026"))  # July to September 2026


class TestQuarters:
    def test_financial_quarters_are_named_as_councils_write_them(self) -> None:
        assert (Q2_2026.start, Q2_2026.end, Q2_2026.label, Q2_2026.months) == (
            d("1 Jul 2026"), d("1 Oct 2026"), "Q2 2026-27", "July to September 2026")
        january = quarter_containing(d("31 Mar 2027"))
        assert (january.start, january.end, january.label) == (d("1 Jan 2027"), d("1 Apr 2027"), "Q4 2026-27")
        assert quarter_containing(d("1 Apr 2026")).label == "Q1 2026-27"
        assert Q3_2026.end == d("1 Jan 2027")

    def test_the_last_eight_ended_quarters_oldest_first(self) -> None:
        quarters = last_quarters(d("27 Nov 2026"), 8)
        assert [q.label for q in quarters] == [
            "Q3 2024-25", "Q4 2024-25", "Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26", "Q1 2026-27", "Q2 2026-27"]

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
    def test_every_day_falls_in_one_three_month_quarter(self, day: date) -> None:
        quarter = quarter_containing(day)
        assert quarter.start <= day < quarter.end
        assert quarter.start.day == 1 and quarter.end.day == 1 and quarter.start.month in (1, 4, 7, 10)
        assert quarter_containing(quarter.end) == quarter_containing(quarter.last_day + timedelta(days=1))
        previous = last_quarters(day, 1)[0]
        assert previous.end == quarter.start


# Frank: former relevant from his 18th birthday, 1 January 2026; 18 on 30 September 2026.
def frank(**records: object):  # type: ignore[no-untyped-def]
    return case(FRANK, **records)


def figures(c, quarter=Q2_2026, activity=()):  # type: ignore[no-untyped-def]
    return contributions(c, assess(c.person), activity, quarter)


def by_measure(found):  # type: ignore[no-untyped-def]
    return {(measure, band): ok for measure, band, ok in found}


class TestOutcomes:
    def test_a_care_leaver_counts_in_their_age_group_on_the_quarters_last_day(self) -> None:
        found = by_measure(figures(frank(
            contacts=(contact("10 Aug 2026"),),
            accommodation=(AccommodationSpell(d("1 Jan 2026"), None, "U1", suitable=True),),
        ), activity=(ActivitySpell(d("1 Sep 2026"), None, "F2"),)))
        assert found[("in_touch", "17-18")] is True
        assert found[("eet", "17-18")] is True
        assert found[("neet", "17-18")] is False
        assert found[("suitable_accommodation", "17-18")] is True

    def test_contact_outside_the_quarter_or_attempted_is_not_in_touch(self) -> None:
        found = by_measure(figures(frank(contacts=(
            contact("30 Jun 2026"), contact("1 Oct 2026"), contact("5 Aug 2026", attempted=True),
            contact("6 Aug 2026", direct=False)))))
        assert found[("in_touch", "17-18")] is False

    def test_nothing_recorded_counts_against_accommodation_and_activity(self) -> None:
        found = by_measure(figures(frank(accommodation=(
            AccommodationSpell(d("1 Jan 2026"), d("1 Oct 2026"), "U1", suitable=True),
            AccommodationSpell(d("1 Oct 2026"), None, "D2", suitable=False),))))
        # The suitable home ran to the quarter's last day; the later move is not read.
        assert found[("suitable_accommodation", "17-18")] is True
        assert found[("eet", "17-18")] is False and found[("neet", "17-18")] is False
        later = by_measure(figures(frank(accommodation=(
            AccommodationSpell(d("1 Jan 2026"), d("30 Sep 2026"), "U1", suitable=True),))))
        assert later[("suitable_accommodation", "17-18")] is False

    def test_not_a_care_leaver_yet_adds_no_outcomes(self) -> None:
        # Ruby is relevant from 1 Feb 2026 but only 17 on 10 Jun 2026: in the July quarter she counts;
        # in the quarter to March 2026 she is 16 and counts in no age group.
        assert ("in_touch", "17-18") in by_measure(figures(case(RUBY)))
        early = by_measure(figures(case(RUBY), quarter_containing(d("1 Feb 2026"))))
        assert not any(measure == "in_touch" for measure, _ in early)

    def test_a_closed_case_adds_nothing(self) -> None:
        assert figures(frank(closed_on=d("1 Sep 2026"))) == []
        assert figures(frank(closed_on=d("1 Oct 2026"))) != []


class TestDuties:
    def test_plan_in_date_needs_a_plan_and_its_review_in_time(self) -> None:
        signed = plan("1 Feb 2026")
        assert by_measure(figures(frank(plans=(signed,))))[("plans_in_date", "")] is False  # review overdue by August
        reviewed = by_measure(figures(frank(plans=(signed,), reviews=(review("1 Jul 2026"),))))
        assert reviewed[("plans_in_date", "")] is True
        # A review held after the quarter does not rescue it.
        late = by_measure(figures(frank(plans=(signed,), reviews=(review("2 Oct 2026"),))))
        assert late[("plans_in_date", "")] is False

    def test_personal_adviser_allocated_on_the_last_day(self) -> None:
        assert by_measure(figures(frank(allocations=(adviser("1 Jan 2026"),))))[("pa_allocated", "")] is True
        ended = by_measure(figures(frank(allocations=(adviser("1 Jan 2026", "30 Sep 2026"),))))
        assert ended[("pa_allocated", "")] is False
        later = by_measure(figures(frank(allocations=(adviser("1 Oct 2026"),))))
        assert later[("pa_allocated", "")] is False


class TestVisits:
    home = council_home("1 Jun 2026")

    def visits(self, *on: str) -> list[bool]:
        found = figures(case(RUBY, accommodation=(self.home,), contacts=tuple(visit(v) for v in on)))
        return [ok for measure, _band, ok in found if measure == "visits_in_time"]

    def test_each_visit_in_the_quarter_judged_against_when_it_was_due(self) -> None:
        # First visit due 8 Jun; then at most two months apart: 7 Jul is in time (due 7 Aug),
        # 1 Sep is in time (due 7 Sep); 20 Sep... nothing due until 1 Nov, so no overdue at the end.
        assert self.visits("7 Jun 2026", "7 Jul 2026", "1 Sep 2026") == [True, True]

    def test_a_late_visit_and_one_still_overdue_at_the_end(self) -> None:
        # Due 8 Jun (not in this quarter); made 20 Jul, late; next due 20 Sep, missed: overdue on 30 Sep.
        assert self.visits("20 Jul 2026") == [False, False]

    def test_no_accommodation_from_the_council_no_visits_counted(self) -> None:
        found = figures(case(RUBY, contacts=(visit("20 Jul 2026"),)))
        assert not any(measure == "visits_in_time" for measure, _band, _ok in found)


class TestKnownOn:
    def test_later_events_are_removed_and_later_dates_unknown(self) -> None:
        c = frank(
            plans=(plan("1 Feb 2026", young_person_signed_on=d("1 Oct 2026")), plan("1 Nov 2026", version=2)),
            contacts=(contact("1 Sep 2026"), contact("2 Oct 2026")),
            accommodation=(council_home("1 Jan 2026", "1 Nov 2026"),),
            closed_on=d("1 Dec 2026"),
        )
        then = known_on(c, d("30 Sep 2026"))
        assert [p.agreed_on for p in then.plans] == [d("1 Feb 2026")]
        assert then.plans[0].young_person_signed_on is None
        assert [x.on for x in then.contacts] == [d("1 Sep 2026")]
        assert then.accommodation[0].end is None and then.closed_on is None
        assert known_on(c, d("1 Dec 2026")).closed_on == d("1 Dec 2026")

    @pytest.mark.parametrize("day", ["30 Sep 2026", "15 Jan 2027", "1 Mar 2027"])
    def test_judging_on_the_day_gives_the_same_answers(self, day: str) -> None:
        """The rules already ignore what comes after the day judged: trimming must not change them."""
        c = frank(
            plans=(plan("1 Feb 2026"), plan("1 Dec 2026", version=2)),
            reviews=(review("1 Jul 2026"), review("1 Jan 2027")),
            contacts=(visit("1 Feb 2026"), contact("1 Oct 2026"), visit("10 Feb 2027")),
            accommodation=(council_home("1 Jan 2026", "1 Jan 2027"), council_home("1 Feb 2027")),
            allocations=(adviser("1 Jan 2026", "1 Dec 2026"), adviser("1 Dec 2026")),
        )
        on = d(day)
        full = {r.code: r.state for r in evaluate_all(c, on)[1]}
        trimmed = {r.code: r.state for r in evaluate_all(known_on(c, on), on)[1]}
        assert trimmed == full

    def test_unchanged_when_everything_is_older(self) -> None:
        c = frank(plans=(plan("1 Feb 2026"),), contacts=(contact("1 Sep 2026"),))
        assert known_on(c, d("1 Oct 2026")) == replace(c)
