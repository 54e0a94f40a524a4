from django.urls import path

from contacts.views import chronology, contacts, documents, notes, summary

app_name = "contacts"

_YP = "young-people/<int:pk>"
urlpatterns = [
    path(f"{_YP}/contacts", contacts.section, name="section"),
    path(f"{_YP}/contacts/new", contacts.record, name="record"),
    path(f"{_YP}/contacts/<int:contact_id>", contacts.detail, name="contact"),
    path(f"{_YP}/contacts/<int:contact_id>/edit", contacts.edit, name="contact-edit"),
    path(f"{_YP}/case-notes/new", notes.create, name="note-create"),
    path(f"{_YP}/case-notes/<int:note_id>", notes.detail, name="note"),
    path(f"{_YP}/case-notes/<int:record_id>/edit", notes.edit, name="note-edit"),
    path(f"{_YP}/chronology", chronology.page, name="chronology"),
    path(f"{_YP}/chronology/new", chronology.create, name="chronology-entry-create"),
    path(f"{_YP}/chronology/<int:entry_id>", chronology.detail, name="chronology-entry"),
    path(f"{_YP}/chronology/<int:record_id>/edit", chronology.edit, name="chronology-entry-edit"),
    path(f"{_YP}/case-summary", summary.page, name="summary"),
    path(f"{_YP}/case-summary/edit", summary.edit, name="summary-edit"),
    path(f"{_YP}/documents", documents.section, name="documents"),
    path(f"{_YP}/documents/new", documents.upload, name="document-upload"),
    path(f"{_YP}/documents/<int:document_id>", documents.detail, name="document"),
    path(f"{_YP}/documents/<int:document_id>/download", documents.download, name="document-download"),
    path(f"{_YP}/documents/<int:document_id>/withdraw", documents.withdraw, name="document-withdraw"),
]
