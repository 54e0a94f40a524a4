"""A round's report: overall judgements, each area's grades, the indicators, the sample's
profile, strengths and areas for development, moderation, and earlier rounds beside it.

Loading reads a fixed number of queries however many audits there are (the round's audits,
their answers, the category timeline, imported rows, and the same for earlier rounds); the
tables are then worked out in plain Python from ``AuditRecord``s, so each is tested against
hand-counted fixtures (caseaudits/tests/test_reports.py). Every page and export is built
from the same ``Table``s, so the numbers a board sees in the PDF are the page's.

How things are counted (docs/case-audits.md, "How the report counts"):
- The report counts finished audits: submitted or moderated (and every imported row). Audits
  not yet submitted and files withdrawn from the sample are left out, and the page says how many.
- The overall judgement is the final grade: the moderated one where there was moderation.
- "% of all audits" divides by every audit counted; "% of audits with a rating" divides by the
  audits that have a grade for that area (or judgement), leaving out "not applicable" and
  "not entered".
- An indicator is "N of M (x%)": N answered yes, M answered yes, partly or no. "Partly" is
  shown on its own and is not a yes; "not applicable" and "not entered" are outside M.
- Percentages are whole numbers, halves rounded up.
- Strengths and areas for development are the free-text answers in the template's sections
  that hold no grade, shown by audit number, not by name, because reports go to boards.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from caseaudits.models import (
    FINISHED_AUDIT_STATUSES,
    Answer,
    Audit,
    AuditRound,
    AuditStatus,
    Grade,
    Moderation,
    Question,
    QuestionKind,
)
from caseaudits.population import AGE_BAND_LABELS, CATEGORY_LABELS, NOT_RECORDED, age_band
from caseaudits.report_models import ImportedAudit
from compliance import codes
from people.models import StatusSpan
from people.status import local_policy

EARLIER_ROUNDS_SHOWN = 4
NOT_ENTERED = "Not entered"
NOT_APPLICABLE = "Not applicable"
GRADES = tuple(Grade)


def percent(part: int, whole: int) -> int | None:
    """Whole per cent, halves rounded up; None when there is nothing to divide by."""
    return (200 * part + whole) // (2 * whole) if whole else None


@dataclass(frozen=True)
class Pct:
    """A percentage cell: shown as "63%", exported as a number."""

    value: int | None

    def __str__(self) -> str:
        return "–" if self.value is None else f"{self.value}%"


def of(part: int, whole: int) -> str:
    """An indicator's "N of M (x%)"."""
    return f"{part} of {whole} ({Pct(percent(part, whole))})" if whole else "None answered"


@dataclass
class Table:
    key: str
    section: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    note: str = ""

    @property
    def label(self) -> str:
        """The title with its part of the report, where the title alone could be another table's."""
        return self.title if self.title == self.section else f"{self.section}: {self.title}"

    @staticmethod
    def is_number(value: object) -> bool:
        return isinstance(value, (int, Pct)) and not isinstance(value, bool)


# -- what the template asks ---------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    title: str
    key: str  # the area's grade question


@dataclass(frozen=True)
class Item:
    section: str
    text: str
    key: str


@dataclass(frozen=True)
class Layout:
    areas: tuple[Area, ...]
    indicators: tuple[Item, ...]
    collected: tuple[Item, ...]


def layout_for(questions: Iterable[Question]) -> Layout:
    """Areas are sections with a grade question other than the overall judgement; collected
    text is the free-text questions of sections with no grade at all (strengths, areas for
    development), not the evidence written beside a grade."""
    questions = sorted(questions, key=lambda q: (q.section.order, q.section_id, q.order, q.pk))
    graded_sections = {q.section_id for q in questions if q.kind == QuestionKind.GRADE}
    areas, indicators, collected = [], [], []
    for q in questions:
        if q.kind == QuestionKind.GRADE and not q.is_overall_judgement:
            areas.append(Area(q.section.title, q.key))
        elif q.kind == QuestionKind.YES_PARTLY_NO:
            indicators.append(Item(q.section.title, q.text, q.key))
        elif q.kind == QuestionKind.FREE_TEXT and q.section_id not in graded_sections:
            collected.append(Item(q.section.title, q.text, q.key))
    return Layout(tuple(areas), tuple(indicators), tuple(collected))


# -- what each audit found ----------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRecord:
    ref: str
    overall: int | None
    grades: dict[str, int] = field(default_factory=dict)
    not_applicable: frozenset[str] = frozenset()
    met: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    category: str = NOT_RECORDED
    sex: str = NOT_RECORDED
    ethnicity: str = NOT_RECORDED
    age_band: str = NOT_RECORDED


def _categories(young_person_ids: set[int]) -> dict[int, list[tuple[str, dt.date, dt.date | None]]]:
    spans: dict[int, list[tuple[str, dt.date, dt.date | None]]] = defaultdict(list)
    for pk, category, start, end in StatusSpan.objects.filter(young_person_id__in=young_person_ids).values_list(
        "young_person_id", "category", "start", "end"
    ):
        spans[pk].append((category, start, end))
    return spans


def _category_on(spans: list[tuple[str, dt.date, dt.date | None]], day: dt.date) -> str:
    for category, start, end in spans:
        if start <= day and (end is None or day < end):
            return CATEGORY_LABELS.get(category, NOT_RECORDED)
    return NOT_RECORDED


def _person(sex: str, ethnicity: str, born: dt.date, day: dt.date, spans: list, rule: Any) -> dict[str, str]:
    return {
        "sex": codes.SEX.label(sex) if sex else NOT_RECORDED,
        "ethnicity": codes.ETHNIC.label(ethnicity) if ethnicity else NOT_RECORDED,
        "age_band": age_band(born, day, rule),
        "category": _category_on(spans, day),
    }


def load_records(rounds: Sequence[AuditRound], *, details: bool = True) -> dict[int, list[AuditRecord]]:
    """{round pk: its finished audits and imported rows}. Without ``details``, only the grades
    (for comparing rounds): no profile, indicators or text."""
    ids = [r.pk for r in rounds]
    audits = list(Audit.objects.filter(round_id__in=ids, status__in=FINISHED_AUDIT_STATUSES).order_by("pk")
                  .values_list("pk", "round_id", "final_grade", "submitted_on", "young_person_id",
                               "young_person__sex", "young_person__ethnicity", "young_person__date_of_birth"))
    imported = list(ImportedAudit.objects.filter(audit_round_id__in=ids).order_by("row_number"))
    answers: dict[int, list[tuple]] = defaultdict(list)
    kinds = [QuestionKind.GRADE] + ([QuestionKind.YES_PARTLY_NO, QuestionKind.FREE_TEXT] if details else [])
    for row in Answer.objects.filter(audit__round_id__in=ids, audit__status__in=FINISHED_AUDIT_STATUSES,
                                     question__kind__in=kinds, question__is_overall_judgement=False).values_list(
            "audit_id", "question__key", "question__kind", "grade", "met", "text", "not_applicable"):
        answers[row[0]].append(row[1:])
    spans = _categories({a[4] for a in audits} | {i.young_person_id for i in imported if i.young_person_id}) \
        if details else {}
    rule = local_policy().leap_day_birthday_rule
    found: dict[int, list[AuditRecord]] = {pk: [] for pk in ids}
    for pk, round_id, final, day, yp, sex, ethnicity, born in audits:
        grades, met, texts, na = {}, {}, {}, set()
        for key, kind, grade, answer_met, text, not_applicable in answers[pk]:
            if not_applicable:
                na.add(key)
            elif kind == QuestionKind.GRADE and grade is not None:
                grades[key] = grade
            elif kind == QuestionKind.YES_PARTLY_NO and answer_met:
                met[key] = answer_met
            elif kind == QuestionKind.FREE_TEXT and text.strip():
                texts[key] = text.strip()
        person = _person(sex, ethnicity, born, day, spans.get(yp, []), rule) if details and day else {}
        found[round_id].append(AuditRecord(f"Audit {pk}", final, grades, frozenset(na), met, texts, **person))
    for row in imported:
        person = _person(row.sex, row.ethnicity, row.date_of_birth, row.audit_date,
                         spans.get(row.young_person_id, []), rule) if details else {}
        grades = {key: int(grade) for key, grade in row.area_grades.items() if grade}
        found[row.audit_round_id].append(AuditRecord(f"Row {row.row_number}", row.overall_grade, grades, **person))
    return found


# -- the tables ---------------------------------------------------------------------------------

PCT_HEADERS = ["% of all audits", "% of audits with a rating"]


def grade_rows(values: list[int | None], *, not_applicable: int | None = None) -> list[list[Any]]:
    """Rows per grade, then "not applicable" (if given) and "not entered", then the total."""
    total = len(values) + (not_applicable or 0)
    counts = Counter(values)
    rated = sum(counts[g] for g in GRADES)
    rows: list[list[Any]] = [[g.label, counts[g], Pct(percent(counts[g], total)), Pct(percent(counts[g], rated))]
                             for g in GRADES]
    if not_applicable is not None:
        rows.append([NOT_APPLICABLE, not_applicable, Pct(percent(not_applicable, total)), Pct(None)])
    rows.append([NOT_ENTERED, counts[None], Pct(percent(counts[None], total)), Pct(None)])
    rows.append(["Total", total, Pct(percent(total, total)), Pct(percent(rated, rated))])
    return rows


def overall_table(records: list[AuditRecord]) -> Table:
    return Table("overall", "Overall judgements", "Overall judgements (final grades, after moderation)",
                 ["Overall judgement", "Audits", "% of all audits", "% of audits with a judgement"],
                 grade_rows([r.overall for r in records]),
                 "“% of all audits” counts every audit; “% of audits with a judgement” leaves out those not entered.")


def area_tables(layout: Layout, records: list[AuditRecord]) -> list[Table]:
    tables = []
    for n, area in enumerate(layout.areas, start=1):
        na = sum(1 for r in records if area.key in r.not_applicable)
        values = [r.grades.get(area.key) for r in records if area.key not in r.not_applicable]
        tables.append(Table(f"area-{n}", "Areas", area.title, ["Grade", "Audits", *PCT_HEADERS],
                            grade_rows(values, not_applicable=na)))
    return tables


INDICATOR_HEADERS = ["Indicator", "Met: yes of those answered", "Yes", "Partly", "No", NOT_APPLICABLE, NOT_ENTERED]


def indicator_tables(layout: Layout, records: list[AuditRecord]) -> list[Table]:
    by_section: dict[str, list[Item]] = defaultdict(list)
    for item in layout.indicators:
        by_section[item.section].append(item)
    tables = []
    for n, (section, items) in enumerate(by_section.items(), start=1):
        rows = []
        for item in items:
            counts = Counter(r.met.get(item.key, "na" if item.key in r.not_applicable else "") for r in records)
            answered = counts["yes"] + counts["partly"] + counts["no"]
            rows.append([item.text, of(counts["yes"], answered), counts["yes"], counts["partly"], counts["no"],
                         counts["na"], counts[""]])
        tables.append(Table(f"indicators-{n}", "Indicators", section, list(INDICATOR_HEADERS), rows))
    return tables


PROFILE = (("category", "Leaving-care category at the audit date"), ("sex", "Sex"), ("ethnicity", "Ethnicity"),
           ("age_band", "Age band at the audit date"))


def profile_tables(records: list[AuditRecord]) -> list[Table]:
    tables = []
    band_order = list(AGE_BAND_LABELS.values())
    for attribute, title in PROFILE:
        counts = Counter(getattr(r, attribute) for r in records)

        def order(label: str, attribute: str = attribute) -> tuple:
            if attribute == "age_band" and label in band_order:
                return (0, band_order.index(label), label)
            return (1 if label == NOT_RECORDED else 0, 0, label)

        rows = [[label, counts[label], Pct(percent(counts[label], len(records)))] for label in sorted(counts, key=order)]
        tables.append(Table(f"profile-{attribute.replace('_', '-')}", "The sample", title,
                            [title.split(" at the")[0], "Audits", "% of all audits"], rows))
    return tables


def collected_tables(layout: Layout, records: list[AuditRecord]) -> list[Table]:
    return [
        Table(f"collected-{n}", "Strengths and areas for development", item.section, ["Audit", item.text],
              [[r.ref, r.texts[item.key]] for r in records if item.key in r.texts],
              "Shown by audit number, not by name.")
        for n, item in enumerate(layout.collected, start=1)
    ]


def moderation_table(audits: list[tuple[int, bool, str]], moderations: list[tuple[int, str, int | None, int | None]]) -> Table:
    """``audits``: (pk, chosen, status) of finished audits; ``moderations``: (audit pk, outcome,
    before, after) in order. The latest moderation of each audit is its outcome."""
    latest = {pk: (outcome, before, after) for pk, outcome, before, after in moderations}
    first_before = {}
    for pk, _outcome, before, _after in moderations:
        first_before.setdefault(pk, before)
    finals = {pk: after for pk, (_o, _b, after) in latest.items()}
    changed = [pk for pk in latest if finals[pk] != first_before[pk]]
    better = sum(1 for pk in changed if finals[pk] and first_before[pk] and finals[pk] < first_before[pk])
    worse = sum(1 for pk in changed if finals[pk] and first_before[pk] and finals[pk] > first_before[pk])
    chosen = sum(1 for _pk, is_chosen, _s in audits if is_chosen)
    rows = [
        ["Audits counted", len(audits)],
        ["Chosen for moderation", chosen],
        ["Moderated", len(latest)],
        ["Chosen, not moderated yet", sum(1 for pk, is_chosen, _s in audits if is_chosen and pk not in latest)],
        ["Auditor's grade confirmed", len(latest) - len(changed)],
        ["Grade changed", len(changed)],
        ["Changed to a better grade", better],
        ["Changed to a worse grade", worse],
    ]
    return Table("moderation", "Moderation", "Moderation", ["Moderation", "Audits"], rows,
                 "Compares each auditor's grade with the final, moderated grade.")


def comparison_tables(rounds: list[AuditRound], records: dict[int, list[AuditRecord]], layout: Layout) -> list[Table]:
    titles = [f"{r.title} ({r.starts_on:%b %Y})" for r in rounds]
    rows: list[list[Any]] = []
    for grade in GRADES:
        row: list[Any] = [grade.label]
        for r in rounds:
            values = [a.overall for a in records[r.pk]]
            rated = sum(1 for v in values if v)
            count = values.count(grade)
            row.append(f"{count} ({Pct(percent(count, rated))})")
        rows.append(row)
    rows.append([NOT_ENTERED, *[sum(1 for a in records[r.pk] if not a.overall) for r in rounds]])
    rows.append(["Audits", *[len(records[r.pk]) for r in rounds]])
    overall = Table("compare-overall", "Earlier rounds", "Overall judgements by round", ["Overall judgement", *titles],
                    rows, "Each grade's count, and its % of the round's audits with a judgement.")
    area_rows = []
    for area in layout.areas:
        cells = []
        for r in rounds:
            rated = [a.grades[area.key] for a in records[r.pk] if area.key in a.grades]
            cells.append(Pct(percent(sum(1 for g in rated if g <= Grade.GOOD), len(rated))))
        area_rows.append([area.title, *cells])
    areas = Table("compare-areas", "Earlier rounds", "Areas graded good or outstanding, by round", ["Area", *titles],
                  area_rows, "% of the round's audits with a rating for the area. Areas match across versions of "
                             "the template by question, so a renamed area still lines up.")
    return [overall, areas]


# -- the whole report ---------------------------------------------------------------------------


@dataclass
class RoundReport:
    round: AuditRound
    counted: int
    not_finished: int
    withdrawn: int
    imported: bool
    compared: list[AuditRound]
    tables: list[Table]

    def sections(self) -> list[tuple[str, list[Table]]]:
        grouped: dict[str, list[Table]] = {}
        for table in self.tables:
            grouped.setdefault(table.section, []).append(table)
        return list(grouped.items())


def earlier_rounds(audit_round: AuditRound) -> list[AuditRound]:
    return list(reversed(
        AuditRound.objects.filter(template_version__template_id=audit_round.template_version.template_id,
                                  starts_on__lte=audit_round.starts_on)
        .exclude(pk=audit_round.pk).order_by("-starts_on", "-pk")[:EARLIER_ROUNDS_SHOWN]
    ))


def build_report(audit_round: AuditRound) -> RoundReport:
    questions = Question.objects.filter(section__template_version=audit_round.template_version_id).select_related("section")
    layout = layout_for(questions)
    records = load_records([audit_round])[audit_round.pk]
    statuses = Counter(audit_round.audits.values_list("status", flat=True))
    imported = ImportedAudit.objects.filter(audit_round=audit_round).exists()
    tables = [overall_table(records)]
    if not imported:
        finished = list(audit_round.audits.filter(status__in=FINISHED_AUDIT_STATUSES).values_list("pk", "for_moderation", "status"))
        moderations = list(Moderation.objects.filter(audit__round=audit_round).order_by("moderated_on", "pk")
                           .values_list("audit_id", "outcome", "grade_before", "grade_after"))
        tables.append(moderation_table(finished, moderations))
    tables += area_tables(layout, records) + indicator_tables(layout, records) + profile_tables(records)
    tables += collected_tables(layout, records)
    earlier = earlier_rounds(audit_round)
    compared: list[AuditRound] = []
    if earlier:
        others = load_records(earlier, details=False)
        compared = [r for r in earlier if others[r.pk]]
        if compared:
            tables += comparison_tables([*compared, audit_round], {**others, audit_round.pk: records}, layout)
    withdrawn = statuses[AuditStatus.WITHDRAWN]
    not_finished = sum(statuses.values()) - withdrawn - sum(statuses[s] for s in FINISHED_AUDIT_STATUSES)
    return RoundReport(audit_round, len(records), not_finished, withdrawn, imported, compared, tables)

