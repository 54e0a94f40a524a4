"""Needs assessments, pathway plans (in versions), plan reviews and requests for a review.

Dates a duty rule reads are event dates (statutory-rules.md §1.3): the day an assessment
was completed, a version agreed, signed, authorised or handed over, a review held.
``created_at`` is kept beside them so late recording can be seen (§6).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from compliance.records import SCHEDULE_1_MATTERS, ReviewReason

MATTER_LABELS = dict(SCHEDULE_1_MATTERS)
# The contingency matter is the version's own contingency plan, not a section: it says
# what happens if the plan stops working, so it has no need, owner or target date.
SECTION_MATTERS = tuple(code for code, _ in SCHEDULE_1_MATTERS if code != "contingency")
UASC_ONLY_MATTERS = frozenset({"immigration"})


# -- needs assessment ---------------------------------------------------------------------

# CPPCR 2010 reg 42(2) and CLR 2010 reg 5(4): the matters an assessment must consider.
ASSESSMENT_MATTERS: tuple[tuple[str, str], ...] = (
    ("health", "Health, including emotional and mental health"),
    ("education", "Education, training or employment"),
    ("relationships", "Support from family and other relationships"),
    ("finance", "Financial needs and capacity to manage money"),
    ("practical_skills", "Practical and independent-living skills"),
    ("care_and_accommodation", "Need for care, support and accommodation"),
    ("wishes_and_feelings", "Wishes and feelings of the young person, their parents and others"),
    ("views_of_others", "Views of their school or college and others consulted"),
)


class NeedsAssessment(models.Model):
    """An assessment of needs (CPPCR 2010 reg 42; CLR 2010 reg 5). Editable until a
    manager authorises it; the written record of whose views were sought is CLR reg 5(3)."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="needs_assessments")
    started_on = models.DateField("Date started")
    completed_on = models.DateField("Date completed", null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    health = models.TextField(blank=True)
    education = models.TextField(blank=True)
    relationships = models.TextField(blank=True)
    finance = models.TextField(blank=True)
    practical_skills = models.TextField(blank=True)
    care_and_accommodation = models.TextField(blank=True)
    wishes_and_feelings = models.TextField(blank=True)
    views_of_others = models.TextField(blank=True)
    views_sought = models.TextField("Whose views were sought", blank=True)
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=models.F("started_on")),
                name="assessment_completed_after_started",
            ),
            models.CheckConstraint(
                condition=Q(authorised_on__isnull=True) | Q(completed_on__isnull=False),
                name="assessment_authorised_only_when_completed",
            ),
        ]

    @property
    def is_authorised(self) -> bool:
        return self.authorised_on is not None

    def matters(self) -> list[tuple[str, str, str]]:
        """(code, label, what was written) for each matter, in the regulation's order."""
        return [(code, label, getattr(self, code)) for code, label in ASSESSMENT_MATTERS]


# -- pathway plan ----------------------------------------------------------------------------


class SignOffMethod(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PORTAL = "portal", "Electronically, in the portal"
    PHONE = "phone", "By phone or verbally"
    OTHER = "other", "Another way"


class CopyMethod(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    POST = "post", "By post"
    EMAIL = "email", "By email"
    PORTAL = "portal", "In the portal"


class TookPart(models.TextChoices):
    FULLY = "fully", "Yes, fully"
    PARTLY = "partly", "Yes, partly"
    NO = "no", "No"


class PathwayPlan(models.Model):
    """A young person's pathway plan. What it says lives in its versions."""

    young_person = models.OneToOneField("people.YoungPerson", on_delete=models.PROTECT, related_name="pathway_plan")
    created_at = models.DateTimeField(auto_now_add=True)


class PathwayPlanVersion(models.Model):
    """One version of the plan (CLR 2010 reg 6, Schedule 1). A draft until it is agreed;
    once agreed its content is fixed and a change means a new version."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    based_on = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    agreed_on = models.DateField("Date agreed", null=True, blank=True)
    contingency_plan = models.TextField(blank=True)
    young_person_views = models.TextField("The young person's views, in their own words", blank=True)
    took_part = models.CharField(max_length=10, choices=TookPart.choices, blank=True)
    how_took_part = models.TextField(blank=True)
    contact_every_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    young_person_signed_on = models.DateField(null=True, blank=True)
    young_person_signed_how = models.CharField(max_length=10, choices=SignOffMethod.choices, blank=True)
    worker_signed_on = models.DateField(null=True, blank=True)
    worker_signed_how = models.CharField(max_length=10, choices=SignOffMethod.choices, blank=True)
    worker_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    copy_given_on = models.DateField(null=True, blank=True)
    copy_given_how = models.CharField(max_length=10, choices=CopyMethod.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    # What a new version copies from the one before: the plan's content, not its sign-offs.
    CONTENT_FIELDS = ("contingency_plan", "young_person_views", "took_part", "how_took_part", "contact_every_weeks")

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_per_number"),
        ]

    def __str__(self) -> str:
        return f"Version {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.agreed_on is None

    @property
    def has_contingency(self) -> bool:
        return bool(self.contingency_plan.strip())


class PlanSection(models.Model):
    """What a version says about one Schedule 1 matter: the need, the actions, who does
    them and by when. Covered when all four are filled in."""

    plan_version = models.ForeignKey(PathwayPlanVersion, on_delete=models.PROTECT, related_name="sections")
    matter = models.CharField(max_length=30, choices=[(c, MATTER_LABELS[c]) for c in SECTION_MATTERS])
    need = models.TextField(blank=True)
    actions = models.TextField(blank=True)
    who = models.CharField(max_length=200, blank=True)
    by_when = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan_version", "matter"], name="one_section_per_matter"),
        ]

    CONTENT_FIELDS = ("need", "actions", "who", "by_when")

    @property
    def is_covered(self) -> bool:
        return section_covered(self.need, self.actions, self.who, self.by_when)

    @property
    def is_empty(self) -> bool:
        return not any((self.need.strip(), self.actions.strip(), self.who.strip(), self.by_when))


def section_covered(need: str, actions: str, who: str, by_when: object) -> bool:
    return bool(need.strip() and actions.strip() and who.strip() and by_when)


# -- reviews ---------------------------------------------------------------------------------

REVIEW_REASON_LABELS = {
    ReviewReason.SIX_MONTHLY: "Six-monthly review",
    ReviewReason.YOUNG_PERSON_ASKED: "The young person asked for it",
    ReviewReason.PERSONAL_ADVISER_JUDGED: "Their personal adviser judged it necessary",
    ReviewReason.COUNCIL_JUDGED: "The council judged it necessary",
    ReviewReason.AFTER_MOVE: "After a move",
}


class Involvement(models.TextChoices):
    ATTENDED = "attended", "They attended the review"
    BEFOREHAND = "beforehand", "They contributed beforehand"
    ADVOCATE = "advocate", "Their views were given through an advocate"
    DID_NOT_TAKE_PART = "did_not_take_part", "They did not take part"


class ReviewOutcome(models.TextChoices):
    UNCHANGED = "unchanged", "The plan stays as it is"
    NEW_VERSION = "new_version", "A new version of the plan"


class PlanReview(models.Model):
    """A pathway plan review (CLR 2010 reg 7). ``held_on`` is the meeting date."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="plan_reviews")
    held_on = models.DateField("Date of the review")
    reason = models.CharField(max_length=30, choices=[(r.value, label) for r, label in REVIEW_REASON_LABELS.items()])
    attended = models.TextField("Who attended")
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices)
    new_version = models.ForeignKey(
        PathwayPlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="from_reviews"
    )
    young_person_involvement = models.CharField(max_length=20, choices=Involvement.choices, blank=True)
    young_person_views = models.TextField(blank=True)
    others_involvement = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="new_version") | Q(new_version__isnull=True),
                name="review_links_a_version_only_for_a_new_version",
            ),
        ]

    @property
    def involvement_form_complete(self) -> bool:
        return involvement_complete(self.young_person_involvement, self.young_person_views, self.others_involvement)


def involvement_complete(how: str, views: str, others: str) -> bool:
    """How the young person took part, their views (or why they did not take part), and
    how others took part: all three recorded."""
    return bool(how and views.strip() and others.strip())


class RequestedBy(models.TextChoices):
    YOUNG_PERSON = "young_person", "The young person asked for a review"
    PERSONAL_ADVISER = "personal_adviser", "Their personal adviser judged one necessary"
    COUNCIL = "council", "The council judged one necessary"


class ReviewRequest(models.Model):
    """A request for a review (CLR 2010 reg 7): open until a review answers it."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="review_requests")
    requested_on = models.DateField("Date of the request")
    requested_by = models.CharField(max_length=20, choices=RequestedBy.choices)
    details = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        PlanReview, on_delete=models.PROTECT, null=True, blank=True, related_name="answered_requests"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-requested_on", "-id"]
