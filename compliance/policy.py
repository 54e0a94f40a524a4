"""A council's interpretive choices, and what each one means in plain English.

Where the law or the reference is unsettled the engine does not guess silently: the
choice is a field here, with a default and a note of where the default came from, so
a settings page can show what is in force and legal staff can change it
(statutory-rules.md §0 "LOCAL POLICY (configurable)", §1, §6).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from compliance.calendar import LeapDayRule

__all__ = [
    "SETTINGS",
    "LocalPolicy",
    "SettingInfo",
    "SgoExitRule",
    "describe_policy",
]


class SgoExitRule(StrEnum):
    """What leaving care through a special guardianship order (REC E45–E48) gives."""

    QUALIFYING = "qualifying"
    RELEVANT_UNTIL_SIX_MONTHS = "relevant_until_six_months"


@dataclass(frozen=True, slots=True)
class LocalPolicy:
    """The council's settings for the category rules. Every field has a default.

    See :data:`SETTINGS` for each field's meaning and source.
    """

    leap_day_birthday_rule: LeapDayRule = LeapDayRule.FEB_28
    home_with_parent_ends_former_relevant: bool = True
    sgo_exit_rule: SgoExitRule = SgoExitRule.QUALIFYING
    short_breaks_count_for_qualifying: bool = False

    def __post_init__(self) -> None:
        # Settings often arrive as strings (Django settings, a form, JSON). Turn known
        # values into the enums and refuse anything else, so a typo fails loudly instead
        # of silently picking the other reading of the law.
        object.__setattr__(self, "leap_day_birthday_rule", LeapDayRule(self.leap_day_birthday_rule))
        object.__setattr__(self, "sgo_exit_rule", SgoExitRule(self.sgo_exit_rule))
        for name in ("home_with_parent_ends_former_relevant", "short_breaks_count_for_qualifying"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"LocalPolicy.{name} must be True or False, not {getattr(self, name)!r}")


@dataclass(frozen=True, slots=True)
class SettingInfo:
    """Metadata for one :class:`LocalPolicy` field, for the settings page."""

    name: str
    label: str
    unit: str
    default: object
    source: str
    unsure: bool
    choices: tuple[tuple[str, str], ...] = ()


_YES_NO = (("true", "Yes"), ("false", "No"))

SETTINGS: tuple[SettingInfo, ...] = (
    SettingInfo(
        name="leap_day_birthday_rule",
        label="Birthday of someone born on 29 February, in years without one",
        unit="rule",
        default=LeapDayRule.FEB_28,
        source=(
            "statutory-rules.md §1.1: statute does not settle it; 28 February matches the DfE "
            "SSDA903 validator (csc-validator-be-903) and gives the earlier, safer deadline."
        ),
        unsure=True,
        choices=tuple((r.value, r.label) for r in LeapDayRule),
    ),
    SettingInfo(
        name="home_with_parent_ends_former_relevant",
        label="Living with a parent for 6 months also ends former relevant status after 18",
        unit="yes/no",
        default=True,
        source=(
            "Children Act 1989 s23C(1)(a) covers a person who has been a relevant child "
            '"(and would be one if he were under eighteen)"; Care Leavers (England) '
            "Regulations 2010 reg 3 says a child who has lived with a parent for 6 months "
            "or more is not a relevant child. Read literally, the exclusion carries on after "
            "18 for those who left care before 18. statutory-rules.md §2.2–2.3; "
            "docs/decisions/0002-leaving-care-category-rules.md."
        ),
        unsure=True,
        choices=_YES_NO,
    ),
    SettingInfo(
        name="sgo_exit_rule",
        label="Leaving care through a special guardianship order",
        unit="rule",
        default=SgoExitRule.QUALIFYING,
        source=(
            "Children Act 1989 s24(1A) makes a young person who left care through a special "
            "guardianship order a person qualifying for advice and assistance; a special "
            "guardian has parental responsibility, so read with s23A(2) and CLR 2010 reg 3 an "
            "eligible child could instead be relevant until they have lived with the special "
            "guardian for 6 months. statutory-rules.md §2.2, §2.4."
        ),
        unsure=True,
        choices=(
            (SgoExitRule.QUALIFYING.value, "Qualifying (s24(1A)) from the day of the order"),
            (
                SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS.value,
                "Relevant for the first 6 months with the special guardian, then qualifying",
            ),
        ),
    ),
    SettingInfo(
        name="short_breaks_count_for_qualifying",
        label="Planned short breaks after 16 make a young person qualifying",
        unit="yes/no",
        default=False,
        source=(
            "Children Act 1989 s24(1B) and (2)(a) cover anyone looked after after 16, which "
            "literally includes short breaks (LS V3/V4); the DfE return and CPPCR 2010 regs "
            "40(2) and 48 treat short breaks apart, so the default leaves them out. "
            "statutory-rules.md §2.1, §2.4, §6."
        ),
        unsure=True,
        choices=_YES_NO,
    ),
)

_SETTINGS_BY_NAME = {info.name: info for info in SETTINGS}


def _describe(name: str, value: object) -> str:
    if name == "leap_day_birthday_rule":
        if value == LeapDayRule.MAR_01:
            return "29 February birthdays fall on 1 March in non-leap years."
        return "29 February birthdays fall on 28 February in non-leap years, as the DfE validator does."
    if name == "home_with_parent_ends_former_relevant":
        if value:
            return (
                "Someone who left care before 18 stops being a former relevant child while they have "
                "lived with a parent for 6 months or more, and becomes one again if that ends."
            )
        return (
            "Someone who left care before 18 and was a relevant child the day before their 18th "
            "birthday stays a former relevant child whoever they live with afterwards."
        )
    if name == "sgo_exit_rule":
        if value == SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS:
            return (
                "An eligible child who leaves care through a special guardianship order is a relevant "
                "child until they have lived with the special guardian for 6 months, then qualifying."
            )
        return "Leaving care through a special guardianship order makes a young person qualifying (s24(1A))."
    if name == "short_breaks_count_for_qualifying":
        if value:
            return "Young people who only had planned short breaks after 16 become qualifying when the breaks stop."
        return "Planned short breaks (V3/V4) never give a leaving-care status on their own."
    raise KeyError(name)  # pragma: no cover - guarded by the SETTINGS/LocalPolicy test


def describe_policy(policy: LocalPolicy) -> list[tuple[SettingInfo, object, str]]:
    """Every setting with the value in force and a sentence saying what it means.

    In :class:`LocalPolicy` field order, so the page reads the same every time.
    """
    return [
        (
            _SETTINGS_BY_NAME[f.name],
            getattr(policy, f.name),
            _describe(f.name, getattr(policy, f.name)),
        )
        for f in fields(policy)
    ]
