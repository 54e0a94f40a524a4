"""The report's files open and hold the page's figures: XLSX (openpyxl), CSV and PDF (pypdf text)."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from caseaudits.report_exports import csv_bytes
from caseaudits.reports import Table, build_report
from caseaudits.tests.report_fixtures import report_people, report_round, report_template  # noqa: F401
from conftest import client_for

pytestmark = pytest.mark.django_db


def _get(head, report_round, kind):
    response = client_for(head).get(reverse("caseaudits:report-export", args=[report_round.pk, kind]))
    assert response.status_code == 200
    assert f'filename="audit-report-winter-audit.{kind}"' in response["Content-Disposition"]
    return response


def test_the_spreadsheet_has_a_sheet_per_part_with_numbers_and_percentages(report_round, head):
    book = load_workbook(io.BytesIO(_get(head, report_round, "xlsx").content))
    assert book.sheetnames == ["Overall judgements", "Moderation", "Areas", "Indicators", "The sample",
                               "Strengths and areas for develop"]
    rows = [list(r) for r in book["Overall judgements"].iter_rows(values_only=True)]
    assert ["Overall judgement", "Audits", "% of all audits", "% of audits with a judgement"] in [r[:4] for r in rows]
    good = next(r for r in rows if r[0] == "Good")
    assert good[:4] == ["Good", 3, 0.38, 0.43]
    not_entered = next(r for r in rows if r[0] == "Not entered")
    assert not_entered[:4] == ["Not entered", 1, 0.13, None]  # no "% with a judgement" for those without one
    indicators = [list(r) for r in book["Indicators"].iter_rows(values_only=True)]
    assert ["The plan is current", "4 of 7 (57%)", 4, 1, 2, 0, 1] in [r[:7] for r in indicators]


def test_the_csv_stacks_every_table_under_its_title(report_round, head):
    response = _get(head, report_round, "csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Winter audit, Report audit, version 1"]
    assert rows[1] == ["8 audits counted (submitted or moderated)."]
    assert rows[2] == ["Left out: 1 not yet submitted, 1 withdrawn from the sample."]
    start = rows.index(["Areas: Recording"])
    assert rows[start + 1] == ["Grade", "Audits", "% of all audits", "% of audits with a rating"]
    assert rows[start + 2: start + 9] == [
        ["Outstanding", "0", "0", "0"], ["Good", "3", "38", "60"], ["Requires improvement to be good", "1", "13", "20"],
        ["Inadequate", "1", "13", "20"], ["Not applicable", "1", "13", ""], ["Not entered", "2", "25", ""],
        ["Total", "8", "100", "100"]]


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(report_round):
    report = build_report(report_round)
    report.tables.append(Table("x", "Strengths and areas for development", "Strengths", ["Audit", "Text"],
                               [["Audit 1", "=HYPERLINK(\"http://example.com\")"]]))
    assert "'=HYPERLINK" in csv_bytes(report)


def test_the_pdf_is_a_real_document_for_a_board(report_round, head):
    response = _get(head, report_round, "pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Case-file audit report" in text and "Winter audit" in text
    assert "Overall judgements" in text and "4 of 7 (57%)" in text and "Warm relationship with the adviser." in text
    assert "Report2" not in text  # by audit number, not by name
