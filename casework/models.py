"""Casework records: which workers are allocated to which young people over time, transfers
between workers with their joint handover, and the closing and reopening of a case."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q


class AllocationRole(models.TextChoices):
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    SOCIAL_WORKER = "social_worker", "Social worker"


class AllocationQuerySet(models.QuerySet["Allocation"]):
    def active_on(self, day: dt.date) -> AllocationQuerySet:
        return self.filter(Q(end__isnull=True) | Q(end__gt=day), start__lte=day)


class Allocation(models.Model):
    """A worker allocated to a young person from `start` until the day before `end`."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations")
    role = models.CharField(max_length=20, choices=AllocationRole.choices)
    start = models.DateField("Start date")
    end = models.DateField("End date", null=True, blank=True, help_text="The first day they are no longer allocated.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["worker", "end"]),
            models.Index(fields=["young_person", "role", "end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="allocation_ends_after_it_starts",
            )
        ]

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class TransferStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class CaseloadReassignment(models.Model):
    """A leaving worker's whole caseload moved to other workers in one go."""

    leaving_worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    transfer_on = models.DateField()
    note = models.TextField()
    acted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class Transfer(models.Model):
    """A planned move of the case to a new worker, the joint handover meeting, and the
    allocation that completed it."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="transfers")
    role = models.CharField(max_length=20, choices=AllocationRole.choices, default=AllocationRole.PERSONAL_ADVISER)
    from_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    planned_on = models.DateField("Planned transfer date")
    reason = models.TextField()
    status = models.CharField(max_length=10, choices=TransferStatus.choices, default=TransferStatus.PLANNED)
    handover_held_on = models.DateField("Date of the handover meeting", null=True, blank=True)
    handover_attendees = models.TextField(blank=True)
    handover_notes = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    allocation = models.OneToOneField(
        Allocation, null=True, blank=True, on_delete=models.PROTECT, related_name="transfer"
    )
    reassignment = models.ForeignKey(
        CaseloadReassignment, null=True, blank=True, on_delete=models.PROTECT, related_name="transfers"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["young_person", "status"])]

    @property
    def is_planned(self) -> bool:
        return self.status == TransferStatus.PLANNED


class ClosureReason(models.TextChoices):
    REACHED_21 = "reached_21", "Reached 21 with no further support"
    REACHED_25 = "reached_25", "Reached 25"
    MOVED_COUNCIL = "moved_council", "Moved to another council"
    DIED = "died", "Died"
    DECLINED_AFTER_21 = "declined_after_21", "Declined all support after 21"
    OTHER = "other", "Other"


class ReopenReason(models.TextChoices):
    """Only the first two are declarations that switch a duty on; the others reopen the
    case without recording one, so staff need not record something that was not said."""

    SUPPORT_REQUESTED = "support_requested", "Asked for personal adviser support (section 23CZB)"
    EDUCATION_TRAINING = "education_training", "Pursuing, or wants to pursue, education or training (section 23CA)"
    CAME_BACK = "came_back", "Came back to the council for support"
    CLOSED_IN_ERROR = "closed_in_error", "Closed in error"


class CaseClosure(models.Model):
    """One closure of the case and, if it came back, its reopening: the history stays."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="closures")
    closed_on = models.DateField("Date of closure")
    reason = models.CharField(max_length=20, choices=ClosureReason.choices)
    reason_detail = models.TextField(blank=True)
    # Empty for a closure recorded before this history was kept (set straight on the record).
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reopened_on = models.DateField("Date of reopening", null=True, blank=True)
    reopen_reason = models.CharField(max_length=20, choices=ReopenReason.choices, blank=True)
    reopen_note = models.TextField(blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reopened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-closed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reopened_on__isnull=True) | Q(reopened_on__gte=models.F("closed_on")),
                name="reopened_on_or_after_closure",
            )
        ]

    @property
    def reason_text(self) -> str:
        """What YoungPerson.closure_reason holds: the label, with the detail for "Other"."""
        label = self.get_reason_display()
        return f"{label}: {self.reason_detail}" if self.reason_detail else label
