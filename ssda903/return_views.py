"""Pages for the care leaver (OC3) part of the SSDA903 return.

Who may do what (the return covers every team and leaves the council, so it fails closed):
- administrators and heads of service see the whole return, check it with the DfE's rules and
  download it; quality-assurance auditors see it and check it, read only;
- team managers see their team's part and may set values by hand for young people they can
  change; they do not check or download the whole return;
- administrators set values by hand for anyone; heads of service and auditors are refused
  (403) on those forms;
- personal advisers, social workers and anyone without a role are refused (403). A young
  person's row is loaded through people.access, so one the user cannot see is a 404.

The DfE validator runs on request, in the request, and takes a few seconds for a council's
return; its time is shown on the result.
"""

from __future__ import annotations


from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Role
from audit.record import record_view
from compliance.ssda903 import CollectionYear
from people import access
from people.extension import record_url
from people.writes import save_with
from ssda903 import return_actions
from ssda903.derive import Entry, derive_return, entry_for
from ssda903.export import FORMATS, previous_year_files, return_files
from ssda903.override_models import HEADER_FIELDS, ReturnExport, ReturnOverride
from ssda903.return_checks import check_findings
from ssda903.return_forms import ConfirmExportForm, OverrideForm, WithdrawForm
from ssda903.validator import ValidatorFailed, ValidatorUnavailable, run_validator

VIEW_ROLES = frozenset({Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE, Role.QA_AUDITOR, Role.TEAM_MANAGER})
CHECK_ROLES = frozenset({Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE, Role.QA_AUDITOR})
EXPORT_ROLES = frozenset({Role.ADMINISTRATOR, Role.HEAD_OF_SERVICE})
OVERRIDE_ROLES = frozenset({Role.ADMINISTRATOR, Role.TEAM_MANAGER})
FIRST_YEAR = 2016  # 17 and 18 year olds were first collected in 2015-16 (ssda903-care-leavers.md §5)


def _allow(request: HttpRequest, roles: frozenset[str], refusal: str) -> None:
    if not (request.user.is_authenticated and request.user.is_active and request.user.role in roles):
        raise PermissionDenied(refusal)


def _year(year: int) -> CollectionYear:
    if not FIRST_YEAR <= year <= CollectionYear.containing(timezone.localdate()).year:
        raise Http404("No such collection year")
    return CollectionYear(year)


def _years() -> list[CollectionYear]:
    newest = CollectionYear.containing(timezone.localdate()).year
    return [CollectionYear(y) for y in range(newest, newest - 6, -1)]


def _visible(request: HttpRequest):  # noqa: ANN202
    """A team manager's part of the return; None (everyone) for service-wide roles."""
    return access.visible_young_people(request.user) if request.user.role == Role.TEAM_MANAGER else None


def return_latest(request: HttpRequest) -> HttpResponse:
    _allow(request, VIEW_ROLES, "The care leaver return is for managers, heads of service and auditors.")
    return redirect("ssda903:return", CollectionYear.latest_ended(timezone.localdate()).year)


def return_page(request: HttpRequest, year: int) -> HttpResponse:
    _allow(request, VIEW_ROLES, "The care leaver return is for managers, heads of service and auditors.")
    today = timezone.localdate()
    chosen = _year(year)
    care_leavers = derive_return(chosen, _visible(request), as_of=today)
    return render(request, "ssda903/return.html", {
        "year": chosen,
        "years": _years(),
        "latest": CollectionYear.latest_ended(today),
        "care_leavers": care_leavers,
        "rows": [(entry, _evidence_links(entry, chosen)) for entry in care_leavers.included],
        "team_only": _visible(request) is not None,
        "may_check": request.user.role in CHECK_ROLES,
        "may_export": request.user.role in EXPORT_ROLES,
        "exports": ReturnExport.objects.filter(collection_year=chosen.year).select_related("exported_by")[:10],
        "formats": FORMATS,
    })


def _evidence_links(entry: Entry, year: CollectionYear) -> dict[str, list[tuple[str, str]]]:
    """For each OC3 value, (text, url) links to the records it came from."""
    pk = entry.young_person.pk
    links: dict[str, list[tuple[str, str]]] = {}
    for value in entry.row.values if entry.row else ():
        found = []
        for ref in value.evidence:
            kind, _, number = ref.partition(":")
            url = (reverse("ssda903:return-person", args=[year.year, pk]) if kind == "return_override"
                   else record_url(ref, pk))
            text = {"contact": "Contact", "activity": "Activity", "accommodation": "Accommodation",
                    "return_override": "Set by hand"}.get(kind, kind)
            when = f" from {value.evidence_on:%-d %b %Y}" if value.evidence_on and kind != "return_override" else ""
            found.append((f"{text}{when}", url or ""))
        links[value.field] = found
    return links


def _checked(care_leavers, file_format: str):  # noqa: ANN001, ANN202
    """This year's files and the DfE rules' findings on them. Last year's files go beside CSV
    files; the validator reads only one XML file, so with XML the rules comparing years skip."""
    files = return_files(care_leavers)
    previous = previous_year_files(care_leavers).files(file_format) if file_format == "csv" else None
    result = run_validator(files.files(file_format), care_leavers.year.year, previous,
                           local_authority=local_authority_code())
    return files, check_findings(care_leavers, files, result)


def local_authority_code() -> str:
    """The council's ONS code (E10000xxx), which the rules comparing placements with the
    council's own area read. From LEAVINGCARE_LA_CODE."""
    return settings.LEAVINGCARE_LA_CODE


def _check_page(request: HttpRequest, chosen: CollectionYear, file_format: str, *, for_export: bool,
                notice: str = "") -> HttpResponse:
    care_leavers = derive_return(chosen, as_of=timezone.localdate())
    try:
        files, checked = _checked(care_leavers, file_format)
    except (ValidatorUnavailable, ValidatorFailed) as error:
        return render(request, "ssda903/return_check.html", {"year": chosen, "failure": str(error)}, status=503)
    digest = files.digest(file_format)
    request.session[_session_key(chosen, file_format)] = {
        "digest": digest, "errors": len(checked.errors), "known": len(checked.known_false_positives),
        "young_people": len(care_leavers.included),
    }
    form = ConfirmExportForm(initial={"file_format": file_format, "digest": digest}) if for_export else None
    return render(request, "ssda903/return_check.html", {
        "year": chosen, "checked": checked, "file_format": file_format, "for_export": for_export, "form": form,
        "young_people": len(care_leavers.included), "notice": notice,
    })


def _session_key(year: CollectionYear, file_format: str) -> str:
    return f"ssda903-checked-{year.year}-{file_format}"


@require_POST
def return_check(request: HttpRequest, year: int) -> HttpResponse:
    _allow(request, CHECK_ROLES, "Checking the whole return is for administrators, heads of service and auditors.")
    return _check_page(request, _year(year), "csv", for_export=False)


@require_POST
def return_export(request: HttpRequest, year: int) -> HttpResponse:
    """Check the files with the DfE's rules and show the result, with the download."""
    _allow(request, EXPORT_ROLES, "Only administrators and heads of service can download the return.")
    file_format = request.POST.get("file_format", "")
    if file_format not in FORMATS:
        raise Http404("No such format")
    return _check_page(request, _year(year), file_format, for_export=True)


@require_POST
def return_download(request: HttpRequest, year: int) -> HttpResponse:
    """The files just checked. If the records changed since, they are checked again first; if
    the rules found errors, the download needs the box ticked."""
    _allow(request, EXPORT_ROLES, "Only administrators and heads of service can download the return.")
    chosen = _year(year)
    form = ConfirmExportForm(request.POST)
    file_format = request.POST.get("file_format", "")
    if file_format not in FORMATS:
        raise Http404("No such format")
    checked = request.session.get(_session_key(chosen, file_format))
    files = return_files(derive_return(chosen, as_of=timezone.localdate()))
    digest = files.digest(file_format)
    if checked is None or checked["digest"] != digest or request.POST.get("digest") != digest:
        return _check_page(request, chosen, file_format, for_export=True,
                           notice="The records changed after the last check, so the return has been checked again.")
    if checked["errors"] and not form.is_valid():
        return render(request, "ssda903/return_check_confirm.html", {
            "year": chosen, "form": form, "errors": checked["errors"], "file_format": file_format,
        })
    return_actions.record_export(
        acting_user=request.user, year=chosen, file_format=file_format, sha256=digest,
        young_people=checked["young_people"], error_count=checked["errors"],
        known_false_positives=checked["known"], confirmed_with_errors=bool(checked["errors"]),
    )
    name, content, content_type = files.download(file_format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def return_person(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    _allow(request, VIEW_ROLES, "The care leaver return is for managers, heads of service and auditors.")
    chosen = _year(year)
    young_person = access.get_young_person_for(request.user, pk)
    entry = entry_for(chosen, young_person)
    if entry is None:
        raise Http404("Not in this year's care leaver return")
    record_view(user=request.user, young_person=young_person, path=request.path)
    may_set = request.user.role in OVERRIDE_ROLES and access.can_edit(request.user, young_person)
    fields = ["IN_TOUCH", "ACTIV", "ACCOM"] + ([f for f, _ in HEADER_FIELDS] if young_person.sex == "F" else [])
    return render(request, "ssda903/return_person.html", {
        "year": chosen, "entry": entry, "yp": young_person, "evidence": _evidence_links(entry, chosen),
        "may_set": may_set and entry.row is not None, "fields": fields,
        "header_values": {f: entry.header_value(f) for f, _ in HEADER_FIELDS},
    })


def _editable(request: HttpRequest, year: int, pk: int):  # noqa: ANN202
    _allow(request, OVERRIDE_ROLES, "Only administrators and team managers can set values in the return.")
    return _year(year), access.get_editable_young_person_for(request.user, pk)


def override_value(request: HttpRequest, year: int, pk: int, field: str) -> HttpResponse:
    chosen, young_person = _editable(request, year, pk)
    if field not in return_actions.FIELD_LABELS or (field in dict(HEADER_FIELDS) and young_person.sex != "F"):
        raise Http404("No such value")
    form = OverrideForm(request.POST or None, field=field)
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, return_actions.set_override, young_person, acting_user=request.user,
                          collection_year=chosen.year, field=field, value=form.value_text(),
                          reason=form.cleaned_data["reason"])
        if saved is not None:
            messages.success(request, f"{return_actions.FIELD_LABELS[field]} set to {saved.value}")
            return redirect("ssda903:return-person", chosen.year, young_person.pk)
    return render(request, "ssda903/return_override.html", {
        "form": form, "yp": young_person, "year": chosen, "field_label": return_actions.FIELD_LABELS[field],
        "cancel_url": reverse("ssda903:return-person", args=[chosen.year, young_person.pk]),
    })


def withdraw_value(request: HttpRequest, year: int, pk: int, override_id: int) -> HttpResponse:
    chosen, young_person = _editable(request, year, pk)
    override = get_object_or_404(ReturnOverride, pk=override_id, young_person=young_person,
                                 collection_year=chosen.year, withdrawn=False)
    form = WithdrawForm(request.POST or None, initial={"version": override.version})
    if request.method == "POST" and form.is_valid():
        done = save_with(form, lambda: return_actions.withdraw_override(
            override, acting_user=request.user, reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"]) or True)
        if done:
            messages.success(request, f"Withdrew the {override.field} value set by hand")
            return redirect("ssda903:return-person", chosen.year, young_person.pk)
    return render(request, "ssda903/return_withdraw.html", {
        "form": form, "yp": young_person, "year": chosen, "override": override,
        "cancel_url": reverse("ssda903:return-person", args=[chosen.year, young_person.pk]),
    })
