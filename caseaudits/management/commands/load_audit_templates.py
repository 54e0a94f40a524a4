"""manage.py load_audit_templates: add the audit templates the service ships, once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from caseaudits.themed_template import load_audit_templates


class Command(BaseCommand):
    help = (
        "Add and publish the case-file audit templates the service ships (the themed leaving-care audit). "
        "Safe to run again: a template already there is left as it is, with any versions the council made."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_audit_templates()
        if created:
            for template in created:
                self.stdout.write(f"Added and published the audit template {template.name}.")
        else:
            self.stdout.write("The audit templates are already loaded: nothing changed.")
