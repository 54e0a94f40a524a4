"""Named writes for moderation: choose audits by rule or by hand, take one out again, and
record the panel's outcome. The rule and who may moderate are in caseaudits/moderation.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.record import record_event
from caseaudits.models import (
    FINISHED_AUDIT_STATUSES,
    Answer,
    Audit,
    AuditRound,
    AuditStatus,
    Grade,
    Moderation,
    ModerationOutcome,
    QuestionKind,
)
from caseaudits.moderation import moderation_refusal, moderation_seed, plan_selection
from caseaudits.report_models import ModerationSelection, SelectionReason
from circumstances.checks import refuse
from people.writes import apply_changes, created_changes, finish_write, lock, save_new_version

OUTCOMES = (ModerationOutcome.AGREED, ModerationOutcome.REGRADED)


def _check_round_open(audit_round: AuditRound) -> None:
    if audit_round.is_closed:
        raise ValidationError({"__all__": [f"{audit_round.title} is closed: its audits can no longer be moderated"]})


def _select(audit: Audit, *, acting_user: Any, reason: str, note: str, today: dt.date) -> ModerationSelection:
    selection = ModerationSelection.objects.create(audit=audit, reason=reason, note=note, selected_by=acting_user,
                                                   selected_on=today)
    Audit.objects.filter(pk=audit.pk).update(for_moderation=True)
    record_event(actor=acting_user, action="caseaudits.select_for_moderation", obj=selection,
                 young_person=audit.young_person, summary=f"Audit chosen for moderation: {selection.get_reason_display().lower()}",
                 changes=created_changes(selection, ["reason", "note"]))
    return selection


def _area_grades(audit_round: AuditRound) -> dict[int, list[int | None]]:
    found: dict[int, list[int | None]] = {}
    rows = Answer.objects.filter(audit__round=audit_round, question__kind=QuestionKind.GRADE,
                                 question__is_overall_judgement=False).values_list("audit_id", "grade")
    for audit_id, grade in rows:
        found.setdefault(audit_id, []).append(grade)
    return found


@transaction.atomic
def select_by_rule(audit_round: AuditRound, *, acting_user: Any, percent: int,
                   today: dt.date | None = None) -> list[ModerationSelection]:
    """Choose every Inadequate and every borderline-Outstanding audit not yet chosen, and top the
    random share of the rest up to ``percent`` per cent. Returns the selections made now."""
    today = today or timezone.localdate()
    locked = lock(AuditRound, audit_round.pk)
    _check_round_open(locked)
    if not 0 <= percent <= 100:
        refuse("percent", "Share to moderate must be between 0 and 100")
    if locked.moderation_percent != percent:
        changes = apply_changes(locked, None, {"moderation_percent": percent})
        save_new_version(locked)
        record_event(actor=acting_user, action="caseaudits.set_moderation_share", obj=locked,
                     summary=f"Share of audits to moderate set to {percent}%", changes=changes)
    # Moderated audits stay in: they were chosen, so they count towards the share.
    audits = {a.pk: a for a in locked.audits.filter(status__in=FINISHED_AUDIT_STATUSES).select_related("young_person")}
    if not audits:
        raise ValidationError({"__all__": ["No audits in this round have been submitted yet, so there is nothing to choose from"]})
    selections = ModerationSelection.objects.filter(audit__round=locked)
    selected = set(selections.filter(removed_on__isnull=True).values_list("audit_id", flat=True))
    removed = set(selections.filter(removed_on__isnull=False).values_list("audit_id", flat=True)) - selected
    areas = _area_grades(locked)
    # The rule reads the auditor's grades: moderation changes the final grade of chosen audits only.
    plan = plan_selection({pk: (a.auditor_grade, areas.get(pk, [])) for pk, a in audits.items()}, selected=selected,
                          removed=removed, percent=percent, seed=moderation_seed(locked.seed, locked.pk))
    made = [_select(audits[pk], acting_user=acting_user, reason=reason, note="", today=today)
            for pk, reason in sorted(plan.items())]
    record_event(actor=acting_user, action="caseaudits.select_by_rule", obj=locked,
                 summary=f"Chose {len(made)} more audits for moderation by the rule ({percent}% of the rest)")
    return made


def _locked_finished(audit: Audit) -> Audit:
    locked = Audit.objects.select_for_update(of=("self",)).select_related("young_person", "round").get(pk=audit.pk)
    _check_round_open(locked.round)
    if locked.status not in FINISHED_AUDIT_STATUSES:
        raise ValidationError({"__all__": ["Only a submitted audit can be moderated"]})
    return locked


def current_selection(audit: Audit) -> ModerationSelection | None:
    return audit.moderation_selections.filter(removed_on__isnull=True).first()


@transaction.atomic
def select_by_hand(audit: Audit, *, acting_user: Any, note: str, today: dt.date | None = None) -> ModerationSelection:
    today = today or timezone.localdate()
    locked = _locked_finished(audit)
    if current_selection(locked) is not None:
        raise ValidationError({"__all__": [f"The audit of {locked.young_person.name}'s file is already chosen for moderation"]})
    return _select(locked, acting_user=acting_user, reason=SelectionReason.BY_HAND, note=note.strip(), today=today)


@transaction.atomic
def remove_from_moderation(audit: Audit, *, acting_user: Any, reason: str,
                           today: dt.date | None = None) -> ModerationSelection:
    today = today or timezone.localdate()
    locked = _locked_finished(audit)
    selection = current_selection(locked)
    if selection is None:
        raise ValidationError({"__all__": ["This audit is not chosen for moderation"]})
    if locked.status == AuditStatus.MODERATED:
        raise ValidationError({"__all__": ["This audit has been moderated, so it stays in the moderation sample"]})
    if not reason.strip():
        refuse("reason", "Enter why this audit is being taken out of moderation")
    changes = apply_changes(selection, None, {"removed_on": today, "removed_by": acting_user,
                                              "removed_reason": reason.strip()})
    save_new_version(selection)
    Audit.objects.filter(pk=locked.pk).update(for_moderation=False)
    record_event(actor=acting_user, action="caseaudits.remove_from_moderation", obj=selection,
                 young_person=locked.young_person, summary="Audit taken out of moderation", changes=changes)
    return selection


@transaction.atomic
def record_moderation(audit: Audit, *, acting_user: Any, outcome: str, grade: int | None, reason: str,
                      expected_version: int | None, today: dt.date | None = None) -> Moderation:
    """The panel's outcome: the grade confirmed, or changed with a reason. The audit's final
    grade becomes the moderated one; every earlier moderation stays as it was."""
    today = today or timezone.localdate()
    locked = _locked_finished(audit)
    refusal = moderation_refusal(acting_user, locked)
    if refusal:
        raise ValidationError({"__all__": [refusal]})
    if current_selection(locked) is None:
        raise ValidationError({"__all__": ["Choose this audit for moderation before recording an outcome"]})
    if outcome not in OUTCOMES:
        refuse("outcome", "Select whether the grade is confirmed or changed")
    before = locked.final_grade
    reason = reason.strip()
    if outcome == ModerationOutcome.REGRADED:
        if grade is None:
            refuse("grade", "Select the moderated grade")
        if grade == before:
            refuse("grade", f"The grade is already {Grade(grade).label}: select a different grade, or confirm it")
        if not reason:
            refuse("reason", "Enter why the grade is being changed")
    after = grade if outcome == ModerationOutcome.REGRADED else before
    moderation = Moderation.objects.create(audit=locked, moderator=acting_user, moderated_on=today, outcome=outcome,
                                           grade_before=before, grade_after=after, reason=reason)
    changes = apply_changes(locked, expected_version, {"final_grade": after, "status": AuditStatus.MODERATED})
    save_new_version(locked)
    summary = (f"Moderated: grade changed from {_label(before)} to {_label(after)}"
               if outcome == ModerationOutcome.REGRADED else f"Moderated: grade {_label(after)} confirmed")
    finish_write(locked.young_person, acting_user=acting_user, action="caseaudits.moderate_audit", obj=moderation,
                 summary=summary, changes=changes)
    return moderation


def _label(grade: int | None) -> str:
    return Grade(grade).label if grade else "not graded"
