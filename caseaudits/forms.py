"""Forms for the template builder, rounds, sampling, allocation and following up an audit.
The audit's own answers form is built from its template version (caseaudits/answers.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from caseaudits.actions.audits import DUE_IN_THE_PAST
from caseaudits.conflicts import eligible_auditors
from caseaudits.models import QuestionKind, Stratum, TemplateVersion, VersionStatus
from caseaudits.population import POPULATION_FILTERS
from people.forms import RegisterFilterForm
from web.forms import GovukDateField, GovukForm, VersionedForm

_TEXTAREA = forms.Textarea(attrs={"rows": 4})


class DueDateField(GovukDateField):
    """A due date: today or later. Checked here too so it is reported with the form's other errors."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(label="Due date", **kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and value < timezone.localdate():
            raise forms.ValidationError(DUE_IN_THE_PAST)


def _whole_number(label: str, **kwargs: Any) -> forms.IntegerField:
    field = forms.IntegerField(label=label, widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": False}),
                               **kwargs)
    field.error_messages["invalid"] = f"{label.removesuffix(' (optional)')} must be a whole number"
    return field


class TemplateForm(GovukForm):
    name = forms.CharField(label="Template name", max_length=150)
    description = forms.CharField(label="Description (optional)", required=False, widget=_TEXTAREA,
                                  help_text="What the audit is for and when to use it")


class SectionForm(VersionedForm):
    title = forms.CharField(label="Section title", max_length=200)
    guidance = forms.CharField(label="Guidance (optional)", required=False, widget=forms.Textarea(attrs={"rows": 6}),
                               help_text="Lines of enquiry or what the auditor should look for")


class QuestionForm(VersionedForm):
    text = forms.CharField(label="Question", max_length=300,
                           help_text="Name a grade question after what is graded, for example Grade for joint working")
    guidance = forms.CharField(label="Guidance (optional)", required=False, widget=_TEXTAREA)
    kind = forms.ChoiceField(label="Type of answer", choices=QuestionKind.choices, widget=forms.RadioSelect)
    required = forms.BooleanField(label="An answer is required before the audit can be submitted", required=False,
                                  help_text="The auditor can still mark it not applicable, with a reason")
    is_overall_judgement = forms.BooleanField(label="This is the overall judgement of the file", required=False,
                                              help_text="A grade question; reports count audits by it")


class RoundForm(RegisterFilterForm):
    """A round's details and the register filters that choose its population."""

    title = forms.CharField(label="Title", max_length=200, help_text="For example, Care leavers in unsuitable accommodation, spring 2027")
    template_version = forms.ModelChoiceField(label="Audit template", queryset=TemplateVersion.objects.none(),
                                              empty_label="Select")
    starts_on = GovukDateField(label="Start date")
    due_on = GovukDateField(label="Due date", help_text="When every audit in the round should be submitted")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("q", "worker", "sort"):
            del self.fields[name]
        self.fields["template_version"].queryset = (
            TemplateVersion.objects.filter(status=VersionStatus.PUBLISHED).select_related("template")
        )
        self.fields["template_version"].label_from_instance = lambda v: f"{v.template.name} (version {v.number})"
        self.fields["template_version"].error_messages["invalid_choice"] = "Select an audit template from the list"
        self.fields["status"].label = "Cases"
        self.fields["status"].choices = [("open", "Open cases"), ("closed", "Closed cases"), ("all", "Open and closed cases")]
        self.order_fields(["title", "template_version", "starts_on", "due_on", *POPULATION_FILTERS])

    def population_filters(self) -> dict[str, Any]:
        data = self.cleaned_data
        filters = {name: data.get(name) for name in POPULATION_FILTERS if data.get(name)}
        if filters.get("team") is not None:
            filters["team"] = filters["team"].pk
        filters.setdefault("status", "open")
        return filters

    def round_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"title": data["title"], "template_version": data["template_version"], "starts_on": data["starts_on"],
                "due_on": data["due_on"], "population_filters": self.population_filters()}


class SampleForm(GovukForm):
    sample_size = _whole_number("Sample size", min_value=1)
    stratify_by = forms.ChoiceField(
        label="Stratify the sample", choices=Stratum.choices, widget=forms.RadioSelect, required=False,
        help_text="A stratified sample takes from each group in proportion to its size",
    )
    seed = _whole_number("Seed (optional)", required=False, min_value=0,
                         help_text="To draw a sample again exactly, enter the seed it was drawn with. "
                                   "Leave blank for a new random sample")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sample_size"].error_messages["min_value"] = "Sample size must be 1 or more"
        self.fields["seed"].error_messages["min_value"] = "Seed must be 0 or more"


class AllocateForm(GovukForm):
    auditor = forms.ModelChoiceField(label="Auditor", queryset=eligible_auditors(), empty_label="Select")
    due_on = DueDateField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["auditor"].label_from_instance = _auditor_label
        self.fields["auditor"].error_messages["invalid_choice"] = "Select an auditor from the list"


def _auditor_label(user: Any) -> str:
    team = f", {user.team.name}" if user.team_id else ""
    return f"{user.display_name} ({user.get_role_display().lower()}{team})"


class ShareForm(GovukForm):
    auditors = forms.ModelMultipleChoiceField(label="Auditors", queryset=eligible_auditors(),
                                              widget=forms.CheckboxSelectMultiple)
    due_on = DueDateField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["auditors"].error_messages["required"] = "Select at least one auditor"
        self.fields["auditors"].error_messages["invalid_choice"] = "Select auditors from the list"

    def auditor_items(self) -> list[dict[str, Any]]:
        chosen = {str(v) for v in (self["auditors"].value() or [])}
        return [{"value": str(u.pk), "text": _auditor_label(u), "checked": str(u.pk) in chosen}
                for u in self.fields["auditors"].queryset]


class WithdrawForm(VersionedForm):
    reason = forms.CharField(label="Why is this file being withdrawn from the sample?", widget=_TEXTAREA)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = "Enter why this file is being withdrawn from the sample"


class ConfirmForm(VersionedForm):
    """Nothing to fill in: carries the version so two people cannot act on different states."""


class ResponseForm(VersionedForm):
    text = forms.CharField(label="Your response to the findings", widget=forms.Textarea(attrs={"rows": 6}),
                           help_text="Say what you agree with, anything the audit missed, and what you will do")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Enter your response to the findings"


class ActionForm(GovukForm):
    worker = forms.ModelChoiceField(label="Who is it for?", queryset=None, empty_label="Select")
    text = forms.CharField(label="What needs to be done", widget=_TEXTAREA)
    due_on = DueDateField()

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["worker"].error_messages["invalid_choice"] = "Select a worker from the list"
        self.fields["worker"].error_messages["required"] = "Select who the action is for"
        self.fields["text"].error_messages["required"] = "Enter what needs to be done"
