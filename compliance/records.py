"""The casework facts the duty rules read: what was recorded, and when it happened.

Like :mod:`compliance.facts`, plain frozen values with dates only. Each fact carries
``ref``, an opaque "kind:id" string the Django layer gives it (for example
"contact:42"), so a duty's result can point back to the record that meets it
without the core knowing anything about models.

Dates are event dates (statutory-rules.md §1.3): the day an assessment was
completed, a plan agreed, a review held, a visit made. A record without its event
date is not evidence of anything, so those fields are ``None`` and the rules say so.
End dates are exclusive, as everywhere in the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from compliance.facts import YoungPersonFacts

__all__ = [
    "SCHEDULE_1_MATTERS",
    "AccommodationSpell",
    "CaseFacts",
    "Contact",
    "ContactKind",
    "NeedsAssessment",
    "PathwayPlanVersion",
    "PlanReview",
    "ReviewReason",
    "ReviewRequest",
    "StayingPutArrangement",
    "Transfer",
    "WorkerAllocation",
]


# Care Leavers (England) Regulations 2010 Schedule 1: the matters every pathway plan
# must cover (statutory-rules.md §3 D2, STATUTE-VERIFIED). Codes are stable; the
# Django layer stores them. The reference notes a later amendment may have added an
# immigration-status matter (CPPCR reg 42(2)(ba) equivalent): "immigration" is that,
# required only where LocalStandards says so, for unaccompanied asylum seekers.
SCHEDULE_1_MATTERS: tuple[tuple[str, str], ...] = (
    ("contact_support", "Contact and personal support, and who provides it"),
    ("education_training", "Education or training"),
    ("employment", "Employment or other purposeful activity"),
    ("contingency", "Contingency plans if the pathway plan stops working"),
    ("accommodation", "Accommodation, and how suitable it is"),
    ("relationships", "Family and social relationships"),
    ("practical_skills", "Practical and other independent-living skills"),
    ("finance", "Financial support"),
    ("health", "Health, including mental health"),
    ("identity", "Identity: religion, racial origin, culture and language"),
    ("immigration", "Immigration status and what it means for the plan"),
)


@dataclass(frozen=True, slots=True)
class NeedsAssessment:
    """An assessment of needs (CPPCR 2010 reg 42; CLR 2010 reg 5). ``completed_on`` is
    the date the written result was finished; ``authorised_on`` the manager's sign-off."""

    started_on: date | None
    completed_on: date | None
    authorised_on: date | None = None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class PathwayPlanVersion:
    """One version of the pathway plan (CLR 2010 reg 6, Schedule 1).

    ``agreed_on`` is the plan's own date (the day this version was agreed), None while
    it is a draft. ``matters_covered`` holds the Schedule 1 codes whose section states
    the need, the actions, who does them and by when. ``contact_every_weeks`` is the
    agreed frequency of contact (Sch 1 para 1), None if the plan does not say.
    Sign-offs are dated; a date alone is the evidence, how it was given is not read here.
    """

    version: int
    agreed_on: date | None
    matters_covered: frozenset[str] = frozenset()
    has_contingency: bool = False
    contact_every_weeks: int | None = None
    young_person_signed_on: date | None = None
    worker_signed_on: date | None = None
    authorised_on: date | None = None
    copy_given_on: date | None = None
    ref: str = ""


class ReviewReason(StrEnum):
    """Why a pathway plan review was held (CLR 2010 reg 7)."""

    SIX_MONTHLY = "six_monthly"
    YOUNG_PERSON_ASKED = "young_person_asked"
    PERSONAL_ADVISER_JUDGED = "personal_adviser_judged"
    COUNCIL_JUDGED = "council_judged"
    AFTER_MOVE = "after_move"


@dataclass(frozen=True, slots=True)
class PlanReview:
    """A pathway plan review. ``held_on`` is the meeting date (not the write-up date).
    ``involvement_form_complete``: the review involvement form records how the young
    person and others took part. ``new_version`` says whether it produced a new plan."""

    held_on: date
    reason: ReviewReason = ReviewReason.SIX_MONTHLY
    involvement_form_complete: bool = False
    new_version: bool = False
    ref: str = ""


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    """A request for a review: by the young person, or judged necessary by the PA or council."""

    requested_on: date
    by_young_person: bool = True
    ref: str = ""


class ContactKind(StrEnum):
    VISIT_AT_ACCOMMODATION = "visit_at_accommodation"
    FACE_TO_FACE = "face_to_face"
    PHONE = "phone"
    VIDEO = "video"
    MESSAGE = "message"


@dataclass(frozen=True, slots=True)
class Contact:
    """A contact or visit. ``direct`` is False when it was through someone else (a
    carer, a college); ``attempted`` is True when nobody was seen or reached."""

    on: date
    kind: ContactKind
    direct: bool = True
    by_personal_adviser: bool = True
    attempted: bool = False
    ref: str = ""


@dataclass(frozen=True, slots=True)
class AccommodationSpell:
    """Where the young person lives (SSDA903 ACCOM code), from ``start`` until the day
    before ``end``. ``council_provided`` is True when the council provides it under
    s23B or s24B (which brings CLR 2010 reg 8(2) visits). ``suitable`` None = not judged."""

    start: date
    end: date | None
    code: str = ""
    suitable: bool | None = None
    council_provided: bool = False
    ref: str = ""


@dataclass(frozen=True, slots=True)
class WorkerAllocation:
    """A worker allocated from ``start`` until the day before ``end``.
    ``role`` is "personal_adviser" or "social_worker"."""

    role: str
    start: date
    end: date | None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Transfer:
    """A planned transfer of the case to a new worker, and the joint handover meeting.
    ``completed_on``: the day the case actually moved, None until it has."""

    planned_on: date
    handover_held_on: date | None = None
    cancelled: bool = False
    ref: str = ""
    completed_on: date | None = None


@dataclass(frozen=True, slots=True)
class StayingPutArrangement:
    """A staying put arrangement (Children Act 1989 s23CZA) and the dates it was reviewed."""

    start: date
    end: date | None
    reviewed_on: tuple[date, ...] = ()
    ref: str = ""


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """Everything the duty rules read about one young person.

    ``person`` holds the facts the category rules read (care history, declarations,
    staying put periods, death). ``closed_on`` is the day the case was closed, None while
    open; ``summary_updated_on`` the dates the case summary was saved.
    """

    person: YoungPersonFacts
    assessments: tuple[NeedsAssessment, ...] = ()
    plans: tuple[PathwayPlanVersion, ...] = ()
    reviews: tuple[PlanReview, ...] = ()
    review_requests: tuple[ReviewRequest, ...] = ()
    contacts: tuple[Contact, ...] = ()
    accommodation: tuple[AccommodationSpell, ...] = ()
    allocations: tuple[WorkerAllocation, ...] = ()
    summary_updated_on: tuple[date, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    staying_put: tuple[StayingPutArrangement, ...] = ()
    uasc: bool = False
    closed_on: date | None = None
