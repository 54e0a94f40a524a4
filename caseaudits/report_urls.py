"""Moderation, reports and past results, under /case-audits/ (included by caseaudits/urls.py,
so the names are "caseaudits:...")."""

from django.urls import path

from caseaudits import moderation_views, report_views

urlpatterns = [
    # moderation
    path("rounds/<int:pk>/moderation", moderation_views.moderation_list, name="moderation"),
    path("rounds/<int:pk>/moderation/by-rule", moderation_views.choose_by_rule, name="moderation-rule"),
    path("audits/<int:audit_id>/moderation/choose", moderation_views.choose, name="moderation-choose"),
    path("audits/<int:audit_id>/moderation/take-out", moderation_views.take_out, name="moderation-take-out"),
    path("audits/<int:audit_id>/moderate", moderation_views.moderate, name="moderate"),
    # reports
    path("rounds/<int:pk>/report", report_views.report, name="report"),
    path("rounds/<int:pk>/report/<slug:kind>", report_views.export, name="report-export"),
    # past results
    path("past-results", report_views.past_imports, name="past-imports"),
    path("past-results/new", report_views.past_import_new, name="past-import-new"),
    path("past-results/<int:pk>", report_views.past_import, name="past-import"),
    path("past-results/<int:pk>/confirm", report_views.past_import_confirm, name="past-import-confirm"),
    path("past-results/<int:pk>/problems", report_views.past_import_problems, name="past-import-problems"),
]
