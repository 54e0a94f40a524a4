"""Every duty the service checks, one module each, and the function that judges them all.

The order of :data:`DUTY_MODULES` is the order duties are shown in.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

from compliance.calendar import format_date

from compliance.categories import LeavingCareStatus, assess
from compliance.category_rules import DIED_EXIT
from compliance.duties.base import Duty, DutyContext, DutyResult, DutyState, Evidence, SourceKind
from compliance.policy import LocalPolicy
from compliance.records import CaseFacts
from compliance.standards import LocalStandards

__all__ = [
    "DUTIES",
    "Duty",
    "DutyContext",
    "DutyResult",
    "DutyState",
    "Evidence",
    "SourceKind",
    "evaluate_all",
]

DUTY_MODULES = (
    "needs_assessment",
    "plan_in_place",
    "plan_by_16",
    "plan_review",
    "review_on_request",
    "review_after_move",
    "plan_signed_young_person",
    "plan_signed_worker",
    "plan_authorised",
    "plan_copy_given",
    "contingency_plan",
    "schedule_1_matters",
    "personal_adviser",
    "pa_identified_by_age",
    "visits",
    "keeping_in_touch",
    "review_involvement",
    "case_summary",
    "joint_handover",
    "closure",
    "staying_put",
)

DUTIES: tuple[Duty, ...] = tuple(import_module(f"compliance.duties.{name}").DUTY for name in DUTY_MODULES)


def evaluate_all(
    case: CaseFacts,
    today: date,
    policy: LocalPolicy = LocalPolicy(),
    standards: LocalStandards = LocalStandards(),
    status: LeavingCareStatus | None = None,
) -> tuple[LeavingCareStatus, tuple[DutyResult, ...]]:
    """Judge every duty for one young person on ``today``.

    What holds for every duty is decided here, once: before a duty came into force it does
    not apply; on a closed case, after death and before birth only ``closure`` is judged
    (and not even that before birth). Each result's ``next_change_on`` is brought forward
    to the next change of category or duty flags, and to a future closure date, because
    any of those can change any answer.
    """
    status = status or assess(case.person, policy)
    context = DutyContext(case=case, status=status, policy=policy, standards=standards, judged_on=today)
    stopped = _stopped(case, today)
    changes = [d for d in (status.next_change_after(today), case.closed_on) if d is not None and d > today]
    next_change = min(changes, default=None)
    results = []
    for duty in DUTIES:
        if duty.commences_on is not None and today < duty.commences_on:
            results.append(_not_applicable(duty, f"This duty came into force on {format_date(duty.commences_on)}.",
                                           None, duty.commences_on))
        elif stopped is not None and (duty.code != CLOSURE or today < case.person.date_of_birth):
            results.append(_not_applicable(duty, *stopped, None))
        else:
            result = duty.evaluate(context)
            if next_change is not None and (result.next_change_on is None or next_change < result.next_change_on):
                # dataclasses.replace() costs more than the rule itself at 100,000 people.
                result = DutyResult(code=result.code, state=result.state, reason=result.reason, due_on=result.due_on,
                                    since=result.since, evidence=result.evidence, next_change_on=next_change,
                                    action=result.action, late=result.late, citation=result.citation,
                                    source_kind=result.source_kind)
            results.append(result)
    return status, tuple(results)


CLOSURE = "closure"


def _stopped(case: CaseFacts, today: date) -> tuple[str, date | None] | None:
    """Why no duty but closure applies today (reason, since), or None. Death is read as
    the category rules read it: the date of death, or the end of care ending "died" (E2)."""
    person = case.person
    if today < person.date_of_birth:
        return f"They were born on {format_date(person.date_of_birth)}.", None
    died = person.date_of_death or next((e.end for e in person.episodes if e.reason_ended == DIED_EXIT and e.end), None)
    if died is not None and died <= today:
        return f"They died on {format_date(died)}.", died
    if case.closed_on is not None and case.closed_on <= today:
        return f"The case was closed on {format_date(case.closed_on)}.", case.closed_on
    return None


def _not_applicable(duty: Duty, reason: str, since: date | None, next_change_on: date | None) -> DutyResult:
    return DutyResult(code=duty.code, state=DutyState.NOT_APPLICABLE, reason=reason, since=since,
                      next_change_on=next_change_on)
