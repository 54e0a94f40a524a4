"""A personal adviser identified by a set age — LOCAL POLICY (configurable), statutory-rules.md §4.

The law sets no age (Sch 2 para 19C); councils do (Manchester: every young person knows
their PA by 17; Westmorland & Furness and Stockport: at 16). The default, 17½ (210
months), is the reference's hypothetical. It applies to a child who is (or on present
records will be) looked after at that age, until their 18th birthday, after which the
statutory personal adviser duty speaks for itself.

The date is ``add_months(date_of_birth, n)``; for a whole number of years it is that
birthday under the council's 29 February rule, so "by 17" means the 17th birthday.
An allocation that ended before that date does not count.
"""

from __future__ import annotations

from datetime import date

from compliance.calendar import LeapDayRule, add_months, birthday
from compliance.categories import Category
from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import (
    OWN_STANDARD,
    adviser_evidence,
    fmt,
    not_applicable,
    one_off,
    personal_adviser_allocations,
)

CODE = "pa_identified_by_age"
_LOOKED_AFTER = (Category.LOOKED_AFTER, Category.ELIGIBLE)
_IN_SERVICE = (Category.LOOKED_AFTER, Category.ELIGIBLE, Category.RELEVANT)


def identified_by(date_of_birth: date, months_old: int, rule: LeapDayRule) -> date:
    """The day the young person is ``months_old`` months old."""
    if months_old % 12 == 0:
        return birthday(date_of_birth, months_old // 12, rule)
    return add_months(date_of_birth, months_old)


def age_words(months_old: int) -> str:
    years, rest = divmod(months_old, 12)
    if rest == 0:
        return str(years)
    if rest == 6:
        return f"{years}½"
    return f"{years} years and {rest} month{'s' if rest > 1 else ''}"


def evaluate(context: DutyContext) -> DutyResult:
    status, today = context.status, context.judged_on
    n = context.standards.pa_identified_by_age_months
    target = identified_by(context.case.person.date_of_birth, n, context.policy.leap_day_birthday_rule)
    age = age_words(n)
    span = status.span_on(today)
    if (
        status.category_on(target) not in _LOOKED_AFTER
        or today >= status.key_dates.birthday_18
        or span.category not in _IN_SERVICE
    ):
        return not_applicable(CODE, f"This applies to children who are looked after when they are {age} "
                              f"({fmt(target)}), until they turn 18.")
    counting = [
        a for a in personal_adviser_allocations(context.case.allocations)
        if a.start <= today and (a.end is None or a.end > target)
    ]
    first = min(counting, key=lambda a: a.start, default=None)
    return one_off(
        CODE,
        today,
        due_on=target,
        arose_on=span.start if today <= target else target,
        done_on=first.start if first else None,
        evidence=adviser_evidence(first) if first else None,
        action="allocate_personal_adviser",
        why=f"They {'will be' if today < target else 'were'} looked after when they "
        f"{'are' if today < target else 'were'} {age} ({fmt(target)})",
        owed="a personal adviser",
        done=f"A personal adviser was allocated from {fmt(first.start)}" if first else "",
        missing="No personal adviser has been allocated.",
        note=f"This is the council's own standard (a personal adviser by the age of {age}), not a legal deadline.",
    )


DUTY = Duty(
    code=CODE,
    title="Personal adviser identified by a set age",
    citation=OWN_STANDARD,
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The council's own standard: a child in care has a personal adviser by a set age, 17½ unless changed.",
    evaluate=evaluate,
    settings=("pa_identified_by_age_months", "leap_day_birthday_rule"),
)
