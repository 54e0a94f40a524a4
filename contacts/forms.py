"""Forms for contacts, case notes, chronology entries, the case summary and documents.

The forms check what a single field can say; the actions check the fields together
(an attempt cannot be "seen alone") and stay the authority.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from contacts.actions import CONTACT_MAKER_ROLES
from contacts.models import ContactKindChoice, DocumentKind
from contacts.uploads import ALLOWED_DESCRIPTION, max_upload_mb
from people.models import YoungPerson
from web.forms import GovukDateField, GovukForm, VersionedForm

YES_NO = [("yes", "Yes"), ("no", "No")]
SUMMARY_LIMIT = 2000


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


class Messages:
    """Messages for fields whose labels are questions, where GovukForm's "Enter the …"
    would not read well. Applied after GovukForm sets its own."""

    field_messages: dict[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, message in self.field_messages.items():
            self.fields[name].error_messages.update(required=message, invalid_choice=message)  # type: ignore[attr-defined]


class PastDates:
    """Refuse future dates in ``past_only`` date fields with the other field errors, so
    nobody has to fix the form twice (the actions check again, with the date of birth)."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()  # type: ignore[misc]
        today = timezone.localdate()
        for name, form_field in self.fields.items():  # type: ignore[attr-defined]
            value = data.get(name)
            if getattr(form_field, "past_only", False) and value is not None and value > today:
                self.add_error(name, f"{form_field.label} must be today or in the past")  # type: ignore[attr-defined]
        return data


class ContactForm(Messages, PastDates, VersionedForm):
    field_messages = {
        "outcome": "Select whether the contact happened or was only an attempt",
        "with_whom": "Select who the contact was with",
        "worker": "Select who made the contact from the list",
    }

    on = GovukDateField(label="Date of the contact", past_only=True, help_text="For example, 27 3 2026")
    kind = forms.ChoiceField(label="Type of contact", choices=ContactKindChoice.choices, widget=forms.RadioSelect)
    outcome = forms.ChoiceField(
        label="Did it happen?",
        choices=[("happened", "Yes, they were seen or reached"), ("attempted", "No, it was only an attempt: nobody was seen or reached")],
        widget=forms.RadioSelect,
    )
    with_whom = forms.ChoiceField(
        label="Who was it with?",
        choices=[("young_person", "The young person"), ("someone_else", "Someone else on their behalf")],
        widget=forms.RadioSelect,
    )
    through_whom = forms.CharField(
        label="If it was through someone else, who?", max_length=200, required=False,
        help_text="For example, their carer, support worker or college tutor. Leave blank if it was with the young person.",
    )
    seen_alone = forms.ChoiceField(
        label="Was the young person seen alone?", choices=YES_NO, widget=forms.RadioSelect, required=False,
        help_text="Only for a visit or face-to-face contact with the young person",
    )
    place = forms.CharField(label="Where (optional)", max_length=200, required=False)
    worker = forms.ModelChoiceField(label="Who made the contact", queryset=User.objects.none(), empty_label=None)
    summary = forms.CharField(
        label="Summary", max_length=SUMMARY_LIMIT, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What was discussed, and anything that needs to happen next",
    )

    def __init__(self, *args: Any, young_person: YoungPerson, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        # Staff who could have made it: the young person's team and workers, and whoever is signed in.
        allocated = young_person.allocations.active_on(today).values("worker_id")
        worker = self.fields["worker"]
        worker.queryset = User.objects.filter(
            Q(pk=user.pk) | Q(pk__in=allocated) | Q(team_id=young_person.team_id),
            is_active=True, role__in=CONTACT_MAKER_ROLES,
        ).order_by("first_name", "last_name")
        worker.label_from_instance = lambda u: f"{u.display_name} ({u.get_role_display().lower()})"
        self.fields["summary"].error_messages["max_length"] = f"Summary must be {SUMMARY_LIMIT:,} characters or fewer"

    def action_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "on": data["on"],
            "kind": data["kind"],
            "attempted": data["outcome"] == "attempted",
            "direct": data["with_whom"] == "young_person",
            "through_whom": data["through_whom"],
            "seen_alone": _yes_no(data["seen_alone"]),
            "place": data["place"],
            "worker": data["worker"],
            "summary": data["summary"],
        }

    @staticmethod
    def initial_from(contact: Any) -> dict[str, Any]:
        return {
            "on": contact.on,
            "kind": contact.kind,
            "outcome": "attempted" if contact.attempted else "happened",
            "with_whom": "young_person" if contact.direct else "someone_else",
            "through_whom": contact.through_whom,
            "seen_alone": {True: "yes", False: "no"}.get(contact.seen_alone),
            "place": contact.place,
            "worker": contact.worker_id,
            "summary": contact.summary,
            "version": contact.version,
        }


class CaseNoteForm(PastDates, VersionedForm):
    on = GovukDateField(label="Date of the note", past_only=True, help_text="For example, 27 3 2026")
    subject = forms.CharField(label="Subject", max_length=200)
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 8}))
    significant = forms.BooleanField(
        label="This is a significant event: show it in the chronology", required=False,
    )

    def action_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("on", "subject", "text", "significant")}


class ChronologyEntryForm(Messages, PastDates, VersionedForm):
    field_messages = {"title": "Enter what happened"}

    on = GovukDateField(label="Date of the event", past_only=True, help_text="For example, 27 3 2026")
    title = forms.CharField(label="What happened", max_length=200, help_text="For example, Moved to supported lodgings")
    detail = forms.CharField(label="Detail (optional)", required=False, widget=forms.Textarea(attrs={"rows": 5}))

    def action_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("on", "title", "detail")}


class CaseSummaryForm(VersionedForm):
    text = forms.CharField(
        label="Case summary", widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Who they are, their situation now, the main risks and what is planned. The previous text is kept.",
    )


class DocumentForm(PastDates, GovukForm):
    kind = forms.ChoiceField(label="Type of document", choices=DocumentKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label="Title", max_length=200, help_text="For example, Pathway plan signed May 2026")
    on = GovukDateField(label="Date of the document", past_only=True, help_text="For example, 27 3 2026")
    file = forms.FileField(label="Upload a file")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        file_field = self.fields["file"]
        file_field.help_text = f"{ALLOWED_DESCRIPTION.capitalize()} file, smaller than {max_upload_mb()}MB"
        file_field.error_messages.update(required="Select a file", empty="The selected file is empty",
                                         invalid="Select a file")


class WithdrawDocumentForm(Messages, VersionedForm):
    field_messages = {"reason": "Enter why the document is being withdrawn"}

    reason = forms.CharField(
        label="Why is it being withdrawn?", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, put on the wrong young person's record. The document is kept but no longer shown.",
    )


class ChronologyFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(label="Show", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds
