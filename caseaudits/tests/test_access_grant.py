"""An auditor from another team reads the young person's record for the length of the audit:
granted, logged, read-only, and ended after submission or when the round closes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from audit.models import AccessLog, AuditEvent
from caseaudits import actions
from caseaudits.grants import ACCESS_DAYS_AFTER_SUBMISSION
from caseaudits.models import AccessGrant, Audit
from caseaudits.tests.conftest import TODAY, complete_answers, open_audit
from conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def omars_audit(auditor, other_manager, small_template, jordan) -> Audit:
    """Omar manages South; Jordan is North's. Omar would not otherwise see Jordan's record."""
    return open_audit(auditor, small_template, jordan, other_manager)


def _record(user, young_person, name="people:detail"):
    return client_for(user).get(reverse(name, args=[young_person.pk]))


def test_without_an_audit_another_teams_manager_cannot_see_the_record(other_manager, jordan):
    assert _record(other_manager, jordan).status_code == 404


def test_allocation_grants_read_only_access_that_is_logged(omars_audit, other_manager, jordan, south_pa):
    grant = AccessGrant.objects.get(user=other_manager, young_person=jordan)
    assert grant.starts_on == TODAY and grant.ends_on is None and grant.audit == omars_audit
    assert AuditEvent.objects.filter(action="caseaudits.grant_access", young_person=jordan).exists()
    for page in ("people:detail", "people:care-history", "casework:workers", "contacts:chronology"):
        assert _record(other_manager, jordan, page).status_code == 200, page
    assert AccessLog.objects.filter(user=other_manager, young_person=jordan).count() == 4
    # Read-only: the forms that change the record refuse.
    assert _record(other_manager, jordan, "people:edit").status_code == 403
    assert _record(other_manager, jordan, "people:allocate").status_code == 403
    # The grant is Omar's alone, and opens the record, not the lists.
    assert _record(south_pa, jordan).status_code == 404
    register = client_for(other_manager).get(reverse("people:register")).content.decode()
    assert "Jordan" not in register


def test_the_audit_page_shows_the_granted_record_and_logs_the_view(omars_audit, other_manager, jordan):
    page = client_for(other_manager).get(reverse("caseaudits:audit", args=[omars_audit.pk])).content.decode()
    assert "Jordan Reed's record" in page
    assert AccessLog.objects.filter(user=other_manager, young_person=jordan,
                                    path=reverse("caseaudits:audit", args=[omars_audit.pk])).exists()


def test_access_ends_some_days_after_submission(omars_audit, other_manager, small_template, jordan, time_machine):
    client_for(other_manager).post(reverse("caseaudits:audit", args=[omars_audit.pk]), {
        "version": str(omars_audit.version), "intent": "submit", **complete_answers(small_template)})
    grant = AccessGrant.objects.get(user=other_manager, young_person=jordan)
    assert grant.ends_on == TODAY + dt.timedelta(days=ACCESS_DAYS_AFTER_SUBMISSION)
    assert _record(other_manager, jordan).status_code == 200
    time_machine.move_to(dt.datetime(2026, 12, 6, 12, 0), tick=False)  # the last day with access
    assert _record(other_manager, jordan).status_code == 200
    time_machine.move_to(dt.datetime(2026, 12, 7, 12, 0), tick=False)
    assert _record(other_manager, jordan).status_code == 404
    # The findings stay readable to the auditor; only the record closes.
    assert client_for(other_manager).get(reverse("caseaudits:audit", args=[omars_audit.pk])).status_code == 200


def test_closing_the_round_ends_every_auditors_access(omars_audit, auditor, other_manager, small_template, jordan):
    page = client_for(auditor).post(reverse("caseaudits:close", args=[omars_audit.round_id]),
                                    {"version": str(omars_audit.round.version)}).content.decode()
    assert "1 file has not been audited: submit or withdraw them before closing the round" in page
    actions.save_answers(omars_audit, acting_user=other_manager, expected_version=None, submit=True,
                         answers=_answers(small_template))
    round_version = Audit.objects.get(pk=omars_audit.pk).round.version
    response = client_for(auditor).post(reverse("caseaudits:close", args=[omars_audit.round_id]),
                                        {"version": str(round_version)})
    assert response.status_code == 302
    assert AccessGrant.objects.get(user=other_manager).ends_on == TODAY
    assert _record(other_manager, jordan).status_code == 404


def test_withdrawing_a_file_needs_a_reason_and_ends_the_access(omars_audit, auditor, other_manager, jordan):
    page = client_for(auditor).post(reverse("caseaudits:withdraw", args=[omars_audit.pk]),
                                    {"version": str(omars_audit.version), "reason": " "}).content.decode()
    assert "Enter why this file is being withdrawn from the sample" in page
    assert _record(other_manager, jordan).status_code == 200
    response = client_for(auditor).post(reverse("caseaudits:withdraw", args=[omars_audit.pk]),
                                        {"version": str(omars_audit.version), "reason": "Case transferred out."})
    assert response.status_code == 302
    assert Audit.objects.get(pk=omars_audit.pk).status == "withdrawn"
    assert _record(other_manager, jordan).status_code == 404


def _answers(version):
    from caseaudits.answers import AnswersForm
    from caseaudits.models import Question

    questions = list(Question.objects.filter(section__template_version=version))
    form = AnswersForm({**complete_answers(version), "version": ""}, questions=questions)
    assert form.is_valid()
    return form.answers()
