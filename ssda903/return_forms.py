"""Forms for the care leaver return: set a value by hand, withdraw one, confirm a download."""

from __future__ import annotations

from typing import Any

from django import forms

from compliance.codes import ACTIVITY, IN_TOUCH
from compliance.ssda903_values import Oc3Value, valid_codes
from ssda903.return_actions import FIELD_LABELS
from ssda903.spec import ACCOM_CODES
from web.forms import GovukDateField, GovukForm, VersionedForm

REASON_HINT = "Say what you know and how you know it, for example who told you and when."


def _accommodation_label(code: str) -> str:
    return Oc3Value("ACCOM", code, "").label


def value_choices(field: str) -> list[tuple[str, str]]:
    """The codes the DfE accepts for the field, each with what it means."""
    if field == "IN_TOUCH":
        return [(c.code, f"{c.code}: {c.label}") for c in IN_TOUCH.current()]
    if field == "ACTIV":
        return [(c.code, f"{c.code}: {c.label}") for c in ACTIVITY.current()]
    if field == "ACCOM":
        codes = sorted(valid_codes("ACCOM") & ACCOM_CODES, key=lambda c: (c == "0", c))
        return [(c, f"{c}: {_accommodation_label(c)}") for c in codes]
    return [("1", "Yes, she is a mother"), ("0", "No")]


class OverrideForm(GovukForm):
    """One value of the return set by hand, with the reason."""

    reason = forms.CharField(label="Why are you setting this value?", help_text=REASON_HINT, widget=forms.Textarea,
                             max_length=2000)

    def __init__(self, *args: Any, field: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label = FIELD_LABELS[field]
        if field == "MC_DOB":
            value: forms.Field = GovukDateField(label="Date of birth of her child")
        else:
            widget = forms.RadioSelect if field in ("IN_TOUCH", "MOTHER") else forms.Select
            value = forms.ChoiceField(label=label, choices=value_choices(field), widget=widget)
            if widget is forms.Select:
                value.choices = [("", "Choose a value"), *value.choices]
        named = label.split(" (")[0].lower()
        value.error_messages["required"] = (
            "Enter the date of birth of her child" if field == "MC_DOB" else f"Select the {named}")
        value.error_messages["invalid_choice"] = f"Select the {named} from the list"
        self.fields = {"value": value, "reason": self.fields["reason"]}
        self.fields["reason"].error_messages["required"] = "Enter why you are setting this value"

    def value_text(self) -> str:
        value = self.cleaned_data["value"]
        return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value


class WithdrawForm(VersionedForm):
    reason = forms.CharField(label="Why does this value no longer apply?", widget=forms.Textarea, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why the value no longer applies"


class ConfirmExportForm(GovukForm):
    """Download a return the DfE's rules found errors in, knowingly."""

    file_format = forms.ChoiceField(choices=[("csv", "CSV"), ("xml", "XML")], widget=forms.HiddenInput)
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.BooleanField(label="I understand the return has errors and I want to download it anyway")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["confirm"].error_messages["required"] = "Confirm that you want to download a return with errors"
