"""Forms for allocating workers."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Role, User
from casework.models import AllocationRole
from web.forms import GovukDateField, GovukForm


class AllocationForm(GovukForm):
    role = forms.ChoiceField(label="Role", choices=AllocationRole.choices, widget=forms.RadioSelect)
    worker = forms.ModelChoiceField(label="Worker", queryset=User.objects.none(), empty_label="Select a worker")
    start = GovukDateField(label="Start date", help_text="If a worker is already allocated in this role, their allocation ends on this date. For example, 27 3 2026")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER]
        ).select_related("team")
        self.fields["worker"].label_from_instance = lambda u: (
            f"{u.display_name} ({u.get_role_display().lower()}{', ' + u.team.name if u.team else ''})"
        )
        self.fields["worker"].error_messages["invalid_choice"] = "Select a worker from the list"


class EndAllocationForm(GovukForm):
    end = GovukDateField(label="End date", help_text="The first day they are no longer allocated. For example, 27 3 2026")
