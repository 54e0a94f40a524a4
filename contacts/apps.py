from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = "Contacts, notes, chronology and documents"

    def ready(self) -> None:
        from django.urls import reverse

        from contacts.chronology import SOURCES
        from contacts.facts import read_case_facts
        from people import extension

        extension.register_section("contacts", "Contacts and notes", 30, "contacts:section")
        extension.register_section("chronology", "Chronology", 40, "contacts:chronology")
        extension.register_section("documents", "Documents", 60, "contacts:documents")

        record = lambda pk: reverse("contacts:record", args=[pk])  # noqa: E731
        extension.register_action("record_visit", "Record a visit", lambda pk: f"{record(pk)}?kind=visit_at_accommodation")
        extension.register_action("record_contact", "Record a contact", record)
        extension.register_action("update_summary", "Update the case summary", lambda pk: reverse("contacts:summary-edit", args=[pk]))

        extension.register_record_link("contact", lambda pk, rid: reverse("contacts:contact", args=[pk, rid]))
        extension.register_record_link("note", lambda pk, rid: reverse("contacts:note", args=[pk, rid]))
        extension.register_record_link("document", lambda pk, rid: reverse("contacts:document", args=[pk, rid]))
        # One summary per young person: every "summary:<id>" ref opens its page and history.
        extension.register_record_link("summary", lambda pk, rid: reverse("contacts:summary", args=[pk]))

        for source in SOURCES:
            extension.register_chronology(source)
        extension.register_case_facts(read_case_facts)
