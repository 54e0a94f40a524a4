"""Pathway plan versions (CLR 2010 reg 6, Schedule 1): drafts, agreement, copying into a
new version, sign-off, authorisation and the copy given to the young person."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from plans import actions
from plans.models import SECTION_MATTERS, PathwayPlanVersion
from plans.tests.conftest import AGREED, assessment_fields, date_data, section_content, version_data

pytestmark = pytest.mark.django_db


def _url(name, version, *extra):
    return reverse(f"plans:{name}", args=[version.plan.young_person_id, version.pk, *extra])


def test_starting_the_plan_makes_a_draft_with_a_section_per_matter(pa, jordan):
    response = client_for(pa).post(reverse("plans:version-new", args=[jordan.pk]))
    version = PathwayPlanVersion.objects.get(plan__young_person=jordan)
    assert response["Location"] == _url("version-edit", version)
    assert version.number == 1 and version.is_draft
    assert sorted(version.sections.values_list("matter", flat=True)) == sorted(SECTION_MATTERS)
    assert AuditEvent.objects.filter(action="plans.start_version", young_person=jordan).count() == 1


def test_pa_writes_the_draft_through_the_page(pa, jordan):
    version = actions.start_version(jordan, acting_user=pa)
    response = client_for(pa).post(_url("version-edit", version), version_data(version))
    assert response.status_code == 302, response.content.decode()
    version.refresh_from_db()
    health = version.sections.get(matter="health")
    assert health.need == "Need for health" and health.by_when == dt.date(2027, 3, 31) and health.is_covered
    assert version.contact_every_weeks == 4 and version.took_part == "fully"
    event = AuditEvent.objects.get(action="plans.update_version")
    assert event.changes["health.need"] == ["", "Need for health"]
    page = client_for(pa).get(_url("version", version)).content.decode()
    assert "10 of 10 matters covered" in page


def test_the_immigration_section_is_shown_only_for_an_unaccompanied_asylum_seeker(pa, jordan):
    version = actions.start_version(jordan, acting_user=pa)
    assert "Immigration status" not in client_for(pa).get(_url("version-edit", version)).content.decode()
    jordan.uasc = True
    jordan.save()
    assert "Immigration status" in client_for(pa).get(_url("version-edit", version)).content.decode()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"health_by_when_month": "14"}, "health_by_when", "Target date for health must be a real date"),
        ({"finance_by_when_year": ""}, "finance_by_when", "Target date for financial support must include a year"),
        ({"contact_every_weeks": "0"}, "contact_every_weeks", "Agreed frequency of contact must be between 1 and 52 weeks"),
        ({"contact_every_weeks": "often"}, "contact_every_weeks", "must be a whole number of weeks"),
        ({"took_part": "maybe"}, "took_part", "Select whether they took part in writing this plan"),
        ({"health_who": "x" * 201}, "health_who", "Who will do it for health must be 200 characters or fewer"),
    ],
)
def test_bad_plan_content_is_refused_naming_the_field(pa, jordan, overrides, field, message):
    version = actions.start_version(jordan, acting_user=pa)
    response = client_for(pa).post(_url("version-edit", version), version_data(version, **overrides))
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page
    assert not version.sections.exclude(need="").exists()


def test_a_stale_draft_edit_is_refused(pa, manager, jordan):
    version = actions.start_version(jordan, acting_user=pa)
    assert client_for(manager).post(_url("version-edit", version), version_data(version, contact_every_weeks="2")).status_code == 302
    stale = client_for(pa).post(_url("version-edit", version), version_data(version, contact_every_weeks="8"))
    assert "Someone else changed this record" in stale.content.decode()
    version.refresh_from_db()
    assert version.contact_every_weeks == 2


def test_agreeing_fixes_the_date_and_then_the_content(pa, jordan, draft):
    url = _url("version-agree", draft)
    future = client_for(pa).post(url, {"version": str(draft.version), **date_data("agreed_on", dt.date(2026, 12, 1))})
    assert "Date agreed must be today or in the past" in future.content.decode()
    assert client_for(pa).post(url, {"version": str(draft.version), **date_data("agreed_on", AGREED)}).status_code == 302
    draft.refresh_from_db()
    assert draft.agreed_on == AGREED
    refused = client_for(pa).post(_url("version-edit", draft), version_data(draft, contingency_plan="Changed"))
    assert "was agreed on 1 June 2026 and cannot be changed: start a new version" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.contingency_plan != "Changed"


def test_a_new_version_copies_the_previous_content_but_not_its_sign_offs(pa, manager, jordan, agreed):
    actions.sign_version(agreed, acting_user=pa, expected_version=agreed.version,
                         young_person_signed_on=dt.date(2026, 6, 2), young_person_signed_how="in_person",
                         worker_signed_on=dt.date(2026, 6, 2), worker_signed_how="in_person")
    response = client_for(pa).post(reverse("plans:version-new", args=[jordan.pk]))
    second = PathwayPlanVersion.objects.get(plan__young_person=jordan, number=2)
    assert response["Location"] == _url("version-edit", second)
    assert second.based_on_id == agreed.pk and second.is_draft
    assert second.contingency_plan == agreed.contingency_plan and second.contact_every_weeks == 4
    assert second.sections.get(matter="accommodation").actions == "Actions for accommodation"
    assert second.young_person_signed_on is None and second.worker_signed_on is None
    # Only one draft at a time: "Start a new version" leads back to it.
    again = client_for(pa).get(reverse("plans:version-new", args=[jordan.pk]))
    assert again["Location"] == _url("version-edit", second)
    with pytest.raises(Exception, match="Version 2 is still a draft"):
        actions.start_version(jordan, acting_user=pa)


def test_a_later_version_cannot_be_agreed_before_the_one_it_replaces(pa, jordan, agreed):
    second = actions.start_version(jordan, acting_user=pa)
    page = client_for(pa).post(
        _url("version-agree", second), {"version": str(second.version), **date_data("agreed_on", dt.date(2026, 5, 1))}
    ).content.decode()
    assert "Date agreed must be on or after 1 June 2026, when version 1 was agreed" in page


def _sign(version, **fields):
    data = {"version": str(version.version), "young_person_signed_how": "", "worker_signed_how": ""}
    data.update(date_data("young_person_signed_on", None))
    data.update(date_data("worker_signed_on", None))
    data.update(fields)
    return data


def test_a_sign_off_before_the_version_was_agreed_is_refused(pa, jordan, agreed):
    response = client_for(pa).post(
        _url("version-sign", agreed),
        _sign(agreed, young_person_signed_how="portal", **date_data("young_person_signed_on", dt.date(2026, 5, 20))),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Date the young person signed must be on or after 1 June 2026, when this version was agreed" in page
    assert 'href="#id_young_person_signed_on_day"' in page
    agreed.refresh_from_db()
    assert agreed.young_person_signed_on is None


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"young_person_signed_how": "portal"}, "Enter the date the young person signed"),
        (date_data("worker_signed_on", dt.date(2026, 6, 3)), "Select how the worker signed"),
        ({**date_data("worker_signed_on", dt.date(2026, 11, 30)), "worker_signed_how": "in_person"},
         "Date the worker signed must be today or in the past"),
        ({}, "Enter the date the young person signed, or the date the worker signed"),
    ],
)
def test_incomplete_sign_offs_are_refused(pa, jordan, agreed, fields, message):
    page = client_for(pa).post(_url("version-sign", agreed), _sign(agreed, **fields)).content.decode()
    assert "There is a problem" in page and message in page


def test_a_stale_sign_off_is_refused(pa, manager, jordan, agreed):
    url = _url("version-sign", agreed)
    first = _sign(agreed, young_person_signed_how="portal", **date_data("young_person_signed_on", dt.date(2026, 6, 2)))
    assert client_for(manager).post(url, first).status_code == 302
    second = _sign(agreed, young_person_signed_how="phone", **date_data("young_person_signed_on", dt.date(2026, 6, 9)))
    assert "Someone else changed this record" in client_for(pa).post(url, second).content.decode()
    agreed.refresh_from_db()
    assert agreed.young_person_signed_on == dt.date(2026, 6, 2) and agreed.young_person_signed_how == "portal"


def test_sign_off_is_recorded_with_how_it_was_given_and_who_signed_as_worker(pa, jordan, agreed):
    data = _sign(
        agreed, young_person_signed_how="portal", worker_signed_how="in_person",
        **date_data("young_person_signed_on", dt.date(2026, 6, 1)), **date_data("worker_signed_on", dt.date(2026, 6, 4)),
    )
    assert client_for(pa).post(_url("version-sign", agreed), data).status_code == 302
    agreed.refresh_from_db()
    assert agreed.young_person_signed_on == dt.date(2026, 6, 1) and agreed.young_person_signed_how == "portal"
    assert agreed.worker_signed_by == pa
    page = client_for(pa).get(_url("version", agreed)).content.decode()
    assert "1 June 2026, electronically, in the portal" in page


def test_a_version_must_be_agreed_before_it_is_signed(pa, jordan, draft):
    data = _sign(draft, young_person_signed_how="portal", **date_data("young_person_signed_on", dt.date(2026, 6, 1)))
    page = client_for(pa).post(_url("version-sign", draft), data).content.decode()
    assert "Agree version 1 before recording sign-off" in page


def test_only_a_manager_authorises_a_version(pa, manager, admin_user, jordan, agreed):
    url = _url("version-authorise", agreed)
    assert client_for(pa).get(url).status_code == 403
    early = client_for(manager).post(url, {"version": str(agreed.version), **date_data("authorised_on", dt.date(2026, 5, 30))})
    assert "Date authorised must be on or after 1 June 2026, when this version was agreed" in early.content.decode()
    response = client_for(admin_user).post(url, {"version": str(agreed.version), **date_data("authorised_on", dt.date(2026, 6, 8))})
    assert response.status_code == 302
    agreed.refresh_from_db()
    assert agreed.authorised_on == dt.date(2026, 6, 8) and agreed.authorised_by == admin_user


def test_copy_given_is_recorded_with_how(pa, jordan, agreed):
    url = _url("version-copy", agreed)
    missing = client_for(pa).post(url, {"version": str(agreed.version), **date_data("copy_given_on", dt.date(2026, 6, 5))})
    assert "Select how the copy was given" in missing.content.decode()
    response = client_for(pa).post(
        url, {"version": str(agreed.version), "copy_given_how": "email", **date_data("copy_given_on", dt.date(2026, 6, 5))}
    )
    assert response.status_code == 302
    agreed.refresh_from_db()
    assert agreed.copy_given_on == dt.date(2026, 6, 5) and agreed.copy_given_how == "email"


def test_current_version_links_lead_to_the_right_version(pa, jordan, agreed):
    client = client_for(pa)
    current = lambda step: client.get(reverse("plans:current", args=[jordan.pk, step]))["Location"]  # noqa: E731
    assert current("sign") == _url("version-sign", agreed)
    assert current("copy-given") == _url("version-copy", agreed)
    assert current("edit") == reverse("plans:version-new", args=[jordan.pk])
    second = actions.start_version(jordan, acting_user=pa)
    assert current("edit") == _url("version-edit", second)
    assert current("sign") == _url("version-sign", agreed)  # the draft is not signed; the version in force is
    assert client.get(reverse("plans:current", args=[jordan.pk, "nonsense"])).status_code == 404


# -- what a version can be agreed on (review 3, S1 and S2) ---------------------------------


def _agree(version, day):
    return {"version": str(version.version), **date_data("agreed_on", day)}


def test_a_version_cannot_be_agreed_before_the_needs_assessment_it_builds_on(pa, jordan, draft):
    actions.record_assessment(jordan, acting_user=pa, **assessment_fields(pa))
    url = _url("version-agree", draft)
    form = client_for(pa).get(url).content.decode()
    assert "on or after 20 April 2026, when the needs assessment was completed, and not in the future" in form
    page = client_for(pa).post(url, _agree(draft, dt.date(2026, 4, 19))).content.decode()
    assert "Date agreed must be on or after 20 April 2026, when the needs assessment was completed" in page
    assert 'href="#id_agreed_on_day"' in page
    draft.refresh_from_db()
    assert draft.is_draft
    assert client_for(pa).post(url, _agree(draft, dt.date(2026, 4, 20))).status_code == 302


def test_a_later_reassessment_does_not_move_the_earliest_date(pa, jordan, draft):
    # The plan builds on the first assessment; one completed later (say after a move) does
    # not make a version agreed in between impossible.
    actions.record_assessment(jordan, acting_user=pa, **assessment_fields(pa))
    actions.record_assessment(jordan, acting_user=pa, **assessment_fields(pa, started=dt.date(2026, 9, 1), completed=dt.date(2026, 10, 1)))
    assert client_for(pa).post(_url("version-agree", draft), _agree(draft, AGREED)).status_code == 302


def test_a_version_cannot_be_agreed_before_their_15th_birthday(pa, jordan, draft):
    page = client_for(pa).post(_url("version-agree", draft), _agree(draft, dt.date(2023, 5, 2))).content.decode()
    assert "Date agreed must be on or after 3 May 2023, when they turned 15" in page
    draft.refresh_from_db()
    assert draft.is_draft


def test_an_empty_version_cannot_be_agreed(pa, jordan):
    version = actions.start_version(jordan, acting_user=pa)
    url = _url("version-agree", version)
    page = client_for(pa).get(url).content.decode()
    assert "Write version 1 before agreeing it" in page
    assert "does not cover any of the matters a pathway plan must cover and has no contingency plan" in page
    assert f'href="{_url("version-edit", version)}">Change the draft' in page
    assert 'name="agreed_on_day"' not in page
    client_for(pa).post(url, _agree(version, AGREED))
    with pytest.raises(ValidationError, match="change the draft before agreeing it"):
        actions.agree_version(version, acting_user=pa, expected_version=version.version, agreed_on=AGREED)
    version.refresh_from_db()
    assert version.is_draft


def test_agreeing_a_version_that_misses_matters_lists_them_but_is_allowed(pa, jordan):
    version = actions.start_version(jordan, acting_user=pa)
    version = actions.update_version(version, acting_user=pa, expected_version=version.version,
                                     sections={"health": section_content("health")})
    page = client_for(pa).get(_url("version-agree", version)).content.decode()
    assert "1 of 10 matters covered" in page
    assert "Contingency plans if the pathway plan stops working</li>" in page
    assert "Health, including mental health</li>" not in page
    assert client_for(pa).post(_url("version-agree", version), _agree(version, AGREED)).status_code == 302


def test_the_authorise_page_shows_what_the_manager_is_authorising(pa, manager, jordan, agreed):
    actions.sign_version(agreed, acting_user=pa, expected_version=agreed.version,
                         young_person_signed_on=dt.date(2026, 6, 2), young_person_signed_how="portal",
                         worker_signed_on=None, worker_signed_how="")
    page = client_for(manager).get(_url("version-authorise", agreed)).content.decode()
    assert "What you are authorising" in page
    assert "10 of 10 matters covered" in page and "Not covered:" not in page
    assert "I want my own flat." in page  # the young person's views
    assert "2 June 2026, electronically, in the portal" in page
    assert "Worker signed" in page and "Not yet" in page
    assert 'name="authorised_on_day"' in page


def test_an_agreed_version_that_covers_nothing_cannot_be_authorised(pa, manager, jordan):
    # Agreed before empty plans were refused: it is in the records, so authorising must still refuse it.
    version = actions.start_version(jordan, acting_user=pa)
    PathwayPlanVersion.objects.filter(pk=version.pk).update(agreed_on=AGREED)
    version.refresh_from_db()
    url = _url("version-authorise", version)
    page = client_for(manager).get(url).content.decode()
    assert "0 of 10 matters covered" in page and "It cannot be authorised" in page
    page = client_for(manager).post(url, {"version": str(version.version), **date_data("authorised_on", dt.date(2026, 6, 8))})
    assert "start a new version that does before authorising" in page.content.decode()
    version.refresh_from_db()
    assert version.authorised_on is None


# -- steps that need an agreed version (review 3, M4) ----------------------------------------


@pytest.mark.parametrize(
    "step, who, message",
    [
        ("version-sign", "pa", "Agree version 1 before recording sign-off"),
        ("version-copy", "pa", "Agree version 1 before recording that they were given a copy"),
        ("version-authorise", "manager", "Agree version 1 before authorising it"),
    ],
)
def test_a_draft_offers_no_sign_off_authorise_or_copy_form(request, jordan, draft, step, who, message):
    client = client_for(request.getfixturevalue(who))
    page = client.get(_url(step, draft)).content.decode()
    assert f'<h1 class="govuk-heading-l">{message}</h1>' in page
    assert f'href="{_url("version-agree", draft)}">Agree version 1</a>' in page
    assert 'name="version"' not in page  # no form to fill in and have refused
    before = draft.version
    assert client.post(_url(step, draft), {"version": str(draft.version)}).status_code == 200
    draft.refresh_from_db()
    assert draft.version == before and draft.is_draft


def test_a_draft_only_current_link_leads_to_the_draft_step(pa, jordan, draft):
    location = client_for(pa).get(reverse("plans:current", args=[jordan.pk, "sign"]))["Location"]
    assert location == _url("version-sign", draft)
    assert "Agree version 1 before recording sign-off" in client_for(pa).get(location).content.decode()


def test_with_no_plan_current_links_lead_to_the_plans_page(pa, jordan):
    location = client_for(pa).get(reverse("plans:current", args=[jordan.pk, "authorise"]))["Location"]
    assert location == reverse("plans:index", args=[jordan.pk])


# -- sign-offs after authorisation (review 3, M9) --------------------------------------------


def test_sign_offs_a_manager_authorised_cannot_be_changed(pa, manager, jordan, agreed):
    signed = actions.sign_version(agreed, acting_user=pa, expected_version=agreed.version,
                                  young_person_signed_on=dt.date(2026, 6, 2), young_person_signed_how="portal",
                                  worker_signed_on=None, worker_signed_how="")
    actions.authorise_version(signed, acting_user=manager, expected_version=signed.version, authorised_on=dt.date(2026, 6, 9))
    signed.refresh_from_db()
    url = _url("version-sign", signed)
    assert "you can add a sign-off that is missing, but not change one" in client_for(pa).get(url).content.decode()
    moved = _sign(signed, young_person_signed_how="portal", **date_data("young_person_signed_on", dt.date(2026, 6, 3)))
    page = client_for(pa).post(url, moved).content.decode()
    assert ("Date the young person signed cannot be changed: a manager authorised version 1 on 9 June 2026. "
            "Start a new version to sign again") in page
    removed = _sign(signed)
    assert "Date the young person signed cannot be changed" in client_for(pa).post(url, removed).content.decode()
    signed.refresh_from_db()
    assert signed.young_person_signed_on == dt.date(2026, 6, 2)
    # The worker had not signed: adding that sign-off is still possible.
    added = _sign(signed, young_person_signed_how="portal", worker_signed_how="in_person",
                  **date_data("young_person_signed_on", dt.date(2026, 6, 2)), **date_data("worker_signed_on", dt.date(2026, 6, 10)))
    assert client_for(pa).post(url, added).status_code == 302
    signed.refresh_from_db()
    assert signed.worker_signed_on == dt.date(2026, 6, 10) and signed.young_person_signed_on == dt.date(2026, 6, 2)
    page = client_for(pa).get(_url("version", signed)).content.decode()
    assert "A manager authorised this version with the sign-offs above, so they cannot be changed" in page
    assert "Record sign-off</a>" not in page


def test_date_boxes_give_a_recent_example(pa, jordan, agreed):
    page = client_for(pa).get(_url("version-sign", agreed)).content.decode()
    assert "For example, 27 3 2026" in page and "2007" not in page
