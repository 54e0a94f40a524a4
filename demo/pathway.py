"""Needs assessments, the pathway plan in versions, reviews and requests for a review,
drawn for one young person from their leaving-care timeline.

Each time a pathway duty arises (eligible at 16, relevant with no plan, s23CA, s23CZB)
there is an assessment and a first plan, mostly in time, some late, some missing; then
reviews about every six months, some producing a new version. Dates follow the rules in
docs/rules/duties.md, so the ledger reads them as the rates in docs/demo-council.md say.
The deliberate historic flaws (H1-H3 there) are the only records the plans actions would
refuse: dates typed in an old system, which the rules are written to catch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from compliance.calendar import add_months, age_on
from compliance.categories import Category, CategorySpan, DutyFlag
from compliance.duties.common import pathway_duties_apply
from compliance.facts import DeclarationKind
from compliance.records import ReviewReason
from demo import texts
from demo.case import Case
from demo.dates import backwards, between, days, monthly, pick, year_slip
from plans.models import (
    ASSESSMENT_MATTERS,
    SECTION_MATTERS,
    UASC_ONLY_MATTERS,
    CopyMethod,
    Involvement,
    NeedsAssessment,
    PathwayPlan,
    PathwayPlanVersion,
    PlanReview,
    PlanSection,
    RequestedBy,
    ReviewOutcome,
    ReviewRequest,
    SignOffMethod,
    TookPart,
)

# All invented: the reference files give no national rates for these. Audits look for
# exactly these gaps (ofsted-and-audit.md §2.2): late or missing assessments, plans not
# reviewed in 6 months, unsigned plans, no contingency plan, matters not covered.
ASSESSMENT = {"on_time": 0.75, "late": 0.15, "missing": 0.10}
FIRST_PLAN = {"on_time": 0.75, "late": 0.17, "missing": 0.08}
SIGNED_DRAFT = 0.15  # of missing first plans: historic flaw H3, signed but never dated as agreed
AUTHORISED_ASSESSMENT = 0.85
REVIEWS = monthly(6)
REVIEWS_LATE = 0.15
AFTER_MOVE_LATE = 0.30
NEW_VERSION = 0.2  # the plan otherwise stands as it is
INVOLVEMENT_INCOMPLETE = 0.15
REVIEW_REASONS = {ReviewReason.SIX_MONTHLY: 80, ReviewReason.YOUNG_PERSON_ASKED: 10,
                  ReviewReason.PERSONAL_ADVISER_JUDGED: 7, ReviewReason.COUNCIL_JUDGED: 3}
REQUESTER = {ReviewReason.YOUNG_PERSON_ASKED: RequestedBy.YOUNG_PERSON,
             ReviewReason.PERSONAL_ADVISER_JUDGED: RequestedBy.PERSONAL_ADVISER,
             ReviewReason.COUNCIL_JUDGED: RequestedBy.COUNCIL}
UNANSWERED_REQUEST = 0.04
NO_CONTINGENCY = 0.10
MATTERS_MISSING = 0.15
CONTACT_FREQUENCY_SET = 0.65
# Dated steps on each version: (in time, late, historic flaw H1/H2); the rest never recorded.
YOUNG_PERSON_SIGNS = (0.78, 0.10, 0.02)
WORKER_SIGNS = (0.88, 0.06, 0.01)
AUTHORISED = (0.75, 0.12, 0.0)
COPY_GIVEN = (0.70, 0.10, 0.0)
STEP_DAYS = 14  # the sign-off, authorise and copy standards' default
TOOK_PART = {TookPart.FULLY: 75, TookPart.PARTLY: 20, TookPart.NO: 5}
SIGNED_HOW = {SignOffMethod.IN_PERSON: 70, SignOffMethod.PORTAL: 20, SignOffMethod.PHONE: 10}
COPY_HOW = {CopyMethod.IN_PERSON: 50, CopyMethod.EMAIL: 30, CopyMethod.POST: 10, CopyMethod.PORTAL: 10}


@dataclass
class PathwayRecords:
    assessments: list[NeedsAssessment] = field(default_factory=list)
    plan: PathwayPlan | None = None
    versions: list[PathwayPlanVersion] = field(default_factory=list)
    sections: list[PlanSection] = field(default_factory=list)
    reviews: list[PlanReview] = field(default_factory=list)
    requests: list[ReviewRequest] = field(default_factory=list)


@dataclass(frozen=True)
class _Trigger:
    kind: str
    on: dt.date
    due: dt.date | None  # assessment due; None: no time limit (s23CZB)
    opens: dt.date  # the earliest completion (and, when fresh, plan) that counts
    fresh: bool = False


def _timed(kind: str, on: dt.date, fresh: bool = False) -> _Trigger:
    return _Trigger(kind, on, add_months(on, 3), add_months(on, -3), fresh)


def _outcome(case: Case, situation: str, shares: dict[str, float], now: bool) -> str:
    """"on_time", "late" or "missing": the documented shares, with examples guaranteed for what is current."""
    if not now:
        return pick(case.rng, shares)
    if not case.late(situation, 1 - shares["on_time"]):
        return "on_time"
    return pick(case.rng, {k: v for k, v in shares.items() if k != "on_time"})


class PathwayMaker:
    def make(self, case: Case) -> PathwayRecords:
        """Assessment and first plan for each duty as it arose, then reviews from each first
        plan until the duty ended (or today), then requests, then version numbers."""
        out = PathwayRecords()
        self._before_16(case, out)
        anchors: list[dt.date] = []
        triggers = self._triggers(case)
        for index, trigger in enumerate(triggers):
            if trigger.kind == "relevant" and any(v.agreed_on and v.agreed_on < trigger.on for v in out.versions):
                continue  # a plan made while eligible carries on (docs/rules/duties.md, choice 3)
            agreed = self._assessment_and_plan(case, trigger, out, now=index == len(triggers) - 1)
            if agreed is not None:
                anchors.append(agreed)
        periods = case.runs(pathway_duties_apply)
        for start, end in periods:
            within = sorted(a for a in anchors if a < end and (a >= start or start == periods[0][0]))
            for i, anchor in enumerate(within):
                until = (within[i + 1] if i + 1 < len(within) else end) - days(1)
                self._reviews(case, out, anchor, min(until, case.today), now=end > case.today and i == len(within) - 1)
        self._requests(case, out)
        self._number(case, out)
        return out

    # -- when duties arise --------------------------------------------------------------------

    def _triggers(self, case: Case) -> list[_Trigger]:
        keys = case.status.key_dates
        found: list[_Trigger] = []
        previous: CategorySpan | None = None
        for span in case.status.timeline:
            if span.start >= case.stop:
                break
            if pathway_duties_apply(span):
                new = previous is None or not pathway_duties_apply(previous)
                if span.category is Category.ELIGIBLE and not any(t.kind == "eligible" for t in found):
                    found.append(_timed("eligible", max(keys.birthday_16, keys.eligible_from or span.start)))
                elif span.category is Category.RELEVANT and (new or previous.category is not span.category):  # type: ignore[union-attr]
                    found.append(_timed("relevant", span.start))
                if DutyFlag.S23CA in span.flags and (previous is None or DutyFlag.S23CA not in previous.flags):
                    found.append(_timed("s23ca", span.start, fresh=True))
                if DutyFlag.S23CZB in span.flags and (previous is None or DutyFlag.S23CZB not in previous.flags):
                    asked = max((d.told_on for d in case.life.declarations
                                 if d.kind == DeclarationKind.SUPPORT_REQUESTED and d.told_on <= span.start),
                                default=span.start)
                    found.append(_Trigger("s23czb", span.start, None, asked, fresh=True))
            previous = span
        return [t for t in found if t.on <= case.today]

    def _before_16(self, case: Case, out: PathwayRecords) -> None:
        """Work started for a child who will be eligible on their 16th birthday (plan by 16)."""
        keys, today, rng = case.status.key_dates, case.today, case.rng
        b16 = keys.birthday_16
        if not (today < b16 <= today + days(270)) or case.status.category_on(b16) is not Category.ELIGIBLE:
            return
        if rng.random() < 0.55:
            started = between(rng, b16 - days(270), today)
            done = started + days(rng.randint(20, 60))
            completed = done if done <= today and rng.random() < 0.6 else None
            self._assessment(case, out, started, completed)
            roll = rng.random()
            if completed is not None and roll < 0.3:
                self._version(case, out, between(rng, completed, today))
            elif roll < 0.6:
                self._version(case, out, None)

    # -- assessment and first plan ---------------------------------------------------------------

    def _assessment_and_plan(self, case: Case, trigger: _Trigger, out: PathwayRecords, now: bool) -> dt.date | None:
        rng, today = case.rng, case.today
        now = now and case.is_open_today and pathway_duties_apply(case.status.span_on(today))
        outcome = _outcome(case, "needs_assessment", ASSESSMENT, now)
        completed: dt.date | None = None
        if trigger.due is None:  # s23CZB: the law sets no time limit
            completed = trigger.opens + days(rng.randint(14, 90) if outcome == "on_time" else rng.randint(91, 300))
        elif outcome == "on_time":
            completed = between(rng, max(trigger.opens, trigger.on - days(60)), trigger.due)
        elif outcome == "late":
            completed = trigger.due + days(rng.randint(1, 150))
        if outcome == "missing":
            completed = None
        started = (completed or trigger.due or trigger.on + days(60)) - days(rng.randint(10, 50))
        started = max(started, trigger.opens)
        if completed is not None and completed >= case.stop:
            completed = None
        if started < case.stop and (completed is not None or rng.random() < 0.3):
            self._assessment(case, out, started, completed)

        base = completed or trigger.due or trigger.opens + days(120)
        deadline = base + days(case.standards.plan_grace_days)
        outcome = _outcome(case, "plan_in_place", FIRST_PLAN, now)
        agreed: dt.date | None = None
        if outcome == "on_time":
            agreed = between(rng, max(completed or base - days(20), trigger.opens), deadline)
        elif outcome == "late":
            agreed = deadline + days(rng.randint(1, 200))
        forced = now and case.on_pa_demo and not trigger.fresh and trigger.due is not None and trigger.due < today \
            and not any(v.agreed_on for v in out.versions) and case.showcase.first("pa_demo_signed_draft")
        if forced or (outcome == "missing" and now and not trigger.fresh and rng.random() < SIGNED_DRAFT):
            self._version(case, out, None, signed_draft=between(rng, trigger.on, today))  # historic flaw H3
            return None
        assessed = min((a.completed_on for a in out.assessments if a.completed_on), default=None)
        if agreed is None or agreed >= case.stop or assessed is None or agreed < assessed:
            return None  # a plan is built on a completed assessment (CLR 2010 reg 6), as the actions insist
        if agreed > today:
            if agreed - today < days(60):
                self._version(case, out, None)  # being written
            return None
        self._version(case, out, agreed)
        return agreed

    def _assessment(self, case: Case, out: PathwayRecords, started: dt.date, completed: dt.date | None) -> None:
        rng, today = case.rng, case.today
        author = case.workers.worker(started)
        written = {code: rng.choice(texts.ASSESSMENT[code]) for code, _ in ASSESSMENT_MATTERS}
        if completed is None:  # in progress: some matters written so far
            written = {code: text if rng.random() < 0.5 else "" for code, text in written.items()}
        authorised = None
        if completed is not None and rng.random() < AUTHORISED_ASSESSMENT:
            authorised = completed + days(rng.randint(0, 30))
            authorised = authorised if authorised <= today else None
        stamp = case.stamp(started)
        out.assessments.append(NeedsAssessment(
            started_on=started, completed_on=completed, author_id=author.pk, recorded_by_id=author.pk,
            views_sought=rng.choice(texts.VIEWS_SOUGHT) if completed else "",
            authorised_on=authorised, authorised_by_id=case.workers.manager.pk if authorised else None,
            created_at=stamp, updated_at=case.stamp(authorised or completed or started), **written,
        ))

    # -- versions ------------------------------------------------------------------------------

    def _version(
        self, case: Case, out: PathwayRecords, agreed: dt.date | None, *, signed_draft: dt.date | None = None
    ) -> PathwayPlanVersion:
        rng, today = case.rng, case.today
        if out.plan is None:
            out.plan = PathwayPlan()
        written = agreed or signed_draft or today
        author = case.workers.worker(written)
        age = age_on(case.plan.young_person.date_of_birth, written)
        weeks = None
        if rng.random() < CONTACT_FREQUENCY_SET:
            weeks = int(pick(rng, {"4": 30, "6": 30, "8": 25, "12": 15} if age < 18 else {"4": 35, "6": 25, "8": 40}))
        version = PathwayPlanVersion(
            plan=out.plan, number=0, agreed_on=agreed, contact_every_weeks=weeks,
            contingency_plan="" if rng.random() < NO_CONTINGENCY else rng.choice(texts.CONTINGENCY),
            young_person_views=rng.choice(texts.PLAN_VIEWS), took_part=pick(rng, TOOK_PART),
            how_took_part=rng.choice(texts.HOW_TOOK_PART), created_by_id=author.pk,
            created_at=case.stamp(written - days(rng.randint(0, 10))),
        )
        if agreed is not None:
            self._steps(case, version, agreed, author)
        elif signed_draft is not None:
            version.young_person_signed_on, version.young_person_signed_how = signed_draft, SignOffMethod.IN_PERSON
        version.updated_at = case.stamp(max(d for d in (written, version.young_person_signed_on, version.worker_signed_on,
                                                       version.authorised_on, version.copy_given_on) if d))
        out.versions.append(version)
        self._sections(case, out, version, written, complete=agreed is not None and rng.random() >= MATTERS_MISSING)
        return version

    def _steps(self, case: Case, version: PathwayPlanVersion, agreed: dt.date, author: object) -> None:
        rng = case.rng
        yp = self._step(case, agreed, YOUNG_PERSON_SIGNS)
        worker = self._step(case, agreed, WORKER_SIGNS)
        if yp:
            version.young_person_signed_on = yp
            version.young_person_signed_how = pick(rng, SIGNED_HOW)
        if worker:
            version.worker_signed_on, version.worker_signed_how = worker, SignOffMethod.IN_PERSON
            version.worker_signed_by_id = case.workers.worker(worker).pk
        version.authorised_on = self._step(case, agreed, AUTHORISED)
        version.authorised_by_id = case.workers.manager.pk if version.authorised_on else None
        version.copy_given_on = self._step(case, agreed, COPY_GIVEN)
        if version.copy_given_on:
            version.copy_given_how = pick(rng, COPY_HOW)

    def _step(self, case: Case, agreed: dt.date, shares: tuple[float, float, float]) -> dt.date | None:
        """A dated step on a version: in time, late, never, or (rarely) a historic flaw: the
        year typed as the year before (H1), or signed on the draft before it was agreed (H2)."""
        rng = case.rng
        on_time, late, flaw = shares
        roll = rng.random()
        if roll < flaw:
            return year_slip(agreed + days(rng.randint(0, 13))) if rng.random() < 0.5 else agreed - days(rng.randint(1, 10))
        roll -= flaw
        if roll < on_time:
            day = agreed + days(rng.randint(0, STEP_DAYS))
        elif roll < on_time + late:
            day = agreed + days(rng.randint(STEP_DAYS + 1, 90))
        else:
            return None
        return day if day <= case.today else None

    def _sections(
        self, case: Case, out: PathwayRecords, version: PathwayPlanVersion, written: dt.date, complete: bool
    ) -> None:
        rng = case.rng
        required = [m for m in SECTION_MATTERS if m not in UASC_ONLY_MATTERS or case.uasc]
        gaps = set() if complete else set(rng.sample(required, rng.randint(1, 2)))
        for matter in SECTION_MATTERS:
            if matter not in required:
                if version.agreed_on is None:  # a draft has every section, as start_version makes it, to edit
                    out.sections.append(PlanSection(plan_version=version, matter=matter))
                continue
            need, actions, who = rng.choice(texts.SECTIONS[matter])
            by_when: dt.date | None = written + days(rng.randint(30, 180))
            if matter in gaps:  # started but not finished: no target date, or nobody named
                by_when, who = (None, who) if rng.random() < 0.6 else (by_when, "")
            out.sections.append(PlanSection(plan_version=version, matter=matter, need=need, actions=actions,
                                            who=who, by_when=by_when))

    # -- reviews ---------------------------------------------------------------------------------

    def _reviews(self, case: Case, out: PathwayRecords, anchor: dt.date, until: dt.date, now: bool) -> None:
        """Reviews after the plan agreed on ``anchor``; ``now``: the clock still running today."""
        moved = self._council_move(case) if now else None
        if moved is not None and moved > anchor:
            earlier = backwards(case.rng, REVIEWS, anchor + days(1), moved - days(1),
                                late=case.late("", REVIEWS_LATE, now=False), floor=case.records_from)
            standards = case.standards
            rhythm = monthly(standards.review_after_move_interval_months, standards.review_after_move_days)
            after = backwards(case.rng, rhythm, moved, until, late=case.late("review_after_move", AFTER_MOVE_LATE))
            dates = [(d, None) for d in earlier] + [(d, ReviewReason.AFTER_MOVE if i == 0 else None)
                                                   for i, d in enumerate(after)]
        else:
            late = case.late("plan_review", REVIEWS_LATE, now=now)
            dates = [(d, None) for d in backwards(case.rng, REVIEWS, anchor + days(1), until, late=late,
                                                  floor=case.records_from)]
        for index, (held, reason) in enumerate(dates):
            last = now and index == len(dates) - 1
            self._review(case, out, held, reason, last)

    def _council_move(self, case: Case) -> dt.date | None:
        """The day a relevant child moved into the council-provided accommodation they live in now."""
        if case.status.span_on(case.today).category is not Category.RELEVANT or not case.life.accommodation:
            return None
        current = case.life.accommodation[-1]
        return current.start if current.end is None and current.council_provided else None

    def _review(self, case: Case, out: PathwayRecords, held: dt.date, reason: str | None, last: bool) -> None:
        rng, today = case.rng, case.today
        reason = reason or pick(rng, REVIEW_REASONS)
        incomplete = case.late("review_involvement", INVOLVEMENT_INCOMPLETE, now=last)
        how = pick(rng, {Involvement.ATTENDED: 70, Involvement.BEFOREHAND: 15, Involvement.ADVOCATE: 5,
                         Involvement.DID_NOT_TAKE_PART: 10})
        views, others = rng.choice(texts.REVIEW_VIEWS), rng.choice(texts.OTHERS_INVOLVEMENT)
        if incomplete:
            how, views, others = rng.choice(((how, "", others), (how, views, ""), ("", "", "")))
        version = None
        if rng.random() < NEW_VERSION:
            agreed: dt.date | None = held + days(rng.randint(0, 14))
            if agreed >= case.stop or agreed > today:  # type: ignore[operator]
                agreed = None if last else min(today, case.stop - days(1))
            version = self._version(case, out, agreed)
        review = PlanReview(
            held_on=held, reason=reason, attended=rng.choice(texts.ATTENDED),
            outcome=ReviewOutcome.NEW_VERSION if version else ReviewOutcome.UNCHANGED, new_version=version,
            young_person_involvement=how, young_person_views=views, others_involvement=others,
            recorded_by_id=case.workers.worker(held).pk, created_at=case.stamp(held), updated_at=case.stamp(held),
        )
        out.reviews.append(review)
        if reason in REQUESTER:
            asked = held - days(rng.randint(1, 30) if rng.random() < 0.8 else rng.randint(31, 60))
            self._request(case, out, asked, REQUESTER[ReviewReason(reason)])

    def _request(self, case: Case, out: PathwayRecords, on: dt.date, by: str) -> None:
        out.requests.append(ReviewRequest(
            requested_on=on, requested_by=by,
            details=case.rng.choice(texts.REQUEST_DETAILS), recorded_by_id=case.workers.worker(on).pk,
            created_at=case.stamp(on),
        ))

    def _requests(self, case: Case, out: PathwayRecords) -> None:
        """A few requests still waiting for a review, then each request linked to the review
        that answers it (the first held on or after it), as the actions keep them."""
        today = case.today
        if case.is_open_today and pathway_duties_apply(case.status.span_on(today)) and out.reviews:
            since = max(r.held_on for r in out.reviews) + days(1)
            # pa.demo's caseload shows a request still within its 20 days: a duty that is due.
            if case.on_pa_demo and since <= today and case.showcase.first("pa_demo_request_due"):
                self._request(case, out, between(case.rng, max(since, today - days(10)), today), RequestedBy.YOUNG_PERSON)
            elif case.late("unanswered_request", UNANSWERED_REQUEST) and max(since, today - days(60)) <= today:
                self._request(case, out, between(case.rng, max(since, today - days(60)), today), RequestedBy.YOUNG_PERSON)
        held = sorted(out.reviews, key=lambda r: r.held_on)
        for request in out.requests:
            request.answered_by = next((r for r in held if r.held_on >= request.requested_on), None)

    def _number(self, case: Case, out: PathwayRecords) -> None:
        """Versions in the order they were agreed, any draft last (only one at a time)."""
        out.versions.sort(key=lambda v: (v.agreed_on is None, v.agreed_on or dt.date.max))
        drafts = [v for v in out.versions if v.agreed_on is None]
        for extra in drafts[:-1]:  # an older draft was overtaken: it is what the first draft became
            out.versions.remove(extra)
            out.sections[:] = [s for s in out.sections if s.plan_version is not extra]
            for review in out.reviews:
                if review.new_version is extra:
                    review.new_version, review.outcome = None, ReviewOutcome.UNCHANGED
        previous = None
        for number, version in enumerate(out.versions, start=1):
            version.number, version.based_on = number, previous
            previous = version
        if out.plan is not None and out.versions:
            out.plan.created_at = out.versions[0].created_at
