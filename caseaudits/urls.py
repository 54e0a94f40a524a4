"""Case-file audit pages, under /case-audits/ (namespace "caseaudits")."""

from django.urls import include, path

from caseaudits.views import audits, rounds, templates

app_name = "caseaudits"

urlpatterns = [
    path("", rounds.index, name="index"),
    # doing audits and following them up
    path("my-audits", audits.my_audits, name="mine"),
    path("audits/<int:pk>", audits.audit_page, name="audit"),
    path("audits/<int:pk>/response", audits.respond, name="respond"),
    path("audits/<int:pk>/actions/new", audits.action_new, name="action-new"),
    path("actions/<int:action_id>/done", audits.action_done, name="action-done"),
    # rounds, sampling and allocation
    path("rounds", rounds.round_list, name="rounds"),
    path("rounds/new", rounds.round_new, name="round-new"),
    path("rounds/<int:pk>", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/sample", rounds.sample, name="sample"),
    path("rounds/<int:pk>/sample/confirm", rounds.confirm, name="confirm"),
    path("rounds/<int:pk>/share", rounds.share, name="share"),
    path("rounds/<int:pk>/close", rounds.close, name="close"),
    path("audits/<int:audit_id>/allocate", rounds.allocate, name="allocate"),
    path("audits/<int:audit_id>/withdraw", rounds.withdraw, name="withdraw"),
    # the template builder
    path("templates", templates.template_list, name="templates"),
    path("templates/new", templates.template_new, name="template-new"),
    path("template-versions/<int:pk>", templates.version_detail, name="version"),
    path("template-versions/<int:pk>/publish", templates.version_publish, name="version-publish"),
    path("template-versions/<int:pk>/new-draft", templates.version_new_draft, name="version-new-draft"),
    path("template-versions/<int:pk>/sections/new", templates.section_form, name="section-new"),
    path("sections/<int:section_id>/edit", templates.section_form, name="section-edit"),
    path("sections/<int:section_id>/move", templates.section_move, name="section-move"),
    path("sections/<int:section_id>/remove", templates.section_remove, name="section-remove"),
    path("sections/<int:section_id>/questions/new", templates.question_form, name="question-new"),
    path("questions/<int:question_id>/edit", templates.question_form, name="question-edit"),
    path("questions/<int:question_id>/move", templates.question_move, name="question-move"),
    path("questions/<int:question_id>/remove", templates.question_remove, name="question-remove"),
    path("", include("caseaudits.report_urls")),  # moderation, reports and past results
]
