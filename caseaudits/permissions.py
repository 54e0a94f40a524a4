"""Who may do what with case-file audits. Fails closed, like people/access.py.

- Administrators build templates.
- Heads of service, QA auditors and administrators run rounds: sample and allocate.
- An allocated auditor does their own audit, and only until they submit it.
- Once submitted, the young person's workers (the one on the audit and any allocated now)
  and the managers who can see the young person read the findings and respond; personal
  advisers and social workers see audits of their own cases only.
Someone who may not see an audit gets 404, so its existence is not revealed.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import CASEWORK_ROLES, Role, User
from caseaudits.models import FINISHED_AUDIT_STATUSES, Audit, AuditAction, AuditStatus, ResponseCapacity
from casework.models import Allocation
from people import access

TEMPLATE_BUILDERS = frozenset({Role.ADMINISTRATOR})
ROUND_RUNNERS = frozenset({Role.HEAD_OF_SERVICE, Role.QA_AUDITOR, Role.ADMINISTRATOR})


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def builds_templates(user: User) -> bool:
    return _active(user) and user.role in TEMPLATE_BUILDERS


def runs_rounds(user: User) -> bool:
    return _active(user) and user.role in ROUND_RUNNERS


def require_builder(user: User) -> None:
    if not builds_templates(user):
        raise PermissionDenied("Only an administrator can change audit templates.")


def require_runner(user: User) -> None:
    if not runs_rounds(user):
        raise PermissionDenied("Only a head of service, a quality assurance auditor or an administrator can run audit rounds.")


def is_case_worker(user: User, audit: Audit, today: dt.date) -> bool:
    """The worker the audit was about, or a worker allocated to the young person now."""
    if not _active(user) or user.role not in CASEWORK_ROLES:
        return False
    return audit.worker_id == user.pk or Allocation.objects.active_on(today).filter(
        young_person_id=audit.young_person_id, worker=user
    ).exists()


def is_case_manager(user: User, audit: Audit, today: dt.date) -> bool:
    """A team manager who oversees the young person, or who manages the audit's worker."""
    if not _active(user) or user.role != Role.TEAM_MANAGER or not user.team_id:
        return False
    if audit.worker is not None and audit.worker.team_id == user.team_id:
        return True
    return access.visible_young_people(user, today).filter(pk=audit.young_person_id).exists()


def can_see_audit(user: User, audit: Audit, today: dt.date) -> bool:
    if not _active(user):
        return False
    if runs_rounds(user) or audit.auditor_id == user.pk:
        return True
    if audit.status not in FINISHED_AUDIT_STATUSES:
        return False
    return is_case_worker(user, audit, today) or is_case_manager(user, audit, today)


def audit_for(user: User, pk: int, today: dt.date) -> Audit:
    audit = get_object_or_404(
        Audit.objects.select_related("round__template_version__template", "young_person", "auditor", "worker", "team"),
        pk=pk,
    )
    if not can_see_audit(user, audit, today):
        raise Http404("No such audit")
    return audit


def can_answer(user: User, audit: Audit) -> bool:
    return (
        _active(user) and audit.auditor_id == user.pk
        and audit.status in (AuditStatus.ALLOCATED, AuditStatus.IN_PROGRESS) and not audit.round.is_closed
    )


def require_answerer(user: User, audit: Audit) -> None:
    if not can_answer(user, audit):
        if audit.is_finished:
            raise PermissionDenied("This audit has been submitted and can no longer be changed.")
        raise PermissionDenied("Only the auditor allocated to this file can answer its audit.")


def response_capacity(user: User, audit: Audit, today: dt.date) -> str | None:
    """Whether this user responds to the findings as the worker or as the manager, if at all."""
    if not audit.is_finished or audit.round.is_closed:
        return None
    if is_case_worker(user, audit, today):
        return ResponseCapacity.WORKER
    if is_case_manager(user, audit, today):
        return ResponseCapacity.MANAGER
    return None


def can_raise_actions(user: User, audit: Audit) -> bool:
    return audit.is_finished and not audit.round.is_closed and (audit.auditor_id == user.pk or runs_rounds(user))


def can_mark_done(user: User, action: AuditAction, today: dt.date) -> bool:
    """The worker it is for, or a manager of theirs."""
    if not _active(user) or action.done_on is not None:
        return False
    if action.worker_id == user.pk:
        return True
    return is_case_manager(user, action.audit, today)
