"""A young person's life after care, drawn once their care history is known: where they
live, what they do, staying put, what they tell the council after 21, and when their case
closes (and sometimes reopens).

Some of it changes their leaving-care status (a request for support at 21 brings s23CZB
duties, staying put its own flag), so it is drawn before the status the generator stores,
and before workers are allocated (a case closed at 21 has no adviser after that).
Every random choice comes from the young person's own ``random.Random``.
Rates and their sources are in docs/demo-council.md ("Life after care").
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from casework.models import CaseClosure, ClosureReason, ReopenReason
from circumstances.models import (
    AccommodationSpell,
    ActivitySpell,
    Declaration,
    DetentionKind,
    DetentionPeriod,
    EducationProgramme,
    StayingPutArrangement,
    StayingPutReview,
)
from compliance.calendar import LeapDayRule, age_on
from compliance.categories import Category, LeavingCareStatus
from compliance.facts import Declaration as DeclarationFact
from compliance.facts import DeclarationKind, Period, YoungPersonFacts
from demo import places, texts, vocab
from demo.dates import Showcase, backwards, between, days, monthly, pick
from demo.histories import PersonPlan
from people.status import episode_fact

# Former relevant young people aged 21 to 24 who have asked for a personal adviser
# (s23CZB), by age today: national-benchmarks.md §2.3 (51-58% of 22s and about 43% of 23s
# "requested and received support"); 21 as 22, 24 extrapolated.
ASKED_FOR_SUPPORT = {21: 0.55, 22: 0.55, 23: 0.43, 24: 0.35}
BACK_IN_EDUCATION = 0.05  # s23CA: told the council about education or training after 21 (invented)
PROGRAMME_PAST_21 = 0.05  # a course in the plan running past 21, s23C(7) (invented)
# When duties end at 21 and nobody asks for more (invented): closed within the 28-day
# grace, closed late, or left open (the closure duty then falls due).
CLOSED_ON_TIME, CLOSED_LATE = 0.80, 0.08

# Staying put: how long arrangements last, as the age they end at. 55% of 18-year-olds
# leaving foster care stay put, 31% are still there at 19 and 21% at 20
# (national-benchmarks.md §2.5): 56% and 38% of arrangements last to 19 and 20.
STAYING_PUT_ENDS = {(18.25, 19.0): 44, (19.0, 20.0): 18, (20.0, 21.0): 20, (21.0, 21.0): 18}
STAYING_PUT_LATE = 0.2  # invented

# SSDA903 ACCOM type after care, by age (national-benchmarks.md §2.2: about 27% of
# 18-year-olds in semi-independent accommodation; the rest invented).
ACCOMMODATION_BY_AGE = {
    16: {"D": 45, "E": 15, "T": 10, "B": 12, "K": 5, "U": 5, "V": 3, "S": 2, "X": 3},
    18: {"D": 27, "U": 23, "E": 8, "T": 7, "B": 12, "K": 8, "V": 3, "W": 1, "S": 2, "X": 2, "R": 3, "Y": 4},
    21: {"U": 50, "B": 14, "D": 8, "K": 10, "E": 3, "T": 3, "S": 2, "X": 2, "R": 4, "Y": 4},
}
# Suitability (national-benchmarks.md §2.1, ages 19-21: 85% suitable, 6% not, 9% no information).
# An adviser judges it whenever they record where someone lives; the national "no information"
# is mostly care leavers the council is not in touch with, whose return says "0" anyway.
SUITABLE = 0.85 / (0.85 + 0.06)
# Share of each type the council provides (s23B for relevant children, s24B after 18): invented.
COUNCIL_PROVIDED_16_17 = {"D": 0.85, "E": 0.85, "T": 0.85, "K": 0.85, "V": 1.0, "W": 1.0}
COUNCIL_PROVIDED_18 = {"D": 0.55, "E": 0.6, "T": 0.4, "V": 0.8, "W": 0.8}
NO_ADDRESS = frozenset({"R", "S", "X", "G", "H"})

# SSDA903 ACTIV by age. NEET (G4, G5, G6): 31% at 18 and 38-41% at 19-21
# (national-benchmarks.md §2.4); 16-17 and 22+ invented. No "0": an adviser records what
# someone does; "not known" is having no record, which the return turns into 0 itself.
ACTIVITY_BY_AGE = {
    16: {"F2": 55, "P2": 5, "F4": 6, "F5": 3, "P5": 3, "G5": 20, "G4": 3, "G6": 2},
    18: {"F2": 30, "F1": 6, "F4": 8, "F5": 12, "P5": 8, "P2": 3, "G5": 22, "G4": 5, "G6": 4},
    19: {"F1": 7, "F2": 15, "P2": 3, "F4": 6, "P4": 1, "F5": 17, "P5": 9, "G5": 25, "G4": 8, "G6": 6},
    22: {"F1": 4, "F2": 6, "P1": 1, "F4": 4, "F5": 27, "P5": 12, "G5": 24, "G4": 9, "G6": 7},
}
LEARNING = frozenset({"F1", "P1", "F2", "P2", "F4", "P4"})


def _by_age(table: dict[int, dict[str, float]], age: int) -> dict[str, float]:
    return table[max(a for a in table if a <= max(age, min(table)))]


@dataclass
class Life:
    closures: list[CaseClosure] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    staying_put: list[StayingPutArrangement] = field(default_factory=list)
    staying_put_reviews: list[StayingPutReview] = field(default_factory=list)
    programmes: list[EducationProgramme] = field(default_factory=list)
    detention: list[DetentionPeriod] = field(default_factory=list)
    accommodation: list[AccommodationSpell] = field(default_factory=list)
    activity: list[ActivitySpell] = field(default_factory=list)

    @property
    def pause(self) -> tuple[dt.date, dt.date] | None:
        """Closed and later reopened: no adviser between the two."""
        reopened = next((c for c in self.closures if c.reopened_on is not None), None)
        return (reopened.closed_on, reopened.reopened_on) if reopened else None  # type: ignore[return-value]

    def changes_status(self) -> bool:
        return bool(self.declarations or self.staying_put or self.programmes or self.detention)

    def person_facts(self, plan: PersonPlan) -> YoungPersonFacts:
        """What people.facts reads back once this is stored, so the stored timeline matches."""
        person = plan.young_person
        return YoungPersonFacts(
            date_of_birth=person.date_of_birth,
            episodes=tuple(episode_fact(e) for e in sorted(plan.episodes, key=lambda e: e.start)),
            living_with_parent=tuple(sorted((Period(p.start, p.end) for p in plan.home_periods), key=lambda p: p.start)),
            detained_or_in_hospital=tuple(sorted((Period(d.start, d.end) for d in self.detention), key=lambda p: p.start)),
            declarations=tuple(sorted((DeclarationFact(DeclarationKind(d.kind), d.told_on) for d in self.declarations),
                                      key=lambda d: d.on)),
            staying_put=tuple(sorted((Period(s.start, s.end) for s in self.staying_put), key=lambda p: p.start)),
            education_programme_beyond_21_until=max((p.ends_on for p in self.programmes), default=None),
            date_of_death=person.date_of_death,
        )


class LifeMaker:
    def __init__(self, today: dt.date, rule: LeapDayRule, showcase: Showcase, review_months: int) -> None:
        self.today = today
        self.rule = rule
        self.showcase = showcase
        self.staying_put_reviews = monthly(review_months)

    def make(self, rng: random.Random, plan: PersonPlan, status: LeavingCareStatus) -> Life:
        life = Life()
        if plan.closure is not None:
            life.closures.append(plan.closure)
        self._after_21(rng, plan, status, life)
        self._staying_put(rng, plan, status, life)
        self._accommodation(rng, plan, status, life)
        self._activity(rng, plan, status, life)
        return life

    # -- after 21 ---------------------------------------------------------------------------

    def _after_21(self, rng: random.Random, plan: PersonPlan, status: LeavingCareStatus, life: Life) -> None:
        person, keys, today = plan.young_person, status.key_dates, self.today
        b21 = keys.birthday_21
        if person.closed_on or person.date_of_death or not b21 + days(2) <= today < keys.birthday_25:
            return
        if status.category_on(b21) is not Category.FORMER_RELEVANT:
            return
        asked = ASKED_FOR_SUPPORT[age_on(person.date_of_birth, today, self.rule)]
        roll = rng.random()
        if roll < asked:
            self._asks_for_support(rng, plan, b21, life)
        elif roll < asked + BACK_IN_EDUCATION and today > b21 + days(40):
            told = between(rng, b21 + days(30), today - days(1))
            life.declarations.append(Declaration(kind=DeclarationKind.EDUCATION_TRAINING, told_on=told,
                                                 note=rng.choice(texts.COURSES)))
        elif roll < asked + BACK_IN_EDUCATION + PROGRAMME_PAST_21:
            ends = b21 + days(rng.randint(90, 700))
            life.programmes.append(EducationProgramme(programme=rng.choice(texts.COURSES[3:]),
                                                      provider=texts.PROVIDERS[-1], ends_on=ends))
            if ends < today:
                self._duties_end(rng, plan, ends, life)
        else:
            self._duties_end(rng, plan, b21, life)

    def _asks_for_support(self, rng: random.Random, plan: PersonPlan, b21: dt.date, life: Life) -> None:
        today = self.today
        if rng.random() < 0.65 or today < b21 + days(70):
            told = between(rng, b21, min(b21 + days(21), today - days(1)))  # asked to keep their adviser
        else:
            told = between(rng, b21 + days(40), min(today - days(1), b21 + days(1100)))
            if rng.random() < 0.6:  # closed at 21, reopened when they came back
                closed = between(rng, b21, b21 + days(28))
                life.closures.append(CaseClosure(closed_on=closed, reason=ClosureReason.REACHED_21,
                                                 reopened_on=told, reopen_reason=ReopenReason.SUPPORT_REQUESTED,
                                                 reopen_note="Came back to ask for help with housing."))
        life.declarations.append(Declaration(kind=DeclarationKind.SUPPORT_REQUESTED, told_on=told))
        if rng.random() < 0.08 and told + days(150) < today:
            declined = between(rng, told + days(120), today - days(1))
            life.declarations.append(Declaration(kind=DeclarationKind.SUPPORT_DECLINED, told_on=declined))
            closed = declined + days(rng.randint(0, 40))
            if closed <= today and rng.random() < 0.7:
                self._close(plan, closed, ClosureReason.DECLINED_AFTER_21, life)

    def _duties_end(self, rng: random.Random, plan: PersonPlan, ended: dt.date, life: Life) -> None:
        """No duty is left: most cases close within the grace, some late, some stay open."""
        roll = rng.random()
        if roll < CLOSED_ON_TIME:
            closed = ended + days(rng.randint(0, 28))
        elif roll < CLOSED_ON_TIME + CLOSED_LATE:
            closed = ended + days(rng.randint(29, 240))
        else:
            return
        if closed <= self.today:
            self._close(plan, closed, ClosureReason.REACHED_21, life)

    def _close(self, plan: PersonPlan, on: dt.date, reason: str, life: Life) -> None:
        closure = CaseClosure(closed_on=on, reason=reason)
        life.closures.append(closure)
        plan.young_person.closed_on = on
        plan.young_person.closure_reason = closure.reason_text[:200]

    # -- staying put -------------------------------------------------------------------------

    def _staying_put(self, rng: random.Random, plan: PersonPlan, status: LeavingCareStatus, life: Life) -> None:
        keys, today = status.key_dates, self.today
        b18, b21 = keys.birthday_18, keys.birthday_21
        last = max(plan.episodes, key=lambda e: e.start, default=None)
        if last is None or last.reason_ended != "E17" or last.end != b18 or b18 > today:
            return
        low, high = rng.choices(list(STAYING_PUT_ENDS), list(STAYING_PUT_ENDS.values()))[0]
        end: dt.date | None = b18 + days(int(365.25 * (rng.uniform(low, high) - 18)))
        stops = [d for d in (plan.young_person.closed_on, plan.young_person.date_of_death) if d]
        end = min([end, b21, *stops])  # type: ignore[type-var]
        if end is not None and end > today:
            end = None
        if end is not None and end <= b18:
            return
        person = plan.young_person
        carer = rng.choice(texts.CARERS).format(family=rng.choice(vocab.FAMILY), given=rng.choice(vocab.GIRLS))
        arrangement = StayingPutArrangement(start=b18, end=end, carer=carer)
        life.staying_put.append(arrangement)
        current = end is None and today < b21 and not person.closed_on
        late = self.showcase.late(rng, "staying_put", STAYING_PUT_LATE) if current else rng.random() < STAYING_PUT_LATE
        until = today if end is None else end - days(1)
        for day in backwards(rng, self.staying_put_reviews, b18, until, late=late):
            life.staying_put_reviews.append(StayingPutReview(arrangement=arrangement, reviewed_on=day,
                                                             notes="Arrangement reviewed with carers; going well."))

    # -- where they live ---------------------------------------------------------------------

    def _accommodation(self, rng: random.Random, plan: PersonPlan, status: LeavingCareStatus, life: Life) -> None:
        person, keys, today = plan.young_person, status.key_dates, self.today
        left = keys.left_care
        if left is None or left >= today or (person.closed_on and left >= person.closed_on):
            return
        dob = person.date_of_birth
        last_exit = max(plan.episodes, key=lambda e: e.start).reason_ended
        home = next((h for h in plan.home_periods if h.start == left), None)
        day, first = left, True
        while day < today and (person.date_of_death is None or day < person.date_of_death):
            age = age_on(dob, day, self.rule)
            if first and life.staying_put:
                kind, end = "Z", life.staying_put[0].end
            elif first and home is not None:
                kind, end = "B", home.end
            elif first and last_exit == "E9":
                kind, end = "X", day + days(rng.randint(60, 365))
            else:
                kind = pick(rng, _by_age(ACCOMMODATION_BY_AGE, age))
                end = day + days(rng.randint(60, 240) if kind in ("V", "W", "S", "X", "R") else rng.randint(150, 800))
            first = False
            if end is not None and (end >= today or (person.closed_on and end > person.closed_on)):
                end = None
            if end is not None and person.date_of_death and end > person.date_of_death:
                end = person.date_of_death
            life.accommodation.append(self._spell(rng, kind, day, end, age))
            if kind == "X":
                life.detention.append(DetentionPeriod(kind=DetentionKind.DETAINED, start=day, end=end,
                                                      place=rng.choice(texts.CUSTODY)))
            if end is None:
                break
            day = end
        current = life.accommodation[-1] if life.accommodation else None
        if current is not None and current.end is None and current.address:
            person.address, person.postcode = current.address, current.postcode

    def _spell(self, rng: random.Random, kind: str, start: dt.date, end: dt.date | None, age: int) -> AccommodationSpell:
        suitable = rng.random() < SUITABLE
        if kind in ("S", "X"):
            suitable = False  # always unsuitable (validator rule 133)
        provided = (COUNCIL_PROVIDED_16_17 if age < 18 else COUNCIL_PROVIDED_18).get(kind, 0.0)
        address = postcode = ""
        if kind not in NO_ADDRESS:
            postcode = rng.choice(places.COUNCIL_POSTCODES)
            address = f"{rng.randint(1, 140)} {rng.choice(vocab.STREETS)}\n{rng.choice(vocab.TOWNS)}"
        return AccommodationSpell(
            start=start, end=end, accommodation_type=kind, suitable=suitable,
            unsuitable_reason=rng.choice(texts.UNSUITABLE) if not suitable and kind not in ("S", "X") else "",
            council_provided=rng.random() < provided, address=address, postcode=postcode,
        )

    # -- what they do --------------------------------------------------------------------------

    def _activity(self, rng: random.Random, plan: PersonPlan, status: LeavingCareStatus, life: Life) -> None:
        person, keys, today = plan.young_person, status.key_dates, self.today
        leaving = next((s.start for s in status.timeline if s.category.is_leaving_care), None)
        if leaving is None:
            return
        day = max(leaving, keys.birthday_16)
        stop = min(d for d in (today, person.closed_on, person.date_of_death) if d is not None)
        studying_until = max((p.ends_on for p in life.programmes), default=None)
        while day < stop:
            end: dt.date | None = day + days(rng.randint(200, 800))
            if end >= stop:  # type: ignore[operator]
                end = None if stop == today or stop == person.closed_on else stop
            # The current activity follows today's age, so the shares today are the documented ones.
            age = age_on(person.date_of_birth, today if end is None else day, self.rule)
            activity = pick(rng, _by_age(ACTIVITY_BY_AGE, age))
            if studying_until and day < studying_until and day >= studying_until - days(1100):
                activity = "F1"
            provider = course = ""
            if activity in LEARNING:
                provider, course = rng.choice(texts.PROVIDERS), rng.choice(texts.COURSES)
            life.activity.append(ActivitySpell(start=day, end=end, activity=activity, provider=provider, course=course))
            if end is None:
                break
            day = end

