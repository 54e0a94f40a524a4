"""Reading a whole SSDA903 return and checking it across rows and tables.

`read_return` streams every uploaded file through the parsers and keeps the
typed rows grouped by child; `check_return` then checks what one row cannot
check alone: each child once in the Header, every other table's child in the
Header with the same date of birth, episode dates within the collection year
and after the date of birth, end date and reason both given or both blank.
Checks that need the record (overlaps with episodes already recorded) are in
importing_plan.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from ssda903 import spec
from ssda903.parse import Problems, Where, read_csv, read_xml

Opener = Callable[[], IO[bytes]]
Tick = Callable[[int], None]


@dataclass(frozen=True)
class Upload:
    """An uploaded file: its own name, and how to open its stored bytes."""

    name: str
    open: Opener


@dataclass
class ReturnData:
    """Every imported row, grouped by child: (typed row, where) pairs."""

    year: spec.CollectionYear
    header: dict[str, tuple[Any, Where]] = field(default_factory=dict)
    episodes: dict[str, list[tuple[Any, Where]]] = field(default_factory=dict)
    uasc: dict[str, tuple[Any, Where]] = field(default_factory=dict)
    oc3: dict[str, tuple[Any, Where]] = field(default_factory=dict)
    file_of: dict[str, str] = field(default_factory=dict)  # table name -> file name
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, table) recognised, not imported
    rows_read: int = 0

    def file(self, table: spec.Table) -> str:
        return self.file_of.get(table.name, "")


def file_format(names: Iterable[str]) -> str:
    """"csv" or "xml" from the names' endings; "" when mixed or neither."""
    endings = {name.rpartition(".")[2].lower() for name in names}
    return endings.pop() if len(endings) == 1 and endings <= {"csv", "xml"} else ""


def count_rows(uploads: list[Upload]) -> int:
    """About how many rows the files hold, cheaply, for the progress bar."""
    total = 0
    for upload in uploads:
        xml = upload.name.lower().endswith(".xml")
        with upload.open() as binary:
            carry = b""
            for chunk in iter(lambda: binary.read(1 << 20), b""):
                text = carry + chunk
                if xml:
                    total += sum(text.count(tag) for tag in (b"<CHILD>", b"<EPISODE>", b"<IN_TOUCH"))
                    carry = text[-16:]
                    total -= sum(carry.count(tag) for tag in (b"<CHILD>", b"<EPISODE>", b"<IN_TOUCH"))
                else:
                    total += chunk.count(b"\n")
        if not xml:
            total -= 1  # the header row
    return max(total, 0)


def read_return(uploads: list[Upload], year: spec.CollectionYear, problems: Problems, tick: Tick | None = None) -> ReturnData:
    """Read every file; report unreadable files, unknown tables and bad values; keep good rows."""
    data = ReturnData(year)
    xml = file_format(u.name for u in uploads) == "xml"
    for upload in uploads:
        with upload.open() as binary:
            if xml:
                for name in (t.name for t in spec.IMPORTED_TABLES):
                    data.file_of[name] = upload.name
                _keep(data, ((table, row, where) for table, row, where in read_xml(binary, upload.name, problems)),
                      problems, tick)
                continue
            opened = read_csv(binary, upload.name, problems)
            table = opened.table
            if table is None:
                continue
            if table.name in data.file_of or any(t == table.name for _, t in data.skipped):
                earlier = data.file_of.get(table.name) or next(f for f, t in data.skipped if t == table.name)
                problems.add(upload.name, None, "", "",
                             f"This is a second {table.name} file (the first is {earlier}): upload one file per table")
                continue
            if not table.imported:
                data.skipped.append((upload.name, table.name))
                for _ in opened.rows:
                    data.rows_read += 1
                continue
            data.file_of[table.name] = upload.name
            _keep(data, ((table.name, row, where) for row, where in opened.rows), problems, tick)
    return data


def _keep(data: ReturnData, rows: Iterator[tuple[str, Any, Where]], problems: Problems, tick: Tick | None) -> None:
    singles = {spec.HEADER.name: data.header, spec.UASC.name: data.uasc, spec.OC3.name: data.oc3}
    for table_name, row, where in rows:
        data.rows_read += 1
        if tick is not None and data.rows_read % 5000 == 0:
            tick(data.rows_read)
        if table_name == spec.EPISODES.name:
            data.episodes.setdefault(row.CHILD, []).append((row, where))
            continue
        kept = singles[table_name]
        if row.CHILD in kept:
            problems.add(data.file_of[table_name], where, "CHILD" if isinstance(where, int) else "CHILDID",
                         row.CHILD, f"Child ID {row.CHILD} appears more than once in the {table_name} table "
                         f"(first at {_at(kept[row.CHILD][1])})")
            continue
        kept[row.CHILD] = (row, where)


def _at(where: Where) -> str:
    return f"line {where}" if isinstance(where, int) else where


def check_return(data: ReturnData, problems: Problems) -> None:
    """Checks across rows and tables that need no stored records."""
    if not data.file_of.get(spec.HEADER.name) and not problems:
        problems.add("", None, "", "", "Add the Header file: every SSDA903 return has one, listing each child")
        return
    header = data.header
    if not header and not problems:
        problems.add(data.file(spec.HEADER), None, "", "", "The files hold no children: check you chose the right files")
        return
    for table, kept in ((spec.UASC, data.uasc), (spec.OC3, data.oc3)):
        for child, (row, where) in kept.items():
            found = header.get(child)
            if found is None:
                _not_in_header(data, problems, table, where, child)
                continue
            head = found[0]
            if row.DOB != head.DOB:
                problems.add(data.file(table), where, "DOB", row.DOB,
                             f"Date of birth must be the same as in the Header ({spec.format_date(head.DOB)})")
            if table is spec.UASC and row.SEX != head.SEX:
                problems.add(data.file(table), where, "SEX", row.SEX, f"Sex must be the same as in the Header ({head.SEX})")
    for row, where in data.oc3.values():
        given = [bool(row.IN_TOUCH), bool(row.ACTIV), bool(row.ACCOM)]
        if any(given) and not all(given):
            missing = [name for name, there in zip(("IN_TOUCH", "ACTIV", "ACCOM"), given) if not there]
            problems.add(data.file(spec.OC3), where, missing[0], "",
                         "In touch, main activity and accommodation must all be given, or all be blank")
    for child, episodes in data.episodes.items():
        found = header.get(child)
        if found is None:
            for _, where in episodes:
                _not_in_header(data, problems, spec.EPISODES, where, child)
            continue
        _check_episodes(data, problems, found[0].DOB, episodes)


def _not_in_header(data: ReturnData, problems: Problems, table: spec.Table, where: Where, child: str) -> None:
    if child in problems.refused.get(spec.HEADER.name, ()):
        return  # its Header row is refused already
    problems.add(data.file(table), where, "CHILD", child,
                 f"Child ID {child} is not in the Header: every child must have a Header row")


def _check_episodes(data: ReturnData, problems: Problems, dob: dt.date, episodes: list[tuple[Any, Where]]) -> None:
    year = data.year
    year_start, year_end = year.start, year.end
    file = data.file(spec.EPISODES)
    starts: dict[dt.date, Where] = {}
    for row, where in episodes:
        if row.DECOM in starts:
            problems.add(file, where, "DECOM", row.DECOM,
                         f"Child {row.CHILD} has another episode starting on this date (at {_at(starts[row.DECOM])})")
        starts.setdefault(row.DECOM, where)
        if row.DECOM < dob:
            problems.add(file, where, "DECOM", row.DECOM, "Start date must be on or after the date of birth")
        if row.DECOM > year_end:
            problems.add(file, where, "DECOM", row.DECOM,
                         f"Start date must be on or before the end of the {year.years} collection year (31 March {year.year})")
        if row.DEC is not None:
            if row.DEC <= row.DECOM:
                problems.add(file, where, "DEC", row.DEC, "End date must be after the start date")
            elif row.DEC > year_end:
                problems.add(file, where, "DEC", row.DEC,
                             f"End date must be on or before the end of the {year.years} collection year "
                             f"(31 March {year.year}): leave it blank if the episode was still open then")
            elif row.DEC < year_start:
                problems.add(file, where, "DEC", row.DEC,
                             f"End date is before the {year.years} collection year starts (1 April {year.year - 1}): "
                             "check you chose the right collection year")
            if not row.REC:
                problems.add(file, where, "REC", "", "Enter the reason the episode ceased, as the episode has an end date")
        elif row.REC:
            problems.add(file, where, "REC", row.REC, "Reason episode ceased must be blank while the episode has no end date")
