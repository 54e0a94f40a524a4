"""The settings form: one field per LocalPolicy and LocalStandards setting."""

from __future__ import annotations

from typing import Any

from django import forms

from compliance.policy import SETTINGS, LocalPolicy
from compliance.standards import STANDARDS, LocalStandards
from web.forms import GovukForm

_YES_NO = [("true", "Yes"), ("false", "No")]
_UNIT_WORDS = {"days": "days", "weeks": "weeks", "months": "months"}


class SettingsForm(GovukForm):
    def __init__(self, *args: Any, policy: LocalPolicy, standards: LocalStandards, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bools: set[str] = set()
        for info in SETTINGS:
            current = getattr(policy, info.name)
            hint = info.source
            if isinstance(current, bool):
                self._add_bool(info.name, info.label, hint, current)
            else:
                self.fields[info.name] = forms.ChoiceField(
                    label=info.label, help_text=hint, choices=list(info.choices), widget=forms.RadioSelect,
                    initial=str(current), error_messages={"required": f"Select {info.label.lower()}"},
                )
        for info in STANDARDS:
            current = getattr(standards, info.name)
            hint = f"{info.hint} {info.source}" if info.hint else info.source
            if isinstance(current, bool):
                self._add_bool(info.name, info.label, hint, current)
            else:
                label = f"{info.label} ({_UNIT_WORDS.get(info.unit, info.unit)})"
                self.fields[info.name] = forms.IntegerField(
                    label=label, help_text=hint, min_value=info.minimum, max_value=3650, initial=current,
                    error_messages={
                        "required": f"Enter the number of {info.unit} for “{info.label.lower()}”",
                        "invalid": f"Enter a whole number of {info.unit} for “{info.label.lower()}”",
                        "min_value": f"Number of {info.unit} for “{info.label.lower()}” must be {info.minimum} or more",
                        "max_value": f"Number of {info.unit} for “{info.label.lower()}” must be 3650 or fewer",
                    },
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                )

    def _add_bool(self, name: str, label: str, hint: str, current: bool) -> None:
        self.bools.add(name)
        self.fields[name] = forms.ChoiceField(
            label=label, help_text=hint, choices=_YES_NO, widget=forms.RadioSelect,
            initial="true" if current else "false", error_messages={"required": f"Select yes or no for “{label.lower()}”"},
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.bools:
            if name in data:
                data[name] = data[name] == "true"
        return data
