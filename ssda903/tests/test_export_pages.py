"""Checking and downloading the care leaver return: the DfE rules always run first, and a
return with errors needs an explicit confirmation (issue 5 §3–4). The validator runs for real."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from audit.models import AuditEvent
from conftest import client_for
from contacts.models import Contact
from ssda903.models import ReturnExport, ReturnOverride
from ssda903.tests.return_cases import YEAR_END, care_leaver
from ssda903.tests.test_validator import REAL_PLACEMENT, WESTMINSTER

pytestmark = pytest.mark.django_db

RETURN = f"/returns/care-leavers/{YEAR_END}"


@pytest.fixture(autouse=True)
def _council(settings) -> None:  # noqa: ANN001
    settings.LEAVINGCARE_LA_CODE = WESTMINSTER


@pytest.fixture
def clean(pa):  # noqa: ANN001, ANN201
    young_person = care_leaver(pa, child_id="A100", dob=dt.date(2008, 1, 20), left=dt.date(2025, 6, 30),
                               upn="A123456789012", episode=REAL_PLACEMENT, contact_on=dt.date(2026, 1, 5))
    ReturnOverride.objects.create(young_person=young_person, collection_year=YEAR_END, field="MOTHER", value="0",
                                  reason="She has no children", recorded_by=pa)
    return young_person


def test_a_clean_return_downloads_after_the_check_without_confirming(head, clean) -> None:  # noqa: ANN001
    client = client_for(head)
    page = client.post(f"{RETURN}/export", {"file_format": "csv"}).content.decode()
    assert "The return passes the DfE rules" in page and "against the 316 rules for 2025-26" in page
    assert 'name="confirm"' not in page
    digest = page.split('name="digest" value="')[1].split('"')[0]
    response = client.post(f"{RETURN}/download", {"file_format": "csv", "digest": digest})
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="ssda903-care-leavers-2025-26-csv.zip"'
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "ssda903-care-leavers-2025-26-oc3.csv" in names
    export = ReturnExport.objects.get()
    assert (export.error_count, export.confirmed_with_errors, export.young_people, export.sha256) == (0, False, 1, digest)
    assert AuditEvent.objects.filter(action="ssda903.export", actor=head).exists()


def test_a_return_with_errors_needs_the_box_ticked_and_says_where_to_fix_them(admin_user, clean, pa) -> None:  # noqa: ANN001
    Contact.objects.all().delete()  # not in touch: NO, 0, 0 is still a valid row
    unjudged = care_leaver(pa, child_id="B200", suitable=None)  # ACCOM cannot be worked out
    client = client_for(admin_user)
    page = client.post(f"{RETURN}/export", {"file_format": "xml"}).content.decode()
    assert "The DfE rules found" in page and 'name="confirm"' in page
    assert "rule 153" in page and f"/returns/care-leavers/{YEAR_END}/young-people/{unjudged.pk}" in page
    digest = page.split('name="digest" value="')[1].split('"')[0]
    refused = client.post(f"{RETURN}/download", {"file_format": "xml", "digest": digest})
    assert "Confirm that you want to download a return with errors" in refused.content.decode()
    assert not ReturnExport.objects.exists()
    response = client.post(f"{RETURN}/download", {"file_format": "xml", "digest": digest, "confirm": "on"})
    assert response["Content-Type"] == "application/xml" and response.content.startswith(b"<?xml")
    export = ReturnExport.objects.get()
    assert export.confirmed_with_errors and export.error_count > 0


def test_records_changed_after_the_check_are_checked_again_before_download(head, clean, pa) -> None:  # noqa: ANN001
    client = client_for(head)
    page = client.post(f"{RETURN}/export", {"file_format": "csv"}).content.decode()
    digest = page.split('name="digest" value="')[1].split('"')[0]
    care_leaver(pa, child_id="C300")
    again = client.post(f"{RETURN}/download", {"file_format": "csv", "digest": digest}).content.decode()
    assert "The records changed after the last check" in again
    assert not ReturnExport.objects.exists()


def test_an_auditor_checks_and_sees_known_false_positives_explained_not_hidden(auditor, pa) -> None:  # noqa: ANN001
    care_leaver(pa, child_id="E500", dob=dt.date(2005, 6, 1), left=dt.date(2023, 6, 1), sex="M",
                episode={**REAL_PLACEMENT, "reason_ended": "E17"})
    page = client_for(auditor).post(f"{RETURN}/check").content.decode()
    assert "The return passes the DfE rules" in page
    assert "Known false positive" in page and "Left care before last year" in page and "rule 1002" in page
    assert "Download" not in page


def test_the_page_says_so_when_the_validator_is_missing(head, clean, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setenv("LEAVINGCARE_VALIDATOR_903_PYTHON", str(tmp_path / "python"))
    response = client_for(head).post(f"{RETURN}/export", {"file_format": "csv"})
    assert response.status_code == 503
    assert "The check could not run" in response.content.decode() and "validator is not installed" in response.content.decode()
    assert not ReturnExport.objects.exists()
