"""The council's local standards and unsettled timescales, as numbers with their sources.

The law sets few numbers for leaving-care practice; councils set the rest (statutory-
rules.md §4, "LOCAL POLICY (configurable)"), and a few statutory figures the reference
could not verify are here too, so that legal staff can change them without a release.
Each field has a :class:`StandardInfo` saying its unit, default, where the default
came from and whether the reference is unsure; the settings page shows all of that.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["STANDARDS", "LocalStandards", "StandardInfo", "describe_standards"]


@dataclass(frozen=True, slots=True)
class LocalStandards:
    """Numbers and switches the duty rules read. Every field has a default."""

    plan_grace_days: int = 28
    plan_by_16th_birthday: bool = True
    plan_sign_off_days: int = 14
    plan_copy_days: int = 14
    manager_authorises_plans: bool = True
    plan_authorise_days: int = 14
    review_request_days: int = 20
    reviews_after_council_accommodation: bool = True
    review_after_move_days: int = 28
    review_after_move_interval_months: int = 3
    require_immigration_matter_for_uasc: bool = True
    pa_identified_by_age_months: int = 210
    visit_within_days: int = 7
    visit_day_of_move_is_day_one: bool = False
    contact_weeks_16_17: int = 12
    contact_weeks_18_20: int = 8
    contact_weeks_21_24_supported: int = 8
    contact_weeks_21_24_not_supported: int = 52
    summary_max_age_days: int = 90
    summary_after_review_days: int = 20
    handover_before_days: int = 90
    staying_put_review_months: int = 6
    closure_grace_days: int = 28
    due_soon_days: int = 28

    def __post_init__(self) -> None:
        # Values often arrive as strings from a form or the database; refuse anything
        # that is not what the field holds, so a typo fails loudly.
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "bool" or isinstance(f.default, bool):
                if not isinstance(value, bool):
                    raise TypeError(f"LocalStandards.{f.name} must be True or False, not {value!r}")
            elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"LocalStandards.{f.name} must be a whole number of 0 or more, not {value!r}")


@dataclass(frozen=True, slots=True)
class StandardInfo:
    name: str
    label: str
    unit: str  # "days", "weeks", "months", "yes/no"
    source: str
    unsure: bool
    hint: str = ""


_LOCAL = "LOCAL POLICY (statutory-rules.md §4)"

STANDARDS: tuple[StandardInfo, ...] = (
    StandardInfo("plan_grace_days", "Pathway plan in place after the needs assessment is due, within", "days",
                 "statutory-rules.md §3 D2: the law says 'as soon as possible' after the assessment (CLR 2010 "
                 "reg 6); the reference suggests a configurable 0–28 days.", True),
    StandardInfo("plan_by_16th_birthday", "A pathway plan must be in place by the 16th birthday", "yes/no",
                 f"{_LOCAL}: Calderdale's procedure. Not a statutory deadline.", False),
    StandardInfo("plan_sign_off_days", "Young person and worker sign the plan within", "days",
                 f"{_LOCAL}. No statutory timescale; councils' audits found plans unsigned.", False),
    StandardInfo("plan_copy_days", "Copy of the plan given to the young person within", "days",
                 f"{_LOCAL}. No statutory timescale found in the reference.", False),
    StandardInfo("manager_authorises_plans", "A manager authorises each pathway plan version", "yes/no",
                 f"{_LOCAL}. Management oversight is an Ofsted line of enquiry, not a statutory step.", False),
    StandardInfo("plan_authorise_days", "Manager authorises the plan within", "days", _LOCAL, False),
    StandardInfo("review_request_days", "Review held after the young person asks for one, within", "days",
                 "statutory-rules.md §3 D3 and §4 (pathway_review_request_sla_days): CLR 2010 reg 7 requires "
                 "a review when asked but gives no deadline.", True),
    StandardInfo("reviews_after_council_accommodation",
                 "Review a relevant child's plan after a move into council-provided accommodation", "yes/no",
                 "CLR 2010 reg 7(3): its existence is confirmed by reg 8(2)(b) but the reference could not "
                 "verify its timescales (statutory-rules.md §3 D3, UNVERIFIED).", True),
    StandardInfo("review_after_move_days", "First review after the move into council-provided accommodation, after",
                 "days", "CLR 2010 reg 7(3) as remembered in statutory-rules.md §3 D3 (UNVERIFIED: 28 days).", True),
    StandardInfo("review_after_move_interval_months", "Then reviewed at intervals of at most", "months",
                 "CLR 2010 reg 7(3) as remembered in statutory-rules.md §3 D3 (UNVERIFIED: 3 months).", True),
    StandardInfo("require_immigration_matter_for_uasc",
                 "Plans for unaccompanied asylum-seeking young people must cover immigration status", "yes/no",
                 "statutory-rules.md §3 D2: a later amendment may have added this Schedule 1 matter; "
                 "the revised Schedule 1 was not re-read.", True),
    StandardInfo("pa_identified_by_age_months", "Personal adviser identified by the age of", "months",
                 f"{_LOCAL}: the reference treats 17½ (210 months) as a hypothetical default; Manchester "
                 "says every young person knows their PA by 17.", True, "210 months is 17½ years."),
    StandardInfo("visit_within_days", "First visit after council-provided accommodation starts, within", "days",
                 "CLR 2010 reg 8(2)(a): within 7 days (STATUTE-VERIFIED).", False),
    StandardInfo("visit_day_of_move_is_day_one", "Count the day the accommodation starts as day 1", "yes/no",
                 "statutory-rules.md §1.2: 'within 7 days' is ambiguous; the default counts the start day as "
                 "day 0 (due on start + 7), some councils count it as day 1 (start + 6).", True),
    StandardInfo("contact_weeks_16_17", "Keep in touch with 16 and 17 year olds at least every", "weeks",
                 f"{_LOCAL}: Westmorland & Furness, every 12 weeks aged 16–18. Used when the plan sets no "
                 "frequency.", False),
    StandardInfo("contact_weeks_18_20", "Keep in touch with 18 to 20 year olds at least every", "weeks",
                 f"{_LOCAL}: Bracknell Forest, Westmorland & Furness, Cheshire West, every 8 weeks. Used when "
                 "the plan sets no frequency.", False),
    StandardInfo("contact_weeks_21_24_supported", "Keep in touch with 21 to 24 year olds receiving support every",
                 "weeks", f"{_LOCAL}: the reference leaves it to the plan; 8 weeks used when the plan is silent.",
                 True),
    StandardInfo("contact_weeks_21_24_not_supported",
                 "Contact 21 to 24 year olds not receiving support at least every", "weeks",
                 f"{_LOCAL}: Westmorland & Furness, Bracknell Forest, West Sussex: once a year.", False),
    StandardInfo("summary_max_age_days", "Case summary updated at least every", "days",
                 f"{_LOCAL}: councils' audits found summaries never updated; no statutory figure.", False),
    StandardInfo("summary_after_review_days", "Case summary updated after a review, within", "days", _LOCAL, False),
    StandardInfo("handover_before_days", "Joint handover meeting held before a planned transfer, at least", "days",
                 f"{_LOCAL}: the reference's hypothetical joint_handover_before_days of 90.", True),
    StandardInfo("staying_put_review_months", "Staying put arrangement reviewed at least every", "months",
                 f"{_LOCAL}. Staying put is monitored through the pathway plan (s23CZA); no statutory interval.",
                 False),
    StandardInfo("closure_grace_days", "Case closed after entitlement ends, within", "days", _LOCAL, False),
    StandardInfo("due_soon_days", "Show a duty as due soon when its due date is within", "days",
                 "Service setting for worklists; not a rule.", False),
)


def describe_standards(standards: LocalStandards) -> list[tuple[StandardInfo, object]]:
    by_name = {info.name: info for info in STANDARDS}
    return [(by_name[f.name], getattr(standards, f.name)) for f in fields(standards)]
