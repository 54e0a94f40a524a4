"""Builders for plans tests: form data in the shape the pages post, and records made
through the actions (so every fixture is a record the service itself could have written)."""

from __future__ import annotations

import datetime as dt

import pytest

from plans import actions
from plans.models import ASSESSMENT_MATTERS, SECTION_MATTERS

AGREED = dt.date(2026, 6, 1)


def date_data(name: str, day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}


def assessment_fields(author, /, *, started=dt.date(2026, 3, 2), completed=dt.date(2026, 4, 20)) -> dict:
    """A completed assessment, as the action takes it."""
    return {
        "started_on": started, "completed_on": completed, "author": author,
        **{code: f"Findings about {label.lower()}" for code, label in ASSESSMENT_MATTERS},
        "views_sought": "Jordan, their foster carer and their college tutor",
    }


def assessment_data(author, /, *, started=dt.date(2026, 3, 2), completed=dt.date(2026, 4, 20), **overrides) -> dict:
    """The same, as the page posts it."""
    fields = assessment_fields(author, started=started, completed=completed)
    data = {**fields, **date_data("started_on", started), **date_data("completed_on", completed), "author": str(author.pk)}
    del data["started_on"], data["completed_on"]
    data.update(overrides)
    return data


def section_content(matter: str) -> dict:
    return {
        "need": f"Need for {matter}",
        "actions": f"Actions for {matter}",
        "who": "Priya (personal adviser)",
        "by_when": dt.date(2027, 3, 31),
    }


def version_data(version, matters=None, **overrides) -> dict:
    data: dict[str, str] = {
        "version": str(version.version),
        "contingency_plan": "If the tenancy breaks down, Priya arranges emergency supported lodgings.",
        "young_person_views": "I want to finish my plumbing course and live near my sister.",
        "took_part": "fully",
        "how_took_part": "Met Priya twice and wrote the views section.",
        "contact_every_weeks": "4",
    }
    for matter in matters or [m for m in SECTION_MATTERS if m != "immigration"]:
        content = section_content(matter)
        data.update({f"{matter}_need": content["need"], f"{matter}_actions": content["actions"],
                     f"{matter}_who": content["who"], **date_data(f"{matter}_by_when", content["by_when"])})
    data.update(overrides)
    return data


def write_full_draft(young_person, user):
    """Version N as a draft covering every matter (but immigration) and a contingency plan."""
    version = actions.start_version(young_person, acting_user=user)
    return actions.update_version(
        version, acting_user=user, expected_version=version.version,
        sections={m: section_content(m) for m in SECTION_MATTERS if m != "immigration"},
        contingency_plan="If things go wrong, call the duty team.", young_person_views="I want my own flat.",
        took_part="fully", how_took_part="At a meeting", contact_every_weeks=4,
    )


@pytest.fixture
def draft(jordan, pa):
    return write_full_draft(jordan, pa)


@pytest.fixture
def agreed(draft, pa):
    """Jordan's version 1, agreed on 1 June 2026."""
    return actions.agree_version(draft, acting_user=pa, expected_version=draft.version, agreed_on=AGREED)


def one_of_each(young_person, user, agreed) -> dict[str, int]:
    """Beside the agreed version: a completed assessment, a review, an open request for a
    review and a draft version 2. One of every record that has a page, by name."""
    assessment = actions.record_assessment(young_person, acting_user=user, **assessment_fields(user))
    review = actions.record_review(young_person, acting_user=user, held_on=dt.date(2026, 10, 1), reason="six_monthly",
                                   attended="Jordan and Priya", outcome="unchanged", new_version=None)
    request = actions.record_review_request(young_person, acting_user=user, requested_on=dt.date(2026, 11, 2),
                                            requested_by="young_person", details="Wants to move nearer college")
    draft = actions.start_version(young_person, acting_user=user)
    return {"assessment": assessment.pk, "agreed": agreed.pk, "draft": draft.pk, "review": review.pk,
            "request": request.pk}
