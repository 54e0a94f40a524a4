"""The care leaver return's files: who is in them, what each row says, and stable bytes
(ssda903-care-leavers.md §2, §7; ssda903/spec.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from compliance.ssda903 import CollectionYear
from people.models import CareEpisode
from ssda903.derive import derive_return
from ssda903.export import previous_year_files, return_files
from ssda903.tests.return_cases import YEAR_END, care_leaver

YEAR = CollectionYear(YEAR_END)


def rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


@pytest.fixture
def leavers(pa):  # noqa: ANN001, ANN201
    """Two in the cohort (one UASC who left care in the year), one still looked after at 18."""
    in_flat = care_leaver(pa, child_id="B200")
    uasc = care_leaver(pa, child_id="A100", dob=dt.date(2008, 1, 20), left=dt.date(2025, 6, 30), uasc=True,
                       contact_on=dt.date(2026, 1, 5), activity="G5", accommodation="S", suitable=None)
    still_in_care = care_leaver(pa, child_id="C300", left=dt.date(2026, 2, 1))
    return in_flat, uasc, still_in_care


@pytest.mark.django_db
def test_header_episodes_oc3_and_uasc_for_the_cohort_in_dfe_column_order(leavers) -> None:  # noqa: ANN001
    files = return_files(derive_return(YEAR))
    csvs = files.csv_files()
    assert list(csvs) == ["header.csv", "episodes.csv", "oc3.csv", "uasc.csv"]
    assert csvs["header.csv"].decode().splitlines()[0] == "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
    assert csvs["oc3.csv"].decode().splitlines()[0] == "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"
    assert [r["CHILD"] for r in rows(csvs["header.csv"])] == ["A100", "B200"]  # C300: still looked after at 18
    assert rows(csvs["oc3.csv"]) == [
        {"CHILD": "A100", "DOB": "20/01/2008", "IN_TOUCH": "YES", "ACTIV": "G5", "ACCOM": "S2"},
        {"CHILD": "B200", "DOB": "10/09/2007", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "U1"},
    ]
    # Only A100 was looked after during the year; B200 left in March 2024.
    assert rows(csvs["episodes.csv"]) == [{
        "CHILD": "A100", "DECOM": "20/01/2022", "RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U4",
        "PLACE_PROVIDER": "PR1", "DEC": "30/06/2025", "REC": "E5", "REASON_PLACE_CHANGE": "", "HOME_POST": "LC1 1AA",
        "PL_POST": "LC2 2BB", "URN": "",
    }]
    assert rows(csvs["uasc.csv"]) == [{"CHILD": "A100", "SEX": "F", "DOB": "20/01/2008", "DUC": ""}]


@pytest.mark.django_db
def test_an_episode_still_open_on_31_march_has_no_ending_in_that_years_file(pa) -> None:  # noqa: ANN001
    young_person = care_leaver(pa, child_id="D400", dob=dt.date(2008, 1, 20), left=dt.date(2025, 6, 30))
    CareEpisode.objects.filter(young_person=young_person).update(end=dt.date(2026, 6, 30), reason_ended="E5",
                                                                 reason_place_change="CARPL")
    # Still looked after on the 18th birthday, so not in 2025-26's cohort; check the previous-year view of
    # someone who is: 2026-27's cohort sees 2025-26's episode open on 31 March 2026.
    later = derive_return(CollectionYear(2027))
    assert [e.young_person.child_id for e in later.included] == ["D400"]
    previous = previous_year_files(later)
    assert previous.year == YEAR
    assert [(r["DEC"], r["REC"], r["REASON_PLACE_CHANGE"]) for r in previous.tables["Episodes"]] == [("", "", "")]
    this_year = return_files(later).tables["Episodes"]
    assert [(r["DEC"], r["REC"], r["REASON_PLACE_CHANGE"]) for r in this_year] == [("30/06/2026", "E5", "CARPL")]


@pytest.mark.django_db
def test_the_xml_holds_the_same_values_as_the_csv(leavers) -> None:  # noqa: ANN001
    files = return_files(derive_return(YEAR))
    root = ET.fromstring(files.xml())
    assert root.tag == "EXPSSDA903"
    children = root.findall("CHILD")
    assert [c.findtext("HEADER/CHILDID") for c in children] == ["A100", "B200"]
    first = children[0]
    assert [e.tag for e in first.find("HEADER")] == [
        "CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC", "DUC", "IN_TOUCH", "ACTIV", "ACCOM", "MOTHER", "MC_DOB"]
    assert (first.findtext("HEADER/UASC"), first.findtext("HEADER/ACCOM")) == ("1", "S2")
    assert first.find("EPISODE/PL").text == "U4" and first.find("EPISODE/DEC").text == "30/06/2025"
    second = children[1]
    assert second.find("HEADER/UASC").text == "0" and second.find("EPISODE") is None


@pytest.mark.django_db
def test_the_same_records_give_the_same_bytes_whatever_order_they_were_entered(pa) -> None:  # noqa: ANN001
    for child in ("Z900", "M500", "A001"):
        care_leaver(pa, child_id=child)
    first = return_files(derive_return(YEAR))
    again = return_files(derive_return(YEAR))
    assert [r["CHILD"] for r in first.tables["Header"]] == ["A001", "M500", "Z900"]
    for file_format in ("csv", "xml"):
        assert first.files(file_format) == again.files(file_format)
        assert first.download(file_format) == again.download(file_format)
        assert first.digest(file_format) == again.digest(file_format)
    name, content, content_type = first.download("csv")
    assert name == "ssda903-care-leavers-2025-26-csv.zip" and content_type == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(content)).namelist() == [
        f"ssda903-care-leavers-2025-26-{n}" for n in ("header.csv", "episodes.csv", "oc3.csv", "uasc.csv")]
