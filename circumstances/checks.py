"""Checks the circumstances and casework actions share: dates against a young person's
birthdays, spells that must not overlap. Each raises a ValidationError naming the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

from django.core.exceptions import ValidationError
from django.utils import timezone

from compliance.calendar import birthday, ordinal
from compliance.calendar import format_date as long_date
from compliance.facts import DeclarationKind

__all__ = [
    "birthday_of", "check_declaration_age", "check_event_date", "check_span", "end_open_spell_for", "long_date",
    "refuse", "refuse_overlap",
]

# The birthday from which telling the council this switches a duty on; both end at 25.
# A request for personal adviser support is for 21 to 25 (s23CZB); education or
# training, for a former relevant child from 18 (s23CA).
DECLARATION_FROM_AGE = {DeclarationKind.SUPPORT_REQUESTED: 21, DeclarationKind.EDUCATION_TRAINING: 18}
DECLARATION_UNTIL_AGE = 25


class Spell(Protocol):
    pk: int | None
    start: dt.date
    end: dt.date | None


def birthday_of(young_person: object, age: int) -> dt.date:
    """The birthday under the council's 29 February setting."""
    from people.status import local_policy

    return birthday(young_person.date_of_birth, age, local_policy().leap_day_birthday_rule)  # type: ignore[attr-defined]


def refuse(field: str, message: str) -> None:
    raise ValidationError({field: [message]})


def check_event_date(young_person: object, day: dt.date, *, field: str, label: str) -> None:
    """An event that has happened: not before birth, not in the future."""
    if day < young_person.date_of_birth:  # type: ignore[attr-defined]
        refuse(field, f"{label} must be on or after the date of birth")
    if day > timezone.localdate():
        refuse(field, f"{label} must be today or in the past")


def check_declaration_age(young_person: object, kind: str, day: dt.date, *, field: str, label: str) -> None:
    """A declaration that switches a duty on, made at an age when it can."""
    from_age = DECLARATION_FROM_AGE.get(kind)  # StrEnum keys: a stored string finds its kind
    if from_age is None:
        return
    earliest, until = birthday_of(young_person, from_age), birthday_of(young_person, DECLARATION_UNTIL_AGE)
    if day < earliest:
        refuse(field, f"{label} must be on or after {long_date(earliest)}, their {ordinal(from_age)} birthday")
    if day >= until:
        refuse(field, f"{label} must be before {long_date(until)}, their {ordinal(DECLARATION_UNTIL_AGE)} birthday")


def check_span(young_person: object, start: dt.date, end: dt.date | None) -> None:
    """A start that has happened and an exclusive end after it."""
    check_event_date(young_person, start, field="start", label="Start date")
    if end is not None and end <= start:
        refuse("end", f"End date must be after the start date, {long_date(start)}")


def _describe(spell: Spell, what: str) -> str:
    if spell.end is None:
        return f"the {what} from {long_date(spell.start)} with no end date"
    return f"the {what} from {long_date(spell.start)} to {long_date(spell.end)}"


def refuse_overlap(spell: Spell, others: Iterable[Spell], *, what: str) -> None:
    """Refuse `spell` if it shares a day with any of `others` (ends are exclusive)."""
    for other in sorted(others, key=lambda s: s.start):
        if other.pk is not None and other.pk == spell.pk:
            continue
        starts_before_other_ends = other.end is None or spell.start < other.end
        ends_after_other_starts = spell.end is None or spell.end > other.start
        if starts_before_other_ends and ends_after_other_starts:
            refuse("start", f"These dates overlap {_describe(other, what)}")


def end_open_spell_for(spell: Spell, others: Iterable[Spell]) -> Spell | None:
    """The open spell that a new spell starting later takes over from (a move), if any."""
    if spell.pk is not None:
        return None
    return next((o for o in others if o.end is None and o.start < spell.start), None)
