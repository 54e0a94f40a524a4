"""The plan in force covers every Schedule 1 matter (statutory-rules.md §3 D2).

CLR 2010 Schedule 1 — STATUTE-VERIFIED: the ten matters every pathway plan must cover. A
later amendment may have added needs arising from immigration status (the CPPCR reg
42(2)(ba) equivalent; the revised Schedule 1 was not re-read): that matter is required only
for unaccompanied asylum-seeking young people, and only while
``require_immigration_matter_for_uasc`` is on. For an eligible child the statutory list is
CPPCR 2010 Schedule 8, whose headings overlap; the Schedule 1 list is applied to everyone.
"""

from __future__ import annotations

from datetime import date

from compliance.duties.base import Duty, DutyContext, DutyResult, SourceKind
from compliance.duties.common import CLR, CPPCR, plan_content
from compliance.records import SCHEDULE_1_MATTERS, PathwayPlanVersion

CODE = "schedule_1_matters"


def evaluate(context: DutyContext) -> DutyResult:
    immigration = context.case.uasc and context.standards.require_immigration_matter_for_uasc

    def lacks(plan: PathwayPlanVersion) -> str:
        missing = [
            label[:1].lower() + label[1:]
            for code, label in SCHEDULE_1_MATTERS
            if code not in plan.matters_covered and (code != "immigration" or immigration)
        ]
        if not missing:
            return ""
        matters = f"{len(missing)} matter{'s' if len(missing) > 1 else ''}"
        return f"does not cover {matters} the law lists: {'; '.join(missing)}"

    return plan_content(context, CODE, lacks, "covers every matter the law lists")


DUTY = Duty(
    code=CODE,
    title="Plan covers every required matter",
    citation=f"{CLR}, regulation 6 and Schedule 1; {CPPCR}, Schedule 8",
    source_kind=SourceKind.STATUTE,
    summary="The pathway plan must cover each matter the regulations list, such as accommodation, "
    "education, health and money.",
    evaluate=evaluate,
    commences_on=date(2011, 4, 1),
    settings=("require_immigration_matter_for_uasc",),
)
