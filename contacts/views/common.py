"""What every page of this app shares: access, the view log, `next`, and the form loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from audit.record import record_view
from people import access
from people.extension import young_person_context
from people.models import YoungPerson
from people.writes import save_with  # noqa: F401 (used by the views)


def safe_next(request: HttpRequest) -> str | None:
    """Where to go back to after a form: only a path on this site, never another host."""
    value = request.POST.get("next") or request.GET.get("next")
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return value
    return None


def record_page(request: HttpRequest, young_person: YoungPerson, template: str, active: str, **context: Any) -> HttpResponse:
    """A page of the young person's record: logged as a view of their record."""
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    return render(request, template, {**young_person_context(request, young_person, active), **context})


def visible(request: HttpRequest, pk: int) -> YoungPerson:
    return access.get_young_person_for(request.user, pk)


def form_page(
    request: HttpRequest,
    pk: int,
    *,
    model: type[Model] | None = None,
    record_id: int | None = None,
    form_class: type,
    create: Callable[..., Any],
    update: Callable[..., Any],
    template: str,
    saved_message: str,
    back_to: str,
    initial: Callable[[Any], dict[str, Any]] | None = None,
    new_initial: dict[str, Any] | None = None,
    form_kwargs: dict[str, Any] | None = None,
    young_person: YoungPerson | None = None,
) -> HttpResponse:
    """Add or change one record of a young person: 404 for those who cannot see them,
    403 for those who can see but not change; back to `next` (or `back_to`) when saved."""
    young_person = young_person or access.get_editable_young_person_for(request.user, pk)
    obj = get_object_or_404(model, pk=record_id, young_person=young_person) if model and record_id else None
    if obj is not None:
        start = initial(obj) if initial else {f: getattr(obj, f) for f in form_class.base_fields if f != "version"}
        start.setdefault("version", obj.version)
    else:
        start = new_initial or {}
    extra = form_kwargs or {}
    form = form_class(request.POST or None, initial=start, **extra)
    back = safe_next(request)
    if request.method == "POST" and form.is_valid():
        data = form.action_data()
        if obj is None:
            saved = save_with(form, create, young_person, acting_user=request.user, **data)
        else:
            saved = save_with(form, update, obj, acting_user=request.user,
                              expected_version=form.cleaned_data.get("version"), **data)
        if saved:
            messages.success(request, saved_message)
            return redirect(back or reverse(back_to, args=[young_person.pk]))
    return render(request, template, {
        "form": form, "yp": young_person, "record": obj, "next": back,
        "cancel_url": back or reverse(back_to, args=[young_person.pk]),
    })


def add_and_change_views(**options: Any) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    """The two views that add and change one kind of dated record through :func:`form_page`."""

    def create(request: HttpRequest, pk: int) -> HttpResponse:
        return form_page(request, pk, new_initial={"on": timezone.localdate()}, **options)

    def edit(request: HttpRequest, pk: int, record_id: int) -> HttpResponse:
        return form_page(request, pk, record_id=record_id, **options)

    return create, edit
