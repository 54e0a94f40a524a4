"""The demo council's casework: every duty shown each way, the documented rates, nothing dated
after --today, and reproducible whatever the batch size.

One council of 220 is generated for the module (generation and the ledger take a few
seconds) and removed afterwards. Its reference date is the frozen test day, so the
actions' own checks, which read today's date, judge the same day the generator used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections import Counter, defaultdict

import pytest
from django.db import models
from django.test import override_settings

from accounts.models import User
from casework.models import Allocation, Transfer, TransferStatus
from circumstances.models import AccommodationSpell, ActivitySpell, StayingPutArrangement
from compliance.calendar import age_on, birthday
from compliance.duties import DUTIES
from demo.generator import Options, generate
from demo.tests.conftest import TODAY
from demo.writer import BACKDATED, NAMES
from duties.models import DutyLedgerRow
from people.models import YoungPerson
from people.status import spans_on

pytestmark = pytest.mark.django_db
NOT_MET = {"overdue", "due"}


def ledger_states() -> dict[str, Counter[str]]:
    states: dict[str, Counter[str]] = defaultdict(Counter)
    for code, state in DutyLedgerRow.objects.values_list("duty_code", "state"):
        states[code][state] += 1
    return states


def test_the_ledger_is_filled_for_everyone_on_the_reference_date(council) -> None:  # type: ignore[no-untyped-def]
    assert DutyLedgerRow.objects.count() == YoungPerson.objects.count() * len(DUTIES)
    assert set(DutyLedgerRow.objects.values_list("computed_on", flat=True)) == {TODAY}


def test_every_duty_has_someone_who_meets_it_and_someone_who_does_not(council) -> None:  # type: ignore[no-untyped-def]
    states = ledger_states()
    for duty in DUTIES:
        assert states[duty.code]["met"] >= 1, f"{duty.code}: {dict(states[duty.code])}"
        assert sum(states[duty.code][s] for s in NOT_MET) >= 1, f"{duty.code}: {dict(states[duty.code])}"


def test_pa_demo_caseload_shows_every_duty_state(council) -> None:  # type: ignore[no-untyped-def]
    pa_demo = User.objects.get(username="pa.demo")
    caseload = Allocation.objects.active_on(TODAY).filter(worker=pa_demo).values_list("young_person_id", flat=True)
    assert 15 <= len(caseload) <= 25
    states = set(DutyLedgerRow.objects.filter(young_person_id__in=caseload).values_list("state", flat=True))
    assert {"met", "due", "overdue", "insufficient_data"} <= states


def _share(hits: int, total: int) -> float:
    assert total > 0
    return hits / total


def test_rates_are_near_the_documented_ones(council) -> None:  # type: ignore[no-untyped-def]
    """docs/demo-council.md, "Casework": tolerances allow for a council of 220."""
    states = ledger_states()
    visits = states["visits"]
    assert 0.45 <= _share(visits["met"], visits["met"] + visits["overdue"]) <= 0.9  # 67% in time
    reviews = states["plan_review"]
    assert _share(reviews["overdue"], reviews["met"] + reviews["overdue"] + reviews["due"]) <= 0.3  # about 15%

    people = {p.pk: p for p in YoungPerson.objects.all()}
    aged_19_21 = {pk for pk, p in people.items() if 19 <= age_on(p.date_of_birth, TODAY) <= 21}
    current = ActivitySpell.objects.filter(young_person_id__in=aged_19_21, end__isnull=True, young_person__closed_on=None)
    neet = current.filter(activity__in=("G4", "G5", "G6")).count()
    assert 0.22 <= _share(neet, current.count()) <= 0.56  # 38-41% nationally

    homes = AccommodationSpell.objects.filter(young_person_id__in=aged_19_21, end__isnull=True)
    assert 0.75 <= _share(homes.filter(suitable=True).count(), homes.count()) <= 0.99  # 93% of those judged

    # Former relevant at 21-24: about half asked for support; most of the rest are closed.
    spans = {s.young_person_id: s for s in spans_on(TODAY)}
    older = [pk for pk, p in people.items() if 21 <= age_on(p.date_of_birth, TODAY) <= 24
             and spans[pk].category == "former_relevant"]
    asked = [pk for pk in older if "s23czb" in spans[pk].flags]
    assert 0.3 <= _share(len(asked), len(older)) <= 0.75
    dormant = [pk for pk in older if not spans[pk].flags]
    assert _share(sum(1 for pk in dormant if people[pk].closed_on), len(dormant)) >= 0.6


def test_circumstances_are_recorded_as_the_return_reads_them(council) -> None:  # type: ignore[no-untyped-def]
    """Suitability judged for every home (DfE rules 133, 153) and a real activity in every
    activity record: "not known" (0) is having no record (rule 345)."""
    assert AccommodationSpell.objects.exists() and ActivitySpell.objects.exists()
    assert not AccommodationSpell.objects.filter(suitable__isnull=True).exists()
    assert not AccommodationSpell.objects.filter(accommodation_type__in=("S", "X"), suitable=True).exists()
    assert not ActivitySpell.objects.filter(activity="0").exists()


def test_staying_put_for_everyone_who_stayed_with_foster_carers_at_18(council) -> None:  # type: ignore[no-untyped-def]
    stayed = {
        p.pk for p in YoungPerson.objects.prefetch_related("episodes")
        if (last := max(p.episodes.all(), key=lambda e: e.start)).reason_ended == "E17"
        and last.end == birthday(p.date_of_birth, 18)
    }
    assert stayed
    assert set(StayingPutArrangement.objects.values_list("young_person_id", flat=True)) == stayed


# -- nothing after the reference date ---------------------------------------------------------

# Dates that are targets, not events, and may be later: what a plan section is to be done
# by, the day a planned transfer is to happen, the day a course ends; the stored timeline,
# which says what happens next on present records (an 18th birthday to come); and the day
# a UASC's status ends, their 18th birthday (DfE rule 205B).
TARGET_DATES = {("plans", "plansection", "by_when"), ("casework", "transfer", "planned_on"),
                ("circumstances", "educationprogramme", "ends_on"), ("people", "statusspan", "start"),
                ("people", "statusspan", "end"), ("people", "youngperson", "uasc_ceased_on")}


def test_nothing_happened_after_the_reference_date(council) -> None:  # type: ignore[no-untyped-def]
    latest = dt.datetime.combine(TODAY, dt.time.max).astimezone(dt.UTC)
    for model in NAMES:
        for field in model._meta.concrete_fields:
            key = (model._meta.app_label, model._meta.model_name, field.name)
            if isinstance(field, models.DateTimeField):
                if model not in BACKDATED:
                    continue  # stamped when the generator ran, like any import
                later = model.objects.filter(**{f"{field.name}__gt": latest})
            elif isinstance(field, models.DateField) and key not in TARGET_DATES:
                later = model.objects.filter(**{f"{field.name}__gt": TODAY})
            else:
                continue
            assert not later.exists(), f"{model.__name__}.{field.name} after {TODAY}"
    # Planned transfers are the only ones in the future, and none is completed.
    assert not Transfer.objects.filter(planned_on__gt=TODAY).exclude(status=TransferStatus.PLANNED).exists()


# -- reproducible ------------------------------------------------------------------------------

# Each table as rows that identify it without database ids: the young person by child ID,
# staff by username, plan versions by number.
SNAPSHOT = {
    "needs assessments": ("young_person__child_id", "started_on", "completed_on", "authorised_on", "author__username",
                          "health", "created_at"),
    "plan versions": ("plan__young_person__child_id", "number", "based_on__number", "agreed_on", "contingency_plan",
                      "contact_every_weeks", "young_person_signed_on", "worker_signed_on", "authorised_on",
                      "copy_given_on", "created_by__username", "created_at"),
    "plan sections": ("plan_version__plan__young_person__child_id", "plan_version__number", "matter", "need", "who",
                      "by_when"),
    "plan reviews": ("young_person__child_id", "held_on", "reason", "outcome", "new_version__number",
                     "young_person_involvement", "young_person_views", "others_involvement", "recorded_by__username"),
    "review requests": ("young_person__child_id", "requested_on", "requested_by", "answered_by__held_on"),
    "contacts": ("young_person__child_id", "on", "kind", "direct", "attempted", "seen_alone", "worker__username",
                 "by_personal_adviser", "summary", "created_at"),
    "case notes": ("young_person__child_id", "on", "subject", "significant", "written_by__username"),
    "case summary versions": ("summary__young_person__child_id", "number", "text", "saved_on", "saved_at"),
    "accommodation spells": ("young_person__child_id", "start", "end", "accommodation_type", "suitable",
                             "council_provided", "postcode"),
    "activity spells": ("young_person__child_id", "start", "end", "activity", "course"),
    "staying put reviews": ("arrangement__young_person__child_id", "reviewed_on"),
    "declarations": ("young_person__child_id", "kind", "told_on"),
    "transfers": ("young_person__child_id", "planned_on", "status", "handover_held_on", "to_worker__username",
                  "allocation__start"),
    "case closures": ("young_person__child_id", "closed_on", "reason", "reopened_on", "closed_by__username"),
    "duty ledger": ("young_person__child_id", "duty_code", "state", "due_on", "since", "reason"),
}


def casework_snapshot() -> dict[str, str]:
    tables = {name: model for model, name in NAMES.items()} | {"duty ledger": DutyLedgerRow}
    digest = {}
    for name, fields in SNAPSHOT.items():
        rows = sorted(tables[name].objects.values_list(*fields), key=repr)
        digest[name] = f"{len(rows)}:{hashlib.sha256(repr(rows).encode()).hexdigest()}"
    return digest


def _generate(tmp_path, **options: int) -> None:  # noqa: ANN001
    with override_settings(VAR_DIR=tmp_path):
        generate(Options(today=TODAY, young_people=60, approaching_16=10, reset=True, **options), io.StringIO())


def test_same_seed_gives_the_same_casework_whatever_the_batch_size(tmp_path) -> None:  # noqa: ANN001
    _generate(tmp_path, seed=5)
    first = casework_snapshot()
    assert all(not digest.startswith("0:") for digest in first.values()), first

    _generate(tmp_path, seed=5, batch_size=7)
    assert casework_snapshot() == first

    _generate(tmp_path, seed=6)
    assert casework_snapshot() != first
