"""Casework pages (namespace "casework"). Allocating and ending an allocation keep
their older names in people/urls.py ("people:allocate", "people:end-allocation")."""

from django.urls import path

from casework import reassign, views

app_name = "casework"

_YP = "young-people/<int:pk>"

urlpatterns = [
    path(f"{_YP}/workers", views.workers, name="workers"),
    path(f"{_YP}/transfers/new", views.plan_transfer, name="transfer-create"),
    path(f"{_YP}/handover", views.next_handover, name="next-handover"),
    path(f"{_YP}/transfers/<int:transfer_id>/handover", views.handover, name="handover"),
    path(f"{_YP}/transfers/<int:transfer_id>/complete", views.complete_transfer, name="transfer-complete"),
    path(f"{_YP}/transfers/<int:transfer_id>/cancel", views.cancel_transfer, name="transfer-cancel"),
    path(f"{_YP}/close", views.close_case, name="close"),
    path(f"{_YP}/reopen", views.reopen_case, name="reopen"),
    path("caseloads/reassign", reassign.reassign, name="reassign"),
]
