"""LocalStandards and their metadata: every field described, and values that make no sense
(a contact frequency of 0 weeks) refused with a message naming the setting (review 3, S6)."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from compliance.standards import STANDARDS, LocalStandards, describe_standards

NUMBERS = [info for info in STANDARDS if info.unit != "yes/no"]
SWITCHES = [info for info in STANDARDS if info.unit == "yes/no"]


def test_every_field_has_exactly_one_description_in_order() -> None:
    assert [info.name for info in STANDARDS] == [f.name for f in fields(LocalStandards)]
    defaults = LocalStandards()
    for info in STANDARDS:
        assert info.unit in ("days", "weeks", "months", "percent", "yes/no"), info.name
        assert info.label and info.source.endswith("."), info.name
        assert isinstance(getattr(defaults, info.name), bool) is (info.unit == "yes/no"), info.name
    assert [info.name for info, _ in describe_standards(defaults)] == [info.name for info in STANDARDS]


def test_every_default_is_allowed() -> None:
    defaults = LocalStandards()
    assert all(getattr(defaults, info.name) >= info.minimum for info in NUMBERS)


def test_frequencies_and_intervals_must_be_at_least_1_but_grace_periods_may_be_0() -> None:
    """Every weeks or months figure is how often something happens; so are the day counts
    below. A grace period, or a deadline after an event (the same day), may be 0."""
    intervals = {"summary_max_age_days", "visit_within_days", "review_request_days", "review_after_move_days"}
    by_name = {info.name: info for info in NUMBERS}
    for info in NUMBERS:
        if info.unit in ("weeks", "months") or info.name in intervals:
            assert info.minimum >= 1, info.name
    for name in ("plan_grace_days", "closure_grace_days", "plan_sign_off_days", "handover_before_days"):
        assert by_name[name].minimum == 0, name
    assert by_name["pa_identified_by_age_months"].minimum == 14 * 12


@pytest.mark.parametrize("info", NUMBERS, ids=lambda info: info.name)
def test_the_minimum_is_allowed_and_one_less_is_refused(info) -> None:  # type: ignore[no-untyped-def]
    assert getattr(LocalStandards(**{info.name: info.minimum}), info.name) == info.minimum
    with pytest.raises(ValueError, match=re.escape(f"“{info.label.lower()}” must be {info.minimum} or more")):
        LocalStandards(**{info.name: info.minimum - 1})


def test_a_contact_frequency_of_0_weeks_is_refused_in_words_the_administrator_knows() -> None:
    with pytest.raises(ValueError) as refused:
        LocalStandards(contact_weeks_18_20=0)
    assert str(refused.value) == (
        "Number of weeks for “keep in touch with 18 to 20 year olds at least every” must be 1 or more"
    )
    assert LocalStandards(contact_weeks_18_20=1).contact_weeks_18_20 == 1


@pytest.mark.parametrize("value", ["8", 8.0, True, None])
def test_a_number_must_be_a_whole_number(value: object) -> None:
    with pytest.raises(ValueError, match="Enter a whole number of weeks for “keep in touch with 18 to 20"):
        LocalStandards(contact_weeks_18_20=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("info", SWITCHES, ids=lambda info: info.name)
def test_a_switch_must_be_true_or_false(info) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match=re.escape(f"Select yes or no for “{info.label.lower()}”")):
        LocalStandards(**{info.name: "false"})
    assert getattr(LocalStandards(**{info.name: False}), info.name) is False
