"""Named writes for audit rounds: create, draw and confirm the sample, allocate auditors (one
file at a time or shared evenly), withdraw a file, close the round."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.record import record_event
from caseaudits.actions.audits import DUE_IN_THE_PAST
from caseaudits.conflicts import conflict, conflicts
from caseaudits.grants import end_grants, grant_for_audit, grants_of
from caseaudits.models import (
    OPEN_AUDIT_STATUSES,
    AccessGrant,
    Audit,
    AuditRound,
    AuditStatus,
    RoundStatus,
    TemplateVersion,
    VersionStatus,
)
from caseaudits.population import facts_for, population, strata_for
from caseaudits.sampling import draw_sample, new_seed
from casework.models import Allocation, AllocationRole
from circumstances.checks import long_date, refuse
from people.models import YoungPerson
from people.writes import StaleEdit, apply_changes, created_changes, finish_write, lock, save_new_version


def _round_event(acting_user: Any, action: str, audit_round: AuditRound, summary: str,
                 changes: dict[str, Any] | None = None) -> None:
    record_event(actor=acting_user, action=f"caseaudits.{action}", obj=audit_round, summary=summary, changes=changes)


def _open_round(audit_round: AuditRound, expected_version: int | None = None) -> AuditRound:
    locked = lock(AuditRound, audit_round.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit()
    if locked.is_closed:
        raise ValidationError({"__all__": [f"{locked.title} is closed and cannot be changed"]})
    return locked


@transaction.atomic
def create_round(*, acting_user: Any, title: str, template_version: TemplateVersion, starts_on: dt.date,
                 due_on: dt.date, population_filters: dict[str, Any]) -> AuditRound:
    if template_version.status != VersionStatus.PUBLISHED:
        refuse("template_version", "Select a published template version")
    if due_on < starts_on:
        refuse("due_on", f"Due date must be on or after the start date, {long_date(starts_on)}")
    audit_round = AuditRound.objects.create(
        title=title.strip(), template_version=template_version, starts_on=starts_on, due_on=due_on,
        population_filters=population_filters, created_by=acting_user,
    )
    _round_event(acting_user, "create_round", audit_round, f"Started the audit round {audit_round.title}",
                 created_changes(audit_round, ["title", "template_version", "starts_on", "due_on", "population_filters"]))
    return audit_round


@transaction.atomic
def draw(audit_round: AuditRound, *, acting_user: Any, sample_size: int, stratify_by: str = "",
         seed: int | None = None, today: dt.date | None = None) -> AuditRound:
    """Draw (or draw again) the round's sample. Nothing is created until it is confirmed."""
    today = today or timezone.localdate()
    locked = _open_round(audit_round)
    if locked.is_sampled:
        raise ValidationError({"__all__": ["The sample has been confirmed and cannot be drawn again"]})
    facts = facts_for(population(acting_user, locked.population_filters, today), today)
    if not facts:
        refuse("sample_size", "No young people match this round's population, so there is nothing to sample")
    if not 1 <= sample_size <= len(facts):
        refuse("sample_size", f"Sample size must be between 1 and {len(facts)}, the number of young people in the population")
    seed = new_seed() if seed is None else seed
    sample = draw_sample(list(facts), sample_size, seed, strata_for(facts, stratify_by))
    changes = apply_changes(locked, None, {
        "sample_size": sample_size, "stratify_by": stratify_by, "seed": seed, "drawn_on": today,
        "population_size": len(facts), "drawn_sample": sample,
    })
    save_new_version(locked)
    _round_event(acting_user, "draw_sample", locked,
                 f"Drew a sample of {len(sample)} from {len(facts)} young people with seed {seed}", changes)
    return locked


def current_workers(young_person_ids: Any, today: dt.date) -> dict[int, Any]:
    """{young person pk: worker}: the personal adviser allocated today, or else the social worker."""
    found: dict[int, Any] = {}
    allocations = Allocation.objects.active_on(today).filter(young_person_id__in=young_person_ids).select_related("worker")
    for allocation in allocations:
        if allocation.role == AllocationRole.PERSONAL_ADVISER or allocation.young_person_id not in found:
            found[allocation.young_person_id] = allocation.worker
    return found


@transaction.atomic
def confirm_sample(audit_round: AuditRound, *, acting_user: Any, expected_version: int | None,
                   today: dt.date | None = None) -> AuditRound:
    """One audit for each young person in the drawn sample, with the team and worker they have today."""
    today = today or timezone.localdate()
    locked = _open_round(audit_round, expected_version)
    if locked.is_sampled:
        raise ValidationError({"__all__": ["The sample has already been confirmed"]})
    if not locked.drawn_sample:
        raise ValidationError({"__all__": ["Draw a sample before confirming it"]})
    people = YoungPerson.objects.in_bulk(locked.drawn_sample)
    workers = current_workers(list(people), today)
    Audit.objects.bulk_create([
        Audit(round=locked, young_person=person, team_id=person.team_id, worker=workers.get(pk))
        for pk, person in sorted(people.items())
    ])
    changes = apply_changes(locked, None, {"status": RoundStatus.SAMPLED, "sample_confirmed_at": timezone.now()})
    save_new_version(locked)
    _round_event(acting_user, "confirm_sample", locked, f"Confirmed a sample of {len(people)} files for {locked.title}", changes)
    return locked


def _check_due(audit_round: AuditRound, due_on: dt.date, today: dt.date, field: str = "due_on") -> None:
    if due_on < today:
        refuse(field, DUE_IN_THE_PAST)
    if due_on < audit_round.starts_on:
        refuse(field, f"Due date must be on or after the round's start date, {long_date(audit_round.starts_on)}")


def _allocate(audit: Audit, *, acting_user: Any, auditor: Any, due_on: dt.date, today: dt.date) -> Audit:
    """The checks and writes of one allocation, the audit already locked and the round open."""
    if audit.status not in OPEN_AUDIT_STATUSES:
        refuse("auditor", f"The audit of {audit.young_person.name}'s file is {audit.get_status_display().lower()}: "
                          "it can no longer be given to an auditor")
    reason = conflict(auditor, audit.young_person, today)
    if reason:
        refuse("auditor", reason)
    previous = audit.auditor
    status = AuditStatus.ALLOCATED if audit.status == AuditStatus.UNALLOCATED else audit.status
    changes = apply_changes(audit, None, {"auditor": auditor, "due_on": due_on, "status": status,
                                          "allocated_on": today if previous != auditor else audit.allocated_on})
    save_new_version(audit)
    if previous is not None and previous != auditor:
        end_grants(grants_of(audit).filter(user=previous), on=today, because="the file was given to another auditor",
                   acting_user=acting_user)
    if not AccessGrant.objects.current_on(today).filter(audit=audit, user=auditor).exists():
        grant_for_audit(audit, acting_user=acting_user, today=today)
    if audit.round.status == RoundStatus.SAMPLED:
        AuditRound.objects.filter(pk=audit.round_id).update(status=RoundStatus.IN_PROGRESS)
    finish_write(audit.young_person, acting_user=acting_user, action="caseaudits.allocate_audit", obj=audit,
                 summary=f"{auditor.display_name} to audit this file by {long_date(due_on)}", changes=changes)
    return audit


@transaction.atomic
def allocate_audit(audit: Audit, *, acting_user: Any, auditor: Any, due_on: dt.date,
                   today: dt.date | None = None) -> Audit:
    today = today or timezone.localdate()
    audit_round = _open_round(audit.round)
    _check_due(audit_round, due_on, today)
    locked = Audit.objects.select_for_update(of=("self",)).select_related("young_person", "auditor", "round").get(pk=audit.pk)
    return _allocate(locked, acting_user=acting_user, auditor=auditor, due_on=due_on, today=today)


@transaction.atomic
def share_evenly(audit_round: AuditRound, *, acting_user: Any, auditors: list[Any], due_on: dt.date,
                 today: dt.date | None = None) -> dict[Audit, str]:
    """Give every file not yet allocated to one of ``auditors``, each to whoever has fewest in
    this round and no conflict with it. Returns the files nobody could take, with why."""
    today = today or timezone.localdate()
    locked = _open_round(audit_round)
    _check_due(locked, due_on, today)
    if not auditors:
        refuse("auditors", "Select at least one auditor")
    audits = list(locked.audits.select_for_update(of=("self",)).filter(status=AuditStatus.UNALLOCATED)
                  .select_related("young_person", "round").order_by("pk"))
    if not audits:
        raise ValidationError({"__all__": ["Every file in this round already has an auditor"]})
    people = [a.young_person for a in audits]
    refused_by = {auditor.pk: conflicts(auditor, people, today) for auditor in auditors}
    load = Counter(locked.audits.exclude(auditor=None).values_list("auditor_id", flat=True))
    nobody: dict[Audit, str] = {}
    for audit in audits:
        free = [a for a in auditors if audit.young_person_id not in refused_by[a.pk]]
        if not free:
            nobody[audit] = " ".join(refused_by[a.pk][audit.young_person_id] for a in auditors)
            continue
        chosen = min(free, key=lambda a: (load[a.pk], auditors.index(a)))
        load[chosen.pk] += 1
        _allocate(audit, acting_user=acting_user, auditor=chosen, due_on=due_on, today=today)
    return nobody


@transaction.atomic
def withdraw_audit(audit: Audit, *, acting_user: Any, reason: str, expected_version: int | None,
                   today: dt.date | None = None) -> Audit:
    """Take a file out of the sample (for example, the case closed before it could be audited)."""
    today = today or timezone.localdate()
    _open_round(audit.round)
    locked = Audit.objects.select_for_update(of=("self",)).select_related("young_person").get(pk=audit.pk)
    if locked.status not in OPEN_AUDIT_STATUSES:
        raise ValidationError({"__all__": ["A submitted audit cannot be withdrawn"]})
    if not reason.strip():
        refuse("reason", "Enter why this file is being withdrawn from the sample")
    changes = apply_changes(locked, expected_version, {"status": AuditStatus.WITHDRAWN, "withdrawn_reason": reason.strip()})
    save_new_version(locked)
    end_grants(grants_of(locked), on=today, because="the file was withdrawn from the sample", acting_user=acting_user)
    finish_write(locked.young_person, acting_user=acting_user, action="caseaudits.withdraw_audit", obj=locked,
                 summary="File withdrawn from the audit sample", changes=changes)
    return locked


@transaction.atomic
def close_round(audit_round: AuditRound, *, acting_user: Any, expected_version: int | None,
                today: dt.date | None = None) -> AuditRound:
    """Close a round whose audits are all finished or withdrawn; every auditor's access ends."""
    today = today or timezone.localdate()
    locked = _open_round(audit_round, expected_version)
    unfinished = locked.audits.filter(status__in=OPEN_AUDIT_STATUSES).count()
    if unfinished or not locked.is_sampled:
        files = "file has" if unfinished == 1 else "files have"
        raise ValidationError({"__all__": [
            f"{unfinished} {files} not been audited: submit or withdraw them before closing the round"
            if unfinished else "Confirm a sample before closing the round"
        ]})
    end_grants(AccessGrant.objects.filter(audit__round=locked), on=today, because="the round closed",
               acting_user=acting_user)
    changes = apply_changes(locked, None, {"status": RoundStatus.CLOSED, "closed_on": today})
    save_new_version(locked)
    _round_event(acting_user, "close_round", locked, f"Closed {locked.title}", changes)
    return locked
