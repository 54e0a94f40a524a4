"""Young people, their care history and their stored leaving-care timeline."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from compliance import codes


class Disability(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not known"


class YoungPersonQuerySet(models.QuerySet["YoungPerson"]):
    def open(self) -> YoungPersonQuerySet:
        return self.filter(closed_on__isnull=True)


class YoungPerson(models.Model):
    """A child or young person known to the leaving-care service."""

    child_id = models.CharField(
        "Child ID",
        max_length=10,
        unique=True,
        help_text="The council's identifier for the child, as sent in the SSDA903 return (CHILD).",
    )
    given_name = models.CharField("Legal first name", max_length=100)
    family_name = models.CharField("Legal last name", max_length=100)
    preferred_name = models.CharField("Preferred name", max_length=100, blank=True)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=1, choices=codes.SEX.choices())
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNIC.choices())
    upn = models.CharField("Unique pupil number (UPN)", max_length=13, blank=True)
    uasc = models.BooleanField("Unaccompanied asylum-seeking child", default=False)
    uasc_ceased_on = models.DateField("Date UASC status ceased", null=True, blank=True)
    disability = models.CharField(max_length=7, choices=Disability.choices, default=Disability.UNKNOWN)
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="young_people")
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = YoungPersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name", "child_id"]
        indexes = [
            models.Index(fields=["family_name", "given_name"]),
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["team", "closed_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.child_id})"

    @property
    def name(self) -> str:
        return f"{self.preferred_name or self.given_name} {self.family_name}"

    @property
    def legal_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def sex_label(self) -> str:
        return codes.SEX.label(self.sex)

    @property
    def ethnicity_label(self) -> str:
        return codes.ETHNIC.label(self.ethnicity)


class CareEpisode(models.Model):
    """One period of care with the same legal status and placement: an SSDA903 Episodes row.

    `end` is the SSDA903 DEC: the first day the episode no longer applies, so an
    episode covers `start <= d < end`.
    """

    young_person = models.ForeignKey(YoungPerson, on_delete=models.PROTECT, related_name="episodes")
    start = models.DateField("Start date (DECOM)")
    reason_new = models.CharField("Reason for new episode (RNE)", max_length=1, choices=codes.RNE.choices())
    legal_status = models.CharField("Legal status (LS)", max_length=2, choices=codes.LEGAL_STATUS.choices())
    category_of_need = models.CharField(
        "Category of need (CIN)", max_length=2, choices=codes.CATEGORY_OF_NEED.choices()
    )
    placement = models.CharField(
        "Placement type (PLACE)", max_length=3, choices=codes.PLACEMENT.choices(include_retired=True)
    )
    placement_provider = models.CharField(
        "Placement provider (PLACE_PROVIDER)",
        max_length=3,
        blank=True,
        choices=codes.PLACEMENT_PROVIDER.choices(),
    )
    end = models.DateField("End date (DEC)", null=True, blank=True)
    reason_ended = models.CharField(
        "Reason episode ceased (REC)", max_length=3, blank=True, choices=codes.REASON_EPISODE_CEASED.choices()
    )
    reason_place_change = models.CharField(
        "Reason for placement change", max_length=6, blank=True, choices=codes.REASON_PLACE_CHANGE.choices()
    )
    home_postcode = models.CharField("Home postcode (HOME_POST)", max_length=8, blank=True)
    placement_postcode = models.CharField("Placement postcode (PL_POST)", max_length=8, blank=True)
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["young_person", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="episode_ends_after_it_starts",
            )
        ]

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class HomeWithParentPeriod(models.Model):
    """A continuous period living with a parent or person with parental responsibility.

    Six months of it ends relevant-child status (CLR 2010 reg 3); its breakdown restores it.
    """

    young_person = models.ForeignKey(
        YoungPerson, on_delete=models.PROTECT, related_name="home_with_parent_periods"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["start", "id"]


class StatusSpan(models.Model):
    """One span of the young person's leaving-care category timeline, computed by the core.

    The timeline depends only on recorded facts (an open episode is taken to
    continue), so "category today" is one indexed lookup and stays right as
    days pass; rows are rewritten whenever the person's facts change.
    """

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="status_spans")
    category = models.CharField(max_length=20)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    flags = models.JSONField(default=list, blank=True)
    reason = models.TextField()
    citation = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["young_person", "start"]
        indexes = [
            models.Index(fields=["young_person", "start"]),
            models.Index(fields=["category", "start", "end"]),
        ]
