"""Properties of the category timeline over generated, plausible care histories.

The oracles here are written straight from statutory-rules.md §2.1–2.2 (counting day by
day, eligible and relevant as defined there), not from the engine's own helpers, so a
slip in the boundary sweep or the merging shows up as a disagreement.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.calendar import LeapDayRule, birthday
from compliance.categories import Category, LeavingCareStatus, assess, counted_days
from compliance.category_rules import CategoryRules
from compliance.facts import CareEpisode, Declaration, DeclarationKind, Period, YoungPersonFacts
from compliance.policy import LocalPolicy, SgoExitRule

LEGAL_STATUSES = ["C2", "C2", "V2", "V2", "C1", "J1", "E1", "V3", "V4"]
PLAIN_EXITS = ["E4A", "E4B", "E5", "E6", "E8", "E13", "E17", "X1"]
ALL_EXITS = PLAIN_EXITS * 3 + ["E45", "E46", "E11", "E3", "E2"]
ONE_DAY = timedelta(days=1)

policies = st.builds(
    LocalPolicy,
    leap_day_birthday_rule=st.sampled_from(list(LeapDayRule)),
    home_with_parent_ends_former_relevant=st.booleans(),
    sgo_exit_rule=st.sampled_from(list(SgoExitRule)),
    short_breaks_count_for_qualifying=st.booleans(),
)


@st.composite
def periods(draw: st.DrawFn, dob: date, count: int) -> tuple[Period, ...]:
    result = []
    for _ in range(draw(st.integers(0, count))):
        start = dob + timedelta(days=draw(st.integers(12 * 365, 24 * 365)))
        length = draw(st.one_of(st.none(), st.integers(1, 3 * 365)))
        result.append(Period(start, None if length is None else start + timedelta(days=length)))
    return tuple(result)


@st.composite
def histories(draw: st.DrawFn, plain: bool = False) -> YoungPersonFacts:
    """DOB, 0–6 non-overlapping episodes mostly aged 12–19, and optional other facts.

    ``plain`` leaves out the facts the simple oracles do not model (home, detention,
    special exits), so those oracles can be checked exactly.
    """
    dob = draw(st.one_of(st.dates(date(1995, 1, 1), date(2015, 12, 31)), st.sampled_from([date(2008, 2, 29)])))
    cursor = dob + timedelta(days=draw(st.integers(8 * 365, 18 * 365)))
    episodes = []
    for _ in range(draw(st.integers(0, 6))):
        cursor += timedelta(days=draw(st.integers(0, 400)))
        length = draw(st.integers(1, 500))
        is_open = draw(st.integers(0, 9)) == 0
        end = None if is_open else cursor + timedelta(days=length)
        exits = PLAIN_EXITS if plain else ALL_EXITS
        episodes.append(
            CareEpisode(
                cursor,
                end,
                draw(st.sampled_from(LEGAL_STATUSES)),
                "U6",
                "" if end is None else draw(st.sampled_from(exits)),
            )
        )
        if end is None:
            break
        cursor = end
    declarations = tuple(
        Declaration(
            draw(st.sampled_from(list(DeclarationKind))), dob + timedelta(days=draw(st.integers(18 * 365, 26 * 365)))
        )
        for _ in range(draw(st.integers(0, 4)))
    )
    died = draw(st.one_of(st.none(), st.none(), st.none(), st.integers(10 * 365, 26 * 365)))
    programme = draw(st.one_of(st.none(), st.integers(19 * 365, 27 * 365)))
    return YoungPersonFacts(
        date_of_birth=dob,
        episodes=tuple(episodes),
        living_with_parent=() if plain else draw(periods(dob, 2)),
        detained_or_in_hospital=() if plain else draw(periods(dob, 1)),
        declarations=declarations,
        staying_put=draw(periods(dob, 1)),
        education_programme_beyond_21_until=None if programme is None else dob + timedelta(days=programme),
        date_of_death=None if died is None or plain else dob + timedelta(days=died),
    )


def sample_days(f: YoungPersonFacts, s: LeavingCareStatus, seed: int) -> list[date]:
    """Every span edge and the day before it, plus random days from birth to 26."""
    rng = random.Random(seed)
    days = {f.date_of_birth}
    for span in s.timeline:
        days |= {span.start, span.start - ONE_DAY}
    days |= {f.date_of_birth + timedelta(days=rng.randrange(0, 26 * 366)) for _ in range(30)}
    return sorted(x for x in days if x >= f.date_of_birth)


def looked_after_on(f: YoungPersonFacts, x: date) -> bool:
    return any(e.covers(x) and not e.is_short_break for e in f.episodes)


class BruteCount:
    """§2.1 counted_days, found by walking every day from the 14th birthday to 27."""

    def __init__(self, f: YoungPersonFacts, rule: LeapDayRule) -> None:
        self.b14 = birthday(f.date_of_birth, 14, rule)
        length = (birthday(f.date_of_birth, 27, rule) - self.b14).days
        in_care = bytearray(length)  # one flag per day from the 14th birthday
        for e in f.episodes:
            if not e.is_short_break:
                first = max((e.start - self.b14).days, 0)
                last = length if e.end is None else min(max((e.end - self.b14).days, 0), length)
                in_care[first:last] = b"\x01" * max(last - first, 0)
        self.running = [0, *accumulate(in_care)]

    def before(self, on: date) -> int:
        return self.running[min(max((on - self.b14).days, 0), len(self.running) - 1)]


@settings(max_examples=100, deadline=None)
@given(histories(), policies)
def test_timeline_is_contiguous_from_birth_and_open_ended(f: YoungPersonFacts, policy: LocalPolicy) -> None:
    s = assess(f, policy)
    assert s.timeline[0].start == f.date_of_birth
    assert s.timeline[-1].end is None
    for before, after in zip(s.timeline, s.timeline[1:], strict=False):
        assert before.end == after.start
        assert before.start < after.start
        assert (before.category, before.flags, before.reason) != (after.category, after.flags, after.reason)
    for span in s.timeline:
        assert span.reason.endswith(".") and span.reason[0].isupper()
        assert span.citation
        assert span.flags == frozenset() or span.category is Category.FORMER_RELEVANT


@settings(max_examples=100, deadline=None)
@given(histories(), policies, st.integers(0, 10**6))
def test_every_day_has_one_span_and_the_sweep_misses_no_change(
    f: YoungPersonFacts, policy: LocalPolicy, seed: int
) -> None:
    """span_on is defined everywhere from birth, agrees with covers(), and matches the rules
    judged afresh on that day — so no change can fall between two boundaries."""
    s = assess(f, policy)
    rules = CategoryRules(f, policy)
    for x in sample_days(f, s, seed):
        span = s.span_on(x)
        assert span.covers(x)
        assert (span.category, span.flags) == rules.key(x)[:2]
        assert rules.key(x) == rules.key(span.start)  # the reason, too, holds for the whole span
        assert s.explain(x).startswith(span.category.label)
        following = s.next_change_after(x)
        assert following == span.end
        if following is not None:
            assert s.span_on(following).start == following


@settings(max_examples=100, deadline=None)
@given(histories(), policies)
def test_age_limits_of_each_category(f: YoungPersonFacts, policy: LocalPolicy) -> None:
    """ELIGIBLE and RELEVANT only at 16–17, QUALIFYING at 16–20, FORMER_RELEVANT at 18–24;
    from the 25th birthday nothing but NONE or NOT_LOOKED_AFTER."""
    s = assess(f, policy)
    b = {n: birthday(f.date_of_birth, n, policy.leap_day_birthday_rule) for n in (16, 18, 21, 25)}
    limits = {
        Category.ELIGIBLE: (b[16], b[18]),
        Category.RELEVANT: (b[16], b[18]),
        Category.QUALIFYING: (b[16], b[21]),
        Category.FORMER_RELEVANT: (b[18], b[25]),
    }
    for span in s.timeline:
        if span.category in limits:
            low, high = limits[span.category]
            assert low <= span.start and span.end is not None and span.end <= high
        if span.end is None or span.end > b[25]:
            assert span.category in (Category.NONE, Category.NOT_LOOKED_AFTER) or span.start < b[25]
    assert s.category_on(b[25]) in (Category.NONE, Category.NOT_LOOKED_AFTER)
    assert all(sp.category in (Category.NONE, Category.NOT_LOOKED_AFTER) for sp in s.timeline if sp.start >= b[25])


@settings(max_examples=100, deadline=None)
@given(histories(plain=True), st.sampled_from(list(LeapDayRule)), st.integers(0, 10**6))
def test_counted_days_and_eligibility_match_the_definition(f: YoungPersonFacts, rule: LeapDayRule, seed: int) -> None:
    """§2.1: counted_days(d) = days looked after (no V3/V4) from the 14th birthday to d;
    eligible(d) ⇔ looked after on d ∧ 16 ≤ age < 18 ∧ counted_days(d) ≥ 91."""
    policy = LocalPolicy(leap_day_birthday_rule=rule)
    s = assess(f, policy)
    b16, b18 = birthday(f.date_of_birth, 16, rule), birthday(f.date_of_birth, 18, rule)
    brute = BruteCount(f, rule)
    for x in sample_days(f, s, seed):
        counted = brute.before(x)
        assert counted_days(f, x, policy) == counted
        eligible = looked_after_on(f, x) and b16 <= x < b18 and counted >= 91
        assert (s.category_on(x) is Category.ELIGIBLE) == eligible


@settings(max_examples=100, deadline=None)
@given(histories(plain=True), st.integers(0, 10**6))
def test_relevant_matches_the_definition(f: YoungPersonFacts, seed: int) -> None:
    """§2.2 s23A(2): 16 ≤ age < 18, not looked after, and at the last exit ≥ 91 days counted
    with at least one day in care aged 16 (no home, detention or special exits here)."""
    s = assess(f)
    b16, b18 = birthday(f.date_of_birth, 16), birthday(f.date_of_birth, 18)
    brute = BruteCount(f, LeapDayRule.FEB_28)
    for x in sample_days(f, s, seed):
        exits = [e.end for e in f.episodes if not e.is_short_break and e.end is not None and e.end <= x]
        last_exit = max(exits, default=None)
        relevant = (
            b16 <= x < b18
            and not looked_after_on(f, x)
            and last_exit is not None
            and last_exit > b16
            and brute.before(last_exit) >= 91
        )
        assert (s.category_on(x) is Category.RELEVANT) == relevant


@settings(max_examples=50, deadline=None)
@given(histories(), st.integers(1, 400), st.integers(1, 400), st.sampled_from(LEGAL_STATUSES))
def test_a_later_episode_never_reduces_counted_days(f: YoungPersonFacts, gap: int, length: int, ls: str) -> None:
    closed_ends = [e.end for e in f.episodes if e.end is not None]
    if any(e.end is None for e in f.episodes):
        return  # an open episode already runs for ever; nothing can come later
    start = max(closed_ends, default=f.date_of_birth + timedelta(days=14 * 365)) + timedelta(days=gap)
    more = YoungPersonFacts(
        f.date_of_birth, (*f.episodes, CareEpisode(start, start + timedelta(days=length), ls, "", "E8"))
    )
    for years in range(13, 27):
        x = f.date_of_birth + timedelta(days=years * 365 + gap)
        assert counted_days(more, x) >= counted_days(f, x)


@settings(max_examples=50, deadline=None)
@given(histories(), policies, st.randoms(use_true_random=False))
def test_assess_is_deterministic_and_ignores_episode_order(
    f: YoungPersonFacts, policy: LocalPolicy, rng: random.Random
) -> None:
    shuffled = list(f.episodes)
    rng.shuffle(shuffled)
    again = YoungPersonFacts(
        f.date_of_birth, tuple(shuffled), f.living_with_parent[::-1], f.detained_or_in_hospital,
        f.declarations, f.staying_put[::-1], f.education_programme_beyond_21_until, f.date_of_death,
    )  # fmt: skip
    assert assess(f, policy) == assess(f, policy)
    assert assess(again, policy) == assess(f, policy)
