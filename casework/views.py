"""Pages for a young person's workers: allocations, transfers with their handover, and
closing or reopening the case. Changes are for team managers and administrators."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from audit.record import record_view
from casework import actions, closure, forms
from casework.extension import workers_url
from casework.models import Allocation, AllocationRole, CaseClosure, Transfer, TransferStatus
from circumstances.checks import long_date
from circumstances.views import form_fields, form_page
from people import access
from people.extension import young_person_context
from people.writes import save_with

SECTION_KEY = "workers"


def workers(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_young_person_for(request.user, pk)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    today = timezone.localdate()
    allocations = list(Allocation.objects.filter(young_person=young_person).select_related("worker"))
    return render(request, "casework/workers.html", {
        **young_person_context(request, young_person, active=SECTION_KEY),
        "current_allocations": [a for a in allocations if a.active_on(today)],
        "allocations": allocations,
        "transfers": Transfer.objects.filter(young_person=young_person).select_related("from_worker", "to_worker"),
        "closures": CaseClosure.objects.filter(young_person=young_person).select_related("closed_by", "reopened_by"),
    })


def allocate(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_managed_young_person_for(request.user, pk)
    role = request.GET.get("role", "personal_adviser")
    form = forms.AllocationForm(
        request.POST or None, initial={"role": role, "start": timezone.localdate()},
        young_person=young_person, acting_user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        if save_with(form, actions.allocate_worker, young_person, acting_user=request.user, **form.cleaned_data):
            messages.success(request, f"{form.cleaned_data['worker'].display_name} has been allocated")
            return redirect(workers_url(young_person.pk, "allocations"))
    return render(request, "casework/allocation_form.html", {"form": form, "yp": young_person})


def end_allocation(request: HttpRequest, pk: int, allocation_id: int) -> HttpResponse:
    young_person = access.get_managed_young_person_for(request.user, pk)
    allocation = get_object_or_404(Allocation, pk=allocation_id, young_person=young_person)
    form = forms.EndAllocationForm(request.POST or None, initial={"end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if save_with(form, actions.end_allocation, allocation, acting_user=request.user, end=form.cleaned_data["end"]):
            messages.success(request, f"{allocation.worker.display_name}'s allocation has ended")
            return redirect(workers_url(young_person.pk, "allocations"))
    return render(
        request, "casework/end_allocation_form.html", {"form": form, "yp": young_person, "allocation": allocation}
    )


# -- transfers --------------------------------------------------------------------------------


def plan_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    """A transfer of one role (?role=), so only staff who can take that role are offered."""
    young_person = access.get_managed_young_person_for(request.user, pk)
    role = request.GET.get("role", AllocationRole.PERSONAL_ADVISER)
    if role not in AllocationRole.values:
        raise Http404("No such role")
    form = forms.TransferForm(request.POST or None, role=role, young_person=young_person, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        if save_with(form, actions.plan_transfer, young_person, acting_user=request.user, role=role, **form.cleaned_data):
            messages.success(request, "Transfer planned. Record the joint handover meeting when it has been held")
            return redirect(workers_url(young_person.pk, "transfers"))
    return form_page(request, form, young_person, title=f"Plan a transfer to a new {AllocationRole(role).label.lower()}",
                     cancel_url=workers_url(young_person.pk, "transfers"), submit_text="Plan transfer")


def _transfer(request: HttpRequest, pk: int, transfer_id: int) -> tuple:
    young_person = access.get_managed_young_person_for(request.user, pk)
    transfer = get_object_or_404(Transfer.objects.select_related("to_worker"), pk=transfer_id, young_person=young_person)
    return young_person, transfer


def next_handover(request: HttpRequest, pk: int) -> HttpResponse:
    """Where a duty's "record the handover" leads: the planned transfer's handover, or
    planning one if there is none."""
    young_person = access.get_managed_young_person_for(request.user, pk)
    planned = Transfer.objects.filter(young_person=young_person, status=TransferStatus.PLANNED).order_by("planned_on")
    transfer = planned.first()
    if transfer is None:
        messages.info(request, "Plan the transfer first, then record its handover meeting")
        return redirect("casework:transfer-create", young_person.pk)
    return redirect("casework:handover", young_person.pk, transfer.pk)


def handover(request: HttpRequest, pk: int, transfer_id: int) -> HttpResponse:
    young_person, transfer = _transfer(request, pk, transfer_id)
    initial = {name: getattr(transfer, name) for name in forms.HandoverForm.base_fields}
    initial["handover_held_on"] = transfer.handover_held_on or timezone.localdate()
    form = forms.HandoverForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.record_handover, transfer, acting_user=request.user,
                           expected_version=form.cleaned_data["version"], **form_fields(form))
        if saved:
            messages.success(request, "Handover meeting saved")
            return redirect(workers_url(young_person.pk, f"transfer-{transfer.pk}"))
    return form_page(request, form, young_person, title=f"Handover meeting for the transfer to {transfer.to_worker.display_name}",
                     cancel_url=workers_url(young_person.pk, f"transfer-{transfer.pk}"))


def complete_transfer(request: HttpRequest, pk: int, transfer_id: int) -> HttpResponse:
    young_person, transfer = _transfer(request, pk, transfer_id)
    form = forms.CompleteTransferForm(
        request.POST or None, initial={"transferred_on": transfer.planned_on, "version": transfer.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.complete_transfer, transfer, acting_user=request.user,
                           expected_version=form.cleaned_data["version"], transferred_on=form.cleaned_data["transferred_on"])
        if saved:
            messages.success(request, f"{transfer.to_worker.display_name} is now allocated")
            return redirect(workers_url(young_person.pk, f"transfer-{transfer.pk}"))
    intro = () if transfer.handover_held_on else ("No joint handover meeting has been recorded for this transfer.",)
    return form_page(request, form, young_person, title=f"Complete the transfer to {transfer.to_worker.display_name}",
                     cancel_url=workers_url(young_person.pk, f"transfer-{transfer.pk}"), intro=intro,
                     submit_text="Complete transfer")


def cancel_transfer(request: HttpRequest, pk: int, transfer_id: int) -> HttpResponse:
    young_person, transfer = _transfer(request, pk, transfer_id)
    form = forms.CancelTransferForm(request.POST or None, initial={"version": transfer.version})
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.cancel_transfer, transfer, acting_user=request.user,
                           expected_version=form.cleaned_data["version"])
        if saved:
            messages.success(request, "Transfer cancelled")
            return redirect(workers_url(young_person.pk, "transfers"))
    return form_page(
        request, form, young_person, title="Cancel this transfer",
        intro=(f"The transfer to {transfer.to_worker.display_name} planned for "
               f"{long_date(transfer.planned_on)} will be cancelled. The current allocation does not change.",),
        cancel_url=workers_url(young_person.pk, f"transfer-{transfer.pk}"), submit_text="Cancel transfer",
    )


# -- closure ----------------------------------------------------------------------------------


def _closure_page(
    request: HttpRequest, pk: int, form_class: type, action: Any, *, title: str, intro: str, submit_text: str,
    done: str, then: Any,
) -> HttpResponse:
    """Close or reopen: one form, one action on the young person's record."""
    young_person = access.get_young_person_for(request.user, pk)
    if not access.can_manage(request.user, young_person):
        raise PermissionDenied("Only a team manager or an administrator can close or reopen a case.")
    form = form_class(request.POST or None, initial={"version": young_person.version})
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, action, young_person, acting_user=request.user,
                           expected_version=form.cleaned_data["version"], **form_fields(form))
        if saved:
            messages.success(request, done)
            return redirect(then(young_person))
    return form_page(request, form, young_person, title=title, intro=(intro,), submit_text=submit_text,
                     cancel_url=workers_url(young_person.pk, "closure"))


def close_case(request: HttpRequest, pk: int) -> HttpResponse:
    return _closure_page(
        request, pk, forms.CloseCaseForm, closure.close_case, title="Close the case",
        intro="Every worker's allocation ends on the date of closure, and planned transfers are cancelled.",
        submit_text="Close case", done="Case closed", then=lambda yp: workers_url(yp.pk, "closure"),
    )


def reopen_case(request: HttpRequest, pk: int) -> HttpResponse:
    return _closure_page(
        request, pk, forms.ReopenCaseForm, closure.reopen_case, title="Reopen the case",
        intro=("A request for personal adviser support, or for help with education or training, is also recorded "
               "as what they told the council on the date of reopening."),
        submit_text="Reopen case", done="Case reopened. Allocate a personal adviser",
        then=lambda yp: f"{reverse('people:allocate', args=[yp.pk])}?role=personal_adviser",
    )
