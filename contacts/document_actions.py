"""Named writes for documents: upload and withdraw. Documents are never deleted.

An upload is checked (size, real type) before anything is written. The file is then
stored under a generated name and the row created in one transaction; if that
transaction fails, the stored file is removed again, so a refused or failed upload
leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from accounts.models import User
from contacts.actions import check_event_date
from contacts.models import Document, DocumentKind
from contacts.uploads import CheckedUpload, check_upload
from people.models import YoungPerson
from people.writes import apply_changes, created_changes, finish_write, lock, save_new_version, transaction

DOCUMENT_FIELDS = ("kind", "title", "on", "original_name", "content_type", "size", "sha256")


def _storage():  # noqa: ANN202
    return Document._meta.get_field("file").storage


def _check_details(young_person: YoungPerson, kind: str, title: str, on: dt.date | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if kind not in DocumentKind.values:
        errors["kind"] = ["Select the type of document"]
    if not (title or "").strip():
        errors["title"] = ["Enter the title"]
    check_event_date(errors, "on", "Date of the document", on, young_person)
    return errors


def upload_document(
    young_person: YoungPerson,
    *,
    acting_user: User,
    kind: str,
    title: str,
    on: dt.date | None,
    upload: UploadedFile | None,
) -> Document:
    errors = _check_details(young_person, kind, title, on)
    try:
        checked = check_upload(upload)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    assert upload is not None
    # The stored name says nothing about the young person or the file's own name.
    key = uuid.uuid4().hex
    stored_name = _storage().save(f"{key[:2]}/{key}.{checked.extension}", upload)
    try:
        return _create_document(young_person, acting_user, kind, title.strip(), on, upload, checked, stored_name)
    except BaseException:
        _storage().delete(stored_name)
        raise


@transaction.atomic
def _create_document(
    young_person: YoungPerson,
    acting_user: User,
    kind: str,
    title: str,
    on: dt.date,
    upload: UploadedFile,
    checked: CheckedUpload,
    stored_name: str,
) -> Document:
    locked = lock(YoungPerson, young_person.pk)
    document = Document.objects.create(
        young_person=locked,
        kind=kind,
        title=title,
        on=on,
        file=stored_name,
        original_name=(upload.name or f"document.{checked.extension}")[:255],
        content_type=checked.file_type.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=acting_user,
    )
    finish_write(
        locked, acting_user=acting_user, action="contacts.upload_document", obj=document,
        summary=f"Uploaded {document.get_kind_display().lower()}: {title}",
        changes=created_changes(document, DOCUMENT_FIELDS),
    )
    return document


@transaction.atomic
def withdraw_document(document: Document, *, acting_user: User, expected_version: int | None, reason: str) -> Document:
    """Take a document off the record (put on the wrong person's file, or superseded).
    The file and its row stay, as the retention rules require."""
    locked_person = lock(YoungPerson, document.young_person_id)
    locked = lock(document)
    reason = (reason or "").strip()
    if locked.withdrawn:
        raise ValidationError({"reason": ["This document has already been withdrawn"]})
    if not reason:
        raise ValidationError({"reason": ["Enter why the document is being withdrawn"]})
    changes = apply_changes(locked, expected_version, {
        "withdrawn": True, "withdrawn_reason": reason, "withdrawn_by": acting_user, "withdrawn_at": timezone.now(),
    })
    save_new_version(locked)
    finish_write(
        locked_person, acting_user=acting_user, action="contacts.withdraw_document", obj=locked,
        summary=f"Withdrew the document: {locked.title}", changes=changes,
    )
    return locked
