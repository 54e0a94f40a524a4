"""Pure checks of a date of birth and a care history, before anything is saved.

Messages follow the GOV.UK error message style ("End date must be after the start
date") so forms and imports can show them as they are. ``today`` is always passed
in: the core never reads the clock. Codes and pairings follow the SSDA903 lists in
ssda903-care-leavers.md §2–3 (DfE validator rules 144, 148, 149).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from compliance.calendar import format_date
from compliance.facts import CareEpisode

__all__ = [
    "LEGAL_STATUS_CODES",
    "REASON_ENDED_CODES",
    "Problem",
    "check_care_history",
    "check_date_of_birth",
]

# SSDA903 LS codes, 2025-26 (validator rule 144; ssda903-care-leavers.md §3).
LEGAL_STATUS_CODES = ("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3")

# SSDA903 REC codes, 2025-26 (validator rule 149; ssda903-care-leavers.md §3).
REASON_ENDED_CODES = (
    "X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
    "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input. ``index`` is the episode's position as given."""

    field: str
    message: str
    index: int | None = None


def check_date_of_birth(date_of_birth: date, today: date) -> list[Problem]:
    """A date of birth cannot be in the future (every age and deadline hangs on it;
    statutory-rules.md §1.1, §6 on corrected dates of birth)."""
    if date_of_birth > today:
        return [Problem("date_of_birth", "Date of birth must be today or in the past")]
    return []


def check_care_history(date_of_birth: date, episodes: Sequence[CareEpisode], today: date) -> list[Problem]:
    """Problems with a list of care episodes, in a stable order: each episode's own
    problems in the order given, then overlaps, then extra open episodes.

    Refused: start before the date of birth or in the future; end on or before the
    start, or in the future; unknown legal status (LS) or reason ended (REC);
    reason ended given without an end date or missing with one (validator rule
    148); "X1" with no episode starting that day; overlapping episodes; more than
    one open episode. The category rules rely on all of these (statutory-rules.md §2.1).
    """
    problems: list[Problem] = []
    for index, episode in enumerate(episodes):
        problems += _episode_problems(date_of_birth, episode, index, today)
    starts = {e.start for e in episodes}
    for index, episode in enumerate(episodes):
        if episode.reason_ended == "X1" and episode.end is not None and episode.end not in starts:
            problems.append(
                Problem(
                    "reason_ended",
                    "Reason ended is X1 (a new episode starts the same day), but no episode starts on "
                    + format_date(episode.end),
                    index,
                )
            )
    problems += _overlaps(episodes)
    open_indexes = [i for i, e in enumerate(episodes) if e.end is None]
    latest_open = max(open_indexes, key=lambda i: (episodes[i].start, i), default=None)
    for index in open_indexes:
        if index != latest_open:
            problems.append(
                Problem(
                    "end",
                    f"Episode starting {format_date(episodes[index].start)} must have an end date, "
                    "because only one episode can be open",
                    index,
                )
            )
    return problems


def _episode_problems(date_of_birth: date, episode: CareEpisode, index: int, today: date) -> list[Problem]:
    problems = []
    if episode.start < date_of_birth:
        problems.append(Problem("start", "Start date must be on or after the date of birth", index))
    if episode.start > today:
        problems.append(Problem("start", "Start date must be today or in the past", index))
    if episode.end is not None and episode.end <= episode.start:
        problems.append(Problem("end", "End date must be after the start date", index))
    elif episode.end is not None and episode.end > today:
        problems.append(Problem("end", "End date must be today or in the past", index))
    if not episode.legal_status:
        problems.append(Problem("legal_status", "Select a legal status", index))
    elif episode.legal_status not in LEGAL_STATUS_CODES:
        problems.append(Problem("legal_status", f"Legal status must be one of {', '.join(LEGAL_STATUS_CODES)}", index))
    if episode.end is not None and not episode.reason_ended:
        problems.append(Problem("reason_ended", "Enter the reason the episode ended", index))
    elif episode.end is None and episode.reason_ended:
        problems.append(Problem("reason_ended", "Reason ended must be blank while the episode has no end date", index))
    elif episode.reason_ended and episode.reason_ended not in REASON_ENDED_CODES:
        problems.append(Problem("reason_ended", f"Reason ended must be one of {', '.join(REASON_ENDED_CODES)}", index))
    return problems


def _overlaps(episodes: Sequence[CareEpisode]) -> list[Problem]:
    """Each overlapping pair once, reported on the later-starting episode.

    Touching episodes (one ends the day the next starts) do not overlap: end dates
    are exclusive. Episodes with an impossible date range are skipped (already reported).
    """
    usable = sorted(
        (i for i, e in enumerate(episodes) if e.end is None or e.end > e.start),
        key=lambda i: (episodes[i].start, i),
    )
    problems = []
    for position, later_index in enumerate(usable):
        later = episodes[later_index]
        for earlier_index in usable[:position]:
            earlier = episodes[earlier_index]
            if earlier.end is None or later.start < earlier.end:
                problems.append(
                    Problem(
                        "start",
                        f"Episode starting {format_date(later.start)} overlaps the episode starting "
                        f"{format_date(earlier.start)}",
                        later_index,
                    )
                )
    return sorted(problems, key=lambda p: p.index if p.index is not None else -1)
