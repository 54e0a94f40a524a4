"""Reading SSDA903 files: CSV (one file per table) and XML (`EXPSSDA903`), streamed.

Both readers yield the same typed rows (one named tuple per table, fields in
the DfE column order of spec.py), each with where it came from: the line
number in a CSV file, or the child and element in the XML file. Every value is
checked on its own here (required, date, code list, length); checks across
rows and tables are in importing.py. A problem never stops the reading: the
whole file is read so the list of problems is complete.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from ssda903 import spec

# One named tuple type per table, e.g. ROW_TYPES["Episodes"](CHILD=..., DECOM=..., ...).
ROW_TYPES: dict[str, type] = {t.name: namedtuple(t.name, t.columns) for t in spec.TABLES}  # type: ignore[misc]

Where = int | str  # a CSV line number, or a place in the XML file


def where_label(where: Where) -> str:
    return f"line {where}" if isinstance(where, int) else where


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an uploaded file, named precisely enough to find and fix it."""

    file: str
    row: str
    field: str
    value: str
    message: str


class Problems:
    """The problems found so far. Keeps the first `limit` (a file with a wrong column
    can have a problem on every row); counts them all."""

    def __init__(self, limit: int = 100_000) -> None:
        self.limit = limit
        self.kept: list[Problem] = []
        self.count = 0
        # Children whose row was refused, per table, so checks across tables do not
        # report them again as missing.
        self.refused: dict[str, set[str]] = {}
        self._seen: set[Problem] = set()

    def add(self, file: str, where: Where | None, field: str, value: Any, message: str) -> None:
        shown = "" if value is None else spec.format_date(value) if isinstance(value, dt.date) else str(value)
        problem = Problem(file, "" if where is None else where_label(where), field, shown, message)
        if problem in self._seen:
            return  # XML tables share the Header's values: one bad value, one problem
        self._seen.add(problem)
        self.count += 1
        if len(self.kept) < self.limit:
            self.kept.append(problem)

    def __bool__(self) -> bool:
        return self.count > 0


def sentence(label: str) -> str:
    return label[0].upper() + label[1:]


class _Bad(Exception):
    """A value that cannot be read; the message says why, in plain English."""


def _date_reader(label: str, past_only: bool) -> Callable[[str], dt.date | None]:
    # Dates repeat a great deal across 100,000 children: read each distinct text once.
    seen: dict[str, dt.date] = {}
    pattern = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
    today = _today()

    def read(raw: str) -> dt.date | None:
        if not raw:
            return None
        found = seen.get(raw)
        if found is None:
            match = pattern.fullmatch(raw)
            if match is None:
                raise _Bad(f"{sentence(label)} must be a date in the format DD/MM/YYYY, like 01/04/2025")
            day, month, year = (int(part) for part in match.groups())
            try:
                found = dt.date(year, month, day)
            except ValueError:
                raise _Bad(f"{sentence(label)} must be a real date") from None
            seen[raw] = found
        if past_only and found > today:
            raise _Bad(f"{sentence(label)} must be today or in the past")
        return found

    return read


def _today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


def _code_reader(f: spec.Field) -> Callable[[str], str]:
    canonical = {code: code for code in f.allowed()}
    listed = ", ".join(sorted(canonical)) if len(canonical) <= 14 else ""

    def read(raw: str) -> str:
        if not raw:
            return ""
        found = canonical.get(raw.upper())
        if found is None:
            if listed:
                raise _Bad(f"{sentence(f.label)} must be one of {listed}")
            raise _Bad(f"{sentence(f.label)} must be a code from the DfE SSDA903 list for {f.name}")
        return found

    return read


_ID = re.compile(r"[A-Za-z0-9]+")
_POSTCODE = re.compile(r"[A-Z0-9 ]+")


def _text_reader(f: spec.Field) -> Callable[[str], str]:
    def read(raw: str) -> str:
        if f.max_length and len(raw) > f.max_length:
            raise _Bad(f"{sentence(f.label)} must be {f.max_length} characters or fewer")
        if f.kind == spec.ID and raw and not _ID.fullmatch(raw):
            raise _Bad(f"{sentence(f.label)} must contain only letters and numbers")
        if f.kind == spec.POSTCODE:
            raw = raw.upper()
            if raw and not _POSTCODE.fullmatch(raw):
                raise _Bad(f"{sentence(f.label)} must contain only letters, numbers and spaces")
        return raw.upper() if f.kind == spec.TEXT and f.name == "UPN" else raw

    return read


_PAST_ONLY = frozenset({"DOB", "DECOM", "DEC", "MC_DOB"})


def field_readers(table: spec.Table) -> list[Callable[[str], Any]]:
    """One reader per column of `table`: text in, typed value out (or _Bad)."""
    readers: list[Callable[[str], Any]] = []
    for f in table.fields:
        if not table.imported:
            readers.append(str)
        elif f.kind == spec.DATE:
            readers.append(_date_reader(f.label, f.name in _PAST_ONLY))
        elif f.kind in (spec.CODE, spec.FLAG):
            readers.append(_code_reader(f))
        else:
            readers.append(_text_reader(f))
    return readers


class RowReader:
    """Types the text values of one table's rows, reporting each bad value."""

    def __init__(self, table: spec.Table, file: str, problems: Problems, *, xml: bool = False) -> None:
        self.table = table
        self.file = file
        self.problems = problems
        self.make = ROW_TYPES[table.name]
        self.readers = field_readers(table)
        self.names = [f.element if xml else f.name for f in table.fields]
        self.required = [i for i, f in enumerate(table.fields) if f.required and table.imported]

    def read(self, texts: list[str], where: Where) -> Any | None:
        """The typed row, or None when any value in it is wrong (each one reported)."""
        # Nearly every row is right: read it in one go, and only look value by value
        # (to report each problem) when something is wrong.
        try:
            if all(texts[i] for i in self.required):
                return self.make(*[reader(raw) for reader, raw in zip(self.readers, texts)])
        except _Bad:
            pass
        return self._report(texts, where)

    def _report(self, texts: list[str], where: Where) -> Any | None:
        values = []
        ok = True
        for f, name, reader, raw in zip(self.table.fields, self.names, self.readers, texts):
            if not raw:
                if f.required and self.table.imported:
                    self.problems.add(self.file, where, name, "", f"Enter the {f.label}")
                    ok = False
                    values.append(None)
                    continue
            try:
                values.append(reader(raw))
            except _Bad as bad:
                self.problems.add(self.file, where, name, raw, str(bad))
                ok = False
                values.append(None)
        if not ok:
            self.problems.refused.setdefault(self.table.name, set()).add(texts[0])
            return None
        return self.make(*values)


# ---------------------------------------------------------------- CSV


def _text_stream(binary: IO[bytes], name: str, problems: Problems) -> IO[str] | None:
    start = binary.read(4)
    binary.seek(0)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        problems.add(name, None, "", "", "The file is saved as UTF-16: save it as CSV UTF-8 and upload it again")
        return None
    # utf-8-sig drops the byte order mark spreadsheet programs put at the start.
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")


def identify_table(columns: list[str]) -> tuple[spec.Table | None, str]:
    """The table whose column names these are, or None and what is wrong with them."""
    given = set(columns)
    for table in spec.TABLES:
        if given == set(table.columns):
            return table, ""
    best = max(spec.TABLES, key=lambda t: (len(given & set(t.columns)) - len(given - set(t.columns)), t.imported))
    if len(given & set(best.columns)) < 2:
        return None, (
            "The first row must be the SSDA903 column names, for example "
            + ",".join(spec.HEADER.columns)
        )
    missing = [c for c in best.columns if c not in given]
    unexpected = [c for c in columns if c not in best.columns]
    parts = []
    if missing:
        parts.append(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    if unexpected:
        parts.append(f"unexpected column{'s' if len(unexpected) > 1 else ''} {', '.join(unexpected)}")
    return None, f"The columns look like the {best.name} table, but with {' and '.join(parts)}"


@dataclass
class CsvFile:
    """A CSV file opened and recognised, ready to read its rows."""

    name: str
    table: spec.Table | None
    rows: Iterator[tuple[Any, Where]]


def read_csv(binary: IO[bytes], name: str, problems: Problems) -> CsvFile:
    """Recognise the table from the header row; `rows` then streams (typed row, line).

    Blank lines are skipped and values trimmed. The table is None when the file
    cannot be read or recognised (the reason is in `problems`).
    """
    text = _text_stream(binary, name, problems)
    if text is None:
        return CsvFile(name, None, iter(()))
    reader = csv.reader(text)
    try:
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
    except (UnicodeDecodeError, csv.Error) as error:
        problems.add(name, reader.line_num + 1, "", "", _unreadable(error))
        return CsvFile(name, None, iter(()))
    if header is None:
        problems.add(name, None, "", "", "The file is empty")
        return CsvFile(name, None, iter(()))
    columns = [c.strip().upper() for c in header]
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    if duplicated:
        problems.add(name, reader.line_num, "", "", f"Column {', '.join(duplicated)} appears more than once")
        return CsvFile(name, None, iter(()))
    table, why = identify_table(columns)
    if table is None:
        problems.add(name, reader.line_num, "", ",".join(c for c in header), why)
        return CsvFile(name, None, iter(()))
    order = [columns.index(c) for c in table.columns]
    return CsvFile(name, table, _csv_rows(reader, order, RowReader(table, name, problems), name, problems))


def _unreadable(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "The file is not UTF-8 text: save it as CSV UTF-8 and upload it again"
    return f"The file is not a readable CSV file ({error})"


def _csv_rows(
    reader: Any, order: list[int], rows: RowReader, name: str, problems: Problems
) -> Iterator[tuple[Any, Where]]:
    width = len(order)
    in_order = order == list(range(width))
    try:
        for cells in reader:
            line = reader.line_num
            if not (cells and cells[0]) and not any(cell.strip() for cell in cells):
                continue  # a blank line, or a row of empty cells a spreadsheet left behind
            if len(cells) != width:
                problems.add(name, line, "", ",".join(cells)[:100],
                             f"The line has {len(cells)} values but the file has {width} columns")
                continue
            row = rows.read([cell.strip() for cell in cells] if in_order else [cells[i].strip() for i in order], line)
            if row is not None:
                yield row, line
    except (UnicodeDecodeError, csv.Error) as error:
        problems.add(name, reader.line_num + 1, "", "", _unreadable(error))


# ---------------------------------------------------------------- XML

def _guard_prologue(binary: IO[bytes], name: str, problems: Problems) -> bool:
    """Refuse a document type declaration: entities are how XML files attack parsers."""
    start = binary.read(65536)
    binary.seek(0)
    if b"<!DOCTYPE" in start.split(b"<" + spec.XML_ROOT.encode(), 1)[0] or b"<!ENTITY" in start:
        problems.add(name, None, "", "", "The XML file must not contain a document type declaration (DOCTYPE)")
        return False
    return True


def read_xml(binary: IO[bytes], name: str, problems: Problems) -> Iterator[tuple[str, Any, Where]]:
    """Stream (table name, typed row, where) from an EXPSSDA903 file, one <CHILD> at a time."""
    if not _guard_prologue(binary, name, problems):
        return
    readers = {t.name: RowReader(t, name, problems, xml=True) for t in spec.IMPORTED_TABLES}
    number = 0
    root: ET.Element | None = None
    try:
        for event, element in ET.iterparse(binary, events=("start", "end")):
            if root is None:
                root = element
                if _local(element.tag) != spec.XML_ROOT:
                    problems.add(name, None, "", _local(element.tag),
                                 f"The XML file must start with <{spec.XML_ROOT}>, not <{_local(element.tag)}>")
                    return
                continue
            if event != "end" or _local(element.tag) != spec.XML_CHILD:
                continue
            number += 1
            yield from _child_rows(element, number, readers)
            element.clear()  # drop what has been read: memory stays flat however long the file
            root.clear()
    except ET.ParseError as error:
        line, _column = error.position
        problems.add(name, line, "", "", f"The XML is not well formed ({str(error).split(':')[0]})")


def _local(tag: str) -> str:
    """An element's name without its namespace, if the file declares one."""
    return tag.rpartition("}")[2]


def _leaves(element: ET.Element) -> dict[str, str]:
    return {_local(leaf.tag): (leaf.text or "").strip() for leaf in element if len(leaf) == 0}


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in element.iter() if _local(e.tag) == name]


def _child_rows(child: ET.Element, number: int, readers: dict[str, RowReader]) -> Iterator[tuple[str, Any, Where]]:
    header = _leaves(child)
    for header_element in _children(child, spec.XML_HEADER)[:1]:
        header.update(_leaves(header_element))
    child_id = header.get("CHILDID", "")
    place = f"child {number}" + (f" (CHILDID {child_id})" if child_id else "")

    def row(table: spec.Table, source: dict[str, str], where: str) -> Any | None:
        texts = [child_id if f.name == "CHILD" else source.get(f.element, "") for f in table.fields]
        return readers[table.name].read(texts, where)

    header_row = row(spec.HEADER, header, place)
    if header_row is not None:
        yield spec.HEADER.name, header_row, place
    if header.get("UASC", "") not in ("", "0"):
        found = row(spec.UASC, header, place)
        if found is not None:
            yield spec.UASC.name, found, place
    if "IN_TOUCH" in header:
        found = row(spec.OC3, header, place)
        if found is not None:
            yield spec.OC3.name, found, place
    for index, episode in enumerate(_children(child, spec.XML_EPISODE), start=1):
        where = f"{place}, episode {index}"
        found = row(spec.EPISODES, _leaves(episode), where)
        if found is not None:
            yield spec.EPISODES.name, found, where


__all__ = [
    "ROW_TYPES",
    "CsvFile",
    "Problem",
    "Problems",
    "Where",
    "identify_table",
    "read_csv",
    "read_xml",
    "where_label",
]
