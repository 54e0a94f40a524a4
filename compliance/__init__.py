"""The compliance core: leaving-care law as pure functions of a young person's facts.

No Django, no clock: callers pass the facts, the council's :class:`LocalPolicy` and,
where a rule needs one, the date to judge at (docs/decisions, shared ARCHITECTURE.md).
The public names are re-exported here; see each module for the rule citations.
"""

from __future__ import annotations

from compliance.calendar import (
    LeapDayRule,
    add_months,
    age_on,
    birthday,
    days_between,
    format_date,
    month_end_clamped,
)
from compliance.categories import (
    Category,
    CategorySpan,
    DutyFlag,
    KeyDates,
    LeavingCareStatus,
    assess,
    counted_days,
)
from compliance.facts import (
    SHORT_BREAK_LEGAL_STATUSES,
    CareEpisode,
    Declaration,
    DeclarationKind,
    Period,
    YoungPersonFacts,
)
from compliance.policy import SETTINGS, LocalPolicy, SettingInfo, SgoExitRule, describe_policy
from compliance.validation import Problem, check_care_history, check_date_of_birth

__all__ = [
    "SETTINGS",
    "SHORT_BREAK_LEGAL_STATUSES",
    "CareEpisode",
    "Category",
    "CategorySpan",
    "Declaration",
    "DeclarationKind",
    "DutyFlag",
    "KeyDates",
    "LeapDayRule",
    "LeavingCareStatus",
    "LocalPolicy",
    "Period",
    "Problem",
    "SettingInfo",
    "SgoExitRule",
    "YoungPersonFacts",
    "add_months",
    "age_on",
    "assess",
    "birthday",
    "check_care_history",
    "check_date_of_birth",
    "counted_days",
    "days_between",
    "describe_policy",
    "format_date",
    "month_end_clamped",
]
