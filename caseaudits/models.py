"""Case-file audits: templates in versions, rounds that sample young people's files, the
audits themselves with their answers, the worker's and manager's responses, the actions an
auditor raises, read-only access granted for the length of an audit, and moderation.

The whole cycle is modelled here; docs/case-audits.md says which pages write what.

Who made a template or a round is kept on its audit event; the row itself forgets them if
the account is removed (SET_NULL), as duties.PolicySetting does, so that configuration
outlives staff accounts. Everything about a young person's file hangs off ``Audit``, which
points at the young person and is never deleted by the application.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class Grade(models.IntegerChoices):
    """Ofsted's four-point scale (ILACS), numbered as Ofsted numbers it: 1 is best."""

    OUTSTANDING = 1, "Outstanding"
    GOOD = 2, "Good"
    REQUIRES_IMPROVEMENT = 3, "Requires improvement to be good"
    INADEQUATE = 4, "Inadequate"


class Met(models.TextChoices):
    """How far an indicator is met. "Not applicable" is ``Answer.not_applicable``, with a reason."""

    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class QuestionKind(models.TextChoices):
    GRADE = "grade", "Grade (Outstanding to Inadequate)"
    YES_PARTLY_NO = "yes_partly_no", "Yes, partly or no"
    FREE_TEXT = "free_text", "Free text"


# -- templates -----------------------------------------------------------------------------


class Template(models.Model):
    """An audit tool, such as the themed leaving-care audit. Its content lives in versions."""

    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    # Set for templates the service ships (load_audit_templates finds them by it).
    key = models.SlugField(max_length=60, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


class TemplateVersion(models.Model):
    """One version of a template. A draft can be changed; publishing freezes it, because a
    round may use it at any time and every audit keeps the version it was done with.
    Changing a published template starts a new draft copied from it."""

    template = models.ForeignKey(Template, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["template__name", "-number"]
        constraints = [models.UniqueConstraint(fields=["template", "number"], name="one_template_version_number")]

    def __str__(self) -> str:
        return f"{self.template.name}, version {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


def new_question_key() -> str:
    return uuid.uuid4().hex


class Section(models.Model):
    template_version = models.ForeignKey(TemplateVersion, on_delete=models.PROTECT, related_name="sections")
    order = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True, help_text="Lines of enquiry or what to look for")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["template_version", "order", "id"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="questions")
    order = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)
    kind = models.CharField(max_length=15, choices=QuestionKind.choices)
    required = models.BooleanField(default=True)
    # The file's overall grade: copied to Audit.auditor_grade on submission.
    is_overall_judgement = models.BooleanField(default=False)
    # The same question in every version of its template, so reports can compare rounds.
    key = models.CharField(max_length=40, default=new_question_key, editable=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["section__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_overall_judgement=False) | Q(kind="grade"), name="overall_judgement_is_a_grade"
            )
        ]

    def __str__(self) -> str:
        return self.text


# -- rounds and audits -----------------------------------------------------------------------


class RoundStatus(models.TextChoices):
    DRAFT = "draft", "Draft"  # population chosen; a sample may be drawn, not yet confirmed
    SAMPLED = "sampled", "Sampled"  # sample confirmed, audits created, auditors being allocated
    IN_PROGRESS = "in_progress", "In progress"  # at least one audit allocated
    CLOSED = "closed", "Closed"


class Stratum(models.TextChoices):
    NONE = "", "No stratification"
    TEAM = "team", "Team"
    AGE_BAND = "age_band", "Age band"


class AuditRound(models.Model):
    """One audit exercise: a template version, dates, a population and a random sample of it.

    The sample is reproducible: the same seed over the same population (ordered by primary
    key) draws the same young people (caseaudits/sampling.py). ``drawn_sample`` holds the
    drawn primary keys until someone confirms it; confirming creates one ``Audit`` each."""

    title = models.CharField(max_length=200)
    template_version = models.ForeignKey(TemplateVersion, on_delete=models.PROTECT, related_name="rounds")
    starts_on = models.DateField("Start date")
    due_on = models.DateField("Due date")
    # The register filters that chose the population: team (pk), category, age_band, uasc, status.
    population_filters = models.JSONField(default=dict, blank=True)
    sample_size = models.PositiveIntegerField(null=True, blank=True)
    stratify_by = models.CharField(max_length=10, choices=Stratum.choices, blank=True)
    seed = models.BigIntegerField(null=True, blank=True)
    drawn_on = models.DateField(null=True, blank=True, help_text="The day ages and categories were judged on")
    population_size = models.PositiveIntegerField(null=True, blank=True)
    drawn_sample = models.JSONField(default=list, blank=True)
    sample_confirmed_at = models.DateTimeField(null=True, blank=True)
    # The share of submitted audits to pick for moderation (part of the moderation stage).
    moderation_percent = models.PositiveSmallIntegerField(default=20)
    status = models.CharField(max_length=12, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=models.F("starts_on")), name="round_due_after_start")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.status == RoundStatus.CLOSED

    @property
    def is_sampled(self) -> bool:
        return self.sample_confirmed_at is not None


class AuditStatus(models.TextChoices):
    UNALLOCATED = "unallocated", "Not allocated"
    ALLOCATED = "allocated", "Allocated"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    MODERATED = "moderated", "Moderated"
    WITHDRAWN = "withdrawn", "Withdrawn from the sample"


OPEN_AUDIT_STATUSES = (AuditStatus.UNALLOCATED, AuditStatus.ALLOCATED, AuditStatus.IN_PROGRESS)
FINISHED_AUDIT_STATUSES = (AuditStatus.SUBMITTED, AuditStatus.MODERATED)


class Audit(models.Model):
    """One young person's file in a round.

    ``team`` and ``worker`` are who held the case when the sample was confirmed, kept so
    that reports by team and responses stay right after the case moves. ``auditor_grade``
    is the auditor's overall judgement, copied on submission; ``final_grade`` starts equal
    to it and is what moderation changes (``Moderation`` keeps each change and its reason)."""

    round = models.ForeignKey(AuditRound, on_delete=models.PROTECT, related_name="audits")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="case_audits")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="case_audits"
    )
    due_on = models.DateField("Due date", null=True, blank=True)
    status = models.CharField(max_length=12, choices=AuditStatus.choices, default=AuditStatus.UNALLOCATED)
    allocated_on = models.DateField(null=True, blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    auditor_grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    final_grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    for_moderation = models.BooleanField(default=False)
    withdrawn_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["young_person__family_name", "young_person__given_name", "id"]
        indexes = [models.Index(fields=["auditor", "status"]), models.Index(fields=["round", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["round", "young_person"], name="one_audit_per_person_per_round"),
            models.CheckConstraint(
                condition=Q(status="unallocated") | Q(status="withdrawn") | Q(auditor__isnull=False),
                name="allocated_audit_has_an_auditor",
            ),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.young_person} in {self.round}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_AUDIT_STATUSES

    def is_late(self, today: dt.date) -> bool:
        if self.due_on is None:
            return False
        done = self.submitted_on
        return (done or today) > self.due_on


class Answer(models.Model):
    """The auditor's answer to one question: a grade, yes/partly/no or text, by kind;
    or not applicable, which needs a reason before the audit can be submitted."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    met = models.CharField(max_length=6, choices=Met.choices, blank=True)
    text = models.TextField(blank=True)
    not_applicable = models.BooleanField(default=False)
    not_applicable_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "question"], name="one_answer_per_question")]

    @property
    def is_answered(self) -> bool:
        if self.not_applicable:
            return bool(self.not_applicable_reason.strip())
        return self.grade is not None or bool(self.met) or bool(self.text.strip())


class ResponseCapacity(models.TextChoices):
    WORKER = "worker", "Worker"
    MANAGER = "manager", "Manager"


class Response(models.Model):
    """The worker's or their manager's response to a submitted audit's findings."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField(max_length=8, choices=ResponseCapacity.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["audit", "author"], name="one_response_per_person")]


class AuditActionQuerySet(models.QuerySet["AuditAction"]):
    def open(self) -> AuditActionQuerySet:
        """Not done yet, soonest due first, with what a worklist row shows (one query)."""
        return self.filter(done_on__isnull=True).select_related("young_person", "audit__round").order_by("due_on", "pk")


class AuditAction(models.Model):
    """Something the auditor asks the worker to do, with a due date; on the worker's worklist
    (``request.user.case_audit_actions.open()``) until they mark it done."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="actions")
    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="case_audit_actions"
    )
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_audit_actions")
    text = models.TextField("What needs to be done")
    due_on = models.DateField("Due date")
    done_on = models.DateField("Date done", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects = AuditActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["worker", "done_on"])]


class GrantReason(models.TextChoices):
    CASE_FILE_AUDIT = "case_file_audit", "Case-file audit"


class AccessGrantQuerySet(models.QuerySet["AccessGrant"]):
    def current_on(self, day: dt.date) -> AccessGrantQuerySet:
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=day), starts_on__lte=day)


class AccessGrant(models.Model):
    """Read-only access to one young person's record, for an auditor who could not otherwise
    see it, from ``starts_on`` until the day before ``ends_on`` (open while the audit is
    being done). Checked in people/access.py; each view is logged in audit.AccessLog."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="record_grants")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="access_grants")
    audit = models.ForeignKey(Audit, null=True, blank=True, on_delete=models.PROTECT, related_name="access_grants")
    reason = models.CharField(max_length=20, choices=GrantReason.choices, default=GrantReason.CASE_FILE_AUDIT)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="The first day without access")
    ended_because = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AccessGrantQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["user", "young_person", "ends_on"])]


# -- moderation (built by the moderation stage; modelled here so the cycle is whole) ---------


class ModerationOutcome(models.TextChoices):
    AGREED = "agreed", "Grade agreed"
    REGRADED = "regraded", "Grade changed"
    RETURNED = "returned", "Returned to the auditor"


class Moderation(models.Model):
    """A second person's review of a submitted audit. Every moderation is kept, so the history
    of a grade reads in order: who moderated, what the grade was before and after, and why.
    ``answer_changes`` holds area grades changed too: {question key: [before, after]}."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="moderations")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    moderated_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=ModerationOutcome.choices)
    grade_before = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    grade_after = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    reason = models.TextField()
    answer_changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["moderated_on", "id"]

from caseaudits.report_models import ImportedAudit, ModerationSelection, PastAuditImport  # noqa: E402,F401 - moderation and past results
