"""The GOV.UK date input: day, month and year boxes with the Design System's messages."""

from __future__ import annotations

import datetime as dt

import pytest

from web.forms import GovukDateField, GovukForm


class StartForm(GovukForm):
    start = GovukDateField(label="Start date")


def errors_for(day: str, month: str, year: str) -> list[str]:
    form = StartForm({"start_day": day, "start_month": month, "start_year": year})
    form.is_valid()
    return form.errors.get("start", [])


@pytest.mark.parametrize(
    "day, month, year, message",
    [
        ("", "", "", "Enter the start date"),
        ("1", "", "2024", "Start date must include a month"),
        ("", "", "2024", "Start date must include a day and month"),
        ("31", "4", "2024", "Start date must be a real date"),
        ("x", "4", "2024", "Start date must be a real date"),
        ("1", "4", "24", "Year must include 4 numbers"),
    ],
)
def test_messages(day, month, year, message):
    assert errors_for(day, month, year) == [message]


def test_valid_date_with_spaces():
    form = StartForm({"start_day": " 3", "start_month": "5 ", "start_year": "2024"})
    assert form.is_valid()
    assert form.cleaned_data["start"] == dt.date(2024, 5, 3)


def test_29_february_only_in_leap_years():
    assert errors_for("29", "2", "2024") == []
    assert errors_for("29", "2", "2025") == ["Start date must be a real date"]


def test_a_past_only_date_refuses_tomorrow_with_the_fields_name():
    from django import forms

    date_field = GovukDateField(label="Date of the visit", past_only=True)
    with pytest.raises(forms.ValidationError, match="Date of the visit must be today or in the past"):
        date_field.clean(["24", "11", "2026"])
    assert date_field.clean(["23", "11", "2026"]) == dt.date(2026, 11, 23)


def test_the_error_summary_links_to_the_box_to_fix():
    from web.fields import field_anchor

    class Form(GovukForm):
        seen_on = GovukDateField(label="Date of the visit")

    two_digit_year = Form({"seen_on_day": "3", "seen_on_month": "11", "seen_on_year": "26"})
    assert not two_digit_year.is_valid()
    assert field_anchor(two_digit_year["seen_on"]) == "id_seen_on_year"
    no_month = Form({"seen_on_day": "3", "seen_on_month": "", "seen_on_year": "2026"})
    assert not no_month.is_valid()
    assert field_anchor(no_month["seen_on"]) == "id_seen_on_month"
    blank = Form({})
    assert not blank.is_valid()
    assert field_anchor(blank["seen_on"]) == "id_seen_on_day"
