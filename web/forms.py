"""Form building blocks that follow the GOV.UK Design System's patterns and error messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone


class GovukDateWidget(forms.MultiWidget):
    """Three text boxes (day, month, year), as in the GOV.UK date input pattern."""

    def __init__(self) -> None:
        numeric = {"inputmode": "numeric"}
        super().__init__(
            widgets={
                "day": forms.TextInput(attrs=numeric),
                "month": forms.TextInput(attrs=numeric),
                "year": forms.TextInput(attrs=numeric),
            }
        )

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.Field):
    """A date typed as day, month and year, with the Design System's error messages."""

    widget = GovukDateWidget

    def __init__(self, *, label: str, past_only: bool = False, **kwargs: Any) -> None:
        self.past_only = past_only
        super().__init__(label=label, **kwargs)

    def _name(self) -> str:
        return str(self.label)

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        parts = [str(p).strip() if p is not None else "" for p in (value or ["", "", ""])]
        day, month, year = parts
        if not any(parts):
            return None
        missing = [name for name, part in zip(("day", "month", "year"), parts) if not part]
        if missing:
            # The code names the first box to fix, so the error summary links to it.
            raise forms.ValidationError(f"{self._name()} must include a {' and '.join(missing)}", code=missing[0])
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError(f"{self._name()} must be a real date")
        if len(year) != 4:
            raise forms.ValidationError("Year must include 4 numbers", code="year")
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(f"{self._name()} must be a real date") from None

    def validate(self, value: dt.date | None) -> None:
        if value is None and self.required:
            raise forms.ValidationError(f"Enter the {self._name()[0].lower()}{self._name()[1:]}")
        if value is not None and self.past_only and value > timezone.localdate():
            raise forms.ValidationError(f"{self._name()} must be today or in the past")

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(data) != initial
        except forms.ValidationError:
            return True


class GovukForm(forms.Form):
    """A form whose required-field message names the field in GOV.UK style."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, form_field in self.fields.items():
            label = str(form_field.label or name.replace("_", " ").capitalize())
            lowered = label[0].lower() + label[1:]
            if isinstance(form_field, forms.ChoiceField):
                form_field.error_messages["required"] = f"Select the {lowered}"
                form_field.error_messages["invalid_choice"] = f"Select a {lowered} from the list"
            else:
                form_field.error_messages["required"] = f"Enter the {lowered}"

    def apply_errors(self, error: Any) -> None:
        """Attach a ValidationError raised by an action to this form's fields."""
        if hasattr(error, "error_dict"):
            for name, messages in error.message_dict.items():
                self.add_error(None if name == "__all__" or name not in self.fields else name, messages)
        else:
            self.add_error(None, error.messages)


class VersionedForm(GovukForm):
    """Carries the record's version so a save over someone else's edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
