"""Forms for allocating workers, transfers and handovers, reassigning a caseload, and
closing or reopening a case."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import CASEWORK_ROLES, Role, User
from casework.actions import ROLE_FOR_ALLOCATION, current_allocation, role_noun, worker_field
from casework.models import Allocation, AllocationRole, ClosureReason, ReopenReason
from circumstances.forms import DATE_EXAMPLE, FieldMessages
from people.models import YoungPerson
from web.forms import GovukDateField, GovukForm, VersionedForm


def _worker_choice(label: str, *, required: bool = True, empty_label: str = "Select a worker") -> forms.ModelChoiceField:
    """Active personal advisers and social workers, named with their role and team."""
    field = forms.ModelChoiceField(
        label=label, required=required, empty_label=empty_label,
        queryset=User.objects.filter(is_active=True, role__in=CASEWORK_ROLES).select_related("team"),
    )
    field.label_from_instance = lambda u: (  # type: ignore[method-assign]
        f"{u.display_name} ({u.get_role_display().lower()}{', ' + u.team.name if u.team else ''})"
    )
    return field


def teams_for(young_person: YoungPerson, acting_user: User) -> set[int]:
    """The teams a new worker may come from: the young person's own, and a team manager's
    (who also looks after young people allocated to their team's workers)."""
    teams = {young_person.team_id}
    if acting_user.role == Role.TEAM_MANAGER and acting_user.team_id:
        teams.add(acting_user.team_id)
    return teams


def workers_who_can_take(roles: set[str], teams: set[int]) -> QuerySet[User]:
    """Active staff who hold every one of these allocation roles, in these teams: the only
    choices the allocation action will accept, so none is refused after submit."""
    if len(roles) != 1:
        return User.objects.none()
    role = ROLE_FOR_ALLOCATION[AllocationRole(next(iter(roles)))]
    return User.objects.filter(is_active=True, role=role, team_id__in=teams).select_related("team")


def _notes(label: str, *, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": 4}))


class AllocationForm(GovukForm):
    role = forms.ChoiceField(label="Role", choices=AllocationRole.choices, widget=forms.RadioSelect)
    worker = _worker_choice("Worker")
    start = GovukDateField(label="Start date", help_text=(
        f"If a worker is already allocated in this role, their allocation ends on this date. {DATE_EXAMPLE}"))

    def __init__(self, *args: Any, young_person: YoungPerson, acting_user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only workers from the teams this young person can be allocated within.
        self.fields["worker"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            is_active=True, role__in=CASEWORK_ROLES, team_id__in=teams_for(young_person, acting_user)
        ).select_related("team")
        self.fields["worker"].error_messages["invalid_choice"] = "Select a worker from the list"


class EndAllocationForm(GovukForm):
    end = GovukDateField(label="End date", help_text=f"The first day they are no longer allocated. {DATE_EXAMPLE}")


class TransferForm(GovukForm):
    """A transfer of one role: only staff who can take that role for this young person are offered."""

    to_worker = _worker_choice("New worker")
    planned_on = GovukDateField(label="Planned transfer date", help_text=DATE_EXAMPLE)
    reason = _notes("Reason for the transfer")

    def __init__(self, *args: Any, role: str, young_person: YoungPerson, acting_user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        noun = AllocationRole(role).label.lower()
        choice = self.fields["to_worker"]
        choice.label, choice.empty_label = f"New {noun}", f"Select a {noun}"
        current = current_allocation(young_person, role, timezone.localdate())
        choice.queryset = workers_who_can_take({role}, teams_for(young_person, acting_user)).exclude(
            pk__in=[current.worker_id] if current else []
        )
        if not choice.queryset.exists():
            choice.help_text = f"There is no other {noun} in {young_person.team.name} who can take {young_person.name}"
        choice.error_messages.update(required=f"Select the new {noun}", invalid_choice=f"Select the new {noun} from the list")
        self.fields["reason"].error_messages["required"] = "Enter the reason for the transfer"

class HandoverForm(FieldMessages, VersionedForm):
    handover_held_on = GovukDateField(label="Date of the handover meeting", help_text=DATE_EXAMPLE)
    handover_attendees = _notes("Who attended", help_text="For example, the young person, both workers and the foster carer")
    handover_notes = _notes("Handover notes")

    messages = {
        "handover_attendees": "Enter who attended the handover meeting",
        "handover_notes": "Enter the handover notes",
    }


class CompleteTransferForm(VersionedForm):
    transferred_on = GovukDateField(
        label="Transfer date",
        help_text=f"The new worker's allocation starts, and the current one ends, on this date. {DATE_EXAMPLE}",
    )


class CancelTransferForm(VersionedForm):
    pass


class CloseCaseForm(FieldMessages, VersionedForm):
    closed_on = GovukDateField(label="Date of closure", help_text=DATE_EXAMPLE)
    reason = forms.ChoiceField(label="Why is the case closing?", choices=ClosureReason.choices, widget=forms.RadioSelect)
    reason_detail = _notes("If other, the reason", required=False)

    messages = {"reason": "Select the reason for closing the case"}


class ReopenCaseForm(FieldMessages, VersionedForm):
    reopened_on = GovukDateField(label="Date of reopening", help_text=f"The day they came back to the council. {DATE_EXAMPLE}")
    reason = forms.ChoiceField(label="Why are they coming back?", choices=ReopenReason.choices, widget=forms.RadioSelect)
    note = _notes("Note (optional)", required=False)

    messages = {"reason": "Select why the case is being reopened"}


class LeavingWorkerForm(GovukForm):
    leaving_worker = forms.ModelChoiceField(label="Worker who is leaving", queryset=User.objects.none(),
                                            empty_label="Select a worker")

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leaving_worker"].queryset = workers
        self.fields["leaving_worker"].error_messages.update(
            required="Select the worker who is leaving", invalid_choice="Select the worker who is leaving from the list"
        )


class ReassignCaseloadForm(GovukForm):
    """One new-worker choice per young person on the caseload, or one for everyone. Each
    list offers only those who can take that young person; the list for everyone, only
    those who can take all of them."""

    everyone = _worker_choice("New worker for everyone (optional)", required=False, empty_label="None chosen")
    transfer_on = GovukDateField(
        label="Transfer date", help_text=f"Every allocation moves to the new worker on this date. {DATE_EXAMPLE}"
    )
    # Checked by the action with the rest, so every problem shows at once.
    note = _notes("Handover note", required=False, help_text="Added to every young person's transfer record")

    def __init__(self, *args: Any, caseload: list[Allocation], leaving: User, acting_user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        noun = role_noun(caseload)
        self.person_fields = []
        common_teams: set[int] | None = None
        for allocation in caseload:
            person = allocation.young_person
            teams = teams_for(person, acting_user)
            common_teams = teams if common_teams is None else common_teams & teams
            name = worker_field(person.pk)
            self.fields[name] = _worker_choice(f"New {noun} for {person.name}", required=False, empty_label="As chosen for everyone")
            self.fields[name].queryset = workers_who_can_take({allocation.role}, teams).exclude(pk=leaving.pk)
            self.fields[name].error_messages["invalid_choice"] = f"Select a new {noun} for {person.name} from the list"
            self.person_fields.append((allocation, name))
        everyone = self.fields["everyone"]
        everyone.label, everyone.help_text = f"New {noun} for everyone (optional)", "Used for anyone you do not choose for below"
        everyone.queryset = workers_who_can_take({a.role for a in caseload}, common_teams or set()).exclude(pk=leaving.pk)
        everyone.error_messages["invalid_choice"] = f"Select the new {noun} for everyone from the list"

    def new_workers(self) -> dict[int, User | None]:
        return {allocation.young_person_id: self.cleaned_data.get(name) for allocation, name in self.person_fields}
