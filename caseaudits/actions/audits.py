"""Named writes for doing an audit and following it up: save answers as a draft, submit
(refused while a required question is unanswered, unless marked not applicable with a
reason), the worker's and manager's responses, and actions for the worker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from caseaudits.grants import ACCESS_DAYS_AFTER_SUBMISSION, end_grants, grants_of
from caseaudits.models import Answer, Audit, AuditAction, AuditStatus, Question, QuestionKind, Response
from circumstances.checks import long_date, refuse
from people.writes import StaleEdit, apply_changes, created_changes, finish_write, lock, save_new_version

# How long a worker has to act on an audit finding unless the auditor says otherwise.
DEFAULT_ACTION_DAYS = 14
DUE_IN_THE_PAST = "Due date must be today or in the future"


@dataclass(frozen=True)
class AnswerData:
    grade: int | None = None
    met: str = ""
    text: str = ""
    not_applicable: bool = False
    not_applicable_reason: str = ""

    def is_answered(self) -> bool:
        return Answer(**self.__dict__).is_answered


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def missing_message(question: Question) -> str:
    if question.kind == QuestionKind.GRADE:
        # Grade questions name what is graded ("Grade for joint working"), like any other
        # choice's label here: "Select the grade for joint working".
        return f"Select the {question.text[0].lower()}{question.text[1:]}, or mark it not applicable"
    if question.kind == QuestionKind.YES_PARTLY_NO:
        return f"Select yes, partly or no for “{question.text}”, or mark it not applicable"
    return f"Enter your answer to “{question.text}”, or mark it not applicable"


def _problems(questions: list[Question], answers: dict[int, AnswerData]) -> dict[str, list[str]]:
    """What stops submission, keyed by the form field to fix, in the template's order."""
    problems: dict[str, list[str]] = {}
    for question in questions:
        answer = answers.get(question.pk, AnswerData())
        if answer.not_applicable and not answer.not_applicable_reason.strip():
            problems[f"{field_name(question)}_reason"] = [f"Enter why “{question.text}” is not applicable"]
        elif question.required and not answer.is_answered():
            problems[field_name(question)] = [missing_message(question)]
    return problems


def _write_answers(audit: Audit, answers: dict[int, AnswerData]) -> int:
    existing = {a.question_id: a for a in audit.answers.all()}
    changed = 0
    for question_id, data in answers.items():
        if question_id not in existing and data == AnswerData():
            continue  # never answered: no row, which reports count as not entered
        answer = existing.get(question_id) or Answer(audit=audit, question_id=question_id)
        values = dict(data.__dict__)
        if data.not_applicable:  # an answer marked not applicable keeps only its reason
            values.update(grade=None, met="", text="")
        else:
            values["not_applicable_reason"] = ""
        if answer.pk and all(getattr(answer, k) == v for k, v in values.items()):
            continue
        for name, value in values.items():
            setattr(answer, name, value)
        answer.save()
        changed += 1
    return changed


@transaction.atomic
def save_answers(audit: Audit, *, acting_user: Any, expected_version: int | None, answers: dict[int, AnswerData],
                 submit: bool = False, today: dt.date | None = None) -> Audit:
    """Save the auditor's answers; with ``submit``, also check and submit the audit.

    A refused submission saves nothing, so the auditor's last saved draft stays as it was.
    """
    today = today or timezone.localdate()
    locked = lock(Audit, audit.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit()
    if locked.status not in (AuditStatus.ALLOCATED, AuditStatus.IN_PROGRESS) or locked.auditor_id != acting_user.pk:
        raise ValidationError({"__all__": ["This audit can no longer be changed"]})
    questions = list(Question.objects.filter(section__template_version=audit.round.template_version_id)
                     .select_related("section"))
    known = {q.pk for q in questions}
    answers = {pk: data for pk, data in answers.items() if pk in known}
    changed = _write_answers(locked, answers)
    fields: dict[str, Any] = {"status": AuditStatus.IN_PROGRESS}
    if submit:
        problems = _problems(questions, answers)
        if problems:
            raise ValidationError(problems)
        overall = next((q for q in questions if q.is_overall_judgement), None)
        grade = answers.get(overall.pk, AnswerData()).grade if overall else None
        fields = {"status": AuditStatus.SUBMITTED, "submitted_on": today, "auditor_grade": grade, "final_grade": grade}
        end_grants(grants_of(locked), on=today + dt.timedelta(days=ACCESS_DAYS_AFTER_SUBMISSION),
                   because="the audit was submitted", acting_user=acting_user)
    changes = apply_changes(locked, None, fields)
    if changed:
        changes["answers"] = [None, f"{changed} changed"]
    save_new_version(locked)
    summary = "Case-file audit submitted" if submit else "Case-file audit answers saved as a draft"
    finish_write(locked.young_person, acting_user=acting_user, action="caseaudits.submit_audit" if submit
                 else "caseaudits.save_audit", obj=locked, summary=summary, changes=changes)
    return locked


@transaction.atomic
def record_response(audit: Audit, *, acting_user: Any, capacity: str, text: str,
                    expected_version: int | None = None) -> Response:
    """Add, or change, this person's response to the findings."""
    if not text.strip():
        refuse("text", "Enter your response to the findings")
    response = Response.objects.select_for_update().filter(audit=audit, author=acting_user).first()
    if response is None:
        response = Response.objects.create(audit=audit, author=acting_user, capacity=capacity, text=text.strip())
        changes = created_changes(response, ["capacity", "text"])
    else:
        changes = apply_changes(response, expected_version, {"text": text.strip(), "capacity": capacity})
        save_new_version(response)
    finish_write(audit.young_person, acting_user=acting_user, action="caseaudits.record_response", obj=response,
                 summary=f"{response.get_capacity_display()}'s response to the case-file audit", changes=changes)
    return response


@transaction.atomic
def raise_action(audit: Audit, *, acting_user: Any, worker: Any, text: str, due_on: dt.date,
                 today: dt.date | None = None) -> AuditAction:
    today = today or timezone.localdate()
    if not text.strip():
        refuse("text", "Enter what needs to be done")
    if due_on < today:
        refuse("due_on", DUE_IN_THE_PAST)
    action = AuditAction.objects.create(
        audit=audit, young_person=audit.young_person, worker=worker, text=text.strip(), due_on=due_on,
        raised_by=acting_user,
    )
    finish_write(audit.young_person, acting_user=acting_user, action="caseaudits.raise_action", obj=action,
                 summary=f"Audit action for {worker.display_name}, due {long_date(due_on)}",
                 changes=created_changes(action, ["worker", "text", "due_on"]))
    return action


@transaction.atomic
def mark_action_done(action: AuditAction, *, acting_user: Any, expected_version: int | None,
                     today: dt.date | None = None) -> AuditAction:
    today = today or timezone.localdate()
    locked = lock(action)
    if locked.done_on is not None:
        raise ValidationError({"__all__": [f"This action was marked done on {long_date(locked.done_on)}"]})
    changes = apply_changes(locked, expected_version, {"done_on": today, "done_by": acting_user})
    save_new_version(locked)
    finish_write(locked.young_person, acting_user=acting_user, action="caseaudits.complete_action", obj=locked,
                 summary="Audit action done", changes=changes)
    return locked
