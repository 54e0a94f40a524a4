"""Who may not get in, page by page (docs/decisions/0004): anyone who cannot see the young
person gets 404; auditors and heads of service read but get 403 on every change; only a
team manager or an administrator authorises."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import client_for
from plans.models import PathwayPlanVersion
from plans.tests.conftest import date_data, one_of_each

pytestmark = pytest.mark.django_db

READ, WRITE, AUTHORISE = "read", "write", "authorise"

PAGES = [
    ("index", READ, ()),
    ("assessment", READ, ("assessment",)),
    ("version", READ, ("agreed",)),
    ("version-pdf", READ, ("agreed",)),
    ("review", READ, ("review",)),
    ("request", READ, ("request",)),
    ("assessment-new", WRITE, ()),
    ("assessment-edit", WRITE, ("assessment",)),
    ("version-new", WRITE, ()),
    ("version-edit", WRITE, ("draft",)),
    ("version-agree", WRITE, ("draft",)),
    ("version-sign", WRITE, ("agreed",)),
    ("version-copy", WRITE, ("agreed",)),
    ("review-new", WRITE, ()),
    ("review-edit", WRITE, ("review",)),
    ("review-involvement", WRITE, ("review",)),
    ("request-new", WRITE, ()),
    ("assessment-authorise", AUTHORISE, ("assessment",)),
    ("version-authorise", AUTHORISE, ("agreed",)),
    # On a draft these say to agree it first, behind the same doors.
    ("version-sign", WRITE, ("draft",)),
    ("version-copy", WRITE, ("draft",)),
    ("version-authorise", AUTHORISE, ("draft",)),
]
# With a draft already started, "Start a new version" leads to it rather than a form.
ALLOWED = {"version-new": 302}


@pytest.fixture
def records(pa, jordan, agreed):
    return one_of_each(jordan, pa, agreed)


def _url(name, args, records, young_person):
    return reverse(f"plans:{name}", args=[young_person.pk, *(records[a] for a in args)])


@pytest.mark.parametrize("name, kind, args", PAGES)
@pytest.mark.parametrize("who", ["outsider", "south_pa", "other_pa", "other_manager"])
def test_those_who_cannot_see_the_young_person_get_not_found(request, records, jordan, name, kind, args, who):
    client = client_for(request.getfixturevalue(who))
    url = _url(name, args, records, jordan)
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


@pytest.mark.parametrize("name, kind, args", PAGES)
@pytest.mark.parametrize("who", ["auditor", "head"])
def test_auditors_and_heads_of_service_read_but_do_not_change(request, records, jordan, name, kind, args, who):
    client = client_for(request.getfixturevalue(who))
    url = _url(name, args, records, jordan)
    if kind == READ:
        assert client.get(url).status_code == 200
    else:
        assert client.get(url).status_code == 403
        assert client.post(url, {"version": "1"}).status_code == 403


@pytest.mark.parametrize("name, kind, args", PAGES)
def test_the_personal_adviser_changes_but_does_not_authorise(records, pa, jordan, name, kind, args):
    status = client_for(pa).get(_url(name, args, records, jordan)).status_code
    assert status == (403 if kind == AUTHORISE else ALLOWED.get(name, 200))


@pytest.mark.parametrize("who", ["manager", "admin_user"])
@pytest.mark.parametrize("name, kind, args", PAGES)
def test_managers_and_administrators_reach_every_page(request, records, jordan, name, kind, args, who):
    response = client_for(request.getfixturevalue(who)).get(_url(name, args, records, jordan))
    assert response.status_code == ALLOWED.get(name, 200)


def test_an_auditor_posting_a_sign_off_changes_nothing(records, auditor, jordan):
    url = _url("version-sign", ("agreed",), records, jordan)
    data = {"version": "2", "young_person_signed_how": "in_person", **date_data("young_person_signed_on", dt.date(2026, 6, 2))}
    assert client_for(auditor).post(url, data).status_code == 403
    assert PathwayPlanVersion.objects.get(pk=records["agreed"]).young_person_signed_on is None


@pytest.mark.parametrize("step", ["edit", "sign", "authorise", "copy-given"])
def test_current_version_links_hide_the_young_person_from_outsiders(records, outsider, south_pa, jordan, step):
    url = reverse("plans:current", args=[jordan.pk, step])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(south_pa).get(url).status_code == 404
