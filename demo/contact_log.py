"""Contacts and visits, case notes, chronology entries and the case summary for one
young person, drawn from their timeline, accommodation and workers.

Keeping in touch and visits are drawn backwards from today (demo.dates.backwards), so the
share in time today is the documented one; the log itself goes back CONTACT_LOG_MONTHS,
and only the contact that decides today's answer may be older (a case nobody has been in
touch with for a long time still shows its last contact).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from accounts.models import Role
from compliance import codes
from compliance.calendar import age_on
from compliance.categories import Category, CategorySpan
from compliance.duties.common import current_plan, pathway_duties_apply, run_start
from compliance.duties.visits import INTERVAL_MONTHS as VISIT_MONTHS
from compliance.records import ContactKind
from compliance.records import PathwayPlanVersion as PlanFact
from demo import texts
from demo.case import Case
from demo.dates import Rhythm, backwards, between, days, monthly, pick
from demo.pathway import PathwayRecords
from contacts.models import CaseNote, CaseSummary, CaseSummaryVersion, ChronologyEntry, Contact
from plans.models import PathwayPlanVersion

CONTACT_LOG_MONTHS = 27  # how far back contacts, notes and summary saves go: the scorecard shows 8 ended quarters
# Keeping in touch, share out of time today (national-benchmarks.md §2.3: 91% of 19-21s in
# touch; younger and older care leavers less often; those owed no support mostly not).
OUT_OF_TOUCH = {"16_17": 0.12, "18_20": 0.09, "21_24": 0.12, "not_supported": 0.40}
# Visits at council-provided accommodation: the councils' audit in issue 3 found 67% in
# time against a 95% target.
VISITS_LATE = 0.33
SUMMARY_STALE = 0.25  # invented; councils' audits found summaries never updated (statutory-rules.md §4)
IN_TOUCH_KINDS = {ContactKind.PHONE: 35, ContactKind.FACE_TO_FACE: 30, ContactKind.MESSAGE: 20,
                  ContactKind.VIDEO: 5, ContactKind.VISIT_AT_ACCOMMODATION: 10}
FACE_TO_FACE = frozenset({ContactKind.FACE_TO_FACE, ContactKind.VISIT_AT_ACCOMMODATION})


@dataclass
class ContactLog:
    contacts: list[Contact] = field(default_factory=list)
    notes: list[CaseNote] = field(default_factory=list)
    chronology: list[ChronologyEntry] = field(default_factory=list)
    summary: CaseSummary | None = None
    summary_versions: list[CaseSummaryVersion] = field(default_factory=list)


def _in_touch(span: CategorySpan) -> bool:
    return span.category in (Category.RELEVANT, Category.FORMER_RELEVANT, Category.QUALIFYING)


class ContactLogMaker:
    def make(self, case: Case, pathway: PathwayRecords) -> ContactLog:
        log = ContactLog()
        floor = case.today - days(round(CONTACT_LOG_MONTHS * 30.44))
        for start, end in case.runs(_in_touch):
            self._keeping_in_touch(case, log, pathway, start, end, floor)
        for start, end in case.runs(lambda s: s.category is Category.ELIGIBLE):
            self._while_in_care(case, log, max(start, floor), end)
        self._visits(case, log, floor)
        self._notes(case, log, floor)
        self._summary(case, log, pathway, floor)
        return log

    # -- contacts --------------------------------------------------------------------------

    def _contact(self, case: Case, log: ContactLog, on: dt.date, kind: str, *, attempted: bool = False,
                 through: str = "", place: str = "") -> None:
        rng = case.rng
        worker = case.workers.worker(on)
        face_to_face = kind in FACE_TO_FACE and not attempted and not through
        summary = rng.choice(texts.ATTEMPT_SUMMARIES if attempted else texts.CONTACT_SUMMARIES)
        log.contacts.append(Contact(
            on=on, kind=kind, direct=not through, through_whom=through,
            seen_alone=(rng.random() < 0.8) if face_to_face else None,
            place=place or (rng.choice(texts.PLACES) if kind in FACE_TO_FACE else ""),
            worker_id=worker.pk, by_personal_adviser=worker.role == Role.PERSONAL_ADVISER, attempted=attempted,
            summary=summary, recorded_by_id=worker.pk, created_at=case.stamp(on),
        ))

    def _interval(self, case: Case, pathway: PathwayRecords, day: dt.date) -> tuple[int, str]:
        """Weeks between contacts on ``day``, as the keeping in touch rule works it out, and the band."""
        standards, keys = case.standards, case.status.key_dates
        span = case.status.span_on(day)
        if not pathway_duties_apply(span):
            return standards.contact_weeks_21_24_not_supported, "not_supported"
        band = "16_17" if day < keys.birthday_18 else "18_20" if day < keys.birthday_21 else "21_24"
        agreed = [_plan_fact(v) for v in pathway.versions if v.agreed_on]
        plan = current_plan(agreed, day)
        if plan is not None and plan.contact_every_weeks:
            return plan.contact_every_weeks, band
        weeks = {"16_17": standards.contact_weeks_16_17, "18_20": standards.contact_weeks_18_20,
                 "21_24": standards.contact_weeks_21_24_supported}[band]
        return weeks, band

    def _keeping_in_touch(self, case: Case, log: ContactLog, pathway: PathwayRecords, start: dt.date, end: dt.date,
                          floor: dt.date) -> None:
        rng = case.rng
        last_day = end - days(1)
        weeks, band = self._interval(case, pathway, last_day)
        now = end > case.today
        late = case.late(f"keeping_in_touch_{band}", OUT_OF_TOUCH[band], now=now)
        dates = backwards(rng, Rhythm(every=weeks * 7), start, last_day, late=late, floor=floor)
        for day in dates:
            if rng.random() < 0.25 and day - days(5) >= start:
                self._contact(case, log, day - days(rng.randint(1, 5)), ContactKind.PHONE, attempted=True)
            self._contact(case, log, day, pick(rng, IN_TOUCH_KINDS))
            if rng.random() < 0.05 and day + days(21) <= last_day:  # news through their carer or college
                self._contact(case, log, day + days(rng.randint(1, 20)), ContactKind.PHONE,
                              through=rng.choice(texts.THROUGH))
        if now and late:  # tried, and could not reach them
            gap_from = (dates[-1] if dates else start) + days(weeks * 7)
            for _ in range(rng.randint(0, 3)):
                if gap_from < case.today:
                    kind = rng.choice((ContactKind.PHONE, ContactKind.VISIT_AT_ACCOMMODATION))
                    self._contact(case, log, between(rng, gap_from, case.today), kind, attempted=True)

    def _while_in_care(self, case: Case, log: ContactLog, start: dt.date, end: dt.date) -> None:
        """A personal adviser getting to know a child in care: no duty reads these."""
        rng = case.rng
        day = start + days(rng.randint(0, 60))
        while day < end:
            if case.workers.adviser(day) is not None:
                self._contact(case, log, day, rng.choice((ContactKind.FACE_TO_FACE, ContactKind.PHONE)),
                              place="Their placement")
            day += days(rng.randint(35, 80))

    def _visits(self, case: Case, log: ContactLog, floor: dt.date) -> None:
        """Visits by the personal adviser at council-provided accommodation (CLR 2010 reg 8(2))."""
        standards = case.standards
        within = standards.visit_within_days - (1 if standards.visit_day_of_move_is_day_one else 0)
        rhythm = monthly(VISIT_MONTHS, first_within=within)
        for spell in case.life.accommodation:
            last_day = min(spell.end or case.stop, case.stop) - days(1)
            if not spell.council_provided or last_day < floor or last_day < spell.start:
                continue
            now = spell.end is None and case.is_open_today and _in_touch_now(case)
            late = case.late("visits", VISITS_LATE, now=now)
            dates = backwards(case.rng, rhythm, spell.start, last_day, late=late, floor=floor)
            for day in dates:
                self._contact(case, log, day, ContactKind.VISIT_AT_ACCOMMODATION, place="Their accommodation")
            if late and now and case.rng.random() < 0.5:
                self._contact(case, log, case.today - days(case.rng.randint(0, 20)), ContactKind.VISIT_AT_ACCOMMODATION,
                              attempted=True, place="Their accommodation")

    # -- notes, chronology, summary ----------------------------------------------------------

    def _notes(self, case: Case, log: ContactLog, floor: dt.date) -> None:
        rng, person = case.rng, case.plan.young_person
        first = max(floor, person.date_of_birth + days(365 * 14))
        day = first + days(rng.randint(0, 60))
        while day < case.stop and day <= case.today:
            subject, text = rng.choice(texts.NOTE_SUBJECTS)
            self._note(case, log, day, subject, text, significant=False)
            day += days(rng.randint(60, 150))
        for spell in case.life.accommodation:
            if floor <= spell.start < case.stop:
                label = codes.ACCOMMODATION_TYPES.label(spell.accommodation_type)
                self._note(case, log, spell.start, "Moved", f"Moved: {label.lower()}.", significant=True)
        if case.status.span_on(min(case.today, case.stop - days(1))).category.is_leaving_care:
            low = case.status.key_dates.birthday_16
            for _ in range(rng.randint(0, 2)):
                title, detail = rng.choice(texts.CHRONOLOGY)
                on = between(rng, low, min(case.today, case.stop - days(1)))
                worker = case.workers.worker(on)
                log.chronology.append(ChronologyEntry(on=on, title=title, detail=detail,
                                                      recorded_by_id=worker.pk, created_at=case.stamp(on)))

    def _note(self, case: Case, log: ContactLog, on: dt.date, subject: str, text: str, *, significant: bool) -> None:
        log.notes.append(CaseNote(on=on, subject=subject, text=text, significant=significant,
                                  written_by_id=case.workers.worker(on).pk, created_at=case.stamp(on)))

    def _summary(self, case: Case, log: ContactLog, pathway: PathwayRecords, floor: dt.date) -> None:
        """Saves of the case summary: at least every 90 days and soon after each review, or not."""
        rng, today, standards = case.rng, case.today, case.standards
        last_day = min(today, case.stop - days(1))
        span = case.status.span_on(last_day)
        if not span.category.is_leaving_care:
            return
        started = run_start(case.status, last_day, lambda s: s.category.is_leaving_care)
        now = case.is_open_today
        late = case.late("case_summary", SUMMARY_STALE, now=now)
        rhythm = Rhythm(every=standards.summary_max_age_days)
        saves = backwards(rng, rhythm, started, last_day, late=late, floor=floor)
        held = [r.held_on for r in pathway.reviews if started <= r.held_on <= last_day]
        after = standards.summary_after_review_days
        if saves and held and not late and saves[-1] < held[-1] and held[-1] + days(after) < last_day:
            saves.append(held[-1] + days(rng.randint(0, after)))  # updated after the review, as it should be
        if not saves:
            return
        person = case.plan.young_person
        opening = f"{person.preferred_name or person.given_name} ({age_on(person.date_of_birth, saves[0])}). "
        first = opening + rng.choice(texts.SUMMARY_OPENINGS)
        for number, day in enumerate(saves, start=1):
            text = first if number == 1 else f"{first} {rng.choice(texts.SUMMARY_UPDATES)}"
            worker = case.workers.worker(day)
            log.summary_versions.append(CaseSummaryVersion(number=number, text=text, saved_on=day, saved_by_id=worker.pk,
                                                           saved_at=case.stamp(day)))
        last = log.summary_versions[-1]
        log.summary = CaseSummary(text=last.text, updated_on=last.saved_on,
                                  updated_by_id=last.saved_by_id, version=len(saves))
        for version in log.summary_versions:
            version.summary = log.summary


def _in_touch_now(case: Case) -> bool:
    return case.status.span_on(case.today).category in (Category.RELEVANT, Category.FORMER_RELEVANT)


def _plan_fact(version: PathwayPlanVersion) -> PlanFact:
    """The compliance core's view of a version, enough for current_plan()."""
    return PlanFact(version=version.number, agreed_on=version.agreed_on, contact_every_weeks=version.contact_every_weeks)
