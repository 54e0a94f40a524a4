"""An import run from upload to import: the named writes and the background tasks.

1. `start_import` stores the uploaded files (under MEDIA_ROOT, outside the web
   root, with generated names, as documents are) and queues `check_import`.
2. `check_import` reads and checks every row, compares the return with the
   record, and either refuses it (with every problem in a CSV file) or stores
   a preview of what would change.
3. `confirm_import` (an administrator's yes) queues `import_return`, which
   reads the files again and writes everything in one transaction. If the
   record changed since the check so that the import would now do something
   else, nothing is written and the new preview is shown for confirming again.

Large returns take a while, so both steps run as tasks and report progress in
a small file beside the uploads: a write transaction's own updates are not
visible to the page asking how far it has got until it commits.

Audit: each young person the import adds or changes gets one audit event
naming every field changed (action "ssda903.import_return"), and the run gets
one summary event ("ssda903.import_run"). Status timelines and the duty ledger of those people are
recomputed afterwards by queued tasks, in chunks, as a settings change does.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import logging
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from audit.record import record_event
from ssda903 import spec
from ssda903.importing import Upload, check_return, count_rows, read_return
from ssda903.importing_plan import Planner
from ssda903.models import ImportRun
from ssda903.parse import Problems

logger = logging.getLogger(__name__)
RECOMPUTE_CHUNK = 500
PROBLEM_COLUMNS = ("File", "Row", "Field", "Value", "Problem")


def run_path(run: ImportRun, name: str) -> Path:
    path = Path(default_storage.path(f"ssda903/{run.key}/{name}"))
    path.parent.mkdir(mode=settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS or 0o750, parents=True, exist_ok=True)
    return path


def _private(path: Path) -> Path:
    """The preview and the problems name children: as readable as the uploads, no more."""
    path.touch(exist_ok=True)
    path.chmod(settings.FILE_UPLOAD_PERMISSIONS or 0o640)
    return path


def uploads_of(run: ImportRun) -> list[Upload]:
    return [Upload(f["name"], lambda stored=f["stored"]: default_storage.open(stored, "rb")) for f in run.files]


# ---------------------------------------------------------------- progress


class Progress:
    """Writes how far a step has got, at most twice a second, where the page can read it."""

    def __init__(self, run: ImportRun) -> None:
        self.path = run_path(run, "progress.json")
        self.phase = ""
        self.total = 0
        self.last = 0.0

    def start(self, phase: str, total: int) -> None:
        self.phase, self.total, self.last = phase, total, 0.0
        self(0)

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if done and now - self.last < 0.5:
            return
        self.last = now
        partial = _private(self.path.with_suffix(".part"))
        partial.write_text(json.dumps({"phase": self.phase, "done": min(done, self.total), "total": self.total}))
        os.replace(partial, self.path)

    def finish(self) -> None:
        self.path.unlink(missing_ok=True)


def read_progress(run: ImportRun) -> dict[str, Any]:
    try:
        return json.loads(run_path(run, "progress.json").read_text())
    except (OSError, ValueError):
        return {"phase": "Waiting to start", "done": run.rows_done, "total": run.rows_total}


# ---------------------------------------------------------------- stored results


@contextmanager
def _preview_writer(run: ImportRun, name: str) -> Iterator[Any]:
    with _private(run_path(run, name)).open("w", encoding="utf-8") as out:
        yield lambda line: out.write(line + "\n")


def preview_page(run: ImportRun, page: int, size: int) -> list[dict[str, Any]]:
    """Entries `page * size` onwards of the stored preview (one line per child with a change)."""
    try:
        with run_path(run, "preview.jsonl").open(encoding="utf-8") as lines:
            found = []
            for number, line in enumerate(lines):
                if number >= page * size + size:
                    break
                if number >= page * size:
                    found.append(json.loads(line))
            return found
    except OSError:
        return []


def _write_problems(run: ImportRun, problems: Problems) -> None:
    with _private(run_path(run, "problems.csv")).open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(PROBLEM_COLUMNS)
        for p in problems.kept:
            writer.writerow([p.file, p.row, p.field, p.value, p.message])


def problems_path(run: ImportRun) -> Path:
    return run_path(run, "problems.csv")


def problem_page(run: ImportRun, page: int, size: int) -> list[list[str]]:
    try:
        with problems_path(run).open(encoding="utf-8-sig", newline="") as rows:
            reader = csv.reader(rows)
            next(reader, None)
            return [row for number, row in enumerate(reader) if page * size <= number < page * size + size]
    except OSError:
        return []


# ---------------------------------------------------------------- named writes


@transaction.atomic
def start_import(*, acting_user: Any, files: list[UploadedFile], collection_year: int, team: Any) -> ImportRun:
    """Store the files and queue their check. The form has checked their names and sizes."""
    key = uuid.uuid4().hex
    stored = []
    try:
        for number, upload in enumerate(files, start=1):
            extension = upload.name.rpartition(".")[2].lower()
            digest = hashlib.sha256()
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
            name = default_storage.save(f"ssda903/{key}/upload-{number}.{extension}", upload)
            stored.append({"name": upload.name[:200], "stored": name, "size": upload.size, "sha256": digest.hexdigest()})
        run = ImportRun.objects.create(
            key=key, collection_year=collection_year, file_format=stored[0]["stored"].rpartition(".")[2],
            files=stored, team=team, uploaded_by=acting_user,
        )
        record_event(actor=acting_user, action="ssda903.upload_return", obj=run,
                     summary=f"Uploaded {len(stored)} SSDA903 file{'s' if len(stored) > 1 else ''} for {run.year_label}",
                     changes={"files": [None, [f["name"] for f in stored]]})
    except BaseException:
        for item in stored:
            default_storage.delete(item["stored"])
        raise
    transaction.on_commit(lambda: check_import.enqueue(run.pk))
    return run


@transaction.atomic
def confirm_import(run: ImportRun, *, acting_user: Any, expected_version: int | None) -> ImportRun:
    locked = ImportRun.objects.select_for_update().get(pk=run.pk)
    if expected_version is not None and locked.version != expected_version or locked.status != ImportRun.Status.CHECKED:
        raise ValidationError({"__all__": ["This import has already been confirmed, or its files were checked "
                                           "again: look at the latest preview before confirming"]})
    ImportRun.objects.filter(pk=locked.pk).update(
        status=ImportRun.Status.CONFIRMED, confirmed_by=acting_user, confirmed_at=timezone.now(),
        version=F("version") + 1, rows_done=0,
    )
    locked.refresh_from_db()
    record_event(actor=acting_user, action="ssda903.confirm_import", obj=locked,
                 summary=f"Confirmed the import of the SSDA903 return for {locked.year_label}")
    transaction.on_commit(lambda: import_return.enqueue(locked.pk))
    return locked


# ---------------------------------------------------------------- tasks


@contextmanager
def _without_gc() -> Iterator[None]:
    """Hundreds of thousands of rows stay alive for the whole step, and Python's cycle
    collector would walk them all again and again as they pile up (a third of the
    time for a large return). The rows are tuples and dicts with no cycles to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()



def _read(run: ImportRun, problems: Problems, progress: Progress) -> Any:
    uploads = uploads_of(run)
    total = run.rows_total or count_rows(uploads)
    if not run.rows_total:
        ImportRun.objects.filter(pk=run.pk).update(rows_total=total)
        run.rows_total = total
    progress.start("Reading and checking the files", total)
    data = read_return(uploads, spec.CollectionYear(run.collection_year), problems, tick=progress)
    check_return(data, problems)
    return data


def _planned_rows(data: Any) -> int:
    return len(data.header) + sum(len(data.episodes.get(child, ())) for child in data.header)


def _finish(run: ImportRun, status: str, **fields: Any) -> None:
    ImportRun.objects.filter(pk=run.pk).update(status=status, finished_at=timezone.now(), **fields)


def _refuse(run: ImportRun, problems: Problems) -> None:
    _write_problems(run, problems)
    _finish(run, ImportRun.Status.REFUSED, error_count=problems.count, checked_at=timezone.now())


def _step(run_id: int, expected: str, work: Any) -> str:
    """Read and check the run's files, then `work` on them; any failure is put on the run."""
    run = ImportRun.objects.select_related("confirmed_by").get(pk=run_id)
    if run.status != expected:
        return run.status  # already done, or superseded
    progress = Progress(run)
    try:
        with _without_gc():
            problems = Problems()
            data = _read(run, problems, progress)
            if problems:
                _refuse(run, problems)
                return ImportRun.Status.REFUSED
            return work(run, data, problems, progress)
    except Exception as error:  # noqa: BLE001 - any transaction rolled back: nothing was written
        _finish(run, ImportRun.Status.FAILED, message=_failure(error))
        return ImportRun.Status.FAILED
    finally:
        run_path(run, "preview-again.jsonl").unlink(missing_ok=True)
        progress.finish()


@task()
def check_import(run_id: int) -> str:
    """Check an uploaded return and store its preview, or refuse it with its problems."""
    return _step(run_id, ImportRun.Status.CHECKING, _check)


def _check(run: ImportRun, data: Any, problems: Problems, progress: Progress) -> str:
    progress.start("Comparing with the records", _planned_rows(data))
    with _preview_writer(run, "preview.jsonl") as emit:
        planner = Planner(data, problems, emit=emit, tick=progress)
        counts = planner.plan()
    if problems:
        _refuse(run, problems)
        return ImportRun.Status.REFUSED
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.CHECKED, checked_at=timezone.now(), counts=_counts(counts, data),
        plan_digest=planner.digest.hexdigest(), rows_done=data.rows_read, error_count=0,
    )
    return ImportRun.Status.CHECKED


def _counts(counts: Any, data: Any) -> dict[str, Any]:
    found = dict(vars(counts))
    found["rows"] = data.rows_read
    found["skipped"] = [f"{file} ({table})" for file, table in data.skipped]
    return found


def _failure(error: Exception) -> str:
    logger.exception("SSDA903 import failed")
    return f"The import stopped with an unexpected error ({type(error).__name__}). Nothing was saved."


class _Changed(Exception):
    """The import would now do something other than the preview showed: roll back."""


@task()
def import_return(run_id: int) -> str:
    """Write a confirmed return in one transaction: all of it, or nothing."""
    return _step(run_id, ImportRun.Status.CONFIRMED, _import)


def _import(run: ImportRun, data: Any, problems: Problems, progress: Progress) -> str:
    progress.start("Saving", _planned_rows(data))
    try:
        with transaction.atomic(), _preview_writer(run, "preview-again.jsonl") as emit:
            planner = Planner(data, problems, emit=emit, apply=True, run=run, acting_user=run.confirmed_by, tick=progress)
            counts = planner.plan()
            if problems or planner.digest.hexdigest() != run.plan_digest:
                raise _Changed
            record_event(actor=run.confirmed_by, action="ssda903.import_run", obj=run, summary=_run_summary(run, counts))
            # Marked imported in the same transaction as the rows, so the two cannot disagree.
            _finish(run, ImportRun.Status.IMPORTED, counts=_counts(counts, data), rows_done=data.rows_read, message="")
            ids = planner.changed_ids
            transaction.on_commit(lambda: _queue_recompute(ids))
    except _Changed:
        if problems:
            _refuse(run, problems)
            return ImportRun.Status.REFUSED
        os.replace(run_path(run, "preview-again.jsonl"), run_path(run, "preview.jsonl"))
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.CHECKED, counts=_counts(counts, data), plan_digest=planner.digest.hexdigest(),
            message="The records changed after these files were checked, so nothing was imported. "
                    "This is what importing them would do now: confirm again to import.",
            version=F("version") + 1, confirmed_by=None, confirmed_at=None,
        )
        return ImportRun.Status.CHECKED
    return ImportRun.Status.IMPORTED


def _run_summary(run: ImportRun, counts: Any) -> str:
    return (
        f"Imported the SSDA903 return for {run.year_label}: young people {counts.people_new} added, "
        f"{counts.people_changed} changed; care episodes {counts.episodes_new} added, {counts.episodes_changed} changed"
    )


def _queue_recompute(ids: list[int]) -> None:
    for i in range(0, len(ids), RECOMPUTE_CHUNK):
        recompute_imported.enqueue(ids[i : i + RECOMPUTE_CHUNK])


@task()
def recompute_imported(young_person_ids: list[int]) -> int:
    """Recompute the status timelines and duties of young people an import changed."""
    from duties.recompute import recompute_people

    return recompute_people(young_person_ids, with_status=True)
