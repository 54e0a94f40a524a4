"""The quarterly scorecard: what each young person adds to each measure in a quarter.

Quarters are the council's financial quarters (April to June is the first). A measure is
a count of young people who meet it (the numerator) out of those it is about (the
denominator), judged on the quarter's last day from the case as it stood then
(:mod:`compliance.known_on`), except visits, which are counted one by one as they fell
due. Outcome measures (in touch, education, employment or training, suitable
accommodation) are split into the DfE's age groups 17–18, 19–21 and 22–25 so they sit
beside the national tables (national-benchmarks.md §3).

Who counts as a care leaver here: relevant or former relevant on the quarter's last day,
aged 17 to 25, case open. That is close to, but not the same as, the DfE's OC3 cohort
(measured around each birthday): the page says so beside the national figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from compliance.calendar import age_on
from compliance.categories import LeavingCareStatus
from compliance.category_rules import Category
from compliance.duties import DUTIES, DutyContext, DutyResult, DutyState
from compliance.duties.visits import qualifies as visit_counts
from compliance.known_on import known_on
from compliance.policy import LocalPolicy
from compliance.records import CaseFacts
from compliance.standards import LocalStandards

__all__ = ["AGE_BANDS", "MEASURES", "ActivitySpell", "Measure", "Quarter", "contributions", "last_quarters", "quarter_containing"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    """A financial quarter, ``start`` to ``end`` (exclusive)."""

    start: date
    end: date

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def financial_year(self) -> str:
        first = self.start.year if self.start.month >= 4 else self.start.year - 1
        return f"{first}-{str(first + 1)[-2:]}"

    @property
    def number(self) -> int:
        return ((self.start.month - 4) % 12) // 3 + 1

    @property
    def label(self) -> str:
        """"Q2 2026-27", as councils write it."""
        return f"Q{self.number} {self.financial_year}"

    @property
    def months(self) -> str:
        return f"{_MONTHS[self.start.month - 1]} to {_MONTHS[self.last_day.month - 1]} {self.last_day.year}"


def quarter_containing(day: date) -> Quarter:
    first_month = ((day.month - 1) // 3) * 3 + 1  # calendar quarters line up with financial ones
    start = date(day.year, first_month, 1)
    end = date(day.year + (first_month == 10), (first_month + 3 - 1) % 12 + 1, 1)
    return Quarter(start, end)


def last_quarters(today: date, count: int) -> list[Quarter]:
    """The ``count`` quarters that have ended by ``today``, oldest first."""
    quarters: list[Quarter] = []
    quarter = quarter_containing(today)
    while len(quarters) < count:
        quarter = quarter_containing(quarter.start - timedelta(days=1))
        quarters.append(quarter)
    return quarters[::-1]


# (key, label, lowest age, highest age)
AGE_BANDS: tuple[tuple[str, str, int, int], ...] = (
    ("17-18", "Aged 17 to 18", 17, 18),
    ("19-21", "Aged 19 to 21", 19, 21),
    ("22-25", "Aged 22 to 25", 22, 25),
)
ALL = ""  # the band of measures not split by age

EET_CODES = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})
NEET_CODES = frozenset({"G4", "G5", "G6"})
CARE_LEAVERS = frozenset({Category.RELEVANT, Category.FORMER_RELEVANT})


@dataclass(frozen=True, slots=True)
class Measure:
    key: str
    title: str
    definition: str
    by_age: bool


MEASURES: tuple[Measure, ...] = (
    Measure("in_touch", "In touch",
            "Care leavers we saw or spoke to in the quarter (attempts and news through others do not count).", True),
    Measure("eet", "In education, employment or training",
            "Care leavers whose main activity (SSDA903 ACTIV) on the quarter's last day was education, an "
            "apprenticeship, training or employment (F1–F5, P1–P5). Not known counts as not.", True),
    Measure("neet", "Not in education, employment or training",
            "Care leavers whose main activity on the quarter's last day was G4, G5 or G6.", True),
    Measure("suitable_accommodation", "In suitable accommodation",
            "Care leavers whose accommodation on the quarter's last day was judged suitable (ACCOM suffix 1). "
            "As in the DfE's tables, everyone in the age group counts, including those with nothing recorded.", True),
    Measure("plans_in_date", "Pathway plans in date",
            "Young people who need a pathway plan and on the quarter's last day had one, reviewed in time.", False),
    Measure("pa_allocated", "Personal adviser allocated",
            "Young people who need a personal adviser and had one on the quarter's last day.", False),
    Measure("assessments_on_time", "Needs assessments on time",
            "Young people whose needs assessment was due by the quarter's last day and was completed by its "
            "due date.", False),
    Measure("plan_by_16", "Pathway plan by the 16th birthday",
            "Eligible young people whose 16th birthday had passed by the quarter's last day and who had an "
            "agreed pathway plan by it.", False),
    Measure("visits_in_time", "Visits to timescale",
            "Visits at council-provided accommodation that fell due in the quarter and were made in time. A "
            "visit still overdue at the quarter's end counts as not in time.", False),
)


@dataclass(frozen=True, slots=True)
class ActivitySpell:
    start: date
    end: date | None
    code: str

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


_BY_CODE = {duty.code: duty for duty in DUTIES}


def _judge(code: str, case: CaseFacts, status: LeavingCareStatus, policy: LocalPolicy, standards: LocalStandards,
           day: date) -> DutyResult | None:
    """One duty's answer on ``day``; None before the duty came into force (as evaluate_all)."""
    duty = _BY_CODE[code]
    if duty.commences_on is not None and day < duty.commences_on:
        return None
    return duty.evaluate(DutyContext(case=case, status=status, policy=policy, standards=standards,
                                               judged_on=day))


def _band(age: int) -> str | None:
    return next((key for key, _label, low, high in AGE_BANDS if low <= age <= high), None)


def _open_on(case: CaseFacts, day: date) -> bool:
    person = case.person
    return (person.date_of_birth <= day and (case.closed_on is None or day < case.closed_on)
            and (person.date_of_death is None or day < person.date_of_death))


def _visits(case: CaseFacts, case_then: CaseFacts, status: LeavingCareStatus, quarter: Quarter,
            policy: LocalPolicy, standards: LocalStandards) -> Iterator[tuple[str, str, bool]]:
    """One (measure, band, met) per visit due in the quarter: each visit made in it is judged on
    the day before it (was the duty already overdue?), plus one not-in-time if still overdue at the end."""
    for contact in case.contacts:
        if quarter.start <= contact.on < quarter.end and visit_counts(contact):
            before = contact.on - timedelta(days=1)
            result = _judge("visits", known_on(case, before), status, policy, standards, before)
            if result is None or result.state is DutyState.NOT_APPLICABLE:
                continue  # a visit on the day the accommodation began was not yet due
            yield "visits_in_time", ALL, result.state is not DutyState.OVERDUE
    end = _judge("visits", case_then, status, policy, standards, quarter.last_day)
    if end is not None and end.state is DutyState.OVERDUE:
        yield "visits_in_time", ALL, False


def contributions(
    case: CaseFacts,
    status: LeavingCareStatus,
    activity: Iterable[ActivitySpell],
    quarter: Quarter,
    policy: LocalPolicy = LocalPolicy(),
    standards: LocalStandards = LocalStandards(),
) -> list[tuple[str, str, bool]]:
    """What one young person adds to the quarter's measures: (measure key, band, met) per count."""
    day = quarter.last_day
    if not _open_on(case, day):
        return []
    case_then = known_on(case, day)
    found: list[tuple[str, str, bool]] = []
    band = _band(age_on(case.person.date_of_birth, day, policy.leap_day_birthday_rule))
    if band is not None and status.category_on(day) in CARE_LEAVERS:
        in_touch = any(quarter.start <= c.on <= day and c.direct and not c.attempted for c in case_then.contacts)
        now_doing = next((a.code for a in activity if a.covers(day)), None)
        living = next((s for s in case_then.accommodation if s.start <= day and (s.end is None or day < s.end)), None)
        found += [
            ("in_touch", band, in_touch),
            ("eet", band, now_doing in EET_CODES),
            ("neet", band, now_doing in NEET_CODES),
            ("suitable_accommodation", band, living is not None and living.suitable is True),
        ]
    states = {code: _judge(code, case_then, status, policy, standards, day)
              for code in ("plan_in_place", "plan_review", "personal_adviser", "needs_assessment", "plan_by_16")}
    plan, review, adviser = states["plan_in_place"], states["plan_review"], states["personal_adviser"]
    if plan is not None and plan.state is not DutyState.NOT_APPLICABLE:
        review_ok = review is None or review.state in (DutyState.MET, DutyState.DUE, DutyState.NOT_APPLICABLE)
        found.append(("plans_in_date", ALL, plan.state is DutyState.MET and review_ok))
    # "Due" is not yet a failure, so it is left out of these three, as "does not apply" is.
    if adviser is not None and adviser.state not in (DutyState.NOT_APPLICABLE, DutyState.DUE):
        found.append(("pa_allocated", ALL, adviser.state is DutyState.MET))
    for code, key in (("needs_assessment", "assessments_on_time"), ("plan_by_16", "plan_by_16")):
        result = states[code]
        if result is not None and result.state not in (DutyState.NOT_APPLICABLE, DutyState.DUE):
            found.append((key, ALL, result.state is DutyState.MET and not result.late))
    found += _visits(case, case_then, status, quarter, policy, standards)
    return found
