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


def govuk_datetime(value: dt.datetime | None, empty: str = "Not recorded") -> str:
    """'3 May 2024 at 2:05pm', in the service's time zone (GOV.UK style for times)."""
    if value is None:
        return empty
    local = timezone.localtime(value)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    time = f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d}{suffix}"
    if (local.hour, local.minute) == (12, 0):
        time = "midday"
    elif (local.hour, local.minute) == (0, 0):
        time = "midnight"
    return f"{govuk_date(local.date())} at {time}"
