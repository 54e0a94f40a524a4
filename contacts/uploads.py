"""What files may be uploaded: the size limit and the types, judged by their contents.

A file's name is only a claim. Each allowed type is recognised by its signature (the
first bytes of a PDF, JPEG or PNG; the parts inside a Word or Excel file's zip; text
with no binary bytes), and the name must agree with what the contents are, so a
program renamed "letter.pdf" is refused.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

DEFAULT_MAX_UPLOAD_MB = 10
_CHUNK = 64 * 1024
_BINARY_BYTE = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class FileType:
    extensions: tuple[str, ...]
    label: str
    content_type: str


PDF = FileType(("pdf",), "PDF", "application/pdf")
DOCX = FileType(("docx",), "Word document (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileType(("xlsx",), "Excel spreadsheet (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
JPEG = FileType(("jpg", "jpeg"), "JPEG image", "image/jpeg")
PNG = FileType(("png",), "PNG image", "image/png")
TXT = FileType(("txt",), "text file (TXT)", "text/plain")
ALLOWED = (PDF, DOCX, XLSX, JPEG, PNG, TXT)
ALLOWED_DESCRIPTION = "a PDF, DOCX, XLSX, JPEG, PNG or TXT"


@dataclass(frozen=True)
class CheckedUpload:
    file_type: FileType
    extension: str
    size: int
    sha256: str


def max_upload_mb() -> int:
    return int(getattr(settings, "LEAVINGCARE_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))


def _extension(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


def _zip_has(stream: IO[bytes], member: str) -> bool:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and member in names


def _is_text(stream: IO[bytes]) -> bool:
    """Plain text in UTF-8 or a single-byte encoding such as Windows-1252: no control
    characters other than tab, line breaks and form feed (so no binary file passes)."""
    return not any(_BINARY_BYTE.search(chunk) for chunk in iter(lambda: stream.read(_CHUNK), b""))


def _matches(file_type: FileType, stream: IO[bytes], head: bytes) -> bool:
    if file_type is PDF:
        return b"%PDF-" in head[:1024]  # readers accept the header anywhere in the first 1 KB
    if file_type is JPEG:
        return head.startswith(b"\xff\xd8\xff")
    if file_type is PNG:
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if file_type is DOCX:
        return head.startswith(b"PK\x03\x04") and _zip_has(stream, "word/document.xml")
    if file_type is XLSX:
        return head.startswith(b"PK\x03\x04") and _zip_has(stream, "xl/workbook.xml")
    return _is_text(stream)


def check_upload(upload: UploadedFile | None) -> CheckedUpload:
    """The upload's real type, size and checksum; a ValidationError on ``file`` otherwise."""
    if upload is None:
        raise ValidationError({"file": ["Select a file"]})
    limit_mb = max_upload_mb()
    if upload.size == 0:
        raise ValidationError({"file": ["The selected file is empty"]})
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError({"file": [f"The selected file must be smaller than {limit_mb}MB"]})
    extension = _extension(upload.name or "")
    file_type = next((t for t in ALLOWED if extension in t.extensions), None)
    if file_type is None:
        raise ValidationError({"file": [f"The selected file must be {ALLOWED_DESCRIPTION}"]})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    matches = _matches(file_type, upload, head)
    upload.seek(0)
    if not matches:
        raise ValidationError(
            {"file": [f"The selected file is not a real {file_type.label}: its name ends .{extension} but its contents do not match"]}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(file_type, extension, upload.size, digest.hexdigest())
