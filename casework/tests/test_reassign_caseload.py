"""When a worker leaves: their whole caseload moves in one transaction, or not at all."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEvent
from casework import actions
from casework.models import Allocation, Transfer, TransferStatus
from circumstances.tests.helpers import date_fields
from conftest import UserFactory, allocate, client_for, make_young_person
from duties.models import DutyLedgerRow

pytestmark = pytest.mark.django_db

URL = reverse("casework:reassign")


@pytest.fixture
def leaving(north):
    """Lee, a North personal adviser who is leaving, with three young people."""
    return UserFactory(username="lee", first_name="Lee", last_name="Leaving", role=Role.PERSONAL_ADVISER, team=north)


@pytest.fixture
def caseload(leaving, north):
    people = [make_young_person(given_name=name, family_name="Stone", team=north) for name in ("Ash", "Bo", "Cy")]
    for person in people:
        allocate(person, leaving, start=dt.date(2025, 2, 1))
    return people


def post_data(everyone=None, per_person=None, transfer_on=dt.date(2026, 11, 30), note="Lee leaves on 27 November"):
    data = {"everyone": str(everyone.pk) if everyone else "", **date_fields("transfer_on", transfer_on), "note": note}
    for person, worker in (per_person or {}).items():
        data[f"worker_{person.pk}"] = str(worker.pk)
    return data


def current_workers(people) -> dict[str, str]:
    today = dt.date(2026, 12, 1)
    return {
        a.young_person.given_name: a.worker.username
        for a in Allocation.objects.active_on(today).filter(young_person__in=people).select_related("worker", "young_person")
    }


def test_whole_caseload_moves_with_a_transfer_each(manager, leaving, caseload, pa, other_pa, django_capture_on_commit_callbacks):
    ash, bo, cy = caseload
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(manager).post(f"{URL}?leaving_worker={leaving.pk}", post_data(everyone=pa, per_person={bo: other_pa}))
    assert response.status_code == 302
    assert current_workers(caseload) == {"Ash": "priya", "Bo": "oliver", "Cy": "priya"}
    assert not Allocation.objects.active_on(dt.date(2026, 12, 1)).filter(worker=leaving).exists()
    assert set(Allocation.objects.filter(worker=leaving).values_list("end", flat=True)) == {dt.date(2026, 11, 30)}
    transfers = Transfer.objects.filter(young_person__in=caseload)
    assert transfers.count() == 3
    for transfer in transfers:
        assert transfer.status == TransferStatus.COMPLETED and transfer.completed_on == dt.date(2026, 11, 30)
        assert transfer.handover_notes == "Lee leaves on 27 November" and transfer.from_worker == leaving
        assert transfer.reassignment is not None and transfer.allocation.worker == transfer.to_worker
    for person in caseload:
        actions_done = set(AuditEvent.objects.filter(young_person=person).values_list("action", flat=True))
        assert {"casework.reassign_caseload", "casework.allocate_worker", "casework.end_allocation"} <= actions_done
        # Each person's duty ledger was recomputed once the transaction committed.
        assert DutyLedgerRow.objects.filter(young_person=person).exists()


def test_one_invalid_worker_changes_nothing(manager, leaving, caseload, pa, head):
    ash, bo, cy = caseload
    before = current_workers(caseload)
    with pytest.raises(ValidationError) as refused:
        actions.reassign_caseload(
            acting_user=manager, leaving_worker=leaving, new_workers={ash.pk: pa, bo.pk: pa, cy.pk: head},
            everyone=None, transfer_on=dt.date(2026, 11, 30), note="Leaving",
        )
    assert refused.value.message_dict == {
        f"worker_{cy.pk}": ["Select a member of staff who works as a personal adviser for Cy Stone"]
    }
    assert current_workers(caseload) == before
    assert not Transfer.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="casework.").exists()


def test_a_refusal_part_way_through_rolls_everything_back(manager, leaving, caseload, pa):
    """Bo already has a later allocation to Priya, which the allocation action refuses
    only when it reaches Bo: Ash's move, made before, must be undone too."""
    ash, bo, cy = caseload
    later = Allocation.objects.create(young_person=bo, worker=pa, role="personal_adviser", start=dt.date(2026, 12, 5))
    with pytest.raises(ValidationError) as refused:
        actions.reassign_caseload(acting_user=manager, leaving_worker=leaving, new_workers={}, everyone=pa,
                                  transfer_on=dt.date(2026, 11, 30), note="Leaving")
    assert refused.value.message_dict == {
        f"worker_{bo.pk}": ["Start date must be after 5 December 2026, when a later allocation starts for Bo Stone"]
    }
    assert set(Allocation.objects.filter(worker=leaving).values_list("end", flat=True)) == {None}
    assert not Transfer.objects.exists()
    assert later.pk in Allocation.objects.values_list("pk", flat=True)


def test_page_shows_every_refusal_with_the_person_named(manager, leaving, caseload, pa):
    ash, bo, cy = caseload
    response = client_for(manager).post(
        f"{URL}?leaving_worker={leaving.pk}", post_data(per_person={ash: pa}, transfer_on=dt.date(2025, 1, 1), note="")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a handover note" in body
    assert "Select a new personal adviser for Bo Stone, or one for everyone" in body
    assert "Select a new personal adviser for Cy Stone, or one for everyone" in body
    assert "Transfer date must be after 1 February 2025, when Ash Stone&#39;s allocation started" in body
    assert f'href="#id_worker_{bo.pk}"' in body
    assert set(Allocation.objects.filter(worker=leaving).values_list("end", flat=True)) == {None}


def test_the_leaving_worker_is_not_offered_and_cannot_be_chosen(manager, leaving, caseload, pa):
    page = client_for(manager).get(f"{URL}?leaving_worker={leaving.pk}").content.decode()
    new_worker_lists = re.findall(r'<select[^>]*id="id_(?:everyone|worker_\d+)".*?</select>', page, re.S)
    assert len(new_worker_lists) == 4 and "Priya Adviser" in new_worker_lists[0]
    assert not any(f'<option value="{leaving.pk}"' in options for options in new_worker_lists)
    with pytest.raises(ValidationError) as refused:
        actions.reassign_caseload(acting_user=manager, leaving_worker=leaving, new_workers={}, everyone=leaving,
                                  transfer_on=dt.date(2026, 11, 30), note="Leaving")
    # Chosen for everyone, so said once, on that field.
    assert refused.value.message_dict == {"everyone": ["Select a worker other than Lee Leaving"]}


@pytest.fixture
def social_worker(north):
    return UserFactory(username="sol", first_name="Sol", last_name="Worker", role=Role.SOCIAL_WORKER, team=north)


def offered(page: str, field: str) -> set[str]:
    options = re.search(rf'<select[^>]*id="id_{field}".*?</select>', page, re.S).group(0)
    return {name.strip() for name in re.findall(r'<option value="\d+"[^>]*>\s*([^(<]+?)\s*\(', options)}


def test_only_staff_who_can_take_the_young_people_are_offered(manager, leaving, caseload, pa, other_pa, south_pa, social_worker):
    page = client_for(manager).get(f"{URL}?leaving_worker={leaving.pk}").content.decode()
    assert "New personal adviser for everyone (optional)" in page
    assert offered(page, "everyone") == {"Priya Adviser", "Oliver Adviser"}
    assert offered(page, f"worker_{caseload[0].pk}") == {"Priya Adviser", "Oliver Adviser"}
    response = client_for(manager).post(f"{URL}?leaving_worker={leaving.pk}", post_data(everyone=social_worker))
    body = response.content.decode()
    assert "Select the new personal adviser for everyone from the list" in body and 'href="#id_everyone"' in body
    assert body.count('class="govuk-error-message"') == 1
    south = client_for(manager).post(f"{URL}?leaving_worker={leaving.pk}", post_data(per_person={caseload[1]: south_pa}))
    assert "Select a new personal adviser for Bo Stone from the list" in south.content.decode()
    assert not Transfer.objects.exists()


def test_submitting_nothing_gives_one_error_on_the_choice_for_everyone(manager, leaving, caseload):
    body = client_for(manager).post(f"{URL}?leaving_worker={leaving.pk}", post_data()).content.decode()
    assert "Select a new personal adviser for everyone, or for each young person" in body
    assert 'href="#id_everyone"' in body
    assert "Bo Stone, or one for everyone" not in body
    assert body.count('class="govuk-error-message"') == 1
    assert not Transfer.objects.exists()


def test_a_wrong_choice_for_everyone_points_at_that_field(manager, leaving, caseload, pa, social_worker):
    ash, bo, cy = caseload
    with pytest.raises(ValidationError) as refused:
        actions.reassign_caseload(acting_user=manager, leaving_worker=leaving, new_workers={}, everyone=social_worker,
                                  transfer_on=dt.date(2026, 11, 30), note="Leaving")
    assert refused.value.message_dict == {"everyone": ["Select a member of staff who works as a personal adviser"]}
    # Cy's allocation is as social worker (an old record): the choice for everyone suits only Ash and Bo.
    Allocation.objects.filter(young_person=cy).update(role="social_worker")
    with pytest.raises(ValidationError) as refused:
        actions.reassign_caseload(acting_user=manager, leaving_worker=leaving, new_workers={}, everyone=pa,
                                  transfer_on=dt.date(2026, 11, 30), note="Leaving")
    assert refused.value.message_dict == {"everyone": ["Select a member of staff who works as a social worker for Cy Stone"]}
    with pytest.raises(ValidationError) as refused:
        actions.reassign_caseload(acting_user=manager, leaving_worker=leaving, new_workers={}, everyone=None,
                                  transfer_on=dt.date(2026, 11, 30), note="Leaving")
    assert refused.value.message_dict == {"everyone": ["Select a new worker for everyone, or for each young person"]}
    assert not Transfer.objects.exists()


def test_a_manager_reassigns_only_their_own_teams_workers(other_manager, admin_user, leaving, caseload, south_pa):
    # Omar manages South: Lee (North) is not offered, and asking for him is refused.
    chooser = client_for(other_manager).get(f"{URL}?leaving_worker={leaving.pk}").content.decode()
    assert "Select the worker who is leaving from the list" in chooser and "Ash Stone" not in chooser
    posted = client_for(other_manager).post(f"{URL}?leaving_worker={leaving.pk}", post_data(everyone=south_pa))
    assert posted.status_code == 200 and not Transfer.objects.exists()
    # An administrator may reassign anyone's caseload.
    assert "Ash Stone" in client_for(admin_user).get(f"{URL}?leaving_worker={leaving.pk}").content.decode()


@pytest.mark.parametrize(("persona", "status"), [
    ("manager", 200), ("admin_user", 200), ("head", 403), ("auditor", 403), ("pa", 404), ("outsider", 404),
])
def test_who_may_open_the_page(request, persona, status, leaving, caseload):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(URL).status_code == status
    assert client.post(f"{URL}?leaving_worker={leaving.pk}", post_data(everyone=leaving)).status_code == status
    assert not Transfer.objects.exists()
