"""Named writes for the template builder. A draft version changes freely; a published one is
frozen, and changing it starts a new draft copied from it (question keys carried over)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audit.record import record_event
from caseaudits.models import Question, QuestionKind, Section, Template, TemplateVersion, VersionStatus
from people.writes import apply_changes, created_changes, lock, save_new_version

QUESTION_FIELDS = ("text", "guidance", "kind", "required", "is_overall_judgement")


def _event(acting_user: Any, action: str, obj: Any, summary: str, changes: dict[str, Any] | None = None) -> None:
    record_event(actor=acting_user, action=f"caseaudits.{action}", obj=obj, summary=summary, changes=changes)


def _draft(version: TemplateVersion) -> TemplateVersion:
    """The version, locked, if it can still change."""
    locked = lock(TemplateVersion, version.pk)
    if not locked.is_draft:
        raise ValidationError({"__all__": [
            f"Version {locked.number} is {locked.get_status_display().lower()} and cannot be changed: "
            "start a new draft to change the template"
        ]})
    return locked


@transaction.atomic
def create_template(*, acting_user: Any, name: str, description: str = "", key: str | None = None) -> Template:
    name = name.strip()
    if Template.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": [f"A template called {name} already exists: choose another name"]})
    template = Template.objects.create(name=name, description=description.strip(), key=key)
    version = TemplateVersion.objects.create(template=template, number=1)
    _event(acting_user, "create_template", version, f"Started the audit template {name}",
           created_changes(template, ["name", "description"]))
    return template


def _overall_clash(version: TemplateVersion, question: Question | None) -> None:
    others = Question.objects.filter(section__template_version=version, is_overall_judgement=True)
    if question is not None and question.pk:
        others = others.exclude(pk=question.pk)
    clash = others.first()
    if clash is not None:
        raise ValidationError({"is_overall_judgement": [
            f"This version already has an overall judgement ({clash.text}): a template has one"
        ]})


def _check_question(version: TemplateVersion, fields: dict[str, Any], question: Question | None = None) -> None:
    if fields.get("is_overall_judgement"):
        if fields.get("kind") != QuestionKind.GRADE:
            raise ValidationError({"is_overall_judgement": ["The overall judgement must be a grade question"]})
        _overall_clash(version, question)


@transaction.atomic
def add_section(version: TemplateVersion, *, acting_user: Any, title: str, guidance: str = "") -> Section:
    locked = _draft(version)
    order = (locked.sections.aggregate(last=Max("order"))["last"] or 0) + 1
    section = Section.objects.create(template_version=locked, order=order, title=title.strip(), guidance=guidance)
    _event(acting_user, "add_section", section, f"Added the section {section.title} to {locked}",
           created_changes(section, ["title", "guidance", "order"]))
    return section


@transaction.atomic
def update_section(section: Section, *, acting_user: Any, expected_version: int | None, title: str,
                   guidance: str = "") -> Section:
    _draft(section.template_version)
    locked = lock(section)
    changes = apply_changes(locked, expected_version, {"title": title.strip(), "guidance": guidance})
    save_new_version(locked)
    _event(acting_user, "update_section", locked, f"Changed the section {locked.title}", changes)
    return locked


@transaction.atomic
def add_question(section: Section, *, acting_user: Any, **fields: Any) -> Question:
    version = _draft(section.template_version)
    _check_question(version, fields)
    order = (section.questions.aggregate(last=Max("order"))["last"] or 0) + 1
    question = Question.objects.create(section=section, order=order, **{k: fields[k] for k in QUESTION_FIELDS})
    _event(acting_user, "add_question", question, f"Added the question {question.text} to {section.title}",
           created_changes(question, QUESTION_FIELDS))
    return question


@transaction.atomic
def update_question(question: Question, *, acting_user: Any, expected_version: int | None, **fields: Any) -> Question:
    version = _draft(question.section.template_version)
    _check_question(version, fields, question)
    locked = lock(question)
    changes = apply_changes(locked, expected_version, {k: fields[k] for k in QUESTION_FIELDS})
    save_new_version(locked)
    _event(acting_user, "update_question", locked, f"Changed the question {locked.text}", changes)
    return locked


def _swap(item: Any, siblings: Any, direction: str) -> None:
    """Swap ``item`` with its neighbour above ("up") or below ("down"), if it has one."""
    ordered = list(siblings.order_by("order", "id"))
    index = [s.pk for s in ordered].index(item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return
    # Renumber all, so equal or gappy orders from older data still move one step.
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, sibling in enumerate(ordered, start=1):
        if sibling.order != position:
            type(sibling).objects.filter(pk=sibling.pk).update(order=position)


@transaction.atomic
def move_section(section: Section, *, acting_user: Any, direction: str) -> None:
    version = _draft(section.template_version)
    _swap(section, version.sections.all(), direction)
    _event(acting_user, "move_section", section, f"Moved the section {section.title} {direction}")


@transaction.atomic
def move_question(question: Question, *, acting_user: Any, direction: str) -> None:
    _draft(question.section.template_version)
    _swap(question, question.section.questions.all(), direction)
    _event(acting_user, "move_question", question, f"Moved the question {question.text} {direction}")


@transaction.atomic
def remove_question(question: Question, *, acting_user: Any) -> None:
    """Only from a draft, which no audit can have used: a published version never loses one."""
    _draft(question.section.template_version)
    _event(acting_user, "remove_question", question, f"Removed the question {question.text} from a draft",
           {"text": [question.text, None]})
    question.delete()


@transaction.atomic
def remove_section(section: Section, *, acting_user: Any) -> None:
    _draft(section.template_version)
    if section.questions.exists():
        raise ValidationError({"__all__": [f"Remove the questions in {section.title} first"]})
    _event(acting_user, "remove_section", section, f"Removed the section {section.title} from a draft",
           {"title": [section.title, None]})
    section.delete()


@transaction.atomic
def publish_version(version: TemplateVersion, *, acting_user: Any, expected_version: int | None) -> TemplateVersion:
    locked = _draft(version)
    sections = list(locked.sections.prefetch_related("questions"))
    problems = [f"Add a question to the section {s.title}" for s in sections if not s.questions.all()]
    if not sections:
        problems.append("Add at least one section with a question before publishing")
    if problems:
        raise ValidationError({"__all__": problems})
    previous = TemplateVersion.objects.filter(template=locked.template, status=VersionStatus.PUBLISHED)
    previous.update(status=VersionStatus.SUPERSEDED)
    changes = apply_changes(locked, expected_version, {
        "status": VersionStatus.PUBLISHED, "published_at": timezone.now(), "published_by": acting_user,
    })
    save_new_version(locked)
    _event(acting_user, "publish_version", locked, f"Published {locked}", changes)
    return locked


@transaction.atomic
def start_new_draft(version: TemplateVersion, *, acting_user: Any) -> TemplateVersion:
    """A draft copied from ``version``; the template's existing draft if it has one."""
    template = Template.objects.select_for_update().get(pk=version.template_id)
    existing = template.versions.filter(status=VersionStatus.DRAFT).first()
    if existing is not None:
        return existing
    number = (template.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    draft = TemplateVersion.objects.create(template=template, number=number, based_on=version)
    for section in version.sections.prefetch_related("questions"):
        copy = Section.objects.create(
            template_version=draft, order=section.order, title=section.title, guidance=section.guidance
        )
        Question.objects.bulk_create([
            Question(section=copy, order=q.order, key=q.key, **{k: getattr(q, k) for k in QUESTION_FIELDS})
            for q in section.questions.all()
        ])
    _event(acting_user, "start_new_draft", draft, f"Started version {number} of {template.name} from version {version.number}")
    return draft
