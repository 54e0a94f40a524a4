from django.apps import AppConfig


class CircumstancesConfig(AppConfig):
    name = "circumstances"
