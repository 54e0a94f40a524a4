"""Who must have a care-leaver (OC3) record in an SSDA903 collection year, and why.

The DfE return holds one OC3 row for each care leaver whose 17th to 21st birthday falls
in the collection year (1 April to 31 March), except those the DfE's rules say must not
have one (ssda903-care-leavers.md §5, validator rules 1000, 1001, 1007, 1011, 1016), and,
from 2022-23, older care leavers aged 22 to 25 who asked for and received support in the
year (§5; the exact DfE inclusion rule was not verified, so it is a setting).

Pure: facts and the collection year in, a :class:`CohortDecision` out. What the row says
(IN_TOUCH, ACTIV, ACCOM) is in :mod:`compliance.ssda903_values`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from compliance.calendar import LeapDayRule, add_months, birthday, format_date, ordinal
from compliance.care_time import THIRTEEN_WEEKS_DAYS, CareSpell, CareTime, DeclarationState
from compliance.codes import ADOPTION_EXITS, REASON_EPISODE_CEASED
from compliance.facts import DeclarationKind
from compliance.records import CaseFacts
from compliance.standards import LocalStandards

__all__ = [
    "BIRTHDAY_AGES",
    "OLDER_AGES",
    "CohortDecision",
    "CohortGroup",
    "CollectionYear",
    "Oc3Settings",
    "Window",
    "cohort_decision",
    "made_contacts",
    "returned_decision",
]

# §5: the 17th to 21st birthdays; 22 to 25 are the older care leavers in contact.
BIRTHDAY_AGES = (17, 18, 19, 20, 21)
OLDER_AGES = (22, 23, 24, 25)

# Exits that end this council's care-leaver return for good (§3 REC table; rules 1000, 1001, 1011).
DIED_IN_CARE = "E2"
TRANSFERRED = "E3"

_REF = "ssda903-care-leavers.md §5"


@dataclass(frozen=True, slots=True)
class CollectionYear:
    """A collection year, named by the year it ends: 2026 runs from 1 April 2025 to
    31 March 2026 (§1; the validator's ``collectionYear`` "2026", rule set lac2025_26)."""

    year: int

    @property
    def start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def end(self) -> date:
        return date(self.year, 3, 31)

    @property
    def short_label(self) -> str:
        """"2025-26", as the DfE names the collection."""
        return f"{self.year - 1}-{self.year % 100:02d}"

    @property
    def label(self) -> str:
        return f"1 April {self.year - 1} to 31 March {self.year}"

    @property
    def years(self) -> str:
        """"2025 to 2026", as a sentence names the year."""
        return f"{self.year - 1} to {self.year}"

    @property
    def ruleset(self) -> str:
        """The validator's rule set for this year, e.g. "lac2025_26" (rules/ruleset_utils.py)."""
        return f"lac{self.year - 1}_{self.year % 100:02d}"

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end

    def previous(self) -> CollectionYear:
        return CollectionYear(self.year - 1)

    @classmethod
    def containing(cls, d: date) -> CollectionYear:
        return cls(d.year + 1 if d.month >= 4 else d.year)

    @classmethod
    def latest_ended(cls, on: date) -> CollectionYear:
        """The most recent collection year that had ended by ``on``: the one a council
        returns in the following spring and summer."""
        return cls.containing(on).previous()


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive dates: contacts on ``start`` or ``end`` count."""

    start: date
    end: date

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end


@dataclass(frozen=True, slots=True)
class Oc3Settings:
    """The council's choices for the return (LocalStandards fields; LocalPolicy's 29 February rule)."""

    months_before: int = 3
    months_after: int = 1
    include_older: bool = True
    leap_day_rule: LeapDayRule = LeapDayRule.FEB_28

    @classmethod
    def from_standards(cls, standards: LocalStandards, leap_day_rule: LeapDayRule) -> Oc3Settings:
        return cls(
            months_before=standards.oc3_window_months_before,
            months_after=standards.oc3_window_months_after,
            include_older=standards.oc3_include_older_care_leavers,
            leap_day_rule=leap_day_rule,
        )

    def window(self, around: date) -> Window:
        """§4: the position "on or around" the birthday, from ``months_before`` before to
        ``months_after`` after (calendar months, clamped to the end of shorter months)."""
        return Window(add_months(around, -self.months_before), add_months(around, self.months_after))


class CohortGroup(StrEnum):
    BIRTHDAY = "birthday"  # 17th to 21st birthday in the year: the position around the birthday
    OLDER = "older"  # 22 to 25: the position at the latest contact in the year


@dataclass(frozen=True, slots=True)
class CohortDecision:
    """Whether one young person needs an OC3 row this year, in plain English with its source.

    ``age`` is the age they reach on ``birthday``, the birthday that falls in the year.
    ``reason`` is for staff; ``reference`` is the technical source (reference sections and
    DfE rule numbers) shown beside it.
    """

    included: bool
    group: CohortGroup
    age: int
    birthday: date
    reason: str
    reference: str
    left_care_on: date | None = None
    reason_left: str = ""

    @property
    def age_band(self) -> str:
        return str(self.age) if self.group is CohortGroup.BIRTHDAY else "22 to 25"


def _birthday_in_year(dob: date, year: CollectionYear, rule: LeapDayRule) -> tuple[int, date] | None:
    """The one birthday (age, date) from 17 to 25 that falls in the year, if any.

    A collection year holds exactly one birthday of everyone born before it: both 28 February
    and 1 March fall between 1 April and 31 March, so the 29 February rule never moves a
    birthday into another collection year (tested as a property).
    """
    for age in (*BIRTHDAY_AGES, *OLDER_AGES):
        day = birthday(dob, age, rule)
        if year.covers(day):
            return age, day
    return None


def made_contacts(facts: CaseFacts):  # noqa: ANN201 - a generator of records.Contact
    """Contacts that reached the young person themselves: direct, and not only an attempt
    (statutory-rules.md D7: ``c.direct``; someone not reached is not "in touch")."""
    return (c for c in facts.contacts if c.direct and not c.attempted)


def _exit_words(spell: CareSpell) -> str:
    code = spell.reason_ended
    label = REASON_EPISODE_CEASED.label(code).lower() if code else "no reason recorded"
    return f"left care on {format_date(spell.end)} ({code + ': ' if code else ''}{label})"  # type: ignore[arg-type]


def cohort_decision(
    facts: CaseFacts, year: CollectionYear, settings: Oc3Settings = Oc3Settings()
) -> CohortDecision | None:
    """Whether ``facts``'s young person needs an OC3 row in ``year``; None when no 17th to
    25th birthday falls in the year (they are not a candidate, so nothing to explain)."""
    person = facts.person
    found = _birthday_in_year(person.date_of_birth, year, settings.leap_day_rule)
    if found is None:
        return None
    age, day = found
    group = CohortGroup.BIRTHDAY if age in BIRTHDAY_AGES else CohortGroup.OLDER

    def decide(included: bool, reason: str, reference: str, exit_: CareSpell | None = None) -> CohortDecision:
        return CohortDecision(
            included, group, age, day, reason, reference,
            left_care_on=exit_.end if exit_ else None, reason_left=exit_.reason_ended if exit_ else "",
        )

    on_birthday = f"their {ordinal(age)} birthday on {format_date(day)}"
    care = CareTime(person.episodes, birthday(person.date_of_birth, 14, settings.leap_day_rule))
    if not care.spells:
        return decide(False, "Never looked after (planned short breaks do not count), so not a care leaver.",
                      f"{_REF}; DfE rule 1001")
    if care.spell_on(day) is not None:
        if age in (17, 18):
            return decide(False, f"Still looked after on {on_birthday}: no care leaver information is needed.",
                          f"{_REF}; DfE rule 1007")
        return decide(False, f"Still looked after on {on_birthday}, so not yet a care leaver.", _REF)
    exit_ = care.last_exit(day)
    if exit_ is None:  # care only after the birthday
        return decide(False, f"First looked after after {on_birthday}.", _REF)
    assert exit_.end is not None
    if age in (17, 18) and (exit_.end >= day or care.looked_after_between(day, date.max)):
        what = "Left care on" if exit_.end == day else "Looked after again after"
        return decide(False, f"{what} {on_birthday}: no care leaver information is needed when care "
                      "ends on or after the 17th or 18th birthday.", f"{_REF}; DfE rule 1016", exit_)
    died_in_care = exit_.reason_ended == DIED_IN_CARE or (
        person.date_of_death is not None and exit_.end == person.date_of_death
    )
    if died_in_care:
        return decide(False, "Died while looked after: no care leaver information is returned.",
                      f"{_REF}; DfE rule 1000", exit_)
    if exit_.reason_ended == TRANSFERRED:
        return decide(False, f"Care was taken over by another council ({_exit_words(exit_)}), which returns it.",
                      f"{_REF}; DfE rule 1011", exit_)
    if exit_.reason_ended in ADOPTION_EXITS:
        return decide(False, f"Adopted ({_exit_words(exit_)}): not a care leaver.", f"{_REF}; DfE rule 1001", exit_)
    counted = care.counted_days(exit_.end)
    if counted < THIRTEEN_WEEKS_DAYS:
        return decide(False, f"Looked after for {counted} days after their 14th birthday before they "
                      f"{_exit_words(exit_)}; a care leaver needs at least {THIRTEEN_WEEKS_DAYS} (13 weeks).",
                      f"{_REF}; DfE rule 1001; CPPCR 2010 reg 40", exit_)
    birthday_16 = birthday(person.date_of_birth, 16, settings.leap_day_rule)
    if not care.looked_after_between(birthday_16, exit_.end):
        return decide(False, f"Not looked after on or after their 16th birthday (they {_exit_words(exit_)}), "
                      "so not a care leaver.", f"{_REF}; DfE rule 1001", exit_)
    leaver = f"A care leaver ({counted} days looked after since their 14th birthday; they {_exit_words(exit_)})"
    if group is CohortGroup.BIRTHDAY:
        return decide(True, f"{leaver}, with {on_birthday} in this collection year.", _REF, exit_)
    return _older_decision(facts, year, settings, decide, leaver, exit_)


def _older_decision(facts, year, settings, decide, leaver, exit_):  # noqa: ANN001, ANN202
    """§5: 22 to 25 year olds are returned when they asked for and received support in the year.
    "Asked" is a request for personal adviser support (s23CZB) or education or training
    (s23CA) in force at some time in the year; "received" is a contact that reached them."""
    reference = f"{_REF} (22 to 25: inclusion rule not verified against the DfE guide)"
    if not settings.include_older:
        return decide(False, "Aged 22 to 25: the council does not return older care leavers (a setting).",
                      reference, exit_)
    declarations = facts.person.declarations
    asked = _asked_in_year(declarations, year, DeclarationKind.SUPPORT_REQUESTED, DeclarationKind.SUPPORT_DECLINED)
    asked = asked or _asked_in_year(
        declarations, year, DeclarationKind.EDUCATION_TRAINING, DeclarationKind.EDUCATION_TRAINING_ENDED
    )
    if not asked:
        return decide(False, "Aged 22 to 25 and did not ask for support in this collection year.", reference, exit_)
    contacts = [c for c in made_contacts(facts) if year.covers(c.on)]
    if not contacts:
        return decide(False, "Aged 22 to 25 and asked for support, but no contact that reached them is "
                      "recorded in this collection year.", reference, exit_)
    return decide(True, f"{leaver}; aged 22 to 25, asked for support and was in contact in this collection year.",
                  reference, exit_)


def _asked_in_year(declarations, year: CollectionYear, on: DeclarationKind,  # noqa: ANN001
                   off: DeclarationKind) -> bool:
    state = DeclarationState(declarations, on=on, off=off)
    checks = [year.start, *(d for d in state.boundaries() if year.covers(d))]
    return any(state.state_on(d)[0] for d in checks)


def returned_decision(facts: CaseFacts, year: CollectionYear, settings: Oc3Settings,
                      derived: CohortDecision | None, returned: str) -> CohortDecision:
    """The decision for someone with an OC3 row in a return already made for the year
    (``returned`` says which): they stay in it, and the reason says whether the records
    alone would have put them there."""
    if derived is not None and derived.included:
        return replace(derived, reason=f"{returned}. {derived.reason}")
    if derived is not None:
        return replace(derived, included=True, reason=f"{returned}. From the records alone: {derived.reason}")
    dob = facts.person.date_of_birth
    age = next((a for a in range(0, 130) if year.covers(birthday(dob, a, settings.leap_day_rule))), 0)
    group = CohortGroup.BIRTHDAY if age <= BIRTHDAY_AGES[-1] else CohortGroup.OLDER
    return CohortDecision(True, group, age, birthday(dob, age, settings.leap_day_rule),
                          f"{returned}. From the records alone they would not be in it: their "
                          f"{ordinal(age)} birthday is outside the ages returned.", _REF)
