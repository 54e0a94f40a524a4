from django.urls import path

from plans import views

app_name = "plans"

_YP = "young-people/<int:pk>"
urlpatterns = [
    path(f"{_YP}/plans", views.plans_index, name="index"),
    path(f"{_YP}/needs-assessments/new", views.assessment_new, name="assessment-new"),
    path(f"{_YP}/needs-assessments/<int:assessment_id>", views.assessment_detail, name="assessment"),
    path(f"{_YP}/needs-assessments/<int:assessment_id>/edit", views.assessment_edit, name="assessment-edit"),
    path(f"{_YP}/needs-assessments/<int:assessment_id>/authorise", views.assessment_authorise, name="assessment-authorise"),
    path(f"{_YP}/pathway-plan/new-version", views.version_new, name="version-new"),
    path(f"{_YP}/pathway-plan/current/<slug:step>", views.current_version_step, name="current"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>", views.version_detail, name="version"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>/edit", views.version_edit, name="version-edit"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>/agree", views.version_agree, name="version-agree"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>/sign", views.version_sign, name="version-sign"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>/authorise", views.version_authorise, name="version-authorise"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>/copy-given", views.version_copy_given, name="version-copy"),
    path(f"{_YP}/pathway-plan/versions/<int:version_id>/pdf", views.version_pdf, name="version-pdf"),
    path(f"{_YP}/reviews/new", views.review_new, name="review-new"),
    path(f"{_YP}/reviews/latest/involvement", views.latest_review_involvement, name="review-involvement-latest"),
    path(f"{_YP}/reviews/<int:review_id>", views.review_detail, name="review"),
    path(f"{_YP}/reviews/<int:review_id>/edit", views.review_edit, name="review-edit"),
    path(f"{_YP}/reviews/<int:review_id>/involvement", views.review_involvement, name="review-involvement"),
    path(f"{_YP}/review-requests/new", views.request_new, name="request-new"),
    path(f"{_YP}/review-requests/<int:request_id>", views.request_detail, name="request"),
]
