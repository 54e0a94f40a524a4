"""A young person's circumstances over time: where they live, what they do, staying put,
what they have told the council, and periods of detention or hospital stay.

Dates are event dates and end dates are exclusive (the first day the state no longer
holds), as everywhere the compliance core reads them. Nothing here is hard-deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from compliance import codes
from compliance.facts import DeclarationKind

# SSDA903 ACCOM is the type letter plus a suitability digit (ssda903-care-leavers.md §4):
# 1 = suitable, 2 = unsuitable.
SUITABLE_SUFFIX = "1"
UNSUITABLE_SUFFIX = "2"


class _Recorded(models.Model):
    """Who recorded it and when, kept apart from the event dates so late recording shows
    (statutory-rules.md §6)."""

    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


def _ends_after_start(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gt=models.F("start")), name=name)


class AccommodationSpell(_Recorded):
    """Where the young person lived from ``start`` until the day before ``end``."""

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="accommodation_spells"
    )
    start = models.DateField("Moved in")
    end = models.DateField("Moved out", null=True, blank=True)
    accommodation_type = models.CharField(max_length=1, choices=codes.ACCOMMODATION_TYPES.choices())
    # None while nobody has judged it; the ACCOM code is then incomplete.
    suitable = models.BooleanField(null=True)
    unsuitable_reason = models.TextField(blank=True)
    council_provided = models.BooleanField(
        "Provided by the council under section 23B or 24B", default=False
    )
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["young_person", "start"])]
        constraints = [_ends_after_start("accommodation_ends_after_it_starts")]

    @property
    def type_label(self) -> str:
        return codes.ACCOMMODATION_TYPES.label(self.accommodation_type)

    @property
    def ssda903_code(self) -> str:
        """The SSDA903 ACCOM code ("U1"), or "" while suitability is not judged."""
        if self.suitable is None:
            return ""
        return self.accommodation_type + (SUITABLE_SUFFIX if self.suitable else UNSUITABLE_SUFFIX)

    @property
    def suitability_label(self) -> str:
        return {True: "Suitable", False: "Not suitable", None: "Not judged yet"}[self.suitable]


class ActivitySpell(_Recorded):
    """Their main activity (SSDA903 ACTIV) from ``start`` until the day before ``end``."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="activity_spells")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    activity = models.CharField(max_length=2, choices=codes.ACTIVITY.choices())
    provider = models.CharField(max_length=200, blank=True)
    course = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["young_person", "start"])]
        constraints = [_ends_after_start("activity_ends_after_it_starts")]

    @property
    def activity_label(self) -> str:
        return codes.ACTIVITY.label(self.activity)


class StayingPutArrangement(_Recorded):
    """Living on with the former foster carer after 18 (Children Act 1989 s23CZA)."""

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="staying_put_arrangements"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    carer = models.CharField("Former foster carer", max_length=200)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["young_person", "start"])]
        constraints = [_ends_after_start("staying_put_ends_after_it_starts")]


class StayingPutReview(_Recorded):
    """A dated review of a staying put arrangement (the council monitors it, s23CZA(3))."""

    arrangement = models.ForeignKey(StayingPutArrangement, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["reviewed_on", "id"]


class Declaration(_Recorded):
    """Something the young person told the council that switches duties on or off
    (s23CZB support to 25, s23CA education or training), and the day the council was told."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=30, choices=[(k.value, k.label) for k in DeclarationKind])
    told_on = models.DateField("Date the council was told")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["told_on", "id"]
        indexes = [models.Index(fields=["young_person", "told_on"])]

    @property
    def kind_label(self) -> str:
        return DeclarationKind(self.kind).label


class EducationProgramme(_Recorded):
    """A programme of education or training in the pathway plan that runs past the 21st
    birthday, so s23C support continues while they pursue it (s23C(7))."""

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="education_programmes"
    )
    programme = models.CharField(max_length=200)
    provider = models.CharField(max_length=200, blank=True)
    ends_on = models.DateField("Programme ends")

    class Meta:
        ordering = ["ends_on", "id"]


class DetentionKind(models.TextChoices):
    DETAINED = "detained", "Detained (custody or remand)"
    HOSPITAL = "hospital", "In hospital"


class DetentionPeriod(_Recorded):
    """Detained or in hospital from ``start`` until the day before ``end`` (CLR 2010 reg 3(2))."""

    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, related_name="detention_periods"
    )
    kind = models.CharField(max_length=10, choices=DetentionKind.choices)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["young_person", "start"])]
        constraints = [_ends_after_start("detention_ends_after_it_starts")]
