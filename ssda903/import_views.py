"""Pages for importing the SSDA903 return: upload, check, preview, confirm, progress, result.

Only administrators import: an import changes the records of every young person in
the return, across every team, so it belongs with the other service-wide settings
an administrator owns. Everyone else is refused (403), before anything is read.
"""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.models import Role
from people.writes import save_with
from ssda903 import importing_run
from ssda903.forms import ConfirmForm, UploadForm, max_import_mb
from ssda903.importing_plan import label
from ssda903.models import ImportRun

PREVIEW_PAGE = 50
PROBLEM_PAGE = 100


def _administrator_only(request: HttpRequest) -> None:
    if request.user.role != Role.ADMINISTRATOR:
        raise PermissionDenied("Only an administrator can import the SSDA903 return.")


def _page_number(request: HttpRequest, pages: int) -> int:
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), max(pages, 1))


def import_list(request: HttpRequest) -> HttpResponse:
    _administrator_only(request)
    runs = ImportRun.objects.select_related("uploaded_by", "confirmed_by")[:50]
    return render(request, "ssda903/import_list.html", {"runs": runs})


def import_new(request: HttpRequest) -> HttpResponse:
    _administrator_only(request)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        run = save_with(
            form, importing_run.start_import, acting_user=request.user, files=form.cleaned_data["files"],
            collection_year=form.cleaned_data["collection_year"], team=form.cleaned_data["team"],
        )
        if run is not None:
            return redirect("ssda903:import-run", run.pk)
    return render(request, "ssda903/import_upload.html", {"form": form, "max_mb": max_import_mb()})


def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    _administrator_only(request)
    run = get_object_or_404(ImportRun.objects.select_related("uploaded_by", "confirmed_by", "team"), pk=pk)
    return _run_page(request, run, ConfirmForm(initial={"version": run.version}))


def _run_page(request: HttpRequest, run: ImportRun, form: ConfirmForm) -> HttpResponse:
    context: dict = {"run": run, "form": form, "label": label, "counts": run.counts}
    if run.working:
        context["progress"] = importing_run.read_progress(run)
    elif run.status == ImportRun.Status.REFUSED:
        shown = min(run.error_count, 100_000)
        pages = math.ceil(shown / PROBLEM_PAGE)
        number = _page_number(request, pages)
        context.update(problems=importing_run.problem_page(run, number - 1, PROBLEM_PAGE), page=number, pages=pages,
                       shown=shown)
    elif run.status in (ImportRun.Status.CHECKED, ImportRun.Status.IMPORTED):
        pages = math.ceil(run.counts.get("children_with_changes", 0) / PREVIEW_PAGE)
        number = _page_number(request, pages)
        context.update(entries=importing_run.preview_page(run, number - 1, PREVIEW_PAGE), page=number, pages=pages)
    return render(request, "ssda903/import_run.html", context)


def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    _administrator_only(request)
    run = get_object_or_404(ImportRun, pk=pk)
    if request.method != "POST":
        return redirect("ssda903:import-run", run.pk)
    form = ConfirmForm(request.POST)
    if form.is_valid():
        confirmed = save_with(
            form, importing_run.confirm_import, run, acting_user=request.user,
            expected_version=form.cleaned_data.get("version"),
        )
        if confirmed is not None:
            return redirect("ssda903:import-run", run.pk)
    run.refresh_from_db()
    return _run_page(request, run, form)


def import_problems_csv(request: HttpRequest, pk: int) -> FileResponse:
    _administrator_only(request)
    run = get_object_or_404(ImportRun, pk=pk, status=ImportRun.Status.REFUSED)
    path = importing_run.problems_path(run)
    if not path.exists():
        raise Http404("No list of problems")
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=f"ssda903-import-{run.pk}-problems.csv", content_type="text/csv"
    )
