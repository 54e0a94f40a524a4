"""Audit changes in words: field labels, option labels, names and dates, not stored values.

The audit row keeps the stored values (the evidence); this only decides how they read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from web.formatting import govuk_date

# Stored for integrity or housekeeping, meaningless to a reader.
HIDDEN_FIELDS = frozenset({"sha256", "stored_name", "file", "version", "content_type", "size"})


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _plain(field: models.Field | None, value: Any) -> str:
    if value in (None, ""):
        return "Blank"
    if isinstance(value, bool) or (field is not None and isinstance(field, models.BooleanField)):
        return "Yes" if value else "No"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field is not None and isinstance(field, models.ForeignKey):
        target = field.related_model._default_manager.filter(pk=value).first()
        if target is None:
            return "Someone no longer on the system" if field.related_model._meta.model_name == "user" else "Deleted"
        return str(getattr(target, "display_name", None) or target)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return govuk_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(_plain(None, v) for v in value) or "Blank"
    return str(value)


def describe_changes(object_type: str, changes: dict[str, list[Any]]) -> list[tuple[str, str, str]]:
    """[(label, was, now)] for one audit event's changes, hidden fields left out."""
    model = _model(object_type)
    rows = []
    for name, pair in changes.items():
        if name in HIDDEN_FIELDS:
            continue
        field = None
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
        label = str(field.verbose_name) if field is not None and hasattr(field, "verbose_name") else name.replace("_", " ")
        label = label[:1].upper() + label[1:]
        was, now = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        rows.append((label, _plain(field, was), _plain(field, now)))
    return rows
