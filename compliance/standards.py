"""The council's local standards and unsettled timescales, as numbers with their sources.

The law sets few numbers for leaving-care practice; councils set the rest (statutory-
rules.md §4, "LOCAL POLICY (configurable)"), and a few statutory figures the research could
not verify are here too, so that legal staff can change them without a release. Each field
has a :class:`StandardInfo`: its label and unit, the smallest value that makes sense, where
the default comes from in plain English for staff (``source``), and the technical
provenance for docs/rules and the details toggle (``reference``).
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
    caseload_weight_16_17: int = 150
    caseload_weight_uasc: int = 150
    caseload_weight_in_custody: int = 150
    caseload_weight_disability: int = 125
    oc3_window_months_before: int = 3
    oc3_window_months_after: int = 1
    oc3_include_older_care_leavers: bool = True

    def __post_init__(self) -> None:
        # Values often arrive as strings from a form or the database; refuse anything
        # that is not what the field holds, so a typo fails loudly. The message names the
        # setting as the settings page does, because it is shown to the administrator.
        for f in fields(self):
            value, info = getattr(self, f.name), _BY_NAME[f.name]
            if info.unit == "yes/no":
                if not isinstance(value, bool):
                    raise TypeError(f"Select yes or no for “{info.label.lower()}”, not {value!r}")
            elif not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"Enter a whole number of {info.unit} for “{info.label.lower()}”, not {value!r}")
            elif value < info.minimum:
                raise ValueError(f"Number of {info.unit} for “{info.label.lower()}” must be {info.minimum} or more")


@dataclass(frozen=True, slots=True)
class StandardInfo:
    """One :class:`LocalStandards` field, for the settings page.

    ``source``: where the default comes from, in plain English for legal and QA staff.
    ``reference``: the technical provenance (research note sections, how well verified,
    councils whose published procedures gave the figure), for docs/rules and a details
    toggle; never the main text. ``unsure``: the law behind it is unsettled or could not be
    confirmed, so legal staff should check it. ``minimum``: the smallest value allowed.
    """

    name: str
    label: str
    unit: str  # "days", "weeks", "months", "yes/no"
    source: str
    unsure: bool
    hint: str = ""
    minimum: int = 0
    reference: str = ""


_OWN = "The council's own standard."
_NO_TIMESCALE = f"{_OWN} There is no timescale in law."
_CHECK = "check with your legal team"
_CLR = "Care Leavers (England) Regulations 2010"

STANDARDS: tuple[StandardInfo, ...] = (
    StandardInfo(
        "plan_grace_days", "Pathway plan in place after the needs assessment is due, within", "days",
        f"The law says the pathway plan is made as soon as possible after the needs assessment ({_CLR}, "
        "regulation 6) but gives no number of days. This figure is the council's; how long \"as soon as possible\" "
        f"allows is a legal judgement, so {_CHECK}.", True,
        reference="statutory-rules.md §3 D2 (CLR 2010 reg 6, STATUTE-RECALLED: 'as soon as possible') and §4 "
        "plan_after_assessment_grace_days: a configurable 0–28 days."),
    StandardInfo(
        "plan_by_16th_birthday", "A pathway plan must be in place by the 16th birthday", "yes/no",
        f"{_OWN} It is not a legal deadline.", False,
        reference="statutory-rules.md §4: Calderdale's procedure ('in place within 3 months of becoming eligible "
        "and by the 16th birthday')."),
    StandardInfo(
        "plan_sign_off_days", "Young person and worker sign the plan within", "days",
        f"{_NO_TIMESCALE} Councils' audits have found plans left unsigned.", False,
        reference="statutory-rules.md §4 and §6 (plans signed but not dated are not evidence)."),
    StandardInfo(
        "plan_copy_days", "Copy of the plan given to the young person within", "days", _NO_TIMESCALE, False,
        reference="statutory-rules.md §4 and §6 (record the date shared with the young person); no statutory "
        "timescale found."),
    StandardInfo(
        "manager_authorises_plans", "A manager authorises each pathway plan version", "yes/no",
        f"{_OWN} The law does not ask for a manager's authorisation; Ofsted looks at management oversight.", False,
        reference="statutory-rules.md §4 and §6 (keep the authorised date apart from the completed date)."),
    StandardInfo(
        "plan_authorise_days", "Manager authorises the plan within", "days", _NO_TIMESCALE, False,
        reference="statutory-rules.md §4."),
    StandardInfo(
        "review_request_days", "Review held after the young person asks for one, within", "days",
        f"The law says the plan must be reviewed when the young person asks ({_CLR}, regulation 7) but sets no time "
        f"limit. This figure is the council's; {_CHECK}.", True, minimum=1,
        reference="statutory-rules.md §3 D3 (CLR 2010 reg 7, STATUTE-RECALLED) and §4 "
        "pathway_review_request_sla_days: 20."),
    StandardInfo(
        "reviews_after_council_accommodation",
        "Review a relevant child's plan after a move into council-provided accommodation", "yes/no",
        f"The law requires a review after a relevant child moves into accommodation the council provides ({_CLR}, "
        f"regulation 7(3)), but its timescales could not be confirmed: {_CHECK}.", True,
        reference="statutory-rules.md §3 D3: CLR 2010 reg 7(3) UNVERIFIED. Its existence is confirmed by the "
        "cross-reference in reg 8(2)(b); the 28-day and 3-month figures are from memory."),
    StandardInfo(
        "review_after_move_days", "First review after the move into council-provided accommodation, after", "days",
        f"The law requires a review after a move but the timescale could not be confirmed: {_CHECK}. 28 days is the "
        "figure usually given.", True, minimum=1,
        reference="CLR 2010 reg 7(3) as remembered in statutory-rules.md §3 D3 (UNVERIFIED: 28 days)."),
    StandardInfo(
        "review_after_move_interval_months", "Then reviewed at intervals of at most", "months",
        f"The law requires regular reviews while they live there but the interval could not be confirmed: {_CHECK}. "
        "3 months is the figure usually given.", True, minimum=1,
        reference="CLR 2010 reg 7(3) as remembered in statutory-rules.md §3 D3 (UNVERIFIED: 3 months)."),
    StandardInfo(
        "require_immigration_matter_for_uasc",
        "Plans for unaccompanied asylum-seeking young people must cover immigration status", "yes/no",
        f"A later change to the law may have added immigration status to the matters a pathway plan must cover "
        f"({_CLR}, Schedule 1). This could not be confirmed: {_CHECK}.", True,
        reference="statutory-rules.md §3 D2: the CPPCR 2010 reg 42(2)(ba) equivalent exists; the revised CLR "
        "Schedule 1 was not re-read."),
    StandardInfo(
        "pa_identified_by_age_months", "Personal adviser identified by the age of", "months",
        f"{_OWN} The law sets no age (Children Act 1989, Schedule 2, paragraph 19C); councils commonly use "
        "an age between 16 and 17½.", False, "210 months is 17½ years.", minimum=168,
        reference="statutory-rules.md §4: 17½ (210 months) is a hypothetical default; Manchester: every young person "
        "knows their PA by 17; Westmorland & Furness and Stockport: at 16. The minimum, 14, is the age from which "
        "time in care counts towards being an eligible child."),
    StandardInfo(
        "visit_within_days", "First visit after council-provided accommodation starts, within", "days",
        f"Law: {_CLR}, regulation 8(2)(a): within 7 days.", False, minimum=1,
        reference="statutory-rules.md §3 D6 (STATUTE-VERIFIED)."),
    StandardInfo(
        "visit_day_of_move_is_day_one", "Count the day the accommodation starts as day 1", "yes/no",
        "The law says \"within 7 days\" without saying whether the day of the move counts. By default it does not "
        f"(a move on 1 March means a visit by 8 March); some councils count it (by 7 March). {_CHECK.capitalize()}.",
        True, reference="statutory-rules.md §1.2: 'within 7 days' is ambiguous; start + 7 by default, start + 6 "
        "when the start day is day 1."),
    StandardInfo(
        "contact_weeks_16_17", "Keep in touch with 16 and 17 year olds at least every", "weeks",
        f"{_OWN} Used when the pathway plan sets no frequency. There is no frequency in law; councils commonly "
        "use 12 weeks at this age.", False, minimum=1,
        reference="statutory-rules.md §3 D7 and §4: Westmorland & Furness, every 12 weeks aged 16–18."),
    StandardInfo(
        "contact_weeks_18_20", "Keep in touch with 18 to 20 year olds at least every", "weeks",
        f"{_OWN} Used when the pathway plan sets no frequency. There is no frequency in law; councils commonly "
        "use 8 weeks.", False, minimum=1,
        reference="statutory-rules.md §3 D7 and §4: Bracknell Forest, Westmorland & Furness and Cheshire West, "
        "every 8 weeks; Manchester, every two months."),
    StandardInfo(
        "contact_weeks_21_24_supported", "Keep in touch with 21 to 24 year olds receiving support every", "weeks",
        f"{_OWN} Used when the pathway plan sets no frequency. There is no frequency in law; the plan should set "
        "one.", False, minimum=1,
        reference="statutory-rules.md §3 D7 and §4: the research leaves it to the plan (21_24_active: "
        "plan-defined); 8 weeks is this service's default."),
    StandardInfo(
        "contact_weeks_21_24_not_supported", "Contact 21 to 24 year olds not receiving support at least every",
        "weeks",
        f"{_OWN} No law asks for contact with young people aged 21 to 24 who are not receiving support; councils "
        "commonly get in touch once a year so that they know they can still ask for it. Also used for qualifying "
        "young people, for whom the law leaves contact to the council.", False, minimum=1,
        reference="statutory-rules.md §3 D7 (21–25 without an active request: no keep-in-touch duty under s23CZB; "
        "many councils write annually; qualifying: s24(4), 'as the council thinks appropriate') and §4: "
        "Westmorland & Furness, Bracknell Forest, West Sussex."),
    StandardInfo(
        "summary_max_age_days", "Case summary updated at least every", "days",
        f"{_NO_TIMESCALE} Councils' audits have found case summaries never updated.", False, minimum=1,
        reference="statutory-rules.md §4; CLR 2010 reg 10 (the case record, STATUTE-RECALLED)."),
    StandardInfo(
        "summary_after_review_days", "Case summary updated after a review, within", "days", _NO_TIMESCALE, False,
        reference="statutory-rules.md §4."),
    StandardInfo(
        "handover_before_days", "Joint handover meeting held before a planned transfer, at least", "days",
        f"{_NO_TIMESCALE} Councils' transfer procedures differ.", False,
        reference="statutory-rules.md §4: a hypothetical joint_handover_before_days of 90; Nottingham City's social "
        "worker to personal adviser transfer procedure; Kirklees' transfer of case accountability."),
    StandardInfo(
        "staying_put_review_months", "Staying put arrangement reviewed at least every", "months",
        f"{_OWN} The law says the council must monitor staying put arrangements (Children Act 1989, section "
        "23CZA) but sets no interval.", False, minimum=1,
        reference="statutory-rules.md §2.5 (s23CZA, STATUTE-VERIFIED)."),
    StandardInfo(
        "closure_grace_days", "Case closed after entitlement ends, within", "days",
        f"{_OWN} The law says when leaving-care duties end but sets no time to close the case.", False,
        reference="statutory-rules.md §2.3–2.4 and §6."),
    StandardInfo(
        "due_soon_days", "Show a duty as due soon when its due date is within", "days",
        "A setting for worklists, not a rule.", False),
    *(
        StandardInfo(
            f"caseload_weight_{key}", f"Weight in a caseload of a young person {who}", "percent",
            "The council's own weighting for caseloads, not a rule: 100 percent counts them as one young "
            "person, 150 as one and a half.", False, minimum=100,
            reference="Issue 4 names the factors (16–17, unaccompanied asylum seekers, custody, disability); "
            "the percentages are invented starting points for a council to set.",
        )
        for key, who in (
            ("16_17", "aged 16 or 17"),
            ("uasc", "who is an unaccompanied asylum seeker"),
            ("in_custody", "in custody"),
            ("disability", "with a disability"),
        )
    ),
    StandardInfo(
        "oc3_window_months_before", "Care leaver return: count contacts from this long before the birthday",
        "months",
        "The Department for Education asks whether the council was in touch with the young person around their "
        "17th to 21st birthday, and what they were doing and where they lived then. 3 months before to 1 month "
        f"after is the usual reading; the current guide's own wording could not be checked, so {_CHECK}.", True,
        minimum=1,
        reference="ssda903-care-leavers.md §5 and statutory-rules.md D7: '3 months before to 1 month after the "
        "birthday' (per brief and common practice; not re-verified against the 2025-26 DfE guide)."),
    StandardInfo(
        "oc3_window_months_after", "Care leaver return: count contacts until this long after the birthday",
        "months",
        "See the setting above: 1 month after the birthday is the usual reading; the current guide's own wording "
        f"could not be checked, so {_CHECK}.", True, minimum=1,
        reference="ssda903-care-leavers.md §5; statutory-rules.md D7 (not re-verified)."),
    StandardInfo(
        "oc3_include_older_care_leavers",
        "Care leaver return: include 22 to 25 year olds who asked for and received support in the year", "yes/no",
        "Since 2022-23 the Department for Education also collects information on care leavers aged 22 to 25 who "
        "asked for support, as at the latest contact in the year. Exactly who must be included could not be "
        f"checked against the current guide, so {_CHECK}.", True,
        reference="ssda903-care-leavers.md §5 (22–25: inclusion rule not verified; validator rule 391 has no "
        "upper age)."),
)

_BY_NAME = {info.name: info for info in STANDARDS}


def describe_standards(standards: LocalStandards) -> list[tuple[StandardInfo, object]]:
    return [(_BY_NAME[f.name], getattr(standards, f.name)) for f in fields(standards)]
