from django.urls import include, path

from oversight import views

app_name = "oversight"
urlpatterns = [
    path("my-worklist", views.my_worklist, name="worklist"),
    path("dashboard", views.team_dashboard, name="dashboard"),
    path("caseloads", views.caseload_page, name="caseloads"),
    path("exceptions", views.exception_report, name="exceptions"),
    path("dashboard/duties/<slug:code>", views.duty_exceptions, name="duty-exceptions"),
    path("", include("oversight.staffing_urls")),
    path("", include("oversight.weekly_urls")),
    path("", include("oversight.scorecard_urls")),
]
