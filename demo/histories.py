"""One fictional young person at a time: identity, care history and periods at home.

Nothing here touches the database: :class:`HistoryMaker` returns unsaved model
instances, so the generator can work out each person's leaving-care timeline
with the compliance core before anything is written. Every random choice comes
from the one seeded ``random.Random`` passed in, in a fixed order, so the same
seed and reference date give the same people.

A *scenario* says what kind of history to draw (still in care at 16, left care
at 17 and went home, came into care at 17 years 10 months, ...). The scenario
is only a recipe: the category shown in the service is whatever
``compliance.categories.assess`` makes of the history, never the scenario name.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from casework.models import CaseClosure
from compliance.calendar import LeapDayRule, add_months, birthday
from demo import places, vocab
from demo.identifiers import FOSTER_PLACEMENTS, UpnIssuer, ofsted_urn
from people.models import CareEpisode, Disability, HomeWithParentPeriod, YoungPerson

DAY = dt.timedelta(days=1)
K = TypeVar("K")

# Ages (whole years) of former relevant young people, weighted so that there are
# more 18–20s than 21–24s (docs/demo-council.md, "Ages").
FORMER_RELEVANT_AGE_WEIGHTS = {18: 14, 19: 14, 20: 13, 21: 12, 22: 10, 23: 8, 24: 7}

# How many episodes a person's whole history may use (1–6), before what the
# scenario needs (care orders need at least two: interim, then full).
EPISODE_BUDGET_WEIGHTS = {1: 25, 2: 25, 3: 20, 4: 15, 5: 10, 6: 5}
SHORT_BREAKS = frozenset({"V3", "V4"})


@dataclass
class PersonPlan:
    """A generated person, before saving. ``care_spells`` are (start, end) of continuous care."""

    scenario: str
    young_person: YoungPerson
    episodes: list[CareEpisode] = field(default_factory=list)
    home_periods: list[HomeWithParentPeriod] = field(default_factory=list)
    care_spells: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)
    home_postcode: str = ""
    closure: CaseClosure | None = None  # the closure the recipe drew, if any


@dataclass
class _Segment:
    start: dt.date
    legal_status: str
    kind: str  # RNE: S, L, P, T, B or U
    placement: str = ""
    temporary: bool = False  # a few days in hospital or on holiday (T1/T2)
    resume: bool = False  # back to the placement before the temporary one


class HistoryMaker:
    """Draws people for a council whose reference date ("today") is ``today``."""

    def __init__(self, rng: random.Random, today: dt.date, rule: LeapDayRule = LeapDayRule.FEB_28) -> None:
        self.rng = rng
        self.today = today
        self.rule = rule
        self.upns = UpnIssuer()

    # -- small helpers -------------------------------------------------------------------

    def pick(self, weighted: tuple[tuple[str, ...], tuple[float, ...]]) -> str:
        return self.rng.choices(weighted[0], weighted[1])[0]

    def pick_map(self, weights: Mapping[K, float]) -> K:
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def between(self, first: dt.date, last: dt.date) -> dt.date:
        """A day from ``first`` to ``last`` inclusive (``first`` if the range is empty)."""
        span = (last - first).days
        return first if span <= 0 else first + dt.timedelta(days=self.rng.randint(0, span))

    def dob_aged(self, low_months: int, high_months: int) -> dt.date:
        """A date of birth giving an age today of at least ``low_months`` and under ``high_months``."""
        return self.between(add_months(self.today, -high_months) + DAY, add_months(self.today, -low_months))

    def at(self, dob: dt.date, years: int, months: int = 0) -> dt.date:
        return add_months(birthday(dob, years, self.rule), months)

    def former_relevant_dob(self, ages: range = range(18, 25)) -> dt.date:
        weights = {age: w for age, w in FORMER_RELEVANT_AGE_WEIGHTS.items() if age in ages}
        age = self.pick_map(weights)
        return self.dob_aged(age * 12, age * 12 + 12)

    def postcode(self, *, away: bool = False, avoid: tuple[str, ...] = ()) -> str:
        """A real postcode in the council's area, or out of it (demo.places), other than ``avoid``."""
        pool = places.OTHER_AREA_POSTCODES if away else places.COUNCIL_POSTCODES
        while (chosen := self.rng.choice(pool)) in avoid:
            pass
        return chosen

    # -- the person ----------------------------------------------------------------------

    def person(self, scenario: str, child_id: str, dob: dt.date, *, uasc: bool) -> PersonPlan:
        rng = self.rng
        if uasc:
            sex = "M" if rng.random() < 0.93 else "F"
            given = rng.choice(vocab.UASC_BOYS if sex == "M" else vocab.UASC_GIRLS)
            family = rng.choice(vocab.UASC_FAMILY)
            ethnicity = self.pick(vocab.ETHNIC_UASC)
        else:
            sex = "M" if rng.random() < 0.5 else "F"
            given = rng.choice(vocab.BOYS if sex == "M" else vocab.GIRLS)
            family = rng.choice(vocab.FAMILY)
            ethnicity = self.pick(vocab.ETHNIC_LOCAL)
        roll = rng.random()
        disability = Disability.YES if roll < 0.11 else Disability.UNKNOWN if roll < 0.17 else Disability.NO
        preferred = vocab.PREFERRED.get(given, "") if rng.random() < 0.35 else ""
        # Every child looked after has a UPN (DfE rule 442): from school or, for those who came
        # after school age (most UASC), allocated by the council. Its year part is the year they
        # would have started school.
        upn = self.upns.issue(rng, dob.year + 5)
        b18 = birthday(dob, 18, self.rule)
        adult = b18 <= self.today
        phone = ""
        if birthday(dob, 16, self.rule) <= self.today and rng.random() < 0.8:
            phone = f"07700 900{rng.randint(0, 999):03d}"  # Ofcom's range for drama
        email = ""
        if adult and rng.random() < 0.6:
            email = f"{given.lower()}.{family.lower()}{rng.randint(1, 99)}@example.com"
        young_person = YoungPerson(
            child_id=child_id,
            given_name=given,
            family_name=family,
            preferred_name=preferred,
            date_of_birth=dob,
            sex=sex,
            ethnicity=ethnicity,
            upn=upn,
            uasc=uasc,
            # UASC status ends at 18, recorded ahead for those under 18 (DfE rules 205A-D, 304).
            uasc_ceased_on=b18 if uasc else None,
            disability=disability,
            phone=phone,
            email=email,
        )
        # No home postcode for UASC: they have no family home here, and the DfE wants no
        # distance from home for them (rule 406).
        return PersonPlan(scenario=scenario, young_person=young_person, home_postcode="" if uasc else self.postcode())

    def give_address(self, plan: PersonPlan) -> None:
        """Care leavers have their own address; children in care live at their placement."""
        rng = self.rng
        postcode = self.postcode()
        plan.young_person.postcode = postcode
        plan.young_person.address = f"{rng.randint(1, 140)} {rng.choice(vocab.STREETS)}\n{rng.choice(vocab.TOWNS)}"

    # -- care histories ------------------------------------------------------------------

    def budget(self, needed: int) -> int:
        return min(6, max(needed, self.pick_map(EPISODE_BUDGET_WEIGHTS)))

    def placement_for(self, age: int, route: str, cin: str) -> str:
        rng = self.rng
        if route == "uasc":
            options = {"K3": 55, "U6": 35, "K2": 10} if age >= 16 else {"U6": 75, "K2": 25}
        elif age >= 16:
            options = (
                {"U4": 25, "U6": 20, "U3": 5, "U1": 3, "K2": 17, "K3": 28, "P1": 2}
                if route == "care"
                else {"U6": 25, "K2": 20, "K3": 55}
            )
        elif age >= 11:
            options = (
                {"U6": 33, "U4": 25, "U3": 9, "U1": 6, "K2": 20, "P1": 3, "S1": 2}
                if route == "care"
                else {"U6": 50, "U4": 15, "U3": 10, "K2": 25}
            )
        else:
            options = {"U6": 47, "U4": 25, "U3": 13, "U1": 10, "P1": 3, "U5": 2}
        if cin == "N2" and rng.random() < 0.03:
            return "R2"
        return self.pick_map(options)

    def spell(
        self,
        plan: PersonPlan,
        start: dt.date,
        end: dt.date | None,
        reason_ended: str,
        route: str,
        max_episodes: int,
        *,
        cin: str,
        last_placement: str | None = None,
    ) -> int:
        """Add one continuous period of care from ``start`` to ``end`` (None: still in care).

        Episodes inside it are joined by REC X1; the last ends with ``reason_ended``.
        Returns the number of episodes used.
        """
        rng = self.rng
        dob = plan.young_person.date_of_birth
        b16 = birthday(dob, 16, self.rule)
        horizon = end or self.today
        length = (horizon - start).days
        segments: list[_Segment] = []
        # Legal status changes come first: they shape the episodes.
        if route == "care":
            first_ls = "C1"
            if length > 40 and rng.random() < 0.12:
                first_ls = rng.choice(("L1", "L2"))
            segments.append(_Segment(start, first_ls, "S"))
            if first_ls != "C1":
                segments.append(_Segment(start + dt.timedelta(days=rng.randint(2, 8)), "C1", rng.choice("LB")))
            if length > 200:
                c2 = start + dt.timedelta(days=rng.randint(140, min(420, length - 30)))
                segments.append(_Segment(c2, "C2", "L" if rng.random() < 0.7 else "B"))
        elif route == "adoption":
            segments.append(_Segment(start, "C1", "S"))
            c2 = start + dt.timedelta(days=rng.randint(120, max(121, length // 3)))
            segments.append(_Segment(c2, "C2", "L"))
            placed = c2 + dt.timedelta(days=rng.randint(30, max(31, (horizon - c2).days - 90)))
            with_foster_carers = rng.random() < 0.5  # A5: placed with their foster carers
            segments.append(_Segment(placed, "E1", "U" if with_foster_carers else "B", "A5" if with_foster_carers else "A6"))
        elif route == "remand":
            segments.append(_Segment(start, "J1", "S"))
        elif route == "short_break":
            segments.append(_Segment(start, "V3", "S"))
        elif route == "short_break_agreement":
            segments.append(_Segment(start, "V4", "S"))
        else:  # s20 and UASC: accommodated under section 20 throughout
            segments.append(_Segment(start, "V2", "S"))
        segments = [s for s in segments if s.start < horizon - dt.timedelta(days=7) or s.kind == "S"]
        # Placement moves fill the rest of the budget: about one every one to four years.
        room = max_episodes - len(segments)
        if route in ("care", "s20", "uasc") and room > 0 and length > 60:
            wanted = round(length / (365 * rng.uniform(1.0, 4.0)))
            if last_placement == "K3" and horizon > b16 + dt.timedelta(days=30):
                wanted = max(wanted, 1)
            for _ in range(min(room, wanted)):
                day = start + dt.timedelta(days=rng.randint(15, max(15, length - 15)))
                if all(abs((day - s.start).days) > 10 for s in segments):
                    segments.append(_Segment(day, segments[0].legal_status, "P"))
            segments.sort(key=lambda s: s.start)
            last = segments[-1]
            if last_placement == "K3" and len(segments) > 1 and last.start < b16 <= horizon - dt.timedelta(days=30):
                # Supported accommodation is for 16 and over: the move happens after the birthday.
                last.start = self.between(b16 + dt.timedelta(days=10), horizon - dt.timedelta(days=20))
        # Legal status carries forward; placements follow the child's age.
        legal = segments[0].legal_status
        place = ""
        for index, segment in enumerate(segments):
            if segment.kind == "P":
                segment.legal_status = legal
            legal = segment.legal_status
            age = (segment.start - dob).days // 365
            if segment.placement:
                pass
            elif segment.kind == "L":
                segment.placement = place
            else:
                choice = self.placement_for(age, route, cin)
                if choice == "K3" and segment.start < b16:
                    choice = "U6"
                if index > 0 and choice == place:
                    segment.kind = {"P": "T", "B": "U"}[segment.kind] if place in ("U3", "U6") else segment.kind
                    choice = {"U3": "U1", "U6": "U4"}.get(place, choice)
                segment.placement = choice
            place = segment.placement
        if route == "remand":
            segments[0].placement = "R5" if (start - dob).days >= 15 * 365 else "K1"
        if last_placement and segments[-1].placement != last_placement:
            last = segments[-1]
            if not (last_placement == "K3" and last.start < b16):
                last.placement = last_placement
                if last.kind == "L":
                    last.kind = "B"
        if route.startswith("short_break") and segments[0].placement not in ("K2", "U6"):
            segments[0].placement = "K2"
        if route in ("care", "s20", "uasc") and len(segments) + 2 <= max_episodes and rng.random() < 0.08:
            self._temporary_move(segments, horizon)
        self._episodes(plan, segments, end, reason_ended, cin)
        plan.care_spells.append((start, end))
        return len(segments)

    def _temporary_move(self, segments: list[_Segment], horizon: dt.date) -> None:
        """A few days in hospital (T1) or away on holiday (T2), then back to the same placement."""
        rng = self.rng
        ends = [s.start for s in segments[1:]] + [horizon]
        roomy = [i for i, s in enumerate(segments) if (ends[i] - s.start).days >= 90]
        if not roomy:
            return
        index = rng.choice(roomy)
        segment = segments[index]
        day = self.between(segment.start + dt.timedelta(days=30), ends[index] - dt.timedelta(days=40))
        code = rng.choice(("T1", "T2"))
        kind = "T" if code == "T2" else "P"  # on holiday with their carers, or in hospital
        away = _Segment(day, segment.legal_status, kind, code, temporary=True)
        back_on = day + dt.timedelta(days=rng.randint(3, 14))
        # Back to the usual placement is always RNE P (DfE rule 383).
        back = _Segment(back_on, segment.legal_status, "P", segment.placement, resume=True)
        segments[index + 1 : index + 1] = [away, back]

    def _episodes(
        self, plan: PersonPlan, segments: list[_Segment], end: dt.date | None, reason_ended: str, cin: str
    ) -> None:
        rng = self.rng
        for index, segment in enumerate(segments):
            last = index == len(segments) - 1
            place = segment.placement
            short_break = segment.legal_status in SHORT_BREAKS
            # Same placement as before (legal status change only, or back from a temporary move):
            # same provider, postcode and Ofsted URN.
            same = plan.episodes[-2] if segment.resume else plan.episodes[-1] if segment.kind == "L" else None
            if same is not None:
                provider, placement_postcode, urn = same.placement_provider, same.placement_postcode, same.urn
            else:
                provider = ""
                if place not in vocab.NO_PROVIDER_PLACEMENTS:
                    provider = self.pick(vocab.PROVIDERS[vocab.provider_kind(place)])
                placement_postcode = urn = ""
                if not short_break:  # no placement details for short breaks (DfE rules 214, 398, 420)
                    placement_postcode = self.placement_postcode(plan, place, provider)
                    urn = ofsted_urn(place, provider, placement_postcode)
            # Why the placement ended, on the episode that ends in a move (DfE rule 225); none
            # around a temporary placement (rule 226).
            following = None if last else segments[index + 1]
            change_reason = ""
            if following and following.kind in ("P", "B", "T", "U") and not (segment.temporary or following.temporary):
                change_reason = "PLACE" if following.kind in ("T", "U") else self.pick(vocab.PLACE_CHANGE)
            plan.episodes.append(
                CareEpisode(
                    start=segment.start,
                    reason_new=segment.kind,
                    legal_status=segment.legal_status,
                    category_of_need=cin,
                    placement=place,
                    placement_provider=provider,
                    end=end if last else segments[index + 1].start,
                    reason_ended=(reason_ended if end is not None else "") if last else "X1",
                    reason_place_change=change_reason,
                    home_postcode="" if short_break else plan.home_postcode,
                    placement_postcode=placement_postcode,
                    urn=urn,
                )
            )

    def placement_postcode(self, plan: PersonPlan, place: str, provider: str) -> str:
        """Where a new placement is: never at the family home unless placed with parents
        (DfE rule 392d), and never where the last placement was (a move goes somewhere)."""
        home = plan.home_postcode
        if place == "P1":
            return home
        if place == "K3" or (provider == "PR1" and place not in FOSTER_PLACEMENTS):
            # The council's own homes are in its area (rule 1015), and so is supported
            # accommodation: validator 0.1.17's rule 241 wants every K3 with a URN in the
            # council's own area.
            away = False
        elif provider == "PR2":
            away = True  # another council's provision
        else:
            away = self.rng.random() < (0.55 if place in ("K1", "K2", "R5", "S1", "T2") else 0.3)
        before = plan.episodes[-1].placement_postcode if plan.episodes else ""
        return self.postcode(away=away, avoid=(home, before))

    def cin_for(self, plan: PersonPlan, route: str) -> str:
        if route == "uasc":
            return self.pick(vocab.CIN_UASC)
        if route == "remand":
            return self.pick(vocab.CIN_REMAND)
        if plan.young_person.disability == Disability.YES and self.rng.random() < 0.4:
            return "N2"
        return self.pick(vocab.CIN_LOCAL)

    def earlier_spells(self, plan: PersonPlan, before: dt.date, budget: int) -> int:
        """Sometimes add an earlier period of care that ended with a return home,
        an adoption that later broke down, or planned short breaks. Returns episodes used."""
        rng = self.rng
        dob = plan.young_person.date_of_birth
        if plan.young_person.uasc or budget < 2:
            return 0
        roll = rng.random()
        latest_end = before - dt.timedelta(days=60)
        if plan.young_person.disability == Disability.YES and roll < 0.25:
            first = max(dob + dt.timedelta(days=365 * 8), latest_end - dt.timedelta(days=700))
            return self.short_breaks(plan, first, latest_end, min(budget - 1, rng.randint(1, 3)))
        age_then = (before - dob).days / 365.25
        if roll < 0.04 and age_then >= 10 and budget >= 4:
            start = self.between(dob + dt.timedelta(days=120), dob + dt.timedelta(days=3 * 365))
            end = self.between(start + dt.timedelta(days=500), min(latest_end, dob + dt.timedelta(days=6 * 365)))
            if end > start + dt.timedelta(days=400):
                return self.spell(plan, start, end, rng.choice(("E11", "E12")), "adoption", 3, cin="N1")
            return 0
        if roll < 0.22 and age_then >= 5:
            start = self.between(dob + dt.timedelta(days=365), before - dt.timedelta(days=2 * 365))
            end = min(latest_end, start + dt.timedelta(days=rng.randint(60, 700)))
            if end > start + dt.timedelta(days=30):
                route = "care" if rng.random() < 0.4 else "s20"
                reason = rng.choice(("E4A", "E4A", "E4B", "E13"))
                return self.spell(plan, start, end, reason, route, 2, cin=self.cin_for(plan, route))
        return 0

    def short_breaks(self, plan: PersonPlan, first: dt.date, last: dt.date, count: int) -> int:
        """Planned short breaks (LS V3) of 2 to 4 nights between ``first`` and ``last``:
        each is its own episode, starting and ending looked after (CPPCR 2010 reg 48)."""
        rng = self.rng
        room = (last - first).days
        if count < 1 or room < 30:
            return 0
        offsets = sorted(rng.sample(range(0, room - 5, 7), min(count, len(range(0, room - 5, 7)))))
        for offset in offsets:
            start = first + dt.timedelta(days=offset)
            self.spell(plan, start, start + dt.timedelta(days=rng.randint(2, 4)), "E4A", "short_break", 1, cin="N2")
        return len(offsets)

    def short_break_agreements(self, plan: PersonPlan, first: dt.date, last: dt.date) -> int:
        """One or two agreements for a series of short breaks, recorded as a whole (LS V4)."""
        rng = self.rng
        used, wanted = 0, rng.randint(1, 2)
        start = self.between(first, last - dt.timedelta(days=400))
        while used < wanted and start + dt.timedelta(days=200) < last:
            end = min(start + dt.timedelta(days=rng.randint(180, 365)), last)
            self.spell(plan, start, end, "E4A", "short_break_agreement", 1, cin="N2")
            used += 1
            start = end + dt.timedelta(days=rng.randint(30, 120))
        return used

    def entry_date(self, plan: PersonPlan, latest: dt.date) -> tuple[dt.date, str]:
        """When the main period of care began and under which route."""
        rng = self.rng
        dob = plan.young_person.date_of_birth
        if plan.young_person.uasc:
            return self.between(max(self.at(dob, 14, 3), latest - dt.timedelta(days=3 * 365)), latest), "uasc"
        roll = rng.random()
        if roll < 0.3:
            entry, route = self.between(self.at(dob, 1), self.at(dob, 9)), "care"
        elif roll < 0.6:
            entry, route = self.between(self.at(dob, 10), self.at(dob, 14)), ("care" if rng.random() < 0.6 else "s20")
        else:
            entry, route = self.between(self.at(dob, 14), latest), ("s20" if rng.random() < 0.65 else "care")
        return min(entry, latest), route

    def main_spell(
        self,
        plan: PersonPlan,
        *,
        latest_entry: dt.date,
        end: dt.date | None,
        reason_ended: str,
        last_placement: str | None = None,
        history: bool = True,
    ) -> None:
        entry, route = self.entry_date(plan, latest_entry)
        budget = self.budget(2 if route == "care" else 1)
        used = self.earlier_spells(plan, entry, budget - 1) if history else 0
        cin = self.cin_for(plan, route)
        self.spell(plan, entry, end, reason_ended, route, max(1, budget - used), cin=cin, last_placement=last_placement)
