"""The facts about one young person that the rules read.

Plain frozen values: the Django layer maps its rows into these and the core never
sees a model. Dates only, never datetimes, so there are no time-zone slips
(statutory-rules.md §6). End dates are exclusive, as SSDA903 DEC is: the end is the
first day the state no longer holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = [
    "SHORT_BREAK_LEGAL_STATUSES",
    "CareEpisode",
    "Declaration",
    "DeclarationKind",
    "Period",
    "YoungPersonFacts",
]

# CPPCR 2010 regs 40(2) and 48: children on a pre-planned series of short breaks are
# not eligible children, and the DfE validator leaves these episodes out of the
# 13-week count (rule 1001). SSDA903 records them as LS V3/V4 (ssda903 §3).
SHORT_BREAK_LEGAL_STATUSES = frozenset({"V3", "V4"})


@dataclass(frozen=True, slots=True)
class CareEpisode:
    """One SSDA903 Episodes row.

    ``end`` is DEC: the first day the child is no longer looked after under this
    episode, or None while the episode is open. ``reason_ended`` is REC, blank
    while open; "X1" means another episode starts on the same day.
    """

    start: date
    end: date | None
    legal_status: str
    placement: str = ""
    reason_ended: str = ""

    @property
    def is_short_break(self) -> bool:
        """A reg 48 short break (LS V3/V4): never counts towards eligibility."""
        return self.legal_status in SHORT_BREAK_LEGAL_STATUSES

    def covers(self, d: date) -> bool:
        """Whether the child was looked after under this episode on ``d``."""
        return self.start <= d and (self.end is None or d < self.end)


@dataclass(frozen=True, slots=True)
class Period:
    """A continuous period; ``end`` exclusive, None while it continues."""

    start: date
    end: date | None

    def covers(self, d: date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


class DeclarationKind(StrEnum):
    """Things the young person tells the council that switch duties on or off."""

    SUPPORT_REQUESTED = "support_requested"  # wants PA support aged 21–25 (s23CZB)
    SUPPORT_DECLINED = "support_declined"  # no longer wants it
    EDUCATION_TRAINING = "education_training"  # pursues or wants to pursue education or training (s23CA)
    EDUCATION_TRAINING_ENDED = "education_training_ended"

    @property
    def label(self) -> str:
        return {
            DeclarationKind.SUPPORT_REQUESTED: "Asked for personal adviser support",
            DeclarationKind.SUPPORT_DECLINED: "Said they no longer want personal adviser support",
            DeclarationKind.EDUCATION_TRAINING: "Said they are in, or want to start, education or training",
            DeclarationKind.EDUCATION_TRAINING_ENDED: "Said they have stopped education or training",
        }[self]


@dataclass(frozen=True, slots=True)
class Declaration:
    """What the young person told the council, and the day the council was told."""

    kind: DeclarationKind
    on: date


@dataclass(frozen=True, slots=True)
class YoungPersonFacts:
    """Everything the category rules need about one young person.

    ``living_with_parent`` holds continuous periods living with a parent, a person
    with parental responsibility or the person named in a child arrangements order
    (CLR 2010 reg 3). ``detained_or_in_hospital`` holds periods of detention or
    hospital stay (CLR 2010 reg 3(2)). ``education_programme_beyond_21_until`` is
    the exclusive end of an education or training programme set out in the
    pathway plan that runs past the 21st birthday (Children Act 1989 s23C(7)).
    """

    date_of_birth: date
    episodes: tuple[CareEpisode, ...] = ()
    living_with_parent: tuple[Period, ...] = ()
    detained_or_in_hospital: tuple[Period, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    staying_put: tuple[Period, ...] = ()
    education_programme_beyond_21_until: date | None = None
    date_of_death: date | None = None
