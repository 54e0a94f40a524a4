"""What an SSDA903 return would change, compared with the record, and writing it.

Young people are matched by child ID (CHILD), care episodes by child and start
date (DECOM), and the year's return details (MOTHER, MC_DOB, OC3) by child and
collection year. For each child the planner works out what is new, changed
(field by field) or unchanged, and checks the care history as it would be
after the import (the file's episodes with those already recorded): episodes
must not overlap and an X1 ending needs an episode starting that day.

The same pass writes when asked (`apply=True`), in batches, inside the
caller's transaction; the caller rolls back if any problem was found, so a
refused import writes nothing. Importing the same files again finds
everything unchanged and writes nothing.

Two rules stop an older year's return undoing a newer one: a young person's
own details are only changed by a return at least as recent as the latest
imported for them, and an episode the record shows ending after the file's
collection year keeps its end date when the file (which could not know it)
leaves it blank.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.db.models import F
from django.utils import timezone

from audit.models import AuditEvent
from people.models import CareEpisode, YoungPerson
from ssda903 import spec
from ssda903.importing import ReturnData, Tick
from ssda903.importing_sql import insert_rows
from ssda903.models import ChildReturn, ImportRun
from ssda903.parse import Problems, Where, sentence, where_label

BATCH = 1000

PERSON_FIELDS = {"SEX": "sex", "DOB": "date_of_birth", "ETHNIC": "ethnicity", "UPN": "upn"}
UASC_FIELDS = {"uasc": "UASC", "uasc_ceased_on": "DUC"}
EPISODE_FIELDS = {
    name: path.rsplit(".", 1)[1] for name, path in spec.STORED_AS["Episodes"].items() if name != "CHILD"
}
_PERSON_MODEL_FIELDS = tuple(PERSON_FIELDS.values())
_PERSON_INDEXES = tuple(spec.HEADER.columns.index(name) for name in PERSON_FIELDS)
_EPISODE_MODEL_FIELDS = tuple(EPISODE_FIELDS[name] for name in spec.EPISODES.columns[1:])
RETURN_FIELDS = ("mother", "mother_child_dob", "oc3_returned", "in_touch", "activity", "accommodation")

# Labels for the preview and the audit trail, from the DfE names.
_LABELS = {
    **{model: f"{sentence(spec.HEADER.by_name[name].label)} ({name})" for name, model in PERSON_FIELDS.items()},
    **{model: f"{sentence(spec.EPISODES.by_name[name].label)} ({name})" for name, model in EPISODE_FIELDS.items()},
    "uasc": "Unaccompanied asylum-seeking child (UASC)",
    "uasc_ceased_on": "Date UASC status ceased (DUC)",
    "mother": "Is a mother (MOTHER)",
    "mother_child_dob": "Date of birth of the mother's child (MC_DOB)",
    "oc3_returned": "Care leaver (OC3) row",
    "in_touch": "In touch (IN_TOUCH)",
    "activity": "Main activity (ACTIV)",
    "accommodation": "Accommodation (ACCOM)",
}

Emit = Callable[[str], None]  # takes one preview line: a child's changes as JSON


def label(name: str) -> str:
    return _LABELS.get(name, name)


def _shown(value: Any) -> Any:
    if isinstance(value, dt.date):
        return spec.format_date(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [_shown(old.get(name)), _shown(value)] for name, value in new.items() if old.get(name) != value}


@dataclass
class Counts:
    people_new: int = 0
    people_changed: int = 0
    people_unchanged: int = 0
    episodes_new: int = 0
    episodes_changed: int = 0
    episodes_unchanged: int = 0
    returns_new: int = 0
    returns_changed: int = 0
    returns_unchanged: int = 0
    children_with_changes: int = 0  # lines of the preview

    @property
    def writes(self) -> int:
        return (self.people_new + self.people_changed + self.episodes_new + self.episodes_changed
                + self.returns_new + self.returns_changed)


@dataclass
class _Writes:
    """One batch's rows to write."""

    new_people: list[dict[str, Any]] = field(default_factory=list)
    changed_people: list[YoungPerson] = field(default_factory=list)
    new_episodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (child, values)
    changed_episodes: list[CareEpisode] = field(default_factory=list)
    new_returns: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    changed_returns: list[ChildReturn] = field(default_factory=list)
    events: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # child -> (summary, changes)


class Planner:
    """Compares a checked return with the record; with `apply`, writes the differences."""

    def __init__(
        self,
        data: ReturnData,
        problems: Problems,
        *,
        emit: Emit,
        apply: bool = False,
        run: ImportRun | None = None,
        acting_user: Any = None,
        tick: Tick | None = None,
    ) -> None:
        self.data = data
        self.problems = problems
        self.emit = emit
        self.apply = apply
        self.run = run
        self.acting_user = acting_user
        self.tick = tick
        self.counts = Counts()
        self.digest = hashlib.sha256()
        self.changed_ids: list[int] = []
        self.done = 0
        self.now = timezone.now()
        self.year_end = data.year.end

    def plan(self) -> Counts:
        children = list(self.data.header)
        for i in range(0, len(children), BATCH):
            self._batch(children[i : i + BATCH])
        return self.counts

    # -- one batch of children

    def _batch(self, children: list[str]) -> None:
        people = {p.child_id: p for p in YoungPerson.objects.filter(child_id__in=children).only(
            "pk", "child_id", "family_name", "given_name", "preferred_name", "date_of_birth", "sex", "ethnicity",
            "upn", "uasc", "uasc_ceased_on")}
        person_ids = [p.pk for p in people.values()]
        episodes: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in CareEpisode.objects.filter(young_person_id__in=person_ids).values("pk", "young_person_id", *EPISODE_FIELDS.values()):
            episodes[row["young_person_id"]].append(row)
        returns: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
        for row in ChildReturn.objects.filter(young_person_id__in=person_ids).values(
            "pk", "young_person_id", "collection_year", *RETURN_FIELDS
        ):
            returns[row["young_person_id"]][row["collection_year"]] = row
        writes = _Writes()
        for child in children:
            person = people.get(child)
            found = returns.get(person.pk, {}) if person else {}
            self._child(child, person, episodes.get(person.pk, []) if person else [], found, writes)
            self.done += 1 + len(self.data.episodes.get(child, ()))
        if self.apply and not self.problems:
            self._write(writes, people)
        if self.tick is not None:
            self.tick(self.done)

    def _child(
        self,
        child: str,
        person: YoungPerson | None,
        recorded: list[dict[str, Any]],
        returns: dict[int, dict[str, Any]],
        writes: _Writes,
    ) -> None:
        data = self.data
        year = data.year.year
        head, head_where = data.header[child]
        wanted = dict(zip(_PERSON_MODEL_FIELDS, itemgetter(*_PERSON_INDEXES)(head)))
        uasc = data.uasc.get(child)
        if uasc is not None:
            wanted["uasc"] = True
            wanted["uasc_ceased_on"] = uasc[0].DUC
        entry: dict[str, Any] = {"child": child}
        if person is None:
            entry["person"] = "new"
            self.counts.people_new += 1
            if self.apply:
                writes.new_people.append(
                    {"child_id": child, "given_name": "Child", "family_name": child, "team_id": self.run.team_id, **wanted})
        else:
            entry["name"] = person.name
            newer = max(returns, default=0) > year  # a later year's return is already in
            changes = {} if newer else _diff({m: getattr(person, m) for m in wanted}, wanted)
            entry["person"] = "changed" if changes else "unchanged"
            if changes:
                entry["changes"] = changes
                self.counts.people_changed += 1
                if self.apply:
                    for name, value in wanted.items():
                        setattr(person, name, value)
                    writes.changed_people.append(person)
            else:
                self.counts.people_unchanged += 1
        self._episodes(child, head, head_where, person, recorded, entry, writes)
        self._return(child, person, returns.get(year), entry, writes)
        if entry["person"] != "unchanged" or "episodes" in entry or "return" in entry:
            line = json.dumps(entry, sort_keys=True, default=str)
            self.digest.update(line.encode())
            self.emit(line)
            self.counts.children_with_changes += 1
            if self.apply:
                writes.events[child] = (_summary(entry, data.year), _audit_changes(entry))

    def _episodes(
        self,
        child: str,
        head: Any,
        head_where: Where,
        person: YoungPerson | None,
        recorded: list[dict[str, Any]],
        entry: dict[str, Any],
        writes: _Writes,
    ) -> None:
        year_end = self.year_end
        by_start = {e["start"]: e for e in recorded}
        merged: list[tuple[dt.date, dt.date | None, Where | None]] = []
        new_starts, changed = [], {}
        x1_rows = []
        for row, where in self.data.episodes.get(child, ()):
            wanted = dict(zip(_EPISODE_MODEL_FIELDS, row[1:]))  # every column after CHILD, in order
            old = by_start.pop(row.DECOM, None)
            if old is not None and wanted["end"] is None and old["end"] is not None and old["end"] > year_end:
                # An older year's file cannot know how the episode ended: keep the record's ending.
                wanted["end"], wanted["reason_ended"] = old["end"], old["reason_ended"]
            merged.append((row.DECOM, wanted["end"], where))
            if row.REC == "X1" and row.DEC is not None:
                x1_rows.append((row, where))
            if old is None:
                new_starts.append(spec.format_date(row.DECOM))
                self.counts.episodes_new += 1
                if self.apply:
                    writes.new_episodes.append((child, wanted))
                continue
            diff = _diff(old, wanted)
            if not diff:
                self.counts.episodes_unchanged += 1
                continue
            changed[spec.format_date(row.DECOM)] = diff
            self.counts.episodes_changed += 1
            if self.apply:
                writes.changed_episodes.append(CareEpisode(
                    pk=old["pk"], version=F("version") + 1, updated_at=self.now, **wanted))
        merged += [(e["start"], e["end"], None) for e in by_start.values()]
        self._check_history(child, head, head_where, merged, x1_rows)
        if new_starts or changed:
            entry["episodes"] = {"new": new_starts, "changed": changed}

    def _check_history(
        self,
        child: str,
        head: Any,
        head_where: Where,
        merged: list[tuple[dt.date, dt.date | None, Where | None]],
        x1_rows: list[tuple[Any, Where]],
    ) -> None:
        file = self.data.file_of.get(spec.EPISODES.name, "")
        merged.sort(key=lambda e: e[0])
        kept_only = [e for e in merged if e[2] is None]
        if kept_only and kept_only[0][0] < head.DOB:
            self.problems.add(self.data.file_of[spec.HEADER.name], head_where, "DOB", head.DOB,
                              f"Date of birth must be on or before {spec.format_date(kept_only[0][0])}, when a care "
                              "episode already on the record starts")
        starts = {e[0] for e in merged}
        for row, where in x1_rows:
            if row.DEC not in starts:
                self.problems.add(file, where, "REC", row.REC,
                                  f"Reason X1 means a new episode starts the same day, but no episode starts on "
                                  f"{spec.format_date(row.DEC)}")
        if not merged:
            return
        running = merged[0]
        for episode in merged[1:]:
            if running[1] is None or running[1] > episode[0]:
                self._overlap(file, running, episode)
            if running[1] is not None and (episode[1] is None or episode[1] > running[1]):
                running = episode

    def _overlap(self, file: str, earlier: tuple, later: tuple) -> None:
        blamed, other = (later, earlier) if later[2] is not None else (earlier, later)
        if blamed[2] is None:
            return  # both already on the record: not this file's doing
        whose = where_label(other[2]) if other[2] is not None else "already on the record"
        self.problems.add(file, blamed[2], "DECOM", blamed[0],
                          f"This episode overlaps the episode starting {spec.format_date(other[0])} ({whose}): "
                          "episodes must not overlap")

    def _return(self, child: str, person: YoungPerson | None, old: dict[str, Any] | None, entry: dict, writes: _Writes) -> None:
        head = self.data.header[child][0]
        oc3 = self.data.oc3.get(child)
        wanted = {
            "mother": head.MOTHER, "mother_child_dob": head.MC_DOB, "oc3_returned": oc3 is not None,
            "in_touch": oc3[0].IN_TOUCH if oc3 else "", "activity": oc3[0].ACTIV if oc3 else "",
            "accommodation": oc3[0].ACCOM if oc3 else "",
        }
        if old is None:
            self.counts.returns_new += 1
            entry["return"] = "new"
            if self.apply:
                writes.new_returns.append((child, {"collection_year": self.data.year.year, **wanted}))
            return
        diff = _diff(old, wanted)
        if not diff:
            self.counts.returns_unchanged += 1
            return
        self.counts.returns_changed += 1
        entry["return"] = diff
        if self.apply:
            writes.changed_returns.append(ChildReturn(
                pk=old["pk"], version=F("version") + 1, updated_at=self.now, imported_by_run=self.run, **wanted))

    # -- writing

    def _write(self, writes: _Writes, people: dict[str, YoungPerson]) -> None:
        insert_rows(YoungPerson, writes.new_people)
        ids = {p.child_id: p.pk for p in people.values()}
        if writes.new_people:
            ids.update(YoungPerson.objects.filter(child_id__in=[p["child_id"] for p in writes.new_people])
                       .values_list("child_id", "pk"))
        for person in writes.changed_people:
            person.version = F("version") + 1
            person.updated_at = self.now
        YoungPerson.objects.bulk_update(
            writes.changed_people, [*PERSON_FIELDS.values(), *UASC_FIELDS, "version", "updated_at"], batch_size=500)
        insert_rows(CareEpisode, [{"young_person_id": ids[child], **values} for child, values in writes.new_episodes])
        CareEpisode.objects.bulk_update(
            writes.changed_episodes, [*EPISODE_FIELDS.values(), "version", "updated_at"], batch_size=500)
        insert_rows(ChildReturn, [
            {"young_person_id": ids[child], "imported_by_run_id": self.run.pk, **values}
            for child, values in writes.new_returns
        ])
        ChildReturn.objects.bulk_update(
            writes.changed_returns, [*RETURN_FIELDS, "version", "updated_at", "imported_by_run"], batch_size=500)
        actor = getattr(self.acting_user, "pk", None)
        insert_rows(AuditEvent, [
            {"actor_id": actor, "action": "ssda903.import_return", "young_person_id": ids[child],
             "object_type": YoungPerson._meta.label, "object_id": str(ids[child]), "summary": summary,
             "changes": changes}
            for child, (summary, changes) in writes.events.items()
        ])
        self.changed_ids.extend(ids[child] for child in writes.events)


def _summary(entry: dict[str, Any], year: spec.CollectionYear) -> str:
    parts = []
    if entry["person"] == "new":
        parts.append("added to the register")
    elif entry["person"] == "changed":
        parts.append("changed " + ", ".join(label(n).lower() for n in entry["changes"]))
    episodes = entry.get("episodes", {})
    if episodes.get("new"):
        count = len(episodes["new"])
        parts.append(f"added {count} care episode{'s' if count > 1 else ''}")
    for start in episodes.get("changed", {}):
        parts.append(f"changed the care episode starting {start}")
    if "return" in entry:
        parts.append("recorded the return's care leaver and mother details" if entry["return"] == "new"
                     else "changed the return's care leaver and mother details")
    return f"Imported from the SSDA903 return for {year.years}: " + "; ".join(parts)


def _audit_changes(entry: dict[str, Any]) -> dict[str, list[Any]]:
    changes = dict(entry.get("changes", {}))
    for start, diff in entry.get("episodes", {}).get("changed", {}).items():
        changes.update({f"episode {start}: {name}": pair for name, pair in diff.items()})
    if isinstance(entry.get("return"), dict):
        changes.update(entry["return"])
    return changes
