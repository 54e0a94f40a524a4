"""Every duty the service checks, one module each, and the function that judges them all.

The order of :data:`DUTY_MODULES` is the order duties are shown in.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

from compliance.categories import LeavingCareStatus, assess
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
    """Judge every duty for one young person on ``today``."""
    status = status or assess(case.person, policy)
    context = DutyContext(case=case, status=status, policy=policy, standards=standards, today=today)
    return status, tuple(duty.evaluate(context) for duty in DUTIES)
