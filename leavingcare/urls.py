from django.urls import include, path

from web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("rules", web_views.rules, name="rules"),
    path("", include("accounts.urls")),
    path("", include("people.urls")),
    path("", include("plans.urls")),
    path("", include("contacts.urls")),
    path("", include("circumstances.urls")),
    path("", include("casework.urls")),
    path("", include("duties.urls")),
    path("", include("oversight.urls")),
    path("returns/", include("ssda903.urls")),
    path("case-audits/", include("caseaudits.urls")),
]
