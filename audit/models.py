"""Who did what to which record, and who looked at which record.

Rows here are never updated or deleted by the application: they are the
evidence a council needs when a young person or an auditor asks who saw or
changed their file.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=80)
    young_person = models.ForeignKey(
        "people.YoungPerson", null=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    summary = models.TextField()
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["young_person", "-at"])]


class AccessLog(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="access_log"
    )
    path = models.CharField(max_length=300)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["young_person", "-at"])]
