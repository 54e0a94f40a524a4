"""What the duty rules share: who a group of duties applies to, the plan in force, the
date a duty arose, and the wording of results.

Every helper is pure and linear in the records it reads. Records dated after ``today``
are never evidence: a rule judges what was known on the day it is asked about, so the
ledger for a past day can be recomputed and gives the same answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from compliance.calendar import add_months, format_date
from compliance.care_time import DeclarationState
from compliance.categories import Category, CategorySpan, DutyFlag, LeavingCareStatus
from compliance.duties.base import DutyContext, DutyResult, DutyState, Evidence
from compliance.facts import DeclarationKind
from compliance.records import AccommodationSpell, NeedsAssessment, PathwayPlanVersion, PlanReview, WorkerAllocation

ONE_DAY = timedelta(days=1)

# Former relevant duties that carry a personal adviser and a pathway plan (SR §3 D4).
PLAN_FLAGS = frozenset({DutyFlag.S23C, DutyFlag.S23CA, DutyFlag.S23CZB})


fmt = format_date

# Citations are written out in full, for legal staff reading them beside the duty.
CLR = "Care Leavers (England) Regulations 2010"
CPPCR = "Care Planning, Placement and Case Review (England) Regulations 2010"
OWN_STANDARD = "The council's own standard"


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def months(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


def weeks(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weeks"


# -- who a duty applies to -------------------------------------------------------------


def pathway_duties_apply(span: CategorySpan) -> bool:
    """Eligible, relevant, or former relevant with s23C, s23CA or s23CZB duties: those who
    must have a personal adviser and a pathway plan (SR §3 D2–D4, requires_pa)."""
    if span.category is Category.ELIGIBLE or span.category is Category.RELEVANT:
        return True
    return span.category is Category.FORMER_RELEVANT and not PLAN_FLAGS.isdisjoint(span.flags)


def run_start(status: LeavingCareStatus, today: date, holds: Callable[[CategorySpan], bool]) -> date:
    """The first day of the unbroken run of spans, ending with today's, for which ``holds``
    is true. The caller has checked that it holds today."""
    timeline = status.timeline
    index = next(i for i in range(len(timeline) - 1, -1, -1) if timeline[i].start <= today)
    while index > 0 and holds(timeline[index - 1]):
        index -= 1
    return timeline[index].start


def not_for_this_category(code: str, span: CategorySpan, who: str) -> DutyResult:
    """NOT_APPLICABLE because of today's category; ``who`` says whom the duty is for."""
    return DutyResult(code=code, state=DutyState.NOT_APPLICABLE, since=span.start,
                      reason=f"This applies to {who}. {status_sentence(span)}")


def status_sentence(span: CategorySpan) -> str:
    """E.g. "They are a relevant child (since 1 February 2026)."."""
    since = fmt(span.start)
    if span.category is Category.NONE:
        return f"They have had no leaving-care status since {since}."
    if span.category is Category.NOT_LOOKED_AFTER:
        return f"They are not looked after (since {since})."
    if span.category is Category.LOOKED_AFTER:
        return f"They are looked after but not an eligible child (since {since})."
    return f"They are {who_they_are(span)} (since {since})."


def who_they_are(span: CategorySpan) -> str:
    """"an eligible child", "a relevant child", "a former relevant young person" …"""
    if span.category is Category.ELIGIBLE:
        return "an eligible child"
    if span.category is Category.RELEVANT:
        return "a relevant child"
    if span.category is Category.QUALIFYING:
        return "a qualifying young person"
    if span.flags:
        return "a former relevant young person"
    return "a former relevant young person with no active leaving-care duty"


PERSONAL_ADVISER = "personal_adviser"


def personal_adviser_allocations(allocations: Iterable[WorkerAllocation]) -> list[WorkerAllocation]:
    return [a for a in allocations if a.role == PERSONAL_ADVISER]


def adviser_evidence(allocation: WorkerAllocation) -> Evidence:
    return Evidence(allocation.ref, f"Personal adviser allocated from {fmt(allocation.start)}", allocation.start)


def not_applicable(code: str, reason: str, since: date | None = None, next_change_on: date | None = None) -> DutyResult:
    return DutyResult(code=code, state=DutyState.NOT_APPLICABLE, reason=reason, since=since,
                      next_change_on=next_change_on)


# -- the plan and reviews ----------------------------------------------------------------


def agreed_plans(plans: Iterable[PathwayPlanVersion], today: date) -> list[PathwayPlanVersion]:
    return [p for p in plans if p.agreed_on is not None and p.agreed_on <= today]


def current_plan(plans: Iterable[PathwayPlanVersion], today: date) -> PathwayPlanVersion | None:
    """The plan in force: the latest version agreed on or before today (by date, then
    version number, so a same-day correction wins)."""
    best = None
    for plan in agreed_plans(plans, today):
        if best is None or (plan.agreed_on, plan.version) > (best.agreed_on, best.version):  # type: ignore[operator]
            best = plan
    return best


def plan_evidence(plan: PathwayPlanVersion) -> Evidence:
    agreed: date = plan.agreed_on  # type: ignore[assignment]
    return Evidence(plan.ref, f"Pathway plan version {plan.version}, agreed {fmt(agreed)}", agreed)


def last_review(reviews: Iterable[PlanReview], today: date, since: date | None = None) -> PlanReview | None:
    """The latest review held on or before today (and on or after ``since``, if given)."""
    best = None
    for review in reviews:
        if review.held_on <= today and (since is None or review.held_on >= since):
            if best is None or review.held_on > best.held_on:
                best = review
    return best


def review_evidence(review: PlanReview) -> Evidence:
    return Evidence(review.ref, f"Pathway plan review held {fmt(review.held_on)}", review.held_on)


# -- when the assessment and plan duties arose ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Trigger:
    """Why a needs assessment and pathway plan are owed now, and by when.

    ``on``: the day the duty arose. ``assessment_due``: None when the law sets no time limit.
    ``opens``: the earliest day an assessment counts towards this duty; also the earliest
    day a plan counts when ``fresh_plan`` (s23CA and s23CZB ask for a new plan). None for
    ``assessment_owed`` False: a plan made earlier carries on and no new assessment is due.
    ``note``: a sentence the assessment result adds (why an earlier deadline still holds).
    """

    kind: str
    on: date
    why: str
    assessment_owed: bool
    assessment_due: date | None
    opens: date | None
    fresh_plan: bool = False
    note: str = ""


def trigger(context: DutyContext, span: CategorySpan) -> Trigger:
    """The assessment and plan trigger for someone :func:`pathway_duties_apply` to.

    Eligible: 3 months after the later of the 16th birthday and first eligibility (CPPCR
    2010 reg 42(1)). Relevant with no plan agreed before becoming relevant: 3 months after
    (CLR 2010 reg 5(2)(a)). s23CA: 3 months after the council was told (reg 5(2)(b)).
    s23CZB: no time limit. Former relevant under s23C only: no new assessment; the plan
    was owed from the first eligible or relevant day. An assessment completed in the
    3 months before the trigger counts (SR §3 D1; docs/rules/duties.md).

    A relevant child whose reg 42 deadline passed unmet while they were eligible keeps
    that earlier deadline until an assessment is completed: the breach began then, and
    becoming relevant does not give the council 3 more months (docs/rules/duties.md,
    choice 21).
    """
    status, today, keys = context.status, context.judged_on, context.status.key_dates
    if span.category is Category.ELIGIBLE:
        on, why = _eligible_trigger(keys.eligible_from or span.start, keys.birthday_16)
        return _timed("eligible", on, why)
    if span.category is Category.RELEVANT:
        on = run_start(status, today, lambda s: s.category is Category.RELEVANT)
        missed = _missed_while_eligible(context, on)
        if missed is not None:
            return missed
        earlier = [p for p in agreed_plans(context.case.plans, today) if p.agreed_on < on]  # type: ignore[operator]
        if earlier:
            return Trigger("relevant_with_plan", on,
                           f"They became a relevant child on {fmt(on)} with a pathway plan already in place",
                           assessment_owed=False, assessment_due=None, opens=None)
        return _timed("relevant", on, f"They became a relevant child on {fmt(on)} with no pathway plan in place")
    if DutyFlag.S23CA in span.flags:
        on = run_start(status, today, lambda s: DutyFlag.S23CA in s.flags)
        told = _declared_since(context, DeclarationKind.EDUCATION_TRAINING, DeclarationKind.EDUCATION_TRAINING_ENDED)
        why = f"They told the council on {fmt(told or on)} that they are in, or want to start, education or training"
        if told is not None and told < on:
            why += f", and the duty began when their other leaving-care duties ended on {fmt(on)}"
        return _timed("s23ca", on, why, fresh_plan=True)
    if DutyFlag.S23CZB in span.flags:
        on = run_start(status, today, lambda s: DutyFlag.S23CZB in s.flags)
        asked = _declared_since(context, DeclarationKind.SUPPORT_REQUESTED, DeclarationKind.SUPPORT_DECLINED) or on
        return Trigger("s23czb", on, f"They asked for personal adviser support on {fmt(asked)}",
                       assessment_owed=True, assessment_due=None, opens=asked, fresh_plan=True)
    # Former relevant under s23C only: the plan was owed from the first eligible or relevant day.
    first = next((s for s in status.timeline if s.category in (Category.ELIGIBLE, Category.RELEVANT)), None)
    if first is None:
        on, why = keys.birthday_18, f"They became a former relevant young person on {fmt(keys.birthday_18)}"
    else:
        on = max(first.start, keys.birthday_16)
        why = f"They became {'an eligible' if first.category is Category.ELIGIBLE else 'a relevant'} child on {fmt(on)}"
    return Trigger("former_relevant", on, why, assessment_owed=False, assessment_due=add_months(on, 3), opens=None)


def counting_assessment(assessments: Iterable[NeedsAssessment], found: Trigger, today: date) -> NeedsAssessment | None:
    """The first assessment completed between the day the trigger's window opens and today."""
    if found.opens is None:
        return None
    best = None
    for a in assessments:
        if a.completed_on is not None and found.opens <= a.completed_on <= today:
            if best is None or a.completed_on < best.completed_on:  # type: ignore[operator]
                best = a
    return best


def first_plan(context: DutyContext, found: Trigger) -> PathwayPlanVersion | None:
    """The first agreed plan that counts for the duty ``found`` describes."""
    plans = agreed_plans(context.case.plans, context.judged_on)
    if found.fresh_plan:
        plans = [p for p in plans if p.agreed_on >= found.opens]  # type: ignore[operator]
    return min(plans, key=lambda p: (p.agreed_on, p.version), default=None)


def _eligible_trigger(eligible_from: date, birthday_16: date) -> tuple[date, str]:
    """The day CPPCR reg 42's 3 months start, and the words for it."""
    on = max(birthday_16, eligible_from)
    if on == birthday_16:
        return on, f"They were an eligible child on their 16th birthday ({fmt(on)})"
    return on, f"They became an eligible child on {fmt(on)}"


def _missed_while_eligible(context: DutyContext, relevant_from: date) -> Trigger | None:
    """The eligible child's trigger, carried into the relevant run, when its deadline
    passed before ``relevant_from`` with no assessment completed by then; otherwise None.
    Any assessment completed after that meets it, late."""
    keys = context.status.key_dates
    if keys.eligible_from is None or keys.eligible_from >= relevant_from:
        return None
    on = max(keys.birthday_16, keys.eligible_from)
    due = add_months(on, 3)
    if due >= relevant_from:
        return None
    opens = add_months(on, -3)
    if any(a.completed_on is not None and opens <= a.completed_on <= due for a in context.case.assessments):
        return None
    return replace(_timed("eligible_missed", *_eligible_trigger(keys.eligible_from, keys.birthday_16)),
                   note=f"They became a relevant child on {fmt(relevant_from)}; the deadline missed while they were "
                   "an eligible child still applies.")


def _timed(kind: str, on: date, why: str, fresh_plan: bool = False) -> Trigger:
    return Trigger(kind, on, why, assessment_owed=True, assessment_due=add_months(on, 3),
                   opens=add_months(on, -3), fresh_plan=fresh_plan)


def _declared_since(context: DutyContext, on: DeclarationKind, off: DeclarationKind) -> date | None:
    """The day the young person first said ``on`` in the current unbroken run of saying it."""
    is_on, since = DeclarationState(context.case.person.declarations, on, off).state_on(context.judged_on)
    return since if is_on else None


# -- results ---------------------------------------------------------------------------------


def one_off(
    code: str,
    today: date,
    *,
    due_on: date | None,
    arose_on: date | None,
    done_on: date | None,
    evidence: Evidence | None,
    action: str,
    why: str,
    owed: str,
    done: str,
    missing: str = "None has been recorded.",
    note: str = "",
    no_deadline: str = "The law sets no time limit.",
) -> DutyResult:
    """A duty done once by a deadline. Done on or before it: met. Done after it: met and
    ``late``, and the reason says how late. Not done: due until the deadline, overdue from
    the day after. ``evidence`` is the record that met it, or (when not done) the record
    it is about.

    ``why`` says what started the clock, ``owed`` what must be done ("their needs
    assessment"), ``done`` what was done ("Their needs assessment was completed on …").
    ``no_deadline`` is said instead of a due date when ``due_on`` is None.
    """
    if done_on is not None:
        late = due_on is not None and done_on > due_on
        if due_on is None:
            timing = "."
        elif late:
            timing = f", {days((done_on - due_on).days)} late (it was due by {fmt(due_on)})."
        else:
            timing = f", on time (it was due by {fmt(due_on)})."
        return DutyResult(code=code, state=DutyState.MET, reason=sentences(done + timing, note), due_on=due_on,
                          since=done_on, evidence=evidence, late=late)
    if due_on is None:
        reason = sentences(f"{why}, so {owed} is needed.", no_deadline, note)
        return DutyResult(code=code, state=DutyState.DUE, reason=reason, since=arose_on, evidence=evidence,
                          action=action)
    if today <= due_on:
        reason = sentences(f"{why}, so {owed} is due by {fmt(due_on)}.", note)
        return DutyResult(code=code, state=DutyState.DUE, reason=reason, due_on=due_on, since=arose_on,
                          evidence=evidence, next_change_on=due_on + ONE_DAY, action=action)
    reason = sentences(f"{why}, so {owed} was due by {fmt(due_on)}.", missing, note)
    return DutyResult(code=code, state=DutyState.OVERDUE, reason=reason, due_on=due_on, since=due_on + ONE_DAY,
                      evidence=evidence, action=action)


def sentences(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def repeating(
    code: str,
    today: date,
    *,
    last_on: date | None,
    started_on: date,
    evidence: Evidence | None,
    due_on: date,
    action: str,
    last: str,
    first: str,
    owed: str,
    note: str = "",
) -> DutyResult:
    """A duty done again and again by a deadline worked out from the last time.

    ``last_on`` is the last time it was done (None if not yet, so ``first`` says what
    started the clock, e.g. "The plan was agreed on 1 June 2026"). Before the deadline:
    met if done, due if not yet; overdue from the day after the deadline.
    """
    opening = last if last_on is not None else first
    if today <= due_on:
        done = last_on is not None
        reason = sentences(f"{opening}, so {'the next one' if done else owed} is due by {fmt(due_on)}.", note)
        return DutyResult(code=code, state=DutyState.MET if done else DutyState.DUE, reason=reason, due_on=due_on,
                          since=last_on or started_on, evidence=evidence, next_change_on=due_on + ONE_DAY,
                          action="" if done else action)
    reason = sentences(f"{opening}, so {owed if last_on is None else 'the next one'} was due by {fmt(due_on)}.",
                       "None has been recorded since.", note)
    return DutyResult(code=code, state=DutyState.OVERDUE, reason=reason, due_on=due_on, since=due_on + ONE_DAY,
                      evidence=evidence, action=action)


def council_accommodation(spells: Iterable[AccommodationSpell], today: date) -> AccommodationSpell | None:
    """The council-provided accommodation (s23B or s24B) they live in today, if any."""
    best = None
    for spell in spells:
        if spell.council_provided and spell.start <= today and (spell.end is None or today < spell.end):
            if best is None or spell.start > best.start:
                best = spell
    return best


def plan_step(
    context: DutyContext, code: str, *, field: str, allowed_days: int, owed: str, done: str, action: str, note: str = ""
) -> DutyResult:
    """A dated step on the plan in force (a signature, the manager's authorisation, a copy
    given) due ``allowed_days`` after the version was agreed. A date before the version
    was agreed belongs to an earlier version or is a typing slip, so it does not count and
    the reason says so; a date after today is not evidence yet."""
    plan = plan_in_force(context, code)
    if isinstance(plan, DutyResult):
        return plan
    agreed: date = plan.agreed_on  # type: ignore[assignment]
    step_on: date | None = getattr(plan, field)
    problem = ""
    if step_on is not None and step_on < agreed:
        problem = f"{done} on {fmt(step_on)}, before this version was agreed on {fmt(agreed)}, so it does not count."
        if step_on.year < agreed.year:
            problem += " Check the year: it is earlier than the year the plan was agreed."
        step_on = None
    elif step_on is not None and step_on > context.judged_on:
        problem = f"The date recorded ({fmt(step_on)}) is in the future, so it does not count yet."
        step_on = None
    return one_off(
        code,
        context.judged_on,
        due_on=agreed + timedelta(days=allowed_days),
        arose_on=agreed,
        done_on=step_on,
        evidence=plan_evidence(plan),
        action=action,
        why=f"Pathway plan version {plan.version} was agreed on {fmt(agreed)}",
        owed=owed,
        done=f"{done} on {fmt(step_on)}" if step_on else "",
        missing=problem or "None has been recorded.",
        note=sentences(problem if context.judged_on <= agreed + timedelta(days=allowed_days) else "", note),
    )


def plan_in_force(context: DutyContext, code: str) -> PathwayPlanVersion | DutyResult:
    """The plan in force, or the NOT_APPLICABLE result when the young person has no plan
    duty or no agreed plan."""
    span = context.status.span_on(context.judged_on)
    if not pathway_duties_apply(span):
        return not_for_this_category(code, span, "young people with a pathway plan duty")
    plan = current_plan(context.case.plans, context.judged_on)
    if plan is None or plan.agreed_on is None:
        return not_applicable(code, "No pathway plan has been agreed yet.")
    return plan


def plan_content(context: DutyContext, code: str, lacks: Callable[[PathwayPlanVersion], str], has: str) -> DutyResult:
    """What the plan in force must contain, due the day the version was agreed: a version
    without it was incomplete from the start. ``lacks`` says what is missing ("" if nothing)."""
    plan = plan_in_force(context, code)
    if isinstance(plan, DutyResult):
        return plan
    agreed: date = plan.agreed_on  # type: ignore[assignment]
    opening = f"Pathway plan version {plan.version}, agreed on {fmt(agreed)},"
    missing = lacks(plan)
    if not missing:
        return DutyResult(code=code, state=DutyState.MET, since=agreed, evidence=plan_evidence(plan), due_on=agreed,
                          reason=f"{opening} {has}.")
    return DutyResult(code=code, state=DutyState.OVERDUE, since=agreed, evidence=plan_evidence(plan), due_on=agreed,
                      action="edit_plan", reason=f"{opening} {missing}.")


_WORST_FIRST = {DutyState.OVERDUE: 0, DutyState.INSUFFICIENT_DATA: 1, DutyState.DUE: 2, DutyState.MET: 3}


def worst(results: list[DutyResult], other_changes: Iterable[date] = ()) -> DutyResult:
    """One result for several records judged alike (transfers, arrangements): the worst
    state, the earliest due date among those, and the earliest day any of them changes."""
    chosen = min(results, key=lambda r: (_WORST_FIRST[r.state], r.due_on or date.max))
    changes = [d for d in (*other_changes, *(r.next_change_on for r in results)) if d is not None]
    return replace(chosen, next_change_on=min(changes, default=None))
