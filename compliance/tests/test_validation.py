"""Checks of a date of birth and a care history (ssda903-care-leavers.md §2–3)."""

from __future__ import annotations

import pytest

from compliance.facts import CareEpisode
from compliance.tests import d, episode
from compliance.validation import (
    LEGAL_STATUS_CODES,
    REASON_ENDED_CODES,
    Problem,
    check_care_history,
    check_date_of_birth,
)

TODAY = d("1 Jun 2026")
DOB = d("10 Jun 2009")


def check(*episodes: CareEpisode) -> list[Problem]:
    return check_care_history(DOB, episodes, TODAY)


def test_date_of_birth_in_the_future_is_refused() -> None:
    assert check_date_of_birth(d("2 Jun 2026"), TODAY) == [
        Problem("date_of_birth", "Date of birth must be today or in the past")
    ]
    assert check_date_of_birth(TODAY, TODAY) == []
    assert check_date_of_birth(DOB, TODAY) == []


def test_a_clean_history_has_no_problems() -> None:
    assert (
        check(
            episode("1 Jan 2020", "1 Mar 2020", "V2", "X1"),
            episode("1 Mar 2020", "1 Jun 2021", "C2", "E4A"),
            episode("1 Sep 2025", None, "C2"),
        )
        == []
    )


def test_start_before_date_of_birth() -> None:
    assert check(episode("1 Jun 2009", "1 Jul 2009")) == [
        Problem("start", "Start date must be on or after the date of birth", 0)
    ]


def test_start_in_the_future() -> None:
    assert Problem("start", "Start date must be today or in the past", 0) in check(episode("2 Jun 2026"))


def test_end_must_be_after_start() -> None:
    """Equal dates are refused too: end dates are exclusive, so that episode has no days."""
    expected = Problem("end", "End date must be after the start date", 0)
    assert expected in check(episode("1 Mar 2025", "1 Mar 2025"))
    assert expected in check(episode("1 Mar 2025", "1 Feb 2025"))


def test_end_in_the_future() -> None:
    assert check(episode("1 Mar 2025", "2 Jun 2026")) == [Problem("end", "End date must be today or in the past", 0)]


@pytest.mark.parametrize("code", LEGAL_STATUS_CODES)
def test_every_ssda903_legal_status_is_accepted(code: str) -> None:
    assert check(episode("1 Mar 2025", None, code)) == []


def test_unknown_and_missing_legal_status() -> None:
    unknown = check(episode("1 Mar 2025", None, "V1"))
    assert [p.field for p in unknown] == ["legal_status"]
    assert unknown[0].message.startswith("Legal status must be one of C1, C2, D1, E1, V2, V3, V4")
    assert check(episode("1 Mar 2025", None, "")) == [Problem("legal_status", "Select a legal status", 0)]


def test_legal_statuses_match_the_shared_code_list() -> None:
    """One list in two places must not drift: compare with compliance.codes if present."""
    codes = pytest.importorskip("compliance.codes")
    assert {c.code for c in codes.LEGAL_STATUS} == set(LEGAL_STATUS_CODES)
    assert {c.code for c in codes.REASON_EPISODE_CEASED} == set(REASON_ENDED_CODES)


def test_reason_ended_present_if_and_only_if_end_present() -> None:
    """DfE validator rule 148: DEC and REC both present or both blank."""
    missing = CareEpisode(d("1 Mar 2025"), d("1 Apr 2025"), "C2", "", "")
    extra = CareEpisode(d("1 Mar 2026"), None, "C2", "", "E8")
    assert check(missing) == [Problem("reason_ended", "Enter the reason the episode ended", 0)]
    assert check(extra) == [Problem("reason_ended", "Reason ended must be blank while the episode has no end date", 0)]


def test_unknown_reason_ended() -> None:
    problems = check(episode("1 Mar 2025", "1 Apr 2025", "C2", "E99"))
    assert [(p.field, p.index) for p in problems] == [("reason_ended", 0)]


def test_x1_needs_an_episode_starting_the_same_day() -> None:
    problems = check(episode("1 Mar 2025", "1 Apr 2025", "C2", "X1"))
    assert problems == [
        Problem(
            "reason_ended",
            "Reason ended is X1 (a new episode starts the same day), but no episode starts on 1 April 2025",
            0,
        )
    ]


def test_overlapping_episodes_name_both() -> None:
    problems = check(
        episode("1 Apr 2024", "1 Jun 2024"),
        episode("3 May 2024", "1 Jul 2024"),
    )
    assert problems == [Problem("start", "Episode starting 3 May 2024 overlaps the episode starting 1 April 2024", 1)]


def test_overlap_is_reported_on_the_later_episode_whatever_the_order() -> None:
    problems = check(episode("3 May 2024", "1 Jul 2024"), episode("1 Apr 2024", "1 Jun 2024"))
    assert problems == [Problem("start", "Episode starting 3 May 2024 overlaps the episode starting 1 April 2024", 0)]


def test_touching_episodes_do_not_overlap() -> None:
    assert check(episode("1 Apr 2024", "3 May 2024", "C2", "X1"), episode("3 May 2024", None)) == []


def test_more_than_one_open_episode() -> None:
    problems = check(episode("1 Apr 2024"), episode("3 May 2024"))
    assert (
        Problem("end", "Episode starting 1 April 2024 must have an end date, because only one episode can be open", 0)
        in problems
    )
    assert Problem("start", "Episode starting 3 May 2024 overlaps the episode starting 1 April 2024", 1) in problems
    assert len(problems) == 2


def test_problems_with_several_fields_come_in_a_stable_order() -> None:
    problems = check(CareEpisode(d("1 Jun 2009"), d("1 Jun 2009"), "ZZ", "", ""))
    assert [p.field for p in problems] == ["start", "end", "legal_status", "reason_ended"]
    assert all(p.index == 0 for p in problems)
