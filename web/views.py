"""The home page and the page that shows the rules and settings in force."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.models import CASEWORK_ROLES
from compliance.policy import describe_policy
from people.status import local_policy


def home(request: HttpRequest) -> HttpResponse:
    """Workers start at their caseload; everyone else at the register."""
    if request.user.role in CASEWORK_ROLES:
        return redirect("oversight:worklist")
    return redirect("people:register")


def rules(request: HttpRequest) -> HttpResponse:
    return render(request, "web/rules.html", {"policy_in_force": describe_policy(local_policy())})
