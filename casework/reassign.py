"""The page where a team manager (or an administrator) moves a leaving worker's whole
caseload to other workers in one go."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.models import CASEWORK_ROLES, SERVICE_WIDE_ROLES, Role, User
from casework import actions
from casework.forms import LeavingWorkerForm, ReassignCaseloadForm
from casework.models import Allocation
from people.access import MANAGING_ROLES
from people.writes import save_with


def leaving_workers(user: User) -> QuerySet[User]:
    """Workers with a caseload whose young people this user may reassign: a team
    manager's own team; everyone for an administrator. Inactive workers are included,
    as someone who has already left may still hold a caseload."""
    today = timezone.localdate()
    holding = Exists(Allocation.objects.active_on(today).filter(worker=OuterRef("pk")))
    workers = User.objects.filter(holding, role__in=CASEWORK_ROLES)
    if user.role == Role.ADMINISTRATOR:
        return workers
    return workers.filter(team_id=user.team_id) if user.team_id else workers.none()


def reassign(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (user.is_active and user.role in MANAGING_ROLES):
        # Heads of service and auditors see every caseload but change none; others see none.
        if user.role in SERVICE_WIDE_ROLES:
            raise PermissionDenied("Only a team manager or an administrator can reassign a caseload.")
        raise Http404("No such page")
    chooser = LeavingWorkerForm(request.GET or None, workers=leaving_workers(user))
    context: dict[str, object] = {"chooser": chooser, "form": None}
    if chooser.is_valid():
        leaving = chooser.cleaned_data["leaving_worker"]
        caseload = actions.leaving_caseload(leaving)
        form = ReassignCaseloadForm(
            request.POST or None, caseload=caseload, leaving=leaving, acting_user=user,
            initial={"transfer_on": timezone.localdate()},
        )
        if request.method == "POST" and form.is_valid():
            done = save_with(
                form, actions.reassign_caseload, acting_user=user, leaving_worker=leaving,
                new_workers=form.new_workers(), everyone=form.cleaned_data["everyone"],
                transfer_on=form.cleaned_data["transfer_on"], note=form.cleaned_data["note"],
            )
            if done:
                count = done.transfers.count()
                messages.success(request, f"{count} young {'person' if count == 1 else 'people'} moved from {leaving.display_name}")
                return redirect(reverse("casework:reassign"))
        context.update(form=form, leaving=leaving, caseload=caseload)
    return render(request, "casework/reassign.html", context)
