"""Doing an audit and following it up: My audits, the audit beside the young person's record,
the findings with the worker's and manager's responses, and actions for the worker."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import User
from audit.record import record_view
from caseaudits import actions, forms, permissions
from caseaudits.answers import AnswersForm, layout
from caseaudits.models import OPEN_AUDIT_STATUSES, Answer, Audit, AuditAction, AuditStatus, Question
from caseaudits.views.common import attempt, posted_version
from casework.models import Allocation
from circumstances.checks import long_date
from circumstances.views import form_page
from contacts.views.common import safe_next
from duties.views import whats_due
from people import access
from people.extension import chronology_for, young_person_context
from people.writes import save_with

RECENT_CHRONOLOGY = 15


def audit_url(audit_pk: int, anchor: str = "") -> str:
    url = reverse("caseaudits:audit", args=[audit_pk])
    return f"{url}#{anchor}" if anchor else url


def my_audits(request: HttpRequest) -> HttpResponse:
    audits = list(
        Audit.objects.filter(auditor=request.user).exclude(status=AuditStatus.WITHDRAWN)
        .select_related("young_person", "round").order_by("due_on", "pk")
    )
    return render(request, "caseaudits/my_audits.html", {
        "to_do": [a for a in audits if a.status in OPEN_AUDIT_STATUSES],
        "done": [a for a in audits if a.status not in OPEN_AUDIT_STATUSES],
        "today": timezone.localdate(),
    })


def _record_context(request: HttpRequest, audit: Audit, today: dt.date) -> dict[str, Any]:
    """The read-only record beside the audit. Opening it is a view of the record, so logged."""
    young_person = access.get_young_person_for(request.user, audit.young_person_id)
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    return {
        **young_person_context(request, young_person, active=""),
        **whats_due(young_person, request.user, today),
        "chronology": chronology_for(young_person)[:RECENT_CHRONOLOGY],
        "allocations": Allocation.objects.filter(young_person=young_person).select_related("worker"),
    }


def _questions(audit: Audit) -> tuple[list[Any], list[Question]]:
    sections = list(audit.round.template_version.sections.all())
    questions = list(Question.objects.filter(section__template_version=audit.round.template_version_id)
                     .select_related("section"))
    return sections, questions


def audit_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The audit form beside the record for its auditor; its findings for everyone else."""
    today = timezone.localdate()
    audit = permissions.audit_for(request.user, pk, today)
    if not permissions.can_answer(request.user, audit):
        if request.method == "POST":
            permissions.require_answerer(request.user, audit)
        return _findings(request, audit, today)
    sections, questions = _questions(audit)
    answers = list(audit.answers.select_related("question"))
    form = AnswersForm(request.POST or None, questions=questions, initial=AnswersForm.initial_for(audit, answers))
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("intent") == "submit"
        saved = save_with(form, actions.save_answers, audit, acting_user=request.user,
                          expected_version=form.cleaned_data["version"], answers=form.answers(), submit=submit)
        if saved:
            messages.success(request, f"Audit of {audit.young_person.name}'s file submitted" if submit
                             else "Your answers have been saved as a draft")
            return redirect(audit_url(audit.pk))
    return render(request, "caseaudits/audit_form.html", {
        **_record_context(request, audit, today), "audit": audit, "form": form, "sections": layout(form, sections),
    })


def _findings(request: HttpRequest, audit: Audit, today: dt.date) -> HttpResponse:
    sections, questions = _questions(audit)
    answers = {a.question_id: a for a in audit.answers.all()}
    audit_actions = list(audit.actions.select_related("worker", "done_by", "audit__worker"))
    capacity = permissions.response_capacity(request.user, audit, today)
    try:
        young_person = access.get_young_person_for(request.user, audit.young_person_id)
        record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    except Http404:
        young_person = None  # a worker who has since left the case still reads the findings about their work
    return render(request, "caseaudits/audit_findings.html", {
        "yp": young_person,
        "audit": audit,
        "sections": [(s, [(q, answers.get(q.pk)) for q in questions if q.section_id == s.pk]) for s in sections],
        "responses": list(audit.responses.select_related("author")),
        "audit_actions": audit_actions,
        "can_mark_done": {a.pk for a in audit_actions if permissions.can_mark_done(request.user, a, today)},
        "can_respond": capacity is not None,
        "can_raise": permissions.can_raise_actions(request.user, audit),
        "is_auditor": audit.auditor_id == request.user.pk,
        "answer_label": answer_label,
        "today": today,
    })


def respond(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    audit = permissions.audit_for(request.user, pk, today)
    capacity = permissions.response_capacity(request.user, audit, today)
    if capacity is None:
        raise PermissionDenied("Only the young person's worker and their manager respond to an audit's findings.")
    existing = audit.responses.filter(author=request.user).first()
    initial = {"text": existing.text, "version": existing.version} if existing else {}
    form = forms.ResponseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if save_with(form, actions.record_response, audit, acting_user=request.user, capacity=capacity,
                     text=form.cleaned_data["text"], expected_version=form.cleaned_data["version"]):
            messages.success(request, "Your response has been saved")
            return redirect(audit_url(audit.pk, "responses"))
    return form_page(request, form, None, title="Respond to the audit's findings", cancel_url=audit_url(audit.pk),
                     intro=(f"The audit of {audit.young_person.name}'s file in {audit.round.title}.",),
                     submit_text="Save response")


def _case_workers(audit: Audit, today: dt.date) -> Any:
    """Whom an action can be for: the audit's worker and anyone allocated to the young person now."""
    current = Allocation.objects.active_on(today).filter(young_person_id=audit.young_person_id).values("worker_id")
    return User.objects.filter(Q(pk=audit.worker_id) | Q(pk__in=current), is_active=True)


def action_new(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    audit = permissions.audit_for(request.user, pk, today)
    if not permissions.can_raise_actions(request.user, audit):
        raise PermissionDenied("Only the auditor raises actions, once the audit is submitted.")
    workers = _case_workers(audit, today)
    form = forms.ActionForm(request.POST or None, workers=workers, initial={
        "worker": audit.worker_id, "due_on": today + dt.timedelta(days=actions.DEFAULT_ACTION_DAYS),
    })
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.raise_action, audit, acting_user=request.user, **form.cleaned_data)
        if saved:
            messages.success(request, f"Action for {saved.worker.display_name} due {long_date(saved.due_on)}: "
                                      "it is on their worklist")
            return redirect(audit_url(audit.pk, "actions"))
    return form_page(request, form, None, title="Raise an action for the worker", cancel_url=audit_url(audit.pk),
                     intro=(f"From the audit of {audit.young_person.name}'s file. It goes on the worker's worklist "
                            f"until they mark it done.",), submit_text="Raise the action")


@require_POST
def action_done(request: HttpRequest, action_id: int) -> HttpResponse:
    today = timezone.localdate()
    action = get_object_or_404(AuditAction.objects.select_related("audit__worker", "audit__round"), pk=action_id)
    if not permissions.can_mark_done(request.user, action, today):
        if action.worker_id != request.user.pk and not permissions.can_see_audit(request.user, action.audit, today):
            raise Http404("No such action")
        raise PermissionDenied("Only the worker the action is for, or their manager, marks it done.")
    if not attempt(actions.mark_action_done, action, acting_user=request.user, expected_version=posted_version(request)):
        messages.success(request, "Audit action marked as done")
    return redirect(safe_next(request) or audit_url(action.audit_id, "actions"))


def answer_label(answer: Answer | None) -> str:
    """An answer in words, as the findings page and reports show it."""
    if answer is None or not answer.is_answered and not answer.not_applicable:
        return "Not answered"
    if answer.not_applicable:
        return f"Not applicable: {answer.not_applicable_reason}" if answer.not_applicable_reason else "Not applicable"
    if answer.grade is not None:
        return answer.get_grade_display()
    return answer.get_met_display() if answer.met else answer.text
