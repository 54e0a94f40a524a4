"""Builders for the duty rule tests: a few people whose timelines are worked out in
statutory-rules.md §5, and small records, so each test reads like the case it checks.

People (dates as the reference writes them):
- ``EILEEN``: born 10 Jun 2009, in care since 1 Mar 2025 and still there: eligible from her
  16th birthday, 10 Jun 2025 (§5 example 1), until her 18th birthday, 10 Jun 2027.
- ``ELI``: born 10 Jun 2009, in care from 1 Sep 2025: eligible from 1 Dec 2025 (example 2).
- ``RUBY``: born 10 Jun 2009, in care 1 Sep 2025 to 1 Feb 2026: eligible from 1 Dec 2025,
  relevant from 1 Feb 2026 (example 3), former relevant with s23C duties from her 18th
  birthday (10 Jun 2027) until her 21st (10 Jun 2030), then no active duty until 25
  (10 Jun 2034) unless she asks.
- ``FRANK``: born 1 Jan 2008, in care from 1 Jan 2022 until his 18th birthday, 1 Jan 2026
  (REC E17): former relevant under s23C(1)(b) from then.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from compliance.duties import DutyResult, evaluate_all
from compliance.facts import Declaration, DeclarationKind, Period, YoungPersonFacts
from compliance.policy import LocalPolicy
from compliance.records import (
    SCHEDULE_1_MATTERS,
    AccommodationSpell,
    CaseFacts,
    Contact,
    ContactKind,
    NeedsAssessment,
    PathwayPlanVersion,
    PlanReview,
    ReviewRequest,
    StayingPutArrangement,
    Transfer,
    WorkerAllocation,
)
from compliance.standards import LocalStandards
from compliance.tests import d, episode, facts

EILEEN = facts("10 Jun 2009", episode("1 Mar 2025"))
ELI = facts("10 Jun 2009", episode("1 Sep 2025"))
RUBY = facts("10 Jun 2009", episode("1 Sep 2025", "1 Feb 2026", "V2", "E8"))
FRANK = facts("1 Jan 2008", episode("1 Jan 2022", "1 Jan 2026", "C2", "E17"))

ALL_MATTERS = frozenset(code for code, _ in SCHEDULE_1_MATTERS if code != "immigration")


def day(value: str | date) -> date:
    return value if isinstance(value, date) else d(value)


def maybe(value: str | date | None) -> date | None:
    return None if value is None else day(value)


def case(person: YoungPersonFacts, **records: object) -> CaseFacts:
    return CaseFacts(person=person, **records)  # type: ignore[arg-type]


def declared(person: YoungPersonFacts, *said: tuple[DeclarationKind, str]) -> YoungPersonFacts:
    return replace(person, declarations=tuple(Declaration(kind, d(on)) for kind, on in said))


def judge(
    code: str,
    facts_: CaseFacts | YoungPersonFacts,
    today: str | date,
    standards: LocalStandards | None = None,
    policy: LocalPolicy | None = None,
) -> DutyResult:
    """One duty's result, judged through :func:`evaluate_all` as the ledger does."""
    facts_ = facts_ if isinstance(facts_, CaseFacts) else case(facts_)
    _, results = evaluate_all(facts_, day(today), policy or LocalPolicy(), standards or LocalStandards())
    return next(r for r in results if r.code == code)


def assessment(completed: str | None, started: str | None = None, authorised: str | None = None) -> NeedsAssessment:
    return NeedsAssessment(maybe(started), maybe(completed), maybe(authorised), ref="assessment:1")


def plan(agreed: str | None, version: int = 1, **fields: object) -> PathwayPlanVersion:
    """A complete plan version unless told otherwise: every matter, a contingency plan."""
    dated = {k: maybe(v) if k.endswith("_on") else v for k, v in fields.items()}  # type: ignore[arg-type]
    values: dict[str, object] = {"matters_covered": ALL_MATTERS, "has_contingency": True, **dated}
    return PathwayPlanVersion(version, maybe(agreed), ref=f"plan:{version}", **values)  # type: ignore[arg-type]


def review(held: str | date, complete: bool = True, ref: str = "review:1") -> PlanReview:
    return PlanReview(day(held), involvement_form_complete=complete, ref=ref)


def request(on: str, by_young_person: bool = True) -> ReviewRequest:
    return ReviewRequest(d(on), by_young_person, ref="request:1")


def contact(
    on: str | date, kind: ContactKind = ContactKind.FACE_TO_FACE, ref: str = "contact:1", **fields: bool
) -> Contact:
    return Contact(day(on), kind, ref=ref, **fields)


def visit(on: str | date, ref: str = "contact:1", **fields: bool) -> Contact:
    return contact(on, ContactKind.VISIT_AT_ACCOMMODATION, ref=ref, **fields)


def council_home(start: str, end: str | None = None, ref: str = "accommodation:1") -> AccommodationSpell:
    return AccommodationSpell(d(start), maybe(end), "D", council_provided=True, ref=ref)


def adviser(
    start: str, end: str | None = None, role: str = "personal_adviser", ref: str = "allocation:1"
) -> WorkerAllocation:
    return WorkerAllocation(role, d(start), maybe(end), ref=ref)


def transfer(planned: str, held: str | None = None, cancelled: bool = False, completed: str | None = None) -> Transfer:
    return Transfer(d(planned), maybe(held), cancelled, ref="transfer:1", completed_on=maybe(completed))


def staying_put(start: str, *reviewed: str, end: str | None = None) -> StayingPutArrangement:
    return StayingPutArrangement(d(start), maybe(end), tuple(d(r) for r in reviewed), ref="staying_put:1")


def frank_staying_put(*reviewed: str, **records: object) -> CaseFacts:
    """FRANK living with his former foster carer from his 18th birthday (s23CZA)."""
    person = replace(FRANK, staying_put=(Period(d("1 Jan 2026"), None),))
    return case(person, staying_put=(staying_put("1 Jan 2026", *reviewed),), **records)


__all__ = [
    "ALL_MATTERS",
    "ELI",
    "EILEEN",
    "FRANK",
    "RUBY",
    "adviser",
    "assessment",
    "case",
    "contact",
    "council_home",
    "day",
    "declared",
    "frank_staying_put",
    "judge",
    "plan",
    "request",
    "review",
    "staying_put",
    "transfer",
    "visit",
]
