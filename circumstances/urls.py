"""The circumstances pages (namespace "circumstances")."""

from django.urls import path

from circumstances import views

app_name = "circumstances"

# kind -> path segment; URL names are the kind with hyphens: "staying-put-create"
_SEGMENTS = {
    "accommodation": "accommodation",
    "activity": "activity",
    "staying_put": "staying-put",
    "declaration": "declarations",
    "education_programme": "education-programmes",
    "detention": "detention",
}

urlpatterns = [
    path("young-people/<int:pk>/circumstances", views.section, name="section"),
    path("young-people/<int:pk>/staying-put/review", views.staying_put_review, name="staying-put-review-latest"),
    path(
        "young-people/<int:pk>/staying-put/<int:arrangement_id>/reviews/new",
        views.staying_put_review,
        name="staying-put-review",
    ),
]
for kind, segment in _SEGMENTS.items():
    name = kind.replace("_", "-")
    urlpatterns += [
        path(f"young-people/<int:pk>/{segment}/new", views.record_form, {"kind": kind}, name=f"{name}-create"),
        path(f"young-people/<int:pk>/{segment}/<int:record_id>", views.record_form, {"kind": kind}, name=f"{name}-edit"),
    ]
