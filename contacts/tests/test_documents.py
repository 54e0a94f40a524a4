"""Documents: what may be uploaded, where it is kept, who may read it, and that every read is logged."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AccessLog, AuditEvent
from conftest import client_for
from contacts.models import Document

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 20
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 100


def office_file(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def upload_form(name="plan.pdf", content=PDF_BYTES, **overrides):
    data = {
        "kind": "pathway_plan_signed",
        "title": "Pathway plan signed November 2026",
        "on_day": "20", "on_month": "11", "on_year": "2026",
        "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
    }
    data.update(overrides)
    return data


def upload(user, young_person, **form):
    return client_for(user).post(reverse("contacts:document-upload", args=[young_person.pk]), upload_form(**form))


def test_a_pdf_is_stored_outside_the_web_root_under_a_generated_name(pa, jordan, media_root):
    response = upload(pa, jordan)
    assert response.status_code == 302
    assert response["Location"] == reverse("contacts:documents", args=[jordan.pk])
    document = Document.objects.get()
    assert (document.content_type, document.size, document.original_name) == ("application/pdf", len(PDF_BYTES), "plan.pdf")
    [path] = stored_files(media_root)
    assert path.read_bytes() == PDF_BYTES
    assert "plan" not in path.name and "Jordan" not in str(path) and path.suffix == ".pdf"
    assert AuditEvent.objects.filter(action="contacts.upload_document", young_person=jordan).exists()


@pytest.mark.parametrize("name, content, content_type", [
    ("letter.docx", office_file("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("budget.xlsx", office_file("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("photo.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50, "image/jpeg"),
    ("passport.png", PNG_BYTES, "image/png"),
    ("note.txt", "Café on Tuesday.\r\nBring ID.\n".encode(), "text/plain"),
    ("old-note.txt", "Caf\xe9 on Tuesday\n".encode("cp1252"), "text/plain"),
])
def test_each_allowed_type_is_recognised_by_its_contents(pa, jordan, name, content, content_type):
    assert upload(pa, jordan, name=name, content=content).status_code == 302
    assert Document.objects.get().content_type == content_type


@pytest.mark.parametrize("name, content, message", [
    ("plan.pdf", b"", "The selected file is empty"),
    ("plan.pdf", EXE_BYTES, "The selected file is not a real PDF"),
    ("plan.pdf", PNG_BYTES, "The selected file is not a real PDF"),
    ("letter.docx", office_file("xl/workbook.xml"), "The selected file is not a real Word document"),
    ("letter.docx", b"PK\x03\x04 not really a zip", "The selected file is not a real Word document"),
    ("note.txt", EXE_BYTES, "The selected file is not a real text file"),
    ("setup.exe", EXE_BYTES, "The selected file must be a PDF, DOCX, XLSX, JPEG, PNG or TXT"),
    ("noextension", PDF_BYTES, "The selected file must be a PDF, DOCX, XLSX, JPEG, PNG or TXT"),
])
def test_bad_files_are_refused_with_a_clear_message_and_nothing_is_stored(pa, jordan, media_root, name, content, message):
    response = upload(pa, jordan, name=name, content=content)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and 'href="#id_file"' in page
    assert not Document.objects.exists()
    assert stored_files(media_root) == []
    assert not AuditEvent.objects.filter(action="contacts.upload_document").exists()


def test_a_file_over_the_size_limit_is_refused(pa, jordan, media_root, settings):
    settings.LEAVINGCARE_MAX_UPLOAD_MB = 1
    response = upload(pa, jordan, content=PDF_BYTES + b"0" * (1024 * 1024))
    assert "The selected file must be smaller than 1MB" in response.content.decode()
    assert not Document.objects.exists() and stored_files(media_root) == []
    # Just under the limit is fine.
    assert upload(pa, jordan, content=PDF_BYTES + b"0" * (1024 * 1024 - len(PDF_BYTES))).status_code == 302


def test_the_default_limit_is_10mb(pa, jordan, settings):
    assert not hasattr(settings, "LEAVINGCARE_MAX_UPLOAD_MB") or settings.LEAVINGCARE_MAX_UPLOAD_MB == 10
    page = client_for(pa).get(reverse("contacts:document-upload", args=[jordan.pk])).content.decode()
    assert "smaller than 10MB" in page


@pytest.mark.parametrize("overrides, message", [
    ({"file": ""}, "Select a file"),
    ({"title": ""}, "Enter the title"),
    ({"kind": ""}, "Select the type of document"),
    ({"on_year": "2027"}, "Date of the document must be today or in the past"),
])
def test_missing_details_are_named(pa, jordan, media_root, overrides, message):
    response = client_for(pa).post(reverse("contacts:document-upload", args=[jordan.pk]), upload_form(**overrides))
    assert message in response.content.decode()
    assert not Document.objects.exists() and stored_files(media_root) == []


def download_url(document):
    return reverse("contacts:document-download", args=[document.young_person_id, document.pk])


def test_download_is_an_attachment_with_its_type_and_every_download_is_logged(pa, auditor, jordan):
    upload(pa, jordan)
    document = Document.objects.get()
    for user in (pa, auditor):
        response = client_for(user).get(download_url(document))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"]
        assert AccessLog.objects.filter(user=user, young_person=jordan, path=download_url(document)).count() == 1


@pytest.mark.parametrize("who", ["outsider", "other_pa", "south_pa", "other_manager"])
def test_documents_are_not_served_to_those_without_access(request, pa, jordan, who):
    upload(pa, jordan)
    document = Document.objects.get()
    user = request.getfixturevalue(who)
    client = client_for(user)
    assert client.get(download_url(document)).status_code == 404
    assert client.get(reverse("contacts:document", args=[jordan.pk, document.pk])).status_code == 404
    assert client.get(reverse("contacts:documents", args=[jordan.pk])).status_code == 404
    assert not AccessLog.objects.filter(user=user).exists()


def test_a_document_cannot_be_fetched_through_another_young_persons_record(pa, jordan, sam, other_pa):
    upload(other_pa, sam)
    sams = Document.objects.get(young_person=sam)
    assert client_for(pa).get(reverse("contacts:document-download", args=[jordan.pk, sams.pk])).status_code == 404


@pytest.mark.parametrize("who, status", [("auditor", 403), ("head", 403), ("outsider", 404), ("south_pa", 404), ("admin_user", 302)])
def test_who_may_upload(request, jordan, media_root, who, status):
    response = upload(request.getfixturevalue(who), jordan)
    assert response.status_code == status
    assert Document.objects.exists() == (status == 302)
    assert bool(stored_files(media_root)) == (status == 302)


def test_withdrawing_keeps_the_file_but_takes_it_off_the_record(pa, manager, admin_user, jordan, media_root):
    upload(pa, jordan)
    document = Document.objects.get()
    withdraw_url = reverse("contacts:document-withdraw", args=[jordan.pk, document.pk])
    response = client_for(pa).post(withdraw_url, {"version": "1", "reason": ""})
    assert "Enter why the document is being withdrawn" in response.content.decode()

    assert client_for(pa).post(withdraw_url, {"version": "1", "reason": "Put on the wrong record"}).status_code == 302
    document.refresh_from_db()
    assert document.withdrawn and document.withdrawn_by == pa and document.version == 2
    assert len(stored_files(media_root)) == 1
    assert client_for(manager).get(download_url(document)).status_code == 404
    assert client_for(admin_user).get(download_url(document)).status_code == 200
    listing = client_for(pa).get(reverse("contacts:documents", args=[jordan.pk])).content.decode()
    assert "Withdrawn documents" in listing and "Put on the wrong record" in listing
    assert AuditEvent.objects.filter(action="contacts.withdraw_document").count() == 1


def test_withdrawing_from_a_stale_form_is_refused(pa, jordan):
    upload(pa, jordan)
    document = Document.objects.get()
    document.version = 2
    document.save()
    response = client_for(pa).post(
        reverse("contacts:document-withdraw", args=[jordan.pk, document.pk]), {"version": "1", "reason": "Duplicate"}
    )
    assert "Someone else changed this record" in response.content.decode()
    document.refresh_from_db()
    assert not document.withdrawn


@pytest.mark.parametrize("who, status", [("auditor", 403), ("head", 403), ("outsider", 404), ("other_pa", 404)])
def test_who_may_not_withdraw(request, pa, jordan, who, status):
    upload(pa, jordan)
    document = Document.objects.get()
    response = client_for(request.getfixturevalue(who)).post(
        reverse("contacts:document-withdraw", args=[jordan.pk, document.pk]), {"version": "1", "reason": "No"}
    )
    assert response.status_code == status
    document.refresh_from_db()
    assert not document.withdrawn
