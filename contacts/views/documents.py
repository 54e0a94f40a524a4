"""Documents: the list, upload, withdrawal, and the one view that serves a file.

Files live under MEDIA_ROOT, which nothing else serves: :func:`download` is the only
way to read one, and it checks access and logs the view like any page of the record.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.record import record_view
from contacts.document_actions import upload_document, withdraw_document
from contacts.forms import DocumentForm, WithdrawDocumentForm
from contacts.models import Document
from contacts.views.common import record_page, safe_next, save_with, visible
from people import access


def section(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = visible(request, pk)
    documents = list(Document.objects.filter(young_person=young_person).select_related("uploaded_by"))
    return record_page(
        request, young_person, "contacts/documents.html", "documents",
        documents=[d for d in documents if not d.withdrawn],
        withdrawn=[d for d in documents if d.withdrawn],
    )


def detail(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    young_person = visible(request, pk)
    document = get_object_or_404(
        Document.objects.select_related("uploaded_by", "withdrawn_by"), pk=document_id, young_person=young_person
    )
    return record_page(request, young_person, "contacts/document_detail.html", "documents", document=document,
                       can_download=_may_download(request, document))


def _may_download(request: HttpRequest, document: Document) -> bool:
    # A withdrawn document may be on the wrong person's file: only an administrator
    # (answering a subject access request, say) may still open it.
    return not document.withdrawn or request.user.role == Role.ADMINISTRATOR


def download(request: HttpRequest, pk: int, document_id: int) -> FileResponse:
    young_person = visible(request, pk)
    document = get_object_or_404(Document, pk=document_id, young_person=young_person)
    if not _may_download(request, document):
        raise Http404("No such document")
    record_view(user=request.user, young_person=young_person, path=request.get_full_path())
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("The stored file is missing") from None
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def upload(request: HttpRequest, pk: int) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    form = DocumentForm(request.POST or None, request.FILES or None, initial={"on": timezone.localdate()})
    back = safe_next(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_with(form, upload_document, young_person, acting_user=request.user, kind=data["kind"],
                          title=data["title"], on=data["on"], upload=data["file"])
        if saved:
            messages.success(request, f"{saved.title} uploaded")
            return redirect(back or reverse("contacts:documents", args=[young_person.pk]))
    return render(request, "contacts/document_form.html", {
        "form": form, "yp": young_person, "next": back,
        "cancel_url": back or reverse("contacts:documents", args=[young_person.pk]),
    })


def withdraw(request: HttpRequest, pk: int, document_id: int) -> HttpResponse:
    young_person = access.get_editable_young_person_for(request.user, pk)
    document = get_object_or_404(Document, pk=document_id, young_person=young_person, withdrawn=False)
    form = WithdrawDocumentForm(request.POST or None, initial={"version": document.version})
    if request.method == "POST" and form.is_valid():
        saved = save_with(form, withdraw_document, document, acting_user=request.user,
                          expected_version=form.cleaned_data["version"], reason=form.cleaned_data["reason"])
        if saved:
            messages.success(request, f"{saved.title} withdrawn")
            return redirect("contacts:documents", young_person.pk)
    return render(request, "contacts/document_withdraw.html", {
        "form": form, "yp": young_person, "record": document,
        "cancel_url": reverse("contacts:document", args=[young_person.pk, document.pk]),
    })
