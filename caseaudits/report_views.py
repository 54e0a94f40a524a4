"""A round's report and its exports, and importing past results. For heads of service, QA
auditors and administrators, as running rounds is; everyone else is refused (403)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from caseaudits import import_past, report_exports, report_forms
from caseaudits.models import Grade
from caseaudits.permissions import require_runner
from caseaudits.report_models import ImportStatus, PastAuditImport
from caseaudits.reports import build_report
from caseaudits.forms import ConfirmForm
from caseaudits.moderation_views import round_for
from oversight.exports import csv_response
from people.writes import save_with

PREVIEW_ROWS = 100
EXPORTS = {"xlsx": report_exports.xlsx_response, "csv": report_exports.csv_response}


def report(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "caseaudits/report.html", {"report": build_report(round_for(request, pk))})


def export(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    audit_round = round_for(request, pk)
    if kind not in (*EXPORTS, "pdf"):
        raise Http404("No such format")
    built = build_report(audit_round)
    if kind == "pdf":
        return report_exports.pdf_response(built, request)
    return EXPORTS[kind](built)


# -- past results ---------------------------------------------------------------------------------


def past_imports(request: HttpRequest) -> HttpResponse:
    require_runner(request.user)
    imports = PastAuditImport.objects.select_related("uploaded_by", "audit_round", "template_version__template")[:50]
    return render(request, "caseaudits/past_imports.html", {"imports": imports})


def past_import_new(request: HttpRequest) -> HttpResponse:
    require_runner(request.user)
    form = report_forms.PastResultsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        text = save_with(form, import_past.read_upload, upload)
        if text is not None:
            past = save_with(form, import_past.check_upload, acting_user=request.user, title=form.cleaned_data["title"],
                             template_version=form.cleaned_data["template_version"], file_name=upload.name, text=text)
            if past is not None:
                return redirect("caseaudits:past-import", past.pk)
    return render(request, "caseaudits/past_import_upload.html", {"form": form, "columns": import_past.DETAIL_COLUMNS})


def _past_for(request: HttpRequest, pk: int) -> PastAuditImport:
    require_runner(request.user)
    return get_object_or_404(PastAuditImport.objects.select_related("template_version__template", "uploaded_by"), pk=pk)


def past_import(request: HttpRequest, pk: int) -> HttpResponse:
    past = _past_for(request, pk)
    return _past_page(request, past, ConfirmForm(initial={"version": past.version}))


def _past_page(request: HttpRequest, past: PastAuditImport, form: ConfirmForm) -> HttpResponse:
    context = {"past": past, "form": form, "problems": import_past.problem_rows(past), "grade_labels": dict(Grade.choices)}
    if past.status == ImportStatus.CHECKED:
        checked = import_past.check_file(past.content, past.template_version, timezone.localdate())
        context.update(checked=checked, preview=checked.rows[:PREVIEW_ROWS],
                       linked=sum(1 for r in checked.rows if r.young_person_id))
        if checked.problems:  # the register changed since the check: say so rather than preview
            context["problems"] = [[p.row, p.column, p.value, p.problem] for p in checked.problems]
    return render(request, "caseaudits/past_import.html", context)


def past_import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    past = _past_for(request, pk)
    if request.method != "POST":
        return redirect("caseaudits:past-import", pk)
    form = ConfirmForm(request.POST)
    form.is_valid()
    audit_round = save_with(form, import_past.confirm_import, past, acting_user=request.user,
                            expected_version=form.cleaned_data.get("version"))
    if audit_round is not None:
        messages.success(request, f"{audit_round.title} has been imported: {past.row_count} audits")
        return redirect(reverse("caseaudits:report", args=[audit_round.pk]))
    past.refresh_from_db()
    return _past_page(request, past, form)


def past_import_problems(request: HttpRequest, pk: int) -> HttpResponse:
    past = _past_for(request, pk)
    if not past.problems:
        raise Http404("No problems")
    return csv_response(f"past-audit-results-{past.pk}-problems", import_past.PROBLEM_HEADERS,
                        import_past.problem_rows(past))
