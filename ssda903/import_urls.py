"""The import pages' addresses, included by ssda903/urls.py under /returns/."""

from django.urls import path

from ssda903 import import_views

urlpatterns = [
    path("import/", import_views.import_list, name="import-list"),
    path("import/new", import_views.import_new, name="import-new"),
    path("import/<int:pk>", import_views.import_run, name="import-run"),
    path("import/<int:pk>/confirm", import_views.import_confirm, name="import-confirm"),
    path("import/<int:pk>/problems.csv", import_views.import_problems_csv, name="import-problems-csv"),
]
