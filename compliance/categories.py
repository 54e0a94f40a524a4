"""A young person's care history as a timeline of leaving-care categories.

:func:`assess` turns :class:`~compliance.facts.YoungPersonFacts` into contiguous
:class:`CategorySpan` values from birth onwards. The timeline does not depend on
"today": an open care episode is taken to continue, so the timeline also shows
what will happen next (e.g. former relevant from the 18th birthday), which lets
the duty ledger store the spans and the next change date.

How: every date on which any fact can change the answer (birthdays, care starts and
ends, the day 91 days are reached, six months at home, declarations, staying put,
death) is a boundary; :class:`~compliance.category_rules.CategoryRules` judges each
boundary once and equal neighbours are merged. The rules are statutory-rules.md §2
with the §2.8 precedence; the interpretive choices are :class:`LocalPolicy` fields
and docs/decisions/0002-leaving-care-category-rules.md.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from compliance.calendar import add_months, birthday, format_date
from compliance.care_time import CareTime
from compliance.category_rules import Category, CategoryRules, DutyFlag, Part
from compliance.facts import YoungPersonFacts
from compliance.policy import LocalPolicy

__all__ = [
    "Category",
    "CategorySpan",
    "DutyFlag",
    "KeyDates",
    "LeavingCareStatus",
    "assess",
    "counted_days",
]


@dataclass(frozen=True, slots=True)
class CategorySpan:
    """One stretch of the timeline; ``end`` is exclusive, None means open-ended."""

    category: Category
    start: date
    end: date | None
    flags: frozenset[DutyFlag]
    reason: str
    citation: str

    def covers(self, d: date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


@dataclass(frozen=True, slots=True)
class KeyDates:
    """Dates the rest of the service reads without working them out again.

    ``left_care`` is the end of the last spell of care if it ended after the 16th
    birthday (None while still looked after). ``entitlement_ends`` is the first day
    of the final run of "no leaving-care status" after any leaving-care category.
    ``retain_until``: 75th birthday, or 15 years after death before 18 (CLR 2010 reg 10).
    """

    birthday_14: date
    birthday_16: date
    birthday_18: date
    birthday_21: date
    birthday_25: date
    eligible_from: date | None
    left_care: date | None
    entitlement_ends: date | None
    retain_until: date


@dataclass(frozen=True, slots=True)
class LeavingCareStatus:
    """The whole timeline for one young person, with look-ups by date."""

    timeline: tuple[CategorySpan, ...]
    key_dates: KeyDates
    counted_days_at_exit: int | None
    _starts: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start for s in self.timeline))

    def span_on(self, d: date) -> CategorySpan:
        index = bisect_right(self._starts, d) - 1
        if index < 0:
            raise ValueError(f"{format_date(d)} is before the date of birth")
        return self.timeline[index]

    def category_on(self, d: date) -> Category:
        return self.span_on(d).category

    def next_change_after(self, d: date) -> date | None:
        """The first date after ``d`` on which the span changes; None if it never does."""
        index = bisect_right(self._starts, d)
        return self._starts[index] if index < len(self._starts) else None

    def explain(self, d: date) -> str:
        """E.g. "Former relevant since 3 May 2024 because they were looked after on …"."""
        span = self.span_on(d)
        since = format_date(span.start)
        if span is self.timeline[0]:
            since = f"birth ({since})"
        return f"{span.category.label} since {since} because {span.reason[:1].lower()}{span.reason[1:]}"


def assess(facts: YoungPersonFacts, policy: LocalPolicy = LocalPolicy()) -> LeavingCareStatus:
    """The leaving-care category timeline for one young person, from birth onwards.

    Children Act 1989 Sch 2 para 19B, ss23A, 23C, 23CA, 23CZA, 23CZB, 24; CPPCR 2010
    regs 40, 48; Care Leavers (England) Regulations 2010 regs 3, 10;
    statutory-rules.md §2 (precedence §2.8) and §5.
    """
    rules = CategoryRules(facts, policy)
    merged: list[tuple[date, tuple[Category, frozenset[DutyFlag], tuple[Part, ...]]]] = []
    for d in rules.boundaries():
        key = rules.key(d)
        if not merged or merged[-1][1] != key:
            merged.append((d, key))
    timeline = tuple(
        CategorySpan(
            category=category,
            start=start,
            end=merged[i + 1][0] if i + 1 < len(merged) else None,
            flags=flags,
            reason=" ".join(_WORDING[str(part[0])](*part[1:]) for part in parts),
            citation=_citation(category, flags, parts),
        )
        for i, (start, (category, flags, parts)) in enumerate(merged)
    )
    last = rules.care.spells[-1] if rules.care.spells else None
    last_end = last.end if last is not None else None
    retain_until = birthday(facts.date_of_birth, 75, policy.leap_day_birthday_rule)
    if rules.died is not None and rules.died < rules.b18:
        retain_until = add_months(rules.died, 15 * 12)  # CLR 2010 reg 10; CPPCR 2010 reg 50
    key_dates = KeyDates(
        birthday_14=rules.b14,
        birthday_16=rules.b16,
        birthday_18=rules.b18,
        birthday_21=rules.b21,
        birthday_25=rules.b25,
        eligible_from=next((s.start for s in timeline if s.category is Category.ELIGIBLE), None),
        left_care=last_end if last_end is not None and last_end > rules.b16 else None,
        entitlement_ends=_entitlement_ends(timeline),
        retain_until=retain_until,
    )
    counted_at_exit = rules.care.counted_days(last_end) if last_end is not None else None
    return LeavingCareStatus(timeline, key_dates, counted_at_exit)


def counted_days(facts: YoungPersonFacts, on: date, policy: LocalPolicy = LocalPolicy()) -> int:
    """Days looked after counted towards the 13 weeks, strictly before ``on``.

    From the later of each episode's start and the 14th birthday, end date exclusive,
    short breaks (V3/V4) left out: CPPCR 2010 reg 40(1)–(2); DfE validator rule 1001;
    statutory-rules.md §1.2, §2.1.
    """
    b14 = birthday(facts.date_of_birth, 14, policy.leap_day_birthday_rule)
    return CareTime(facts.episodes, b14).counted_days(on)


def _entitlement_ends(timeline: tuple[CategorySpan, ...]) -> date | None:
    index = len(timeline)
    while index > 0 and timeline[index - 1].category is Category.NONE:
        index -= 1
    if index == len(timeline) or not any(s.category.is_leaving_care for s in timeline[:index]):
        return None
    return timeline[index].start


# -- wording -------------------------------------------------------------------------
# Reasons are read by young people, staff and auditors: short sentences, GOV.UK dates,
# each starting with a capital so that explain() can lower-case the first letter.


def _days(n: object) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _d(value: object) -> str:
    assert isinstance(value, date)
    return format_date(value)


def _never(first: object) -> str:
    if first is None:
        return "They have not been looked after by the council."
    return f"They had not been looked after by the council before {_d(first)}."


def _s23c(end: object, extended: object) -> str:
    until = (
        f"{_d(end)}, when the education or training in their pathway plan ends,"
        if extended
        else (f"their 21st birthday ({_d(end)})")
    )
    return (
        f"Until {until} the council must keep in touch, keep a personal adviser and keep the pathway plan under review."
    )


def _dormant(declined: object, b25: object) -> str:
    said = f"They said on {_d(declined)} that they no longer want personal adviser support. " if declined else ""
    return (
        f"{said}No duty is active now, but they can ask for personal adviser support at any time "
        f"before their 25th birthday ({_d(b25)})."
    )


_WORDING: dict[str, Callable[..., str]] = {
    "never": _never,
    "left_before_16": lambda b16: (
        "They are not looked after and are under 16. Leaving care before 16 gives no leaving-care "
        f"status; being looked after again on or after their 16th birthday ({_d(b16)}) could."
    ),
    "looked_after_under_16": lambda start, b16: (
        f"They have been looked after since {_d(start)} and cannot be an eligible child before "
        f"their 16th birthday ({_d(b16)})."
    ),
    "looked_after_short_of_days": lambda start: (
        f"They have been looked after since {_d(start)} but not yet for 91 days (13 weeks) since "
        "their 14th birthday, so they are not yet an eligible child."
    ),
    "looked_after_adult": lambda start, b18: (
        f"They are still looked after (since {_d(start)}) but were not an eligible child on their "
        f"18th birthday ({_d(b18)}), so they are not a former relevant child."
    ),
    "short_break": lambda start: (
        f"They are on a planned short break that began on {_d(start)}. Short breaks (legal status "
        "V3 or V4) never make a child eligible for leaving-care support."
    ),
    "eligible": lambda start, threshold: (
        f"They are looked after (since {_d(start)}), aged 16 or 17, and reached 91 days (13 weeks) "
        f"in care since their 14th birthday on {_d(threshold)}, so they are an eligible child."
    ),
    "relevant_exit": lambda end, counted, b18: (
        f"They stopped being looked after on {_d(end)} after {_days(counted)} in care since their "
        "14th birthday (at least 91 needed), including time aged 16, so they were an eligible child "
        f"when care ended and are a relevant child until their 18th birthday ({_d(b18)})."
    ),
    "relevant_detained": lambda b16, since, b18: (
        f"They were detained or in hospital on their 16th birthday ({_d(b16)}), having been looked "
        f"after for at least 91 days since their 14th birthday before that began on {_d(since)}, so "
        f"they are a relevant child until their 18th birthday ({_d(b18)}). This applies only if they "
        "are not subject to a care order, which is not recorded here."
    ),
    "home": lambda since, six_months: (
        "They have lived with a parent or another person with parental responsibility since "
        f"{_d(since)}, which reached 6 months on {_d(six_months)}, so they are not a relevant or "
        "former relevant child while that continues."
    ),
    "home_ended": lambda since, until: (
        "They lived with a parent or another person with parental responsibility from "
        f"{_d(since)} until {_d(until)}, so the 6-month rule no longer stops them being a care leaver."
    ),
    "too_few_days": lambda end, counted: (
        f"When care ended on {_d(end)} they had {_days(counted)} in care since their 14th birthday, "
        "fewer than the 91 needed to be an eligible child."
    ),
    "short_breaks_after_16": lambda: "Their only care after their 16th birthday was planned short breaks.",
    "not_relevant_at_18": lambda b18: (
        f"They were not a relevant child the day before their 18th birthday ({_d(b18)}), so they are "
        "not a former relevant child."
    ),
    "qualifying_sgo": lambda end, b21: (
        f"They left care through a special guardianship order on {_d(end)}, so until their 21st "
        f"birthday ({_d(b21)}) they qualify for advice and assistance."
    ),
    "qualifying_1b": lambda b21: (
        "They were looked after after their 16th birthday and are not now, so until their 21st "
        f"birthday ({_d(b21)}) they qualify for advice and assistance."
    ),
    "qualifying_ended": lambda b21: (
        f"They qualified for advice and assistance until their 21st birthday ({_d(b21)}); no leaving-care duty remains."
    ),
    "fr_b": lambda b18, counted: (
        f"They were looked after on their 18th birthday ({_d(b18)}) after {_days(counted)} in care "
        "since their 14th birthday (at least 91 needed), so they were an eligible child when care "
        "ended and are a former relevant child."
    ),
    "still_looked_after": lambda: "They are still looked after.",
    "fr_a": lambda b18: (
        f"They were a relevant child before their 18th birthday ({_d(b18)}), so they are a former relevant child."
    ),
    "s23c": _s23c,
    "staying_put": lambda since, b21: (
        f"They have been staying put with their former foster carer since {_d(since)}, which the "
        f"council must support until their 21st birthday ({_d(b21)})."
    ),
    "s23ca": lambda since, b25: (
        f"They told the council on {_d(since)} that they are in, or want to start, education or "
        "training, so while that continues the council must provide a personal adviser, assess their "
        f"needs and keep a pathway plan, up to their 25th birthday ({_d(b25)})."
    ),
    "s23czb": lambda since, b25: (
        f"They asked for personal adviser support on {_d(since)}, so the council must provide a "
        f"personal adviser until their 25th birthday ({_d(b25)}) unless they say they no longer want one."
    ),
    "dormant": _dormant,
    "died": lambda died: f"They died on {_d(died)}.",
    "over_25": lambda b25: f"They turned 25 on {_d(b25)}, when all leaving-care duties end.",
    "adopted": lambda end, code: (
        f"They were adopted on {_d(end)} (reason {code}), so they have no leaving-care status with this council."
    ),
    "transferred": lambda end: (
        f"Another local authority took over their care on {_d(end)} (reason E3); that authority, not "
        "this council, owes any leaving-care duties."
    ),
    "no_status_after_16": lambda b16, short_breaks: (
        f"They have not been looked after at any time since their 16th birthday ({_d(b16)})"
        f"{', other than on planned short breaks,' if short_breaks else ''} so they have no "
        "leaving-care status."
    ),
}

_CA = "Children Act 1989"
_CLR3 = "Care Leavers (England) Regulations 2010 reg 3"
_CITATIONS = {
    "never": f"{_CA} s22(1)",
    "left_before_16": f"{_CA} s22(1), Sch 2 para 19B",
    "looked_after_under_16": f"{_CA} Sch 2 para 19B; CPPCR 2010 reg 40",
    "looked_after_short_of_days": f"{_CA} Sch 2 para 19B; CPPCR 2010 reg 40",
    "looked_after_adult": f"{_CA} s23C(1)(b)",
    "short_break": "CPPCR 2010 regs 40(2) and 48",
    "eligible": f"{_CA} Sch 2 para 19B; CPPCR 2010 reg 40",
    "relevant_exit": f"{_CA} s23A(2)",
    "relevant_detained": f"{_CA} s23A(3); {_CLR3}(2)",
    "home": f"{_CLR3}; {_CA} s23C(1)(a)",
    "fr_b": f"{_CA} s23C(1)(b)",
    "fr_a": f"{_CA} s23C(1)(a)",
    "qualifying_sgo": f"{_CA} s24(1A)",
    "qualifying_1b": f"{_CA} s24(1B)",
    "qualifying_ended": f"{_CA} s24(1A)–(1B)",
    "died": "statutory-rules.md §6; Care Leavers (England) Regulations 2010 reg 10",
    "over_25": f"{_CA} ss23CA(1), 23CZB(1)",
    "adopted": "SSDA903 REC E11/E12; DfE validator rule 1001",
    "transferred": f"{_CA} s23A(4), s24(5); SSDA903 REC E3",
    "no_status_after_16": f"{_CA} s23A(2), s24(1B)",
}


_FLAG_ORDER = tuple(DutyFlag)  # iterating the enum class each time is slow


def _citation(category: Category, flags: frozenset[DutyFlag], parts: tuple[Part, ...]) -> str:
    """The provision that decides the category, then any reg 3 point, then the duty flags."""
    kinds = [str(p[0]) for p in parts]
    deciding = [k for k in kinds if k in _CITATIONS and k != "home"] or ["home"]
    main = _CITATIONS[kinds[0] if category is Category.FORMER_RELEVANT else deciding[-1]]
    pieces = [main]
    if ("home" in kinds or "home_ended" in kinds) and _CLR3 not in main:
        pieces.append(_CLR3)
    pieces += [flag.citation for flag in _FLAG_ORDER if flag in flags]
    return "; ".join(pieces)
