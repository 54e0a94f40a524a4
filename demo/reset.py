"""Emptying the database before a new demo council: every young person and everything that
hangs off them, then the staff accounts (superusers are kept) and the teams."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError

from accounts.models import Team, User
from audit.models import AccessLog, AuditEvent
from caseaudits.report_models import PastAuditImport
from casework.models import CaseloadReassignment
from demo.staffing import forget_staffing
from duties.models import PolicySetting, ScorecardFigure
from people.models import YoungPerson
from ssda903.models import ImportRun


class DemoRefused(Exception):
    """The database already holds records and --reset was not given, or reset is blocked."""


def _dependents_first(
    model: type[models.Model], order: list[type[models.Model]], visiting: frozenset[type[models.Model]] = frozenset()
) -> None:
    """``model`` after every model that points at it, directly or through others, so that
    deleting in ``order`` never trips a PROTECT foreign key."""
    for relation in model._meta.related_objects:
        related = relation.related_model
        if related in order or related in visiting or related is model or related._meta.auto_created:
            continue
        _dependents_first(related, order, visiting | {model})
    if model not in order:
        order.append(model)


def _delete_all(model: type[models.Model], chunk: int = 5000) -> int:
    """Delete every row, a chunk at a time so that memory stays flat on big tables. A row
    that another row of its own table points at (a plan version the next one was based on)
    waits until that row has gone: the reference is PROTECT."""
    manager = model._base_manager
    self_references = [f.attname for f in model._meta.concrete_fields if f.is_relation and f.related_model is model]
    total = 0
    while True:
        rows = manager.order_by("pk")
        for attname in self_references:
            rows = rows.exclude(pk__in=manager.filter(**{f"{attname}__isnull": False}).values(attname))
        pks = list(rows.values_list("pk", flat=True)[:chunk])
        if not pks:
            return total
        total += manager.filter(pk__in=pks).delete()[1].get(model._meta.label, 0)


def existing_records() -> dict[str, int]:
    return {
        "young people": YoungPerson.objects.count(),
        "staff accounts": User.objects.filter(is_superuser=False).count(),
        "teams": Team.objects.count(),
    }


def reset_database() -> dict[str, int]:
    """Delete every young person and every row that hangs off them (care history, timeline,
    allocations, audit and access-log rows, and whatever later apps add), then the staff
    accounts (superusers are kept, without a team) and the teams. Returns counts by table."""
    order: list[type[models.Model]] = []
    _dependents_first(YoungPerson, order)
    deleted: dict[str, int] = {}
    try:
        with transaction.atomic():
            for model in order:
                deleted[str(model._meta.verbose_name_plural)] = _delete_all(model)
            # Worked out from the young people just deleted (the service-wide rows name no team).
            deleted["scorecard figures"] = ScorecardFigure.objects.all().delete()[0]
            _forget_staff()
            User.objects.filter(is_superuser=True).update(team=None)
            deleted["staff accounts"] = User.objects.filter(is_superuser=False).delete()[1].get(User._meta.label, 0)
            deleted["teams"] = Team.objects.all().delete()[0]
    except (ProtectedError, RestrictedError) as error:
        found = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
        blockers = sorted({obj._meta.label for obj in found})
        raise DemoRefused(
            f"Could not reset: rows in {', '.join(blockers)} still point at staff or teams. "
            "Teach demo.generator.reset_database to delete them first."
        ) from error
    return deleted


def _forget_staff() -> None:
    """What staff did that is not about a young person: caseload reassignments, their audit
    and access-log rows. A settings change keeps its value but no longer names who made it."""
    staff = User.objects.filter(is_superuser=False)
    forget_staffing()
    # Uploads staff made: past case-file audit results and SSDA903 files.
    PastAuditImport.objects.all().delete()
    ImportRun.objects.all().delete()
    CaseloadReassignment.objects.all().delete()
    AuditEvent.objects.filter(actor__in=staff).delete()
    AccessLog.objects.filter(user__in=staff).delete()
    PolicySetting.objects.filter(changed_by__in=staff).update(changed_by=None)


# Friendlier (plural, singular) names for the tables the reset empties; others use their verbose names.
_RESET_NAMES = {
    "young persons": ("young people", "young person"),
    "care episodes": ("care episodes", "care episode"),
    "home with parent periods": ("periods living with a parent", "period living with a parent"),
    "status spans": ("timeline spans", "timeline span"),
    "allocations": ("allocations", "allocation"),
    "audit events": ("audit events", "audit event"),
    "access logs": ("access-log rows", "access-log row"),
    "staff accounts": ("staff accounts", "staff account"),
    "teams": ("teams", "team"),
}


def deleted_text(deleted: dict[str, int]) -> str:
    """E.g. "390 young people, 924 care episodes, …, 1 audit event, 31 staff accounts, 4 teams"."""
    ordered = sorted(deleted.items(), key=lambda item: item[0] != "young persons")
    parts = []
    for what, n in ordered:
        plural, singular = _RESET_NAMES.get(what, (what, what))
        if n:
            parts.append(f"{n:,} {singular if n == 1 else plural}")
    return ", ".join(parts) if parts else "nothing"
