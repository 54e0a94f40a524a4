"""Staffing a team manager plans around: workers' absences and vacant posts.

Unlike a young person's spells, an absence's ``ends_on`` is its *last* day (inclusive),
because that is how leave is booked ("off from 1 to 5 December"). A vacancy's
``filled_on`` is the new worker's first day, so the post is vacant until the day before.
Nothing here is deleted: a record made in error, or leave that was cancelled, is withdrawn.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from accounts.models import Role


def fte_text(value: Decimal) -> str:
    """1.00 -> "1", 0.60 -> "0.6": as a manager would write it."""
    return f"{value.normalize():f}"


class AbsenceKind(models.TextChoices):
    ANNUAL_LEAVE = "annual_leave", "Annual leave"
    SICKNESS = "sickness", "Sickness"
    TRAINING = "training", "Training"
    PARENTAL_LEAVE = "parental_leave", "Parental leave"
    OTHER = "other", "Other"


class VacancyRole(models.TextChoices):
    # Same stored values as the staff roles, so a vacancy compares with a worker's role.
    PERSONAL_ADVISER = Role.PERSONAL_ADVISER.value, Role.PERSONAL_ADVISER.label
    SOCIAL_WORKER = Role.SOCIAL_WORKER.value, Role.SOCIAL_WORKER.label


class _Recorded(models.Model):
    note = models.TextField(blank=True)
    withdrawn = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class AbsenceQuerySet(models.QuerySet):
    def in_force(self) -> AbsenceQuerySet:
        return self.filter(withdrawn=False)

    def overlapping(self, first: dt.date, last: dt.date | None) -> AbsenceQuerySet:
        """Absences sharing at least one day with first..last (last None: open-ended)."""
        rows = self.in_force().filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first))
        return rows if last is None else rows.filter(starts_on__lte=last)

    def on(self, day: dt.date) -> AbsenceQuerySet:
        return self.overlapping(day, day)


class WorkerAbsence(_Recorded):
    """A personal adviser or social worker away from ``starts_on`` to ``ends_on`` inclusive."""

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="absences")
    kind = models.CharField("kind of absence", max_length=20, choices=AbsenceKind.choices)
    starts_on = models.DateField("first day of absence")
    ends_on = models.DateField("last day of absence", null=True, blank=True)
    cover_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="cover worker", null=True, blank=True,
        on_delete=models.PROTECT, related_name="absences_covered",
    )

    objects = AbsenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "id"]
        indexes = [models.Index(fields=["worker", "starts_on"]), models.Index(fields=["cover_worker", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")), name="absence_ends_after_it_starts"
            ),
            models.CheckConstraint(condition=~Q(cover_worker=F("worker")), name="absence_cover_is_someone_else"),
        ]

    def __str__(self) -> str:
        return f"{self.worker}'s {self.get_kind_display().lower()} from {self.starts_on}"

    def covers(self, day: dt.date) -> bool:
        return not self.withdrawn and self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class VacancyQuerySet(models.QuerySet):
    def open_or_upcoming(self, day: dt.date) -> VacancyQuerySet:
        """Not yet filled on this day: vacant now, or known to be coming."""
        return self.filter(withdrawn=False).filter(Q(filled_on__isnull=True) | Q(filled_on__gt=day))

    def vacant_on(self, day: dt.date) -> VacancyQuerySet:
        return self.open_or_upcoming(day).filter(open_on__lte=day)


class Vacancy(_Recorded):
    """A caseload-carrying post in a team with nobody in it from ``open_on`` until the day
    before ``filled_on``. One record is one post (at most one full-time equivalent)."""

    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="vacancies")
    role = models.CharField(max_length=20, choices=VacancyRole.choices)
    fte = models.DecimalField("full-time equivalent", max_digits=3, decimal_places=2, default=Decimal("1"))
    open_on = models.DateField("vacant from")
    filled_on = models.DateField("filled from", null=True, blank=True)

    objects = VacancyQuerySet.as_manager()

    class Meta:
        ordering = ["open_on", "id"]
        verbose_name_plural = "vacancies"
        indexes = [models.Index(fields=["team", "open_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(filled_on__isnull=True) | Q(filled_on__gt=F("open_on")), name="vacancy_filled_after_it_opens"
            ),
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="vacancy_is_at_most_one_post"),
        ]

    @property
    def fte_text(self) -> str:
        return fte_text(self.fte)

    def __str__(self) -> str:
        return f"{self.get_role_display()} vacancy in {self.team} from {self.open_on}"
