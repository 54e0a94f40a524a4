"""The duty registry and what :func:`evaluate_all` decides for every duty at once:
commencement, closed cases, death, and the next day an answer can change."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import timedelta
from importlib import import_module
from pathlib import Path

import pytest

from compliance.duties import DUTIES, DUTY_MODULES, DutyState, SourceKind, evaluate_all
from compliance.duties.base import DutyContext
from compliance.policy import LocalPolicy
from compliance.standards import LocalStandards
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import RUBY, adviser, assessment, case, contact, council_home, plan, review, visit

DUTIES_DIR = Path(__file__).resolve().parents[1] / "duties"
SETTING_NAMES = {f.name for f in fields(LocalStandards)} | {f.name for f in fields(LocalPolicy)}
ACTIONS = {
    "record_assessment", "create_plan", "review_plan", "sign_plan", "authorise_plan", "record_copy_given",
    "edit_plan", "allocate_personal_adviser", "record_visit", "record_contact", "record_review_involvement",
    "update_summary", "record_handover", "close_case", "review_staying_put",
}

# RUBY, relevant, with a record of most kinds: enough that most duties are judged.
BUSY = case(
    RUBY,
    assessments=(assessment("20 Mar 2026"),),
    plans=(plan("1 Apr 2026"),),
    reviews=(review("1 Aug 2026"),),
    contacts=(visit("5 Sep 2026"),),
    accommodation=(council_home("1 Feb 2026"),),
    allocations=(adviser("1 Feb 2026"),),
    summary_updated_on=(d("1 Sep 2026"),),
)


class TestRegistry:
    def test_no_duty_module_is_a_placeholder(self) -> None:
        for name in DUTY_MODULES:
            assert "PLACEHOLDER" not in (DUTIES_DIR / f"{name}.py").read_text(), name

    def test_each_code_is_its_module_name_and_unique(self) -> None:
        assert [duty.code for duty in DUTIES] == list(DUTY_MODULES)
        assert len(set(DUTY_MODULES)) == len(DUTY_MODULES)
        for name in DUTY_MODULES:
            assert import_module(f"compliance.duties.{name}").DUTY.code == name

    @pytest.mark.parametrize("duty", DUTIES, ids=lambda duty: duty.code)
    def test_each_duty_is_described(self, duty) -> None:  # type: ignore[no-untyped-def]
        assert duty.title and duty.citation.strip() and duty.summary.strip()
        assert duty.summary.endswith(".") and duty.title[0].isupper()
        assert isinstance(duty.source_kind, SourceKind)
        module = import_module(f"compliance.duties.{duty.code}")
        assert module.__doc__ and ("STATUTE" in module.__doc__ or "LOCAL POLICY" in module.__doc__ or
                                   "UNVERIFIED" in module.__doc__)

    @pytest.mark.parametrize("duty", DUTIES, ids=lambda duty: duty.code)
    def test_each_setting_a_duty_reads_exists(self, duty) -> None:  # type: ignore[no-untyped-def]
        assert set(duty.settings) <= SETTING_NAMES
        if duty.source_kind is SourceKind.LOCAL_POLICY and duty.code not in ("review_involvement",):
            assert duty.settings, "a local standard is a setting"

    def test_the_rules_page_lists_every_duty_with_its_settings(self) -> None:
        page = (DUTIES_DIR.parents[1] / "docs" / "rules" / "duties.md").read_text()
        rows = {line.split("|")[1].strip(" `"): line for line in page.splitlines() if line.startswith("| `")}
        assert list(rows) == list(DUTY_MODULES)
        for duty in DUTIES:
            assert all(f"`{name}`" in rows[duty.code] for name in duty.settings), duty.code
            assert f"| {duty.citation} |" in rows[duty.code], duty.code

    def test_every_action_is_one_the_web_layer_knows(self) -> None:
        _, results = evaluate_all(BUSY, d("23 Nov 2026"))
        assert {r.action for r in results} - {""} <= ACTIONS
        assert all(r.action == "" for r in results if r.state in (DutyState.MET, DutyState.NOT_APPLICABLE))


class TestEvaluateAll:
    def test_a_busy_relevant_child_gets_every_duty_judged(self) -> None:
        _, results = evaluate_all(BUSY, d("23 Nov 2026"))
        assert [r.code for r in results] == list(DUTY_MODULES)
        judged = {r.code for r in results if r.state is not DutyState.NOT_APPLICABLE}
        assert {"needs_assessment", "plan_review", "visits", "keeping_in_touch", "personal_adviser"} <= judged

    def test_a_closed_case_has_only_closure(self) -> None:
        """Every duty but closure stops on the day the case is closed."""
        closed = replace(BUSY, closed_on=d("23 Nov 2026"))
        _, results = evaluate_all(closed, d("23 Nov 2026"))
        by_code = {r.code: r for r in results}
        assert by_code.pop("closure").state is DutyState.MET
        for result in by_code.values():
            assert result.state is DutyState.NOT_APPLICABLE, result.code
            assert result.reason == "The case was closed on 23 November 2026."
            assert result.since == d("23 Nov 2026") and result.next_change_on is None

    def test_a_case_closing_tomorrow_is_still_judged_and_changes_tomorrow(self) -> None:
        closing = replace(BUSY, closed_on=d("24 Nov 2026"))
        _, results = evaluate_all(closing, d("23 Nov 2026"))
        assert any(r.state is DutyState.OVERDUE for r in results)
        assert all(r.next_change_on is not None and r.next_change_on <= d("24 Nov 2026") for r in results)

    @pytest.mark.parametrize("died", ["date of death", "died in care"])
    def test_after_death_only_closure_is_judged(self, died: str) -> None:
        """§6: death stops all task generation; closing the case is still owed."""
        if died == "date of death":
            dead = replace(BUSY, person=replace(RUBY, date_of_death=d("1 Oct 2026")))
        else:
            dead = replace(BUSY, person=facts("10 Jun 2009", episode("1 Sep 2025", "1 Oct 2026", "C2", "E2")))
        _, results = evaluate_all(dead, d("23 Nov 2026"))
        by_code = {r.code: r for r in results}
        closure = by_code.pop("closure")
        assert closure.state is DutyState.OVERDUE and closure.due_on == d("29 Oct 2026")
        assert all(r.state is DutyState.NOT_APPLICABLE and "died on 1 October 2026" in r.reason
                   for r in by_code.values())
        _, day_before = evaluate_all(dead, d("30 Sep 2026"))
        assert any(r.state is not DutyState.NOT_APPLICABLE for r in day_before if r.code != "closure")

    def test_before_birth_nothing_applies(self) -> None:
        _, results = evaluate_all(BUSY, d("9 Jun 2009"))
        assert all(r.state is DutyState.NOT_APPLICABLE for r in results)

    @pytest.mark.parametrize("duty", [duty for duty in DUTIES if duty.commences_on], ids=lambda duty: duty.code)
    def test_a_duty_does_not_apply_before_it_came_into_force(self, duty) -> None:  # type: ignore[no-untyped-def]
        older = case(facts("1 Jan 1990", episode("1 Jan 2004", "1 Jan 2008", reason_ended="E17")))
        start = duty.commences_on
        _, before = evaluate_all(older, start - timedelta(days=1))
        result = next(r for r in before if r.code == duty.code)
        assert result.state is DutyState.NOT_APPLICABLE
        assert "came into force" in result.reason and result.next_change_on == start
        _, on = evaluate_all(older, start)
        assert "came into force" not in next(r for r in on if r.code == duty.code).reason

    def test_next_change_is_never_after_the_next_change_of_category(self) -> None:
        """RUBY turns 18 on 10 Jun 2027: every answer may change then."""
        status, results = evaluate_all(BUSY, d("1 Jun 2027"))
        assert status.next_change_after(d("1 Jun 2027")) == d("10 Jun 2027")
        assert all(r.next_change_on is not None and r.next_change_on <= d("10 Jun 2027") for r in results)

    @pytest.mark.parametrize("today", ["1 Jul 2026", "1 Nov 2030"])
    def test_bringing_the_next_change_forward_keeps_every_other_field(self, today: str) -> None:
        """A closure date on record brings every next change forward; late work and a result's
        own citation must survive that."""
        records = replace(case(RUBY, contacts=(contact("1 Jun 2030"),),
                               plans=(plan("1 Apr 2026", young_person_signed_on="1 Jun 2026"),)),
                          closed_on=d("1 Jan 2031"))
        status, results = evaluate_all(records, d(today))
        context = DutyContext(records, status, LocalPolicy(), LocalStandards(), d(today))
        assert any(r.late for r in results) or any(r.citation for r in results)
        for duty, result in zip(DUTIES, results, strict=True):
            assert replace(duty.evaluate(context), next_change_on=None) == replace(result, next_change_on=None)

    def test_a_status_passed_in_is_used(self) -> None:
        status, _ = evaluate_all(BUSY, d("23 Nov 2026"))
        again, results = evaluate_all(BUSY, d("23 Nov 2026"), status=status)
        assert again is status and len(results) == len(DUTIES)

    def test_the_context_carries_the_day_judged(self) -> None:
        status, _ = evaluate_all(BUSY, d("23 Nov 2026"))
        context = DutyContext(BUSY, status, LocalPolicy(), LocalStandards(), d("23 Nov 2026"))
        assert DUTIES[0].evaluate(context).code == "needs_assessment"
