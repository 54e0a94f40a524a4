"""The recipes for the demo council's young people, and how many of each to draw.

Each recipe draws a history of a recognisable kind (in care at 16, left care at
17 and went home, came into care at 17 years 10 months, special guardianship
order, ...). The shares are of ``--young-people``; children aged 14–15 come from
``--approaching-16``. docs/demo-council.md explains where the numbers come from.
Which category each person ends up in is decided by the compliance core, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from casework.models import CaseClosure, ClosureReason
from compliance.calendar import birthday
from demo.histories import DAY, HistoryMaker, PersonPlan
from people.models import Disability, HomeWithParentPeriod

Recipe = Callable[[HistoryMaker, str, bool], PersonPlan]


@dataclass(frozen=True)
class Scenario:
    name: str
    share: float  # of --young-people
    minimum: int  # at least this many when the council has 40 or more young people
    uasc: bool  # whether unaccompanied asylum-seeking children can have this history
    recipe: Recipe
    summary: str


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def close(plan: PersonPlan, on: dt.date, reason: ClosureReason, detail: str = "") -> None:
    """Closed on ``on``; the record's reason reads as the close-case action writes it."""
    plan.closure = CaseClosure(closed_on=on, reason=reason, reason_detail=detail)
    plan.young_person.closed_on = on
    plan.young_person.closure_reason = plan.closure.reason_text[:200]


def _home(plan: PersonPlan, start: dt.date, end: dt.date | None) -> None:
    plan.home_periods.append(HomeWithParentPeriod(start=start, end=end))


# -- still in care at 16 or 17 ----------------------------------------------------------


def in_care_16_17(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    plan = m.person("in_care_16_17", child_id, m.dob_aged(16 * 12, 18 * 12), uasc=uasc)
    m.main_spell(plan, latest_entry=m.today - _days(95), end=None, reason_ended="")
    return plan


def new_to_care_16_17(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Came into care aged 16 or 17 a few weeks ago: not yet 13 weeks, so not yet eligible."""
    plan = m.person("new_to_care_16_17", child_id, m.dob_aged(16 * 12 + 1, 17 * 12 + 10), uasc=uasc)
    entry = m.today - _days(m.rng.randint(7, 85))
    route = "uasc" if uasc else "s20"
    m.spell(plan, entry, None, "", route, 1, cin=m.cin_for(plan, route))
    return plan


# -- left care at 16 or 17 --------------------------------------------------------------


def _left_at_16_17(m: HistoryMaker, plan: PersonPlan, exit_: dt.date, reason: str) -> None:
    m.main_spell(plan, latest_entry=exit_ - _days(100), end=exit_, reason_ended=reason)
    m.give_address(plan)


def relevant(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    plan = m.person("relevant", child_id, m.dob_aged(16 * 12 + 4, 18 * 12), uasc=uasc)
    dob = plan.young_person.date_of_birth
    exit_ = m.between(max(birthday(dob, 16, m.rule) + _days(14), m.today - _days(540)), m.today - _days(7))
    reason = m.pick_map({"E4A": 30, "E4B": 10, "E13": 20, "E5": 25, "E6": 5, "E9": 5, "E8": 5})
    _left_at_16_17(m, plan, exit_, reason)
    if reason in ("E4A", "E4B"):
        # Went home; it broke down within six months, or has not lasted six months yet.
        ends = exit_ + _days(m.rng.randint(30, 170))
        _home(plan, exit_, ends if ends < m.today else None)
        if ends >= m.today and (m.today - exit_).days >= 175:
            plan.home_periods[-1].end = exit_ + _days(120)
    return plan


def relevant_home_broke_down(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Lived at home for eight months (so stopped being relevant), then it broke down:
    relevant again (CLR 2010 reg 3; statutory-rules.md §5 example 3)."""
    plan = m.person("relevant_home_broke_down", child_id, m.dob_aged(17 * 12 + 3, 18 * 12), uasc=False)
    dob = plan.young_person.date_of_birth
    exit_ = m.between(birthday(dob, 16, m.rule) + _days(7), m.today - _days(300))
    _left_at_16_17(m, plan, exit_, "E4A")
    _home(plan, exit_, min(exit_ + _days(m.rng.randint(215, 270)), m.today - _days(7)))
    return plan


def home_six_months(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Went home at 16 and has lived with a parent for over six months: not relevant."""
    plan = m.person("home_six_months", child_id, m.dob_aged(16 * 12 + 10, 18 * 12), uasc=False)
    dob = plan.young_person.date_of_birth
    exit_ = m.between(birthday(dob, 16, m.rule) + _days(7), m.today - _days(215))
    _left_at_16_17(m, plan, exit_, m.rng.choice(("E4A", "E4B")))
    _home(plan, exit_, None)
    return plan


def remanded(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Looked after only because remanded to youth detention (LS J1) for over 13 weeks at 16–17."""
    plan = m.person("remanded", child_id, m.dob_aged(16 * 12 + 8, 21 * 12), uasc=False)
    plan.young_person.sex = "M" if m.rng.random() < 0.9 else plan.young_person.sex
    dob = plan.young_person.date_of_birth
    b16, b18 = birthday(dob, 16, m.rule), birthday(dob, 18, m.rule)
    start = m.between(b16 + _days(20), min(b18, m.today) - _days(130))
    end = min(start + _days(m.rng.randint(95, 200)), b18, m.today - _days(1))
    if m.rng.random() < 0.5:
        m.earlier_spells(plan, start, 2)
    m.spell(plan, start, end, m.pick_map({"E14": 75, "E9": 15, "E8": 10}), "remand", 1, cin=m.cin_for(plan, "remand"))
    m.give_address(plan)
    return plan


# -- former relevant: 18 to 24 ------------------------------------------------------------


def in_care_at_18(m: HistoryMaker, child_id: str, uasc: bool, ages: range = range(18, 25)) -> PersonPlan:
    """Looked after until the 18th birthday (s23C(1)(b)), leaving for supported or
    independent living, or staying put with foster carers (REC E17)."""
    plan = m.person("in_care_at_18", child_id, m.former_relevant_dob(ages), uasc=uasc)
    _in_care_at_18(m, plan)
    return plan


def _in_care_at_18(m: HistoryMaker, plan: PersonPlan) -> None:
    b18 = birthday(plan.young_person.date_of_birth, 18, m.rule)
    if plan.young_person.uasc:
        last = m.pick_map({"K3": 55, "U6": 35, "K2": 10})
    else:
        last = m.pick_map({"U4": 30, "U6": 12, "U1": 8, "K3": 30, "K2": 20})
    if last.startswith("U"):
        # About 55% of 18-year-olds leaving foster care stay put (national-benchmarks.md §2.5).
        reason = m.pick_map({"E17": 55, "E5": 20, "E6": 8, "E13": 8, "E4A": 4, "E8": 5})
    else:
        reason = m.pick_map({"E5": 60, "E6": 20, "E13": 10, "E4A": 5, "E8": 5})
    m.main_spell(plan, latest_entry=b18 - _days(100), end=b18, reason_ended=reason, last_placement=last)
    m.give_address(plan)


def left_at_16_17(m: HistoryMaker, child_id: str, uasc: bool, ages: range = range(18, 25)) -> PersonPlan:
    """Left care at 16 or 17 after 13 weeks (relevant), now 18+ (s23C(1)(a))."""
    plan = m.person("left_at_16_17", child_id, m.former_relevant_dob(ages), uasc=uasc)
    _left_before_18(m, plan)
    return plan


def _left_before_18(m: HistoryMaker, plan: PersonPlan) -> None:
    dob = plan.young_person.date_of_birth
    b16, b18 = birthday(dob, 16, m.rule), birthday(dob, 18, m.rule)
    exit_ = m.between(b16 + _days(30), b18 - DAY)
    if plan.young_person.uasc:
        reasons = {"E5": 75, "E13": 25}
    else:
        reasons = {"E5": 40, "E13": 20, "E4A": 15, "E4B": 5, "E6": 10, "E9": 5, "E8": 5}
    reason = m.pick_map(reasons)
    _left_at_16_17(m, plan, exit_, reason)
    if reason in ("E4A", "E4B"):
        _home(plan, exit_, exit_ + _days(m.rng.randint(30, 170)))  # it did not last six months


def former_relevant(m: HistoryMaker, child_id: str, uasc: bool, ages: range = range(18, 25)) -> PersonPlan:
    """Either route into former relevant status, three to one for staying in care until 18."""
    recipe = in_care_at_18 if m.rng.random() < 0.72 else left_at_16_17
    plan = recipe(m, child_id, uasc, ages)
    _maybe_closed(m, plan)
    return plan


def _maybe_closed(m: HistoryMaker, plan: PersonPlan) -> None:
    """A few cases are closed: 21+ who no longer want a personal adviser, or UASC who moved abroad."""
    young_person = plan.young_person
    b21 = birthday(young_person.date_of_birth, 21, m.rule)
    roll = m.rng.random()
    if b21 < m.today - _days(30) and roll < 0.05:
        close(plan, m.between(b21, m.today - _days(7)), ClosureReason.DECLINED_AFTER_21)
    elif young_person.uasc and roll > 0.98:
        b18 = birthday(young_person.date_of_birth, 18, m.rule)
        if b18 + _days(200) < m.today:
            close(plan, m.between(b18 + _days(180), m.today - _days(7)), ClosureReason.OTHER, "Moved abroad")


# -- qualifying ---------------------------------------------------------------------------


def late_entry(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Came into care at about 17 years 10 months: too late for 13 weeks, so qualifying (s24(1B))."""
    plan = m.person("late_entry", child_id, m.dob_aged(18 * 12, 21 * 12), uasc=uasc)
    b18 = birthday(plan.young_person.date_of_birth, 18, m.rule)
    route = "uasc" if uasc else "s20"
    reason = m.pick_map({"E5": 50, "E6": 15, "E13": 20, "E8": 15})
    m.spell(plan, b18 - _days(m.rng.randint(15, 80)), b18, reason, route, 1, cin=m.cin_for(plan, route))
    m.give_address(plan)
    return plan


def short_stay(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """A few weeks in care after 16, then home: looked after after 16 but never 13 weeks (s24(1B))."""
    plan = m.person("short_stay", child_id, m.dob_aged(16 * 12 + 6, 21 * 12), uasc=False)
    dob = plan.young_person.date_of_birth
    b16, b18 = birthday(dob, 16, m.rule), birthday(dob, 18, m.rule)
    start = m.between(b16, min(b18, m.today) - _days(100))
    if m.rng.random() < 0.3:
        m.earlier_spells(plan, min(start, birthday(dob, 13, m.rule)), 2)
    reason = m.pick_map({"E4A": 40, "E13": 30, "E8": 15, "E4B": 15})
    m.spell(plan, start, start + _days(m.rng.randint(14, 80)), reason, "s20", 1, cin=m.cin_for(plan, "s20"))
    m.give_address(plan)
    return plan


def special_guardianship(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Left care through a special guardianship order (REC E45–E48): qualifying from 16 to 21 (s24(1A))."""
    plan = m.person("special_guardianship", child_id, m.dob_aged(16 * 12, 21 * 12), uasc=False)
    dob = plan.young_person.date_of_birth
    order = m.between(birthday(dob, 3, m.rule), birthday(dob, 15, m.rule))
    if m.rng.random() < 0.1:
        order = m.between(birthday(dob, 16, m.rule), min(birthday(dob, 18, m.rule), m.today) - DAY)
    reason = m.pick_map({"E45": 55, "E46": 25, "E47": 15, "E48": 5})
    last = {"E45": m.rng.choice(("U1", "U3")), "E46": m.rng.choice(("U4", "U6"))}.get(reason)
    entry = m.between(dob + _days(30), order - _days(300))
    m.spell(plan, entry, order, reason, "care", m.budget(2), cin=m.cin_for(plan, "care"), last_placement=last)
    m.give_address(plan)
    return plan


# -- no leaving-care status ---------------------------------------------------------------


def short_breaks_only(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Only ever had planned short breaks (LS V3 breaks, or V4 agreements): never eligible
    (CPPCR 2010 regs 40(2), 48)."""
    plan = m.person("short_breaks_only", child_id, m.dob_aged(16 * 12, 20 * 12), uasc=False)
    plan.young_person.disability = Disability.YES
    dob = plan.young_person.date_of_birth
    first = birthday(dob, 13, m.rule)
    last = min(birthday(dob, 18, m.rule), m.today - _days(3))
    if m.rng.random() < 0.5:
        m.short_break_agreements(plan, first, last)
    else:
        m.short_breaks(plan, first, last, m.rng.randint(2, 6))
    return plan


def over_25_open(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Turned 25 months ago and the case is still open: an audit finding."""
    plan = m.person("over_25_open", child_id, m.dob_aged(25 * 12, 25 * 12 + 10), uasc=uasc)
    (_in_care_at_18 if m.rng.random() < 0.7 else _left_before_18)(m, plan)
    return plan


def reached_25_closed(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    plan = m.person("reached_25_closed", child_id, m.dob_aged(25 * 12 + 1, 26 * 12 + 6), uasc=uasc)
    (_in_care_at_18 if m.rng.random() < 0.7 else _left_before_18)(m, plan)
    close(plan, birthday(plan.young_person.date_of_birth, 25, m.rule), ClosureReason.REACHED_25)
    return plan


def died(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """A former relevant young person who died after leaving care."""
    plan = m.person("died", child_id, m.former_relevant_dob(range(19, 23)), uasc=uasc)
    _in_care_at_18(m, plan)
    young_person = plan.young_person
    b18 = birthday(young_person.date_of_birth, 18, m.rule)
    young_person.date_of_death = m.between(b18 + _days(90), m.today - _days(40))
    close(plan, young_person.date_of_death + _days(m.rng.randint(7, 30)), ClosureReason.DIED)
    return plan


def died_in_care(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Died while looked after at 16 or 17 (REC E2). Rare."""
    plan = m.person("died_in_care", child_id, m.dob_aged(17 * 12, 22 * 12), uasc=uasc)
    young_person = plan.young_person
    dob = young_person.date_of_birth
    death = m.between(birthday(dob, 16, m.rule) + _days(120), min(birthday(dob, 18, m.rule), m.today) - _days(40))
    m.main_spell(plan, latest_entry=death - _days(100), end=death, reason_ended="E2")
    young_person.date_of_death = death
    close(plan, death + _days(m.rng.randint(7, 30)), ClosureReason.DIED)
    return plan


# -- children aged 14–15 -------------------------------------------------------------------


def approaching_16(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
    """Looked after, aged 14 to 15 years 9 months: the next cohort of eligible children."""
    plan = m.person("approaching_16", child_id, m.dob_aged(14 * 12, 15 * 12 + 9), uasc=uasc)
    dob = plan.young_person.date_of_birth
    if uasc:
        entry = m.between(max(birthday(dob, 13, m.rule) + _days(180), m.today - _days(700)), m.today - _days(7))
        m.spell(plan, entry, None, "", "uasc", m.budget(1), cin=m.cin_for(plan, "uasc"))
        return plan
    roll = m.rng.random()
    if roll < 0.55:
        entry, route = m.between(dob + _days(60), birthday(dob, 9, m.rule)), "care"
    elif roll < 0.85:
        entry, route = m.between(birthday(dob, 9, m.rule), m.today - _days(365)), m.rng.choice(("care", "care", "s20"))
    else:
        entry, route = m.between(m.today - _days(365), m.today - _days(7)), m.rng.choice(("care", "s20", "s20"))
    budget = m.budget(2 if route == "care" else 1)
    used = m.earlier_spells(plan, entry, budget - 1)
    m.spell(plan, entry, None, "", route, max(1, budget - used), cin=m.cin_for(plan, route))
    return plan


def _fr(ages: range) -> Recipe:
    def recipe(m: HistoryMaker, child_id: str, uasc: bool) -> PersonPlan:
        return former_relevant(m, child_id, uasc, ages)

    return recipe


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("in_care_16_17", 0.165, 3, True, in_care_16_17, "Looked after at 16–17 (mostly eligible)"),
    Scenario("new_to_care_16_17", 0.012, 1, True, new_to_care_16_17, "In care at 16–17 for under 13 weeks"),
    Scenario("relevant", 0.036, 2, True, relevant, "Left care at 16–17 after 13 weeks"),
    Scenario("relevant_home_broke_down", 0.002, 1, False, relevant_home_broke_down, "Went home 8 months, broke down"),
    Scenario("home_six_months", 0.003, 2, False, home_six_months, "Went home at 16–17 for 6+ months"),
    Scenario("remanded", 0.007, 1, False, remanded, "Remanded (J1) for 13+ weeks at 16–17"),
    Scenario("former_relevant_18_20", 0.325, 6, True, _fr(range(18, 21)), "Former relevant, 18–20"),
    Scenario("former_relevant_21_24", 0.36, 5, True, _fr(range(21, 25)), "Former relevant, 21–24"),
    Scenario("late_entry", 0.016, 1, True, late_entry, "Came into care at 17 years 10 months"),
    Scenario("short_stay", 0.016, 1, False, short_stay, "A few weeks in care after 16"),
    Scenario("special_guardianship", 0.03, 1, False, special_guardianship, "Left care on a special guardianship order"),
    Scenario("short_breaks_only", 0.005, 1, False, short_breaks_only, "Only planned short breaks (V3)"),
    Scenario("over_25_open", 0.006, 2, True, over_25_open, "Aged 25+ and still open"),
    Scenario("reached_25_closed", 0.005, 1, True, reached_25_closed, "Closed on the 25th birthday"),
    Scenario("died", 0.001, 1, False, died, "Died after leaving care"),
    Scenario("died_in_care", 0.0004, 0, False, died_in_care, "Died while looked after (E2)"),
)
APPROACHING_16 = Scenario("approaching_16", 0.0, 0, True, approaching_16, "Looked after, aged 14–15")
BY_NAME = {s.name: s for s in (*SCENARIOS, APPROACHING_16)}
# The scenario that absorbs rounding, so the counts add up to --young-people.
BALANCE = "former_relevant_21_24"


def scenario_counts(young_people: int) -> dict[str, int]:
    """How many of each recipe make up ``young_people`` people in the leaving-care service.

    From 40 young people up, every recipe has at least its minimum, so a small demo still
    shows every category; below that the shares are simply rounded.
    """
    counts = {}
    for scenario in SCENARIOS:
        if scenario.name == BALANCE:
            continue
        count = round(scenario.share * young_people)
        if young_people >= 40:
            count = max(scenario.minimum, count)
        counts[scenario.name] = count
    rest = young_people - sum(counts.values())
    while rest < 0:  # tiny councils: trim the largest recipes until the total fits
        largest = max(counts, key=lambda name: counts[name])
        counts[largest] -= 1
        rest += 1
    counts[BALANCE] = rest
    return {s.name: counts[s.name] for s in SCENARIOS}


def uasc_chance(uasc_share: float) -> float:
    """The chance that a person drawn from a UASC-capable recipe is UASC, so that about
    ``uasc_share`` of the leaving-care service is UASC overall."""
    capable = sum(s.share for s in SCENARIOS if s.uasc)
    return min(0.95, uasc_share / capable) if capable else 0.0


def approaching_16_uasc_chance(uasc_share: float) -> float:
    # Most UASC arrive at 16 or 17; fewer are 14 or 15 (docs/demo-council.md, "UASC").
    return min(0.95, uasc_share * 0.5)


__all__ = [
    "APPROACHING_16",
    "BY_NAME",
    "SCENARIOS",
    "Scenario",
    "approaching_16_uasc_chance",
    "scenario_counts",
    "uasc_chance",
]
