"""What staff add to a care leaver return: values set by hand, and a record of every export.

Imported into ssda903/models.py so they belong to the ssda903 app and its migrations.
Nothing here is deleted: an override that no longer applies is withdrawn, with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

OC3_FIELDS = (
    ("IN_TOUCH", "In touch (IN_TOUCH)"),
    ("ACTIV", "Main activity (ACTIV)"),
    ("ACCOM", "Accommodation (ACCOM)"),
)
# The Header's MOTHER and MC_DOB describe the year too and no record holds them, so staff
# set them here for girls and young women looked after in the year (DfE rules 393, 607).
HEADER_FIELDS = (
    ("MOTHER", "Is a mother (MOTHER)"),
    ("MC_DOB", "Date of birth of her child (MC_DOB)"),
)


class ReturnOverride(models.Model):
    """A value in one young person's return for one collection year, set by staff with their
    reason. It takes the place of the value worked out from the records until it is withdrawn.
    ``value`` is the code as returned; MC_DOB is a date, DD/MM/YYYY."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT,
                                     related_name="ssda903_overrides")
    collection_year = models.PositiveSmallIntegerField(help_text="The year the collection ends: 2026 is 2025 to 2026.")
    field = models.CharField(max_length=8, choices=OC3_FIELDS + HEADER_FIELDS)
    value = models.CharField("Value", max_length=10)
    reason = models.TextField("Reason")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn = models.BooleanField(default=False)
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["young_person", "collection_year", "field", "-created_at", "-id"]
        indexes = [models.Index(fields=["collection_year", "withdrawn"])]
        constraints = [
            models.UniqueConstraint(
                fields=["young_person", "collection_year", "field"],
                condition=Q(withdrawn=False),
                name="one_current_return_override_per_field",
            ),
            models.CheckConstraint(condition=Q(withdrawn=False) | ~Q(withdrawn_reason=""),
                                   name="withdrawn_return_override_has_reason"),
        ]

    @property
    def ref(self) -> str:
        return f"return_override:{self.pk}"

    @property
    def withdrawn_on(self):  # noqa: ANN201
        return timezone.localtime(self.withdrawn_at).date() if self.withdrawn_at else None


class ReturnExport(models.Model):
    """One download of the care leaver return: what left the building, when and by whom,
    and what the DfE's rules said about it."""

    collection_year = models.PositiveSmallIntegerField()
    file_format = models.CharField(max_length=3)
    sha256 = models.CharField(max_length=64)
    young_people = models.PositiveIntegerField()
    error_count = models.PositiveIntegerField()
    known_false_positives = models.PositiveIntegerField(default=0)
    confirmed_with_errors = models.BooleanField(default=False)
    exported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    exported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-exported_at", "-id"]
