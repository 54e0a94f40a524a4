"""Plans records to the compliance core's casework facts, for many young people at once.

One query per kind of record whatever the number of people (plus one for the plan
sections, read as bare pairs), so the full recompute costs the same per person as a
single write.
"""

from __future__ import annotations

from collections import defaultdict

from compliance import records
from compliance.records import ReviewReason
from plans.models import (
    NeedsAssessment,
    PathwayPlanVersion,
    PlanReview,
    PlanSection,
    RequestedBy,
    ReviewRequest,
    involvement_complete,
    section_covered,
)


def _covered_matters(ids: list[int]) -> dict[int, set[str]]:
    """Plan version id -> Schedule 1 codes whose section has a need, actions, who and by when."""
    covered: dict[int, set[str]] = defaultdict(set)
    rows = (
        PlanSection.objects.filter(plan_version__plan__young_person_id__in=ids, by_when__isnull=False)
        .exclude(need="")
        .exclude(actions="")
        .exclude(who="")
        .values_list("plan_version_id", "matter", "need", "actions", "who", "by_when")
    )
    for version_id, matter, *content in rows:
        if section_covered(*content):  # whitespace alone says nothing
            covered[version_id].add(matter)
    return covered


def plan_facts(ids: list[int]) -> dict[int, dict[str, object]]:
    out: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))

    for pk, yp_id, started, completed, authorised in NeedsAssessment.objects.filter(
        young_person_id__in=ids
    ).values_list("pk", "young_person_id", "started_on", "completed_on", "authorised_on"):
        out[yp_id]["assessments"].append(records.NeedsAssessment(started, completed, authorised, ref=f"assessment:{pk}"))

    covered = _covered_matters(ids)
    versions = PathwayPlanVersion.objects.filter(plan__young_person_id__in=ids).values_list(
        "pk", "plan__young_person_id", "number", "agreed_on", "contingency_plan", "contact_every_weeks",
        "young_person_signed_on", "worker_signed_on", "authorised_on", "copy_given_on",
    )
    for pk, yp_id, number, agreed_on, contingency, weeks, yp_signed, worker_signed, authorised, copy in versions:
        has_contingency = bool(contingency.strip())
        matters = covered.get(pk, set()) | ({"contingency"} if has_contingency else set())
        out[yp_id]["plans"].append(
            records.PathwayPlanVersion(
                version=number, agreed_on=agreed_on, matters_covered=frozenset(matters),
                has_contingency=has_contingency, contact_every_weeks=weeks,
                young_person_signed_on=yp_signed, worker_signed_on=worker_signed,
                authorised_on=authorised, copy_given_on=copy, ref=f"plan:{pk}",
            )
        )

    reviews = PlanReview.objects.filter(young_person_id__in=ids).values_list(
        "pk", "young_person_id", "held_on", "reason", "young_person_involvement", "young_person_views",
        "others_involvement", "new_version_id",
    )
    for pk, yp_id, held_on, reason, how, views, others, new_version_id in reviews:
        out[yp_id]["reviews"].append(
            records.PlanReview(
                held_on=held_on, reason=ReviewReason(reason),
                involvement_form_complete=involvement_complete(how, views, others),
                new_version=new_version_id is not None, ref=f"review:{pk}",
            )
        )

    for pk, yp_id, requested_on, by in ReviewRequest.objects.filter(young_person_id__in=ids).values_list(
        "pk", "young_person_id", "requested_on", "requested_by"
    ):
        out[yp_id]["review_requests"].append(
            records.ReviewRequest(requested_on, by_young_person=by == RequestedBy.YOUNG_PERSON, ref=f"review_request:{pk}")
        )
    return out  # type: ignore[return-value]
