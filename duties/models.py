"""The duty ledger, and the council's settings the rules read.

One ledger row per young person and duty: the state the compliance core gave on the
day it was computed, and the next date on which that answer can change by itself.
Lists and dashboards read these rows through indexes; they never re-run the rules.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DutyLedgerRow(models.Model):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="duty_rows")
    duty_code = models.CharField(max_length=40)
    state = models.CharField(max_length=20)
    due_on = models.DateField(null=True, blank=True)
    since = models.DateField(null=True, blank=True)
    reason = models.TextField()
    evidence_ref = models.CharField(max_length=60, blank=True)
    evidence_label = models.CharField(max_length=200, blank=True)
    evidence_on = models.DateField(null=True, blank=True)
    next_change_on = models.DateField(null=True, blank=True)
    action = models.CharField(max_length=40, blank=True)
    late = models.BooleanField(default=False)  # met, but after its due date
    citation = models.CharField(max_length=300, blank=True)  # set when this answer rests on another source
    source_kind = models.CharField(max_length=30, blank=True)
    computed_on = models.DateField()  # the day this answer was first given (its content last changed)

    class Meta:
        ordering = ["young_person_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["young_person", "duty_code"], name="one_ledger_row_per_person_and_duty")
        ]
        indexes = [
            models.Index(fields=["duty_code", "state", "due_on"]),
            models.Index(fields=["state", "due_on"]),
            models.Index(fields=["next_change_on"]),
            # The dashboards count a set of young people's rows by state: read from the index alone.
            models.Index(fields=["young_person", "state", "duty_code"]),
        ]


class LedgerStamp(models.Model):
    """The day a young person's ledger rows were last worked out. Rows themselves are only
    rewritten when their answer changes, so this is what says they are current."""

    young_person = models.OneToOneField(
        "people.YoungPerson", on_delete=models.CASCADE, primary_key=True, related_name="ledger_stamp"
    )
    computed_on = models.DateField(db_index=True)


class PolicySetting(models.Model):
    """A value an administrator set for one LocalPolicy or LocalStandards field.

    Fields with no row take their default from the core (or from LEAVINGCARE_POLICY in
    Django settings, for a council that fixes them at deployment).
    """

    name = models.CharField(max_length=60, unique=True)
    value = models.JSONField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    changed_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)


class ScorecardFigure(models.Model):
    """One figure of the quarterly scorecard: how many of how many met a measure.

    Worked out once a quarter has ended (``build_scorecard``) and kept, so the board's report
    does not shift under it and the page never re-runs the rules. ``team`` None is the whole
    service; ``age_band`` "" is a measure not split by age. For the average caseload the
    numerator is young people allocated and the denominator personal advisers. (The
    service-wide rows have no team, so the database cannot hold them unique; building
    replaces a quarter's rows in one transaction instead.)
    """

    quarter_start = models.DateField()
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.CASCADE)
    measure = models.CharField(max_length=40)
    age_band = models.CharField(max_length=10, blank=True)
    numerator = models.PositiveIntegerField()
    denominator = models.PositiveIntegerField()
    built_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["quarter_start", "team"])]
        constraints = [
            models.UniqueConstraint(
                fields=["quarter_start", "team", "measure", "age_band"],
                name="one_scorecard_figure_per_team_measure_band",
            )
        ]
