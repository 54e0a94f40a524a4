"""Templates: the shipped themed audit, the builder, publishing, and versions that audits keep."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from caseaudits.models import Question, QuestionKind, Section, Template, TemplateVersion, VersionStatus
from caseaudits.tests.conftest import open_audit
from caseaudits.themed_template import AREAS, load_audit_templates
from conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_themed_leaving_care_template_is_loaded_once_and_published(capsys):
    call_command("load_audit_templates")
    call_command("load_audit_templates")
    assert "already loaded" in capsys.readouterr().out
    template = Template.objects.get(key="leaving-care-themed")
    version = template.versions.get()
    assert version.status == VersionStatus.PUBLISHED
    sections = list(version.sections.order_by("order"))
    titles = [s.title for s in sections]
    assert titles[:7] == [
        "Referral, assessment, planning and review", "Joint working", "Engagement with the young person and family",
        "Equalities", "Outcomes", "Management oversight", "Recording",
    ]
    assert titles[7:] == ["Strengths", "Areas for development", "Overall judgement"]
    for section, (_, _, indicators) in zip(sections, AREAS):
        questions = list(section.questions.order_by("order"))
        assert section.guidance.startswith("Lines of enquiry:")
        assert [q.text for q in questions if q.kind == QuestionKind.YES_PARTLY_NO] == list(indicators)
        graded = [q for q in questions if q.kind == QuestionKind.GRADE]
        assert len(graded) == 1 and graded[0].required
    overall = Question.objects.get(section__template_version=version, is_overall_judgement=True)
    assert overall.text == "Overall judgement of the file" and overall.kind == QuestionKind.GRADE
    assert load_audit_templates() == []


def _post(user, url_name, *args, **data):
    return client_for(user).post(reverse(f"caseaudits:{url_name}", args=args), data)


def test_an_administrator_builds_reorders_and_publishes_a_template(admin_user):
    response = _post(admin_user, "template-new", name="Staying put audit", description="")
    version = TemplateVersion.objects.get(template__name="Staying put audit")
    assert response["Location"] == reverse("caseaudits:version", args=[version.pk])
    _post(admin_user, "section-new", version.pk, title="Arrangements", guidance="Is there a staying put agreement?")
    _post(admin_user, "section-new", version.pk, title="Money")
    arrangements, money = version.sections.order_by("order")
    _post(admin_user, "question-new", arrangements.pk, text="Agreement on file", kind="yes_partly_no", required="on")
    _post(admin_user, "question-new", arrangements.pk, text="Grade", kind="grade", required="on",
          is_overall_judgement="on")
    _post(admin_user, "section-move", money.pk, direction="up")
    assert [s.title for s in version.sections.order_by("order")] == ["Money", "Arrangements"]
    page = _post(admin_user, "version-publish", version.pk, version=version.version).content.decode()
    assert "Add a question to the section Money" in page  # an empty section stops publishing
    _post(admin_user, "section-remove", money.pk)
    _post(admin_user, "version-publish", version.pk, version=TemplateVersion.objects.get(pk=version.pk).version)
    version.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED and version.published_by == admin_user
    assert AuditEvent.objects.filter(action="caseaudits.publish_version", object_id=str(version.pk)).exists()


def test_a_template_has_one_overall_judgement_and_it_is_a_grade(admin_user):
    _post(admin_user, "template-new", name="Checks")
    version = TemplateVersion.objects.get(template__name="Checks")
    _post(admin_user, "section-new", version.pk, title="All")
    section = version.sections.get()
    page = _post(admin_user, "question-new", section.pk, text="Text overall", kind="free_text",
                 is_overall_judgement="on").content.decode()
    assert "The overall judgement must be a grade question" in page
    _post(admin_user, "question-new", section.pk, text="First overall", kind="grade", is_overall_judgement="on")
    page = _post(admin_user, "question-new", section.pk, text="Second overall", kind="grade",
                 is_overall_judgement="on").content.decode()
    assert "This version already has an overall judgement (First overall)" in page
    assert list(section.questions.values_list("text", flat=True)) == ["First overall"]


def test_a_published_version_is_frozen_and_changing_it_starts_a_new_draft(admin_user, small_template):
    section = small_template.sections.first()
    page = _post(admin_user, "section-new", small_template.pk, title="Late addition").content.decode()
    assert "cannot be changed: start a new draft" in page
    assert small_template.sections.count() == 2
    response = _post(admin_user, "version-new-draft", small_template.pk)
    draft = TemplateVersion.objects.get(template=small_template.template, number=2)
    assert response["Location"] == reverse("caseaudits:version", args=[draft.pk])
    assert draft.status == VersionStatus.DRAFT and draft.based_on == small_template
    copied = {q.key: q.text for q in Question.objects.filter(section__template_version=draft)}
    original = {q.key: q.text for q in Question.objects.filter(section__template_version=small_template)}
    assert copied == original  # the same questions, known by the same keys across versions
    # Asking again returns the same draft rather than a third version.
    _post(admin_user, "version-new-draft", small_template.pk)
    assert small_template.template.versions.count() == 2
    draft_section = draft.sections.get(title=section.title)
    _post(admin_user, "section-edit", draft_section.pk, title="Practice and planning", guidance="", version=1)
    assert Section.objects.get(pk=draft_section.pk).title == "Practice and planning"
    assert Section.objects.get(pk=section.pk).title == "Practice"


def test_an_audit_keeps_the_version_it_was_done_with(admin_user, auditor, small_template, jordan):
    audit = open_audit(auditor, small_template, jordan, auditor)
    draft = TemplateVersion.objects.get(pk=small_template.pk)
    _post(admin_user, "version-new-draft", draft.pk)
    new = TemplateVersion.objects.get(template=small_template.template, number=2)
    _post(admin_user, "question-new", new.sections.first().pk, text="New question", kind="free_text")
    _post(admin_user, "version-publish", new.pk, version=new.version)
    assert TemplateVersion.objects.get(pk=small_template.pk).status == VersionStatus.SUPERSEDED
    page = client_for(auditor).get(reverse("caseaudits:audit", args=[audit.pk])).content.decode()
    assert "Grade for practice" in page and "New question" not in page


def test_only_administrators_change_templates(small_template, head, auditor, manager, pa, outsider):
    section = small_template.sections.first()
    for user in (head, auditor, manager, pa, outsider):
        assert _post(user, "template-new", name="Mine").status_code == 403
        assert _post(user, "version-new-draft", small_template.pk).status_code == 403
        assert _post(user, "section-move", section.pk, direction="down").status_code == 403
    assert not Template.objects.filter(name="Mine").exists()
    # Those who run rounds can read templates; others cannot.
    assert client_for(auditor).get(reverse("caseaudits:version", args=[small_template.pk])).status_code == 200
    for user in (manager, pa, outsider):
        assert client_for(user).get(reverse("caseaudits:templates")).status_code == 403
