from django.urls import path

from oversight import weekly_views

urlpatterns = [
    path("exceptions/weekly", weekly_views.weekly_report, name="weekly"),
]
