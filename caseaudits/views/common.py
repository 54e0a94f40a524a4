"""What the case-audit pages share: running a write that has no form of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from caseaudits.forms import ConfirmForm
from people.writes import StaleEdit


def posted_version(request: HttpRequest) -> int | None:
    """The record version a button's form carried, if any."""
    form = ConfirmForm(request.POST)
    return form.cleaned_data.get("version") if form.is_valid() else None


def attempt(action: Callable[..., Any], *args: Any, **kwargs: Any) -> list[str]:
    """Run a write behind a button; the reasons it was refused, or [] when it ran."""
    try:
        action(*args, **kwargs)
    except ValidationError as error:
        return error.messages
    except StaleEdit as stale:
        return [stale.message]
    return []
