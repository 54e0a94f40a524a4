"""Synthetic care leavers for the care leaver return's tests (all invented)."""

from __future__ import annotations

import datetime as dt

from circumstances.models import AccommodationSpell, ActivitySpell
from compliance.calendar import birthday
from conftest import make_young_person
from contacts.models import Contact
from people.models import YoungPerson

YEAR_END = 2026  # 1 April 2025 to 31 March 2026


def care_leaver(
    worker,  # noqa: ANN001
    *,
    child_id: str,
    dob: dt.date = dt.date(2007, 9, 10),
    left: dt.date = dt.date(2024, 3, 10),
    contact_on: dt.date | None = dt.date(2025, 8, 1),
    activity: str = "F2",
    accommodation: str = "U",
    suitable: bool | None = True,
    team=None,  # noqa: ANN001
    episode: dict | None = None,
    **person,  # noqa: ANN003
) -> YoungPerson:
    """Looked after from 14 until ``left`` (E5), then in their own flat and at college, with a
    visit on ``contact_on``. By default 18 on 10 September 2025: in the 2025-26 OC3 cohort."""
    fields = {"team": team} if team is not None else {}
    young_person = make_young_person(
        child_id=child_id, date_of_birth=dob, **fields, **person,
        episodes=[{"start": birthday(dob, 14), "end": left, "reason_ended": "E5",
                   "home_postcode": "LC1 1AA", "placement_postcode": "LC2 2BB", **(episode or {})}],
    )
    AccommodationSpell.objects.create(young_person=young_person, start=left, accommodation_type=accommodation,
                                      suitable=suitable, recorded_by=worker)
    ActivitySpell.objects.create(young_person=young_person, start=left, activity=activity, recorded_by=worker)
    if contact_on is not None:
        visit(young_person, worker, contact_on)
    return young_person


def visit(young_person: YoungPerson, worker, on: dt.date, **fields) -> Contact:  # noqa: ANN001, ANN003
    return Contact.objects.create(young_person=young_person, on=on, kind="visit_at_accommodation", worker=worker,
                                  by_personal_adviser=True, summary="Visit", recorded_by=worker, **fields)
