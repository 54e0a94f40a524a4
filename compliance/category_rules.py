"""The category rules: which leaving-care category applies on one day, and why.

:class:`CategoryRules` answers for any single date; :mod:`compliance.categories`
turns those answers into a timeline. Precedence follows statutory-rules.md §2.8:
looked after first, then relevant, former relevant, qualifying, none. Each answer
carries its reason as data (:data:`Part` tuples) so that only the spans that
survive merging are put into words (by :mod:`compliance.categories`).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from compliance.calendar import birthday
from compliance.care_time import (
    THIRTEEN_WEEKS_DAYS,
    CareSpell,
    CareTime,
    DeclarationState,
    HomeWindow,
    home_windows,
)
from compliance.facts import DeclarationKind, Period, YoungPersonFacts
from compliance.policy import LocalPolicy, SgoExitRule

__all__ = ["ADOPTION_EXITS", "SGO_EXITS", "TRANSFER_EXIT", "Category", "CategoryRules", "DutyFlag", "Key", "Part"]

ADOPTION_EXITS = frozenset({"E11", "E12"})  # SSDA903 REC; no care-leaver data (validator rule 1001)
TRANSFER_EXIT = "E3"  # care taken over by another LA (validator rule 1011)
DIED_EXIT = "E2"
SGO_EXITS = frozenset({"E45", "E46", "E47", "E48"})  # special guardianship orders


class Category(StrEnum):
    """A young person's primary leaving-care category on a day (statutory-rules.md §2.8)."""

    NOT_LOOKED_AFTER = "not_looked_after"  # not looked after yet, or under 16 and not in care
    LOOKED_AFTER = "looked_after"  # looked after but not (or not yet) eligible
    ELIGIBLE = "eligible"  # Sch 2 para 19B; CPPCR 2010 reg 40
    RELEVANT = "relevant"  # s23A; CLR 2010 reg 3
    FORMER_RELEVANT = "former_relevant"  # s23C
    QUALIFYING = "qualifying"  # s24
    NONE = "none"  # no leaving-care status (25 or over, died, adopted, left before 16 ...)

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]

    @property
    def is_leaving_care(self) -> bool:
        """A status that carries leaving-care duties or powers (§2.1–2.4)."""
        return self in (Category.ELIGIBLE, Category.RELEVANT, Category.FORMER_RELEVANT, Category.QUALIFYING)


_CATEGORY_LABELS = {
    Category.NOT_LOOKED_AFTER: "Not looked after",
    Category.LOOKED_AFTER: "Looked after (not eligible)",
    Category.ELIGIBLE: "Eligible",
    Category.RELEVANT: "Relevant",
    Category.FORMER_RELEVANT: "Former relevant",
    Category.QUALIFYING: "Qualifying",
    Category.NONE: "No leaving-care status",
}


class DutyFlag(StrEnum):
    """Duties a former relevant young person can hold alongside the category (§2.3, §2.5)."""

    S23C = "s23c"
    S23CA = "s23ca"
    S23CZB = "s23czb"
    STAYING_PUT = "staying_put"

    @property
    def label(self) -> str:
        return _FLAG_TEXT[self][0]

    @property
    def citation(self) -> str:
        return _FLAG_TEXT[self][1]


_FLAG_TEXT = {
    DutyFlag.S23C: ("Keep in touch, personal adviser and pathway plan", "Children Act 1989 s23C(2)–(7)"),
    DutyFlag.S23CA: (
        "Education or training support",
        "Children Act 1989 s23CA; Care Leavers (England) Regulations 2010 reg 5(2)(b)",
    ),
    DutyFlag.S23CZB: ("Personal adviser support to 25 on request", "Children Act 1989 s23CZB"),
    DutyFlag.STAYING_PUT: ("Staying put", "Children Act 1989 s23CZA"),
}

# A reason as data: a kind (e.g. "relevant_exit") followed by its dates and numbers.
Part = tuple[object, ...]
Key = tuple[Category, frozenset[DutyFlag], tuple[Part, ...]]
_NO_FLAGS: frozenset[DutyFlag] = frozenset()


class CategoryRules:
    """One young person's facts, prepared once, judged on any date by :meth:`key`."""

    def __init__(self, facts: YoungPersonFacts, policy: LocalPolicy) -> None:
        rule = policy.leap_day_birthday_rule
        dob = facts.date_of_birth
        self.facts, self.policy = facts, policy
        self.b14, self.b16, self.b18, self.b21, self.b25 = (birthday(dob, n, rule) for n in (14, 16, 18, 21, 25))
        self.care = CareTime(facts.episodes, self.b14)
        # Died in care (REC E2) with no date of death recorded: the episode end is the date.
        self.died = facts.date_of_death or next((s.end for s in self.care.spells if s.reason_ended == DIED_EXIT), None)
        self.home = home_windows(facts.living_with_parent + self._sgo_home_periods())
        self.support = DeclarationState(
            facts.declarations, DeclarationKind.SUPPORT_REQUESTED, DeclarationKind.SUPPORT_DECLINED
        )
        self.education = DeclarationState(
            facts.declarations, DeclarationKind.EDUCATION_TRAINING, DeclarationKind.EDUCATION_TRAINING_ENDED
        )
        # s23C(7): a programme in the pathway plan running past 21 keeps s23C going; the
        # engine stops every duty at 25 (docs/decisions/0002).
        programme = facts.education_programme_beyond_21_until
        self.s23c_end = min(programme, self.b25) if programme and programme > self.b21 else self.b21
        self.detained = self._detained_at_16()
        eve = self.b18 - timedelta(days=1)
        # s23C(1)(b): looked after on reaching 18 and eligible immediately before care
        # ended, judged like any exit: >= 91 days counted up to the 18th birthday.
        self.fr_b = (
            (self.died is None or self.died > eve)
            and self.care.spell_on(eve) is not None
            and self.care.counted_days(self.b18) >= THIRTEEN_WEEKS_DAYS
        )
        self.relevant_on_eve = self._relevant(eve)
        self._boundaries = self._collect_boundaries()
        self.ever_relevant = self.relevant_on_eve or any(
            self._relevant(d) for d in self._boundaries if self.b16 <= d < self.b18
        )

    def _sgo_home_periods(self) -> tuple[Period, ...]:
        """Under RELEVANT_UNTIL_SIX_MONTHS a special guardian counts as a person with
        parental responsibility (CLR 2010 reg 3) from the order until care resumes."""
        if self.policy.sgo_exit_rule != SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS:
            return ()
        periods = []
        for spell in self.care.spells:
            if spell.end is not None and spell.reason_ended in SGO_EXITS:
                following = self.care.next_spell_after(spell)
                periods.append(Period(spell.end, following.start if following else None))
        return tuple(periods)

    def _detained_at_16(self) -> Period | None:
        """CLR 2010 reg 3(2)(c): detained or in hospital on the 16th birthday, having been
        looked after for 13 weeks after 14 before it began. Reg 3(2)(b) (not subject to
        a care order) is not recorded, so it is not checked; the reason says so."""
        for period in self.facts.detained_or_in_hospital:
            if period.covers(self.b16) and self.care.counted_days(period.start) >= THIRTEEN_WEEKS_DAYS:
                return period
        return None

    def boundaries(self) -> list[date]:
        """Every date on which the answer can change; between two of them it cannot."""
        return self._boundaries

    def _collect_boundaries(self) -> list[date]:
        days = [self.facts.date_of_birth, self.b16, self.b18, self.b21, self.b25, self.s23c_end]
        days += self.care.boundaries()
        for window in self.home:
            days.append(window.excluded_from)
            if window.until is not None:
                days.append(window.until)
        for period in self.facts.staying_put:
            days.append(period.start)
            if period.end is not None:
                days.append(period.end)
        days += self.support.boundaries() + self.education.boundaries()
        if self.died is not None:
            days.append(self.died)
        return sorted({d for d in days if d >= self.facts.date_of_birth})

    def _home_on(self, d: date) -> HomeWindow | None:
        return next((w for w in self.home if w.covers(d)), None)

    def _relevant_basis(self, exit_: CareSpell | None) -> Part | None:
        """s23A(2): eligible immediately before last ceasing to be looked after — at
        least 91 days counted to the exit and at least one day in care aged 16 (DfE
        rule 1001); or CLR 2010 reg 3(2): detained or in hospital on the 16th birthday.
        Children Act 1989 s23A(2)–(3); statutory-rules.md §2.2."""
        sgo_gives_relevant = self.policy.sgo_exit_rule == SgoExitRule.RELEVANT_UNTIL_SIX_MONTHS
        if (
            exit_ is not None
            and exit_.end is not None
            and exit_.end > self.b16
            and (sgo_gives_relevant or exit_.reason_ended not in SGO_EXITS)
        ):
            counted = self.care.counted_days(exit_.end)
            if counted >= THIRTEEN_WEEKS_DAYS:
                return ("relevant_exit", exit_.end, counted, self.b18)
        if self.detained is not None:
            return ("relevant_detained", self.b16, self.detained.start, self.b18)
        return None

    def _relevant(self, d: date) -> bool:
        """Relevant child on ``d``: aged 16 or 17, not looked after, with a basis above and
        not excluded by 6 months at home (s23A; CLR 2010 reg 3; statutory-rules.md §2.2)."""
        if not self.b16 <= d < self.b18 or (self.died is not None and d >= self.died):
            return False
        if self.care.spell_on(d) is not None:
            return False
        exit_ = self.care.last_exit(d)
        if exit_ is not None and (exit_.reason_ended in ADOPTION_EXITS or exit_.reason_ended == TRANSFER_EXIT):
            return False
        return self._relevant_basis(exit_) is not None and self._home_on(d) is None

    def _qualifying(self, d: date, exit_: CareSpell | None) -> Part | None:
        """s24(1A): a special guardianship order made while looked after (at any age);
        otherwise s24(1B): looked after at some time aged 16 or 17 but no longer. The
        caller applies the age limits (16 to under 21). Children Act 1989 s24(1A)–(2);
        statutory-rules.md §2.4; short breaks per LocalPolicy."""
        if exit_ is not None and exit_.reason_ended in SGO_EXITS:
            return ("qualifying_sgo", exit_.end, self.b21)
        short_breaks = self.policy.short_breaks_count_for_qualifying
        if short_breaks and self.care.short_break_on(d) is not None:
            return None
        if self.care.looked_after_between(self.b16, min(d, self.b18), short_breaks=short_breaks):
            return ("qualifying_1b", self.b21)
        return None

    def _why_not_higher(self, d: date, exit_: CareSpell | None, home: HomeWindow | None) -> tuple[Part, ...]:
        """Why someone looked after after 16 is only qualifying: the first of 6 months at
        home (CLR 2010 reg 3), short breaks only, under 91 days at exit (CPPCR 2010 reg 40),
        or not relevant at 18 (s23C(1)(a))."""
        if home is not None and (self.ever_relevant or self._relevant_basis(exit_) is not None):
            return (("home", home.home_from, home.excluded_from),)
        if exit_ is None or exit_.end is None or exit_.end <= self.b16:
            return (("short_breaks_after_16",),)
        counted = self.care.counted_days(exit_.end)
        if counted < THIRTEEN_WEEKS_DAYS:
            return (("too_few_days", exit_.end, counted),)
        if d >= self.b18 and not self.fr_b:
            return (("not_relevant_at_18", self.b18),)
        return ()

    def _former_relevant(self, d: date, home: HomeWindow | None) -> tuple[frozenset[DutyFlag], tuple[Part, ...]] | None:
        """s23C(1): (b) looked after and eligible on reaching 18; or (a) has been a
        relevant child "and would be one if he were under eighteen" — see LocalPolicy
        ``home_with_parent_ends_former_relevant``. Duty flags: s23C(6)–(7) to 21 or the end
        of the programme, s23CA and s23CZB to 25, staying put (s23CZA) to 21 for route (b).
        statutory-rules.md §2.3, §2.5."""
        parts: list[Part]
        if self.fr_b:
            parts = [("fr_b", self.b18, self.care.counted_days(self.b18))]
            if self.care.spell_on(d) is not None:
                parts.append(("still_looked_after",))
        elif self._former_relevant_by_leaving_before_18(home):
            parts = [("fr_a", self.b18)]
        else:
            return None
        flags: set[DutyFlag] = set()
        if d < self.s23c_end:
            flags.add(DutyFlag.S23C)
            parts.append(("s23c", self.s23c_end, self.s23c_end > self.b21))
        stay = next((p for p in self.facts.staying_put if p.covers(d)), None) if self.fr_b and d < self.b21 else None
        if stay is not None:  # s23CZA: only for those looked after on reaching 18
            flags.add(DutyFlag.STAYING_PUT)
            parts.append(("staying_put", stay.start, self.b21))
        education_on, education_since = self.education.state_on(d)
        if education_on and d >= self.s23c_end:
            flags.add(DutyFlag.S23CA)
            parts.append(("s23ca", education_since, self.b25))
        support_on, support_since = self.support.state_on(d)
        if d >= self.b21 and support_on:
            flags.add(DutyFlag.S23CZB)
            parts.append(("s23czb", support_since, self.b25))
        elif d >= self.b21 and not flags:
            parts.append(("dormant", support_since, self.b25))
        return frozenset(flags), tuple(parts)

    def _former_relevant_by_leaving_before_18(self, home: HomeWindow | None) -> bool:
        """s23C(1)(a). Read literally (the default), "would be one if he were under
        eighteen" re-applies CLR 2010 reg 3 every day: anyone who has been a relevant child
        counts unless they now have 6 months or more at home. Otherwise status is settled
        on the 18th birthday: relevant the day before means former relevant."""
        if self.policy.home_with_parent_ends_former_relevant:
            return self.ever_relevant and home is None
        return self.relevant_on_eve

    def _home_ended(self, d: date, after: date) -> tuple[Part, ...]:
        """Mention a six-month stay at home that ended after ``after`` (CLR 2010 reg 3)."""
        ended = [w for w in self.home if w.until is not None and after < w.until <= d]
        return (("home_ended", ended[-1].home_from, ended[-1].until),) if ended else ()

    def key(self, d: date) -> Key:
        """Category, duty flags and reason parts on ``d`` (statutory-rules.md §2.8)."""
        if self.died is not None and d >= self.died:
            return Category.NONE, _NO_FLAGS, (("died", self.died),)
        spell = self.care.spell_on(d)
        if spell is not None:
            return self._looked_after(d, spell)
        exit_ = self.care.last_exit(d)
        if exit_ is not None and exit_.reason_ended in ADOPTION_EXITS:
            return Category.NONE, _NO_FLAGS, (("adopted", exit_.end, exit_.reason_ended),)
        if exit_ is not None and exit_.reason_ended == TRANSFER_EXIT:
            return Category.NONE, _NO_FLAGS, (("transferred", exit_.end),)
        home = self._home_on(d)
        if self.b16 <= d < self.b18 and home is None:
            basis = self._relevant_basis(exit_)
            if basis is not None:
                since = exit_.end if exit_ is not None and exit_.end is not None else self.b16
                return Category.RELEVANT, _NO_FLAGS, (basis, *self._home_ended(d, since))
        if d >= self.b18:
            former = self._former_relevant(d, home)
            if former is not None and d >= self.b25:
                return Category.NONE, _NO_FLAGS, (("over_25", self.b25),)
            if former is not None:
                return Category.FORMER_RELEVANT, former[0], (*former[1], *self._home_ended(d, self.b18))
        qualifying = self._qualifying(d, exit_) if d >= self.b16 else None
        if qualifying is not None:
            why = () if qualifying[0] == "qualifying_sgo" else self._why_not_higher(d, exit_, home)
            if d < self.b21:
                return Category.QUALIFYING, _NO_FLAGS, (*why, qualifying)
            return Category.NONE, _NO_FLAGS, (*why, ("qualifying_ended", self.b21))
        # Short breaks are a children's service: a V3/V4 record running past 18 shows nothing.
        short_break = self.care.short_break_on(d) if d < self.b18 else None
        if short_break is not None:
            return Category.LOOKED_AFTER, _NO_FLAGS, (("short_break", short_break.start),)
        first = self.care.first_start()
        if first is None or first > d:
            return Category.NOT_LOOKED_AFTER, _NO_FLAGS, (("never", first),)
        if d < self.b16:
            return Category.NOT_LOOKED_AFTER, _NO_FLAGS, (("left_before_16", self.b16),)
        if home is not None and self.detained is not None:
            return Category.NONE, _NO_FLAGS, (("home", home.home_from, home.excluded_from),)
        short_breaks = self.care.short_break_between(self.b16, d + timedelta(days=1))  # up to and including d
        return Category.NONE, _NO_FLAGS, (("no_status_after_16", self.b16, short_breaks),)

    def _looked_after(self, d: date, spell: CareSpell) -> Key:
        """Looked after (not on a short break): eligible, looked after, or former relevant
        if still accommodated after 18 (Sch 2 para 19B; CPPCR 2010 reg 40; s23C(1)(b))."""
        if d >= self.b25:
            return Category.NONE, _NO_FLAGS, (("over_25", self.b25),)
        if d >= self.b18:
            former = self._former_relevant(d, None)
            if former is not None:
                return Category.FORMER_RELEVANT, former[0], former[1]
            return Category.LOOKED_AFTER, _NO_FLAGS, (("looked_after_adult", spell.start, self.b18),)
        threshold = self.care.threshold_date
        if d >= self.b16 and threshold is not None and d >= threshold:
            return Category.ELIGIBLE, _NO_FLAGS, (("eligible", spell.start, threshold),)
        if d < self.b16:
            return Category.LOOKED_AFTER, _NO_FLAGS, (("looked_after_under_16", spell.start, self.b16),)
        return Category.LOOKED_AFTER, _NO_FLAGS, (("looked_after_short_of_days", spell.start),)
