"""LocalPolicy and its metadata: every setting visible, sourced and described."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields

import pytest

from compliance.calendar import LeapDayRule
from compliance.policy import SETTINGS, LocalPolicy, SgoExitRule, describe_policy


def test_every_field_has_exactly_one_setting_with_the_same_default() -> None:
    defaults = LocalPolicy()
    assert [s.name for s in SETTINGS] == [f.name for f in fields(LocalPolicy)]
    for info in SETTINGS:
        assert info.default == getattr(defaults, info.name)
        assert info.label and info.source and info.unit


def test_every_choice_is_a_value_the_field_accepts() -> None:
    """The settings page offers choices; each must round-trip into the field's type."""
    for info in SETTINGS:
        assert info.choices, info.name
        values = [value for value, _ in info.choices]
        assert str(info.default).lower() in [v.lower() for v in values]
    leap = SETTINGS[0]
    assert leap.name == "leap_day_birthday_rule"
    assert {value for value, _ in leap.choices} == {rule.value for rule in LeapDayRule}


def test_unsettled_law_is_flagged() -> None:
    """statutory-rules.md §1.1 flags 29 February as unsettled; the other settings are this
    engine's readings of unclear provisions (docs/decisions/0002)."""
    assert all(info.unsure for info in SETTINGS)


def test_describe_policy_for_the_defaults() -> None:
    described = describe_policy(LocalPolicy())
    assert [info.name for info, _, _ in described] == [s.name for s in SETTINGS]
    leap = described[0]
    assert leap[1] is LeapDayRule.FEB_28
    assert leap[2] == "29 February birthdays fall on 28 February in other years, as in the Department for Education's checks."


@pytest.mark.parametrize(
    "policy",
    [
        LocalPolicy(leap_day_birthday_rule=LeapDayRule.MAR_01),
        LocalPolicy(home_with_parent_ends_former_relevant=False),
        LocalPolicy(sgo_exit_rule=SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS),
        LocalPolicy(short_breaks_count_for_qualifying=True),
    ],
)
def test_describe_policy_says_something_different_for_each_non_default(policy: LocalPolicy) -> None:
    default_text = {info.name: text for info, _, text in describe_policy(LocalPolicy())}
    changed = [info.name for info, _, text in describe_policy(policy) if text != default_text[info.name]]
    assert len(changed) == 1
    for _, _, text in describe_policy(policy):
        assert text.endswith(".") and (text[0].isupper() or text[0].isdigit())


def test_policy_is_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        LocalPolicy().leap_day_birthday_rule = LeapDayRule.MAR_01  # type: ignore[misc]


def test_settings_given_as_strings_become_enums() -> None:
    """Django settings and forms hand over strings; the engine must not misread them."""
    policy = LocalPolicy(leap_day_birthday_rule="mar_01", sgo_exit_rule="relevant_until_six_months")  # type: ignore[arg-type]
    assert policy.leap_day_birthday_rule is LeapDayRule.MAR_01
    assert policy.sgo_exit_rule is SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS


@pytest.mark.parametrize(
    "bad",
    [
        {"leap_day_birthday_rule": "29_feb"},
        {"sgo_exit_rule": "relevant"},
        {"home_with_parent_ends_former_relevant": "false"},
        {"short_breaks_count_for_qualifying": 1},
    ],
)
def test_unknown_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        LocalPolicy(**bad)  # type: ignore[arg-type]
