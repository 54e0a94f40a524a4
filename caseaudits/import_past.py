"""Bringing a council's past audit results in from CSV, so reports compare with its history.

One file is one past round: one row per audit, with the young person's details, each area's
grade and the overall judgement (the format is in docs/case-audits.md, "Importing past
results"). The file is checked first and nothing is written unless every row is right: any
problem refuses the whole file, with a list naming the row, column, value and problem. A
checked file is previewed, and confirming it makes a closed round of imported audits, which
reports and comparisons read like any other round.

A child ID on the register links the row to that young person (and fills a blank date of
birth, sex or ethnicity from the record; a different date of birth is refused as a likely
wrong ID). A child ID not on the register is kept with the details the file gives and no
record link: a council's history includes closed cases the service may never have held.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.record import record_event
from caseaudits.models import AuditRound, Grade, Question, QuestionKind, RoundStatus, TemplateVersion, VersionStatus
from caseaudits.report_models import ImportedAudit, ImportStatus, PastAuditImport
from circumstances.checks import long_date, refuse
from compliance import codes
from people.models import YoungPerson
from people.writes import StaleEdit, apply_changes, lock, save_new_version

MAX_ROWS = 10_000
MAX_BYTES = 5 * 1024 * 1024
CHILD_ID, NAME, BIRTH, SEX, ETHNICITY, AUDIT_DATE, OVERALL = (
    "Child ID", "Name", "Date of birth", "Sex", "Ethnicity", "Audit date", "Overall judgement")
DETAIL_COLUMNS = (CHILD_ID, NAME, BIRTH, SEX, ETHNICITY, AUDIT_DATE, OVERALL)
REQUIRED_COLUMNS = (CHILD_ID, BIRTH, AUDIT_DATE, OVERALL)
GRADE_WORDS = {g.label.lower(): int(g) for g in Grade} | {str(int(g)): int(g) for g in Grade} | {
    "requires improvement": int(Grade.REQUIRES_IMPROVEMENT)}
GRADE_HELP = "must be Outstanding, Good, Requires improvement or Inadequate (or 1 to 4), or blank if not entered"


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    problem: str


@dataclass(frozen=True)
class PastRow:
    row: int
    child_id: str
    name: str
    date_of_birth: dt.date
    sex: str
    ethnicity: str
    audit_date: dt.date
    overall: int | None
    area_grades: dict[str, int]
    young_person_id: int | None


@dataclass
class Checked:
    rows: list[PastRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)  # area titles, in the template's order
    missing_areas: list[str] = field(default_factory=list)  # areas with no column: all not entered


def area_columns(version: TemplateVersion) -> dict[str, str]:
    """{area title: its grade question's key}, in the template's order."""
    questions = Question.objects.filter(section__template_version=version, kind=QuestionKind.GRADE,
                                        is_overall_judgement=False).select_related("section")
    ordered = sorted(questions, key=lambda q: (q.section.order, q.section_id, q.order, q.pk))
    return {q.section.title: q.key for q in ordered}


def parse_date(value: str) -> dt.date | None:
    """2025-03-14 or 14/03/2025; None if it is neither."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _code(code_list: codes.CodeList, value: str) -> str | None:
    upper = value.upper()
    if upper in code_list:
        return upper
    return next((c.code for c in code_list if c.label.lower() == value.lower()), None)


class _Row:
    """One data row's cells, collecting its problems."""

    def __init__(self, number: int, cells: dict[str, str], problems: list[Problem]) -> None:
        self.number, self.cells, self.problems = number, cells, problems

    def value(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.number, column, self.value(column), message))

    def date(self, column: str, *, required: bool) -> dt.date | None:
        text = self.value(column)
        if not text:
            if required:
                self.problem(column, f"Enter the {column.lower()}")
            return None
        day = parse_date(text)
        if day is None:
            self.problem(column, f"{column} must be a real date, written as 2025-03-14 or 14/03/2025")
        return day

    def grade(self, column: str) -> int | None:
        text = self.value(column)
        if not text:
            return None
        found = GRADE_WORDS.get(" ".join(text.lower().split()))
        if found is None:
            self.problem(column, f"{column} {GRADE_HELP}")
        return found


def _header(fieldnames: list[str], areas: dict[str, str], problems: list[Problem]) -> dict[str, str]:
    """{column as written: the column it is}, reporting unknown, repeated and missing columns."""
    known = {c.lower(): c for c in (*DETAIL_COLUMNS, *areas)}
    columns: dict[str, str] = {}
    for written in fieldnames:
        name = known.get(" ".join((written or "").split()).lower())
        if name is None:
            problems.append(Problem(1, written or "(blank)", written or "", "Unknown column: use the columns in "
                                    "docs/case-audits.md, with each area titled as in the template"))
        elif name in columns.values():
            problems.append(Problem(1, written, written, f"The “{name}” column appears more than once"))
        else:
            columns[written] = name
    for name in REQUIRED_COLUMNS:
        if name not in columns.values():
            problems.append(Problem(1, name, "", f"The file needs a column headed “{name}”"))
    return columns


def check_file(text: str, version: TemplateVersion, today: dt.date) -> Checked:
    """Every problem in the file; its rows only if there are none."""
    areas = area_columns(version)
    checked = Checked(areas=list(areas))
    reader = csv.reader(io.StringIO(text))
    try:
        fieldnames = next(reader, [])
        lines = [(n, cells) for n, cells in enumerate(reader, start=2) if any(c.strip() for c in cells)]
    except csv.Error as error:
        checked.problems.append(Problem(reader.line_num, "", "", f"The file cannot be read as CSV: {error}"))
        return checked
    columns = _header(fieldnames, areas, checked.problems)
    checked.missing_areas = [title for title in areas if title not in columns.values()]
    if not lines:
        checked.problems.append(Problem(1, "", "", "The file has no rows of audits under its header"))
    if len(lines) > MAX_ROWS:
        checked.problems.append(Problem(1, "", "", f"The file has {len(lines)} rows: import at most {MAX_ROWS} at a time"))
    if checked.problems:
        return checked
    parsed_lines = []
    for number, cells in lines:
        if len(cells) > len(fieldnames):
            checked.problems.append(Problem(number, "", ",".join(cells[len(fieldnames):]),
                                            "This row has more cells than the header has columns"))
        else:
            parsed_lines.append((number, {columns[w]: c for w, c in zip(fieldnames, cells, strict=False) if w in columns}))
    ids = {cells.get(CHILD_ID, "").strip() for _n, cells in parsed_lines}
    register = {yp.child_id: yp for yp in YoungPerson.objects.filter(child_id__in=ids)}
    seen: dict[str, int] = {}
    rows = [row for number, cells in parsed_lines
            if (row := _check_row(_Row(number, cells, checked.problems), areas, register, seen, today)) is not None]
    checked.problems.sort(key=lambda p: p.row)  # stable: a row's problems stay in column order
    if not checked.problems:
        checked.rows = rows
    return checked


def _check_row(row: _Row, areas: dict[str, str], register: dict[str, YoungPerson], seen: dict[str, int],
               today: dt.date) -> PastRow | None:
    before = len(row.problems)
    child_id = row.value(CHILD_ID)
    person = register.get(child_id)
    if not child_id:
        row.problem(CHILD_ID, "Enter the child ID")
    elif len(child_id) > 20:
        row.problem(CHILD_ID, "Child ID must be 20 characters or fewer")
    elif child_id in seen:
        row.problem(CHILD_ID, f"Child ID {child_id} is also on row {seen[child_id]}: a round has one audit per "
                              "young person, so import each past round as its own file")
    else:
        seen[child_id] = row.number
    audit_date = row.date(AUDIT_DATE, required=True)
    if audit_date and audit_date > today:
        row.problem(AUDIT_DATE, "Audit date must be today or in the past")
    born = row.date(BIRTH, required=person is None)
    if person is not None and born and born != person.date_of_birth:
        row.problem(BIRTH, f"Date of birth does not match the register for {child_id}, "
                           f"{long_date(person.date_of_birth)}: check the child ID")
    born = born or (person.date_of_birth if person else None)
    if born and audit_date and born > audit_date:
        row.problem(BIRTH, "Date of birth must be before the audit date")
    sex = _code(codes.SEX, row.value(SEX)) if row.value(SEX) else (person.sex if person else "")
    if sex is None:
        row.problem(SEX, "Sex must be M, F or U (Male, Female or Unknown or not recorded), or blank")
    ethnicity = _code(codes.ETHNIC, row.value(ETHNICITY)) if row.value(ETHNICITY) else (person.ethnicity if person else "")
    if ethnicity is None:
        row.problem(ETHNICITY, "Ethnicity must be an SSDA903 ethnicity code such as WBRI, or blank")
    if len(row.value(NAME)) > 200:
        row.problem(NAME, "Name must be 200 characters or fewer")
    overall = row.grade(OVERALL)
    grades = {key: row.grade(title) for title, key in areas.items()}
    if len(row.problems) > before:
        return None
    return PastRow(row.number, child_id, row.value(NAME), born, sex, ethnicity, audit_date, overall,  # type: ignore[arg-type]
                   {key: grade for key, grade in grades.items() if grade is not None},
                   person.pk if person else None)


def read_upload(upload: Any) -> str:
    if upload.size > MAX_BYTES:
        refuse("file", f"The file must be smaller than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        refuse("file", "The file must be a CSV saved as UTF-8 (in Excel, choose “CSV UTF-8”)")
    return ""


@transaction.atomic
def check_upload(*, acting_user: Any, title: str, template_version: TemplateVersion, file_name: str, text: str,
                 today: dt.date | None = None) -> PastAuditImport:
    """Check a file and keep the result: checked (to preview) or refused (with its problems)."""
    today = today or timezone.localdate()
    if not title.strip():
        refuse("title", "Enter a name for the past round")
    if template_version.status == VersionStatus.DRAFT:
        refuse("template_version", "Select a published template version")
    checked = check_file(text, template_version, today)
    refused = bool(checked.problems)
    past = PastAuditImport.objects.create(
        template_version=template_version, title=title.strip(), file_name=file_name[:255],
        content="" if refused else text, status=ImportStatus.REFUSED if refused else ImportStatus.CHECKED,
        problems=[p.__dict__ for p in checked.problems], row_count=len(checked.rows), uploaded_by=acting_user,
    )
    record_event(actor=acting_user, action="caseaudits.check_past_results", obj=past,
                 summary=f"Checked past audit results {past.file_name}: "
                         + (f"refused, {len(checked.problems)} problems" if refused else f"{len(checked.rows)} audits"))
    return past


@transaction.atomic
def confirm_import(past: PastAuditImport, *, acting_user: Any, expected_version: int | None,
                   today: dt.date | None = None) -> AuditRound:
    """Import a checked file as a closed round. Checked again first: the register may have changed."""
    today = today or timezone.localdate()
    locked = lock(PastAuditImport, past.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit()
    if locked.status != ImportStatus.CHECKED:
        raise ValidationError({"__all__": [f"This file is {locked.get_status_display().lower()}: it cannot be imported"]})
    checked = check_file(locked.content, locked.template_version, today)
    if checked.problems:
        raise ValidationError({"__all__": [f"The file no longer passes its checks ({checked.problems[0].problem}): "
                                           "upload it again to see every problem"]})
    dates = [r.audit_date for r in checked.rows]
    audit_round = AuditRound.objects.create(
        title=locked.title, template_version=locked.template_version, starts_on=min(dates), due_on=max(dates),
        sample_size=len(checked.rows), moderation_percent=0, status=RoundStatus.CLOSED, closed_on=today,
        sample_confirmed_at=timezone.now(), created_by=acting_user,
    )
    ImportedAudit.objects.bulk_create([
        ImportedAudit(audit_round=audit_round, row_number=r.row, child_id=r.child_id, name=r.name,
                      date_of_birth=r.date_of_birth, sex=r.sex, ethnicity=r.ethnicity, audit_date=r.audit_date,
                      overall_grade=r.overall, area_grades=r.area_grades, young_person_id=r.young_person_id)
        for r in checked.rows
    ])
    changes = apply_changes(locked, None, {"status": ImportStatus.IMPORTED, "audit_round": audit_round,
                                           "imported_by": acting_user, "imported_at": timezone.now()})
    save_new_version(locked)
    record_event(actor=acting_user, action="caseaudits.import_past_results", obj=audit_round, changes=changes,
                 summary=f"Imported {len(checked.rows)} past audits from {locked.file_name} as {audit_round.title}")
    return audit_round


PROBLEM_HEADERS = ["Row", "Column", "Value", "Problem"]


def problem_rows(past: PastAuditImport) -> list[list[Any]]:
    return [[p["row"], p["column"], p["value"], p["problem"]] for p in past.problems]
