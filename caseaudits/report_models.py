"""Models for moderation and for bringing past audit results in.

Imported at the end of caseaudits/models.py so Django finds them; they hang off the round
and audit models there and change none of them.

- ``ModerationSelection``: why an audit was picked for moderation (by rule or by hand), and
  if someone took it out again, who, when and why. ``Audit.for_moderation`` mirrors whether
  a current (not removed) selection exists.
- ``PastAuditImport``: one uploaded CSV of past results, checked before anything is written;
  once confirmed it owns the round it made, which is how a round is known to be imported.
- ``ImportedAudit``: one row of that file. It keeps the young person's details as the file
  gave them, and links to the young person only when the child ID is on the register: a
  council's history includes closed cases the service may never have held.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from caseaudits.models import Grade


class SelectionReason(models.TextChoices):
    INADEQUATE = "inadequate", "Inadequate overall"
    BORDERS_OUTSTANDING = "borders_outstanding", "Good overall, with an area graded Outstanding"
    RANDOM = "random", "Random share of the rest"
    BY_HAND = "by_hand", "Chosen by hand"


class ModerationSelection(models.Model):
    audit = models.ForeignKey("caseaudits.Audit", on_delete=models.PROTECT, related_name="moderation_selections")
    reason = models.CharField(max_length=20, choices=SelectionReason.choices)
    note = models.TextField(blank=True)
    selected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    selected_on = models.DateField()
    removed_on = models.DateField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    removed_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["selected_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["audit"], condition=Q(removed_on__isnull=True),
                                    name="one_current_moderation_selection")
        ]


class ImportStatus(models.TextChoices):
    REFUSED = "refused", "Refused"
    CHECKED = "checked", "Checked, not imported yet"
    IMPORTED = "imported", "Imported"


class PastAuditImport(models.Model):
    template_version = models.ForeignKey("caseaudits.TemplateVersion", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    file_name = models.CharField(max_length=255)
    # The checked file, so that confirming imports exactly what was previewed. Emptied when
    # the file is refused: its rows are about young people and nothing will use them.
    content = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=ImportStatus.choices)
    # [{"row": 3, "column": "Audit date", "value": "31/02/2025", "problem": "..."}]
    problems = models.JSONField(default=list, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    audit_round = models.OneToOneField(
        "caseaudits.AuditRound", null=True, blank=True, on_delete=models.PROTECT, related_name="past_import"
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class ImportedAudit(models.Model):
    audit_round = models.ForeignKey("caseaudits.AuditRound", on_delete=models.PROTECT, related_name="imported_audits")
    row_number = models.PositiveIntegerField(help_text="The row in the imported file, counting the header as row 1")
    child_id = models.CharField("Child ID", max_length=20)
    name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=1, blank=True)
    ethnicity = models.CharField(max_length=4, blank=True)
    audit_date = models.DateField()
    overall_grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    # {grade question key: grade}; an area missing here was not entered.
    area_grades = models.JSONField(default=dict, blank=True)
    young_person = models.ForeignKey(
        "people.YoungPerson", null=True, blank=True, on_delete=models.PROTECT, related_name="imported_case_audits"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["audit_round", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["audit_round", "child_id"], name="one_imported_audit_per_child_per_round")
        ]
