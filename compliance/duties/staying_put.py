"""A staying put arrangement reviewed regularly — LOCAL POLICY (configurable) on a statutory duty.

Children Act 1989 s23CZA — STATUTE-VERIFIED (statutory-rules.md §2.5): the council must
monitor a staying put arrangement and support it until the young person's 21st birthday.
The law sets no review interval: each active arrangement is reviewed at least every
``staying_put_review_months`` calendar months, from its start or its last review.
"""

from __future__ import annotations

from datetime import date

from compliance.calendar import add_months
from compliance.categories import Category
from compliance.duties.base import Duty, DutyContext, DutyResult, Evidence, SourceKind
from compliance.duties.common import OWN_STANDARD, fmt, months, not_applicable, repeating, worst

CODE = "staying_put"


def evaluate(context: DutyContext) -> DutyResult:
    today, every = context.judged_on, context.standards.staying_put_review_months
    span = context.status.span_on(today)
    active = [a for a in context.case.staying_put if a.start <= today and (a.end is None or today < a.end)]
    if not active or span.category is not Category.FORMER_RELEVANT or today >= context.status.key_dates.birthday_21:
        return not_applicable(CODE, "They have no staying put arrangement that the council must support "
                              "(former relevant young people under 21 only).")
    results = []
    for arrangement in active:
        last = max((r for r in arrangement.reviewed_on if arrangement.start <= r <= today), default=None)
        label = f"Staying put arrangement from {fmt(arrangement.start)}"
        evidence = Evidence(arrangement.ref, label, last or arrangement.start)
        results.append(repeating(
            CODE,
            today,
            last_on=last,
            started_on=arrangement.start,
            evidence=evidence,
            due_on=add_months(last or arrangement.start, every),
            action="review_staying_put",
            last=f"The staying put arrangement was last reviewed on {fmt(last)}" if last else "",
            first=f"The staying put arrangement began on {fmt(arrangement.start)}",
            owed="a review of it",
            note=f"The council reviews staying put arrangements at least every {months(every)}.",
        ))
    return worst(results)


DUTY = Duty(
    code=CODE,
    title="Staying put arrangement reviewed",
    citation=f"{OWN_STANDARD}, for monitoring staying put arrangements under the Children Act 1989, section 23CZA",
    source_kind=SourceKind.LOCAL_POLICY,
    summary="The council monitors each staying put arrangement, reviewing it at least every 6 months unless changed.",
    evaluate=evaluate,
    commences_on=date(2014, 5, 13),
    settings=("staying_put_review_months",),
)
