"""The DfE validator run for real on files the export makes (no mocks): .venv-903 must exist
(scripts/test and scripts/demo create it from ssda903/validator-requirements.txt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from compliance.ssda903 import CollectionYear
from ssda903.derive import derive_return
from ssda903.export import previous_year_files, return_files
from ssda903.models import ReturnOverride
from ssda903.return_checks import check_findings
from ssda903.tests.return_cases import YEAR_END, care_leaver
from ssda903.validator import ValidatorFailed, ValidatorUnavailable, run_validator

YEAR = CollectionYear(YEAR_END)
WESTMINSTER = "E09000033"  # the council whose area holds the real postcodes below
REAL_PLACEMENT = {"home_postcode": "SW1A 1AA", "placement_postcode": "SW1A 2AA", "urn": "SC123456"}


@pytest.fixture
def clean_return(pa):  # noqa: ANN001, ANN201
    """A young woman who left care in the year (so her episode, UPN, URN and MOTHER are checked) and a
    young man who left before last year's files; records complete, postcodes real."""
    left_in_year = care_leaver(pa, child_id="A100", dob=dt.date(2008, 1, 20), left=dt.date(2025, 6, 30),
                               upn="A123456789012", episode=REAL_PLACEMENT, contact_on=dt.date(2026, 1, 5))
    ReturnOverride.objects.create(young_person=left_in_year, collection_year=YEAR_END, field="MOTHER", value="0",
                                  reason="She has no children", recorded_by=pa)
    care_leaver(pa, child_id="B200", dob=dt.date(2007, 9, 10), left=dt.date(2024, 9, 10), sex="M",
                episode={**REAL_PLACEMENT, "reason_ended": "E17"})
    return derive_return(YEAR)


def run(care_leavers, file_format="csv", **kwargs):  # noqa: ANN001, ANN003, ANN201
    files = return_files(care_leavers)
    previous = previous_year_files(care_leavers)
    return files, run_validator(files.files(file_format), YEAR_END, previous.files(file_format),
                                local_authority=WESTMINSTER, **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xml"])
def test_a_clean_return_passes_every_rule_that_can_run(clean_return, file_format: str) -> None:  # noqa: ANN001
    assert [e.young_person.child_id for e in clean_return.included] == ["A100", "B200"]
    files, result = run(clean_return, file_format)
    assert result.issues == ()
    assert result.rules_in_set == 316 and result.validator_version == "0.1.17"
    # 233 looks for a column no file has, so it can never run in 0.1.17 (docs/ssda903-return.md).
    assert "233" in result.failed_rules
    assert result.seconds > 0


@pytest.mark.django_db
def test_an_invalid_activity_code_is_rule_132_for_that_child_and_field(clean_return) -> None:  # noqa: ANN001
    files = return_files(clean_return)
    oc3 = files.tables["OC3"]
    oc3[1]["ACTIV"] = "F3"  # superseded by F4/F5: rejected by the 2025-26 list
    result = run_validator(files.files("csv"), YEAR_END, previous_year_files(clean_return).files("csv"),
                           local_authority=WESTMINSTER)
    assert [(i.rule, i.child, i.table, i.field, i.row) for i in result.issues] == [("132", "B200", "OC3", "ACTIV", 1)]
    assert result.issues[0].message == "Data entry for activity after leaving care is invalid."
    checked = check_findings(clean_return, files, result)
    [finding] = checked.errors
    assert finding.entry is not None and finding.entry.young_person.child_id == "B200"
    assert finding.fix_url.endswith(f"/returns/care-leavers/{YEAR_END}/young-people/{finding.entry.young_person.pk}")


@pytest.mark.django_db
def test_a_care_leaver_who_left_before_last_years_files_is_a_documented_false_positive(pa, clean_return) -> None:  # noqa: ANN001
    """Rule 1002 only sees two years of episodes; rule 1001 loses the totals of those aged 20 or over
    whenever a younger child has episodes in the file (ssda903-care-leavers.md §6)."""
    care_leaver(pa, child_id="E500", dob=dt.date(2005, 6, 1), left=dt.date(2023, 6, 1), sex="M",
                episode={**REAL_PLACEMENT, "reason_ended": "E17"})
    care_leavers = derive_return(YEAR)
    files, result = run(care_leavers)
    checked = check_findings(care_leavers, files, result)
    assert {(f.issue.rule, f.issue.child) for f in checked.findings} == {("1001", "E500"), ("1002", "E500")}
    assert checked.errors == ()
    assert {f.false_positive.title for f in checked.known_false_positives} == {
        "Care leavers aged 20 or over at the end of the year", "Left care before last year's files"}


def test_a_missing_validator_environment_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(ValidatorUnavailable, match="Run scripts/demo or scripts/test"):
        run_validator({"header.csv": b""}, YEAR_END, python=tmp_path / "bin" / "python")


def test_a_run_that_takes_too_long_is_stopped() -> None:
    with pytest.raises(ValidatorFailed, match="did not finish within 0 seconds"):
        run_validator({"header.csv": b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"}, YEAR_END, timeout=0.01)


def test_files_the_validator_cannot_read_are_refused_with_its_reason() -> None:
    with pytest.raises(ValidatorFailed, match="Failed to match provided data"):
        run_validator({"header.csv": b"NOT,A,TABLE\n1,2,3\n"}, YEAR_END)
