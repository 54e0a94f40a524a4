"""Read-only access to a young person's record for the length of an audit.

An auditor is granted access when the file is allocated to them. The grant stays open while
they do the audit and ends ``ACCESS_DAYS_AFTER_SUBMISSION`` days after they submit it (so they
can read the worker's response and raise actions), when the file is given to someone else,
or when the round closes. people/access.py asks :func:`has_current_grant` before refusing a
record; every page of the record logs each view (audit.AccessLog), and each grant and its
end are audit events on the young person's record.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from audit.record import record_event
from caseaudits.models import AccessGrant, Audit
from circumstances.checks import long_date
from people.writes import created_changes

ACCESS_DAYS_AFTER_SUBMISSION = 14


def has_current_grant(user: object, young_person_pk: int, day: dt.date) -> bool:
    return AccessGrant.objects.current_on(day).filter(user=user, young_person_id=young_person_pk).exists()


def grant_for_audit(audit: Audit, *, acting_user: object, today: dt.date) -> AccessGrant:
    grant = AccessGrant.objects.create(
        user=audit.auditor, young_person=audit.young_person, audit=audit, starts_on=today
    )
    record_event(
        actor=acting_user, action="caseaudits.grant_access", obj=grant, young_person=audit.young_person,
        summary=f"{audit.auditor.display_name} may read this record while auditing it",
        changes=created_changes(grant, ["user", "starts_on", "reason"]),
    )
    return grant


def end_grants(grants: QuerySet[AccessGrant], *, on: dt.date, because: str, acting_user: object) -> int:
    """End every grant in ``grants`` still open on ``on`` (the first day without access)."""
    ended = 0
    for grant in grants.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on)).select_related("user", "young_person"):
        before = grant.ends_on
        grant.ends_on = max(on, grant.starts_on)
        grant.ended_because = because
        grant.save(update_fields=["ends_on", "ended_because"])
        record_event(
            actor=acting_user, action="caseaudits.end_access", obj=grant, young_person=grant.young_person,
            summary=f"{grant.user.display_name}'s access for the audit ends {long_date(grant.ends_on)}: {because}",
            changes={"ends_on": [before.isoformat() if before else None, grant.ends_on.isoformat()]},
        )
        ended += 1
    return ended


def grants_of(audit: Audit) -> QuerySet[AccessGrant]:
    return AccessGrant.objects.filter(audit=audit)
