"""Forms for allocating workers, transfers and handovers, reassigning a caseload, and
closing or reopening a case."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import CASEWORK_ROLES, User
from casework.actions import worker_field
from casework.models import AllocationRole, ClosureReason, ReopenReason
from circumstances.forms import FieldMessages
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


def _notes(label: str, *, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": 4}))


class AllocationForm(GovukForm):
    role = forms.ChoiceField(label="Role", choices=AllocationRole.choices, widget=forms.RadioSelect)
    worker = _worker_choice("Worker")
    start = GovukDateField(label="Start date", help_text="If a worker is already allocated in this role, their allocation ends on this date. For example, 27 3 2026")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].error_messages["invalid_choice"] = "Select a worker from the list"


class EndAllocationForm(GovukForm):
    end = GovukDateField(label="End date", help_text="The first day they are no longer allocated. For example, 27 3 2026")


class TransferForm(FieldMessages, GovukForm):
    role = forms.ChoiceField(label="Which worker is changing?", choices=AllocationRole.choices, widget=forms.RadioSelect)
    to_worker = _worker_choice("New worker")
    planned_on = GovukDateField(label="Planned transfer date")
    reason = _notes("Reason for the transfer")

    messages = {
        "role": "Select which worker is changing",
        "to_worker": "Select the new worker from the list",
        "reason": "Enter the reason for the transfer",
    }


class HandoverForm(FieldMessages, VersionedForm):
    handover_held_on = GovukDateField(label="Date of the handover meeting")
    handover_attendees = _notes("Who attended", help_text="For example, the young person, both workers and the foster carer")
    handover_notes = _notes("Handover notes")

    messages = {
        "handover_attendees": "Enter who attended the handover meeting",
        "handover_notes": "Enter the handover notes",
    }


class CompleteTransferForm(VersionedForm):
    transferred_on = GovukDateField(
        label="Transfer date", help_text="The new worker's allocation starts, and the current one ends, on this date"
    )


class CancelTransferForm(VersionedForm):
    pass


class CloseCaseForm(FieldMessages, VersionedForm):
    closed_on = GovukDateField(label="Date of closure")
    reason = forms.ChoiceField(label="Why is the case closing?", choices=ClosureReason.choices, widget=forms.RadioSelect)
    reason_detail = _notes("If other, the reason", required=False)

    messages = {"reason": "Select the reason for closing the case"}


class ReopenCaseForm(FieldMessages, VersionedForm):
    reopened_on = GovukDateField(label="Date of reopening", help_text="The day they came back to the council")
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
    """One new-worker choice per young person on the caseload, or one for everyone."""

    everyone = _worker_choice("New worker for everyone (optional)", required=False, empty_label="None chosen")
    transfer_on = GovukDateField(label="Transfer date", help_text="Every allocation moves to the new worker on this date")
    # Checked by the action with the rest, so every problem shows at once.
    note = _notes("Handover note", required=False, help_text="Added to every young person's transfer record")

    def __init__(self, *args: Any, caseload: list, leaving: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["everyone"].help_text = "Used for anyone you do not choose a worker for below"
        self.person_fields = []
        for allocation in caseload:
            person = allocation.young_person
            name = worker_field(person.pk)
            self.fields[name] = _worker_choice(f"New worker for {person.name}", required=False, empty_label="As chosen for everyone")
            self.fields[name].error_messages["invalid_choice"] = f"Select a new worker for {person.name} from the list"
            self.person_fields.append((allocation, name))
        for name in ["everyone", *(name for _, name in self.person_fields)]:
            self.fields[name].queryset = self.fields[name].queryset.exclude(pk=leaving.pk)

    def new_workers(self) -> dict[int, User | None]:
        return {allocation.young_person_id: self.cleaned_data.get(name) for allocation, name in self.person_fields}
