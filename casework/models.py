"""Casework records. For now: which workers are allocated to which young people, over time."""

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
