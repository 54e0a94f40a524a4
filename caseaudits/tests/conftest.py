"""Fixtures for case-file audits: a small template, and rounds and audits made through the
same actions the pages use. The personas are the root conftest's."""

from __future__ import annotations

import datetime as dt

import pytest

from caseaudits import actions
from caseaudits.models import Audit, AuditRound, QuestionKind, TemplateVersion

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def small_template(admin_user) -> TemplateVersion:
    """One area with a required grade, an optional indicator and a required free text, then the
    overall judgement: published."""
    template = actions.create_template(acting_user=admin_user, name="Small audit")
    version = template.versions.get()
    practice = actions.add_section(version, acting_user=admin_user, title="Practice", guidance="Look at the plan.")
    for text, kind, required in (
        ("The young person's voice is recorded", QuestionKind.YES_PARTLY_NO, False),
        ("Grade for practice", QuestionKind.GRADE, True),
        ("What is working well?", QuestionKind.FREE_TEXT, True),
    ):
        actions.add_question(practice, acting_user=admin_user, text=text, kind=kind, required=required,
                             guidance="", is_overall_judgement=False)
    overall = actions.add_section(version, acting_user=admin_user, title="Overall")
    actions.add_question(overall, acting_user=admin_user, text="Overall judgement", kind=QuestionKind.GRADE,
                         required=True, guidance="", is_overall_judgement=True)
    return actions.publish_version(version, acting_user=admin_user, expected_version=None)


def make_round(runner, version: TemplateVersion, **filters) -> AuditRound:
    return actions.create_round(
        acting_user=runner, title="Winter audit", template_version=version, starts_on=TODAY,
        due_on=TODAY + dt.timedelta(days=28), population_filters={"status": "open", **filters},
    )


def sampled_round(runner, version: TemplateVersion, people: list) -> AuditRound:
    """A confirmed round whose sample is exactly ``people`` (the draw itself is tested apart)."""
    audit_round = make_round(runner, version)
    AuditRound.objects.filter(pk=audit_round.pk).update(
        drawn_sample=[p.pk for p in people], drawn_on=TODAY, seed=1, sample_size=len(people),
        population_size=len(people),
    )
    return actions.confirm_sample(audit_round, acting_user=runner, expected_version=None)


def open_audit(runner, version: TemplateVersion, young_person, auditor) -> Audit:
    audit_round = sampled_round(runner, version, [young_person])
    audit = audit_round.audits.get()
    actions.allocate_audit(audit, acting_user=runner, auditor=auditor, due_on=TODAY + dt.timedelta(days=14))
    return Audit.objects.get(pk=audit.pk)


@pytest.fixture
def jordans_audit(auditor, small_template, jordan) -> Audit:
    """Aled (QA auditor) audits Jordan's file (Priya's young person, North)."""
    return open_audit(auditor, small_template, jordan, auditor)


def questions_of(version: TemplateVersion) -> dict[str, object]:
    from caseaudits.models import Question

    return {q.text: q for q in Question.objects.filter(section__template_version=version)}


def complete_answers(version: TemplateVersion, **overrides: str) -> dict[str, str]:
    """Form data answering every question of the small template."""
    q = questions_of(version)
    answers = {
        "The young person's voice is recorded": "partly",
        "Grade for practice": "3",
        "What is working well?": "The adviser knows the young person well.",
        "Overall judgement": "3",
    }
    data = {f"q{q[text].pk}": value for text, value in answers.items()}
    data.update(overrides)
    return data
