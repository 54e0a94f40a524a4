"""Pages for allocating workers to young people."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from casework import actions
from casework.forms import AllocationForm, EndAllocationForm
from casework.models import Allocation
from people import access


def allocate(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_managed_young_person_for(request.user, pk)
    form = AllocationForm(request.POST or None, initial={"role": "personal_adviser", "start": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.allocate_worker(young_person, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, f"{form.cleaned_data['worker'].display_name} has been allocated")
            return redirect("people:detail", young_person.pk)
    return render(request, "casework/allocation_form.html", {"form": form, "yp": young_person})


def end_allocation(request: HttpRequest, pk: int, allocation_id: int) -> HttpResponse:
    young_person = access.get_managed_young_person_for(request.user, pk)
    allocation = get_object_or_404(Allocation, pk=allocation_id, young_person=young_person)
    form = EndAllocationForm(request.POST or None, initial={"end": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_allocation(allocation, acting_user=request.user, end=form.cleaned_data["end"])
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, f"{allocation.worker.display_name}'s allocation has ended")
            return redirect("people:detail", young_person.pk)
    return render(
        request, "casework/end_allocation_form.html", {"form": form, "yp": young_person, "allocation": allocation}
    )
