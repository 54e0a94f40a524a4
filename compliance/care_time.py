"""Time in care and other time-based facts, prepared once per young person.

The category rules ask the same questions many times ("looked after on this day?",
"how many days counted so far?", "when did care last end?"). :class:`CareTime`
answers them from sorted, merged spells so that :func:`compliance.categories.assess`
stays fast enough to run for every young person in England.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from compliance.calendar import add_months, days_between
from compliance.facts import CareEpisode, Declaration, DeclarationKind, Period

__all__ = [
    "THIRTEEN_WEEKS_DAYS",
    "CareSpell",
    "CareTime",
    "DeclarationState",
    "HomeWindow",
    "home_windows",
    "merge_periods",
]

# "13 weeks" is 91 days; the DfE validator requires the sum to be >= 91 (rule 1001).
# statutory-rules.md §1.2, §2.1.
THIRTEEN_WEEKS_DAYS = 91

# CLR 2010 reg 3: six calendar months living with a parent ends relevant status.
HOME_WITH_PARENT_MONTHS = 6


@dataclass(frozen=True, slots=True)
class CareSpell:
    """A continuous stretch of care made of one or more touching episodes.

    Episodes joined by REC X1 (or simply touching) are one spell, so a change of
    placement or legal status is not mistaken for leaving care. ``reason_ended`` is
    the REC of the episode that ended the spell ("" while open).
    """

    start: date
    end: date | None
    reason_ended: str

    def covers(self, d: date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


def _merge_spells(episodes: Iterable[CareEpisode]) -> tuple[CareSpell, ...]:
    # Overlapping episodes are bad data (validation reports them) but must never be
    # counted twice, so time in care is the union of the episodes, not their sum.
    # A total order, so that duplicated records give the same answer in any input order.
    ordered = sorted(
        (e for e in episodes if e.end is None or e.end > e.start),
        key=lambda e: (e.start, e.end or date.max, e.legal_status, e.reason_ended),
    )
    spells: list[CareSpell] = []
    for episode in ordered:
        if spells:
            last = spells[-1]
            if last.end is None or episode.start <= last.end:
                if last.end is None or (episode.end is not None and episode.end <= last.end):
                    continue  # wholly inside the spell so far
                spells[-1] = CareSpell(last.start, episode.end, "" if episode.end is None else episode.reason_ended)
                continue
        spells.append(CareSpell(episode.start, episode.end, "" if episode.end is None else episode.reason_ended))
    return tuple(spells)


def merge_periods(periods: Iterable[Period]) -> tuple[Period, ...]:
    """Sorted union of periods; touching periods join, as one continuous stay."""
    merged: list[Period] = []
    for p in sorted((p for p in periods if p.end is None or p.end > p.start), key=lambda p: p.start):
        if merged:
            last = merged[-1]
            if last.end is None or p.start <= last.end:
                end = None if last.end is None or p.end is None else max(last.end, p.end)
                merged[-1] = Period(last.start, end)
                continue
        merged.append(p)
    return tuple(merged)


class CareTime:
    """Care spells for one young person, with the 13-week count from the 14th birthday.

    Counting follows statutory-rules.md §2.1 and the DfE validator's rule 1001: days
    from the later of the spell start and the 14th birthday, end date exclusive,
    short-break (V3/V4) episodes left out entirely (CPPCR 2010 regs 40(2), 48).
    """

    __slots__ = ("_counted_at_start", "birthday_14", "short_breaks", "spells", "threshold_date")

    def __init__(self, episodes: Sequence[CareEpisode], birthday_14: date) -> None:
        self.birthday_14 = birthday_14
        self.spells = _merge_spells(e for e in episodes if not e.is_short_break)
        self.short_breaks = _merge_spells(e for e in episodes if e.is_short_break)
        counted_at_start: list[int] = []
        running = 0
        threshold: date | None = None
        for spell in self.spells:
            counted_at_start.append(running)
            from_ = max(spell.start, birthday_14)
            if spell.end is None:
                if threshold is None:
                    threshold = from_ + timedelta(days=THIRTEEN_WEEKS_DAYS - running)
                break
            if spell.end > from_:
                available = days_between(from_, spell.end)
                if threshold is None and running + available >= THIRTEEN_WEEKS_DAYS:
                    threshold = from_ + timedelta(days=THIRTEEN_WEEKS_DAYS - running)
                running += available
        self._counted_at_start = tuple(counted_at_start)
        # The first day on which counted_days(d) >= 91, whether or not still in care.
        self.threshold_date = threshold

    def counted_days(self, on: date) -> int:
        """Days looked after since the 14th birthday, strictly before ``on``."""
        total = 0
        for index, spell in enumerate(self.spells):
            if spell.start >= on:
                break
            from_ = max(spell.start, self.birthday_14)
            until = on if spell.end is None or spell.end > on else spell.end
            if until > from_:
                total = self._counted_at_start[index] + days_between(from_, until)
            else:
                total = self._counted_at_start[index]
        return total

    def spell_on(self, d: date) -> CareSpell | None:
        """The (non-short-break) spell looking after the child on ``d``, if any."""
        for spell in self.spells:
            if spell.start > d:
                return None
            if spell.end is None or d < spell.end:
                return spell
        return None

    def short_break_on(self, d: date) -> CareSpell | None:
        for spell in self.short_breaks:
            if spell.covers(d):
                return spell
        return None

    def last_exit(self, on: date) -> CareSpell | None:
        """The spell whose end was the last time the child left care on or before ``on``."""
        found: CareSpell | None = None
        for spell in self.spells:
            if spell.end is None or spell.end > on:
                break
            found = spell
        return found

    def next_spell_after(self, spell: CareSpell) -> CareSpell | None:
        index = self.spells.index(spell)
        return self.spells[index + 1] if index + 1 < len(self.spells) else None

    def looked_after_between(self, start: date, end: date, *, short_breaks: bool = False) -> bool:
        """Whether any care falls on a day in [start, end); short breaks only if asked."""
        pools = (self.spells, self.short_breaks) if short_breaks else (self.spells,)
        return any(s.start < end and (s.end is None or s.end > start) for pool in pools for s in pool)

    def short_break_between(self, start: date, end: date) -> bool:
        return any(s.start < end and (s.end is None or s.end > start) for s in self.short_breaks)

    def first_start(self) -> date | None:
        """The first day of any care, short breaks included."""
        starts = [pool[0].start for pool in (self.spells, self.short_breaks) if pool]
        return min(starts) if starts else None

    def boundaries(self) -> list[date]:
        days: list[date] = []
        for pool in (self.spells, self.short_breaks):
            for spell in pool:
                days.append(spell.start)
                if spell.end is not None:
                    days.append(spell.end)
        if self.threshold_date is not None:
            days.append(self.threshold_date)
        return days


@dataclass(frozen=True, slots=True)
class HomeWindow:
    """When a continuous stay with a parent excludes relevant status (CLR 2010 reg 3).

    ``home_from`` is when the stay began; ``excluded_from`` is six calendar months
    later; ``until`` is when the stay ended (exclusive), None while it continues.
    """

    home_from: date
    excluded_from: date
    until: date | None

    def covers(self, d: date) -> bool:
        return self.excluded_from <= d and (self.until is None or d < self.until)


def home_windows(periods: Iterable[Period]) -> tuple[HomeWindow, ...]:
    """Exclusion windows from living-with-parent periods (statutory-rules.md §2.2).

    Six months are calendar months with end-of-month clamping (§1.2); a break in
    the stay restarts the count, but touching records are one stay.
    """
    windows = []
    for p in merge_periods(periods):
        excluded_from = add_months(p.start, HOME_WITH_PARENT_MONTHS)
        if p.end is None or excluded_from < p.end:
            windows.append(HomeWindow(p.start, excluded_from, p.end))
    return tuple(windows)


class DeclarationState:
    """Whether a switch the young person controls (e.g. asking for PA support) is on.

    Declarations are read in date order; on the same day the one listed later in the
    facts wins, so a same-day correction behaves as the caseworker entered it.
    """

    __slots__ = ("_changes",)

    def __init__(self, declarations: Iterable[Declaration], on: DeclarationKind, off: DeclarationKind) -> None:
        relevant = sorted((d for d in declarations if d.kind in (on, off)), key=lambda d: d.on)
        changes: list[tuple[date, bool, date]] = []  # (day, is_on, day the current run began)
        for declaration in relevant:
            is_on = declaration.kind is on
            run_start = declaration.on
            if changes and changes[-1][1] == is_on:
                run_start = changes[-1][2]
            changes.append((declaration.on, is_on, run_start))
        self._changes = tuple(changes)

    def state_on(self, d: date) -> tuple[bool, date | None]:
        """(is on, the day the current on/off run began) — (False, None) if never said."""
        result: tuple[bool, date | None] = (False, None)
        for day, is_on, run_start in self._changes:
            if day > d:
                break
            result = (is_on, run_start)
        return result

    def boundaries(self) -> list[date]:
        return [day for day, _, _ in self._changes]
