"""A case as its records stood at the end of a past day.

The quarterly scorecard asks "was the plan in date on 30 September?" of records kept
since. Every record carries its event date (statutory-rules.md §1.3), so the case as it
stood that day is today's case with later events removed and later sign-offs and end
dates not yet known. This reads event dates, not the dates things were typed in: a visit
made in September and recorded in October counts for September, as the law judges it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from compliance.records import CaseFacts


def _by(d: date | None, day: date) -> date | None:
    """A date that had happened by ``day``, else None (not known yet)."""
    return d if d is not None and d <= day else None


def _ended_by(end: date | None, day: date) -> date | None:
    # End dates are exclusive: a spell ending on day + 1 was still running on ``day``,
    # and nobody knew yet when it would end.
    return end if end is not None and end <= day else None


def known_on(case: CaseFacts, day: date) -> CaseFacts:
    """``case`` with only what had happened by the end of ``day``."""
    return replace(
        case,
        assessments=tuple(
            replace(a, completed_on=_by(a.completed_on, day), authorised_on=_by(a.authorised_on, day))
            for a in case.assessments
            if (a.started_on or a.completed_on) is not None and (a.started_on or a.completed_on) <= day  # type: ignore[operator]
        ),
        # A draft has no date of its own, so whether it existed then is unknown: leave it out.
        plans=tuple(
            replace(
                p,
                young_person_signed_on=_by(p.young_person_signed_on, day),
                worker_signed_on=_by(p.worker_signed_on, day),
                authorised_on=_by(p.authorised_on, day),
                copy_given_on=_by(p.copy_given_on, day),
            )
            for p in case.plans
            if p.agreed_on is not None and p.agreed_on <= day
        ),
        reviews=tuple(r for r in case.reviews if r.held_on <= day),
        review_requests=tuple(r for r in case.review_requests if r.requested_on <= day),
        contacts=tuple(c for c in case.contacts if c.on <= day),
        accommodation=tuple(replace(s, end=_ended_by(s.end, day)) for s in case.accommodation if s.start <= day),
        allocations=tuple(replace(a, end=_ended_by(a.end, day)) for a in case.allocations if a.start <= day),
        summary_updated_on=tuple(d for d in case.summary_updated_on if d <= day),
        transfers=tuple(
            replace(t, handover_held_on=_by(t.handover_held_on, day), completed_on=_by(t.completed_on, day))
            for t in case.transfers
            if t.planned_on <= day
        ),
        staying_put=tuple(
            replace(s, end=_ended_by(s.end, day), reviewed_on=tuple(d for d in s.reviewed_on if d <= day))
            for s in case.staying_put
            if s.start <= day
        ),
        closed_on=_by(case.closed_on, day),
        person=replace(case.person, date_of_death=_by(case.person.date_of_death, day)),
    )
