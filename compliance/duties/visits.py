"""Personal adviser visits at council-provided accommodation (statutory-rules.md §3 D6).

CLR 2010 reg 8(2) — STATUTE-VERIFIED: where the council provides accommodation to a relevant
or former relevant young person (under s23B or s24B), the personal adviser must visit them
at it within 7 days of it first being provided, and then at intervals of not more than two
months. "Within 7 days" counts the start day as day 0 (due on start + 7) unless
``visit_day_of_move_is_day_one`` (start + 6); SR §1.2.

Only a visit at the accommodation by the personal adviser, in which the young person was
seen, counts: phone and video calls and attempted visits never do. A move into new
council-provided accommodation starts the 7-day clock again. The middle step of reg 8(2)
(a visit before a reg 7(3) review) is not checked, because reg 7(3)'s timescales could
not be verified (see review_after_move).
"""

from __future__ import annotations

from datetime import date, timedelta

from compliance.calendar import add_months
from compliance.categories import Category
from compliance.duties.base import Duty, DutyContext, DutyResult, Evidence, SourceKind
from compliance.duties.common import CLR, council_accommodation, fmt, not_applicable, not_for_this_category, repeating
from compliance.records import Contact, ContactKind

CODE = "visits"
INTERVAL_MONTHS = 2


def qualifies(contact: Contact) -> bool:
    return contact.kind is ContactKind.VISIT_AT_ACCOMMODATION and contact.by_personal_adviser and not contact.attempted


def evaluate(context: DutyContext) -> DutyResult:
    today, standards = context.judged_on, context.standards
    span = context.status.span_on(today)
    if span.category is not Category.RELEVANT and span.category is not Category.FORMER_RELEVANT:
        return not_for_this_category(CODE, span, "relevant and former relevant young people living in "
                                     "accommodation the council provides")
    spell = council_accommodation(context.case.accommodation, today)
    if spell is None:
        return not_applicable(CODE, "They are not living in accommodation the council provides.", since=span.start)
    last: Contact | None = None
    for contact in context.case.contacts:
        if spell.start <= contact.on <= today and qualifies(contact) and (last is None or contact.on > last.on):
            last = contact
    allowed = standards.visit_within_days - (1 if standards.visit_day_of_move_is_day_one else 0)
    first_due = spell.start + timedelta(days=max(allowed, 0))
    due_on = add_months(last.on, INTERVAL_MONTHS) if last else first_due
    base = last.on if last else spell.start
    ignored = sum(1 for c in context.case.contacts if base < c.on <= today and not qualifies(c))
    note = (
        f"{ignored} other contact{'s' if ignored > 1 else ''} since {fmt(base)} did not count: only a visit by the "
        "personal adviser at the accommodation, seeing the young person, does."
        if ignored
        else ""
    )
    return repeating(
        CODE,
        today,
        last_on=last.on if last else None,
        started_on=spell.start,
        evidence=Evidence(last.ref, f"Visit at their accommodation on {fmt(last.on)}", last.on) if last else None,
        due_on=due_on,
        action="record_visit",
        last=f"Their personal adviser last visited them at their accommodation on {fmt(base)}",
        first=f"They moved into accommodation the council provides on {fmt(spell.start)}",
        owed="a visit there by their personal adviser",
        note=note,
    )


DUTY = Duty(
    code=CODE,
    title="Visits at council accommodation",
    citation=f"{CLR}, regulation 8(2)",
    source_kind=SourceKind.STATUTE,
    summary="When the council provides their accommodation, the personal adviser must visit them there within "
    "7 days and then at least every 2 months.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
    settings=("visit_within_days", "visit_day_of_move_is_day_one"),
)
