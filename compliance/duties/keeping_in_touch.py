"""Keeping in touch (statutory-rules.md §3 D7).

Relevant child: Children Act 1989 s23B(1) — STATUTE-VERIFIED. Former relevant: s23C(2) —
STATUTE-VERIFIED. Qualifying: s24(4) — STATUTE-RECALLED, contact "as the council thinks
appropriate". No frequency is set in law or guidance: the interval is the one agreed in the
pathway plan (CLR 2010 Sch 1 para 1), else the council's standard for the age band
(LOCAL POLICY, SR §4): 16–17, 18–20, 21–24 receiving support (s23CA, s23CZB or s23C(7)), and
anyone not receiving support (qualifying, or former relevant with no active duty).

Any direct contact in which the young person was reached counts, by anyone and in any way.
The clock runs from the last such contact, or from the day the duty began if there has
been none since.
"""

from __future__ import annotations

from datetime import timedelta

from compliance.categories import Category, CategorySpan
from compliance.duties.base import Duty, DutyContext, DutyResult, Evidence, SourceKind
from compliance.duties.common import (
    current_plan,
    fmt,
    not_for_this_category,
    pathway_duties_apply,
    repeating,
    run_start,
    weeks,
)
from compliance.records import Contact

CODE = "keeping_in_touch"
_IN_TOUCH = (Category.RELEVANT, Category.FORMER_RELEVANT, Category.QUALIFYING)


def _applies(span: CategorySpan) -> bool:
    return span.category in _IN_TOUCH


def interval(context: DutyContext, span: CategorySpan) -> tuple[int, str]:
    """Weeks between contacts, and where that figure comes from."""
    standards, today, keys = context.standards, context.judged_on, context.status.key_dates
    if not pathway_duties_apply(span):
        return (standards.contact_weeks_21_24_not_supported,
                "the council's standard for young people not receiving support")
    plan = current_plan(context.case.plans, today)
    if plan is not None and plan.contact_every_weeks:
        return plan.contact_every_weeks, f"agreed in pathway plan version {plan.version}"
    if today < keys.birthday_18:
        return standards.contact_weeks_16_17, "the council's standard for 16 and 17 year olds"
    if today < keys.birthday_21:
        return standards.contact_weeks_18_20, "the council's standard for 18 to 20 year olds"
    return standards.contact_weeks_21_24_supported, "the council's standard for 21 to 24 year olds receiving support"


def counts(contact: Contact) -> bool:
    return contact.direct and not contact.attempted


def evaluate(context: DutyContext) -> DutyResult:
    today = context.judged_on
    span = context.status.span_on(today)
    if not _applies(span):
        return not_for_this_category(CODE, span, "relevant, former relevant and qualifying young people")
    started = run_start(context.status, today, _applies)
    every, source = interval(context, span)
    last: Contact | None = None
    for contact in context.case.contacts:
        if started <= contact.on <= today and counts(contact) and (last is None or contact.on > last.on):
            last = contact
    base = last.on if last else started
    return repeating(
        CODE,
        today,
        last_on=last.on if last else None,
        started_on=started,
        evidence=Evidence(last.ref, f"Contact on {fmt(last.on)}", last.on) if last else None,
        due_on=base + timedelta(weeks=every),
        action="record_contact",
        last=f"They were last in touch directly on {fmt(base)}",
        first=f"The council has had to keep in touch with them since {fmt(started)}",
        owed="contact",
        note=f"Contact is due at least every {weeks(every)} ({source}).",
    )


DUTY = Duty(
    code=CODE,
    title="Keeping in touch",
    citation="Children Act 1989 ss23B(1), 23C(2), 24(4); Care Leavers (England) Regulations 2010 Sch 1 para 1",
    source_kind=SourceKind.STATUTE,
    summary="The council must keep in touch with the young person, as often as their plan says or the council's "
    "standard for their age.",
    evaluate=evaluate,
    settings=(
        "contact_weeks_16_17",
        "contact_weeks_18_20",
        "contact_weeks_21_24_supported",
        "contact_weeks_21_24_not_supported",
    ),
)
