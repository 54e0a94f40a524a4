"""Contacts and visits, case notes, the chronology's own entries, the case summary and documents.

Every record carries its event date (the day the visit happened, the date on a letter),
who recorded it and when, so late recording can be seen (statutory-rules.md §6).
Nothing here is deleted: a document put on the wrong record is withdrawn, with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from compliance.records import ContactKind


class ContactKindChoice(models.TextChoices):
    """The compliance core's ContactKind, with the words the forms show."""

    VISIT_AT_ACCOMMODATION = ContactKind.VISIT_AT_ACCOMMODATION.value, "Visit at their accommodation"
    FACE_TO_FACE = ContactKind.FACE_TO_FACE.value, "Other face-to-face contact"
    PHONE = ContactKind.PHONE.value, "Phone call"
    VIDEO = ContactKind.VIDEO.value, "Video call"
    MESSAGE = ContactKind.MESSAGE.value, "Message (text, email, letter or social media)"


# Kinds where the young person is (or would have been) in the same room as the worker.
FACE_TO_FACE_KINDS = frozenset({ContactKindChoice.VISIT_AT_ACCOMMODATION, ContactKindChoice.FACE_TO_FACE})


class RecordedOn(models.Model):
    """When a record was entered, to set beside its event date (late recording)."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def recorded_on(self):  # noqa: ANN201
        return timezone.localtime(self.created_at).date() if self.created_at else None


class Contact(RecordedOn):
    """A contact with or about a young person, or an attempt at one (CLR 2010 reg 8;
    Children Act 1989 s23B(1), s23C(2): keeping in touch)."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="contacts")
    on = models.DateField("Date of the contact")
    kind = models.CharField("Type of contact", max_length=30, choices=ContactKindChoice.choices)
    direct = models.BooleanField("With the young person", default=True)
    through_whom = models.CharField("Who it was through", max_length=200, blank=True)
    seen_alone = models.BooleanField("Seen alone", null=True, blank=True)
    place = models.CharField("Where", max_length=200, blank=True)
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts_made")
    # The worker's role on the day it was recorded: a later change of job must not
    # rewrite whether a visit was made by a personal adviser (CLR 2010 reg 8(2)).
    by_personal_adviser = models.BooleanField(default=False)
    attempted = models.BooleanField("Only an attempt", default=False)
    summary = models.TextField("Summary")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["young_person", "-on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(attempted=False) | ~Q(seen_alone=True), name="attempted_contact_not_seen_alone"
            ),
            models.CheckConstraint(condition=Q(direct=True) | ~Q(through_whom=""), name="indirect_contact_names_whom"),
        ]

    @property
    def is_face_to_face(self) -> bool:
        return self.kind in FACE_TO_FACE_KINDS

    @property
    def ref(self) -> str:
        return f"contact:{self.pk}"


class CaseNote(RecordedOn):
    """A dated note on the case record (CLR 2010 reg 10). Significant notes feed the chronology."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="case_notes")
    on = models.DateField("Date of the note")
    subject = models.CharField("Subject", max_length=200)
    text = models.TextField("Note")
    significant = models.BooleanField("Significant event", default=False)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["young_person", "-on"])]


class ChronologyEntry(RecordedOn):
    """An event typed into the chronology by hand: something no other record holds."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="chronology_entries")
    on = models.DateField("Date of the event")
    title = models.CharField("What happened", max_length=200)
    detail = models.TextField("Detail", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name_plural = "chronology entries"


class CaseSummary(models.Model):
    """The current case summary: one per young person. Every save is also kept as a
    :class:`CaseSummaryVersion`, so the history of the text is never lost."""

    young_person = models.OneToOneField("people.YoungPerson", on_delete=models.PROTECT, related_name="case_summary")
    text = models.TextField("Case summary")
    updated_on = models.DateField("Last updated")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "case summaries"


class CaseSummaryVersion(models.Model):
    """The text as saved once: who saved it and when."""

    summary = models.ForeignKey(CaseSummary, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    saved_on = models.DateField()
    saved_at = models.DateTimeField(auto_now_add=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["summary", "number"], name="one_summary_version_number")]


class DocumentKind(models.TextChoices):
    PATHWAY_PLAN_SIGNED = "pathway_plan_signed", "Pathway plan (signed copy)"
    ASSESSMENT = "assessment", "Assessment"
    LETTER = "letter", "Letter"
    ID_DOCUMENT = "id_document", "ID document"
    OTHER = "other", "Other"


class Document(RecordedOn):
    """An uploaded file. It is stored under MEDIA_ROOT with a generated name (never the
    uploader's), outside anything the web server serves, and is only ever read through
    the download view, which checks access and logs the view."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField("Type of document", max_length=30, choices=DocumentKind.choices)
    title = models.CharField("Title", max_length=200)
    on = models.DateField("Date of the document")
    file = models.FileField(max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn = models.BooleanField(default=False)
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["young_person", "withdrawn", "-on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn=False) | ~Q(withdrawn_reason=""), name="withdrawn_document_has_reason"
            )
        ]

    @property
    def withdrawn_on(self):  # noqa: ANN201
        return timezone.localtime(self.withdrawn_at).date() if self.withdrawn_at else None
