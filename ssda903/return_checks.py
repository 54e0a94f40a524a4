"""The DfE validator's findings on the care leaver return, joined to our records.

Each finding becomes a :class:`Finding`: the young person, the field, the rule's message and
the page where the record is fixed. Findings the validator is known to make wrongly are kept
and shown, marked with the explanation (ssda903-care-leavers.md §6; docs/ssda903-return.md),
never hidden: each known false positive applies to a finding only when our records show the
circumstance that makes the validator wrong for that young person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from compliance.calendar import age_on
from people.models import CareEpisode
from ssda903.derive import CareLeaverReturn, Entry
from ssda903.export import ReturnFiles
from ssda903.validator import Issue, Result


@dataclass(frozen=True, slots=True)
class ChildFacts:
    """What the validator cannot see about a child, from our records."""

    age_at_end: int
    average_years_age: int  # the age as np.timedelta64(n, "Y") average years give it (rules 1016, 347)
    care_before_previous_year: bool  # episodes ended before the previous collection year began
    in_cohort_from_records: bool  # our records alone put them in the cohort (not only an imported return)


@dataclass(frozen=True, slots=True)
class FalsePositive:
    rule: str
    title: str
    explanation: str
    applies: Callable[[Issue, ChildFacts], bool]


KNOWN_FALSE_POSITIVES: tuple[FalsePositive, ...] = (
    FalsePositive(
        "1001", "Care leavers aged 20 or over at the end of the year",
        "The validator means to skip care leavers aged 20 or over at 31 March, because two years of files cannot "
        "show their time in care, but its code loses their totals instead and reports them (csc-validator-be-903 "
        "0.1.17, rule 1001). Our records show the 13 weeks in care since 14 that make them a care leaver.",
        lambda issue, child: child.in_cohort_from_records and child.age_at_end >= 20,
    ),
    FalsePositive(
        "1001", "Time in care before last year's files",
        "The validator only sees this year's and last year's episodes, as its message says. Our records hold "
        "earlier care that makes this young person a care leaver.",
        lambda issue, child: child.in_cohort_from_records and child.care_before_previous_year,
    ),
    FalsePositive(
        "1002", "Left care before last year's files",
        "The validator only sees this year's and last year's episodes, as its message says. This young person "
        "left care before then; our records hold their earlier episodes.",
        lambda issue, child: child.in_cohort_from_records and child.care_before_previous_year,
    ),
    FalsePositive(
        "1016", "Birthday close to 31 March",
        "Rule 1016 works out ages in average years of 365.2425 days, so within a few days of a birthday it can "
        "take someone for a year younger than they are and apply the 17 or 18 year old test to them.",
        lambda issue, child: child.average_years_age != child.age_at_end,
    ),
)


@dataclass(frozen=True, slots=True)
class Finding:
    issue: Issue
    entry: Entry | None
    fix_url: str
    fix_label: str
    false_positive: FalsePositive | None = None

    @property
    def previous_year(self) -> bool:
        return self.issue.table.endswith("_last")


@dataclass(frozen=True, slots=True)
class Checked:
    result: Result
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.false_positive is None)

    @property
    def known_false_positives(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.false_positive is not None)

    def by_young_person(self) -> list[tuple[Entry | None, str, list[Finding]]]:
        """(entry, child ID, findings) per child, in child ID order; one finding per rule and field."""
        grouped: dict[str, list[Finding]] = {}
        seen: set[tuple[str, str, str, str]] = set()
        for finding in self.findings:
            key = (finding.issue.child, finding.issue.rule, finding.issue.table, finding.issue.field)
            if key not in seen:
                seen.add(key)
                grouped.setdefault(finding.issue.child, []).append(finding)
        entries = {f.entry.young_person.child_id: f.entry for f in self.findings if f.entry is not None}
        return [(entries.get(child), child, grouped[child]) for child in sorted(grouped)]

    def counts_by_rule(self) -> list[tuple[str, str, int, int]]:
        """(rule, message, errors, known false positives), counting rows as the DfE tool does."""
        counts: dict[str, list] = {}
        rows: set[tuple[str, str, int | None, bool]] = set()
        for finding in self.findings:
            issue = finding.issue
            key = (issue.rule, issue.table, issue.row, finding.false_positive is not None)
            if key in rows:
                continue
            rows.add(key)
            count = counts.setdefault(issue.rule, [issue.message, 0, 0])
            count[2 if finding.false_positive else 1] += 1
        return sorted(((rule, m, e, f) for rule, (m, e, f) in counts.items()), key=lambda c: (-c[2] - c[3], c[0]))


def child_facts(care_leavers: CareLeaverReturn) -> dict[str, ChildFacts]:
    year = care_leavers.year
    ids = [e.young_person.pk for e in care_leavers.included]
    earlier = set(CareEpisode.objects.filter(young_person_id__in=ids, end__lt=year.previous().start)
                  .values_list("young_person_id", flat=True))
    out = {}
    for entry in care_leavers.included:
        person = entry.young_person
        dob = person.date_of_birth
        out[person.child_id] = ChildFacts(
            age_at_end=age_on(dob, year.end, care_leavers.settings.leap_day_rule),
            average_years_age=int((year.end - dob).days / 365.2425),
            care_before_previous_year=person.pk in earlier,
            in_cohort_from_records=entry.in_cohort_from_records,
        )
    return out


def check_findings(care_leavers: CareLeaverReturn, files: ReturnFiles, result: Result) -> Checked:
    entries = {e.young_person.child_id: e for e in care_leavers.included}
    facts = child_facts(care_leavers)
    findings = []
    for issue in result.issues:
        child = issue.child or (files.row_child(issue.table, issue.row) if issue.row is not None else "")
        if child != issue.child:
            issue = Issue(issue.rule, issue.message, child, issue.table, issue.field, issue.row)
        entry = entries.get(child)
        known = next((fp for fp in KNOWN_FALSE_POSITIVES
                      if fp.rule == issue.rule and child in facts and fp.applies(issue, facts[child])), None)
        url, label = fix_link(issue, entry, care_leavers.year.year)
        findings.append(Finding(issue, entry, url, label, known))
    findings.sort(key=lambda f: (f.issue.child, f.false_positive is not None, f.issue.table, f.issue.field,
                                 f.issue.rule))
    return Checked(result, tuple(findings))


_PERSONAL = frozenset({"SEX", "DOB", "ETHNIC", "UPN"})


def fix_link(issue: Issue, entry: Entry | None, year: int) -> tuple[str, str]:
    """Where to put the record right: the person's details, their care history, or their row
    in the return (which links each value's evidence and takes an override)."""
    if entry is None:
        return "", ""
    pk = entry.young_person.pk
    table = issue.table.removesuffix("_last")
    if table in ("Header", "UASC") and issue.field in _PERSONAL | {"DUC"}:
        return reverse("people:edit", args=[pk]), "Change their details"
    if table == "Episodes" and issue.field not in ("MOTHER", "SEX"):
        return reverse("people:care-history", args=[pk]), "Check their care history"
    return reverse("ssda903:return-person", args=[year, pk]), "Check their return row"
