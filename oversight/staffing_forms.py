"""Forms for workers' absences and vacant posts. Field names match the actions' keyword
arguments, so an action's refusal lands on the field it names."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from accounts.models import CASEWORK_ROLES, Team, User
from circumstances.forms import DATE_EXAMPLE, FieldMessages
from oversight.staffing_models import AbsenceKind, VacancyRole
from web.forms import GovukDateField, VersionedForm

NOTE_HINT = "Do not write medical details or the reason for sickness here."


def casework_staff() -> QuerySet[User]:
    return User.objects.filter(is_active=True, role__in=CASEWORK_ROLES).select_related("team")


def _worker_choice(label: str, queryset: QuerySet[User], **kwargs: Any) -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(label=label, queryset=queryset, **kwargs)
    field.label_from_instance = lambda u: (  # type: ignore[method-assign]
        f"{u.display_name} ({u.get_role_display().lower()}{', ' + u.team.name if u.team else ''})"
    )
    return field


def _note(help_text: str = "") -> forms.CharField:
    return forms.CharField(label="Note (optional)", required=False, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": 3}))


class AbsenceForm(FieldMessages, VersionedForm):
    """Record an absence (with ``workers``: whose) or change ``absent``'s (the worker stays)."""

    worker = _worker_choice("Who is absent?", User.objects.none(), empty_label="Select a worker")
    kind = forms.ChoiceField(label="Kind of absence", choices=AbsenceKind.choices, widget=forms.RadioSelect)
    starts_on = GovukDateField(label="First day of absence", help_text=DATE_EXAMPLE)
    ends_on = GovukDateField(label="Last day of absence (optional)", required=False, help_text=(
        f"Leave blank if you do not know yet when they will be back. {DATE_EXAMPLE}"))
    cover_worker = _worker_choice(
        "Who covers their young people? (optional)", User.objects.none(), required=False, empty_label="No one yet",
        help_text="The worker young people and partners should contact instead.",
    )
    note = _note(NOTE_HINT)

    messages = {
        "worker": "Select who is absent",
        "cover_worker": "Select a worker to cover from the list",
    }

    def __init__(
        self, *args: Any, workers: QuerySet[User] | None = None, absent: User | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if workers is None:
            del self.fields["worker"]
        else:
            self.fields["worker"].queryset = workers  # type: ignore[attr-defined]
        # Cover can come from any team: a manager may borrow a worker from next door.
        covers = casework_staff()
        if absent is not None:
            covers = covers.exclude(pk=absent.pk)
        self.fields["cover_worker"].queryset = covers  # type: ignore[attr-defined]


class VacancyForm(FieldMessages, VersionedForm):
    """Record or change a vacant post. ``teams`` None: the post's team is fixed (a team
    manager's own), so there is nothing to choose."""

    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.none(), empty_label="Select a team")
    role = forms.ChoiceField(label="Role", choices=VacancyRole.choices, widget=forms.RadioSelect)
    fte = forms.DecimalField(
        label="Full-time equivalent", max_digits=3, decimal_places=2, initial=Decimal("1"),
        help_text="For example, 1 for a full-time post or 0.6 for 3 days a week. Record each post separately.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
    )
    open_on = GovukDateField(label="Date the post is vacant from", help_text=(
        f"The first day nobody is in the post. This can be in the future if someone is leaving. {DATE_EXAMPLE}"))
    note = _note("For example, when interviews are planned or who is acting up.")

    messages = {"team": "Select the team the post is in", "role": "Select the role of the post"}

    def __init__(self, *args: Any, teams: QuerySet[Team] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if teams is None:
            del self.fields["team"]
        else:
            self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        fte = self.fields["fte"]
        # The range itself (more than 0, at most 1) is the action's check.
        fte.error_messages.update(
            invalid="Full-time equivalent must be a number, like 1 or 0.6",
            max_digits="Full-time equivalent must be no more than 1",
            max_whole_digits="Full-time equivalent must be no more than 1",
            max_decimal_places="Full-time equivalent must have no more than 2 decimal places",
        )


class FillVacancyForm(VersionedForm):
    filled_on = GovukDateField(label="Date the post is filled", help_text=f"The new worker's first day. {DATE_EXAMPLE}")


class WithdrawForm(VersionedForm):
    """Nothing to fill in: the version makes sure the user withdraws what they saw."""
