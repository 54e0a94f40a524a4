"""Young people and form data the circumstances and casework tests share."""

from __future__ import annotations

import datetime as dt

from conftest import allocate, make_young_person


def make_former_relevant_22(team, worker, **fields):  # noqa: ANN001, ANN201
    """Casey: born 10 March 2004, in care from 14 until a month before 17, so relevant at
    16 and former relevant from 18; 22 on the frozen day, with no request for support yet."""
    young_person = make_young_person(
        given_name=fields.pop("given_name", "Casey"), family_name=fields.pop("family_name", "Lowe"),
        date_of_birth=dt.date(2004, 3, 10), team=team,
        episodes=[{"start": dt.date(2018, 6, 1), "end": dt.date(2021, 2, 1), "reason_ended": "E6"}],
        **fields,
    )
    allocate(young_person, worker, start=dt.date(2022, 1, 1))
    return young_person


def date_fields(name: str, day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}_day": "", f"{name}_month": "", f"{name}_year": ""}
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}
