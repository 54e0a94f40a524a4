"""This app's sources for the young person's chronology, and the labels of every kind.

Which contacts belong in a chronology: face-to-face ones (visits at their accommodation
and other face-to-face meetings), including attempts, because a visit that did not
happen is itself significant (statutory-rules.md D6: "YP refuses entry → record
attempted visit, escalate"). Phone calls, video calls and messages stay on the
Contacts page: a worker may message a young person several times a week, and a
chronology that lists every message hides the events it exists to show. A setting
was considered and not added: a chronology that differs between councils is harder
to audit, and anything significant said by phone belongs in a significant case note.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from contacts.models import FACE_TO_FACE_KINDS, CaseNote, ChronologyEntry, Contact, Document
from people.extension import ChronologyItem

DETAIL_LENGTH = 300

# What each kind of entry is called in the filter. Other apps' kinds not listed here
# are shown from their key ("care_episode" → "Care episode").
KIND_LABELS = {
    "contact": "Visits and face-to-face contacts",
    "note": "Significant case notes",
    "manual": "Other events",
    "document": "Documents",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or (kind.replace("_", " ").capitalize() if kind else "Other")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DETAIL_LENGTH else text[: DETAIL_LENGTH - 1].rstrip() + "…"


def contact_items(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    contacts = Contact.objects.filter(young_person=young_person, kind__in=FACE_TO_FACE_KINDS).select_related("worker")
    for contact in contacts:
        what = contact.get_kind_display()
        title = (
            f"{what}: attempted, nobody seen ({contact.worker.display_name})"
            if contact.attempted
            else f"{what} by {contact.worker.display_name}"
        )
        yield ChronologyItem(
            on=contact.on, title=title, detail=_short(contact.summary), kind="contact",
            url=reverse("contacts:contact", args=[young_person.pk, contact.pk]),
        )


def note_items(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for note in CaseNote.objects.filter(young_person=young_person, significant=True):
        yield ChronologyItem(
            on=note.on, title=note.subject, detail=_short(note.text), kind="note",
            url=reverse("contacts:note", args=[young_person.pk, note.pk]),
        )


def manual_items(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for entry in ChronologyEntry.objects.filter(young_person=young_person):
        yield ChronologyItem(
            on=entry.on, title=entry.title, detail=_short(entry.detail), kind="manual",
            url=reverse("contacts:chronology-entry", args=[young_person.pk, entry.pk]),
        )


def document_items(young_person) -> Iterator[ChronologyItem]:  # noqa: ANN001
    for document in Document.objects.filter(young_person=young_person, withdrawn=False):
        yield ChronologyItem(
            on=document.on, title=f"{document.get_kind_display()} added: {document.title}", kind="document",
            url=reverse("contacts:document", args=[young_person.pk, document.pk]),
        )


SOURCES = (contact_items, note_items, manual_items, document_items)
