"""A council's interpretive choices, and what each one means in plain English.

Where the law is unsettled the engine does not guess silently: the choice is a field
here, with a default, a plain-English note of why it is open (``source``) and the
technical provenance (``reference``), so a settings page can show what is in force and
legal staff can change it (statutory-rules.md §0 "LOCAL POLICY (configurable)", §1, §6).
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
    """Metadata for one :class:`LocalPolicy` field, for the settings page.

    ``source``: why the question is open, in plain English for legal and QA staff.
    ``reference``: the technical provenance (research note sections, decision records),
    for docs/rules and a details toggle; never the main text.
    """

    name: str
    label: str
    unit: str
    default: object
    source: str
    unsure: bool
    choices: tuple[tuple[str, str], ...] = ()
    reference: str = ""


_YES_NO = (("true", "Yes"), ("false", "No"))
_CHECK = "check with your legal team"

SETTINGS: tuple[SettingInfo, ...] = (
    SettingInfo(
        name="leap_day_birthday_rule",
        label="Birthday of someone born on 29 February, in years without one",
        unit="rule",
        default=LeapDayRule.FEB_28,
        source=(
            "The law does not say when someone born on 29 February has their birthday in other years. "
            "28 February gives the earlier, safer deadline and matches the Department for Education's checks "
            f"on the data councils send it. {_CHECK.capitalize()}."
        ),
        unsure=True,
        choices=((LeapDayRule.FEB_28.value, "28 February"), (LeapDayRule.MAR_01.value, "1 March")),
        reference=(
            "statutory-rules.md §1.1: statute does not settle it; 28 February matches the DfE SSDA903 "
            "validator (csc-validator-be-903)."
        ),
    ),
    SettingInfo(
        name="home_with_parent_ends_former_relevant",
        label="Living with a parent for 6 months also ends former relevant status after 18",
        unit="yes/no",
        default=True,
        source=(
            "The law can be read either way. A child who has lived with a parent for 6 months or more is not a "
            "relevant child (Care Leavers (England) Regulations 2010, regulation 3), and a former relevant young "
            "person is one who has been a relevant child \"and would be one if he were under eighteen\" (Children "
            "Act 1989, section 23C(1)(a)). Read literally, living with a parent also ends former relevant status "
            f"for those who left care before 18. {_CHECK.capitalize()}."
        ),
        unsure=True,
        choices=_YES_NO,
        reference="statutory-rules.md §2.2–2.3; docs/decisions/0002-leaving-care-category-rules.md.",
    ),
    SettingInfo(
        name="sgo_exit_rule",
        label="Leaving care through a special guardianship order",
        unit="rule",
        default=SgoExitRule.QUALIFYING,
        source=(
            "The Children Act 1989, section 24(1A), makes a young person who left care through a special "
            "guardianship order a qualifying young person. A special guardian has parental responsibility, so "
            "the law could also be read as making an eligible child a relevant child until they have lived with "
            f"the special guardian for 6 months. {_CHECK.capitalize()}."
        ),
        unsure=True,
        choices=(
            (SgoExitRule.QUALIFYING.value, "Qualifying young person from the day of the order"),
            (
                SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS.value,
                "Relevant child for the first 6 months with the special guardian, then qualifying young person",
            ),
        ),
        reference="statutory-rules.md §2.2 and §2.4: s24(1A); s23A(2) with CLR 2010 reg 3; REC E45–E48.",
    ),
    SettingInfo(
        name="short_breaks_count_for_qualifying",
        label="Planned short breaks after 16 make a young person qualifying",
        unit="yes/no",
        default=False,
        source=(
            "Read literally, the law covers anyone looked after after their 16th birthday, which includes planned "
            "short breaks (Children Act 1989, section 24(1B) and (2)(a)). The Department for Education's data "
            "return and the Care Planning, Placement and Case Review (England) Regulations 2010 (regulations 40(2) "
            f"and 48) treat short breaks separately, so by default they are left out. {_CHECK.capitalize()}."
        ),
        unsure=True,
        choices=_YES_NO,
        reference="statutory-rules.md §2.1, §2.4 and §6 (legal status V3 and V4).",
    ),
)

_SETTINGS_BY_NAME = {info.name: info for info in SETTINGS}


def _describe(name: str, value: object) -> str:
    if name == "leap_day_birthday_rule":
        if value == LeapDayRule.MAR_01:
            return "29 February birthdays fall on 1 March in other years."
        return ("29 February birthdays fall on 28 February in other years, as in the Department for Education's "
                "checks.")
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
        return ("Leaving care through a special guardianship order makes a young person a qualifying young person "
                "(Children Act 1989, section 24(1A)).")
    if name == "short_breaks_count_for_qualifying":
        if value:
            return "Young people who only had planned short breaks after 16 become qualifying when the breaks stop."
        return "Planned short breaks never give a leaving-care status on their own."
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
