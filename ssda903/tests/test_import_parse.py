"""Reading SSDA903 CSV and XML files and checking every value (issue 5 §1)."""

from __future__ import annotations

import codecs
import io

import pytest

from ssda903 import spec
from ssda903.importing import Upload, check_return, read_return
from ssda903.parse import Problem, Problems
from ssda903.tests import test_import_data as data


def read(uploads: list[Upload], year: spec.CollectionYear = data.YEAR):
    problems = Problems()
    found = read_return(uploads, year, problems)
    check_return(found, problems)
    return found, problems.kept


def one_problem(uploads: list[Upload], year: spec.CollectionYear = data.YEAR) -> Problem:
    _, problems = read(uploads, year)
    assert len(problems) == 1, problems
    return problems[0]


def rows(found) -> dict[str, list]:
    return {
        "Header": [r for r, _ in found.header.values()],
        "Episodes": [r for child in found.episodes.values() for r, _ in child],
        "UASC": [r for r, _ in found.uasc.values()],
        "OC3": [r for r, _ in found.oc3.values()],
    }


def test_csv_and_xml_of_the_same_return_give_the_same_typed_rows(db):
    from_csv, csv_problems = read(data.csv_uploads())
    from_xml, xml_problems = read(data.xml_upload())
    assert csv_problems == xml_problems == []
    assert rows(from_csv) == rows(from_xml)
    assert [len(v) for v in rows(from_csv).values()] == [3, 3, 1, 1]
    episode = rows(from_csv)["Episodes"][1]
    assert (episode.PLACE, episode.DEC.isoformat(), episode.REC, episode.URN) == ("K2", "2025-06-14", "E5", "SC123456")


def test_a_spreadsheets_byte_order_mark_blank_lines_spaces_and_lower_case_codes_are_read(db):
    messy = "CHILD , SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n\r\nA1001 ,f, 14/06/2007 ,wbri,,,\r\n,,,,,,\r\n"
    uploads = [Upload("header.csv", lambda: io.BytesIO(codecs.BOM_UTF8 + messy.encode()))]
    found, problems = read(uploads)
    assert problems == []
    head = found.header["A1001"][0]
    assert (head.CHILD, head.SEX, head.ETHNIC, head.DOB.isoformat()) == ("A1001", "F", "WBRI", "2007-06-14")


def test_the_table_is_recognised_by_its_column_names_in_any_order(db):
    reordered = "DOB,CHILD,ACCOM,ACTIV,IN_TOUCH\n02/02/2006,A1002,U1,F2,YES\n"
    found, problems = read(data.csv_uploads(oc3=reordered))
    assert problems == []
    assert found.oc3["A1002"][0].ACCOM == "U1"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST",
         "The columns look like the Episodes table, but with missing column URN"),
        ("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM,NOTES",
         "The columns look like the OC3 table, but with unexpected column NOTES"),
        ("NAME,ADDRESS", "The first row must be the SSDA903 column names, for example CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"),
    ],
)
def test_wrong_or_missing_columns_are_named(db, header, message):
    problem = one_problem(data.csv_uploads(oc3=header + "\n"))
    assert (problem.file, problem.row, problem.message) == ("oc3.csv", "line 1", message)


def test_a_utf16_file_is_refused_with_how_to_save_it(db):
    uploads = [*data.csv_uploads(oc3=None), Upload("oc3.csv", lambda: io.BytesIO(data.OC3.encode("utf-16")))]
    problem = one_problem(uploads)
    assert (problem.file, problem.message) == ("oc3.csv", "The file is saved as UTF-16: save it as CSV UTF-8 and upload it again")


@pytest.mark.parametrize(
    ("line", "field", "value", "message"),
    [
        ("A1001,F,2007-06-14,WBRI,,,", "DOB", "2007-06-14", "Date of birth must be a date in the format DD/MM/YYYY, like 01/04/2025"),
        ("A1001,F,31/02/2007,WBRI,,,", "DOB", "31/02/2007", "Date of birth must be a real date"),
        ("A1001,F,01/01/2027,WBRI,,,", "DOB", "01/01/2027", "Date of birth must be today or in the past"),
        ("A1001,X,14/06/2007,WBRI,,,", "SEX", "X", "Sex must be one of F, M, U"),
        ("A1001,F,14/06/2007,ZZZZ,,,", "ETHNIC", "ZZZZ", "Ethnicity must be a code from the DfE SSDA903 list for ETHNIC"),
        ("A1001,,14/06/2007,WBRI,,,", "SEX", "", "Enter the sex"),
        ("A1001,F,14/06/2007,WBRI,A12345678901234,,", "UPN", "A12345678901234", "Unique pupil number must be 13 characters or fewer"),
        ("A-1001,F,14/06/2007,WBRI,,,", "CHILD", "A-1001", "Child ID must contain only letters and numbers"),
        ("A1001,F,14/06/2007,WBRI,,", "", "A1001,F,14/06/2007,WBRI,,", "The line has 6 values but the file has 7 columns"),
    ],
)
def test_each_bad_value_is_named_by_file_line_field_and_value(db, line, field, value, message):
    header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + line + "\n"
    problem = one_problem([Upload("header.csv", lambda: io.BytesIO(header.encode()))])
    assert problem == Problem("header.csv", "line 2", field, value, message)


def _episodes(*lines: str) -> str:
    return data.EPISODES.splitlines()[0] + "\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("episode", "field", "message"),
    [
        ("A1003,03/03/2024,S,V2,N4,U6,PR1,03/03/2024,E4A,,,,", "DEC", "End date must be after the start date"),
        ("A1003,03/03/2024,S,V2,N4,U6,PR1,05/05/2025,,,,,", "REC",
         "Enter the reason the episode ceased, as the episode has an end date"),
        ("A1003,03/03/2024,S,V2,N4,U6,PR1,,E4A,,,,", "REC",
         "Reason episode ceased must be blank while the episode has no end date"),
        ("A1003,03/03/2024,S,V2,N4,U6,PR1,01/02/2025,E4A,,,,", "DEC",
         "End date is before the 2025 to 2026 collection year starts (1 April 2025): check you chose the right collection year"),
        ("A1003,01/01/2009,S,V2,N4,U6,PR1,,,,,,", "DECOM", "Start date must be on or after the date of birth"),
        ("A1009,03/03/2024,S,V2,N4,U6,PR1,,,,,,", "CHILD", "Child ID A1009 is not in the Header: every child must have a Header row"),
    ],
)
def test_episode_rules_across_fields_name_the_row_and_field(db, episode, field, message):
    problem = one_problem(data.csv_uploads(episodes=_episodes(episode)))
    assert (problem.file, problem.row, problem.field, problem.message) == ("episodes.csv", "line 2", field, message)


def test_an_episode_ending_after_the_collection_year_is_refused(db):
    problem = one_problem(data.csv_uploads(episodes=_episodes("A1003,03/03/2024,S,V2,N4,U6,PR1,01/11/2026,E4A,,,,")),
                          spec.CollectionYear(2026))
    assert problem.message.startswith("End date must be on or before the end of the 2025 to 2026 collection year")


def test_children_across_tables_must_match_the_header(db):
    _, problems = read(data.csv_uploads(
        oc3="CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1002,03/02/2006,YES,F2,U1\nA1002,02/02/2006,NO,0,0\n",
        uasc="CHILD,SEX,DOB,DUC\nA1002,F,02/02/2006,\n",
    ))
    assert [(p.file, p.row, p.field, p.message) for p in problems] == [
        ("oc3.csv", "line 3", "CHILD", "Child ID A1002 appears more than once in the OC3 table (first at line 2)"),
        ("uasc.csv", "line 2", "SEX", "Sex must be the same as in the Header (M)"),
        ("oc3.csv", "line 2", "DOB", "Date of birth must be the same as in the Header (02/02/2006)"),
    ]


def test_oc3_items_are_all_given_or_all_blank(db):
    problem = one_problem(data.csv_uploads(oc3="CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA1002,02/02/2006,YES,,U1\n"))
    assert (problem.field, problem.message) == ("ACTIV", "In touch, main activity and accommodation must all be given, or all be blank")


def test_a_return_needs_its_header_and_one_file_per_table(db):
    problem = one_problem(data.csv_uploads(header=None))
    assert problem.message == "Add the Header file: every SSDA903 return has one, listing each child"
    twice = [*data.csv_uploads(), Upload("oc3 again.csv", lambda: io.BytesIO(data.OC3.encode()))]
    problem = one_problem(twice)
    assert (problem.file, problem.message) == ("oc3 again.csv", "This is a second OC3 file (the first is oc3.csv): upload one file per table")


def test_tables_the_service_does_not_keep_are_recognised_and_skipped(db):
    reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\nA1001,14/06/2007,01/05/2025,PN1\n"
    found, problems = read([*data.csv_uploads(), Upload("reviews.csv", lambda: io.BytesIO(reviews.encode()))])
    assert problems == []
    assert found.skipped == [("reviews.csv", "Reviews")]


def test_xml_problems_name_the_child_episode_and_element(db):
    content = data.as_xml().replace(b"<PL>K2</PL>", b"<PL>K9</PL>").replace(b"<SEX>M</SEX>", b"<SEX>Q</SEX>", 1)
    _, problems = read(data.xml_upload(content))
    assert problems == [
        Problem("return.xml", "child 1 (CHILDID A1001), episode 2", "PL", "K9",
                "Placement type must be a code from the DfE SSDA903 list for PLACE"),
        Problem("return.xml", "child 2 (CHILDID A1002)", "SEX", "Q", "Sex must be one of F, M, U"),
    ]


def test_an_xml_file_with_a_namespace_is_read_the_same(db):
    content = data.as_xml().replace(b"<EXPSSDA903>", b'<EXPSSDA903 xmlns="urn:example:ssda903">')
    from_namespaced, problems = read(data.xml_upload(content))
    assert problems == []
    assert rows(from_namespaced) == rows(read(data.csv_uploads())[0])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<EXPSSDA903></EXPSSDA903>", "The files hold no children: check you chose the right files"),
        (b"<EXPSSDA903><CHILD><HEADER></CHILD>", "The XML is not well formed (mismatched tag)"),
        (b"<RETURN><CHILD/></RETURN>", "The XML file must start with <EXPSSDA903>, not <RETURN>"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><EXPSSDA903/>',
         "The XML file must not contain a document type declaration (DOCTYPE)"),
    ],
)
def test_an_unreadable_xml_file_is_refused_with_why(db, content, message):
    problem = one_problem(data.xml_upload(content))
    assert (problem.file, problem.message) == ("return.xml", message)


def test_every_problem_in_a_file_is_listed_not_just_the_first(db):
    lines = [f"B{n:04d},F,14/06/2007,WBRI,,,BAD" for n in range(250)]
    header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + "\n".join(lines)
    _, problems = read([Upload("header.csv", lambda: io.BytesIO(header.encode()))])
    assert len(problems) == 250
    assert problems[-1].row == "line 251" and problems[-1].field == "MC_DOB"
