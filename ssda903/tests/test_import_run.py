"""Checking, previewing and importing a return against the record (issue 5 §1)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from conftest import make_young_person
from people.models import CareEpisode, StatusSpan, YoungPerson
from ssda903 import importing_run, spec
from ssda903.models import ChildReturn, ImportRun
from ssda903.tests import test_import_data as data


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"


def _files(**tables: str | None) -> list[SimpleUploadedFile]:
    found = {"header": data.HEADER, "episodes": data.EPISODES, "uasc": data.UASC, "oc3": data.OC3}
    found.update(tables)
    return [SimpleUploadedFile(f"{name}.csv", text.encode()) for name, text in found.items() if text is not None]


def check(user, files, capture, year: int = 2026, team=None) -> ImportRun:
    with capture(execute=True):
        run = importing_run.start_import(acting_user=user, files=files, collection_year=year, team=team)
    run.refresh_from_db()
    return run


def confirm(user, run: ImportRun, capture) -> ImportRun:
    with capture(execute=True):
        importing_run.confirm_import(run, acting_user=user, expected_version=run.version)
    run.refresh_from_db()
    return run


def _rows() -> tuple[int, int, int, int]:
    return (YoungPerson.objects.count(), CareEpisode.objects.count(), ChildReturn.objects.count(),
            AuditEvent.objects.filter(action="ssda903.import_return").count())


COUNTS_FIRST_IMPORT = {
    "people_new": 3, "people_changed": 0, "people_unchanged": 0,
    "episodes_new": 3, "episodes_changed": 0, "episodes_unchanged": 0,
    "returns_new": 3, "returns_changed": 0, "returns_unchanged": 0,
    "children_with_changes": 3,
}


def test_a_first_import_previews_three_new_people_and_writes_nothing_until_confirmed(
    admin_user, north, django_capture_on_commit_callbacks
):
    run = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    assert run.status == ImportRun.Status.CHECKED
    assert {k: run.counts[k] for k in COUNTS_FIRST_IMPORT} == COUNTS_FIRST_IMPORT
    assert run.counts["rows"] == 3 + 3 + 1 + 1  # Header, Episodes, UASC, OC3
    assert _rows() == (0, 0, 0, 0)
    preview = importing_run.preview_page(run, 0, 50)
    assert [e["child"] for e in preview] == ["A1001", "A1002", "A1003"]
    assert preview[0]["episodes"] == {"new": ["10/09/2019", "01/05/2025"], "changed": {}}


def test_confirming_writes_people_episodes_and_return_details_with_an_audit_event_each(
    admin_user, north, django_capture_on_commit_callbacks
):
    run = confirm(admin_user, check(admin_user, _files(), django_capture_on_commit_callbacks, team=north),
                  django_capture_on_commit_callbacks)
    assert run.status == ImportRun.Status.IMPORTED, run.message
    assert _rows() == (3, 3, 3, 3)
    a1001 = YoungPerson.objects.get(child_id="A1001")
    assert (a1001.given_name, a1001.family_name, a1001.team, a1001.sex, a1001.date_of_birth, a1001.upn) == (
        "Child", "A1001", north, "F", dt.date(2007, 6, 14), "A123456789012")
    first, second = a1001.episodes.order_by("start")
    assert (first.start, first.end, first.reason_ended, first.placement, second.urn) == (
        dt.date(2019, 9, 10), dt.date(2025, 5, 1), "X1", "U4", "SC123456")
    a1002 = YoungPerson.objects.get(child_id="A1002")
    assert (a1002.uasc, a1002.uasc_ceased_on) == (True, dt.date(2024, 2, 2))
    returned = ChildReturn.objects.get(young_person=a1002, collection_year=2026)
    assert (returned.oc3_returned, returned.in_touch, returned.activity, returned.accommodation) == (True, "YES", "F2", "U1")
    assert ChildReturn.objects.get(young_person=a1001).mother == "0"
    event = AuditEvent.objects.get(action="ssda903.import_return", young_person=a1001)
    assert event.actor == admin_user
    assert "added to the register" in event.summary and "added 2 care episodes" in event.summary
    # Status timelines were recomputed through the task queue (immediate backend in tests).
    assert StatusSpan.objects.filter(young_person=a1001).exists()
    assert AuditEvent.objects.filter(action="ssda903.import_run", young_person=None, object_id=str(run.pk)).exists()


def test_importing_the_same_files_again_finds_everything_unchanged_and_writes_nothing(
    admin_user, north, django_capture_on_commit_callbacks
):
    confirm(admin_user, check(admin_user, _files(), django_capture_on_commit_callbacks, team=north),
            django_capture_on_commit_callbacks)
    before = _rows()
    versions = list(CareEpisode.objects.order_by("pk").values_list("version", flat=True))
    again = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    assert again.counts["people_unchanged"] == 3 and again.counts["episodes_unchanged"] == 3
    assert again.counts["returns_unchanged"] == 3 and again.counts["children_with_changes"] == 0
    again = confirm(admin_user, again, django_capture_on_commit_callbacks)
    assert again.status == ImportRun.Status.IMPORTED
    assert _rows() == before
    assert list(CareEpisode.objects.order_by("pk").values_list("version", flat=True)) == versions


def test_preview_names_each_changed_field_of_a_young_person_and_episode_already_recorded(
    admin_user, north, django_capture_on_commit_callbacks
):
    recorded = make_young_person(
        child_id="A1003", given_name="Kai", family_name="Recorded", date_of_birth=dt.date(2010, 10, 20), sex="M",
        ethnicity="WBRI", episodes=[{"start": dt.date(2024, 3, 3), "legal_status": "C2", "placement": "U6",
                                     "category_of_need": "N4", "placement_provider": "PR1",
                                     "home_postcode": "NE1 4", "placement_postcode": "NE2 7"}],
    )
    run = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    assert run.counts["people_new"] == 2 and run.counts["people_changed"] == 1
    assert run.counts["episodes_new"] == 2 and run.counts["episodes_changed"] == 1
    entry = next(e for e in importing_run.preview_page(run, 0, 50) if e["child"] == "A1003")
    assert entry["changes"] == {"ethnicity": ["WBRI", "MWBC"]}
    assert entry["episodes"]["changed"] == {"03/03/2024": {"legal_status": ["C2", "V2"]}}
    confirm(admin_user, run, django_capture_on_commit_callbacks)
    recorded.refresh_from_db()
    assert (recorded.given_name, recorded.ethnicity, recorded.version) == ("Kai", "MWBC", 2)
    assert recorded.episodes.get().legal_status == "V2"


def test_a_file_with_one_bad_row_is_refused_whole_and_writes_nothing(
    admin_user, north, django_capture_on_commit_callbacks
):
    episodes = data.EPISODES.replace("A1003,03/03/2024,S,V2", "A1003,03/03/2024,S,Q7")
    before = _rows()
    run = check(admin_user, _files(episodes=episodes), django_capture_on_commit_callbacks, team=north)
    assert run.status == ImportRun.Status.REFUSED
    assert run.error_count == 1
    assert _rows() == before
    with importing_run.problems_path(run).open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["File", "Row", "Field", "Value", "Problem"],
        ["episodes.csv", "line 4", "LS", "Q7",
         "Legal status must be one of C1, C2, D1, E1, J1, J2, J3, L1, L2, L3, V2, V3, V4"],
    ]


def test_an_episode_overlapping_one_already_recorded_is_refused_naming_both(
    admin_user, north, django_capture_on_commit_callbacks
):
    make_young_person(child_id="A1003", date_of_birth=dt.date(2010, 10, 20), sex="M", ethnicity="MWBC",
                      episodes=[{"start": dt.date(2023, 1, 5), "end": dt.date(2024, 6, 1), "reason_ended": "E4A"}])
    before = _rows()
    run = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    assert run.status == ImportRun.Status.REFUSED
    assert importing_run.problem_page(run, 0, 10) == [[
        "episodes.csv", "line 4", "DECOM", "03/03/2024",
        "This episode overlaps the episode starting 05/01/2023 (already on the record): episodes must not overlap",
    ]]
    assert _rows() == before


def test_records_changed_between_check_and_confirm_import_nothing_and_show_the_new_preview(
    admin_user, north, django_capture_on_commit_callbacks
):
    run = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    make_young_person(child_id="A1002", date_of_birth=dt.date(2006, 2, 2), sex="M", ethnicity="BAFR")
    before = _rows()
    run = confirm(admin_user, run, django_capture_on_commit_callbacks)
    assert run.status == ImportRun.Status.CHECKED
    assert "changed after these files were checked" in run.message
    assert run.counts["people_new"] == 2 and run.counts["people_changed"] == 1
    assert _rows() == before
    run = confirm(admin_user, run, django_capture_on_commit_callbacks)
    assert run.status == ImportRun.Status.IMPORTED


def test_an_older_years_return_does_not_undo_a_newer_one(admin_user, north, django_capture_on_commit_callbacks):
    """The 2026-27 return closed A1003's episode; the 2025-26 one (imported later) had it open."""
    newer_header = data.HEADER.replace("A1003,M,20/10/2010,MWBC", "A1003,M,20/10/2010,MOTH")
    newer_episodes = ("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                      "A1003,03/03/2024,S,V2,N4,U6,PR1,01/09/2026,E4A,,NE1 4,NE2 7,\n")
    confirm(admin_user, check(admin_user, _files(header=newer_header, episodes=newer_episodes, uasc=None, oc3=None),
                              django_capture_on_commit_callbacks, year=2027, team=north),
            django_capture_on_commit_callbacks)
    older = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    entry = next(e for e in importing_run.preview_page(older, 0, 50) if e["child"] == "A1003")
    assert entry["person"] == "unchanged" and "episodes" not in entry
    confirm(admin_user, older, django_capture_on_commit_callbacks)
    a1003 = YoungPerson.objects.get(child_id="A1003")
    assert a1003.ethnicity == "MOTH"
    assert a1003.episodes.get().end == dt.date(2026, 9, 1)
    assert set(a1003.ssda903_returns.values_list("collection_year", flat=True)) == {2026, 2027}


def test_what_is_stored_gives_back_the_files_imported(admin_user, north, django_capture_on_commit_callbacks):
    """Every value of every imported table is kept where spec.STORED_AS says (so an export can round-trip)."""
    confirm(admin_user, check(admin_user, _files(), django_capture_on_commit_callbacks, team=north),
            django_capture_on_commit_callbacks)

    def stored(table: spec.Table, person: YoungPerson, episode: CareEpisode | None = None) -> list[str]:
        returned = ChildReturn.objects.get(young_person=person, collection_year=2026)
        sources = {"people.YoungPerson": person, "people.CareEpisode": episode, "ssda903.ChildReturn": returned}
        cells = []
        for f in table.fields:
            model, _, name = spec.STORED_AS[table.name][f.name].rpartition(".")
            # "people.CareEpisode.young_person.child_id" is the one path through a relation.
            value = getattr(sources[model], name) if model in sources else person.child_id
            cells.append(spec.format_date(value) if isinstance(value, dt.date) else value or "")
        return cells

    people = YoungPerson.objects.order_by("child_id")
    written = {
        "Header": [stored(spec.HEADER, p) for p in people],
        "Episodes": [stored(spec.EPISODES, e.young_person, e) for e in CareEpisode.objects.order_by("young_person__child_id", "start")],
        "UASC": [stored(spec.UASC, p) for p in people if p.uasc],
        "OC3": [stored(spec.OC3, p) for p in people if p.ssda903_returns.get().oc3_returned],
    }
    for table, text in (("Header", data.HEADER), ("Episodes", data.EPISODES), ("UASC", data.UASC), ("OC3", data.OC3)):
        assert written[table] == list(csv.reader(io.StringIO(text)))[1:], table


def test_a_failure_part_way_through_the_write_leaves_nothing_written(
    admin_user, north, django_capture_on_commit_callbacks, monkeypatch
):
    from ssda903 import importing_plan

    run = check(admin_user, _files(), django_capture_on_commit_callbacks, team=north)
    real_insert = importing_plan.insert_rows
    calls = []

    def insert_then_fail(model, rows):  # noqa: ANN001
        calls.append(model)
        if len(calls) == 3:  # people and episodes are in; the return details fail
            raise RuntimeError("disk full")
        real_insert(model, rows)

    monkeypatch.setattr(importing_plan, "insert_rows", insert_then_fail)
    run = confirm(admin_user, run, django_capture_on_commit_callbacks)
    assert run.status == ImportRun.Status.FAILED
    assert run.message == "The import stopped with an unexpected error (RuntimeError). Nothing was saved."
    assert calls[:2] == [YoungPerson, CareEpisode]
    assert _rows() == (0, 0, 0, 0)
