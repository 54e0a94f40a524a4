"""The internal-audit findings, counted over every open case rather than a sample.

Councils' audits (Gloucestershire, Devon, Camden, Shropshire) sampled about 24 cases and
reported these findings; here each is a count over everyone the manager oversees, with the
number of cases it could apply to. Most come straight from the duty ledger; two read the
records themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import ExtractYear

from compliance.duties import DutyState
from duties.settings import current_policy
from oversight.dashboard import Tally, duty_tallies
from people.queries import latest_birth_date_for_age
from plans.models import PathwayPlanVersion

# (finding as the audits put it, the duty whose overdue rows are the finding)
LEDGER_FINDINGS = (
    ("Pathway plans overdue for review", "plan_review"),
    ("Review involvement forms not completed", "review_involvement"),
    ("Case summary not updated", "case_summary"),
    ("No contingency plan", "contingency_plan"),
    ("No copy of the plan given to the young person", "plan_copy_given"),
    ("No personal adviser when one is required", "personal_adviser"),
    ("Visits out of timescale", "visits"),
)


@dataclass(frozen=True)
class Finding:
    label: str
    count: int
    of: int  # cases it could apply to
    duty_code: str = ""

    @property
    def percent(self) -> int | None:
        return round(100 * self.count / self.of) if self.of else None


def audit_findings(people: QuerySet, today: dt.date, tallies: list[tuple[object, Tally]] | None = None) -> list[Finding]:
    """The findings for these young people. ``tallies`` are the dashboard's per-duty counts for the
    same people (duty_tallies), passed in so the ledger is read once, not twice."""
    findings = []
    over_25 = people.filter(date_of_birth__lte=latest_birth_date_for_age(25, today, current_policy().leap_day_birthday_rule))
    findings.append(Finding("Cases open past the 25th birthday", over_25.count(), people.count(), "closure"))

    # The current (latest agreed) version of each plan, and whether a sign-off on it is dated
    # in an earlier calendar year than the version itself.
    latest = (
        PathwayPlanVersion.objects.filter(plan__young_person=OuterRef("plan__young_person"), agreed_on__isnull=False)
        .order_by("-number").values("pk")[:1]
    )
    current = PathwayPlanVersion.objects.filter(plan__young_person__in=people, pk=Subquery(latest))
    earlier_year = current.annotate(
        agreed_year=ExtractYear("agreed_on"),
        yp_year=ExtractYear("young_person_signed_on"),
        worker_year=ExtractYear("worker_signed_on"),
    ).filter(Q(yp_year__lt=F("agreed_year")) | Q(worker_year__lt=F("agreed_year")))
    findings.append(Finding("Plan sign-off dated in an earlier year than the plan", earlier_year.count(), current.count()))

    by_code = {duty.code: tally for duty, tally in (tallies if tallies is not None else duty_tallies(people, today))}
    for label, code in LEDGER_FINDINGS:
        tally = by_code[code]
        findings.append(Finding(label, tally.count(DutyState.OVERDUE), tally.applying, code))
    return findings
