"""Date helpers shared by every rule: birthdays, ages, month arithmetic, GOV.UK dates.

The conventions are fixed once here so that every duty counts the same way
(statutory-rules.md §1). All functions are pure; none reads the clock.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date
from enum import StrEnum

__all__ = [
    "LeapDayRule",
    "add_months",
    "age_on",
    "birthday",
    "days_between",
    "format_date",
    "month_end_clamped",
    "ordinal",
]

_MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class LeapDayRule(StrEnum):
    """Where a 29 February birthday falls in a non-leap year.

    English statute does not settle this (statutory-rules.md §1.1). FEB_28 agrees
    with the DfE SSDA903 validator, which uses pandas ``DateOffset(years=n)``.
    """

    FEB_28 = "feb_28"
    MAR_01 = "mar_01"

    @property
    def label(self) -> str:
        return {
            LeapDayRule.FEB_28: "28 February (as the DfE validator does)",
            LeapDayRule.MAR_01: "1 March",
        }[self]


def birthday(date_of_birth: date, age: int, rule: LeapDayRule = LeapDayRule.FEB_28) -> date:
    """The date on which a person born on ``date_of_birth`` attains ``age``.

    A person attains an age at the start of the anniversary of their birth
    (Family Law Reform Act 1969 s9; statutory-rules.md §1.1). For 29 February
    births in a non-leap year ``rule`` decides between 28 February and 1 March.
    """
    year = date_of_birth.year + age
    if date_of_birth.month == 2 and date_of_birth.day == 29 and not _stdlib_calendar.isleap(year):
        return date(year, 3, 1) if rule == LeapDayRule.MAR_01 else date(year, 2, 28)
    return date_of_birth.replace(year=year)


def age_on(date_of_birth: date, on: date, rule: LeapDayRule = LeapDayRule.FEB_28) -> int:
    """Whole years of age on ``on``: the number of birthdays reached on or before it.

    Defined through :func:`birthday` so the two can never disagree, including for
    29 February births (statutory-rules.md §1.1). Negative before the date of birth.
    """
    years = on.year - date_of_birth.year
    # The anniversary in `on`'s own year may not have come yet; at most one step back.
    if birthday(date_of_birth, years, rule) > on:
        years -= 1
    return years


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months, clamped to the end of a shorter month.

    "Month" means calendar month (Interpretation Act 1978 Sch 1); the statutes do
    not say what happens on the 31st, so the usual clamping is applied, e.g.
    31 August + 6 months = 28 or 29 February (statutory-rules.md §1.2).
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last_day = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last_day))


def month_end_clamped(d: date, months: int) -> bool:
    """True when :func:`add_months` had to move the day back to fit a shorter month.

    The screens warn when this happens, because staff may count such deadlines
    differently (statutory-rules.md §1.2 and §6).
    """
    return add_months(d, months).day != d.day


def days_between(start: date, end: date) -> int:
    """Days from ``start`` to ``end``, counting ``start`` but not ``end``.

    This is the SSDA903 convention for episodes (DEC is the first day no longer
    looked after), used by the DfE validator's rule 1001 (statutory-rules.md §1.2).
    """
    return (end - start).days


def format_date(d: date) -> str:
    """A date in GOV.UK style, e.g. "3 May 2024" (no leading zero, full month)."""
    return f"{d.day} {_MONTH_NAMES[d.month]} {d.year}"


def ordinal(n: int) -> str:
    """English ordinal for a birthday, e.g. 16 -> "16th", 21 -> "21st"."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
