"""Who may see and change young people's records. Every view has its outsider case.

Reference: ARCHITECTURE.md "Trust" (fail closed, 404 for no access) and issue 2 §5.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import client_for

pytestmark = pytest.mark.django_db


def detail(yp):
    return reverse("people:detail", args=[yp.pk])


def test_signed_out_visitors_are_sent_to_sign_in(jordan):
    for url in [reverse("home"), reverse("people:register"), reverse("people:mine"), detail(jordan), reverse("rules")]:
        response = client_for(None).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_personal_adviser_sees_own_caseload(pa, jordan):
    assert client_for(pa).get(detail(jordan)).status_code == 200


def test_personal_adviser_cannot_see_a_colleagues_young_person(pa, sam):
    assert client_for(pa).get(detail(sam)).status_code == 404


def test_personal_adviser_sees_team_register_only_when_the_setting_allows(pa, sam, settings):
    settings.WORKERS_SEE_TEAM_REGISTER = True
    assert client_for(pa).get(detail(sam)).status_code == 200


def test_personal_adviser_never_sees_another_team_even_with_the_setting(pa, riley, settings):
    settings.WORKERS_SEE_TEAM_REGISTER = True
    assert client_for(pa).get(detail(riley)).status_code == 404


def test_personal_adviser_loses_access_when_allocation_ends(pa, jordan):
    allocation = jordan.allocations.get()
    allocation.end = allocation.start.replace(year=allocation.start.year + 1)
    allocation.save()
    assert client_for(pa).get(detail(jordan)).status_code == 404


def test_team_manager_sees_own_team(manager, jordan, sam):
    client = client_for(manager)
    assert client.get(detail(jordan)).status_code == 200
    assert client.get(detail(sam)).status_code == 200


def test_team_manager_cannot_see_another_team(manager, riley):
    assert client_for(manager).get(detail(riley)).status_code == 404


def test_team_manager_sees_another_teams_young_person_allocated_to_their_worker(manager, riley, pa):
    from conftest import allocate

    allocate(riley, pa, role="social_worker")
    assert client_for(manager).get(detail(riley)).status_code == 200


@pytest.mark.parametrize("persona", ["head", "auditor", "admin_user"])
def test_service_wide_roles_see_everyone(request, persona, jordan, riley):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(detail(jordan)).status_code == 200
    assert client.get(detail(riley)).status_code == 200


def test_outsider_sees_nobody(outsider, jordan):
    client = client_for(outsider)
    assert client.get(detail(jordan)).status_code == 404
    response = client.get(reverse("people:register"))
    assert response.status_code == 200
    assert "Jordan" not in response.content.decode()


def test_inactive_user_cannot_sign_in(pa, jordan):
    pa.is_active = False
    pa.save()
    response = client_for(None).post(reverse("accounts:sign-in"), {"username": "priya", "password": "correct horse battery staple"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode() or "switched off" in response.content.decode()


# Changing records ---------------------------------------------------------------------

def edit(yp):
    return reverse("people:edit", args=[yp.pk])


def test_personal_adviser_can_edit_own_caseload(pa, jordan):
    assert client_for(pa).get(edit(jordan)).status_code == 200


def test_personal_adviser_cannot_edit_team_register_they_can_only_view(pa, sam, settings):
    settings.WORKERS_SEE_TEAM_REGISTER = True
    assert client_for(pa).get(edit(sam)).status_code == 403


@pytest.mark.parametrize("persona", ["auditor", "head"])
def test_read_only_roles_get_403_on_edit(request, persona, jordan):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(edit(jordan)).status_code == 403
    assert client.post(edit(jordan), {"given_name": "Changed"}).status_code == 403
    jordan.refresh_from_db()
    assert jordan.given_name == "Jordan"


def test_outsider_gets_404_on_edit_and_episode_forms(outsider, jordan):
    client = client_for(outsider)
    assert client.get(edit(jordan)).status_code == 404
    assert client.get(reverse("people:episode-create", args=[jordan.pk])).status_code == 404
    episode = jordan.episodes.get()
    assert client.get(reverse("people:episode-edit", args=[jordan.pk, episode.pk])).status_code == 404
    assert client.get(reverse("people:home-create", args=[jordan.pk])).status_code == 404


def test_episode_of_another_young_person_is_not_reachable_through_a_visible_one(pa, jordan, riley):
    riley_episode_pk = 999999
    assert client_for(pa).get(reverse("people:episode-edit", args=[jordan.pk, riley_episode_pk])).status_code == 404


def test_only_managers_and_administrators_add_young_people(pa, auditor, manager, admin_user, outsider):
    url = reverse("people:create")
    assert client_for(pa).get(url).status_code == 403
    assert client_for(auditor).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 403
    assert client_for(manager).get(url).status_code == 200
    assert client_for(admin_user).get(url).status_code == 200


def test_allocation_pages_need_a_manager_of_that_young_person(pa, manager, other_manager, admin_user, jordan):
    url = reverse("people:allocate", args=[jordan.pk])
    assert client_for(pa).get(url).status_code == 403
    assert client_for(other_manager).get(url).status_code == 404
    assert client_for(manager).get(url).status_code == 200
    assert client_for(admin_user).get(url).status_code == 200
    allocation = jordan.allocations.get()
    end_url = reverse("people:end-allocation", args=[jordan.pk, allocation.pk])
    assert client_for(pa).get(end_url).status_code == 403
    assert client_for(other_manager).get(end_url).status_code == 404
    assert client_for(manager).get(end_url).status_code == 200


def test_caseload_page_lists_only_own_young_people(pa, jordan, sam):
    page = client_for(pa).get(reverse("people:mine")).content.decode()
    assert "Jordan Reed" in page
    assert "Sam Cole" not in page


def test_viewing_a_record_is_logged(pa, jordan):
    from audit.models import AccessLog

    client_for(pa).get(detail(jordan))
    log = AccessLog.objects.get()
    assert (log.user, log.young_person) == (pa, jordan)
