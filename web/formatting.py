"""Dates and ages in GOV.UK style ("3 May 2024")."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from compliance.calendar import age_on as core_age_on


def govuk_date(value: dt.date | None, empty: str = "Not recorded") -> str:
    if value is None:
        return empty
    return f"{value.day} {value:%B %Y}"


def govuk_date_short(value: dt.date | None, empty: str = "") -> str:
    if value is None:
        return empty
    return f"{value.day} {value:%b %Y}"


def age_on(date_of_birth: dt.date, on: dt.date | None = None) -> int:
    return core_age_on(date_of_birth, on or timezone.localdate())
