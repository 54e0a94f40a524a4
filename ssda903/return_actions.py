"""Named writes for the care leaver return: values set by hand, and the record of an export.

Each runs in one transaction with the young person's row locked, refuses bad input with a
message naming the field, and ends with ``finish_write`` (an audit event on the young
person's record). Setting a value again withdraws the one it replaces, so every value ever
set stays on the record with who set it and why.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from compliance.ssda903 import CollectionYear
from compliance.ssda903_values import valid_codes
from people.models import YoungPerson
from people.writes import apply_changes, created_changes, finish_write, lock, save_new_version
from ssda903.override_models import HEADER_FIELDS, OC3_FIELDS, ReturnExport, ReturnOverride

FIELD_LABELS = dict(OC3_FIELDS + HEADER_FIELDS)
REPLACED = "Replaced by a new value"


def check_value(young_person: YoungPerson, field: str, value: str) -> None:
    """The value must be one the DfE accepts for the field (rules 131–133; MOTHER 0 or 1 and
    only for girls and young women, rule 165; MC_DOB a date after her own)."""
    if field not in FIELD_LABELS:
        raise ValidationError({"value": ["Choose which value to set"]})
    label = FIELD_LABELS[field].split(" (")[0].lower()
    if field in dict(OC3_FIELDS):
        if value not in valid_codes(field):
            raise ValidationError({"value": [f"Select the {label}"]})
    elif field == "MOTHER":
        if young_person.sex != "F":
            raise ValidationError({"value": ["Whether they are a mother is only returned for girls and young women"]})
        if value not in ("0", "1"):
            raise ValidationError({"value": ["Select whether she is a mother"]})
    else:
        try:
            born = dt.datetime.strptime(value, "%d/%m/%Y").date()
        except ValueError:
            raise ValidationError({"value": ["Enter the date of birth of her child"]}) from None
        if born <= young_person.date_of_birth:
            raise ValidationError({"value": ["Date of birth of her child must be after her own date of birth"]})


@transaction.atomic
def set_override(
    young_person: YoungPerson, *, acting_user, collection_year: int, field: str, value: str, reason: str  # noqa: ANN001
) -> ReturnOverride:
    reason = reason.strip()
    check_value(young_person, field, value)
    if not reason:
        raise ValidationError({"reason": ["Enter why you are setting this value"]})
    young_person = lock(YoungPerson, young_person.pk)
    replaced = ReturnOverride.objects.select_for_update().filter(
        young_person=young_person, collection_year=collection_year, field=field, withdrawn=False
    ).first()
    if replaced is not None:
        _withdraw(replaced, acting_user, REPLACED)
    override = ReturnOverride.objects.create(
        young_person=young_person, collection_year=collection_year, field=field, value=value, reason=reason,
        recorded_by=acting_user,
    )
    label = CollectionYear(collection_year).short_label
    finish_write(
        young_person, acting_user=acting_user, action="ssda903.set_override", obj=override,
        summary=f"Set {field} to {value} in the {label} care leaver return: {reason}",
        changes=created_changes(override, ["collection_year", "field", "value", "reason"]),
    )
    return override


@transaction.atomic
def withdraw_override(
    override: ReturnOverride, *, acting_user, reason: str, expected_version: int | None  # noqa: ANN001
) -> None:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": ["Enter why the value no longer applies"]})
    young_person = lock(YoungPerson, override.young_person_id)
    override = lock(ReturnOverride, override.pk)
    if override.withdrawn:
        raise ValidationError({"__all__": ["This value has already been withdrawn."]})
    changes = _withdraw(override, acting_user, reason, expected_version)
    finish_write(
        young_person, acting_user=acting_user, action="ssda903.withdraw_override", obj=override,
        summary=f"Withdrew the {override.field} value set by hand for the "
        f"{CollectionYear(override.collection_year).short_label} care leaver return: {reason}",
        changes=changes,
    )


def _withdraw(override: ReturnOverride, acting_user, reason: str,  # noqa: ANN001, ANN202
              expected_version: int | None = None):
    changes = apply_changes(override, expected_version, {
        "withdrawn": True, "withdrawn_reason": reason, "withdrawn_by": acting_user, "withdrawn_at": timezone.now(),
    })
    save_new_version(override)
    return changes


def record_export(*, acting_user, year: CollectionYear, file_format: str, sha256: str,  # noqa: ANN001
                  young_people: int,
                  error_count: int, known_false_positives: int, confirmed_with_errors: bool) -> ReturnExport:
    """Who downloaded which year's return, in what form, and what the DfE's rules said of it."""
    from audit.record import record_event

    export = ReturnExport.objects.create(
        collection_year=year.year, file_format=file_format, sha256=sha256, young_people=young_people,
        error_count=error_count, known_false_positives=known_false_positives,
        confirmed_with_errors=confirmed_with_errors, exported_by=acting_user,
    )
    record_event(
        actor=acting_user, action="ssda903.export", obj=export,
        summary=f"Downloaded the {year.short_label} care leaver return ({file_format.upper()}, {young_people} young "
        f"people, {error_count} errors{', confirmed' if confirmed_with_errors else ''})",
    )
    return export
