"""Accommodation and activity spells: the SSDA903 code derived from type and suitability,
moves ending the current spell, overlaps and bad codes refused with the field named."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from circumstances import actions
from circumstances.models import AccommodationSpell, ActivitySpell
from circumstances.tests.helpers import date_fields
from conftest import client_for

pytestmark = pytest.mark.django_db


def accommodation_form(start, end=None, *, kind="U", suitable="yes", reason="", council="", version=""):
    data = {**date_fields("start", start), **date_fields("end", end), "accommodation_type": kind,
            "suitable": suitable, "unsuitable_reason": reason, "address": "", "postcode": "", "version": version}
    if council:
        data["council_provided"] = "on"
    return data


def spell(young_person, user, start, end=None, **fields):
    values = {"accommodation_type": "U", "suitable": True, "unsuitable_reason": "", "council_provided": False,
              "address": "", "postcode": "", **fields}
    return actions.record_accommodation(young_person, acting_user=user, start=start, end=end, **values)


def test_a_move_is_recorded_with_its_ssda903_code_and_audited(pa, jordan):
    url = reverse("circumstances:accommodation-create", args=[jordan.pk])
    response = client_for(pa).post(url, accommodation_form(dt.date(2026, 6, 1), kind="E", council="on"))
    assert response.status_code == 302
    assert response["Location"].endswith("#accommodation")
    saved = AccommodationSpell.objects.get(young_person=jordan)
    assert (saved.accommodation_type, saved.suitable, saved.council_provided) == ("E", True, True)
    assert saved.ssda903_code == "E1"
    assert saved.recorded_by == pa
    event = AuditEvent.objects.get(action="circumstances.record_accommodation", young_person=jordan)
    assert event.changes["accommodation_type"] == [None, "E"]
    page = client_for(pa).get(reverse("circumstances:section", args=[jordan.pk])).content.decode()
    assert "E1" in page and "Supported lodgings" in page


@pytest.mark.parametrize(
    ("kind", "suitable", "code"),
    [("U", True, "U1"), ("U", False, "U2"), ("W", False, "W2"), ("Z", True, "Z1"), ("U", None, "")],
)
def test_ssda903_code_is_type_letter_and_suitability_digit(kind, suitable, code):
    assert AccommodationSpell(accommodation_type=kind, suitable=suitable).ssda903_code == code


def test_unsuitable_needs_a_reason_which_is_shown(pa, jordan):
    url = reverse("circumstances:accommodation-create", args=[jordan.pk])
    refused = client_for(pa).post(url, accommodation_form(dt.date(2026, 6, 1), kind="W", suitable="no"))
    assert "Enter why the accommodation is not suitable" in refused.content.decode()
    assert not AccommodationSpell.objects.exists()
    client_for(pa).post(url, accommodation_form(dt.date(2026, 6, 1), kind="W", suitable="no", reason="Shared bathroom, no support"))
    assert AccommodationSpell.objects.get().ssda903_code == "W2"


def test_homeless_cannot_be_called_suitable(pa, jordan):
    with pytest.raises(ValidationError) as refused:
        spell(jordan, pa, dt.date(2026, 6, 1), accommodation_type="S", suitable=True)
    assert refused.value.message_dict == {"suitable": ["No fixed abode or homeless is always unsuitable: select Not suitable"]}


def test_bad_accommodation_code_is_refused_on_its_field(pa, jordan):
    response = client_for(pa).post(
        reverse("circumstances:accommodation-create", args=[jordan.pk]), accommodation_form(dt.date(2026, 6, 1), kind="Q")
    )
    body = response.content.decode()
    assert "Select the type of accommodation" in body and 'href="#id_accommodation_type"' in body
    with pytest.raises(ValidationError) as refused:
        spell(jordan, pa, dt.date(2026, 6, 1), accommodation_type="Q")
    assert list(refused.value.message_dict) == ["accommodation_type"]


def test_former_foster_carer_code_only_from_18(pa, jordan):
    with pytest.raises(ValidationError) as refused:
        spell(jordan, pa, dt.date(2026, 5, 2), accommodation_type="Z")
    assert refused.value.message_dict["start"] == [
        "Start date must be on or after the 18th birthday, 3 May 2026, for accommodation with former foster carers"
    ]
    assert spell(jordan, pa, dt.date(2026, 5, 3), accommodation_type="Z").ssda903_code == "Z1"


def test_moving_ends_the_current_home_on_the_day_of_the_move(pa, jordan):
    first = spell(jordan, pa, dt.date(2025, 6, 1))
    second = spell(jordan, pa, dt.date(2026, 9, 14), accommodation_type="D")
    first.refresh_from_db()
    assert first.end == dt.date(2026, 9, 14) and first.version == 2
    assert second.end is None
    assert AuditEvent.objects.filter(action="circumstances.update_accommodation", object_id=str(first.pk)).exists()


def test_overlapping_spells_are_refused_naming_the_dates(pa, jordan):
    spell(jordan, pa, dt.date(2026, 1, 1), dt.date(2026, 6, 1))
    response = client_for(pa).post(
        reverse("circumstances:accommodation-create", args=[jordan.pk]),
        accommodation_form(dt.date(2026, 3, 1), dt.date(2026, 4, 1)),
    )
    assert "These dates overlap the accommodation from 1 January 2026 to 1 June 2026" in response.content.decode()
    assert AccommodationSpell.objects.count() == 1
    # A move into a home before the current one started is an overlap too, not a takeover.
    spell(jordan, pa, dt.date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        spell(jordan, pa, dt.date(2026, 5, 1), dt.date(2026, 7, 1))
    assert refused.value.message_dict["start"] == [
        "These dates overlap the accommodation from 1 January 2026 to 1 June 2026"
    ]


def test_changing_a_spell_into_an_overlap_is_refused_and_nothing_is_saved(pa, jordan):
    earlier = spell(jordan, pa, dt.date(2026, 1, 1), dt.date(2026, 6, 1))
    later = spell(jordan, pa, dt.date(2026, 6, 1))
    url = reverse("circumstances:accommodation-edit", args=[jordan.pk, later.pk])
    response = client_for(pa).post(url, accommodation_form(dt.date(2026, 5, 1), version=str(later.version)))
    assert "These dates overlap the accommodation from 1 January 2026 to 1 June 2026" in response.content.decode()
    later.refresh_from_db()
    earlier.refresh_from_db()
    assert later.start == dt.date(2026, 6, 1) and earlier.end == dt.date(2026, 6, 1)


def test_a_change_from_a_stale_copy_is_refused(pa, jordan):
    saved = spell(jordan, pa, dt.date(2026, 1, 1))
    actions.update_accommodation(saved, acting_user=pa, expected_version=1, postcode="LS1 4AP")
    url = reverse("circumstances:accommodation-edit", args=[jordan.pk, saved.pk])
    response = client_for(pa).post(url, accommodation_form(dt.date(2026, 1, 2), version="1"))
    assert "Someone else changed this record" in response.content.decode()
    saved.refresh_from_db()
    assert saved.start == dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        (dt.date(2026, 12, 1), None, "start", "Start date must be today or in the past"),
        (dt.date(2001, 1, 1), None, "start", "Start date must be on or after the date of birth"),
        (dt.date(2026, 6, 1), dt.date(2026, 6, 1), "end", "End date must be after the start date, 1 June 2026"),
    ],
)
def test_dates_are_checked(pa, jordan, start, end, field, message):
    with pytest.raises(ValidationError) as refused:
        spell(jordan, pa, start, end)
    assert refused.value.message_dict == {field: [message]}


def test_missing_answers_are_named(pa, jordan):
    response = client_for(pa).post(
        reverse("circumstances:accommodation-create", args=[jordan.pk]),
        {**date_fields("start", None), **date_fields("end", None), "accommodation_type": "", "version": ""},
    )
    body = response.content.decode()
    for message in ("Enter the start date", "Select the type of accommodation",
                    "Select whether the accommodation is suitable"):
        assert message in body


def activity_form(start, end=None, code="F2", provider="Leeds City College", course="Level 3 Health and Social Care"):
    return {**date_fields("start", start), **date_fields("end", end), "activity": code,
            "provider": provider, "course": course, "version": ""}


def test_activity_spells_with_code_and_course(pa, jordan):
    url = reverse("circumstances:activity-create", args=[jordan.pk])
    assert client_for(pa).post(url, activity_form(dt.date(2025, 9, 1))).status_code == 302
    client_for(pa).post(url, activity_form(dt.date(2026, 7, 1), code="F5", provider="Greggs", course="Shop assistant"))
    college, job = ActivitySpell.objects.order_by("start")
    assert college.end == dt.date(2026, 7, 1) and job.activity == "F5" and job.end is None
    page = client_for(pa).get(reverse("circumstances:section", args=[jordan.pk])).content.decode()
    assert "F5: Full-time training or employment (not apprenticeship)" in page and "Shop assistant, Greggs" in page


def test_bad_activity_code_and_overlap_are_refused(pa, jordan):
    url = reverse("circumstances:activity-create", args=[jordan.pk])
    assert "Select the main activity" in client_for(pa).post(url, activity_form(dt.date(2025, 9, 1), code="F3")).content.decode()
    with pytest.raises(ValidationError) as refused:
        actions.record_activity(jordan, acting_user=pa, start=dt.date(2025, 9, 1), end=None, activity="F3", provider="", course="")
    assert list(refused.value.message_dict) == ["activity"]
    client_for(pa).post(url, activity_form(dt.date(2025, 9, 1), dt.date(2026, 7, 1)))
    overlap = client_for(pa).post(url, activity_form(dt.date(2026, 1, 5), dt.date(2026, 2, 1)))
    assert "These dates overlap the activity from 1 September 2025 to 1 July 2026" in overlap.content.decode()
    assert ActivitySpell.objects.count() == 1


def test_the_visiting_hint_belongs_to_the_council_provided_box(pa, jordan):
    """The hint about the adviser's visits sits under the council-provided checkbox's own
    label, not above the box where it reads as part of "Why it is not suitable"."""
    new = client_for(pa).get(reverse("circumstances:accommodation-create", args=[jordan.pk])).content.decode()
    box = re.search(r'<div class="govuk-checkboxes__item">.*?</div>\s*</div>', new, re.S).group(0)
    assert 'id="id_council_provided"' in box and 'aria-describedby="id_council_provided-item-hint"' in box
    assert "The personal adviser then visits there within 7 days" in box and "checked" not in box
    before_box = new[new.index('id="id_unsuitable_reason"'):new.index('<div class="govuk-checkboxes"')]
    assert "visits there" not in before_box
    # Changing a spell the council provides shows the box ticked.
    spell(jordan, pa, dt.date(2026, 6, 1), council_provided=True)
    saved = AccommodationSpell.objects.get(young_person=jordan)
    change = client_for(pa).get(reverse("circumstances:accommodation-edit", args=[jordan.pk, saved.pk])).content.decode()
    assert re.search(r'id="id_council_provided"[^>]*checked', change)
