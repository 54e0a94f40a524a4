"""Staying put and its reviews, what the young person told the council, programmes past
21, detention or hospital; and what the app registers with the young person's record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from circumstances import actions
from circumstances.models import (
    Declaration,
    DetentionPeriod,
    EducationProgramme,
    StayingPutArrangement,
    StayingPutReview,
)
from circumstances.tests.helpers import date_fields
from conftest import allocate, client_for, make_young_person
from people.extension import ACTIONS, SECTIONS, action_link, chronology_for, record_url

pytestmark = pytest.mark.django_db


def staying_put_form(start, end=None, carer="Pat and Chris Jones", version=""):
    return {**date_fields("start", start), **date_fields("end", end), "carer": carer, "version": version}


def test_staying_put_is_recorded_and_reviewed(pa, jordan):
    url = reverse("circumstances:staying-put-create", args=[jordan.pk])
    assert client_for(pa).post(url, staying_put_form(dt.date(2026, 5, 3))).status_code == 302
    arrangement = StayingPutArrangement.objects.get(young_person=jordan)
    # The duty's action leads to a review of the latest arrangement.
    label, review_url = action_link("review_staying_put", jordan.pk)
    assert review_url == reverse("circumstances:staying-put-review-latest", args=[jordan.pk])
    response = client_for(pa).post(
        review_url, {**date_fields("reviewed_on", dt.date(2026, 11, 2)), "notes": "Carer paid on time; settled", "version": ""}
    )
    assert response.status_code == 302 and response["Location"].endswith("#staying-put")
    review = StayingPutReview.objects.get(arrangement=arrangement)
    assert review.reviewed_on == dt.date(2026, 11, 2)
    page = client_for(pa).get(reverse("circumstances:section", args=[jordan.pk])).content.decode()
    assert "With Pat and Chris Jones" in page and "Carer paid on time; settled" in page


def test_staying_put_between_18_and_21_only(pa, jordan):
    url = reverse("circumstances:staying-put-create", args=[jordan.pk])
    early = client_for(pa).post(url, staying_put_form(dt.date(2026, 5, 2)))
    assert "Start date must be on or after the 18th birthday, 3 May 2026" in early.content.decode()
    nameless = client_for(pa).post(url, staying_put_form(dt.date(2026, 5, 3), carer=""))
    assert "Enter the name of the former foster carer" in nameless.content.decode()
    assert not StayingPutArrangement.objects.exists()


def test_staying_put_arrangements_do_not_overlap(pa, jordan):
    actions.record_staying_put(jordan, acting_user=pa, start=dt.date(2026, 5, 3), end=None, carer="Pat Jones")
    with pytest.raises(ValidationError) as refused:
        actions.record_staying_put(jordan, acting_user=pa, start=dt.date(2026, 9, 1), end=None, carer="Sam Lee")
    assert refused.value.message_dict == {
        "start": ["These dates overlap the staying put arrangement from 3 May 2026 with no end date"]
    }


def test_review_dates_must_fall_within_the_arrangement(pa, jordan):
    arrangement = actions.record_staying_put(
        jordan, acting_user=pa, start=dt.date(2026, 5, 3), end=dt.date(2026, 10, 1), carer="Pat Jones"
    )
    url = reverse("circumstances:staying-put-review", args=[jordan.pk, arrangement.pk])
    before = client_for(pa).post(url, {**date_fields("reviewed_on", dt.date(2026, 4, 1)), "notes": ""})
    assert "Date of the review must be on or after the day the arrangement started, 3 May 2026" in before.content.decode()
    after = client_for(pa).post(url, {**date_fields("reviewed_on", dt.date(2026, 10, 1)), "notes": ""})
    assert "Date of the review must be before the day the arrangement ended, 1 October 2026" in after.content.decode()
    assert not StayingPutReview.objects.exists()


def test_review_without_an_arrangement_asks_for_the_arrangement_first(pa, jordan):
    response = client_for(pa).get(reverse("circumstances:staying-put-review-latest", args=[jordan.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("circumstances:staying-put-create", args=[jordan.pk])


def test_declarations_are_recorded_and_checked(pa, jordan):
    url = reverse("circumstances:declaration-create", args=[jordan.pk])
    missing = client_for(pa).post(url, {"kind": "", **date_fields("told_on", None), "note": ""}).content.decode()
    assert "Select what they told the council" in missing and "Enter the date the council was told" in missing
    future = client_for(pa).post(url, {"kind": "education_training", **date_fields("told_on", dt.date(2026, 12, 1)), "note": ""})
    assert "Date the council was told must be today or in the past" in future.content.decode()
    client_for(pa).post(url, {"kind": "education_training", **date_fields("told_on", dt.date(2026, 11, 1)), "note": "College in January"})
    declaration = Declaration.objects.get(young_person=jordan)
    assert declaration.kind_label == "Said they are in, or want to start, education or training"
    edit = reverse("circumstances:declaration-edit", args=[jordan.pk, declaration.pk])
    client_for(pa).post(edit, {"kind": "education_training_ended", **date_fields("told_on", dt.date(2026, 11, 1)),
                              "note": "", "version": "1"})
    declaration.refresh_from_db()
    assert declaration.kind == "education_training_ended" and declaration.version == 2


def declaration_form(kind, told_on, version=""):
    return {"kind": kind, **date_fields("told_on", told_on), "note": "", "version": version}


@pytest.mark.parametrize(
    ("born", "kind", "told_on", "message"),
    [
        # Molly's case in the review: a request for support dated when she was 15.
        (dt.date(2004, 3, 10), "support_requested", dt.date(2020, 1, 1),
         "Date the council was told must be on or after 10 March 2025, their 21st birthday"),
        (dt.date(2008, 5, 3), "support_requested", dt.date(2026, 11, 1),
         "Date the council was told must be on or after 3 May 2029, their 21st birthday"),
        (dt.date(2008, 5, 3), "education_training", dt.date(2026, 5, 2),
         "Date the council was told must be on or after 3 May 2026, their 18th birthday"),
        (dt.date(2001, 6, 1), "support_requested", dt.date(2026, 6, 1),
         "Date the council was told must be before 1 June 2026, their 25th birthday"),
        (dt.date(2001, 6, 1), "education_training", dt.date(2026, 11, 1),
         "Date the council was told must be before 1 June 2026, their 25th birthday"),
        (dt.date(2004, 3, 10), "support_requested", dt.date(2004, 3, 9),
         "Date the council was told must be on or after the date of birth"),
    ],
)
def test_a_declaration_only_at_the_age_it_can_be_made(pa, north, born, kind, told_on, message):
    young_person = make_young_person(date_of_birth=born, team=north)
    allocate(young_person, pa)
    response = client_for(pa).post(reverse("circumstances:declaration-create", args=[young_person.pk]),
                                   declaration_form(kind, told_on))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Declaration.objects.exists()


@pytest.mark.parametrize(
    ("born", "kind", "told_on"),
    [
        (dt.date(2004, 3, 10), "support_requested", dt.date(2025, 3, 10)),  # the 21st birthday itself
        (dt.date(2008, 5, 3), "education_training", dt.date(2026, 5, 3)),  # the 18th birthday itself
        (dt.date(2001, 6, 1), "support_requested", dt.date(2026, 5, 31)),  # the day before the 25th
        (dt.date(2008, 5, 3), "support_declined", dt.date(2026, 11, 1)),  # switching off: any age
    ],
)
def test_a_declaration_at_the_ages_it_can_be_made_is_saved(pa, north, born, kind, told_on):
    young_person = make_young_person(date_of_birth=born, team=north)
    allocate(young_person, pa)
    response = client_for(pa).post(reverse("circumstances:declaration-create", args=[young_person.pk]),
                                   declaration_form(kind, told_on))
    assert response.status_code == 302
    assert Declaration.objects.get(young_person=young_person).told_on == told_on


def test_changing_a_declaration_is_checked_too(pa, jordan):
    declaration = actions.record_declaration(jordan, acting_user=pa, kind="support_declined", told_on=dt.date(2026, 11, 1), note="")
    edit = reverse("circumstances:declaration-edit", args=[jordan.pk, declaration.pk])
    body = client_for(pa).post(edit, declaration_form("support_requested", dt.date(2026, 11, 1), version="1")).content.decode()
    assert "Date the council was told must be on or after 3 May 2029, their 21st birthday" in body
    declaration.refresh_from_db()
    assert declaration.kind == "support_declined" and declaration.version == 1


def test_the_declaration_form_says_from_what_age(pa, jordan):
    page = client_for(pa).get(reverse("circumstances:declaration-create", args=[jordan.pk])).content.decode()
    assert "A request for personal adviser support counts from their 21st birthday" in page
    assert "For example, 27 3 2026" in page and "27 3 2007" not in page


def test_programme_must_run_past_21(pa, jordan):
    url = reverse("circumstances:education-programme-create", args=[jordan.pk])
    short = client_for(pa).post(url, {"programme": "BTEC", "provider": "", **date_fields("ends_on", dt.date(2029, 5, 3))})
    assert ("Date the programme ends must be after the 21st birthday, 3 May 2029: only a programme that runs past 21 keeps support going"
            in short.content.decode())
    client_for(pa).post(url, {"programme": "BSc Nursing", "provider": "University of Leeds", **date_fields("ends_on", dt.date(2030, 7, 1))})
    assert EducationProgramme.objects.get().ends_on == dt.date(2030, 7, 1)


def test_detention_periods(pa, jordan):
    url = reverse("circumstances:detention-create", args=[jordan.pk])
    bad = client_for(pa).post(url, {"kind": "prison", **date_fields("start", dt.date(2024, 5, 1)), **date_fields("end", None), "place": ""})
    assert "Select whether they were detained or in hospital" in bad.content.decode()
    client_for(pa).post(url, {"kind": "detained", **date_fields("start", dt.date(2024, 5, 1)),
                             **date_fields("end", dt.date(2024, 8, 1)), "place": "HMYOI Wetherby"})
    overlap = client_for(pa).post(url, {"kind": "hospital", **date_fields("start", dt.date(2024, 7, 1)),
                                       **date_fields("end", dt.date(2024, 7, 5)), "place": ""})
    assert ("These dates overlap the period of detention or hospital stay from 1 May 2024 to 1 August 2024"
            in overlap.content.decode())
    assert DetentionPeriod.objects.count() == 1


def test_registered_section_links_and_chronology(pa, jordan):
    assert SECTIONS["circumstances"].title == "Accommodation and activity" and SECTIONS["circumstances"].order == 50
    assert "review_staying_put" in ACTIONS
    spell = actions.record_accommodation(
        jordan, acting_user=pa, start=dt.date(2025, 6, 1), end=None, accommodation_type="W", suitable=False,
        unsuitable_reason="No support", council_provided=False, address="", postcode="",
    )
    stay = actions.record_staying_put(jordan, acting_user=pa, start=dt.date(2026, 5, 3), end=dt.date(2026, 9, 1), carer="Pat Jones")
    declaration = actions.record_declaration(jordan, acting_user=pa, kind="education_training", told_on=dt.date(2026, 10, 1), note="")
    activity = actions.record_activity(jordan, acting_user=pa, start=dt.date(2025, 9, 1), end=None, activity="F2", provider="", course="")
    section = reverse("circumstances:section", args=[jordan.pk])
    assert record_url(f"accommodation:{spell.pk}", jordan.pk) == f"{section}#accommodation-{spell.pk}"
    assert record_url(f"staying_put:{stay.pk}", jordan.pk) == f"{section}#staying_put-{stay.pk}"
    assert record_url(f"declaration:{declaration.pk}", jordan.pk) == f"{section}#declaration-{declaration.pk}"
    assert record_url(f"activity:{activity.pk}", jordan.pk) == f"{section}#activity-{activity.pk}"
    page = client_for(pa).get(section).content.decode()
    for anchor in (f"accommodation-{spell.pk}", f"staying_put-{stay.pk}", f"declaration-{declaration.pk}", f"activity-{activity.pk}"):
        assert f'id="{anchor}"' in page
    titles = {(item.on, item.title) for item in chronology_for(jordan)}
    assert {
        (dt.date(2025, 6, 1), "Moved to new accommodation: Bed and breakfast"),
        (dt.date(2026, 5, 3), "Staying put with Pat Jones started"),
        (dt.date(2026, 9, 1), "Staying put with Pat Jones ended"),
        (dt.date(2026, 10, 1), "Said they are in, or want to start, education or training"),
    } <= titles
