"""IN_TOUCH, ACTIV and ACCOM for an OC3 row (ssda903-care-leavers.md §4; statutory-rules.md D7).

The window is 3 months before to 1 month after the birthday by default; the consistency rules
(DfE 153, 344, 345) hold after any override, or the row says what is wrong.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from compliance.calendar import LeapDayRule, add_months, birthday
from compliance.facts import CareEpisode, Declaration, DeclarationKind, Period, YoungPersonFacts
from compliance.records import AccommodationSpell, CaseFacts, Contact, ContactKind
from compliance.ssda903 import CollectionYear, Oc3Settings, cohort_decision
from compliance.ssda903_values import ActivitySpell, Oc3Override, accommodation_code, derive_oc3, valid_codes

YEAR = CollectionYear(2026)
DOB = date(2007, 9, 10)  # 18 on 10 September 2025
BIRTHDAY = date(2025, 9, 10)
CARE = (CareEpisode(date(2021, 9, 10), date(2024, 3, 10), "C2", "U4", "E5"),)
IN_FLAT = AccommodationSpell(date(2024, 3, 10), None, "U", suitable=True, ref="accommodation:1")
AT_COLLEGE = ActivitySpell(date(2024, 9, 1), None, "F2", ref="activity:3")


def row(contacts=(), accommodation=(IN_FLAT,), activities=(AT_COLLEGE,), overrides=None, settings=Oc3Settings(),
        as_of=None, dob=DOB, year=YEAR, **person):  # noqa: ANN001, ANN201
    facts = CaseFacts(
        person=YoungPersonFacts(date_of_birth=dob, episodes=CARE if dob == DOB else person.pop("episodes"), **person),
        contacts=tuple(contacts), accommodation=tuple(accommodation),
    )
    decision = cohort_decision(facts, year, settings)
    assert decision is not None and decision.included, decision
    return derive_oc3(facts, activities, decision, year, settings, overrides, as_of)


def visit(on: date, ref: str = "contact:12", **kwargs) -> Contact:  # noqa: ANN003
    return Contact(on, ContactKind.VISIT_AT_ACCOMMODATION, ref=ref, **kwargs)


class TestInTouch:
    def test_a_visit_in_the_window_gives_yes_with_the_contact_as_evidence(self) -> None:
        result = row([visit(date(2025, 8, 1))])
        assert result.codes == {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "U1"}
        assert result.in_touch.evidence == ("contact:12",) and result.in_touch.evidence_on == date(2025, 8, 1)
        assert result.activity.evidence == ("activity:3",) and result.accommodation.evidence == ("accommodation:1",)
        assert result.window.start == date(2025, 6, 10) and result.window.end == date(2025, 10, 10)
        assert result.problems == ()

    def test_the_window_edges_count_and_the_days_outside_do_not(self) -> None:
        assert row([visit(date(2025, 6, 10))]).in_touch.code == "YES"
        assert row([visit(date(2025, 10, 10))]).in_touch.code == "YES"
        outside = row([visit(date(2025, 6, 9)), visit(date(2025, 10, 11))])
        assert outside.codes == {"IN_TOUCH": "NO", "ACTIV": "0", "ACCOM": "0"}
        assert "override this with REFU" in outside.in_touch.reason

    def test_the_window_is_a_setting(self) -> None:
        wider = Oc3Settings(months_before=4, months_after=2)
        assert row([visit(date(2025, 5, 15)), visit(date(2025, 11, 9))], settings=wider).in_touch.code == "YES"

    def test_attempts_and_contacts_through_someone_else_are_not_being_in_touch(self) -> None:
        tried = [visit(date(2025, 9, 1), attempted=True), visit(date(2025, 9, 2), direct=False)]
        assert row(tried).in_touch.code == "NO"

    def test_the_contact_nearest_the_birthday_is_the_evidence(self) -> None:
        contacts = [visit(date(2025, 7, 1), "contact:1"), visit(date(2025, 9, 12), "contact:2"),
                    visit(date(2025, 10, 1), "contact:3")]
        assert row(contacts).in_touch.evidence == ("contact:2",)

    def test_died_after_leaving_care_gives_died_and_zeros_rule_344(self) -> None:
        result = row([visit(date(2025, 8, 1))], date_of_death=date(2025, 9, 1))
        assert result.codes == {"IN_TOUCH": "DIED", "ACTIV": "0", "ACCOM": "0"}
        assert "rule 344" in result.activity.reason

    def test_six_months_living_with_a_parent_on_the_birthday_gives_rhom(self) -> None:
        home = (Period(date(2025, 3, 10), None),)
        result = row([visit(date(2025, 8, 1))], living_with_parent=home)
        assert result.codes == {"IN_TOUCH": "RHOM", "ACTIV": "0", "ACCOM": "0"}
        # One day short of 6 months on the birthday: still YES.
        assert row([visit(date(2025, 8, 1))], living_with_parent=(Period(date(2025, 3, 11), None),)).in_touch.code == "YES"

    def test_no_contact_after_saying_they_want_no_more_support_gives_nreq(self) -> None:
        declined = (Declaration(DeclarationKind.SUPPORT_DECLINED, date(2025, 1, 5)),)
        assert row(declarations=declined).codes == {"IN_TOUCH": "NREQ", "ACTIV": "0", "ACCOM": "0"}


class TestActivityAndAccommodation:
    def test_suitability_gives_the_digit_and_homeless_or_custody_are_always_2(self) -> None:
        assert accommodation_code(AccommodationSpell(date(2025, 1, 1), None, "D", suitable=False)) == "D2"
        assert accommodation_code(AccommodationSpell(date(2025, 1, 1), None, "S", suitable=True)) == "S2"
        assert accommodation_code(AccommodationSpell(date(2025, 1, 1), None, "X", suitable=None)) == "X2"
        assert accommodation_code(AccommodationSpell(date(2025, 1, 1), None, "U", suitable=None)) == ""

    def test_unjudged_suitability_is_a_problem_not_a_guess(self) -> None:
        unjudged = AccommodationSpell(date(2024, 3, 10), None, "U", suitable=None, ref="accommodation:4")
        result = row([visit(date(2025, 8, 1))], accommodation=[unjudged])
        assert result.accommodation.code == "" and "has not been judged" in result.accommodation.problem
        assert result.accommodation.evidence == ("accommodation:4",)

    def test_in_touch_without_any_activity_recorded_is_a_problem(self) -> None:
        result = row([visit(date(2025, 8, 1))], activities=[])
        assert result.activity.code == "" and "No main activity is recorded" in result.activity.problem

    def test_the_record_in_force_on_the_birthday_wins_over_others_in_the_window(self) -> None:
        activities = [ActivitySpell(date(2024, 9, 1), date(2025, 9, 10), "F2", "activity:1"),
                      ActivitySpell(date(2025, 9, 10), None, "F5", "activity:2")]
        assert row([visit(date(2025, 8, 1))], activities=activities).activity.code == "F5"

    def test_a_record_that_starts_in_the_window_after_the_birthday_is_used_and_says_so(self) -> None:
        late = ActivitySpell(date(2025, 9, 20), None, "G5", "activity:7")
        result = row([visit(date(2025, 8, 1))], activities=[late])
        assert result.activity.code == "G5" and "not on their 18th birthday" in result.activity.reason

    def test_with_former_foster_carers_at_17_is_flagged_rule_3001(self) -> None:
        dob17 = date(2008, 9, 10)
        episodes = (CareEpisode(date(2022, 9, 10), date(2025, 3, 10), "C2", "U4", "E5"),)
        with_carers = AccommodationSpell(date(2025, 3, 10), None, "Z", suitable=True, ref="accommodation:2")
        result = row([visit(date(2025, 8, 1))], accommodation=[with_carers], dob=dob17, episodes=episodes)
        assert result.accommodation.code == "Z1" and "3001" in result.accommodation.problem


class TestOverrides:
    def test_an_override_replaces_the_value_and_keeps_the_reason(self) -> None:
        refused = Oc3Override("IN_TOUCH", "REFU", "Told the PA on 1 September she wants no contact", "oc3_override:5")
        result = row(overrides={"IN_TOUCH": refused})
        assert result.codes == {"IN_TOUCH": "REFU", "ACTIV": "0", "ACCOM": "0"}
        assert result.in_touch.override == refused and result.in_touch.evidence == ("oc3_override:5",)
        assert result.in_touch.reason == "Set by hand: Told the PA on 1 September she wants no contact"

    def test_known_values_may_be_given_when_not_in_touch(self) -> None:
        told = Oc3Override("ACTIV", "F5", "Her college told us she works full time")
        assert row(overrides={"ACTIV": told}).codes == {"IN_TOUCH": "NO", "ACTIV": "F5", "ACCOM": "0"}

    def test_overriding_to_rhom_zeroes_the_others_and_a_conflicting_override_is_a_problem(self) -> None:
        rhom = Oc3Override("IN_TOUCH", "RHOM", "Home with mum since January")
        result = row([visit(date(2025, 8, 1))], overrides={"IN_TOUCH": rhom})
        assert result.codes == {"IN_TOUCH": "RHOM", "ACTIV": "0", "ACCOM": "0"} and result.problems == ()
        clash = row([visit(date(2025, 8, 1))], overrides={"IN_TOUCH": rhom, "ACCOM": Oc3Override("ACCOM", "B1", "x")})
        assert clash.accommodation.code == "B1" and "rule 344" in clash.accommodation.problem

    def test_zero_while_in_touch_is_a_problem_rule_345(self) -> None:
        zero = Oc3Override("ACTIV", "0", "Unknown")
        assert "rule 345" in row([visit(date(2025, 8, 1))], overrides={"ACTIV": zero}).activity.problem

    def test_a_code_the_dfe_does_not_accept_is_a_problem(self) -> None:
        retired = Oc3Override("ACTIV", "F3", "old code")
        assert "not a valid ACTIV code" in row([visit(date(2025, 8, 1))], overrides={"ACTIV": retired}).activity.problem


def test_valid_codes_match_the_validators_2025_26_lists() -> None:
    assert valid_codes("IN_TOUCH") == {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}
    assert valid_codes("ACTIV") == {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}
    accom = valid_codes("ACCOM")
    assert len(accom) == 16 * 2 - 2 + 1 and {"S2", "X2", "Z1", "0"} <= accom and not {"S1", "X1"} & accom


def test_a_row_is_provisional_until_its_window_has_ended() -> None:
    assert row([visit(date(2025, 8, 1))], as_of=date(2025, 10, 9)).provisional
    assert not row([visit(date(2025, 8, 1))], as_of=date(2025, 10, 10)).provisional


def test_older_care_leavers_are_described_at_the_latest_contact_in_the_year() -> None:
    dob = date(2002, 10, 1)
    episodes = (CareEpisode(date(2017, 1, 1), date(2020, 10, 1), "C2", "U4", "E17"),)
    asked = (Declaration(DeclarationKind.SUPPORT_REQUESTED, date(2024, 1, 5)),)
    moved = [AccommodationSpell(date(2021, 1, 1), date(2025, 12, 1), "Z", suitable=True, ref="accommodation:1"),
             AccommodationSpell(date(2025, 12, 1), None, "U", suitable=False, ref="accommodation:2")]
    contacts = [visit(date(2025, 5, 1), "contact:1"), visit(date(2026, 2, 1), "contact:2"),
                visit(date(2026, 4, 2), "contact:3")]
    result = row(contacts, accommodation=moved, dob=dob, episodes=episodes, declarations=asked)
    assert result.codes == {"IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "U2"}
    assert result.in_touch.evidence == ("contact:2",) and result.accommodation.evidence == ("accommodation:2",)
    assert (result.window.start, result.window.end) == (YEAR.start, YEAR.end)


leap_births = st.sampled_from([date(2004, 2, 29), date(2008, 2, 29), date(2000, 2, 29)])
births = st.one_of(st.dates(date(2004, 4, 1), date(2009, 3, 31)), leap_births)


@given(births, st.sampled_from(list(LeapDayRule)), st.integers(-200, 200), st.integers(1, 6), st.integers(1, 6))
def test_in_touch_is_yes_exactly_when_a_contact_falls_in_the_window(dob, rule, offset, before, after) -> None:  # noqa: ANN001
    """Oracle straight from statutory-rules.md D7: add_months(birthday, -3) <= contact <= add_months(birthday, 1)."""
    settings = Oc3Settings(months_before=before, months_after=after, leap_day_rule=rule)
    b14 = birthday(dob, 14, rule)
    episodes = (CareEpisode(b14, birthday(dob, 16, rule) + timedelta(days=100), "C2", "U4", "E5"),)
    for age in (17, 18, 19, 20, 21):
        year = CollectionYear.containing(birthday(dob, age, rule))
        facts = CaseFacts(person=YoungPersonFacts(dob, episodes), contacts=())
        decision = cohort_decision(facts, year, settings)
        assert decision is not None
        if not decision.included:
            continue
        day = decision.birthday
        contact_on = day + timedelta(days=offset)
        left = episodes[0].end
        facts = CaseFacts(person=YoungPersonFacts(dob, episodes), contacts=(visit(contact_on),),
                          accommodation=(AccommodationSpell(left, None, "U", suitable=True),))
        result = derive_oc3(facts, (ActivitySpell(left, None, "F2"),), decision, year, settings)
        expected = add_months(day, -before) <= contact_on <= add_months(day, after)
        assert (result.in_touch.code == "YES") is expected
        # §4 consistency (rules 153, 344, 345) holds whatever the answer.
        codes = result.codes
        assert all(codes.values())
        if codes["IN_TOUCH"] == "YES":
            assert "0" not in (codes["ACTIV"], codes["ACCOM"])
        else:
            assert codes["ACTIV"] == codes["ACCOM"] == "0"
