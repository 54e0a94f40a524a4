"""What a care leaver's OC3 row says: IN_TOUCH, ACTIV and ACCOM, each with its evidence.

For 17 to 21 year olds the values describe the position "on or around" the birthday in the
year, read from the contacts in a window around it (:class:`compliance.ssda903.Oc3Settings`),
the activity history and the accommodation history with its suitability. For 22 to 25 year
olds they describe the position at the latest contact in the year (ssda903-care-leavers.md
§5). Staff may override any value with a reason; the consistency rules of §4 (DfE rules 153,
344, 345) are applied after the overrides, and anything that cannot be made consistent is a
``problem`` to fix, never a guessed code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from compliance.calendar import format_date, ordinal
from compliance.care_time import DeclarationState, home_windows
from compliance.codes import ACCOMMODATION_TYPES, ACTIVITY, ALWAYS_UNSUITABLE_ACCOMMODATION, IN_TOUCH
from compliance.facts import DeclarationKind
from compliance.records import AccommodationSpell, CaseFacts
from compliance.ssda903 import CohortDecision, CohortGroup, CollectionYear, Oc3Settings, Window, made_contacts

__all__ = [
    "FIELDS",
    "ActivitySpell",
    "Oc3Override",
    "Oc3Row",
    "Oc3Value",
    "accommodation_code",
    "derive_oc3",
    "valid_codes",
]

FIELDS = ("IN_TOUCH", "ACTIV", "ACCOM")
NOT_KNOWN = "0"
# §4: IN_TOUCH values after which nothing more is known (rule 344) or, when not in touch,
# activity and accommodation are unknown unless someone else told the council.
NOTHING_KNOWN = frozenset({"DIED", "RHOM"})
NOT_IN_TOUCH = frozenset({"NO", "REFU", "NREQ"})
_REF = "ssda903-care-leavers.md §4"


@dataclass(frozen=True, slots=True)
class ActivitySpell:
    """Main activity (SSDA903 ACTIV code) from ``start`` until the day before ``end``."""

    start: date
    end: date | None
    code: str
    ref: str = ""

    def covers(self, d: date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


@dataclass(frozen=True, slots=True)
class Oc3Override:
    """A value staff set by hand, with their reason; ``ref`` points at the stored override."""

    field: str
    code: str
    reason: str
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Oc3Value:
    """One OC3 item. ``code`` is "" when it cannot be worked out and nobody has set it;
    ``problem`` then says what to record. ``evidence`` holds the refs of the records used."""

    field: str
    code: str
    reason: str
    evidence: tuple[str, ...] = ()
    evidence_on: date | None = None
    override: Oc3Override | None = None
    problem: str = ""

    @property
    def label(self) -> str:
        return _LISTS[self.field](self.code) if self.code else ""


@dataclass(frozen=True, slots=True)
class Oc3Row:
    """A young person's OC3 row with how each value was reached.

    ``provisional``: the window (or, for 22 to 25, the year) has not ended on the date the row
    was worked out, so values may still change.
    """

    decision: CohortDecision
    window: Window
    in_touch: Oc3Value
    activity: Oc3Value
    accommodation: Oc3Value
    provisional: bool = False

    @property
    def values(self) -> tuple[Oc3Value, Oc3Value, Oc3Value]:
        return (self.in_touch, self.activity, self.accommodation)

    @property
    def codes(self) -> dict[str, str]:
        return {v.field: v.code for v in self.values}

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(v.problem for v in self.values if v.problem)


def _accom_label(code: str) -> str:
    if code == NOT_KNOWN:
        return "Not in touch, or nothing is known"
    suitability = {"1": "suitable", "2": "not suitable"}.get(code[1:], "")
    return f"{ACCOMMODATION_TYPES.label(code[:1])}, {suitability}"


_LISTS = {"IN_TOUCH": IN_TOUCH.label, "ACTIV": ACTIVITY.label, "ACCOM": _accom_label}


def valid_codes(field: str) -> frozenset[str]:
    """The codes DfE rules 131, 132 and 133 accept for 2025-26."""
    if field == "IN_TOUCH":
        return frozenset(c.code for c in IN_TOUCH.current())
    if field == "ACTIV":
        return frozenset(c.code for c in ACTIVITY.current())
    found = {NOT_KNOWN}
    for kind in ACCOMMODATION_TYPES.current():
        found.add(f"{kind.code}2")
        if kind.code not in ALWAYS_UNSUITABLE_ACCOMMODATION:
            found.add(f"{kind.code}1")
    return frozenset(found)


def accommodation_code(spell: AccommodationSpell) -> str:
    """The ACCOM code: type letter and 1 (suitable) or 2 (unsuitable); "" while suitability
    is not judged. Homelessness and custody are always unsuitable (rule 133: S2, X2 only)."""
    letter = spell.code[:1]
    if letter in ALWAYS_UNSUITABLE_ACCOMMODATION:
        return f"{letter}2"
    if spell.suitable is None:
        return ""
    return f"{letter}{'1' if spell.suitable else '2'}"


def _in_force(spells: Iterable, on: date, window: Window):  # noqa: ANN001, ANN202
    """The spell in force on ``on``; failing that the latest one in force during the window."""
    spells = sorted(spells, key=lambda s: (s.start, s.ref))
    for spell in reversed(spells):
        if spell.start <= on and (spell.end is None or on < spell.end):
            return spell, True
    during = [s for s in spells if s.start <= window.end and (s.end is None or s.end > window.start)]
    return (during[-1], False) if during else (None, False)


def derive_oc3(
    facts: CaseFacts,
    activities: Iterable[ActivitySpell],
    decision: CohortDecision,
    year: CollectionYear,
    settings: Oc3Settings = Oc3Settings(),
    overrides: Mapping[str, Oc3Override] | None = None,
    as_of: date | None = None,
) -> Oc3Row:
    """The OC3 row for an included young person. ``as_of`` (the date it is worked out on,
    passed in) marks rows whose window has not ended as provisional."""
    overrides = overrides or {}
    if decision.group is CohortGroup.BIRTHDAY:
        window = settings.window(decision.birthday)
        in_touch = _in_touch_around_birthday(facts, decision, window, settings)
    else:
        window = Window(year.start, year.end)
        in_touch = _in_touch_older(facts, year)
    in_touch = _overridden(in_touch, overrides.get("IN_TOUCH"))
    # The date the position is read on: the birthday, or for 22 to 25 the latest contact.
    on = decision.birthday if decision.group is CohortGroup.BIRTHDAY else (in_touch.evidence_on or year.end)
    what = (f"their {ordinal(decision.age)} birthday" if decision.group is CohortGroup.BIRTHDAY
            else "the latest contact in the year")
    activity = _overridden(_activity(activities, in_touch.code, on, window, what), overrides.get("ACTIV"))
    accommodation = _overridden(
        _accommodation(facts.accommodation, in_touch.code, on, window, what, decision), overrides.get("ACCOM")
    )
    activity, accommodation = (_consistent(v, in_touch.code) for v in (activity, accommodation))
    return Oc3Row(
        decision, window, _checked(in_touch), _checked(activity), _checked(accommodation),
        provisional=as_of is not None and as_of < window.end,
    )


def _window_words(window: Window) -> str:
    return f"{format_date(window.start)} to {format_date(window.end)}"


def _in_touch_around_birthday(facts: CaseFacts, decision: CohortDecision, window: Window,
                              settings: Oc3Settings) -> Oc3Value:
    person = facts.person
    death = person.date_of_death
    if death is not None and death <= window.end:
        return Oc3Value("IN_TOUCH", "DIED", f"Died on {format_date(death)}, after leaving care.", evidence_on=death)
    for home in home_windows(person.living_with_parent):
        if home.covers(decision.birthday):
            return Oc3Value(
                "IN_TOUCH", "RHOM",
                f"Living with a parent since {format_date(home.home_from)}: 6 months or more on their "
                f"{ordinal(decision.age)} birthday.", evidence_on=home.home_from,
            )
    in_window = [c for c in made_contacts(facts) if window.covers(c.on)]
    if in_window:
        # The contact nearest the birthday best shows the position "around" it; later wins a tie.
        nearest = min(in_window, key=lambda c: (abs((c.on - decision.birthday).days), -c.on.toordinal(), c.ref))
        return Oc3Value(
            "IN_TOUCH", "YES",
            f"In touch: {len(in_window)} contact{'s' if len(in_window) != 1 else ''} that reached them from "
            f"{_window_words(window)}; the nearest to the birthday was on {format_date(nearest.on)}.",
            evidence=(nearest.ref,) if nearest.ref else (), evidence_on=nearest.on,
        )
    declined = DeclarationState(person.declarations, on=DeclarationKind.SUPPORT_DECLINED,
                                off=DeclarationKind.SUPPORT_REQUESTED).state_on(decision.birthday)
    if declined[0]:
        return Oc3Value(
            "IN_TOUCH", "NREQ",
            f"No contact reached them from {_window_words(window)}, and on {format_date(declined[1])} they said they "
            "no longer wanted support.", evidence_on=declined[1],
        )
    return Oc3Value(
        "IN_TOUCH", "NO",
        f"No contact that reached them is recorded from {_window_words(window)}. If they refused contact, "
        "override this with REFU and the reason.",
    )


def _in_touch_older(facts: CaseFacts, year: CollectionYear) -> Oc3Value:
    contacts = sorted((c for c in made_contacts(facts) if year.covers(c.on)), key=lambda c: (c.on, c.ref))
    if facts.person.date_of_death is not None and facts.person.date_of_death <= year.end:
        return Oc3Value("IN_TOUCH", "DIED", f"Died on {format_date(facts.person.date_of_death)}.")
    if not contacts:  # the cohort rule includes only people with a contact; kept for overrides
        return Oc3Value("IN_TOUCH", "NO", "No contact that reached them is recorded in the year.")
    latest = contacts[-1]
    return Oc3Value(
        "IN_TOUCH", "YES", f"In touch: the latest contact in the year was on {format_date(latest.on)}.",
        evidence=(latest.ref,) if latest.ref else (), evidence_on=latest.on,
    )


def _not_known(field: str, in_touch: str) -> Oc3Value | None:
    if in_touch in NOTHING_KNOWN:
        return Oc3Value(field, NOT_KNOWN, f"0 because IN_TOUCH is {in_touch} (DfE rule 344).")
    if in_touch in NOT_IN_TOUCH:
        return Oc3Value(field, NOT_KNOWN, "0: not in touch, so not known. If someone else told the council, "
                        "override it with what they said.")
    return None


def _from_records(field: str, noun: str, spells: Iterable, in_touch: str, on: date, window: Window,  # noqa: ANN202
                  what: str):
    """(a finished value, None, "") when IN_TOUCH or a gap decides it; else (None, the record in
    force, words saying when it applies)."""
    unknown = _not_known(field, in_touch)
    if unknown is not None:
        return unknown, None, ""
    spell, on_the_day = _in_force(spells, on, window)
    if spell is None:
        return Oc3Value(field, "", f"No {noun} recorded.", problem=(
            f"No {noun} is recorded for {what} ({_window_words(window)}). Record it, or override "
            "the value with a reason.")), None, ""
    when = f"from {format_date(spell.start)}, in the window but not on {what}"
    return None, spell, f"on {what}" if on_the_day else when


def _activity(activities: Iterable[ActivitySpell], in_touch: str, on: date, window: Window, what: str) -> Oc3Value:
    done, spell, when = _from_records("ACTIV", "main activity", activities, in_touch, on, window, what)
    if done is not None:
        return done
    return Oc3Value("ACTIV", spell.code, f"Recorded activity {when}.", evidence=(spell.ref,) if spell.ref else (),
                    evidence_on=spell.start)


def _accommodation(spells: Iterable[AccommodationSpell], in_touch: str, on: date, window: Window, what: str,
                   decision: CohortDecision) -> Oc3Value:
    done, spell, when = _from_records("ACCOM", "accommodation", spells, in_touch, on, window, what)
    if done is not None:
        return done
    evidence = (spell.ref,) if spell.ref else ()
    code = accommodation_code(spell)
    if not code:
        return Oc3Value("ACCOM", "", "Suitability not judged.", evidence=evidence, evidence_on=spell.start, problem=(
            f"Whether the accommodation from {format_date(spell.start)} is suitable has not been judged. "
            "Record it on the accommodation."))
    problem = ""
    if code[0] == "Z" and decision.age == 17:
        problem = ("With former foster carers (Z) cannot be returned for a 17 year old (DfE rule 3001): staying "
                   "put starts at 18. Check the accommodation type.")
    return Oc3Value("ACCOM", code, f"Recorded accommodation {when}.", evidence=evidence, evidence_on=spell.start,
                    problem=problem)


def _overridden(value: Oc3Value, override: Oc3Override | None) -> Oc3Value:
    if override is None:
        return value
    return Oc3Value(value.field, override.code, f"Set by hand: {override.reason}",
                    evidence=(override.ref,) if override.ref else (), override=override)


def _consistent(value: Oc3Value, in_touch: str) -> Oc3Value:
    """Rules 344 and 345 between IN_TOUCH and the other two items (§4)."""
    if in_touch in NOTHING_KNOWN and value.code != NOT_KNOWN:
        if value.override is None:
            return Oc3Value(value.field, NOT_KNOWN, f"0 because IN_TOUCH is {in_touch} (DfE rule 344).")
        return replace(value, problem=f"Must be 0 when IN_TOUCH is {in_touch} (DfE rule 344). Change the override.")
    if in_touch == "YES" and value.code == NOT_KNOWN:
        return replace(value, problem=(f"Cannot be 0 when IN_TOUCH is YES (DfE rule 345). Record what they were "
                                       "doing and where they lived, or change the override."))
    return value


def _checked(value: Oc3Value) -> Oc3Value:
    if value.code and value.code not in valid_codes(value.field) and not value.problem:
        return replace(value, problem=f"{value.code} is not a valid {value.field} code for the DfE ({_REF}).")
    return value
