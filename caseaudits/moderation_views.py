"""Moderation pages, for the moderation panel (heads of service, QA auditors, administrators):
a round's audits chosen for moderation with why and the outcome, choosing by rule or by
hand, taking one out, and recording the panel's outcome for one audit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from caseaudits import report_forms
from caseaudits.actions import moderation as actions
from caseaudits.models import FINISHED_AUDIT_STATUSES, Answer, Audit, AuditRound, Moderation, QuestionKind
from caseaudits.moderation import moderation_refusal, random_share_size
from caseaudits.permissions import require_runner
from caseaudits.report_models import ModerationSelection, SelectionReason
from circumstances.views import form_page
from people.writes import save_with


def _list_url(round_pk: int, audit_pk: int | None = None) -> str:
    url = reverse("caseaudits:moderation", args=[round_pk])
    return f"{url}#audit-{audit_pk}" if audit_pk else url


def round_for(request: HttpRequest, pk: int) -> AuditRound:
    require_runner(request.user)
    return get_object_or_404(AuditRound.objects.select_related("template_version__template"), pk=pk)


def _audit_for(request: HttpRequest, audit_id: int) -> Audit:
    require_runner(request.user)
    return get_object_or_404(Audit.objects.select_related("round__template_version", "young_person", "auditor"),
                             pk=audit_id)


def moderation_list(request: HttpRequest, pk: int) -> HttpResponse:
    audit_round = round_for(request, pk)
    return _list_page(request, audit_round, report_forms.RuleForm(initial={"percent": audit_round.moderation_percent}))


def _list_page(request: HttpRequest, audit_round: AuditRound, form: report_forms.RuleForm) -> HttpResponse:
    audits = list(audit_round.audits.filter(status__in=FINISHED_AUDIT_STATUSES).select_related("young_person", "auditor"))
    selections = {s.audit_id: s for s in ModerationSelection.objects.filter(audit__round=audit_round,
                                                                            removed_on__isnull=True)}
    latest = {m.audit_id: m for m in Moderation.objects.filter(audit__round=audit_round).order_by("moderated_on", "pk")}
    chosen = [(a, selections[a.pk], latest.get(a.pk)) for a in audits if a.pk in selections]
    by_rule = sum(1 for s in selections.values() if s.reason in (SelectionReason.INADEQUATE,
                                                                  SelectionReason.BORDERS_OUTSTANDING))
    return render(request, "caseaudits/moderation.html", {
        "round": audit_round, "form": form, "chosen": chosen,
        "others": [a for a in audits if a.pk not in selections],
        "moderated": sum(1 for _a, _s, m in chosen if m is not None),
        "share": random_share_size(len(audits) - by_rule, audit_round.moderation_percent),
        "user_pk": request.user.pk,
    })


@require_POST
def choose_by_rule(request: HttpRequest, pk: int) -> HttpResponse:
    audit_round = round_for(request, pk)
    form = report_forms.RuleForm(request.POST)
    if form.is_valid():
        made = save_with(form, actions.select_by_rule, audit_round, acting_user=request.user,
                         percent=form.cleaned_data["percent"])
        if made is not None:
            messages.success(request, f"{len(made)} more {'audit' if len(made) == 1 else 'audits'} chosen for "
                                      "moderation by the rule" if made else "The rule chose no more audits")
            return redirect(_list_url(pk))
    audit_round.refresh_from_db()
    return _list_page(request, audit_round, form)


def choose(request: HttpRequest, audit_id: int) -> HttpResponse:
    audit = _audit_for(request, audit_id)
    form = report_forms.ChooseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if save_with(form, actions.select_by_hand, audit, acting_user=request.user, note=form.cleaned_data["note"]):
            messages.success(request, f"The audit of {audit.young_person.name}'s file is chosen for moderation")
            return redirect(_list_url(audit.round_id, audit.pk))
    return form_page(request, form, None, title=f"Choose the audit of {audit.young_person.name}'s file for moderation",
                     cancel_url=_list_url(audit.round_id), submit_text="Choose for moderation",
                     intro=(f"{audit.round.title}. Audited by {audit.auditor.display_name}: "
                            f"{audit.get_final_grade_display() or 'not graded'}.",))


def take_out(request: HttpRequest, audit_id: int) -> HttpResponse:
    audit = _audit_for(request, audit_id)
    form = report_forms.TakeOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if save_with(form, actions.remove_from_moderation, audit, acting_user=request.user,
                     reason=form.cleaned_data["reason"]):
            messages.success(request, f"The audit of {audit.young_person.name}'s file is no longer chosen for moderation")
            return redirect(_list_url(audit.round_id))
    return form_page(request, form, None, title=f"Take the audit of {audit.young_person.name}'s file out of moderation",
                     cancel_url=_list_url(audit.round_id, audit.pk), submit_text="Take it out",
                     intro=("The rule will not choose it again. You can still choose it by hand later.",))


def moderate(request: HttpRequest, audit_id: int) -> HttpResponse:
    """The audit's grades beside its grade history, and the panel's outcome."""
    audit = _audit_for(request, audit_id)
    refusal = moderation_refusal(request.user, audit)
    if refusal:
        raise PermissionDenied(refusal)
    form = report_forms.ModerationForm(request.POST or None, initial={"version": audit.version},
                                       current=audit.get_final_grade_display())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_with(form, actions.record_moderation, audit, acting_user=request.user, outcome=data["outcome"],
                          grade=data["grade"], reason=data["reason"], expected_version=data["version"])
        if saved:
            messages.success(request, f"Moderation of {audit.young_person.name}'s audit recorded: final grade "
                                      f"{saved.get_grade_after_display() or 'not graded'}")
            return redirect(_list_url(audit.round_id, audit.pk))
    areas = (Answer.objects.filter(audit=audit, question__kind=QuestionKind.GRADE, question__is_overall_judgement=False)
             .select_related("question__section").order_by("question__section__order", "question__order"))
    return render(request, "caseaudits/moderate.html", {
        "audit": audit, "form": form, "areas": list(areas),
        "selection": actions.current_selection(audit),
    })
