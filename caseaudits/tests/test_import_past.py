"""Importing past results from CSV: all or nothing, every problem named by row, column and value,
a preview before confirming, and a closed round that reports read like any other."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from caseaudits import import_past
from caseaudits.models import AuditRound, Question, RoundStatus
from caseaudits.report_models import ImportedAudit, ImportStatus, PastAuditImport
from caseaudits.tests.report_fixtures import report_template  # noqa: F401
from conftest import client_for

pytestmark = pytest.mark.django_db

HEADER = "Child ID,Name,Date of birth,Sex,Ethnicity,Audit date,Planning,Recording,Overall judgement\n"
GOOD_FILE = HEADER + (
    "JR001,Jordan Reed,,,,2025-03-10,Good,Outstanding,Good\n"
    "X900,Ann Example,2005-04-01,F,WBRI,14/03/2025,requires improvement,,Requires improvement to be good\n"
    "X901,,2006-07-09,Male,,2025-03-12,,2,\n"
)


def _check(user, template, text, title="Spring 2025 audit"):
    return import_past.check_upload(acting_user=user, title=title, template_version=template, file_name="past.csv",
                                    text=text)


def test_a_good_file_is_checked_then_imported_as_a_closed_round(head, report_template, jordan):
    past = _check(head, report_template, GOOD_FILE)
    assert past.status == ImportStatus.CHECKED and past.row_count == 3 and not AuditRound.objects.exists()
    audit_round = import_past.confirm_import(past, acting_user=head, expected_version=past.version)
    assert audit_round.status == RoundStatus.CLOSED and audit_round.past_import == past
    assert (audit_round.starts_on.isoformat(), audit_round.due_on.isoformat()) == ("2025-03-10", "2025-03-14")
    keys = {q.section.title: q.key for q in Question.objects.filter(section__template_version=report_template,
                                                                     kind="grade", is_overall_judgement=False)}
    rows = {r.child_id: r for r in ImportedAudit.objects.filter(audit_round=audit_round)}
    # On the register: linked, and the blank details come from the record.
    assert rows["JR001"].young_person == jordan
    assert (rows["JR001"].date_of_birth, rows["JR001"].sex, rows["JR001"].ethnicity) == (jordan.date_of_birth, "F", "WBRI")
    assert rows["JR001"].area_grades == {keys["Planning"]: 2, keys["Recording"]: 1}
    # Not on the register: kept as the file gives it, without a link. Blanks are not entered.
    assert rows["X900"].young_person is None and rows["X900"].name == "Ann Example"
    assert rows["X900"].area_grades == {keys["Planning"]: 3} and rows["X900"].overall_grade == 3
    assert rows["X901"].sex == "M" and rows["X901"].overall_grade is None
    assert rows["X901"].area_grades == {keys["Recording"]: 2}
    with pytest.raises(Exception, match="imported: it cannot be imported"):
        import_past.confirm_import(PastAuditImport.objects.get(pk=past.pk), acting_user=head, expected_version=None)
    assert ImportedAudit.objects.count() == 3


BAD_FILE = HEADER + (
    "JR001,Jordan Reed,2008-05-04,,,2025-03-10,Good,,Good\n"
    "X900,Ann Example,,F,WBRI,31/02/2025,Very good,,Good\n"
    "X901,Ben Example,2006-07-09,Q,WHITE,2030-01-01,,,Good\n"
    "X900,Ann Again,2005-04-01,F,WBRI,2025-03-12,,,Inadequate\n"
    ",No Id,2005-04-01,,,2025-03-12,,,Good,extra\n"
)


def test_any_bad_row_refuses_the_whole_file_and_names_every_problem(head, report_template, jordan):
    past = _check(head, report_template, BAD_FILE)
    assert past.status == ImportStatus.REFUSED and past.content == ""
    assert not AuditRound.objects.exists() and not ImportedAudit.objects.exists()
    assert [(p["row"], p["column"], p["value"]) for p in past.problems] == [
        (2, "Date of birth", "2008-05-04"),
        (3, "Audit date", "31/02/2025"),
        (3, "Date of birth", ""),
        (3, "Planning", "Very good"),
        (4, "Audit date", "2030-01-01"),
        (4, "Sex", "Q"),
        (4, "Ethnicity", "WHITE"),
        (5, "Child ID", "X900"),
        (6, "", "extra"),
    ]
    problems = {(p["row"], p["column"]): p["problem"] for p in past.problems}
    assert problems[(2, "Date of birth")] == ("Date of birth does not match the register for JR001, 3 May 2008: "
                                              "check the child ID")
    assert problems[(3, "Audit date")] == "Audit date must be a real date, written as 2025-03-14 or 14/03/2025"
    assert problems[(3, "Date of birth")] == "Enter the date of birth"
    assert problems[(3, "Planning")].startswith("Planning must be Outstanding, Good, Requires improvement or Inadequate")
    assert problems[(4, "Audit date")] == "Audit date must be today or in the past"
    assert problems[(5, "Child ID")].startswith("Child ID X900 is also on row 3")


def test_the_header_must_name_known_columns_once(head, report_template):
    past = _check(head, report_template, "Child ID,Audit date,Planing,Audit date\nX1,2025-01-01,Good,2025-01-01\n")
    assert [(p["row"], p["column"], p["problem"]) for p in past.problems] == [
        (1, "Planing", "Unknown column: use the columns in docs/case-audits.md, with each area titled as in the template"),
        (1, "Audit date", "The “Audit date” column appears more than once"),
        (1, "Date of birth", "The file needs a column headed “Date of birth”"),
        (1, "Overall judgement", "The file needs a column headed “Overall judgement”"),
    ]
    assert _check(head, report_template, HEADER).problems[0]["problem"] == "The file has no rows of audits under its header"


def test_a_missing_area_column_counts_as_not_entered_and_is_warned_about(head, report_template):
    past = _check(head, report_template, "child id,Date of birth,Audit date,overall  judgement\nX1,2005-01-01,2025-01-01,Good\n")
    assert past.status == ImportStatus.CHECKED
    page = client_for(head).get(reverse("caseaudits:past-import", args=[past.pk])).content.decode()
    assert "The file has no column for Planning, Recording" in page and "Import 1 audits" in page


def _upload(client, template, content: bytes, title="Spring 2025 audit"):
    return client.post(reverse("caseaudits:past-import-new"), {
        "title": title, "template_version": str(template.pk), "file": SimpleUploadedFile("past.csv", content),
    })


def test_the_pages_check_preview_confirm_and_offer_the_problems_as_csv(head, report_template, jordan):
    client = client_for(head)
    response = _upload(client, report_template, GOOD_FILE.encode("utf-8-sig"))
    past = PastAuditImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("caseaudits:past-import", args=[past.pk])
    page = client.get(response["Location"]).content.decode()
    assert "1 are of young people on the register" in page and "Import 3 audits" in page
    done = client.post(reverse("caseaudits:past-import-confirm", args=[past.pk]), {"version": str(past.version)})
    audit_round = AuditRound.objects.get()
    assert done["Location"] == reverse("caseaudits:report", args=[audit_round.pk])
    assert "3 audits counted" in client.get(done["Location"]).content.decode()

    _upload(client, report_template, BAD_FILE.encode())
    refused = PastAuditImport.objects.get(status=ImportStatus.REFUSED)
    page = client.get(reverse("caseaudits:past-import", args=[refused.pk])).content.decode()
    assert "The file was not imported" in page and "31/02/2025" in page
    download = client.get(reverse("caseaudits:past-import-problems", args=[refused.pk]))
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["Row", "Column", "Value", "Problem"] and len(rows) == 10 and rows[1][:3] == ["2", "Date of birth", "2008-05-04"]
    assert client.post(reverse("caseaudits:past-import-confirm", args=[refused.pk]), {}).status_code == 200
    assert AuditRound.objects.count() == 1


def test_a_file_that_is_not_utf8_or_has_no_title_is_refused_at_upload(head, report_template):
    client = client_for(head)
    assert "saved as UTF-8" in _upload(client, report_template, "Child ID\nCôté\n".encode("latin-1")).content.decode()
    assert "Enter the name of the past round" in _upload(client, report_template, b"x", title="").content.decode()
    assert not PastAuditImport.objects.exists()


def test_only_those_who_run_rounds_import(head, report_template, pa, manager, outsider):
    past = _check(head, report_template, GOOD_FILE)
    for user in (pa, manager, outsider):
        client = client_for(user)
        assert client.get(reverse("caseaudits:past-imports")).status_code == 403
        assert _upload(client, report_template, GOOD_FILE.encode()).status_code == 403
        assert client.get(reverse("caseaudits:past-import", args=[past.pk])).status_code == 403
        assert client.post(reverse("caseaudits:past-import-confirm", args=[past.pk]), {}).status_code == 403
    assert PastAuditImport.objects.count() == 1 and not AuditRound.objects.exists()


DOCUMENTED_EXAMPLE = """Child ID,Name,Date of birth,Sex,Ethnicity,Audit date,"Referral, assessment, planning and review",Joint working,Overall judgement
JR001,,,,,2025-03-10,Good,Requires improvement,Good
HIST001,Casey Ardent,2004-02-11,F,WBRI,11/03/2025,Inadequate,,Requires improvement
HIST002,Rowan Ellery,2003-09-30,M,BCRB,2025-03-12,,Good,
"""


def test_the_example_in_the_docs_imports_against_the_shipped_template(head, jordan):
    from caseaudits.models import Template
    from caseaudits.themed_template import THEMED_LEAVING_CARE, load_audit_templates

    load_audit_templates()
    version = Template.objects.get(key=THEMED_LEAVING_CARE["key"]).versions.get(status="published")
    past = _check(head, version, DOCUMENTED_EXAMPLE)
    assert past.status == ImportStatus.CHECKED and past.row_count == 3
    checked = import_past.check_file(past.content, version, past.uploaded_at.date())
    assert len(checked.missing_areas) == 5 and [r.young_person_id for r in checked.rows] == [jordan.pk, None, None]


def test_a_checked_file_the_register_has_since_contradicted_is_not_imported(head, report_template, jordan):
    past = _check(head, report_template, GOOD_FILE.replace("JR001,Jordan Reed,,", "JR001,Jordan Reed,2008-05-03,"))
    type(jordan).objects.filter(pk=jordan.pk).update(date_of_birth="2008-05-04")
    page = client_for(head).get(reverse("caseaudits:past-import", args=[past.pk])).content.decode()
    assert "the register has changed since it was checked" in page and "Import 3 audits" not in page
    with pytest.raises(Exception, match="no longer passes its checks"):
        import_past.confirm_import(past, acting_user=head, expected_version=None)
    assert not AuditRound.objects.exists() and not ImportedAudit.objects.exists()
