"""Pathway plan reviews and requests for a review (CLR 2010 reg 7): a request stays on
the record until a review answers it; a review can lead to a new version."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from plans import actions
from plans.models import PathwayPlanVersion, PlanReview, ReviewRequest
from plans.tests.conftest import date_data

pytestmark = pytest.mark.django_db


def review_data(held_on=dt.date(2026, 10, 5), **overrides) -> dict:
    data = {
        **date_data("held_on", held_on),
        "reason": "six_monthly",
        "attended": "Jordan, Priya (personal adviser), Jordan's key worker",
        "outcome": "unchanged",
        "new_version": "",
    }
    data.update(overrides)
    return data


def request_data(requested_on=dt.date(2026, 9, 14), **overrides) -> dict:
    data = {**date_data("requested_on", requested_on), "requested_by": "young_person", "details": "Wants to move nearer college"}
    data.update(overrides)
    return data


def test_a_request_shows_until_a_review_answers_it(pa, jordan, agreed):
    client = client_for(pa)
    response = client.post(reverse("plans:request-new", args=[jordan.pk]), request_data())
    assert response.status_code == 302
    request = ReviewRequest.objects.get()
    index = reverse("plans:index", args=[jordan.pk])
    assert "A review has been asked for" in client.get(index).content.decode()

    response = client.post(reverse("plans:review-new", args=[jordan.pk]), review_data(reason="young_person_asked"))
    review = PlanReview.objects.get()
    assert response["Location"] == reverse("plans:review-involvement", args=[jordan.pk, review.pk])
    request.refresh_from_db()
    assert request.answered_by == review
    assert "A review has been asked for" not in client.get(index).content.decode()
    event = AuditEvent.objects.get(action="plans.record_review")
    assert event.changes["answered_requests"] == [None, [request.pk]]


def test_a_review_before_the_request_does_not_answer_it(pa, jordan, agreed):
    actions.record_review(jordan, acting_user=pa, held_on=dt.date(2026, 8, 1), reason="six_monthly",
                          attended="Jordan and Priya", outcome="unchanged", new_version=None)
    request = actions.record_review_request(jordan, acting_user=pa, requested_on=dt.date(2026, 9, 14),
                                            requested_by="personal_adviser", details="")
    assert request.answered_by is None
    # A request recorded late, for a day before a review already held, is answered by it.
    late = actions.record_review_request(jordan, acting_user=pa, requested_on=dt.date(2026, 7, 1),
                                         requested_by="council", details="")
    late.refresh_from_db()
    assert late.answered_by is not None


def test_moving_a_review_earlier_releases_requests_made_after_it(pa, jordan, agreed):
    review = actions.record_review(jordan, acting_user=pa, held_on=dt.date(2026, 10, 5), reason="six_monthly",
                                   attended="Jordan and Priya", outcome="unchanged", new_version=None)
    request = actions.record_review_request(jordan, acting_user=pa, requested_on=dt.date(2026, 9, 14),
                                            requested_by="young_person", details="")
    request.refresh_from_db()
    assert request.answered_by == review
    response = client_for(pa).post(
        reverse("plans:review-edit", args=[jordan.pk, review.pk]), review_data(dt.date(2026, 9, 1), version="1")
    )
    assert response.status_code == 302, response.content.decode()
    request.refresh_from_db()
    assert request.answered_by is None


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (date_data("held_on", dt.date(2026, 11, 24)), "held_on", "Date of the review must be today or in the past"),
        (date_data("held_on", None), "held_on", "Enter the date of the review"),
        ({"reason": ""}, "reason", "Select why the review was held"),
        ({"attended": ""}, "attended", "Enter who attended"),
        ({"outcome": "new_version"}, "new_version", "Select the version of the plan that came from this review"),
        ({"outcome": "perhaps"}, "outcome", "Select the outcome of the review"),
        (date_data("held_on", dt.date(2026, 5, 31)), "held_on",
         "Date of the review must be on or after 1 June 2026, when the pathway plan was first agreed"),
        ({"new_version": "new"}, "new_version", "Leave which version came from this review unselected when the plan "
         "stays as it is, or change the outcome to a new version of the plan"),
    ],
)
def test_bad_reviews_are_refused_naming_the_field(pa, jordan, agreed, overrides, field, message):
    response = client_for(pa).post(reverse("plans:review-new", args=[jordan.pk]), review_data(**overrides))
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page
    assert not PlanReview.objects.exists()
    assert PathwayPlanVersion.objects.count() == 1  # "start a new version" was refused with the rest


def test_a_request_in_the_future_is_refused(pa, jordan):
    page = client_for(pa).post(
        reverse("plans:request-new", args=[jordan.pk]), request_data(dt.date(2027, 1, 1))
    ).content.decode()
    assert "Date of the request must be today or in the past" in page
    assert "Select who asked for the review" in client_for(pa).post(
        reverse("plans:request-new", args=[jordan.pk]), request_data(requested_by="")
    ).content.decode()
    assert not ReviewRequest.objects.exists()


def test_a_review_can_start_the_new_version_it_asks_for(pa, jordan, agreed):
    response = client_for(pa).post(
        reverse("plans:review-new", args=[jordan.pk]), review_data(outcome="new_version", new_version="new")
    )
    assert response.status_code == 302, response.content.decode()
    review = PlanReview.objects.get()
    assert review.new_version.number == 2 and review.new_version.based_on == agreed
    page = client_for(pa).get(reverse("plans:version", args=[jordan.pk, review.new_version.pk])).content.decode()
    assert "This version came from the" in page


def test_a_review_cannot_claim_a_version_agreed_before_it(pa, jordan, agreed):
    response = client_for(pa).post(
        reverse("plans:review-new", args=[jordan.pk]), review_data(outcome="new_version", new_version=str(agreed.pk))
    )
    assert "Version 1 was agreed on 1 June 2026, before this review" in response.content.decode()
    assert not PlanReview.objects.exists()
    assert PathwayPlanVersion.objects.count() == 1


def test_involvement_form_is_recorded_and_the_latest_link_finds_it(pa, jordan, agreed):
    review = actions.record_review(jordan, acting_user=pa, held_on=dt.date(2026, 10, 5), reason="after_move",
                                   attended="Jordan and Priya", outcome="unchanged", new_version=None)
    assert not review.involvement_form_complete
    latest = client_for(pa).get(reverse("plans:review-involvement-latest", args=[jordan.pk]))
    url = reverse("plans:review-involvement", args=[jordan.pk, review.pk])
    assert latest["Location"] == url
    missing = client_for(pa).post(url, {"version": "1", "young_person_involvement": "", "young_person_views": "",
                                        "others_involvement": ""}).content.decode()
    assert "Select how the young person took part" in missing
    assert "Enter the young person&#39;s views, or why they did not take part" in missing
    assert "Enter how others took part" in missing
    response = client_for(pa).post(url, {
        "version": "1", "young_person_involvement": "advocate",
        "young_person_views": "Through Sam from the advocacy service: wants to stay in the flat",
        "others_involvement": "Landlord sent a report",
    })
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.involvement_form_complete and review.young_person_involvement == "advocate"
    assert AuditEvent.objects.filter(action="plans.record_review_involvement").exists()


def test_latest_involvement_with_no_review_leads_to_recording_one(pa, jordan):
    response = client_for(pa).get(reverse("plans:review-involvement-latest", args=[jordan.pk]))
    assert response["Location"] == reverse("plans:review-new", args=[jordan.pk])


def test_a_chosen_version_is_not_dropped_when_the_plan_stays_as_it_is(pa, jordan, agreed):
    second = actions.start_version(jordan, acting_user=pa)
    page = client_for(pa).post(
        reverse("plans:review-new", args=[jordan.pk]), review_data(new_version=str(second.pk))
    ).content.decode()
    assert "Leave which version came from this review unselected when the plan stays as it is" in page
    assert 'href="#id_new_version"' in page
    assert not PlanReview.objects.exists()


def test_a_review_needs_an_agreed_plan(pa, jordan):
    url = reverse("plans:review-new", args=[jordan.pk])
    page = client_for(pa).get(url).content.decode()
    assert "There is no agreed pathway plan to review" in page
    assert 'name="held_on_day"' not in page
    assert f'href="{reverse("plans:version-new", args=[jordan.pk])}">Start the pathway plan' in page
    assert client_for(pa).post(url, review_data()).status_code == 200
    draft = actions.start_version(jordan, acting_user=pa)
    page = client_for(pa).get(url).content.decode()
    assert f'href="{reverse("plans:version-agree", args=[jordan.pk, draft.pk])}">Agree version 1' in page
    with pytest.raises(ValidationError, match="There is no agreed pathway plan to review"):
        actions.record_review(jordan, acting_user=pa, held_on=dt.date(2026, 10, 5), reason="six_monthly",
                              attended="Jordan", outcome="unchanged", new_version=None)
    assert not PlanReview.objects.exists()


def test_only_those_who_may_record_a_review_see_that_there_is_no_plan(auditor, outsider, jordan):
    url = reverse("plans:review-new", args=[jordan.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(auditor).get(url).status_code == 403
    assert client_for(auditor).post(url, review_data()).status_code == 403


def test_the_review_form_says_the_earliest_date_it_accepts(pa, jordan, agreed):
    page = client_for(pa).get(reverse("plans:review-new", args=[jordan.pk])).content.decode()
    assert "on or after 1 June 2026, when the pathway plan was first agreed. For example, 27 3 2026" in page


def test_moving_a_review_before_the_plan_was_agreed_is_refused(pa, jordan, agreed):
    review = actions.record_review(jordan, acting_user=pa, held_on=dt.date(2026, 10, 5), reason="six_monthly",
                                   attended="Jordan and Priya", outcome="unchanged", new_version=None)
    page = client_for(pa).post(
        reverse("plans:review-edit", args=[jordan.pk, review.pk]), review_data(dt.date(2026, 1, 5), version="1")
    ).content.decode()
    assert "Date of the review must be on or after 1 June 2026, when the pathway plan was first agreed" in page
    review.refresh_from_db()
    assert review.held_on == dt.date(2026, 10, 5)
