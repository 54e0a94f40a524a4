"""Forms for importing the SSDA903 return."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from accounts.models import Team
from ssda903.importing import file_format
from ssda903.spec import CollectionYear
from web.forms import GovukForm, VersionedForm

DEFAULT_MAX_IMPORT_MB = 500


def max_import_mb() -> int:
    return int(getattr(settings, "LEAVINGCARE_MAX_IMPORT_MB", DEFAULT_MAX_IMPORT_MB))


def year_choices() -> list[tuple[int, str]]:
    """The collection year in progress and the one before it (the latest the DfE has collected)."""
    current = CollectionYear.containing(timezone.localdate())
    return [
        (y.year, f"{y.years} ({y.label})")
        for y in (current, CollectionYear(current.year - 1))
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(GovukForm):
    collection_year = forms.TypedChoiceField(
        label="Collection year", coerce=int, widget=forms.RadioSelect, choices=year_choices,
    )
    team = forms.ModelChoiceField(
        label="Team for young people new to the register", queryset=Team.objects.all(), empty_label="Select a team",
        help_text="The return has no names or teams. Young people not yet on the register are added to this team, "
        "named by their child ID until someone records their name.",
    )
    files = MultipleFileField(label="Upload the return’s files")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        files = self.fields["files"]
        files.help_text = (
            "Either CSV files, one per table, with the DfE column names in the first row (at least Header; also "
            f"Episodes, UASC and OC3), or one XML file (EXPSSDA903). Up to {max_import_mb()}MB each."
        )
        files.error_messages.update(required="Select the return’s files", empty="The selected file is empty",
                                    invalid="Select the return’s files")

    def clean_files(self) -> list[Any]:
        files = self.cleaned_data["files"]
        names = [f.name or "" for f in files]
        for f in files:
            if not (f.name or "").lower().endswith((".csv", ".xml")):
                raise forms.ValidationError(f"{f.name} must be a CSV or XML file")
            if f.size > max_import_mb() * 1024 * 1024:
                raise forms.ValidationError(f"{f.name} must be smaller than {max_import_mb()}MB")
        kind = file_format(names)
        if not kind:
            raise forms.ValidationError("Select either CSV files or one XML file, not both")
        if kind == "xml" and len(files) > 1:
            raise forms.ValidationError("Select one XML file: it holds every table")
        return files


class ConfirmForm(VersionedForm):
    """Confirming a checked import; the version makes a double submit harmless."""
