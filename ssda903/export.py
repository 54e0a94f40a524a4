"""The care leaver part of the SSDA903 return as the DfE takes it: CSV files or one XML file.

Header, Episodes, OC3 and UASC for the year's OC3 cohort, with the columns, order, element
names and DD/MM/YYYY dates of ssda903/spec.py (ssda903-care-leavers.md §2, §7). Episodes are
those open at any time in the year, as they stood on 31 March: one still open then has no end
date, reason ended or reason for placement change (DfE rule 233). UASC rows are only for
children with episodes in the year (DfE rule 1014). Rows are sorted by child ID, then start
date, so the same records always give the same bytes.

The previous year's files for the same children go to the validator with this year's, as a
council loads both into the DfE tool: the rules that compare years (1001, 1002, 1010, 348,
503A–J …) then run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from compliance.ssda903 import CollectionYear
from people.models import CareEpisode, YoungPerson
from ssda903 import spec
from ssda903.derive import CareLeaverReturn, Entry, derive_return

FORMATS = ("csv", "xml")
ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # fixed, so the same files always make the same zip

Rows = list[dict[str, str]]


@dataclass
class ReturnFiles:
    """The tables of one year's files, each a list of {column: text} in file order."""

    year: CollectionYear
    tables: dict[str, Rows] = field(default_factory=dict)

    @property
    def children(self) -> list[str]:
        return [row["CHILD"] for row in self.tables[spec.HEADER.name]]

    def row_child(self, table: str, row: int) -> str:
        rows = self.tables.get(table.removesuffix("_last"), [])
        return rows[row]["CHILD"] if 0 <= row < len(rows) else ""

    def csv_files(self) -> dict[str, bytes]:
        return {f"{table.name.lower()}.csv": _csv(table, self.tables[table.name]) for table in _TABLES}

    def xml(self) -> bytes:
        return _xml(self.tables)

    def files(self, file_format: str) -> dict[str, bytes]:
        return self.csv_files() if file_format == "csv" else {"ssda903.xml": self.xml()}

    def download(self, file_format: str) -> tuple[str, bytes, str]:
        """(file name, bytes, content type): a zip of the CSV files, or the XML file."""
        stem = f"ssda903-care-leavers-{self.year.short_label}"
        if file_format == "xml":
            return f"{stem}.xml", self.xml(), "application/xml"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in self.csv_files().items():
                archive.writestr(zipfile.ZipInfo(f"{stem}-{name}", ZIP_DATE), content)
        return f"{stem}-csv.zip", buffer.getvalue(), "application/zip"

    def digest(self, file_format: str) -> str:
        sha = hashlib.sha256()
        for name, content in sorted(self.files(file_format).items()):
            sha.update(name.encode() + b"\0" + content + b"\0")
        return sha.hexdigest()


_TABLES = (spec.HEADER, spec.EPISODES, spec.OC3, spec.UASC)


def return_files(care_leavers: CareLeaverReturn) -> ReturnFiles:
    """This year's files for the included young people."""
    return _files(care_leavers.year, care_leavers.included, {e.young_person.pk: e for e in care_leavers.included},
                  everyone=True)


def previous_year_files(care_leavers: CareLeaverReturn) -> ReturnFiles:
    """What the previous year's files held for the same young people: their episodes in that
    year and their OC3 row if they had one; children with neither are left out, as they would
    not have been in that return."""
    year = care_leavers.year.previous()
    earlier = derive_return(year, YoungPerson.objects.filter(pk__in=[e.young_person.pk for e in care_leavers.included]),
                            settings=care_leavers.settings)
    return _files(year, care_leavers.included, {e.young_person.pk: e for e in earlier.included + earlier.excluded},
                  everyone=False)


def _files(year: CollectionYear, chosen: list[Entry], entries: dict[int, Entry], *, everyone: bool) -> ReturnFiles:
    people = sorted((e.young_person for e in chosen), key=lambda p: (p.child_id, p.pk))
    episodes = _episodes(year, [p.pk for p in people])
    files = ReturnFiles(year, {table.name: [] for table in _TABLES})
    for person in people:
        in_year = episodes.get(person.pk, [])
        entry = entries.get(person.pk)
        oc3 = entry.row.codes if entry is not None and entry.row is not None else None
        if not (everyone or in_year or oc3):
            continue
        child, dob = person.child_id, spec.format_date(person.date_of_birth)
        files.tables[spec.HEADER.name].append({
            "CHILD": child, "SEX": person.sex, "DOB": dob, "ETHNIC": person.ethnicity, "UPN": person.upn,
            "MOTHER": entry.header_value("MOTHER") if entry else "",
            "MC_DOB": entry.header_value("MC_DOB") if entry else "",
        })
        files.tables[spec.EPISODES.name].extend(_episode_row(child, e, year) for e in in_year)
        if oc3 is not None:
            files.tables[spec.OC3.name].append({"CHILD": child, "DOB": dob, **oc3})
        if person.uasc and in_year:
            files.tables[spec.UASC.name].append({
                "CHILD": child, "SEX": person.sex, "DOB": dob, "DUC": spec.format_date(person.uasc_ceased_on),
            })
    return files


def _episodes(year: CollectionYear, ids: list[int]) -> dict[int, list[CareEpisode]]:
    """Episodes open at any time in the year; ending on 1 April counts, as the validator's
    "during the year" does (DEC >= collection start)."""
    found: dict[int, list[CareEpisode]] = defaultdict(list)
    rows = CareEpisode.objects.filter(young_person_id__in=ids, start__lte=year.end).filter(
        Q(end__isnull=True) | Q(end__gte=year.start)
    ).order_by("young_person_id", "start", "id")
    for episode in rows:
        found[episode.young_person_id].append(episode)
    return found


def _episode_row(child: str, episode: CareEpisode, year: CollectionYear) -> dict[str, str]:
    ended = episode.end is not None and episode.end <= year.end
    return {
        "CHILD": child,
        "DECOM": spec.format_date(episode.start),
        "RNE": episode.reason_new,
        "LS": episode.legal_status,
        "CIN": episode.category_of_need,
        "PLACE": episode.placement,
        "PLACE_PROVIDER": episode.placement_provider,
        "DEC": spec.format_date(episode.end) if ended else "",
        "REC": episode.reason_ended if ended else "",
        "REASON_PLACE_CHANGE": episode.reason_place_change if ended else "",
        "HOME_POST": episode.home_postcode,
        "PL_POST": episode.placement_postcode,
        "URN": episode.urn,
    }


def _csv(table: spec.Table, rows: Rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([row[c] for c in table.columns] for row in rows)
    return out.getvalue().encode("utf-8")


def _xml(tables: dict[str, Rows]) -> bytes:
    """EXPSSDA903: one <CHILD> per Header row, its <HEADER> leaves in spec order, then its
    <EPISODE>s. UASC is "1" (with DUC) when the child has a UASC row and "0" otherwise, as the
    CSV reader derives it (DfE rule 105 wants 0 or 1 in XML); IN_TOUCH, ACTIV and ACCOM are
    there when the child has an OC3 row. Empty elements are blank values."""
    episodes: dict[str, Rows] = defaultdict(list)
    for row in tables[spec.EPISODES.name]:
        episodes[row["CHILD"]].append(row)
    oc3 = {row["CHILD"]: row for row in tables[spec.OC3.name]}
    uasc = {row["CHILD"]: row for row in tables[spec.UASC.name]}
    root = ET.Element(spec.XML_ROOT)
    for head in tables[spec.HEADER.name]:
        child = head["CHILD"]
        values = {**head, "CHILDID": child, "UASC": "1" if child in uasc else "0",
                  "DUC": uasc[child]["DUC"] if child in uasc else ""}
        element = ET.SubElement(root, spec.XML_CHILD)
        header = ET.SubElement(element, spec.XML_HEADER)
        for name in spec.XML_HEADER_ELEMENTS:
            if name in ("IN_TOUCH", "ACTIV", "ACCOM"):
                if child not in oc3:
                    continue
                values[name] = oc3[child][name]
            _leaf(header, name, values.get(name, ""))
        for row in episodes[child]:
            episode = ET.SubElement(element, spec.XML_EPISODE)
            for f in spec.EPISODES.fields[1:]:
                _leaf(episode, f.element, row[f.name])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _leaf(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, name).text = text or None
