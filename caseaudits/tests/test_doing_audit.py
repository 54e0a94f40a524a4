"""Doing an audit: My audits, the form beside the record, drafts, and a submission that refuses
an unanswered required question unless it is marked not applicable with a reason."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from caseaudits.models import Answer, Audit, AuditStatus, Grade
from caseaudits.tests.conftest import complete_answers, questions_of
from conftest import client_for

pytestmark = pytest.mark.django_db


def _post(user, audit, intent="submit", **answers):
    data = {"version": str(Audit.objects.get(pk=audit.pk).version), "intent": intent, **answers}
    return client_for(user).post(reverse("caseaudits:audit", args=[audit.pk]), data)


def _name(version, text, suffix=""):
    return f"q{questions_of(version)[text].pk}{suffix}"


def test_my_audits_lists_the_files_to_do(auditor, jordans_audit, head):
    page = client_for(auditor).get(reverse("caseaudits:mine")).content.decode()
    assert "To do (1)" in page and "Jordan Reed" in page and "Winter audit" in page
    assert "You have no audits to do." in client_for(head).get(reverse("caseaudits:mine")).content.decode()


def test_the_audit_page_shows_the_template_beside_the_record(auditor, jordans_audit):
    page = client_for(auditor).get(reverse("caseaudits:audit", args=[jordans_audit.pk])).content.decode()
    assert "Audit of Jordan Reed's file" in page
    assert "Grade for practice" in page and "Requires improvement to be good" in page
    assert "Not applicable to this file" in page and "Lines of enquiry" not in page
    assert "The young person&#39;s voice is recorded (optional)" in page
    assert "Jordan Reed's record" in page and "Recent chronology" in page
    assert "Priya Adviser, personal adviser" in page


def test_a_draft_is_saved_without_every_answer(auditor, jordans_audit, small_template):
    response = _post(auditor, jordans_audit, intent="save", **{_name(small_template, "Grade for practice"): "2"})
    assert response.status_code == 302
    audit = Audit.objects.get(pk=jordans_audit.pk)
    assert audit.status == AuditStatus.IN_PROGRESS and audit.submitted_on is None
    assert Answer.objects.get(audit=audit).grade == Grade.GOOD
    page = client_for(auditor).get(reverse("caseaudits:audit", args=[audit.pk])).content.decode()
    assert 'value="2" checked' in page


def test_submitting_with_a_required_question_unanswered_names_it_and_saves_nothing(auditor, jordans_audit,
                                                                                   small_template):
    answers = complete_answers(small_template)
    del answers[_name(small_template, "Grade for practice")]
    answers[_name(small_template, "What is working well?")] = ""
    page = _post(auditor, jordans_audit, **answers).content.decode()
    assert "There is a problem" in page
    assert "Select the grade for practice, or mark it not applicable" in page
    assert "Enter your answer to “What is working well?”, or mark it not applicable" in page
    assert f'href="#id_{_name(small_template, "Grade for practice")}"' in page
    audit = Audit.objects.get(pk=jordans_audit.pk)
    assert audit.status == AuditStatus.ALLOCATED and not audit.answers.exists()


def test_not_applicable_needs_a_reason(auditor, jordans_audit, small_template):
    grade = _name(small_template, "Grade for practice")
    page = _post(auditor, jordans_audit, **complete_answers(small_template, **{f"{grade}_na": "on"})).content.decode()
    assert "Enter why “Grade for practice” is not applicable" in page
    assert Audit.objects.get(pk=jordans_audit.pk).status == AuditStatus.ALLOCATED
    response = _post(auditor, jordans_audit, **complete_answers(
        small_template, **{f"{grade}_na": "on", f"{grade}_reason": "No plan was due in the period audited."}))
    assert response.status_code == 302
    answer = Answer.objects.get(audit=jordans_audit, question__text="Grade for practice")
    assert answer.not_applicable and answer.grade is None and answer.not_applicable_reason.startswith("No plan")


def test_free_text_can_be_not_applicable_with_a_reason(auditor, jordans_audit, small_template):
    text = _name(small_template, "What is working well?")
    response = _post(auditor, jordans_audit, **complete_answers(
        small_template, **{text: "", f"{text}_na": "on", f"{text}_reason": "Audit of a file closed last month."}))
    assert response.status_code == 302
    assert Answer.objects.get(audit=jordans_audit, question__text="What is working well?").not_applicable


def test_submitting_records_the_auditors_grade_and_leaves_optional_questions_blank(auditor, jordans_audit,
                                                                                   small_template):
    answers = complete_answers(small_template)
    del answers[_name(small_template, "The young person's voice is recorded")]
    response = _post(auditor, jordans_audit, **answers)
    assert response["Location"] == reverse("caseaudits:audit", args=[jordans_audit.pk])
    audit = Audit.objects.get(pk=jordans_audit.pk)
    assert audit.status == AuditStatus.SUBMITTED and audit.submitted_on is not None
    assert audit.auditor_grade == audit.final_grade == Grade.REQUIRES_IMPROVEMENT
    assert not audit.answers.filter(question__text="The young person's voice is recorded").exists()
    assert AuditEvent.objects.filter(action="caseaudits.submit_audit", young_person=audit.young_person).exists()
    page = client_for(auditor).get(reverse("caseaudits:audit", args=[audit.pk])).content.decode()
    assert "Findings" in page and "Not answered" in page and "Requires improvement to be good" in page


def test_the_auditor_cannot_change_a_submitted_audit(auditor, jordans_audit, small_template):
    _post(auditor, jordans_audit, **complete_answers(small_template))
    response = _post(auditor, jordans_audit, **complete_answers(small_template, **{
        _name(small_template, "Overall judgement"): "1"}))
    assert response.status_code == 403
    assert Audit.objects.get(pk=jordans_audit.pk).final_grade == Grade.REQUIRES_IMPROVEMENT


def test_an_edit_from_a_stale_page_is_refused(auditor, jordans_audit, small_template):
    stale = str(Audit.objects.get(pk=jordans_audit.pk).version)
    _post(auditor, jordans_audit, intent="save", **{_name(small_template, "Grade for practice"): "2"})
    page = client_for(auditor).post(reverse("caseaudits:audit", args=[jordans_audit.pk]), {
        "version": stale, "intent": "save", _name(small_template, "Grade for practice"): "4",
    }).content.decode()
    assert "Someone else changed this record" in page
    assert Answer.objects.get(audit=jordans_audit).grade == Grade.GOOD


def test_nobody_but_the_auditor_answers_and_outsiders_see_nothing(jordans_audit, small_template, pa, other_pa,
                                                                 south_pa, manager, outsider, head):
    url = reverse("caseaudits:audit", args=[jordans_audit.pk])
    for user in (outsider, other_pa, south_pa, pa, manager):  # before submission even the case's own staff
        assert client_for(user).get(url).status_code == 404
        assert _post(user, jordans_audit, **complete_answers(small_template)).status_code == 404
    # A head of service may read the round's audits but not answer someone else's.
    assert client_for(head).get(url).status_code == 200
    assert _post(head, jordans_audit, **complete_answers(small_template)).status_code == 403
    assert Audit.objects.get(pk=jordans_audit.pk).status == AuditStatus.ALLOCATED
