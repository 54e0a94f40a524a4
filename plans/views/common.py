"""What every plans page shares: loading the young person with the right access check,
running an action with a form's data, and rendering a page of the record."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from audit.record import record_view
from people import access
from people.extension import young_person_context
from people.models import YoungPerson
from people.writes import save_with as save  # noqa: F401 (used by the views)

SECTION_KEY = "plans"


def readable(request: HttpRequest, pk: int) -> YoungPerson:
    """404 for those who may not see this young person."""
    return access.get_young_person_for(request.user, pk)


def editable(request: HttpRequest, pk: int) -> YoungPerson:
    """404 for those who may not see; 403 for those who may see but not change."""
    return access.get_editable_young_person_for(request.user, pk)


def authorising(request: HttpRequest, pk: int) -> YoungPerson:
    """Only a team manager (for their team) or an administrator authorises."""
    young_person = access.get_young_person_for(request.user, pk)
    if not access.can_manage(request.user, young_person):
        raise PermissionDenied("Only a team manager or an administrator can authorise.")
    return young_person


def record_page(request: HttpRequest, template: str, young_person: YoungPerson, **context: Any) -> HttpResponse:
    """A page of the young person's record, under "Plans and reviews". Every view is logged."""
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    return render(request, template, {**young_person_context(request, young_person, SECTION_KEY), **context})


def form_page(request: HttpRequest, template: str, young_person: YoungPerson, form: Any, **context: Any) -> HttpResponse:
    return render(request, template, {"form": form, "yp": young_person, **context})


def blocked_page(
    request: HttpRequest, young_person: YoungPerson, *, heading: str, explanation: str, caption: str,
    action: tuple[str, str] | None, back: tuple[str, str],
) -> HttpResponse:
    """A step that cannot be taken yet: say why and what to do first, instead of a form
    that could only be refused after it was filled in. ``action`` (label, url) is offered
    only to those who may change the record."""
    return render(request, "plans/blocked.html", {
        "yp": young_person, "heading": heading, "explanation": explanation, "caption": caption,
        "action": action if action and access.can_edit(request.user, young_person) else None, "back": back,
    })
