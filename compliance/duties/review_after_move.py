"""A relevant child's plan reviewed after a move into council-provided accommodation
(statutory-rules.md §3 D3).

CLR 2010 reg 7(3) — UNVERIFIED: its existence is confirmed by the cross-reference in
reg 8(2)(b), but its timescales (a review about 28 days after the accommodation is first
provided, then at intervals of not more than 3 months) are from memory. Both numbers are
settings (``review_after_move_days``, ``review_after_move_interval_months``) and the whole
rule can be switched off (``reviews_after_council_accommodation``); every reason says so.

Each move into new council-provided accommodation starts the clock again, as for visits
(SR §3 D6). Any review held on or after the day the accommodation started counts.
"""

from __future__ import annotations

from datetime import date, timedelta

from compliance.calendar import add_months
from compliance.categories import Category
from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import (
    CLR,
    council_accommodation,
    days,
    fmt,
    last_review,
    months,
    not_applicable,
    not_for_this_category,
    repeating,
    review_evidence,
)

CODE = "review_after_move"


def evaluate(context: DutyContext) -> DutyResult:
    standards = context.standards
    if not standards.reviews_after_council_accommodation:
        return not_applicable(CODE, "The council has switched off the check of reviews after a move into "
                              "accommodation it provides.")
    span = context.status.span_on(context.judged_on)
    if span.category is not Category.RELEVANT:
        return not_for_this_category(CODE, span, "relevant children living in accommodation the council provides")
    spell = council_accommodation(context.case.accommodation, context.judged_on)
    if spell is None:
        return not_applicable(CODE, "They are not living in accommodation the council provides.", since=span.start)
    review = last_review(context.case.reviews, context.judged_on, since=spell.start)
    first_due = spell.start + timedelta(days=standards.review_after_move_days)
    interval = standards.review_after_move_interval_months
    return repeating(
        CODE,
        context.judged_on,
        last_on=review.held_on if review else None,
        started_on=spell.start,
        evidence=review_evidence(review) if review else None,
        due_on=add_months(review.held_on, interval) if review else first_due,
        action="review_plan",
        last=f"They moved into accommodation the council provides on {fmt(spell.start)} and the last review "
        f"was on {fmt(review.held_on)}" if review else "",
        first=f"They moved into accommodation the council provides on {fmt(spell.start)}",
        owed="a review",
        note=f"A review is due {days(standards.review_after_move_days)} after the move, then at least every "
        f"{months(interval)} (a timescale set by the council; check with your legal team).",
    )


DUTY = Duty(
    code=CODE,
    title="Review after moving into council accommodation",
    citation=f"{CLR}, regulation 7(3)",
    source_kind=SourceKind.STATUTE,
    summary="A relevant child's plan is reviewed soon after they move into accommodation the council provides, "
    "then regularly while they live there.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
    settings=("reviews_after_council_accommodation", "review_after_move_days", "review_after_move_interval_months"),
)
