"""The pathway plan as a PDF written for the young person: "Your pathway plan".

Rendered from an HTML template with WeasyPrint (the stack's choice for documents,
ARCHITECTURE.md §6), so the PDF has real text that screen readers and search can use.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from people.models import YoungPerson
from plans.coverage import coverage
from plans.models import PathwayPlanVersion

# The plan's headings, said to the young person rather than about them.
YOUR_MATTERS = {
    "contact_support": "Keeping in touch and who supports you",
    "education_training": "Your education or training",
    "employment": "Work and other things you want to do",
    "accommodation": "Where you live",
    "relationships": "Your family and friends",
    "practical_skills": "Skills for living on your own",
    "finance": "Money",
    "health": "Your health, including how you feel",
    "identity": "Who you are: your faith, culture and language",
    "immigration": "Your immigration status",
}


def plan_pdf(young_person: YoungPerson, version: PathwayPlanVersion) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    plan = coverage(version, young_person.uasc)
    sections = [
        (YOUR_MATTERS[m.code], m.section) for m in plan.matters if m.section is not None and not m.section.is_empty
    ]
    html = render_to_string(
        "plans/pathway_plan_pdf.html",
        {
            "name": young_person.preferred_name or young_person.given_name,
            "full_name": young_person.name,
            "version": version,
            "sections": sections,
            "made_on": timezone.localdate(),
        },
    )
    return HTML(string=html).write_pdf()
