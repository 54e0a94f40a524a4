from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"

    def ready(self) -> None:
        from people.extension import register_section

        register_section("overview", "Overview", 10, "people:detail")
        register_section("care_history", "Care history", 45, "people:care-history")
        register_section("personal_details", "Personal details", 80, "people:personal-details")
        register_section("history", "Changes", 90, "people:history")
