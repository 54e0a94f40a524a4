"""Which Schedule 1 matters a plan version covers, as shown on its pages and in the PDF.

The duty engine reads the same thing from plans.facts; this is the per-page view of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from plans.models import MATTER_LABELS, SECTION_MATTERS, UASC_ONLY_MATTERS, PathwayPlanVersion, PlanSection


def shown_matters(uasc: bool, version: PathwayPlanVersion | None = None) -> list[str]:
    """Section matters to show: immigration only for an unaccompanied asylum seeker, or
    where a version already says something about it."""
    written = {s.matter for s in version.sections.all() if not s.is_empty} if version else set()
    return [m for m in SECTION_MATTERS if m not in UASC_ONLY_MATTERS or uasc or m in written]


@dataclass(frozen=True)
class MatterCoverage:
    code: str
    label: str
    covered: bool
    section: PlanSection | None


@dataclass(frozen=True)
class Coverage:
    matters: list[MatterCoverage]  # sections in Schedule 1 order, then the contingency plan

    @property
    def required(self) -> list[MatterCoverage]:
        return [m for m in self.matters if m.code not in UASC_ONLY_MATTERS or self.uasc]

    @property
    def missing(self) -> list[MatterCoverage]:
        return [m for m in self.required if not m.covered]

    @property
    def covered_count(self) -> int:
        return sum(1 for m in self.required if m.covered)

    uasc: bool = False


def coverage(version: PathwayPlanVersion, uasc: bool) -> Coverage:
    sections = {s.matter: s for s in version.sections.all()}
    matters = [
        MatterCoverage(code, MATTER_LABELS[code], bool(sections.get(code) and sections[code].is_covered), sections.get(code))
        for code in shown_matters(uasc, version)
    ]
    matters.append(MatterCoverage("contingency", MATTER_LABELS["contingency"], version.has_contingency, None))
    return Coverage(matters, uasc)
