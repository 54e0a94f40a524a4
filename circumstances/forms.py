"""Forms for a young person's circumstances. Field names match the models' and the
actions' keyword arguments, so an action's refusal lands on the field it names."""

from __future__ import annotations

from typing import Any

from django import forms

from circumstances.models import DetentionKind
from compliance import codes
from compliance.facts import DeclarationKind
from people.forms import POSTCODE_PATTERN
from web.forms import GovukDateField, VersionedForm

SUITABILITY = [("yes", "Suitable"), ("no", "Not suitable"), ("unknown", "Not judged yet")]
SUITABILITY_VALUES = {"yes": True, "no": False, "unknown": None}
# Every date field names its own example: the shared default one is from 2007.
DATE_EXAMPLE = "For example, 27 3 2026"
END_HINT = f"The first day it no longer applied. Leave blank if it still applies. {DATE_EXAMPLE}"


def _select(code_list: codes.CodeList, prompt: str) -> list[tuple[str, str]]:
    return [("", prompt), *code_list.choices()]


def _text(label: str, *, required: bool = False, rows: int | None = None, **kwargs: Any) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(label=label, required=required, widget=widget, max_length=None if rows else 200, **kwargs)


def _end() -> GovukDateField:
    return GovukDateField(label="End date (optional)", required=False, help_text=END_HINT)


class FieldMessages:
    """Mixed into a GovukForm: its generic messages ("Select the what did they tell the
    council?") replaced where a field needs its own wording."""

    messages: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, message in self.messages.items():
            self.fields[name].error_messages.update(required=message, invalid_choice=message)  # type: ignore[attr-defined]


class CircumstanceForm(FieldMessages, VersionedForm):
    pass


class AccommodationForm(CircumstanceForm):
    start = GovukDateField(label="Start date", help_text=(
        f"The day they moved in. If a current home is recorded, it ends on this date. {DATE_EXAMPLE}"))
    end = GovukDateField(label="End date (optional)", required=False, help_text=(
        f"The day they moved out. Leave blank if they still live there. {DATE_EXAMPLE}"))
    accommodation_type = forms.ChoiceField(
        label="Type of accommodation", choices=_select(codes.ACCOMMODATION_TYPES, "Select a type")
    )
    suitable = forms.ChoiceField(
        label="Is the accommodation suitable?", choices=SUITABILITY, widget=forms.RadioSelect,
        help_text="Suitable means safe, secure and affordable, and meeting their needs "
                  "(Care Leavers (England) Regulations 2010, Schedule 2)",
    )
    unsuitable_reason = _text("Why it is not suitable (if not suitable)", rows=3)
    council_provided = forms.BooleanField(
        label="The council provides this accommodation (section 23B or 24B of the Children Act 1989)",
        required=False, help_text="The personal adviser then visits there within 7 days and at least every 2 months",
    )
    address = _text("Address (optional)", rows=3)
    postcode = forms.CharField(label="Postcode (optional)", max_length=10, required=False)

    messages = {
        "accommodation_type": "Select the type of accommodation",
        "suitable": "Select whether the accommodation is suitable",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        initial = kwargs.get("initial") or {}
        if "suitable" in initial and not isinstance(initial["suitable"], str):
            initial["suitable"] = {True: "yes", False: "no", None: "unknown"}[initial["suitable"]]
        super().__init__(*args, **kwargs)

    def clean_suitable(self) -> bool | None:
        return SUITABILITY_VALUES[self.cleaned_data["suitable"]]

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip().upper()
        if value and not POSTCODE_PATTERN.match(value):
            raise forms.ValidationError("Enter a real postcode, like SW1A 1AA")
        return value


class ActivityForm(CircumstanceForm):
    start = GovukDateField(label="Start date", help_text=(
        f"If a current activity is recorded, it ends on this date. {DATE_EXAMPLE}"))
    end = _end()
    activity = forms.ChoiceField(label="Main activity", choices=_select(codes.ACTIVITY, "Select an activity"))
    provider = _text("College, employer or training provider (optional)")
    course = _text("Course, job or programme (optional)")

    messages = {"activity": "Select the main activity"}


class StayingPutForm(CircumstanceForm):
    start = GovukDateField(label="Start date", help_text=f"Usually the 18th birthday. {DATE_EXAMPLE}")
    end = _end()
    carer = _text("Former foster carer", required=True, help_text="The foster carer they lived with when care ended")

    messages = {"carer": "Enter the name of the former foster carer"}


class StayingPutReviewForm(CircumstanceForm):
    reviewed_on = GovukDateField(label="Date of the review", help_text=DATE_EXAMPLE)
    notes = _text("What the review found (optional)", rows=5)


class DeclarationForm(CircumstanceForm):
    kind = forms.ChoiceField(
        label="What did they tell the council?", widget=forms.RadioSelect,
        choices=[(k.value, k.label) for k in DeclarationKind],
    )
    told_on = GovukDateField(label="Date the council was told", help_text=(
        "A request for personal adviser support counts from their 21st birthday, and education or training "
        f"from their 18th, until their 25th. {DATE_EXAMPLE}"))
    note = _text("Note (optional)", rows=4)

    messages = {"kind": "Select what they told the council"}


class EducationProgrammeForm(CircumstanceForm):
    programme = _text("Course or training programme", required=True)
    provider = _text("College, university or training provider (optional)")
    ends_on = GovukDateField(label="Date the programme ends", help_text=(
        "As set out in the pathway plan. Support under section 23C continues until then. For example, 30 6 2030"))

    messages = {"programme": "Enter the course or training programme"}


class DetentionForm(CircumstanceForm):
    kind = forms.ChoiceField(label="Detained or in hospital?", choices=DetentionKind.choices, widget=forms.RadioSelect)
    start = GovukDateField(label="Start date", help_text=DATE_EXAMPLE)
    end = _end()
    place = _text("Where (optional)", help_text="For example, the name of the hospital or institution")

    messages = {"kind": "Select whether they were detained or in hospital"}
