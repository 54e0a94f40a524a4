from django.apps import AppConfig


class CaseauditsConfig(AppConfig):
    name = "caseaudits"
    verbose_name = "Case-file audits"

    def ready(self) -> None:
        from caseaudits.grants import has_current_grant
        from people.access import register_grant_check

        register_grant_check(has_current_grant)
