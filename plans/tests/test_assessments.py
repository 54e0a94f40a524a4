"""Needs assessments (CPPCR 2010 reg 42(2); CLR 2010 reg 5): recorded through the pages,
refused with a message naming the field, editable until a manager authorises them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from plans.models import NeedsAssessment
from plans.tests.conftest import assessment_data, date_data

pytestmark = pytest.mark.django_db


def _new(young_person):
    return reverse("plans:assessment-new", args=[young_person.pk])


def test_pa_records_a_completed_assessment(pa, jordan):
    response = client_for(pa).post(_new(jordan), assessment_data(pa))
    assessment = NeedsAssessment.objects.get(young_person=jordan)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:assessment", args=[jordan.pk, assessment.pk])
    assert assessment.completed_on == dt.date(2026, 4, 20)
    assert assessment.author == pa and assessment.recorded_by == pa
    assert assessment.health == "Findings about health, including emotional and mental health"
    event = AuditEvent.objects.get(action="plans.record_assessment")
    assert event.young_person == jordan and event.changes["started_on"] == [None, "2026-03-02"]
    page = client_for(pa).get(response["Location"]).content.decode()
    assert "Whose views were sought" in page and "their college tutor" in page


def test_an_assessment_in_progress_needs_only_its_start_date(pa, jordan):
    data = {**date_data("started_on", dt.date(2026, 11, 1)), **date_data("completed_on", None), "author": str(pa.pk)}
    response = client_for(pa).post(_new(jordan), data)
    assert response.status_code == 302, response.content.decode()
    assert NeedsAssessment.objects.get().completed_on is None


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (date_data("completed_on", dt.date(2026, 3, 1)), "completed_on", "Date completed must be on or after the date started"),
        (date_data("started_on", dt.date(2026, 11, 24)), "started_on", "Date started must be today or in the past"),
        (date_data("completed_on", dt.date(2027, 1, 5)), "completed_on", "Date completed must be today or in the past"),
        (date_data("started_on", None), "started_on", "Enter the date started"),
        ({"started_on_month": "13"}, "started_on", "Date started must be a real date"),
        ({"completed_on_year": ""}, "completed_on", "Date completed must include a year"),
        ({"author": ""}, "author", "Select the author"),
        ({"health": ""}, "health", "Enter the assessment of health, including emotional and mental health, or leave the date completed blank"),
        ({"views_sought": "  "}, "views_sought", "Enter whose views were sought, or leave the date completed blank"),
    ],
)
def test_bad_assessments_are_refused_naming_the_field(pa, jordan, overrides, field, message):
    response = client_for(pa).post(_new(jordan), assessment_data(pa, **overrides))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page
    assert not NeedsAssessment.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.fixture
def assessment(pa, jordan):
    client_for(pa).post(_new(jordan), assessment_data(pa))
    return NeedsAssessment.objects.get()


def test_a_stale_edit_is_refused_and_nothing_is_saved(pa, other_pa, manager, jordan, assessment):
    url = reverse("plans:assessment-edit", args=[jordan.pk, assessment.pk])
    first = client_for(manager).post(url, assessment_data(pa, version="1", health="Manager's change"))
    assert first.status_code == 302
    stale = client_for(pa).post(url, assessment_data(pa, version="1", health="Priya's change"))
    assert "Someone else changed this record" in stale.content.decode()
    assessment.refresh_from_db()
    assert assessment.health == "Manager's change" and assessment.version == 2


def test_manager_authorises_and_then_it_can_no_longer_change(pa, manager, jordan, assessment):
    url = reverse("plans:assessment-authorise", args=[jordan.pk, assessment.pk])
    refused = client_for(manager).post(url, {"version": "1", **date_data("authorised_on", dt.date(2026, 4, 19))})
    assert "Date authorised must be on or after 20 April 2026, when the assessment was completed" in refused.content.decode()
    response = client_for(manager).post(url, {"version": "1", **date_data("authorised_on", dt.date(2026, 4, 22))})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.authorised_on == dt.date(2026, 4, 22) and assessment.authorised_by == manager
    edit = reverse("plans:assessment-edit", args=[jordan.pk, assessment.pk])
    assert client_for(pa).get(edit)["Location"] == reverse("plans:assessment", args=[jordan.pk, assessment.pk])
    page = client_for(pa).post(edit, assessment_data(pa, version="2", health="Late change")).content.decode()
    assert "was authorised on 22 April 2026 and can no longer be changed" in page
    assessment.refresh_from_db()
    assert assessment.health != "Late change"


def test_an_assessment_in_progress_cannot_be_authorised(manager, pa, jordan):
    client_for(pa).post(_new(jordan), assessment_data(pa, **date_data("completed_on", None)))
    assessment = NeedsAssessment.objects.get()
    url = reverse("plans:assessment-authorise", args=[jordan.pk, assessment.pk])
    page = client_for(manager).post(url, {"version": "1", **date_data("authorised_on", dt.date(2026, 11, 1))}).content.decode()
    assert "Record the date the assessment was completed before authorising it" in page
    assessment.refresh_from_db()
    assert assessment.authorised_on is None


def test_a_personal_adviser_cannot_authorise(pa, jordan, assessment):
    url = reverse("plans:assessment-authorise", args=[jordan.pk, assessment.pk])
    assert client_for(pa).get(url).status_code == 403
    assert client_for(pa).post(url, {"version": "1", **date_data("authorised_on", dt.date(2026, 5, 1))}).status_code == 403
    assessment.refresh_from_db()
    assert assessment.authorised_on is None
