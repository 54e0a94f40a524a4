"""What's due for a young person, every duty the service checks, and the settings in force."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.models import Role
from audit.models import AuditEvent
from compliance.duties import DUTIES, DutyState
from compliance.policy import LocalPolicy, describe_policy
from compliance.standards import LocalStandards, describe_standards
from duties.actions import change_settings
from duties.forms import SettingsForm
from duties.ledger import duty_lines
from duties.models import LedgerStamp, PolicySetting
from duties.settings import current_settings, setting_info, setting_label, shown_value
from people import access
from people.writes import save_with


def whats_due(young_person: Any, user: Any, today: dt.date) -> dict[str, Any]:
    """Context for duties/_whats_due.html on the young person's overview."""
    lines = duty_lines(
        young_person.pk, today,
        can_act=access.can_edit(user, young_person), can_manage=access.can_manage(user, young_person),
    )
    applying = [line for line in lines if line.state != DutyState.NOT_APPLICABLE]
    return {
        "duty_lines": applying,
        "duties_not_applying": [line for line in lines if line.state == DutyState.NOT_APPLICABLE],
        "duty_counts": {
            state: sum(1 for line in applying if line.state == state)
            for state in (DutyState.OVERDUE, DutyState.DUE, DutyState.INSUFFICIENT_DATA, DutyState.MET)
        },
        "duties_checked_on": LedgerStamp.objects.filter(young_person=young_person).values_list(
            "computed_on", flat=True
        ).first(),
    }


def duty_list(request: HttpRequest) -> HttpResponse:
    policy, standards = current_settings()

    def used(name: str) -> tuple[str, str]:
        info = setting_info(name)
        value = getattr(standards, name) if hasattr(standards, name) else getattr(policy, name)
        return info.label, shown_value(value, info.unit, getattr(info, "choices", ()))

    return render(
        request,
        "duties/duty_list.html",
        {"duties": [(duty, [used(name) for name in duty.settings]) for duty in DUTIES]},
    )


def settings_page(request: HttpRequest) -> HttpResponse:
    policy, standards = current_settings()
    saved = {s.name: s for s in PolicySetting.objects.select_related("changed_by")}
    defaults = {f.name: getattr(LocalPolicy(), f.name) for f in fields(LocalPolicy)}
    defaults.update({f.name: getattr(LocalStandards(), f.name) for f in fields(LocalStandards)})

    def changed(name: str, value: object) -> dict[str, Any] | None:
        setting = saved.get(name)
        if setting is None or value == defaults[name]:
            return None
        return {"default": defaults[name], "by": setting.changed_by, "at": setting.changed_at}

    return render(
        request,
        "duties/settings.html",
        {
            "policy_in_force": [
                (info, value, description, changed(info.name, value))
                for info, value, description in describe_policy(policy)
            ],
            "standards_in_force": [
                (info, value, changed(info.name, value)) for info, value in describe_standards(standards)
            ],
            "history": AuditEvent.objects.filter(action="duties.change_setting").select_related("actor")[:50],
            "can_change": request.user.role == Role.ADMINISTRATOR,
            "shown_value": shown_value,
        },
    )


def settings_edit(request: HttpRequest) -> HttpResponse:
    if request.user.role != Role.ADMINISTRATOR:
        raise PermissionDenied("Only an administrator can change the rules' settings.")
    policy, standards = current_settings()
    form = SettingsForm(request.POST or None, policy=policy, standards=standards)
    if request.method == "POST" and form.is_valid():
        changed = save_with(form, change_settings, acting_user=request.user, values=form.cleaned_data)
        if changed is None:
            return render(request, "duties/settings_form.html", {"form": form})
        if changed:
            messages.success(
                request,
                f"Settings saved: {'; '.join(setting_label(name) for name in changed)}. Every young person’s "
                "status and duties are being worked out again; this takes a few minutes at a large council.",
            )
        else:
            messages.info(request, "No settings were changed")
        return redirect("duties:settings")
    return render(request, "duties/settings_form.html", {"form": form})
