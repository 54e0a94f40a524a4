"""Chronology entries from plans records: assessments completed, versions agreed and
signed, reviews held and reviews asked for."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from people.extension import ChronologyItem
from plans.models import NeedsAssessment, PathwayPlanVersion, PlanReview, ReviewRequest


def plans_chronology(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    pk = young_person.pk
    for a in NeedsAssessment.objects.filter(young_person=young_person, completed_on__isnull=False):
        yield ChronologyItem(
            on=a.completed_on, title="Needs assessment completed", kind="assessment",
            detail="Authorised" if a.authorised_on else "Not yet authorised",
            url=reverse("plans:assessment", args=[pk, a.pk]),
        )
    agreed = PathwayPlanVersion.objects.filter(plan__young_person=young_person, agreed_on__isnull=False)
    for v in agreed.select_related("worker_signed_by"):
        url = reverse("plans:version", args=[pk, v.pk])
        yield ChronologyItem(on=v.agreed_on, title=f"Pathway plan version {v.number} agreed", kind="plan", url=url)
        if v.young_person_signed_on:
            yield ChronologyItem(
                on=v.young_person_signed_on, title=f"Pathway plan version {v.number} signed by {young_person.name}",
                detail=v.get_young_person_signed_how_display(), kind="plan", url=url,
            )
        if v.worker_signed_on:
            yield ChronologyItem(
                on=v.worker_signed_on, title=f"Pathway plan version {v.number} signed by {_worker(v)}",
                detail=v.get_worker_signed_how_display(), kind="plan", url=url,
            )
    for r in PlanReview.objects.filter(young_person=young_person):
        yield ChronologyItem(
            on=r.held_on, title="Pathway plan review held", detail=r.get_reason_display(), kind="review",
            url=reverse("plans:review", args=[pk, r.pk]),
        )
    for q in ReviewRequest.objects.filter(young_person=young_person):
        yield ChronologyItem(
            on=q.requested_on, title="Pathway plan review requested", detail=q.get_requested_by_display(),
            kind="review_request", url=reverse("plans:request", args=[pk, q.pk]),
        )


def _worker(version: PathwayPlanVersion) -> str:
    """A sign-off written straight to the database (imported history) may not name the signer."""
    signer = version.worker_signed_by
    return f"the worker, {signer.display_name}" if signer else "the worker"
