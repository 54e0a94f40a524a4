"""The template builder: administrators build templates in sections and questions, publish a
version, and start a new draft to change a published one. Round runners can read them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from caseaudits import actions, forms
from caseaudits.models import Question, Section, Template, TemplateVersion
from caseaudits.permissions import builds_templates, require_builder, runs_rounds
from caseaudits.views.common import attempt, posted_version
from circumstances.views import form_page
from people.writes import save_with


def _require_reader(request: HttpRequest) -> None:
    if not (builds_templates(request.user) or runs_rounds(request.user)):
        raise PermissionDenied("Audit templates are for administrators and the people who run audit rounds.")


def _version_url(version_pk: int, anchor: str = "") -> str:
    url = reverse("caseaudits:version", args=[version_pk])
    return f"{url}#{anchor}" if anchor else url


def template_list(request: HttpRequest) -> HttpResponse:
    _require_reader(request)
    templates = Template.objects.prefetch_related(
        Prefetch("versions", queryset=TemplateVersion.objects.order_by("-number"))
    )
    return render(request, "caseaudits/template_list.html",
                  {"templates": templates, "can_build": builds_templates(request.user)})


def template_new(request: HttpRequest) -> HttpResponse:
    require_builder(request.user)
    form = forms.TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        template = save_with(form, actions.create_template, acting_user=request.user, **form.cleaned_data)
        if template:
            messages.success(request, f"{template.name} has been started: add its sections and questions")
            return redirect("caseaudits:version", template.versions.get().pk)
    return form_page(request, form, None, title="Start an audit template",
                     cancel_url=reverse("caseaudits:templates"), submit_text="Start the template")


def version_detail(request: HttpRequest, pk: int, errors: list[str] | None = None) -> HttpResponse:
    _require_reader(request)
    version = get_object_or_404(TemplateVersion.objects.select_related("template", "published_by"), pk=pk)
    sections = list(version.sections.prefetch_related("questions"))
    return render(request, "caseaudits/version_detail.html", {
        "version": version, "sections": sections, "errors": errors or [],
        "can_change": builds_templates(request.user) and version.is_draft,
        "can_build": builds_templates(request.user),
        "publish_form": forms.ConfirmForm(initial={"version": version.version}),
        "other_versions": version.template.versions.exclude(pk=version.pk).order_by("-number"),
        "used_by": version.rounds.count(),
    })


def _save_part(request: HttpRequest, form: Any, part: Any, update: Any, add: Any, parent: Any) -> Any:
    """Change a section or question, or add one to its parent; None if refused."""
    data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    if part is not None:
        return save_with(form, update, part, acting_user=request.user, expected_version=form.cleaned_data["version"],
                         **data)
    return save_with(form, add, parent, acting_user=request.user, **data)


def _after(request: HttpRequest, version_pk: int, refused: list[str], anchor: str = "",
           message: str = "") -> HttpResponse:
    """Back to the version, or the version with what refused the change."""
    if refused:
        return version_detail(request, version_pk, errors=refused)
    if message:
        messages.success(request, message)
    return redirect(_version_url(version_pk, anchor))


def section_form(request: HttpRequest, pk: int | None = None, section_id: int | None = None) -> HttpResponse:
    """Add a section to version ``pk``, or change section ``section_id``."""
    require_builder(request.user)
    section = get_object_or_404(Section, pk=section_id) if section_id else None
    version = section.template_version if section else get_object_or_404(TemplateVersion, pk=pk)
    initial = {"title": section.title, "guidance": section.guidance, "version": section.version} if section else {}
    form = forms.SectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save_part(request, form, section, actions.update_section, actions.add_section, version)
        if saved:
            messages.success(request, f"Section {saved.title} saved")
            return redirect(_version_url(version.pk, f"section-{saved.pk}"))
    return form_page(request, form, None, title="Change the section" if section else "Add a section",
                     cancel_url=_version_url(version.pk), intro=(f"{version}",))


def question_form(request: HttpRequest, section_id: int | None = None, question_id: int | None = None) -> HttpResponse:
    """Add a question to section ``section_id``, or change question ``question_id``."""
    require_builder(request.user)
    question = get_object_or_404(Question.objects.select_related("section"), pk=question_id) if question_id else None
    section = question.section if question else get_object_or_404(Section, pk=section_id)
    if question:
        initial: dict[str, Any] = {name: getattr(question, name) for name in actions.templates.QUESTION_FIELDS}
        initial["version"] = question.version
    else:
        initial = {"required": True, "kind": "yes_partly_no"}
    form = forms.QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save_part(request, form, question, actions.update_question, actions.add_question, section)
        if saved:
            messages.success(request, "Question saved")
            return redirect(_version_url(section.template_version_id, f"question-{saved.pk}"))
    return form_page(request, form, None, title="Change the question" if question else "Add a question",
                     cancel_url=_version_url(section.template_version_id), intro=(f"Section: {section.title}",))


def _direction(request: HttpRequest) -> str:
    return "up" if request.POST.get("direction") == "up" else "down"


@require_POST
def section_move(request: HttpRequest, section_id: int) -> HttpResponse:
    require_builder(request.user)
    section = get_object_or_404(Section, pk=section_id)
    refused = attempt(actions.move_section, section, acting_user=request.user, direction=_direction(request))
    return _after(request, section.template_version_id, refused, f"section-{section.pk}")


@require_POST
def question_move(request: HttpRequest, question_id: int) -> HttpResponse:
    require_builder(request.user)
    question = get_object_or_404(Question.objects.select_related("section"), pk=question_id)
    refused = attempt(actions.move_question, question, acting_user=request.user, direction=_direction(request))
    return _after(request, question.section.template_version_id, refused, f"question-{question.pk}")


@require_POST
def section_remove(request: HttpRequest, section_id: int) -> HttpResponse:
    require_builder(request.user)
    section = get_object_or_404(Section, pk=section_id)
    refused = attempt(actions.remove_section, section, acting_user=request.user)
    return _after(request, section.template_version_id, refused, message="Section removed")


@require_POST
def question_remove(request: HttpRequest, question_id: int) -> HttpResponse:
    require_builder(request.user)
    question = get_object_or_404(Question.objects.select_related("section"), pk=question_id)
    refused = attempt(actions.remove_question, question, acting_user=request.user)
    return _after(request, question.section.template_version_id, refused, f"section-{question.section_id}",
                  message="Question removed")


@require_POST
def version_publish(request: HttpRequest, pk: int) -> HttpResponse:
    require_builder(request.user)
    version = get_object_or_404(TemplateVersion, pk=pk)
    refused = attempt(actions.publish_version, version, acting_user=request.user,
                      expected_version=posted_version(request))
    return _after(request, pk, refused, message=f"Version {version.number} published: rounds can now use it")


@require_POST
def version_new_draft(request: HttpRequest, pk: int) -> HttpResponse:
    require_builder(request.user)
    version = get_object_or_404(TemplateVersion, pk=pk)
    draft = actions.start_new_draft(version, acting_user=request.user)
    messages.success(request, f"Version {draft.number} is a draft: change it, then publish it")
    return redirect(_version_url(draft.pk))
