"""A case-file audit round in the demo council, made through the same actions staff use.

``build_demo_round(today=...)`` loads the shipped templates, starts a round of the themed
leaving-care audit over every open case, draws a sample of about 24 stratified by team,
shares it among the QA auditor, the head of service and the team managers (never a file they
worked on or whose worker they manage), and has a handful submitted with varied grades (some
indicators left blank, one area marked not applicable), a few drafts, workers' responses and
actions. Running it again changes nothing. Everything is drawn from ``seed``.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from caseaudits import actions
from caseaudits.actions import AnswerData
from caseaudits.models import AuditRound, AuditStatus, Grade, Met, Question, QuestionKind, RoundStatus, Template
from caseaudits.themed_template import THEMED_LEAVING_CARE, load_audit_templates

DEMO_ROUND_TITLE = "Themed audit of care leavers' files"
SUBMITTED = 8
DRAFTS = 3
# Grades as demo audits find them: mostly good or requires improvement, some at either end.
GRADE_WEIGHTS = {Grade.OUTSTANDING: 1, Grade.GOOD: 4, Grade.REQUIRES_IMPROVEMENT: 4, Grade.INADEQUATE: 1}
STRENGTHS = (
    "Warm, persistent relationship with the personal adviser; the young person's own words are recorded.",
    "Pathway plan is current and the young person helped write it.",
    "Good joint work with the college and the housing provider.",
)
DEVELOPMENT = (
    "The plan's actions need owners and dates.",
    "Supervision is recorded but does not reflect on the work or set actions.",
    "Contacts are recorded weeks late; the chronology stops in the spring.",
)
ACTIONS = (
    "Update the pathway plan's actions with who will do what by when, with the young person.",
    "Bring the chronology up to date.",
    "Check the young person has their health history and identity documents, and record it.",
)
RESPONSE = "I agree with the findings. I have booked a review with the young person to update the plan."


def _runner() -> User | None:
    for role in (Role.QA_AUDITOR, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR):
        user = User.objects.filter(role=role, is_active=True).order_by("username").first()
        if user:
            return user
    return None


def _answers(questions: list[Question], rng: random.Random, *, complete: bool) -> dict[int, AnswerData]:
    """Varied answers around an overall grade; a draft (``complete`` false) stops part-way."""
    answers: dict[int, AnswerData] = {}
    overall = int(rng.choices(list(GRADE_WEIGHTS), weights=list(GRADE_WEIGHTS.values()))[0])
    for index, question in enumerate(questions):
        if not complete and index > len(questions) // 3:
            break
        if question.is_overall_judgement:
            answers[question.pk] = AnswerData(grade=overall)
        elif question.kind == QuestionKind.GRADE:
            if question.section.title == "Equalities" and rng.random() < 0.2:
                answers[question.pk] = AnswerData(
                    not_applicable=True, not_applicable_reason="Nothing in the file raised equalities questions.")
                continue
            area = min(Grade.INADEQUATE, max(Grade.OUTSTANDING, overall + rng.choice((-1, 0, 0, 1))))
            answers[question.pk] = AnswerData(grade=int(area))
        elif question.kind == QuestionKind.YES_PARTLY_NO:
            if rng.random() < 0.2:
                continue  # an indicator left blank: reports count it as not entered
            answers[question.pk] = AnswerData(met=rng.choice([Met.YES, Met.YES, Met.PARTLY, Met.NO]))
        elif question.required:
            source = STRENGTHS if question.section.title == "Strengths" else DEVELOPMENT
            answers[question.pk] = AnswerData(text=rng.choice(source))
    return answers


@transaction.atomic
def build_demo_round(today: dt.date | None = None, *, sample_size: int = 24, seed: int = 2026) -> AuditRound | None:
    """The demo round, made once; None if the council has nobody to run it."""
    today = today or timezone.localdate()
    load_audit_templates()
    runner = _runner()
    if runner is None:
        return None
    existing = AuditRound.objects.filter(title=DEMO_ROUND_TITLE).first()
    if existing is not None and existing.audits.exists():
        return existing
    version = Template.objects.get(key=THEMED_LEAVING_CARE["key"]).versions.get(status="published")
    audit_round = existing or actions.create_round(
        acting_user=runner, title=DEMO_ROUND_TITLE, template_version=version,
        starts_on=today - dt.timedelta(days=21), due_on=today + dt.timedelta(days=14),
        population_filters={"status": "open"},
    )
    if existing is not None:  # left over from a demo reset, its files gone: sample again
        AuditRound.objects.filter(pk=existing.pk).update(status=RoundStatus.DRAFT, sample_confirmed_at=None)
        audit_round.refresh_from_db()
    audit_round = actions.draw(audit_round, acting_user=runner, sample_size=sample_size, stratify_by="team",
                               seed=seed, today=today)
    audit_round = actions.confirm_sample(audit_round, acting_user=runner, expected_version=None, today=today)
    auditors = list(User.objects.filter(
        is_active=True, role__in=(Role.QA_AUDITOR, Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER)
    ).order_by("role", "username"))
    actions.share_evenly(audit_round, acting_user=runner, auditors=auditors, due_on=audit_round.due_on, today=today)
    _audit_some(audit_round, random.Random(seed), today)
    return audit_round


def _audit_some(audit_round: AuditRound, rng: random.Random, today: dt.date) -> None:
    questions = list(Question.objects.filter(section__template_version=audit_round.template_version_id)
                     .select_related("section"))
    allocated = list(audit_round.audits.filter(status=AuditStatus.ALLOCATED)
                     .select_related("auditor", "worker", "young_person").order_by("pk"))
    # The QA auditor's own files stay to do, so the demo auditor has audits to open.
    others = [a for a in allocated if a.auditor.role != Role.QA_AUDITOR]
    for audit in others[:SUBMITTED]:
        done = actions.save_answers(audit, acting_user=audit.auditor, expected_version=None,
                                    answers=_answers(questions, rng, complete=True), submit=True, today=today)
        if done.worker is not None and rng.random() < 0.5:
            actions.record_response(done, acting_user=done.worker, capacity="worker", text=RESPONSE)
        if done.worker is not None and done.final_grade and done.final_grade >= Grade.REQUIRES_IMPROVEMENT:
            actions.raise_action(done, acting_user=done.auditor, worker=done.worker, text=rng.choice(ACTIONS),
                                 due_on=today + dt.timedelta(days=actions.DEFAULT_ACTION_DAYS), today=today)
    for audit in others[SUBMITTED:SUBMITTED + DRAFTS]:
        actions.save_answers(audit, acting_user=audit.auditor, expected_version=None,
                             answers=_answers(questions, rng, complete=False), today=today)


__all__ = ["DEMO_ROUND_TITLE", "build_demo_round"]
