"""Moderation and a past round for the demo council, made through the same actions staff use.

``build_demo_moderation(today=...)`` runs after caseaudits.demo.build_demo_round: the head of
service chooses the demo round's submitted audits for moderation by the rule, the moderation
panel changes one grade and confirms others, leaving one to do; and a year-old round of past
results is imported from CSV (some young people on the register, two who never were), so the
round's report has an earlier round to compare with. Running it again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from caseaudits import import_past
from caseaudits.actions import moderation as actions
from caseaudits.demo import DEMO_ROUND_TITLE
from caseaudits.models import AuditRound, Grade, ModerationOutcome
from caseaudits.moderation import moderation_refusal
from caseaudits.report_models import ModerationSelection, PastAuditImport
from people.models import YoungPerson

PAST_ROUND_TITLE = "Themed audit of care leavers' files, last year"
PAST_ROUND_SIZE = 16
SHARE = 25
# Last year's grades: a little weaker than this year's, so the comparison shows a change.
PAST_WEIGHTS = {"Outstanding": 1, "Good": 3, "Requires improvement": 5, "Inadequate": 2, "": 1}
# Invented people the service never held: the history a council brings in includes them.
NEVER_HELD = (("HIST001", "Casey Ardent", "2004-02-11", "F", "WBRI"),
              ("HIST002", "Rowan Ellery", "2003-09-30", "M", "BCRB"))
CHANGED = "The record shows the plan being followed up in supervision, so the file is nearer good than the grade says."
CONFIRMED = "The evidence in the record supports the auditor's grade."


def _panel() -> list[User]:
    order = {Role.HEAD_OF_SERVICE: 0, Role.QA_AUDITOR: 1, Role.ADMINISTRATOR: 2}
    users = User.objects.filter(is_active=True, role__in=list(order))
    return sorted(users, key=lambda u: (order[u.role], u.username))


def _moderate(audit_round: AuditRound, panel: list[User], today: dt.date) -> None:
    chosen = list(ModerationSelection.objects.filter(audit__round=audit_round, removed_on__isnull=True)
                  .select_related("audit__young_person").order_by("audit_id"))
    for n, selection in enumerate(chosen[:-1]):  # the last stays to do, so the panel has one waiting
        audit = selection.audit
        moderator = next((u for u in panel if moderation_refusal(u, audit) is None), None)
        if moderator is None:
            continue
        better = audit.final_grade - 1 if n == 0 and audit.final_grade and audit.final_grade > Grade.OUTSTANDING else None
        actions.record_moderation(
            audit, acting_user=moderator, outcome=ModerationOutcome.REGRADED if better else ModerationOutcome.AGREED,
            grade=better, reason=CHANGED if better else CONFIRMED, expected_version=None, today=today)


def _past_csv(audit_round: AuditRound, rng: random.Random, today: dt.date) -> str:
    areas = list(import_past.area_columns(audit_round.template_version))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*import_past.DETAIL_COLUMNS, *areas])
    held = list(YoungPerson.objects.filter(date_of_birth__lte=today - dt.timedelta(days=365 * 17))
                .order_by("pk").values_list("child_id", "given_name", "family_name"))
    people = [(child_id, f"{given} {family}", "", "", "") for child_id, given, family in
              rng.sample(held, min(len(held), PAST_ROUND_SIZE - len(NEVER_HELD)))] + list(NEVER_HELD)
    grades, weights = list(PAST_WEIGHTS), list(PAST_WEIGHTS.values())
    for n, (child_id, name, born, sex, ethnicity) in enumerate(people):
        audit_date = today - dt.timedelta(days=365 + n)
        writer.writerow([child_id, name, born, sex, ethnicity, audit_date.isoformat(),
                         rng.choices(grades, weights)[0] or "", *rng.choices(grades, weights, k=len(areas))])
    return out.getvalue()


@transaction.atomic
def build_demo_moderation(today: dt.date | None = None, *, seed: int = 2026) -> AuditRound | None:
    """Moderation of the demo round and last year's imported round; None without a demo round."""
    today = today or timezone.localdate()
    audit_round = AuditRound.objects.filter(title=DEMO_ROUND_TITLE).first()
    panel = _panel()
    if audit_round is None or not panel or not audit_round.audits.exists():
        return None
    rng = random.Random(seed)
    if not PastAuditImport.objects.filter(title=PAST_ROUND_TITLE).exists():
        past = import_past.check_upload(acting_user=panel[0], title=PAST_ROUND_TITLE,
                                        template_version=audit_round.template_version, file_name="last-year.csv",
                                        text=_past_csv(audit_round, rng, today), today=today)
        if past.row_count:
            import_past.confirm_import(past, acting_user=panel[0], expected_version=None, today=today)
    if not ModerationSelection.objects.filter(audit__round=audit_round).exists() and not audit_round.is_closed:
        if audit_round.audits.filter(status="submitted").exists():
            actions.select_by_rule(audit_round, acting_user=panel[0], percent=SHARE, today=today)
            _moderate(audit_round, panel, today)
    return audit_round


__all__ = ["PAST_ROUND_TITLE", "build_demo_moderation"]
