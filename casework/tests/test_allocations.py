"""Allocating workers: one personal adviser at a time, handovers recorded, bad input refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from casework.models import Allocation
from conftest import client_for

pytestmark = pytest.mark.django_db


def allocate_form(worker, role="personal_adviser", day="1", month="11", year="2026"):
    return {"role": role, "worker": str(worker.pk), "start_day": day, "start_month": month, "start_year": year}


def test_new_personal_adviser_takes_over_and_the_old_allocation_ends(manager, jordan, pa, other_pa):
    response = client_for(manager).post(reverse("people:allocate", args=[jordan.pk]), allocate_form(other_pa))
    assert response.status_code == 302
    old = Allocation.objects.get(young_person=jordan, worker=pa)
    new = Allocation.objects.get(young_person=jordan, worker=other_pa)
    assert old.end == dt.date(2026, 11, 1) and new.start == dt.date(2026, 11, 1) and new.end is None
    assert AuditEvent.objects.filter(action="casework.end_allocation", young_person=jordan).count() == 1
    assert AuditEvent.objects.filter(action="casework.allocate_worker", young_person=jordan).count() == 1
    # The page now names the new adviser, and the old one loses access.
    assert "Oliver Adviser" in client_for(manager).get(reverse("people:detail", args=[jordan.pk])).content.decode()
    assert client_for(pa).get(reverse("people:detail", args=[jordan.pk])).status_code == 404


def test_worker_must_hold_the_role(manager, jordan, head):
    response = client_for(manager).post(reverse("people:allocate", args=[jordan.pk]), allocate_form(head))
    assert "Select a worker from the list" in response.content.decode()
    assert Allocation.objects.filter(young_person=jordan).count() == 1


def test_personal_adviser_cannot_be_allocated_as_social_worker(manager, jordan, other_pa):
    response = client_for(manager).post(
        reverse("people:allocate", args=[jordan.pk]), allocate_form(other_pa, role="social_worker")
    )
    assert "Select a member of staff who works as a social worker" in response.content.decode()
    assert Allocation.objects.filter(young_person=jordan).count() == 1


def test_allocating_the_same_worker_again_is_refused(manager, jordan, pa):
    response = client_for(manager).post(reverse("people:allocate", args=[jordan.pk]), allocate_form(pa))
    assert "Priya Adviser is already allocated" in response.content.decode()


def test_start_before_birth_is_refused(manager, jordan, other_pa):
    response = client_for(manager).post(reverse("people:allocate", args=[jordan.pk]), allocate_form(other_pa, year="2001"))
    assert "Start date must be on or after the date of birth" in response.content.decode()
    assert Allocation.objects.filter(young_person=jordan).count() == 1


def test_ending_an_allocation(manager, jordan):
    allocation = jordan.allocations.get()
    url = reverse("people:end-allocation", args=[jordan.pk, allocation.pk])
    bad = client_for(manager).post(url, {"end_day": "1", "end_month": "1", "end_year": "2020"})
    assert "End date must be after the start date" in bad.content.decode()
    good = client_for(manager).post(url, {"end_day": "20", "end_month": "11", "end_year": "2026"})
    assert good.status_code == 302
    allocation.refresh_from_db()
    assert allocation.end == dt.date(2026, 11, 20)


def test_the_allocation_form_offers_only_workers_from_the_young_persons_team(manager, pa, south_pa, jordan):
    from django.urls import reverse

    from conftest import client_for

    page = client_for(manager).get(reverse("people:allocate", args=[jordan.pk])).content.decode()
    assert pa.display_name in page
    assert south_pa.display_name not in page
