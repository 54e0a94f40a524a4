"""The care leaver return's pages: who gets in, what they see, and values set by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AccessLog, AuditEvent
from conftest import allocate, client_for
from ssda903.models import ReturnOverride
from ssda903.tests.return_cases import YEAR_END, care_leaver, visit

pytestmark = pytest.mark.django_db

RETURN = f"/returns/care-leavers/{YEAR_END}"


@pytest.fixture
def north_leaver(pa, north):  # noqa: ANN001, ANN201
    young_person = care_leaver(pa, child_id="N100", team=north, given_name="Nia")
    allocate(young_person, pa)
    return young_person


@pytest.fixture
def south_leaver(south_pa, south):  # noqa: ANN001, ANN201
    young_person = care_leaver(south_pa, child_id="S200", team=south, given_name="Sol", contact_on=None)
    allocate(young_person, south_pa)
    return young_person


def person_url(young_person) -> str:  # noqa: ANN001
    return f"{RETURN}/young-people/{young_person.pk}"


class TestWhoGetsIn:
    @pytest.mark.parametrize("persona", ["pa", "other_pa", "outsider"])
    def test_advisers_and_people_without_a_role_are_refused(self, request, persona, north_leaver) -> None:  # noqa: ANN001
        client = client_for(request.getfixturevalue(persona))
        for url in (RETURN, "/returns/care-leavers/", person_url(north_leaver),
                    f"{person_url(north_leaver)}/values/IN_TOUCH"):
            assert client.get(url).status_code == 403, url
        for url in (f"{RETURN}/check", f"{RETURN}/export", f"{RETURN}/download"):
            assert client.post(url, {"file_format": "csv"}).status_code == 403, url

    def test_signed_out_visitors_are_sent_to_sign_in(self, client) -> None:  # noqa: ANN001
        response = client.get(RETURN)
        assert response.status_code == 302 and "sign-in" in response["Location"]

    def test_service_wide_roles_see_everyone(self, head, auditor, admin_user, north_leaver, south_leaver) -> None:  # noqa: ANN001
        for user in (head, auditor, admin_user):
            page = client_for(user).get(RETURN).content.decode()
            assert "N100" in page and "S200" in page

    def test_a_team_manager_sees_only_their_team_and_not_another_teams_young_person(
        self, manager, north_leaver, south_leaver  # noqa: ANN001
    ) -> None:
        client = client_for(manager)
        page = client.get(RETURN).content.decode()
        assert "N100" in page and "S200" not in page and "You see the young people in your team" in page
        assert client.get(person_url(south_leaver)).status_code == 404
        assert client.get(f"{person_url(south_leaver)}/values/IN_TOUCH").status_code == 404

    def test_team_managers_and_auditors_cannot_download_and_managers_cannot_check(
        self, manager, auditor  # noqa: ANN001
    ) -> None:
        assert client_for(manager).post(f"{RETURN}/check").status_code == 403
        for user in (manager, auditor):
            assert client_for(user).post(f"{RETURN}/export", {"file_format": "csv"}).status_code == 403
            assert client_for(user).post(f"{RETURN}/download", {"file_format": "csv"}).status_code == 403

    def test_heads_and_auditors_can_read_a_row_but_not_set_values(self, head, auditor, north_leaver) -> None:  # noqa: ANN001
        for user in (head, auditor):
            client = client_for(user)
            page = client.get(person_url(north_leaver)).content.decode()
            assert "Set by hand" not in page.split("Values set by hand")[0]
            assert client.get(f"{person_url(north_leaver)}/values/IN_TOUCH").status_code == 403
            assert client.post(f"{person_url(north_leaver)}/values/IN_TOUCH",
                               {"value": "REFU", "reason": "x"}).status_code == 403
        assert not ReturnOverride.objects.exists()

    def test_a_year_outside_the_collection_is_not_found(self, head) -> None:  # noqa: ANN001
        assert client_for(head).get("/returns/care-leavers/1999").status_code == 404
        assert client_for(head).get("/returns/care-leavers/2030").status_code == 404

    def test_the_latest_ended_year_is_the_default(self, head) -> None:  # noqa: ANN001
        assert client_for(head).get("/returns/care-leavers/")["Location"] == RETURN


class TestTheReturn:
    def test_the_cohort_shows_each_value_with_its_evidence_and_the_left_out_with_reasons(
        self, head, pa, north_leaver  # noqa: ANN001
    ) -> None:
        still_in_care = care_leaver(pa, child_id="X900", left=dt.date(2026, 2, 1), given_name="Xan")
        page = client_for(head).get(RETURN).content.decode()
        contact = north_leaver.contacts.get()
        assert f'href="/young-people/{north_leaver.pk}/contacts/{contact.pk}"' in page
        assert "Contact from 1 Aug 2025" in page
        assert f"/young-people/{north_leaver.pk}/circumstances#activity-" in page
        assert "<strong>YES</strong>" in page and "<strong>F2</strong>" in page and "<strong>U1</strong>" in page
        left_out = page.split('<h2 class="govuk-heading-m">Considered and left out')[1]
        assert "X900" in left_out and "Still looked after on their 18th birthday" in left_out
        assert str(still_in_care.pk) in left_out

    def test_a_missing_value_says_what_to_fix(self, head, pa) -> None:  # noqa: ANN001
        care_leaver(pa, child_id="U300", suitable=None)
        page = client_for(head).get(RETURN).content.decode()
        assert "Missing" in page and "has not been judged" in page
        assert "Values to fix before it is sent</dt><dd class=\"govuk-summary-list__value\">1<" in page

    def test_viewing_a_row_is_logged_against_the_young_person(self, head, north_leaver) -> None:  # noqa: ANN001
        assert client_for(head).get(person_url(north_leaver)).status_code == 200
        assert AccessLog.objects.filter(young_person=north_leaver, user=head).exists()


class TestSettingValuesByHand:
    def test_a_manager_sets_a_value_with_a_reason_and_it_is_kept_and_shown(self, manager, north_leaver) -> None:  # noqa: ANN001
        client = client_for(manager)
        url = f"{person_url(north_leaver)}/values/IN_TOUCH"
        response = client.post(url, {"value": "REFU", "reason": "Told her adviser on 2 September she wants no contact"})
        assert response.status_code == 302 and response["Location"] == person_url(north_leaver)
        override = ReturnOverride.objects.get()
        assert (override.field, override.value, override.recorded_by) == ("IN_TOUCH", "REFU", manager)
        assert AuditEvent.objects.filter(action="ssda903.set_override", young_person=north_leaver).exists()
        page = client.get(RETURN).content.decode()
        assert "<strong>REFU</strong>" in page and "Set by hand" in page
        # REFU leaves activity and accommodation unknown (0) unless someone else told the council.
        row = client.get(person_url(north_leaver)).content.decode()
        assert "Told her adviser on 2 September she wants no contact" in row and "In use" in row

    def test_setting_it_again_keeps_the_old_value_as_withdrawn(self, admin_user, north_leaver) -> None:  # noqa: ANN001
        client = client_for(admin_user)
        url = f"{person_url(north_leaver)}/values/ACTIV"
        client.post(url, {"value": "F5", "reason": "Works full time, per his employer"})
        client.post(url, {"value": "P5", "reason": "Hours cut to part time"})
        values = list(ReturnOverride.objects.order_by("pk").values_list("value", "withdrawn", "withdrawn_reason"))
        assert values == [("F5", True, "Replaced by a new value"), ("P5", False, "")]

    def test_a_value_is_withdrawn_with_a_reason_and_the_records_apply_again(self, manager, north_leaver) -> None:  # noqa: ANN001
        client = client_for(manager)
        client.post(f"{person_url(north_leaver)}/values/ACCOM", {"value": "B1", "reason": "Moved home"})
        override = ReturnOverride.objects.get()
        withdraw = f"{person_url(north_leaver)}/values-set/{override.pk}/withdraw"
        refused = client.post(withdraw, {"reason": "", "version": override.version})
        assert "Enter why the value no longer applies" in refused.content.decode()
        assert client.post(withdraw, {"reason": "Entered on the wrong person", "version": override.version}
                           ).status_code == 302
        override.refresh_from_db()
        assert override.withdrawn and override.withdrawn_by == manager
        assert "<strong>U1</strong>" in client.get(RETURN).content.decode()

    def test_bad_input_gets_a_message_naming_the_field_and_saves_nothing(self, manager, north_leaver) -> None:  # noqa: ANN001
        client = client_for(manager)
        page = client.post(f"{person_url(north_leaver)}/values/IN_TOUCH", {"value": "", "reason": ""}).content.decode()
        assert "Select the in touch" in page and "Enter why you are setting this value" in page
        page = client.post(f"{person_url(north_leaver)}/values/ACTIV", {"value": "F3", "reason": "x"}).content.decode()
        assert "Select the main activity from the list" in page
        assert not ReturnOverride.objects.exists()

    def test_mother_is_only_for_girls_and_young_women(self, admin_user, pa) -> None:  # noqa: ANN001
        young_man = care_leaver(pa, child_id="M400", sex="M")
        young_woman = care_leaver(pa, child_id="F500", sex="F")
        client = client_for(admin_user)
        assert client.get(f"{person_url(young_man)}/values/MOTHER").status_code == 404
        assert client.post(f"{person_url(young_woman)}/values/MOTHER", {"value": "0", "reason": "No children"}
                           ).status_code == 302
        page = client.post(f"{person_url(young_woman)}/values/MC_DOB",
                           {"value_day": "1", "value_month": "1", "value_year": "2000", "reason": "x"}).content.decode()
        assert "Date of birth of her child must be after her own date of birth" in page


def test_an_adviser_can_still_record_the_contact_that_changes_the_value(pa, head, north_leaver) -> None:  # noqa: ANN001
    """The fix for "not in touch" is a record on the young person's file, which their adviser keeps."""
    visit(north_leaver, pa, dt.date(2025, 10, 9))
    assert "Contact from 9 Oct 2025" in client_for(head).get(RETURN).content.decode()
