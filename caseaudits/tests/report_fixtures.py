"""A round with hand-counted answers, for the moderation, report and export tests.

Eight audits are submitted through the same action the audit page uses, one more is still
being done and one is withdrawn. Every figure the report shows is counted by hand from
ANSWERS below, in the tests that use it (caseaudits/tests/test_reports.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from caseaudits import actions
from caseaudits.actions import AnswerData
from caseaudits.models import AuditRound, AuditStatus, QuestionKind, TemplateVersion
from caseaudits.tests.conftest import TODAY, questions_of, sampled_round
from conftest import make_young_person

NA = "n/a"  # marked not applicable, with a reason
IN_CARE_13_TO_17 = [{"start": dt.date(2022, 1, 10), "end": dt.date(2025, 6, 1), "reason_ended": "E6"}]
IN_CARE_SINCE_14 = [{"start": dt.date(2023, 3, 1)}]

# One row per file: overall, planning grade, recording grade, the three indicators, strengths,
# then the young person (sex, ethnicity, date of birth, care episodes). None is not entered.
ANSWERS = [
    (1, 1, 2, "yes", "yes", "yes", "Plan written with the young person.", "F", "WBRI", dt.date(2008, 5, 3), IN_CARE_13_TO_17),
    (2, 1, 2, "yes", "partly", "yes", "Warm relationship with the adviser.", "M", "WBRI", dt.date(2006, 1, 1), []),
    (2, 2, NA, "yes", "no", NA, None, "F", "BAFR", dt.date(2004, 6, 1), []),
    (3, 3, None, "partly", "no", None, "Good joint work with the college.", "M", "WBRI", dt.date(2009, 2, 1), IN_CARE_SINCE_14),
    (3, None, 3, "no", None, "no", None, "F", "AIND", dt.date(2008, 12, 1), []),
    (4, 4, 4, "no", "no", "no", None, "U", "WBRI", dt.date(2003, 1, 1), []),
    (NA, 2, None, "yes", NA, "yes", "Health passport in place.", "F", "WBRI", dt.date(2007, 1, 1), []),
    (2, None, 2, None, None, None, None, "M", "BAFR", dt.date(2001, 1, 1), []),
]
QUESTIONS = ("Overall judgement", "Grade for planning", "Grade for recording", "The plan is current",
             "The plan's actions say who will do what by when", "The chronology is up to date",
             "What is working well?")


@pytest.fixture
def report_template(admin_user) -> TemplateVersion:
    """Two graded areas (grades optional, so they can be left blank) with indicators, a
    strengths section, and the overall judgement with its reasons."""
    template = actions.create_template(acting_user=admin_user, name="Report audit")
    version = template.versions.get()
    for title, questions in (
        ("Planning", [("The plan is current", QuestionKind.YES_PARTLY_NO),
                      ("The plan's actions say who will do what by when", QuestionKind.YES_PARTLY_NO),
                      ("Grade for planning", QuestionKind.GRADE), ("Evidence for planning", QuestionKind.FREE_TEXT)]),
        ("Recording", [("The chronology is up to date", QuestionKind.YES_PARTLY_NO),
                       ("Grade for recording", QuestionKind.GRADE)]),
        ("Strengths", [("What is working well?", QuestionKind.FREE_TEXT)]),
        ("Overall", [("Overall judgement", QuestionKind.GRADE), ("Reasons for the judgement", QuestionKind.FREE_TEXT)]),
    ):
        section = actions.add_section(version, acting_user=admin_user, title=title)
        for text, kind in questions:
            actions.add_question(section, acting_user=admin_user, text=text, kind=kind,
                                 required=text == "Overall judgement", guidance="",
                                 is_overall_judgement=text == "Overall judgement")
    return actions.publish_version(version, acting_user=admin_user, expected_version=None)


def answer_data(question, value) -> AnswerData | None:
    if value is None:
        return None
    if value == NA:
        return AnswerData(not_applicable=True, not_applicable_reason="Nothing in the file to judge this by.")
    if question.kind == QuestionKind.GRADE:
        return AnswerData(grade=value)
    if question.kind == QuestionKind.YES_PARTLY_NO:
        return AnswerData(met=value)
    return AnswerData(text=value)


@pytest.fixture
def report_people(north):
    people = [make_young_person(given_name=f"Person{n}", family_name=f"Report{n}", child_id=f"RP{n:03}", sex=sex,
                                ethnicity=ethnicity, date_of_birth=born, team=north, episodes=episodes)
              for n, (*_answers, sex, ethnicity, born, episodes) in enumerate(ANSWERS, start=1)]
    people += [make_young_person(given_name="Still", family_name=f"Open{n}", child_id=f"RO{n:03}", team=north)
               for n in (1, 2)]
    return people


@pytest.fixture
def report_round(head, auditor, report_template, report_people) -> AuditRound:
    """Aled audits all ten files: eight submitted as ANSWERS says, one in progress, one withdrawn."""
    audit_round = sampled_round(head, report_template, report_people)
    questions = questions_of(report_template)
    audits = list(audit_round.audits.order_by("pk"))
    for audit in audits[:9]:
        actions.allocate_audit(audit, acting_user=head, auditor=auditor, due_on=TODAY + dt.timedelta(days=14))
    for audit, row in zip(audits, ANSWERS, strict=False):
        answers = {questions[text].pk: data for text, value in zip(QUESTIONS, row[:7], strict=True)
                   if (data := answer_data(questions[text], value)) is not None}
        actions.save_answers(audit, acting_user=auditor, expected_version=None, answers=answers, submit=True)
    actions.withdraw_audit(audits[9], acting_user=head, reason="The case closed before the audit.",
                           expected_version=None)
    assert audit_round.audits.filter(status=AuditStatus.SUBMITTED).count() == 8
    return AuditRound.objects.get(pk=audit_round.pk)


def audits_in_order(audit_round: AuditRound) -> list:
    """The round's audits in ANSWERS order (then the open one and the withdrawn one)."""
    return list(audit_round.audits.order_by("pk").select_related("young_person"))
