"""Planned transfers to a new worker, the joint handover meeting, and completing the
transfer through the allocation action."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from casework import actions
from casework.extension import transfer_facts
from casework.models import Allocation, Transfer, TransferStatus
from circumstances.tests.helpers import date_fields
from compliance import records
from accounts.models import Role
from conftest import UserFactory, allocate, client_for
from people.extension import ACTIONS, SECTIONS, action_link, chronology_for, record_url

pytestmark = pytest.mark.django_db


def plan_form(worker, planned_on=dt.date(2026, 12, 1), reason="Priya is moving to the 16+ team"):
    return {"to_worker": str(worker.pk), **date_fields("planned_on", planned_on), "reason": reason}


def plan_url(young_person, role="personal_adviser"):
    return f"{reverse('casework:transfer-create', args=[young_person.pk])}?role={role}"


def offered(page: str) -> set[str]:
    """The names in the new-worker list."""
    options = re.search(r'<select[^>]*id="id_to_worker".*?</select>', page, re.S).group(0)
    return {name.strip() for name in re.findall(r'<option value="\d+"[^>]*>\s*([^(<]+?)\s*\(', options)}


def handover_form(held_on=dt.date(2026, 11, 20), attendees="Jordan, Priya, Oliver", notes="Jordan wants weekly texts", version="1"):
    return {**date_fields("handover_held_on", held_on), "handover_attendees": attendees, "handover_notes": notes,
            "version": version}


def test_plan_hand_over_and_complete(manager, jordan, pa, other_pa):
    client = client_for(manager)
    assert client.post(plan_url(jordan), plan_form(other_pa)).status_code == 302
    transfer = Transfer.objects.get(young_person=jordan)
    assert (transfer.from_worker, transfer.to_worker, transfer.status) == (pa, other_pa, TransferStatus.PLANNED)
    # The duty's "record the handover" leads to this transfer's handover form.
    _, next_url = action_link("record_handover", jordan.pk)
    assert client.get(next_url)["Location"] == reverse("casework:handover", args=[jordan.pk, transfer.pk])
    assert client.post(reverse("casework:handover", args=[jordan.pk, transfer.pk]), handover_form()).status_code == 302
    complete = reverse("casework:transfer-complete", args=[jordan.pk, transfer.pk])
    assert client.post(complete, {**date_fields("transferred_on", dt.date(2026, 11, 23)), "version": "2"}).status_code == 302
    transfer.refresh_from_db()
    old = Allocation.objects.get(young_person=jordan, worker=pa)
    new = Allocation.objects.get(young_person=jordan, worker=other_pa)
    assert old.end == dt.date(2026, 11, 23) and new.start == dt.date(2026, 11, 23) and new.end is None
    assert transfer.status == TransferStatus.COMPLETED and transfer.allocation == new
    assert transfer.handover_held_on == dt.date(2026, 11, 20)
    assert set(AuditEvent.objects.filter(young_person=jordan).values_list("action", flat=True)) >= {
        "casework.plan_transfer", "casework.record_handover", "casework.complete_transfer",
        "casework.allocate_worker", "casework.end_allocation",
    }
    page = client.get(reverse("casework:workers", args=[jordan.pk])).content.decode()
    assert "Jordan wants weekly texts" in page and "Completed" in page


def test_transfer_facts_for_the_duty_rules(manager, jordan, sam, other_pa, pa):
    planned = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                    planned_on=dt.date(2026, 12, 1), reason="Moving team")
    cancelled = actions.plan_transfer(sam, acting_user=manager, role="personal_adviser", to_worker=pa,
                                      planned_on=dt.date(2026, 12, 1), reason="Caseload balance")
    actions.cancel_transfer(cancelled, acting_user=manager, expected_version=1)
    facts = transfer_facts([jordan.pk, sam.pk])
    assert facts[jordan.pk]["transfers"] == [records.Transfer(dt.date(2026, 12, 1), None, False, ref=f"transfer:{planned.pk}")]
    assert facts[sam.pk]["transfers"] == [records.Transfer(dt.date(2026, 12, 1), None, True, ref=f"transfer:{cancelled.pk}")]
    # Once completed, the duty reads the day the case actually moved, not the planned one.
    actions.record_handover(planned, acting_user=manager, expected_version=1, handover_held_on=dt.date(2026, 11, 2),
                            handover_attendees="All", handover_notes="Fine")
    actions.complete_transfer(planned, acting_user=manager, expected_version=2, transferred_on=dt.date(2026, 11, 20))
    assert transfer_facts([jordan.pk])[jordan.pk]["transfers"] == [records.Transfer(
        dt.date(2026, 12, 1), dt.date(2026, 11, 2), False, ref=f"transfer:{planned.pk}", completed_on=dt.date(2026, 11, 20),
    )]


@pytest.fixture
def social_worker(north):
    return UserFactory(username="sol", first_name="Sol", last_name="Worker", role=Role.SOCIAL_WORKER, team=north)


def test_only_staff_who_can_take_the_role_are_offered(manager, jordan, pa, other_pa, south_pa, head, social_worker):
    """A personal adviser transfer offers the team's other personal advisers: not the one
    allocated now, not a social worker, not another team's adviser, not other staff."""
    client = client_for(manager)
    page = client.get(plan_url(jordan)).content.decode()
    assert "Plan a transfer to a new personal adviser" in page and "New personal adviser" in page
    assert offered(page) == {"Oliver Adviser"}
    assert offered(client.get(plan_url(jordan, "social_worker")).content.decode()) == {"Sol Worker"}
    for not_offered in (pa, social_worker, south_pa, head):
        body = client.post(plan_url(jordan), plan_form(not_offered)).content.decode()
        assert "Select the new personal adviser from the list" in body
    assert client.get(plan_url(jordan, "manager")).status_code == 404
    assert not Transfer.objects.exists()


def test_a_team_manager_may_also_hand_over_to_their_own_team(manager, other_manager, riley, south_pa, pa, other_pa):
    """Riley is in the South team but allocated to Priya (North), so Mina (North) manages
    her too: she is offered both teams' advisers; Omar (South), only South's."""
    Allocation.objects.filter(young_person=riley, worker=south_pa).update(end=dt.date(2025, 1, 6))
    allocate(riley, pa, start=dt.date(2025, 1, 6))
    assert offered(client_for(manager).get(plan_url(riley)).content.decode()) == {"Sian Adviser", "Oliver Adviser"}
    assert offered(client_for(other_manager).get(plan_url(riley)).content.decode()) == {"Sian Adviser"}


def test_when_nobody_can_take_the_role_the_page_says_so(manager, jordan, other_pa):
    other_pa.is_active = False
    other_pa.save()
    page = client_for(manager).get(plan_url(jordan)).content.decode()
    assert offered(page) == set()
    assert "There is no other personal adviser in North who can take Jordan Reed" in page


def test_plan_is_checked(manager, jordan, pa, other_pa):
    url = plan_url(jordan)
    with pytest.raises(ValidationError) as refused:
        actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=pa,
                              planned_on=dt.date(2026, 12, 1), reason="Moving team")
    assert refused.value.message_dict == {"to_worker": ["Priya Adviser is already allocated"]}
    with pytest.raises(ValidationError) as refused:
        actions.plan_transfer(jordan, acting_user=manager, role="social_worker", to_worker=other_pa,
                              planned_on=dt.date(2026, 12, 1), reason="Moving team")
    assert refused.value.message_dict == {"to_worker": ["Select a member of staff who works as a social worker"]}
    no_reason = client_for(manager).post(url, plan_form(other_pa, reason="")).content.decode()
    assert "Enter the reason for the transfer" in no_reason
    # The review's example: a planned date years before Priya was allocated (1 January 2024).
    too_early = client_for(manager).post(url, plan_form(other_pa, planned_on=dt.date(2020, 1, 1))).content.decode()
    assert "Planned transfer date must be after 1 January 2024, when Priya Adviser&#39;s allocation started" in too_early
    same_day = client_for(manager).post(url, plan_form(other_pa, planned_on=dt.date(2024, 1, 1))).content.decode()
    assert "Planned transfer date must be after 1 January 2024" in same_day
    assert not Transfer.objects.exists()
    client_for(manager).post(url, plan_form(other_pa))
    second = client_for(manager).post(url, plan_form(other_pa, planned_on=dt.date(2027, 1, 4))).content.decode()
    assert "A transfer to Oliver Adviser on 1 December 2026 is already planned: complete or cancel it first" in second


def test_handover_is_checked(manager, jordan, other_pa):
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 12, 1), reason="Moving team")
    url = reverse("casework:handover", args=[jordan.pk, transfer.pk])
    body = client_for(manager).post(url, handover_form(held_on=dt.date(2026, 12, 2))).content.decode()
    assert "Date of the handover meeting must be today or in the past" in body
    body = client_for(manager).post(url, handover_form(attendees="", notes="")).content.decode()
    assert "Enter who attended the handover meeting" in body and "Enter the handover notes" in body
    transfer.refresh_from_db()
    assert transfer.handover_held_on is None and transfer.version == 1


def test_completing_before_the_joint_handover_is_refused(manager, jordan, pa, other_pa):
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 11, 30), reason="Moving team")
    actions.record_handover(transfer, acting_user=manager, expected_version=1, handover_held_on=dt.date(2026, 11, 20),
                            handover_attendees="All", handover_notes="Fine")
    url = reverse("casework:transfer-complete", args=[jordan.pk, transfer.pk])
    body = client_for(manager).post(url, {**date_fields("transferred_on", dt.date(2026, 11, 19)), "version": "2"}).content.decode()
    assert "Transfer date must be on or after 20 November 2026, when the joint handover meeting was held" in body
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.PLANNED and transfer.completed_on is None
    assert Allocation.objects.get(young_person=jordan).worker == pa
    # On the day of the handover is fine.
    assert client_for(manager).post(url, {**date_fields("transferred_on", dt.date(2026, 11, 20)), "version": "2"}).status_code == 302


def test_a_handover_after_the_transfer_was_completed_is_refused(manager, jordan, other_pa):
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 11, 20), reason="Moving team")
    actions.complete_transfer(transfer, acting_user=manager, expected_version=1, transferred_on=dt.date(2026, 11, 20))
    url = reverse("casework:handover", args=[jordan.pk, transfer.pk])
    body = client_for(manager).post(url, handover_form(held_on=dt.date(2026, 11, 22), version="2")).content.decode()
    assert "Date of the handover meeting must be on or before 20 November 2026, when the transfer was completed" in body
    transfer.refresh_from_db()
    assert transfer.handover_held_on is None and transfer.version == 2


def test_completing_before_the_current_allocation_started_is_refused(manager, jordan, pa, other_pa):
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 12, 1), reason="Moving team")
    url = reverse("casework:transfer-complete", args=[jordan.pk, transfer.pk])
    body = client_for(manager).post(url, {**date_fields("transferred_on", dt.date(2024, 1, 1)), "version": "1"}).content.decode()
    assert "Transfer date must be after 1 January 2024, when the current allocation started" in body
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.PLANNED
    assert Allocation.objects.get(young_person=jordan).worker == pa


def test_cancelled_transfer_cannot_be_completed(manager, jordan, other_pa):
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 12, 1), reason="Moving team")
    client_for(manager).post(reverse("casework:transfer-cancel", args=[jordan.pk, transfer.pk]), {"version": "1"})
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.CANCELLED
    body = client_for(manager).post(
        reverse("casework:transfer-complete", args=[jordan.pk, transfer.pk]),
        {**date_fields("transferred_on", dt.date(2026, 11, 23)), "version": "2"},
    ).content.decode()
    assert "This transfer was cancelled" in body
    assert Allocation.objects.filter(young_person=jordan).count() == 1


def test_allocate_personal_adviser_action_preselects_the_role(manager, jordan):
    _, url = action_link("allocate_personal_adviser", jordan.pk)
    assert url == reverse("people:allocate", args=[jordan.pk]) + "?role=personal_adviser"
    page = client_for(manager).get(reverse("people:allocate", args=[jordan.pk]) + "?role=social_worker").content.decode()
    assert 'value="social_worker" checked' in page


def test_registered_section_links_and_chronology(manager, jordan, pa, other_pa):
    assert (SECTIONS["workers"].title, SECTIONS["workers"].order) == ("Workers and closure", 70)
    assert {"record_handover", "allocate_personal_adviser", "close_case"} <= set(ACTIONS)
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 12, 1), reason="Moving team")
    actions.record_handover(transfer, acting_user=manager, expected_version=1, handover_held_on=dt.date(2026, 11, 20),
                            handover_attendees="All", handover_notes="Fine")
    allocation = Allocation.objects.get(young_person=jordan)
    workers = reverse("casework:workers", args=[jordan.pk])
    assert record_url(f"transfer:{transfer.pk}", jordan.pk) == f"{workers}#transfer-{transfer.pk}"
    assert record_url(f"allocation:{allocation.pk}", jordan.pk) == f"{workers}#allocation-{allocation.pk}"
    page = client_for(manager).get(workers).content.decode()
    assert f'id="transfer-{transfer.pk}"' in page and f'id="allocation-{allocation.pk}"' in page
    titles = {(item.on, item.title) for item in chronology_for(jordan)}
    assert (dt.date(2024, 1, 1), "Priya Adviser allocated as personal adviser") in titles
    assert (dt.date(2026, 11, 20), "Joint handover meeting held with Oliver Adviser") in titles


@pytest.mark.parametrize(
    ("persona", "page_status", "change_status"),
    [
        ("manager", 200, 200),
        ("admin_user", 200, 200),
        ("pa", 200, 403),  # her own young person: she sees the workers but does not move them
        ("head", 200, 403),
        ("auditor", 200, 403),
        ("other_pa", 404, 404),
        ("other_manager", 404, 404),
        ("outsider", 404, 404),
    ],
)
def test_who_may_see_and_change_transfers(request, persona, page_status, change_status, jordan, manager, other_pa):
    transfer = actions.plan_transfer(jordan, acting_user=manager, role="personal_adviser", to_worker=other_pa,
                                     planned_on=dt.date(2026, 12, 1), reason="Moving team")
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("casework:workers", args=[jordan.pk])).status_code == page_status
    for name in ("handover", "transfer-complete", "transfer-cancel"):
        assert client.get(reverse(f"casework:{name}", args=[jordan.pk, transfer.pk])).status_code == change_status, name
    assert client.get(plan_url(jordan)).status_code == change_status
    if change_status != 200:
        assert client.post(plan_url(jordan), plan_form(other_pa)).status_code == change_status
        assert Transfer.objects.count() == 1
    next_handover = client.get(reverse("casework:next-handover", args=[jordan.pk])).status_code
    assert next_handover == (302 if change_status == 200 else change_status)
    posted = client.post(reverse("casework:transfer-cancel", args=[jordan.pk, transfer.pk]), {"version": "1"})
    transfer.refresh_from_db()
    assert transfer.status == (TransferStatus.CANCELLED if change_status == 200 else TransferStatus.PLANNED)
    assert posted.status_code == (302 if change_status == 200 else change_status)
