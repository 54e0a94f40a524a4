"""Print every duty the service checks, with its citation and settings."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from compliance.duties import DUTIES
from duties.settings import current_settings


class Command(BaseCommand):
    help = "List every duty with its code, citation, source and the settings it uses."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--markdown", action="store_true", help="Print a Markdown table.")

    def handle(self, *args, markdown: bool = False, **options) -> None:  # noqa: ANN002, ANN003
        policy, standards = current_settings()

        def value(name: str) -> str:
            return f"{name}={getattr(standards, name, getattr(policy, name, '?'))}"

        if markdown:
            self.stdout.write("| Code | Duty | Source | Citation | Settings |\n| --- | --- | --- | --- | --- |")
        for duty in DUTIES:
            settings = ", ".join(value(n) for n in duty.settings) or "none"
            if markdown:
                self.stdout.write(
                    f"| `{duty.code}` | {duty.title} | {duty.source_kind.label} | {duty.citation} | {settings} |"
                )
            else:
                self.stdout.write(f"{duty.code}\n  {duty.title}\n  {duty.source_kind.label}: {duty.citation}")
                self.stdout.write(f"  {duty.summary}\n  Settings: {settings}\n")
