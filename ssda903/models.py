"""What the SSDA903 import keeps: each import run, and per child and year what the return said."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from compliance.ssda903 import CollectionYear


class ChildReturn(models.Model):
    """What one collection year's return said about a child beyond their record.

    The record holds the Header's identity fields and the Episodes; the Header's
    MOTHER and MC_DOB and the OC3 care-leaver items are facts of the return for
    that year (OC3 describes the position around a birthday), so they are kept
    as returned. A row exists for every child in an imported Header, which also
    says the child was in that year's return.
    """

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="ssda903_returns")
    collection_year = models.PositiveSmallIntegerField(help_text="The year the collection ends: 2026 is 2025 to 2026.")
    mother = models.CharField("Is a mother (MOTHER)", max_length=1, blank=True)
    mother_child_dob = models.DateField("Date of birth of the mother's child (MC_DOB)", null=True, blank=True)
    oc3_returned = models.BooleanField("Has an OC3 row", default=False)
    in_touch = models.CharField("In touch (IN_TOUCH)", max_length=4, blank=True)
    activity = models.CharField("Main activity (ACTIV)", max_length=2, blank=True)
    accommodation = models.CharField("Accommodation (ACCOM)", max_length=2, blank=True)
    imported_by_run = models.ForeignKey("ImportRun", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["young_person", "collection_year"]
        constraints = [
            models.UniqueConstraint(fields=["young_person", "collection_year"], name="one_return_per_child_and_year")
        ]


class ImportRun(models.Model):
    """One upload of SSDA903 files: checked, then (if the administrator confirms) imported.

    The uploaded files, the preview and the list of problems are stored under
    MEDIA_ROOT (outside the web root, as documents are) with names made from
    `key`, and only read through the import pages, which only administrators see.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", "Checking"
        CHECKED = "checked", "Checked, waiting for confirmation"
        REFUSED = "refused", "Refused"
        CONFIRMED = "confirmed", "Importing"
        IMPORTED = "imported", "Imported"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=32, unique=True)
    collection_year = models.PositiveSmallIntegerField()
    file_format = models.CharField(max_length=3)
    files = models.JSONField(default=list, help_text="[{name, stored, size, sha256, table}]")
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, related_name="+", help_text="Team of young people new to the register."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CHECKING)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    plan_digest = models.CharField(max_length=64, blank=True)
    message = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"SSDA903 import {self.pk} ({self.get_status_display()})"

    @property
    def working(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.CONFIRMED)

    @property
    def year_label(self) -> str:
        return CollectionYear(self.collection_year).years
from ssda903.override_models import ReturnExport, ReturnOverride  # noqa: E402,F401  (issue 5 §2–4: overrides and exports)
