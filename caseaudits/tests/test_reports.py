"""The round report against hand-counted figures (caseaudits/tests/report_fixtures.py ANSWERS).

Eight audits are counted (one still being done and one withdrawn are left out). Percentages
are whole numbers with halves rounded up: 1 of 8 is 12.5%, shown as 13%.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from caseaudits import import_past
from caseaudits.models import Question
from caseaudits.reports import Pct, build_report, layout_for, percent
from caseaudits.tests.report_fixtures import audits_in_order, report_people, report_round, report_template  # noqa: F401
from conftest import client_for

pytestmark = pytest.mark.django_db


def rows_of(report, key: str) -> list[list[str]]:
    table = next(t for t in report.tables if t.key == key)
    return [[str(cell) for cell in row] for row in table.rows]


def table(report, key: str):
    return next(t for t in report.tables if t.key == key)


def test_percentages_are_whole_numbers_with_halves_rounded_up():
    assert [percent(1, 8), percent(3, 8), percent(5, 8), percent(1, 7), percent(1, 6), percent(0, 5)] == [13, 38, 63, 14, 17, 0]
    assert percent(0, 0) is None and str(Pct(None)) == "–" and str(Pct(57)) == "57%"


def test_only_finished_audits_are_counted_and_the_rest_are_said(report_round):
    report = build_report(report_round)
    assert (report.counted, report.not_finished, report.withdrawn) == (8, 1, 1)


def test_overall_judgements_use_final_grades_and_count_those_not_entered(report_round):
    report = build_report(report_round)
    assert table(report, "overall").headers == ["Overall judgement", "Audits", "% of all audits",
                                                "% of audits with a judgement"]
    # 1 Outstanding, 3 Good, 2 RI, 1 Inadequate, 1 marked not applicable: 8 audits, 7 with a judgement.
    assert rows_of(report, "overall") == [
        ["Outstanding", "1", "13%", "14%"],
        ["Good", "3", "38%", "43%"],
        ["Requires improvement to be good", "2", "25%", "29%"],
        ["Inadequate", "1", "13%", "14%"],
        ["Not entered", "1", "13%", "–"],
        ["Total", "8", "100%", "100%"],
    ]


def test_each_area_counts_grades_blanks_and_not_applicable_with_both_percentages(report_round):
    report = build_report(report_round)
    planning, recording = table(report, "area-1"), table(report, "area-2")
    assert (planning.title, recording.title) == ("Planning", "Recording")
    assert planning.headers == ["Grade", "Audits", "% of all audits", "% of audits with a rating"]
    # Planning: 1, 1, 2, 3, blank, 4, 2, blank -> 6 rated of 8.
    assert rows_of(report, "area-1") == [
        ["Outstanding", "2", "25%", "33%"],
        ["Good", "2", "25%", "33%"],
        ["Requires improvement to be good", "1", "13%", "17%"],
        ["Inadequate", "1", "13%", "17%"],
        ["Not applicable", "0", "0%", "–"],
        ["Not entered", "2", "25%", "–"],
        ["Total", "8", "100%", "100%"],
    ]
    # Recording: 2, 2, n/a, blank, 3, 4, blank, 2 -> 5 rated of 8.
    assert rows_of(report, "area-2") == [
        ["Outstanding", "0", "0%", "0%"],
        ["Good", "3", "38%", "60%"],
        ["Requires improvement to be good", "1", "13%", "20%"],
        ["Inadequate", "1", "13%", "20%"],
        ["Not applicable", "1", "13%", "–"],
        ["Not entered", "2", "25%", "–"],
        ["Total", "8", "100%", "100%"],
    ]


def test_indicators_read_yes_of_those_answered_with_partly_apart(report_round):
    report = build_report(report_round)
    assert table(report, "indicators-1").label == "Indicators: Planning"
    assert rows_of(report, "indicators-1") == [
        # yes, yes, yes, partly, no, no, yes, blank
        ["The plan is current", "4 of 7 (57%)", "4", "1", "2", "0", "1"],
        # yes, partly, no, no, blank, no, n/a, blank
        ["The plan's actions say who will do what by when", "1 of 5 (20%)", "1", "1", "3", "1", "2"],
    ]
    # yes, yes, n/a, blank, no, no, yes, blank
    assert rows_of(report, "indicators-2") == [["The chronology is up to date", "3 of 5 (60%)", "3", "0", "2", "1", "2"]]


def test_the_samples_profile_is_taken_at_the_audit_date(report_round):
    report = build_report(report_round)
    # In care from 13 to 17, now 18: former relevant. In care since 14 and 17 now: eligible.
    assert rows_of(report, "profile-category") == [
        ["Eligible", "1", "13%"], ["Former relevant", "1", "13%"], ["Not looked after", "6", "75%"]]
    assert rows_of(report, "profile-sex") == [["Female", "4", "50%"], ["Male", "3", "38%"],
                                              ["Unknown or not recorded", "1", "13%"]]
    assert rows_of(report, "profile-ethnicity") == [
        ["Asian or Asian British: Indian", "1", "13%"], ["Black or Black British: African", "2", "25%"],
        ["White: British", "5", "63%"]]
    # Ages on 23 November 2026: 18, 20, 22, 17, 17 (18 next week), 23, 19, 25.
    assert rows_of(report, "profile-age-band") == [
        ["16 to 17", "2", "25%"], ["18 to 20", "3", "38%"], ["21 to 24", "2", "25%"], ["25 and over", "1", "13%"]]


def test_strengths_are_collected_by_audit_number_not_name(report_round):
    report = build_report(report_round)
    audits = audits_in_order(report_round)
    assert [t.title for t in report.tables if t.section == "Strengths and areas for development"] == ["Strengths"]
    assert rows_of(report, "collected-1") == [
        [f"Audit {audits[0].pk}", "Plan written with the young person."],
        [f"Audit {audits[1].pk}", "Warm relationship with the adviser."],
        [f"Audit {audits[3].pk}", "Good joint work with the college."],
        [f"Audit {audits[6].pk}", "Health passport in place."],
    ]
    assert "Report" not in str(rows_of(report, "collected-1"))  # no family names


def test_evidence_beside_a_grade_is_not_collected_as_a_strength(report_template):
    layout = layout_for(Question.objects.filter(section__template_version=report_template).select_related("section"))
    assert [a.title for a in layout.areas] == ["Planning", "Recording"]
    assert [i.text for i in layout.collected] == ["What is working well?"]


EARLIER_CSV = """Child ID,Name,Date of birth,Sex,Ethnicity,Audit date,Planning,Recording,Overall judgement
RP001,,,,,2025-03-10,Good,Outstanding,Good
X900,Ann Example,2005-04-01,F,WBRI,2025-03-11,Requires improvement,,Requires improvement
X901,Ben Example,2006-07-09,M,,2025-03-12,,Good,
X902,Cal Example,2004-02-02,U,BAFR,12/03/2025,Inadequate,Inadequate,Good
"""


def test_earlier_rounds_of_the_same_template_are_compared(report_round, report_template, head):
    past = import_past.check_upload(acting_user=head, title="Spring 2025 audit", template_version=report_template,
                                    file_name="spring.csv", text=EARLIER_CSV)
    import_past.confirm_import(past, acting_user=head, expected_version=None)
    report = build_report(report_round)
    assert table(report, "compare-overall").headers == ["Overall judgement", "Spring 2025 audit (Mar 2025)",
                                                        "Winter audit (Nov 2026)"]
    assert rows_of(report, "compare-overall") == [
        ["Outstanding", "0 (0%)", "1 (14%)"],
        ["Good", "2 (67%)", "3 (43%)"],
        ["Requires improvement to be good", "1 (33%)", "2 (29%)"],
        ["Inadequate", "0 (0%)", "1 (14%)"],
        ["Not entered", "1", "1"],
        ["Audits", "4", "8"],
    ]
    # Good or better of those rated: planning 1 of 3 then 4 of 6; recording 2 of 3 then 3 of 5.
    assert rows_of(report, "compare-areas") == [["Planning", "33%", "67%"], ["Recording", "67%", "60%"]]


def test_an_imported_round_reports_like_any_other(report_template, head, report_people):
    past = import_past.check_upload(acting_user=head, title="Spring 2025 audit", template_version=report_template,
                                    file_name="spring.csv", text=EARLIER_CSV)
    report = build_report(import_past.confirm_import(past, acting_user=head, expected_version=None))
    assert report.imported and report.counted == 4
    assert rows_of(report, "overall")[1] == ["Good", "2", "50%", "67%"]
    assert rows_of(report, "area-1")[5] == ["Not entered", "1", "25%", "–"]
    # The linked young person's category on the audit date comes from the register (in care at 16 in March
    # 2025: eligible, though former relevant now); the others are not on the register, so not recorded.
    assert rows_of(report, "profile-category") == [["Eligible", "1", "25%"], ["Not recorded", "3", "75%"]]
    # Ages on the audit dates in March 2025: 16 (RP001), 19, 18, 21.
    assert rows_of(report, "profile-age-band") == [["16 to 17", "1", "25%"], ["18 to 20", "2", "50%"],
                                                   ["21 to 24", "1", "25%"]]
    assert rows_of(report, "profile-sex") == [["Female", "2", "50%"], ["Male", "1", "25%"],
                                              ["Unknown or not recorded", "1", "25%"]]
    assert not any(t.key == "moderation" for t in report.tables)


def test_the_report_reads_a_fixed_number_of_queries(report_round):
    with CaptureQueriesContext(connection) as queries:
        build_report(report_round)
    assert len(queries) <= 12


def test_the_report_page_labels_its_percentages(report_round, head):
    response = client_for(head).get(reverse("caseaudits:report", args=[report_round.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "% of audits with a rating" in page and "% of all audits" in page and "How to read the percentages" in page
    assert "4 of 7 (57%)" in page and 'class="lc-table-scroll"' in page


def test_only_those_who_run_rounds_see_a_report(report_round, pa, manager, outsider, auditor, admin_user):
    for user in (pa, manager, outsider):
        assert client_for(user).get(reverse("caseaudits:report", args=[report_round.pk])).status_code == 403
        assert client_for(user).get(reverse("caseaudits:report-export", args=[report_round.pk, "csv"])).status_code == 403
    for user in (auditor, admin_user):
        assert client_for(user).get(reverse("caseaudits:report", args=[report_round.pk])).status_code == 200
    assert client_for(None).get(reverse("caseaudits:report", args=[report_round.pk])).status_code == 302


def test_a_report_in_an_unknown_format_is_not_found(report_round, head):
    assert client_for(head).get(reverse("caseaudits:report-export", args=[report_round.pk, "docx"])).status_code == 404


def test_rounds_of_another_template_are_not_compared(report_round, small_template, head):
    other = import_past.check_upload(acting_user=head, title="Other template", template_version=small_template,
                                     file_name="other.csv", text="Child ID,Date of birth,Audit date,Overall judgement\n"
                                                                 "X1,2005-01-01,2025-01-01,Good\n")
    import_past.confirm_import(other, acting_user=head, expected_version=None)
    assert not build_report(report_round).compared
    assert dt.date(2025, 1, 1) < report_round.starts_on
