"""What legal and quality-assurance staff read: settings, duty citations and the reason for
every result. No file names, verification tags, internal names or other councils; citations
in one style; reasons that do not contradict themselves (review 3, S8)."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date, timedelta

import pytest

from compliance.duties import DUTIES, SourceKind, evaluate_all
from compliance.facts import DeclarationKind
from compliance.policy import SETTINGS, LocalPolicy
from compliance.standards import STANDARDS, LocalStandards
from compliance.tests import d, episode, facts
from compliance.tests.duty_cases import (
    EILEEN,
    FRANK,
    RUBY,
    adviser,
    assessment,
    case,
    contact,
    council_home,
    declared,
    plan,
    request,
    review,
    transfer,
    visit,
)

SETTING_NAMES = {f.name for f in fields(LocalStandards)} | {f.name for f in fields(LocalPolicy)}
OTHER_COUNCILS = ("Calderdale", "Manchester", "Westmorland", "Bracknell", "West Sussex", "Cheshire", "Nottingham",
                  "Kirklees", "Stockport", "Knowsley", "Southend", "Cambridgeshire")
INTERNALS = ("statutory-rules", ".md", "§", "docs/", "UNVERIFIED", "STATUTE", "verif", "as remembered",
             "the reference", "reference's", "CLR", "CPPCR", " reg ", " regs ", " Sch ", " para ", " ss", "DfE",
             "SSDA903", "V3", "V4", "feb_28", "mar_01", "(timescales", "SR ")
INSTRUMENTS = ("Children Act 1989, ", "Care Leavers (England) Regulations 2010, ",
               "Care Planning, Placement and Case Review (England) Regulations 2010, ",
               "Children and Social Work Act 2017, ")
OWN = "The council's own standard"


def problems(text: str) -> list[str]:
    found = [word for word in (*INTERNALS, *OTHER_COUNCILS) if word in text]
    found += [name for name in SETTING_NAMES if name in text]
    if "  " in text:
        found.append("double space")
    return found


@pytest.mark.parametrize("info", [*STANDARDS, *SETTINGS], ids=lambda info: info.name)
def test_settings_are_in_plain_english_with_technical_sources_apart(info) -> None:  # type: ignore[no-untyped-def]
    parts = [info.label, info.source, getattr(info, "hint", ""), *(label for _, label in getattr(info, "choices", ()))]
    staff_text = " ".join(part for part in parts if part)
    assert problems(staff_text) == [], info.name
    assert info.source.endswith(".")
    if info.unsure:
        assert "legal team" in info.source, info.name
    if info.name != "due_soon_days":
        assert info.reference, f"{info.name} keeps where its default came from"


@pytest.mark.parametrize("duty", DUTIES, ids=lambda duty: duty.code)
def test_citations_are_in_one_style(duty) -> None:  # type: ignore[no-untyped-def]
    assert problems(" ".join([duty.title, duty.citation, duty.summary])) == [], duty.code
    if duty.source_kind is SourceKind.LOCAL_POLICY:
        assert duty.citation.startswith(OWN)
    else:
        for part in duty.citation.split("; "):
            assert part.startswith(INSTRUMENTS), part


ASKED = declared(RUBY, (DeclarationKind.SUPPORT_REQUESTED, "1 Sep 2031"))
PEOPLE = (RUBY, EILEEN, FRANK, ASKED, declared(RUBY, (DeclarationKind.EDUCATION_TRAINING, "1 Sep 2031")),
          facts("10 Jun 2009", episode("1 Sep 2025", "1 Apr 2026", "V2", "E8")),
          facts("10 Jun 2009", episode("1 Jul 2025", "29 Sep 2025", "V2")))
BUSY = dict(
    assessments=(assessment("1 Dec 2026"),),
    plans=(plan("10 Dec 2026", young_person_signed_on="1 Jan 2027", contact_every_weeks=4),
           plan(None, 2, worker_signed_on="1 Jan 2027")),
    reviews=(review("1 Jun 2027", complete=False),), review_requests=(request("1 Feb 2027"),),
    contacts=(contact("1 Mar 2027"), visit("1 Apr 2027")), accommodation=(council_home("1 Feb 2027"),),
    allocations=(adviser("1 Jan 2026", "1 Jan 2027"), adviser("1 Mar 2027", ref="allocation:2")),
    summary_updated_on=(d("1 Jan 2027"),), transfers=(transfer("1 Jun 2027", "20 Jun 2027", completed="25 Jun 2027"),),
)
ODD = dict(
    assessments=(assessment(None, authorised="1 Feb 2026"),),
    plans=(plan("1 Mar 2026", matters_covered=frozenset(), has_contingency=False, authorised_on="1 Feb 2025"),),
    reviews=(review("1 Sep 2026"),), review_requests=(request("1 Oct 2026", False),),
)
ZEROS = LocalStandards(**{info.name: 0 for info in STANDARDS if info.unit != "yes/no" and info.minimum == 0})
DAYS = [date(2025, 1, 1) + timedelta(days=97 * i) for i in range(44)]


def all_reasons() -> list[tuple[str, str]]:
    found = []
    for person in PEOPLE:
        for records in ({}, BUSY, ODD):
            for standards in (LocalStandards(), ZEROS):
                for day in DAYS:
                    _, results = evaluate_all(case(person, **records), day, standards=standards)
                    found += [(r.code, r.reason) for r in results]
    return found


def test_every_reason_reads_as_plain_english_for_staff() -> None:
    reasons = all_reasons()
    assert len({code for code, _ in reasons}) == len(DUTIES)
    for code, reason in set(reasons):
        assert problems(reason) == [], (code, reason)
        assert reason[0].isupper() and reason.endswith("."), (code, reason)
        assert "The law sets no time limit. The law says" not in reason
        assert not re.search(r"\b0 (days|weeks)", reason), (code, reason)


def test_a_result_cites_the_councils_standard_only_where_no_law_applies() -> None:
    for person in PEOPLE:
        for day in DAYS:
            _, results = evaluate_all(case(person), day)
            for r in results:
                if r.citation:
                    assert (r.code, r.citation, r.source_kind) == ("keeping_in_touch", OWN, SourceKind.LOCAL_POLICY)
                    assert r.reason.startswith("No leaving-care duty is active now.")
