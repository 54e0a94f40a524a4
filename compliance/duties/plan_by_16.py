"""A pathway plan by the 16th birthday — LOCAL POLICY (configurable), statutory-rules.md §4
(Calderdale: "in place within 3 months of becoming eligible and by the 16th birthday").

Not a statutory deadline. It applies to a child who is, or on present records will be, an
eligible child on their 16th birthday (the category timeline assumes an open care episode
continues), from the time that is known until their 18th birthday; it is switched off by
``plan_by_16th_birthday``.
"""

from __future__ import annotations

from compliance.categories import Category
from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import (
    OWN_STANDARD,
    agreed_plans,
    fmt,
    not_applicable,
    one_off,
    plan_evidence,
    status_sentence,
)

CODE = "plan_by_16"
_IN_SERVICE = (Category.LOOKED_AFTER, Category.ELIGIBLE, Category.RELEVANT)


def evaluate(context: DutyContext) -> DutyResult:
    if not context.standards.plan_by_16th_birthday:
        return not_applicable(CODE, "The council does not set a deadline of the 16th birthday for pathway plans.")
    status, today = context.status, context.judged_on
    b16 = status.key_dates.birthday_16
    if today >= status.key_dates.birthday_18 or status.category_on(b16) is not Category.ELIGIBLE:
        return not_applicable(
            CODE, f"This applies to children who are eligible on their 16th birthday ({fmt(b16)}) until they turn 18."
        )
    span = status.span_on(today)
    if span.category not in _IN_SERVICE:
        return not_applicable(CODE, "This applies while they are looked after or a relevant child. "
                              + status_sentence(span))
    first = min(agreed_plans(context.case.plans, today), key=lambda p: (p.agreed_on, p.version), default=None)
    return one_off(
        CODE,
        today,
        due_on=b16,
        arose_on=span.start if today < b16 else b16,
        done_on=first.agreed_on if first else None,
        evidence=plan_evidence(first) if first else None,
        action="create_plan",
        why=f"They {'will be' if today < b16 else 'were'} an eligible child on their 16th birthday ({fmt(b16)})",
        owed="a pathway plan",
        done=f"Their first pathway plan was agreed on {fmt(first.agreed_on)}" if first and first.agreed_on else "",
        missing="No agreed plan has been recorded.",
        note="This is the council's own standard, not a legal deadline.",
    )


DUTY = Duty(
    code=CODE,
    title="Pathway plan by the 16th birthday",
    citation=OWN_STANDARD,
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The council's own standard: a child eligible at 16 has an agreed pathway plan by their 16th birthday.",
    evaluate=evaluate,
    settings=("plan_by_16th_birthday",),
)
