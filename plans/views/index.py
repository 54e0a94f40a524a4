"""The "Plans and reviews" section of a young person's record."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse

from plans.coverage import coverage
from plans.models import NeedsAssessment, PathwayPlanVersion, PlanReview, PlanSection, ReviewRequest
from plans.views.common import readable, record_page


def plans_index(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = readable(request, pk)
    versions = list(
        PathwayPlanVersion.objects.filter(plan__young_person=young_person)
        .prefetch_related(Prefetch("sections", queryset=PlanSection.objects.all()))
        .order_by("-number")
    )
    requests = list(ReviewRequest.objects.filter(young_person=young_person).select_related("answered_by"))
    return record_page(
        request, "plans/index.html", young_person,
        assessments=list(NeedsAssessment.objects.filter(young_person=young_person).select_related("author")),
        versions=[(v, coverage(v, young_person.uasc)) for v in versions],
        draft=versions[0] if versions and versions[0].is_draft else None,
        reviews=list(PlanReview.objects.filter(young_person=young_person).select_related("new_version")),
        open_requests=[r for r in requests if r.answered_by_id is None],
        answered_requests=[r for r in requests if r.answered_by_id is not None],
    )
