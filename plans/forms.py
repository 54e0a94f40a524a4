"""Forms for needs assessments, pathway plan versions, sign-offs, reviews and requests.

Forms check shape (required fields, real dates, choices); the actions check what
depends on stored records (dates in order, nothing in the future) and name the field.
"""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Role, User
from plans.models import (
    ASSESSMENT_MATTERS,
    MATTER_LABELS,
    REVIEW_REASON_LABELS,
    CopyMethod,
    Involvement,
    PathwayPlanVersion,
    PlanSection,
    RequestedBy,
    ReviewOutcome,
    SignOffMethod,
    TookPart,
)
from plans.actions.common import long_date
from plans.actions.versions import EARLIEST_PLANNING_AGE
from web.forms import GovukDateField, GovukForm, VersionedForm

# GOV.UK date inputs show an example in the hint; a recent year reads as a real date to staff.
DATE_EXAMPLE = "For example, 27 3 2026"


def date_hint(text: str = "") -> str:
    return f"{text}. {DATE_EXAMPLE}" if text else DATE_EXAMPLE


# Short names for each matter, so a message about one of ten "Target date" boxes says which.
MATTER_SHORT_NAMES = {
    "contact_support": "contact and support",
    "education_training": "education or training",
    "employment": "employment",
    "accommodation": "accommodation",
    "relationships": "family and relationships",
    "practical_skills": "independent-living skills",
    "finance": "financial support",
    "health": "health",
    "identity": "identity",
    "immigration": "immigration",
}


def _messages(form: forms.Form, **by_field: str) -> None:
    """Radios ask a question, so "Select the <label>" reads badly: each gets its own message."""
    for name, message in by_field.items():
        form.fields[name].error_messages.update(required=message, invalid_choice=message)


def _textarea(label: str, *, required: bool = False, hint: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, help_text=hint, widget=forms.Textarea(attrs={"rows": rows}), strip=True
    )


class NamedDateField(GovukDateField):
    """A date whose messages use ``name``, not its label: "Date completed must be a real
    date", not "Date completed (optional) …"; "Target date for health", not "Target date"
    (the page has one in each of ten sections)."""

    def __init__(self, *, name: str, **kwargs: Any) -> None:
        self.error_name = name
        super().__init__(**kwargs)

    def _name(self) -> str:
        return self.error_name


class AssessmentForm(VersionedForm):
    started_on = GovukDateField(label="Date started", past_only=True, help_text=date_hint())
    completed_on = NamedDateField(
        label="Date completed (optional)", name="Date completed", required=False, past_only=True,
        help_text=date_hint("Leave blank while the assessment is in progress"),
    )
    author = forms.ModelChoiceField(label="Author", queryset=User.objects.none(), empty_label="Select")
    views_sought = _textarea(
        "Whose views were sought (optional until completed)",
        hint="Who was asked, what they said and how (Care Leavers Regulations 2010, regulation 5(3))",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER]
        )
        self.fields["author"].label_from_instance = lambda u: f"{u.display_name} ({u.get_role_display().lower()})"
        self.fields["author"].error_messages["invalid_choice"] = "Select an author from the list"
        for code, label in ASSESSMENT_MATTERS:
            self.fields[code] = _textarea(label, rows=5)
        # Keep the page in reading order: dates and author, the matters, then views sought.
        order = ["version", "started_on", "completed_on", "author", *(c for c, _ in ASSESSMENT_MATTERS), "views_sought"]
        self.order_fields(order)

    def matter_fields(self) -> list[forms.BoundField]:
        return [self[code] for code, _ in ASSESSMENT_MATTERS]


class AuthoriseForm(VersionedForm):
    authorised_on = GovukDateField(label="Date authorised", past_only=True, help_text=date_hint())


class ConfirmForm(GovukForm):
    """A button and nothing else, for a step that needs a POST."""


class PlanVersionForm(VersionedForm):
    contingency_plan = _textarea(
        "Contingency plan", rows=5,
        hint="What will happen if the plan stops working, and who they can contact",
    )
    young_person_views = _textarea("Their views, in their own words", rows=5)
    took_part = forms.ChoiceField(
        label="Did they take part in writing this plan?", choices=TookPart.choices, widget=forms.RadioSelect,
        required=False,
    )
    how_took_part = _textarea("How they took part, or why not", rows=3)
    contact_every_weeks = forms.IntegerField(
        label="Agreed frequency of contact, in weeks (optional)", required=False, min_value=1, max_value=52,
        help_text="For example, 4 for every 4 weeks",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Agreed frequency of contact must be a whole number of weeks, like 4",
            "min_value": "Agreed frequency of contact must be between 1 and 52 weeks",
            "max_value": "Agreed frequency of contact must be between 1 and 52 weeks",
        },
    )

    def __init__(self, *args: Any, matters: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _messages(self, took_part="Select whether they took part in writing this plan")
        self.matters = matters
        for matter in matters:
            short = MATTER_SHORT_NAMES[matter]
            self.fields[f"{matter}_need"] = _textarea("What they need", rows=3)
            self.fields[f"{matter}_actions"] = _textarea("What will be done", rows=3)
            self.fields[f"{matter}_who"] = forms.CharField(
                label="Who will do it", required=False, max_length=200,
                error_messages={"max_length": f"Who will do it for {short} must be 200 characters or fewer"},
            )
            self.fields[f"{matter}_by_when"] = NamedDateField(
                label="Target date", name=f"Target date for {short}", required=False,
                help_text="When it will be done by. For example, 31 3 2027",
            )

    def section_groups(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        return [
            (m, MATTER_LABELS[m], [self[f"{m}_{name}"] for name in PlanSection.CONTENT_FIELDS])
            for m in self.matters
        ]

    def sections_data(self) -> dict[str, dict[str, Any]]:
        return {
            m: {name: self.cleaned_data[f"{m}_{name}"] for name in PlanSection.CONTENT_FIELDS}
            for m in self.matters
        }

    def content_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PathwayPlanVersion.CONTENT_FIELDS}


def version_initial(version: PathwayPlanVersion, matters: list[str]) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(version, name) for name in PathwayPlanVersion.CONTENT_FIELDS}
    initial["version"] = version.version
    sections = {s.matter: s for s in version.sections.all()}
    for matter in matters:
        section = sections.get(matter)
        for name in PlanSection.CONTENT_FIELDS:
            initial[f"{matter}_{name}"] = getattr(section, name) if section else None
    return initial


class AgreeForm(VersionedForm):
    agreed_on = GovukDateField(label="Date agreed", past_only=True, help_text=date_hint(
        "The day this version was agreed with the young person"))

    def explain_earliest(self, earliest: Any, what: str) -> None:
        """Say in the hint which day is the first one the service accepts, and why."""
        self.fields["agreed_on"].help_text = (
            f"The day this version was agreed with the young person: on or after {long_date(earliest)}, when {what}, "
            f"and not in the future. A version cannot be agreed before their {EARLIEST_PLANNING_AGE}th birthday, "
            f"their first completed needs assessment or the version it replaces. {DATE_EXAMPLE}"
        )


class SignOffForm(VersionedForm):
    young_person_signed_on = GovukDateField(
        label="Date the young person signed", required=False, past_only=True, help_text=date_hint()
    )
    young_person_signed_how = forms.ChoiceField(
        label="How the young person signed", choices=SignOffMethod.choices, widget=forms.RadioSelect, required=False
    )
    worker_signed_on = GovukDateField(label="Date the worker signed", required=False, past_only=True, help_text=date_hint())
    worker_signed_how = forms.ChoiceField(
        label="How the worker signed", choices=SignOffMethod.choices, widget=forms.RadioSelect, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _messages(self, young_person_signed_how="Select how the young person signed",
                  worker_signed_how="Select how the worker signed")


class CopyGivenForm(VersionedForm):
    copy_given_on = GovukDateField(label="Date the copy was given", past_only=True, help_text=date_hint())
    copy_given_how = forms.ChoiceField(label="How the copy was given", choices=CopyMethod.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _messages(self, copy_given_how="Select how the copy was given")


class ReviewForm(VersionedForm):
    held_on = GovukDateField(
        label="Date of the review", past_only=True, help_text=date_hint("The day the review meeting was held")
    )
    reason = forms.ChoiceField(
        label="Why the review was held", widget=forms.RadioSelect,
        choices=[(r.value, label) for r, label in REVIEW_REASON_LABELS.items()],
    )
    attended = _textarea("Who attended", required=True, rows=3, hint="Names and roles")
    outcome = forms.ChoiceField(label="Outcome", choices=ReviewOutcome.choices, widget=forms.RadioSelect)
    new_version = forms.ChoiceField(
        label="Which version came from this review", required=False,
        help_text="Only if the outcome is a new version",
    )

    def __init__(self, *args: Any, versions: list[PathwayPlanVersion], can_start: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _messages(self, reason="Select why the review was held", outcome="Select the outcome of the review")
        self.fields["attended"].error_messages["required"] = "Enter who attended"
        choices = [("", "Select a version")]
        if can_start:
            choices.append(("new", can_start))
        choices += [
            (str(v.pk), f"Version {v.number} ({'agreed ' + _short(v.agreed_on) if v.agreed_on else 'draft'})")
            for v in versions
        ]
        self.fields["new_version"].choices = choices
        self.fields["new_version"].error_messages["invalid_choice"] = "Select a version from the list"
        self.versions = {str(v.pk): v for v in versions}

    def action_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in ("held_on", "reason", "attended", "outcome")}
        chosen = self.cleaned_data["new_version"]
        data["new_version"] = "new" if chosen == "new" else self.versions.get(chosen)
        return data


def _short(day: Any) -> str:
    return f"{day.day} {day:%b %Y}"


class InvolvementForm(VersionedForm):
    young_person_involvement = forms.ChoiceField(
        label="How did the young person take part?", choices=Involvement.choices, widget=forms.RadioSelect
    )
    young_person_views = _textarea(
        "Their views", required=True, rows=5, hint="In their own words where you can. If they did not take part, say why",
    )
    others_involvement = _textarea(
        "How others took part", required=True, rows=4,
        hint="For example, their carer sent a report; their college tutor attended",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _messages(self, young_person_involvement="Select how the young person took part")
        self.fields["others_involvement"].error_messages["required"] = "Enter how others took part"
        self.fields["young_person_views"].error_messages["required"] = "Enter the young person's views, or why they did not take part"


class ReviewRequestForm(GovukForm):
    requested_on = GovukDateField(label="Date of the request", past_only=True, help_text=date_hint())
    requested_by = forms.ChoiceField(label="Who asked for the review", choices=RequestedBy.choices, widget=forms.RadioSelect)
    details = _textarea("Details (optional)", rows=3, hint="What they want to change, or why a review is needed")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _messages(self, requested_by="Select who asked for the review")
