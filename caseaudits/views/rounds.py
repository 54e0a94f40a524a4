"""Audit rounds: create one, draw and confirm its sample (seeing its profile first), allocate
auditors by hand or share the files evenly, withdraw a file, close the round. For heads of
service, QA auditors and administrators."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from caseaudits import actions, forms
from caseaudits.models import Audit, AuditRound, AuditStatus
from caseaudits.permissions import require_runner, runs_rounds
from caseaudits.population import describe_filters, facts_for, population, profile
from caseaudits.views.common import attempt, posted_version
from circumstances.checks import long_date
from circumstances.views import form_page
from people.models import YoungPerson
from people.writes import save_with


DEFAULT_SAMPLE_SIZE = 24


def _round_for(request: HttpRequest, pk: int) -> AuditRound:
    require_runner(request.user)
    return get_object_or_404(AuditRound.objects.select_related("template_version__template"), pk=pk)


def _round_url(pk: int, anchor: str = "") -> str:
    url = reverse("caseaudits:round", args=[pk])
    return f"{url}#{anchor}" if anchor else url


def index(request: HttpRequest) -> HttpResponse:
    return redirect("caseaudits:rounds" if runs_rounds(request.user) else "caseaudits:mine")


def round_list(request: HttpRequest) -> HttpResponse:
    require_runner(request.user)
    rounds = AuditRound.objects.select_related("template_version__template")
    counts: dict[int, Counter] = {}
    for round_id, status in Audit.objects.filter(round__in=rounds).values_list("round_id", "status"):
        counts.setdefault(round_id, Counter())[status] += 1
    rows = [(r, counts.get(r.pk, Counter())) for r in rounds]
    return render(request, "caseaudits/round_list.html", {"rows": rows})


def round_new(request: HttpRequest) -> HttpResponse:
    require_runner(request.user)
    today = timezone.localdate()
    form = forms.RoundForm(request.POST or None, initial={
        "starts_on": today, "due_on": today + dt.timedelta(weeks=4), "status": "open",
    })
    if request.method == "POST" and form.is_valid():
        audit_round = save_with(form, actions.create_round, acting_user=request.user, **form.round_fields())
        if audit_round:
            messages.success(request, f"{audit_round.title} has been started: now draw its sample")
            return redirect("caseaudits:sample", audit_round.pk)
    return form_page(request, form, None, title="Start an audit round", cancel_url=reverse("caseaudits:rounds"),
                     intro=("Choose the template and dates, then which young people's files the sample is drawn from.",),
                     submit_text="Start the round")


def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _round_for(request, pk))


def _detail_page(request: HttpRequest, audit_round: AuditRound, errors: list[str] | None = None) -> HttpResponse:
    audits = list(audit_round.audits.select_related("young_person", "team", "worker", "auditor"))
    return render(request, "caseaudits/round_detail.html", {
        "round": audit_round,
        "filters": describe_filters(audit_round.population_filters),
        "audits": audits,
        "status_counts": Counter(a.get_status_display() for a in audits),
        "unallocated": sum(1 for a in audits if a.status == AuditStatus.UNALLOCATED),
        "close_form": forms.ConfirmForm(initial={"version": audit_round.version}),
        "today": timezone.localdate(),
        "errors": errors or [],
    })


def _sample_form(audit_round: AuditRound, data: object = None) -> forms.SampleForm:
    initial = {"sample_size": audit_round.sample_size or DEFAULT_SAMPLE_SIZE, "stratify_by": audit_round.stratify_by}
    return forms.SampleForm(data, initial=initial)


def sample(request: HttpRequest, pk: int) -> HttpResponse:
    """Draw (or draw again) the sample and see its profile beside the population's."""
    audit_round = _round_for(request, pk)
    if audit_round.is_sampled:
        return redirect(_round_url(pk))
    form = _sample_form(audit_round, request.POST or None)
    if request.method == "POST" and form.is_valid():
        drawn = save_with(form, actions.draw, audit_round, acting_user=request.user, **form.cleaned_data)
        if drawn:
            messages.success(request, f"A sample of {len(drawn.drawn_sample)} has been drawn with seed {drawn.seed}")
            return redirect(reverse("caseaudits:sample", args=[pk]) + "#profile")
    return _sample_page(request, audit_round, form)


def _sample_page(request: HttpRequest, audit_round: AuditRound, form: forms.SampleForm,
                 errors: list[str] | None = None) -> HttpResponse:
    context = {"round": audit_round, "form": form, "filters": describe_filters(audit_round.population_filters),
               "confirm_form": forms.ConfirmForm(initial={"version": audit_round.version}), "errors": errors or []}
    if audit_round.drawn_sample:
        day = audit_round.drawn_on
        facts = facts_for(population(request.user, audit_round.population_filters, day), day)
        context["profile"] = profile(facts, audit_round.drawn_sample)
        context["sampled"] = list(YoungPerson.objects.filter(pk__in=audit_round.drawn_sample).select_related("team"))
    return render(request, "caseaudits/sample.html", context)


@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    audit_round = _round_for(request, pk)
    refused = attempt(actions.confirm_sample, audit_round, acting_user=request.user,
                      expected_version=posted_version(request))
    if refused:
        return _sample_page(request, audit_round, _sample_form(audit_round), errors=refused)
    messages.success(request, "The sample has been confirmed: now allocate auditors")
    return redirect(_round_url(pk, "files"))


def share(request: HttpRequest, pk: int) -> HttpResponse:
    audit_round = _round_for(request, pk)
    form = forms.ShareForm(request.POST or None, initial={"due_on": audit_round.due_on})
    refused: dict[Audit, str] = {}
    if request.method == "POST" and form.is_valid():
        result = save_with(form, actions.share_evenly, audit_round, acting_user=request.user,
                           auditors=list(form.cleaned_data["auditors"]), due_on=form.cleaned_data["due_on"])
        if result is not None:
            refused = result
            if not refused:
                messages.success(request, "Every file has an auditor")
                return redirect(_round_url(pk, "files"))
    return render(request, "caseaudits/share.html", {"round": audit_round, "form": form, "refused": refused})


def allocate(request: HttpRequest, audit_id: int) -> HttpResponse:
    require_runner(request.user)
    audit = get_object_or_404(Audit.objects.select_related("round", "young_person", "auditor"), pk=audit_id)
    initial = {"auditor": audit.auditor_id, "due_on": audit.due_on or audit.round.due_on}
    form = forms.AllocateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.allocate_audit, audit, acting_user=request.user, **form.cleaned_data)
        if saved:
            messages.success(request, f"{saved.auditor.display_name} will audit {audit.young_person.name}'s file "
                                      f"by {long_date(saved.due_on)}")
            return redirect(_round_url(audit.round_id, f"audit-{audit.pk}"))
    return form_page(request, form, None, title=f"Allocate an auditor to {audit.young_person.name}'s file",
                     cancel_url=_round_url(audit.round_id, f"audit-{audit.pk}"),
                     intro=(f"{audit.round.title}. Nobody can audit a file they worked on, or whose worker they manage.",),
                     submit_text="Allocate")


def withdraw(request: HttpRequest, audit_id: int) -> HttpResponse:
    require_runner(request.user)
    audit = get_object_or_404(Audit.objects.select_related("round", "young_person"), pk=audit_id)
    form = forms.WithdrawForm(request.POST or None, initial={"version": audit.version})
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, actions.withdraw_audit, audit, acting_user=request.user,
                          reason=form.cleaned_data["reason"], expected_version=form.cleaned_data["version"])
        if saved:
            messages.success(request, f"{audit.young_person.name}'s file has been withdrawn from the sample")
            return redirect(_round_url(audit.round_id, "files"))
    return form_page(request, form, None, title=f"Withdraw {audit.young_person.name}'s file from the sample",
                     cancel_url=_round_url(audit.round_id, f"audit-{audit.pk}"), submit_text="Withdraw the file")


@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    audit_round = _round_for(request, pk)
    refused = attempt(actions.close_round, audit_round, acting_user=request.user, expected_version=posted_version(request))
    if refused:
        return _detail_page(request, audit_round, errors=refused)
    messages.success(request, f"{audit_round.title} is closed: auditors' access to the records has ended")
    return redirect(_round_url(pk))
