"""Pathway plan versions (CLR 2010 reg 6, Schedule 1): drafts, agreement, copying into a
new version, sign-off, authorisation and the copy given to the young person."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from plans import actions
from plans.models import SECTION_MATTERS, PathwayPlanVersion
from plans.tests.conftest import AGREED, date_data, version_data

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
