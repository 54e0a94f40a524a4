"""Moderation: which submitted audits a second person reviews, and who may be that person.

The rule (docs/case-audits.md, "Moderation") picks, among a round's submitted audits:

1. every audit whose overall judgement is Inadequate: the grade with the gravest consequence
   for the young person, so a second opinion always checks it;
2. every audit that borders Outstanding, which here means an overall judgement of Good with
   at least one area graded Outstanding: the file is a grade away from Outstanding, and
   the areas say it might be (shared/domain/ofsted-and-audit.md §2.4 leaves the rule to the
   council; this is the issue's example made definite);
3. a random share of the rest: ``round.moderation_percent`` per cent of the submitted audits
   that meet neither rule, rounded up, so any share above nought picks at least one.

The random share is reproducible: the rest, in primary-key order, is shuffled by a generator
seeded from the round's sample seed (or its primary key, for a round with none), so running
the rule again over the same audits picks the same ones. Audits already selected count
towards the share; an audit someone took out by hand is never put back by the rule.

Moderators are the moderation panel: heads of service, quality assurance auditors and
administrators, never the audit's own auditor nor anyone ever allocated to the young person.
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Iterable, Sequence

from accounts.models import User
from caseaudits.models import Audit, Grade
from caseaudits.permissions import runs_rounds
from caseaudits.report_models import SelectionReason
from casework.models import Allocation


def borders_outstanding(overall: int | None, area_grades: Iterable[int | None]) -> bool:
    return overall == Grade.GOOD and any(grade == Grade.OUTSTANDING for grade in area_grades)


def rule_reason(overall: int | None, area_grades: Iterable[int | None]) -> str | None:
    """Why the rule picks an audit, or None if it picks it only by chance."""
    if overall == Grade.INADEQUATE:
        return SelectionReason.INADEQUATE
    if borders_outstanding(overall, area_grades):
        return SelectionReason.BORDERS_OUTSTANDING
    return None


def moderation_seed(seed: int | None, round_pk: int) -> str:
    # A string seed: random.Random hashes it the same way on every machine and Python version.
    return f"moderation:{seed if seed is not None else f'round-{round_pk}'}"


def random_share_size(rest: int, percent: int) -> int:
    return min(rest, math.ceil(rest * percent / 100)) if percent > 0 else 0


def plan_selection(
    grades: dict[int, tuple[int | None, Sequence[int | None]]],
    *,
    selected: Collection[int],
    removed: Collection[int],
    percent: int,
    seed: str,
) -> dict[int, str]:
    """{audit pk: reason} for the audits the rule adds now.

    ``grades`` holds each submitted audit's overall judgement and area grades; ``selected``
    the audits already selected; ``removed`` those taken out by hand (left alone).
    """
    picked: dict[int, str] = {}
    rest = []
    for pk in sorted(grades):
        if pk in removed:
            continue
        reason = rule_reason(*grades[pk])
        if reason is None:
            rest.append(pk)
        elif pk not in selected:
            picked[pk] = reason
    need = random_share_size(len(rest), percent) - sum(1 for pk in rest if pk in selected)
    order = list(rest)
    random.Random(seed).shuffle(order)
    for pk in order:
        if need <= 0:
            break
        if pk not in selected:
            picked[pk] = SelectionReason.RANDOM
            need -= 1
    return picked


def moderation_refusal(user: User, audit: Audit) -> str | None:
    """Why this person may not moderate this audit, or None if they may."""
    if not runs_rounds(user):
        return "Only a head of service, a quality assurance auditor or an administrator can moderate audits."
    if audit.auditor_id == user.pk:
        return "You audited this file, so someone else on the moderation panel must moderate it."
    if Allocation.objects.filter(young_person_id=audit.young_person_id, worker=user).exists():
        return f"You have worked on {audit.young_person.name}'s case, so someone else must moderate this audit."
    return None
