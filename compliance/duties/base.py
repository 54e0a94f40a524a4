"""What a duty is, and what judging one gives.

A duty is one small module (see :mod:`compliance.duties`): a stable ``code``, a title,
its citation and kind of source, the date it came into force, the settings it reads,
and one pure function from a :class:`DutyContext` to a :class:`DutyResult`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from compliance.categories import LeavingCareStatus
from compliance.policy import LocalPolicy
from compliance.records import CaseFacts
from compliance.standards import LocalStandards

__all__ = ["Duty", "DutyContext", "DutyResult", "DutyState", "Evidence", "SourceKind"]


class DutyState(StrEnum):
    MET = "met"  # done, and nothing is due now
    DUE = "due"  # not yet done, due date not passed
    OVERDUE = "overdue"  # due date passed and not done (or done wrongly)
    NOT_APPLICABLE = "not_applicable"  # the duty does not apply to this person today
    INSUFFICIENT_DATA = "insufficient_data"  # a record is missing a date the rule needs

    @property
    def label(self) -> str:
        return {
            DutyState.MET: "Met",
            DutyState.DUE: "Due",
            DutyState.OVERDUE: "Overdue",
            DutyState.NOT_APPLICABLE: "Does not apply",
            DutyState.INSUFFICIENT_DATA: "Record incomplete",
        }[self]


class SourceKind(StrEnum):
    STATUTE = "statute"
    GUIDANCE = "statutory_guidance"
    LOCAL_POLICY = "local_policy"

    @property
    def label(self) -> str:
        return {
            SourceKind.STATUTE: "Law",
            SourceKind.GUIDANCE: "Statutory guidance",
            SourceKind.LOCAL_POLICY: "Local policy",
        }[self]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The record a result rests on: its ``ref`` ("kind:id"), a short label, its date."""

    ref: str
    label: str
    on: date | None = None


@dataclass(frozen=True, slots=True)
class DutyContext:
    """Everything one judgement reads. ``judged_on`` is the day being judged (usually
    today), passed in: the core never reads the clock, and the boundary test refuses any
    ``.today`` in it, so the field is not called that."""

    case: CaseFacts
    status: LeavingCareStatus
    policy: LocalPolicy
    standards: LocalStandards
    judged_on: date


@dataclass(frozen=True, slots=True)
class DutyResult:
    """One duty judged for one young person on one day.

    ``since``: the first day the current state has held (as far as the rule can tell).
    ``next_change_on``: the next date on which the answer can change with no new record
    (a due date passing, a birthday); None if it never will by itself.
    ``action``: a key naming what would meet the duty ("record_visit", "review_plan" …),
    which the web layer turns into a link; empty when there is nothing to do.
    ``late``: MET, but done after the deadline ``due_on`` (the reason says how late), so
    late work can be told apart from work done on time.
    ``citation`` and ``source_kind``: when set, use these for this result instead of the
    duty's own, because for this young person today the duty rests on another source
    (keeping in touch after 21 with no active duty is the council's standard, not law).
    """

    code: str
    state: DutyState
    reason: str
    due_on: date | None = None
    since: date | None = None
    evidence: Evidence | None = None
    next_change_on: date | None = None
    action: str = ""
    late: bool = False
    citation: str = ""
    source_kind: SourceKind | None = None


@dataclass(frozen=True, slots=True)
class Duty:
    code: str
    title: str
    citation: str
    source_kind: SourceKind
    summary: str  # one plain-English sentence saying what the duty asks
    evaluate: Callable[[DutyContext], DutyResult]
    commences_on: date | None = None  # None: in force for as long as the service has records
    settings: tuple[str, ...] = ()  # LocalPolicy / LocalStandards field names it reads
