"""Keeping in touch (statutory-rules.md §3 D7).

Relevant child: Children Act 1989 s23B(1) — STATUTE-VERIFIED. Former relevant: s23C(2) —
STATUTE-VERIFIED. Qualifying: s24(4) — STATUTE-RECALLED, contact "as the council thinks
appropriate". No frequency is set in law or guidance: the interval is the one agreed in the
pathway plan (CLR 2010 Sch 1 para 1), else the council's standard for the age band
(LOCAL POLICY, SR §4): 16–17, 18–20, 21–24 receiving support (s23CA, s23CZB or s23C(7)), and
anyone not receiving support (qualifying, or former relevant with no active duty). For a
former relevant young person with no active duty (from 21, not asking for support) no law
asks for contact (SR §3 D7): the yearly contact is the council's own standard, and the
result says so and cites it instead of the Act.

Each stretch of time uses the frequency in force then: the age band on that day, or, from
the day a plan version was agreed, that version's frequency. A frequency that starts after
the last contact and is already exceeded gives the day it starts to make contact. Once
contact is overdue it stays overdue, from the same day, until the next contact: a later
plan or a birthday never moves the day a breach began (docs/rules/duties.md, choice 14).

Any direct contact in which the young person was reached counts, by anyone and in any way.
The clock runs from the last such contact, or from the day the duty began if there has
been none since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from compliance.categories import Category, CategorySpan
from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, Evidence, SourceKind
from compliance.duties.common import (
    CLR,
    ONE_DAY,
    OWN_STANDARD,
    agreed_plans,
    current_plan,
    fmt,
    not_for_this_category,
    pathway_duties_apply,
    run_start,
    sentences,
    weeks,
)
from compliance.records import Contact

CODE = "keeping_in_touch"
_IN_TOUCH = (Category.RELEVANT, Category.FORMER_RELEVANT, Category.QUALIFYING)


def _applies(span: CategorySpan) -> bool:
    return span.category in _IN_TOUCH


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often contact is due from ``start`` until the next frequency starts.
    ``no_duty``: no leaving-care duty is active, so this is only the council's standard."""

    start: date
    weeks: int
    source: str
    no_duty: bool = False

    def same_as(self, other: Frequency) -> bool:
        return (self.weeks, self.source, self.no_duty) == (other.weeks, other.source, other.no_duty)


def frequency_on(context: DutyContext, day: date) -> Frequency:
    """The frequency in force on ``day``: the plan in force then, else the age band then."""
    standards, keys = context.standards, context.status.key_dates
    span = context.status.span_on(day)
    if not pathway_duties_apply(span):
        if span.category is Category.FORMER_RELEVANT:
            return Frequency(day, standards.contact_weeks_21_24_not_supported,
                             "the council's standard for 21 to 24 year olds not receiving support", no_duty=True)
        return Frequency(day, standards.contact_weeks_21_24_not_supported,
                         "the council's standard for young people not receiving support")
    plan = current_plan(context.case.plans, day)
    if plan is not None and plan.contact_every_weeks:
        return Frequency(day, plan.contact_every_weeks, f"agreed in pathway plan version {plan.version}")
    if day < keys.birthday_18:
        return Frequency(day, standards.contact_weeks_16_17, "the council's standard for 16 and 17 year olds")
    if day < keys.birthday_21:
        return Frequency(day, standards.contact_weeks_18_20, "the council's standard for 18 to 20 year olds")
    return Frequency(day, standards.contact_weeks_21_24_supported,
                     "the council's standard for 21 to 24 year olds receiving support")


def frequencies(context: DutyContext, start: date) -> list[Frequency]:
    """The frequencies in force from ``start`` to the day judged, in order: it can change
    when the category or duty flags change, when a plan version is agreed, and at the 18th
    and 21st birthdays."""
    today, status = context.judged_on, context.status
    changes = {span.start for span in status.timeline if start < span.start <= today}
    agreed = (p.agreed_on for p in agreed_plans(context.case.plans, today))
    changes.update(on for on in agreed if on is not None and on > start)
    changes.update(b for b in (status.key_dates.birthday_18, status.key_dates.birthday_21) if start < b <= today)
    found = [frequency_on(context, start)]
    for day in sorted(changes):
        frequency = frequency_on(context, day)
        if not frequency.same_as(found[-1]):
            found.append(frequency)
    return found


def counts(contact: Contact) -> bool:
    return contact.direct and not contact.attempted


def evaluate(context: DutyContext) -> DutyResult:
    today = context.judged_on
    span = context.status.span_on(today)
    if not _applies(span):
        return not_for_this_category(CODE, span, "relevant, former relevant and qualifying young people")
    started = run_start(context.status, today, _applies)
    last: Contact | None = None
    for contact in context.case.contacts:
        if started <= contact.on <= today and counts(contact) and (last is None or contact.on > last.on):
            last = contact
    base = last.on if last else started
    in_force = frequencies(context, started)
    now = in_force[-1]
    evidence = Evidence(last.ref, f"Contact on {fmt(last.on)}", last.on) if last else None
    citation, source_kind = (OWN_STANDARD, SourceKind.LOCAL_POLICY) if now.no_duty else ("", None)
    lead = ""
    if now.no_duty:
        lead = (f"No leaving-care duty is active now. {OWN_STANDARD} is to contact young people aged 21 to 24 who "
                f"are not receiving support at least every {weeks(now.weeks)}, so that they know they can still ask "
                "for support.")
    if last is not None:
        opening = f"They were last in touch directly on {fmt(base)}"
    elif now.no_duty:
        opening = f"No direct contact has been recorded since {fmt(started)}"
    else:
        opening = f"The council has had to keep in touch with them since {fmt(started)}"
    breach = _first_breach(in_force, base, today)
    if breach is not None:
        due_on, then = breach
        changed = not then.same_as(now)
        rule = "" if not changed and now.no_duty else _rule(then, base, "was" if changed else "is")
        if changed and not now.no_duty:
            rule = sentences(rule, _rule(now, base, "is"))
        return DutyResult(
            code=CODE, state=DutyState.OVERDUE, due_on=due_on, since=due_on + ONE_DAY, evidence=evidence,
            action="record_contact",
            reason=sentences(lead, f"{opening}, so contact was due by {fmt(due_on)}.", "None has been recorded since.",
                             rule),
            citation=citation, source_kind=source_kind,
        )
    due_on = _deadline(now, base)
    changes = [due_on + ONE_DAY, *(b for b in (context.status.key_dates.birthday_18,
                                               context.status.key_dates.birthday_21) if today < b <= due_on)]
    return DutyResult(
        code=CODE, state=DutyState.MET if last else DutyState.DUE, due_on=due_on, since=base, evidence=evidence,
        next_change_on=min(changes), action="" if last else "record_contact",
        reason=sentences(lead, f"{opening}, so {'the next contact' if last else 'contact'} is due by {fmt(due_on)}.",
                         "" if now.no_duty else _rule(now, base, "is")),
        citation=citation, source_kind=source_kind,
    )


def _deadline(frequency: Frequency, base: date) -> date:
    """The last day in time under ``frequency`` after contact on ``base``: a frequency that
    began after ``base`` and is already exceeded leaves the day it began."""
    return max(base + timedelta(weeks=frequency.weeks), frequency.start)


def _first_breach(in_force: list[Frequency], base: date, today: date) -> tuple[date, Frequency] | None:
    """The deadline that was first missed since ``base`` (up to today) and the frequency
    in force on it, or None if none was. A deadline that ended while its frequency was in
    force was missed, whatever the next day brings: a plan agreed the day after cannot
    undo it."""
    for index, frequency in enumerate(in_force):
        ends = in_force[index + 1].start if index + 1 < len(in_force) else None
        if ends is not None and ends <= base:
            continue  # over before the last contact
        due_on = _deadline(frequency, base)
        if due_on < today and (ends is None or due_on < ends):
            return due_on, frequency
    return None


def _rule(frequency: Frequency, base: date, tense: str) -> str:
    """E.g. "Contact is due at least every 8 weeks (the council's standard for 18 to 20 year olds)."."""
    frequency_words = f"at least every {weeks(frequency.weeks)} ({frequency.source})"
    if tense == "was":
        return f"At that time contact was due {frequency_words}."
    if frequency.start > base:
        return f"From {fmt(frequency.start)} contact is due {frequency_words}."
    return f"Contact is due {frequency_words}."


DUTY = Duty(
    code=CODE,
    title="Keeping in touch",
    citation=f"Children Act 1989, sections 23B(1), 23C(2) and 24(4); {CLR}, Schedule 1, paragraph 1",
    source_kind=SourceKind.STATUTE,
    summary="The council must keep in touch with the young person, as often as their plan says or the council's "
    "standard for their age. From 21, with no duty active, contact is the council's own standard only.",
    evaluate=evaluate,
    settings=(
        "contact_weeks_16_17",
        "contact_weeks_18_20",
        "contact_weeks_21_24_supported",
        "contact_weeks_21_24_not_supported",
    ),
)
