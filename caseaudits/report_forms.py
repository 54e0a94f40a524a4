"""Forms for moderation and for importing past results."""

from __future__ import annotations

from typing import Any

from django import forms

from caseaudits.models import Grade, ModerationOutcome, TemplateVersion, VersionStatus
from web.forms import GovukForm, VersionedForm

_TEXTAREA = forms.Textarea(attrs={"rows": 4})


class RuleForm(GovukForm):
    percent = forms.IntegerField(
        label="Random share of the other submitted audits to moderate (%)", min_value=0, max_value=100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": False}),
        help_text="Every Inadequate audit and every Good one with an area graded Outstanding is chosen anyway. "
                  "This share of the rest is chosen at random, rounded up.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        messages = self.fields["percent"].error_messages
        messages["required"] = "Enter the share of the other audits to moderate"
        messages["invalid"] = "Share to moderate must be a whole number"
        messages["min_value"] = messages["max_value"] = "Share to moderate must be between 0 and 100"


class ChooseForm(GovukForm):
    note = forms.CharField(label="Why are you choosing this audit? (optional)", required=False, widget=_TEXTAREA)


class TakeOutForm(GovukForm):
    reason = forms.CharField(label="Why is this audit being taken out of moderation?", widget=_TEXTAREA)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why this audit is being taken out of moderation"


class ModerationForm(VersionedForm):
    outcome = forms.ChoiceField(
        label="What does the moderation panel decide?", widget=forms.RadioSelect,
        choices=[(ModerationOutcome.AGREED, "Confirm the grade"), (ModerationOutcome.REGRADED, "Change the grade")],
    )
    grade = forms.TypedChoiceField(label="Moderated grade (only if you are changing it)", coerce=int, required=False,
                                   empty_value=None, choices=Grade.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Needed if you change the grade. If you confirm it, say briefly what the evidence shows.",
    )

    def __init__(self, *args: Any, current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].error_messages["required"] = "Select whether the grade is confirmed or changed"
        # After a first moderation the grade to confirm is the moderated one, not the auditor's.
        self.fields["outcome"].choices = [(ModerationOutcome.AGREED, f"Confirm the grade: {current or 'not graded'}"),
                                          (ModerationOutcome.REGRADED, "Change the grade")]


class PastResultsForm(GovukForm):
    title = forms.CharField(label="Name of the past round", max_length=200,
                            help_text="For example, Themed audit of care leavers' files, spring 2025")
    template_version = forms.ModelChoiceField(
        label="The audit template its areas match", queryset=TemplateVersion.objects.none(), empty_label="Select",
        help_text="Each area's column must be titled as the area is in this template",
    )
    file = forms.FileField(label="Upload the CSV file")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template_version"].queryset = TemplateVersion.objects.exclude(
            status=VersionStatus.DRAFT).select_related("template")
        self.fields["template_version"].label_from_instance = lambda v: f"{v.template.name} (version {v.number})"
        self.fields["template_version"].error_messages["invalid_choice"] = "Select an audit template from the list"
        self.fields["file"].error_messages["required"] = "Select a CSV file"
        self.fields["file"].error_messages["empty"] = "The selected file is empty"
