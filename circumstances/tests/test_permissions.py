"""Who may see and change a young person's circumstances: the people who must not get in
get 404 (cannot see the record) or 403 (can see it, cannot change it)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from circumstances import actions
from circumstances.models import Declaration
from circumstances.tests.helpers import date_fields
from conftest import client_for

pytestmark = pytest.mark.django_db

KINDS = ("accommodation", "activity", "staying-put", "declaration", "education-programme", "detention")


@pytest.fixture
def records(pa, jordan):
    """One record of each kind for Jordan, to open their change pages."""
    made = {
        "accommodation": actions.record_accommodation(
            jordan, acting_user=pa, start=dt.date(2025, 6, 1), end=None, accommodation_type="U", suitable=True,
            unsuitable_reason="", council_provided=False, address="", postcode=""),
        "activity": actions.record_activity(jordan, acting_user=pa, start=dt.date(2025, 9, 1), end=None, activity="F2",
                                            provider="", course=""),
        "staying-put": actions.record_staying_put(jordan, acting_user=pa, start=dt.date(2026, 5, 3), end=None, carer="Pat Jones"),
        "declaration": actions.record_declaration(jordan, acting_user=pa, kind="education_training",
                                                  told_on=dt.date(2026, 10, 1), note=""),
        "education-programme": actions.record_education_programme(jordan, acting_user=pa, programme="BSc", provider="",
                                                                  ends_on=dt.date(2030, 7, 1)),
        "detention": actions.record_detention(jordan, acting_user=pa, kind="hospital", start=dt.date(2024, 5, 1),
                                              end=dt.date(2024, 5, 9), place=""),
    }
    return made


def form_urls(jordan, records) -> list[str]:
    urls = [reverse(f"circumstances:{kind}-create", args=[jordan.pk]) for kind in KINDS]
    urls += [reverse(f"circumstances:{kind}-edit", args=[jordan.pk, records[kind].pk]) for kind in KINDS]
    urls += [
        reverse("circumstances:staying-put-review-latest", args=[jordan.pk]),
        reverse("circumstances:staying-put-review", args=[jordan.pk, records["staying-put"].pk]),
    ]
    return urls


@pytest.mark.parametrize(
    ("persona", "section_status", "form_status"),
    [
        ("pa", 200, 200),
        ("manager", 200, 200),
        ("admin_user", 200, 200),
        ("head", 200, 403),
        ("auditor", 200, 403),
        ("other_pa", 404, 404),  # same team, not her caseload
        ("south_pa", 404, 404),
        ("other_manager", 404, 404),  # another team's manager
        ("outsider", 404, 404),
    ],
)
def test_who_gets_in(request, persona, section_status, form_status, jordan, records):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("circumstances:section", args=[jordan.pk])).status_code == section_status
    for url in form_urls(jordan, records):
        assert client.get(url).status_code == form_status, url


def test_signed_out_visitors_are_sent_to_sign_in(jordan, records):
    response = client_for(None).get(reverse("circumstances:section", args=[jordan.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in")


@pytest.mark.parametrize("persona", ["auditor", "head", "other_pa", "outsider"])
def test_those_who_may_not_change_it_cannot_post(request, persona, jordan):
    client = client_for(request.getfixturevalue(persona))
    response = client.post(
        reverse("circumstances:declaration-create", args=[jordan.pk]),
        {"kind": "support_requested", **date_fields("told_on", dt.date(2026, 11, 1)), "note": ""},
    )
    assert response.status_code in (403, 404)
    assert not Declaration.objects.exists()


def test_read_only_users_see_no_change_links(auditor, jordan, records):
    page = client_for(auditor).get(reverse("circumstances:section", args=[jordan.pk])).content.decode()
    assert "Pat Jones" in page
    assert "Record a move" not in page and ">Change<" not in page


def test_a_record_cannot_be_opened_through_another_young_persons_address(manager, jordan, sam, records):
    """Mina may change both Jordan's and Sam's records, but Jordan's home is not Sam's."""
    record = records["accommodation"]
    assert client_for(manager).get(reverse("circumstances:accommodation-edit", args=[jordan.pk, record.pk])).status_code == 200
    assert client_for(manager).get(reverse("circumstances:accommodation-edit", args=[sam.pk, record.pk])).status_code == 404
