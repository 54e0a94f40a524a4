from django.apps import AppConfig


class CaseauditsConfig(AppConfig):
    name = "caseaudits"
    verbose_name = "Case-file audits"
