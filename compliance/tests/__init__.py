"""Tests of the compliance core. The builders below keep each rule test reading like the
example it checks (dates written as the reference writes them, "10 Jun 2009")."""

from __future__ import annotations

from datetime import date, datetime

from compliance.categories import Category, LeavingCareStatus, assess
from compliance.facts import CareEpisode, Declaration, DeclarationKind, Period, YoungPersonFacts
from compliance.policy import LocalPolicy

__all__ = ["d", "episode", "facts", "spans", "status"]


def d(text: str) -> date:
    """``d("10 Jun 2009")`` — dates written as the reference writes them."""
    return datetime.strptime(text, "%d %b %Y").date()


def episode(
    start: str, end: str | None = None, legal_status: str = "C2", reason_ended: str | None = None
) -> CareEpisode:
    """A care episode; a closed one ends "E8" (other reason) unless told otherwise."""
    rec = reason_ended if reason_ended is not None else ("E8" if end else "")
    return CareEpisode(d(start), d(end) if end else None, legal_status, "U6", rec)


def facts(
    dob: str,
    *episodes: CareEpisode,
    home: tuple[tuple[str, str | None], ...] = (),
    declarations: tuple[tuple[DeclarationKind, str], ...] = (),
    staying_put: tuple[tuple[str, str | None], ...] = (),
    detained: tuple[tuple[str, str | None], ...] = (),
    programme_until: str | None = None,
    died: str | None = None,
) -> YoungPersonFacts:
    def periods(pairs: tuple[tuple[str, str | None], ...]) -> tuple[Period, ...]:
        return tuple(Period(d(s), d(e) if e else None) for s, e in pairs)

    return YoungPersonFacts(
        date_of_birth=d(dob),
        episodes=episodes,
        living_with_parent=periods(home),
        detained_or_in_hospital=periods(detained),
        declarations=tuple(Declaration(kind, d(on)) for kind, on in declarations),
        staying_put=periods(staying_put),
        education_programme_beyond_21_until=d(programme_until) if programme_until else None,
        date_of_death=d(died) if died else None,
    )


def status(f: YoungPersonFacts, policy: LocalPolicy | None = None) -> LeavingCareStatus:
    return assess(f, policy or LocalPolicy())


def spans(s: LeavingCareStatus) -> list[tuple[Category, date]]:
    """(category, start) for each span — the shape most tests compare."""
    return [(span.category, span.start) for span in s.timeline]
