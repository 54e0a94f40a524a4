"""Forms for young people and their care history."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from accounts.models import Team, User
from compliance import codes
from compliance.categories import Category
from people.models import Disability
from web.forms import GovukDateField, GovukForm, VersionedForm

UPN_PATTERN = re.compile(r"^[A-Z][0-9]{11}[0-9A-Z]$")
CHILD_ID_PATTERN = re.compile(r"^[A-Za-z0-9]{1,10}$")
POSTCODE_PATTERN = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")


def _blank_choice(choices: list[tuple[str, str]], prompt: str = "Select") -> list[tuple[str, str]]:
    return [("", prompt), *choices]


class YoungPersonForm(VersionedForm):
    child_id = forms.CharField(
        label="Child ID", max_length=10, help_text="Up to 10 letters or numbers, as in the SSDA903 return"
    )
    given_name = forms.CharField(label="Legal first name", max_length=100)
    family_name = forms.CharField(label="Legal last name", max_length=100)
    preferred_name = forms.CharField(
        label="Preferred name (optional)", max_length=100, required=False,
        help_text="The name they like to be called, if different",
    )
    date_of_birth = GovukDateField(label="Date of birth")
    sex = forms.ChoiceField(label="Sex", choices=codes.SEX.choices(), widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(label="Ethnicity", choices=_blank_choice(codes.ETHNIC.choices()))
    upn = forms.CharField(
        label="Unique pupil number (optional)", max_length=13, required=False,
        help_text="13 characters, starting with a letter",
    )
    uasc = forms.BooleanField(label="Unaccompanied asylum-seeking child", required=False)
    uasc_ceased_on = GovukDateField(label="Date UASC status ceased (optional)", required=False)
    disability = forms.ChoiceField(label="Disability", choices=Disability.choices, widget=forms.RadioSelect)
    team = forms.ModelChoiceField(label="Team or locality", queryset=Team.objects.all(), empty_label="Select")
    phone = forms.CharField(label="Phone number (optional)", max_length=30, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))
    email = forms.EmailField(label="Email address (optional)", required=False,
                             error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"})
    address = forms.CharField(label="Address (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    postcode = forms.CharField(label="Postcode (optional)", max_length=10, required=False)
    date_of_death = GovukDateField(label="Date of death (optional)", required=False)

    def clean_child_id(self) -> str:
        value = self.cleaned_data["child_id"].strip()
        if not CHILD_ID_PATTERN.match(value):
            raise forms.ValidationError("Child ID must be up to 10 letters or numbers, with no spaces")
        return value

    def clean_upn(self) -> str:
        value = self.cleaned_data["upn"].strip().upper()
        if value and not UPN_PATTERN.match(value):
            raise forms.ValidationError("Unique pupil number must be a letter followed by 11 numbers and a final letter or number")
        return value

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip().upper()
        if value and not POSTCODE_PATTERN.match(value):
            raise forms.ValidationError("Enter a real postcode, like SW1A 1AA")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("uasc_ceased_on") and not data.get("uasc"):
            self.add_error("uasc_ceased_on", "Only enter the date UASC status ceased for an unaccompanied asylum-seeking child")
        dob, death = data.get("date_of_birth"), data.get("date_of_death")
        if dob and death and death < dob:
            self.add_error("date_of_death", "Date of death must be on or after the date of birth")
        return data


def _postcode_field(label: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=8, required=False)


class CareEpisodeForm(VersionedForm):
    start = GovukDateField(label="Start date", help_text="DECOM: the first day of this episode. For example, 27 3 2024")
    reason_new = forms.ChoiceField(label="Reason for new episode", choices=_blank_choice(codes.RNE.choices()))
    legal_status = forms.ChoiceField(label="Legal status", choices=_blank_choice(codes.LEGAL_STATUS.choices()))
    category_of_need = forms.ChoiceField(label="Category of need", choices=_blank_choice(codes.CATEGORY_OF_NEED.choices()))
    placement = forms.ChoiceField(label="Placement type", choices=_blank_choice(codes.PLACEMENT.choices(include_retired=True)))
    placement_provider = forms.ChoiceField(
        label="Placement provider (optional)", required=False,
        choices=_blank_choice(codes.PLACEMENT_PROVIDER.choices(), "Not applicable"),
    )
    end = GovukDateField(
        label="End date (optional)", required=False,
        help_text="DEC: the first day they were no longer in this episode. Leave blank while it continues",
    )
    reason_ended = forms.ChoiceField(
        label="Reason episode ceased (optional)", required=False,
        choices=_blank_choice(codes.REASON_EPISODE_CEASED.choices(), "Not ended"),
    )
    reason_place_change = forms.ChoiceField(
        label="Reason for placement change (optional)", required=False,
        choices=_blank_choice(codes.REASON_PLACE_CHANGE.choices(), "Not applicable"),
    )
    home_postcode = _postcode_field("Home postcode (optional)")
    placement_postcode = _postcode_field("Placement postcode (optional)")
    urn = forms.CharField(label="Ofsted URN of the placement (optional)", max_length=8, required=False)

    def clean_urn(self) -> str:
        value = self.cleaned_data["urn"].strip().upper()
        if value and not (value == "SC999999" or re.fullmatch(r"SC?[0-9]{6}|[0-9]{6,7}", value)):
            raise forms.ValidationError("Ofsted URN must be 6 or 7 numbers, or SC followed by 6 numbers")
        return value

    def clean_home_postcode(self) -> str:
        return self.cleaned_data["home_postcode"].strip().upper()

    def clean_placement_postcode(self) -> str:
        return self.cleaned_data["placement_postcode"].strip().upper()


class HomeWithParentForm(VersionedForm):
    start = GovukDateField(label="Start date", help_text="When they started living with their parent or a person with parental responsibility")
    end = GovukDateField(label="End date (optional)", required=False, help_text="The first day they no longer lived there. Leave blank while it continues")


AGE_BANDS = [
    ("under_16", "Under 16"),
    ("16_17", "16 to 17"),
    ("18_20", "18 to 20"),
    ("21_24", "21 to 24"),
    ("25_plus", "25 and over"),
]

SORTS = {
    "name": ("family_name", "given_name"),
    "-name": ("-family_name", "-given_name"),
    "age": ("-date_of_birth",),
    "-age": ("date_of_birth",),
    "child_id": ("child_id",),
    "-child_id": ("-child_id",),
}


class RegisterFilterForm(GovukForm):
    q = forms.CharField(label="Name or child ID", required=False, max_length=100)
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.all(), required=False, empty_label="All teams")
    category = forms.ChoiceField(label="Leaving-care category", required=False,
                                 choices=[("", "All categories"), *[(c.value, c.label) for c in Category]])
    age_band = forms.ChoiceField(label="Age", required=False, choices=[("", "All ages"), *AGE_BANDS])
    worker = forms.ModelChoiceField(label="Worker", queryset=User.objects.none(), required=False, empty_label="All workers")
    uasc = forms.ChoiceField(label="Unaccompanied asylum-seeking", required=False,
                             choices=[("", "All"), ("yes", "Yes"), ("no", "No")])
    status = forms.ChoiceField(label="Case status", required=False,
                               choices=[("open", "Open"), ("closed", "Closed"), ("all", "Open and closed")])
    sort = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS], widget=forms.HiddenInput)

    def __init__(self, *args: Any, workers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if workers is not None:
            self.fields["worker"].queryset = workers
        self.fields["team"].error_messages["invalid_choice"] = "Select a team from the list"
        self.fields["worker"].error_messages["invalid_choice"] = "Select a worker from the list"
