"""Writing a batch of drawn young people and everything about them, with ``bulk_create``.

One transaction per batch, parents before the rows that point at them: ``bulk_create``
sets each saved row's id on the object, so a child row holding that object gets the id.
No action runs: the actions would audit and recompute each write, far too slow for
100,000 people; the generator fills the duty ledger once at the end instead.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone

from casework.models import Allocation, CaseClosure, Transfer
from circumstances.models import (
    AccommodationSpell,
    ActivitySpell,
    Declaration,
    DetentionPeriod,
    EducationProgramme,
    StayingPutArrangement,
    StayingPutReview,
)
from compliance.categories import LeavingCareStatus
from contacts.models import CaseNote, CaseSummary, CaseSummaryVersion, ChronologyEntry, Contact
from demo.casework import Casework
from demo.histories import PersonPlan
from people.models import CareEpisode, HomeWithParentPeriod, StatusSpan, YoungPerson
from people.status import span_rows
from plans.models import NeedsAssessment, PathwayPlan, PathwayPlanVersion, PlanReview, PlanSection, ReviewRequest

# Casework records carry the time they would have been typed in, set by the makers.
BACKDATED = (
    NeedsAssessment, PathwayPlan, PathwayPlanVersion, PlanReview, ReviewRequest, Contact, CaseNote, ChronologyEntry,
    CaseSummaryVersion, AccommodationSpell, ActivitySpell, StayingPutArrangement, StayingPutReview, Declaration,
    EducationProgramme, DetentionPeriod, Transfer, CaseClosure,
)

# (what the summary calls them, model) in the order they are written.
NAMES = {
    YoungPerson: "young people", CareEpisode: "care episodes", HomeWithParentPeriod: "periods living with a parent",
    StatusSpan: "timeline spans", Allocation: "allocations", NeedsAssessment: "needs assessments",
    PathwayPlan: "pathway plans", PathwayPlanVersion: "plan versions", PlanSection: "plan sections",
    PlanReview: "plan reviews", ReviewRequest: "review requests", Contact: "contacts", CaseNote: "case notes",
    ChronologyEntry: "chronology entries", CaseSummary: "case summaries", CaseSummaryVersion: "case summary versions",
    AccommodationSpell: "accommodation spells", ActivitySpell: "activity spells",
    StayingPutArrangement: "staying put arrangements", StayingPutReview: "staying put reviews",
    Declaration: "declarations", EducationProgramme: "education programmes", DetentionPeriod: "periods of detention",
    Transfer: "transfers", CaseClosure: "case closures",
}


@dataclass
class Drawn:
    plan: PersonPlan
    status: LeavingCareStatus
    allocations: list[Allocation]
    casework: Casework


@contextmanager
def backdated(tables: tuple[type[models.Model], ...] = BACKDATED) -> Iterator[None]:
    """Let ``bulk_create`` keep the recorded-at times the makers set, instead of stamping
    the time of the run (auto_now_add) on years of history. Restored afterwards."""
    switched = [f for m in tables for f in m._meta.concrete_fields if getattr(f, "auto_now_add", False)
                or getattr(f, "auto_now", False)]
    saved = [(f, f.auto_now, f.auto_now_add) for f in switched]
    for f in switched:
        f.auto_now = f.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add  # type: ignore[attr-defined]


def _stamp_missing(model: type[models.Model], rows: list[models.Model], now: dt.datetime) -> None:
    for f in model._meta.concrete_fields:
        if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
            for row in rows:
                if getattr(row, f.attname) is None:
                    setattr(row, f.attname, now)


def write_batch(batch: list[Drawn], counts: Counter[str]) -> None:
    now = timezone.now()
    with transaction.atomic(), backdated():
        YoungPerson.objects.bulk_create([d.plan.young_person for d in batch])
        rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        for drawn in batch:
            _gather(drawn, rows)
        for model in NAMES:
            if model is YoungPerson:
                continue
            found = rows.get(model, [])
            if model in BACKDATED:
                _stamp_missing(model, found, now)
            if model is PathwayPlanVersion:
                _write_versions(found)  # type: ignore[arg-type]
            elif found:
                model.objects.bulk_create(found)  # type: ignore[attr-defined]
            counts[NAMES[model]] += len(found)
    counts[NAMES[YoungPerson]] += len(batch)


def _write_versions(versions: list[PathwayPlanVersion]) -> None:
    """Each version points at the one before, which must be saved first: one pass per number."""
    by_number: dict[int, list[PathwayPlanVersion]] = defaultdict(list)
    for version in versions:
        by_number[version.number].append(version)
    for number in sorted(by_number):
        PathwayPlanVersion.objects.bulk_create(by_number[number])


def _gather(drawn: Drawn, rows: dict[type[models.Model], list[models.Model]]) -> None:
    """Sort one saved young person's rows by table, each pointing at them by id."""
    plan, casework = drawn.plan, drawn.casework
    pathway, log, life = casework.pathway, casework.log, casework.life
    pk = plan.young_person.pk
    rows[StatusSpan].extend(span_rows(pk, drawn.status))
    for model, found in (
        (CareEpisode, plan.episodes), (HomeWithParentPeriod, plan.home_periods), (Allocation, drawn.allocations),
        (NeedsAssessment, pathway.assessments), (PathwayPlan, [pathway.plan] if pathway.plan else []),
        (PlanReview, pathway.reviews), (ReviewRequest, pathway.requests), (Contact, log.contacts),
        (CaseNote, log.notes), (ChronologyEntry, log.chronology), (CaseSummary, [log.summary] if log.summary else []),
        (AccommodationSpell, life.accommodation), (ActivitySpell, life.activity),
        (StayingPutArrangement, life.staying_put), (Declaration, life.declarations),
        (EducationProgramme, life.programmes), (DetentionPeriod, life.detention),
        (Transfer, casework.transfers), (CaseClosure, life.closures),
    ):
        for row in found:
            row.young_person_id = pk  # type: ignore[attr-defined]
        rows[model].extend(found)
    rows[PathwayPlanVersion].extend(pathway.versions)
    rows[PlanSection].extend(pathway.sections)
    rows[CaseSummaryVersion].extend(log.summary_versions)
    rows[StayingPutReview].extend(life.staying_put_reviews)
