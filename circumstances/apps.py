from django.apps import AppConfig


class CircumstancesConfig(AppConfig):
    name = "circumstances"

    def ready(self) -> None:
        from circumstances.extension import register

        register()
