"""Export, import into an empty database, export again: the same bytes (issue 5 §4).

The second export has only what the files carried: the Header's people, the year's episodes,
and the return's OC3, MOTHER and MC_DOB kept by the import (ssda903.ChildReturn), which the
derivation uses as the year's return (ssda903/derive.py). So identical files show that export
and import lose nothing and reorder nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError

from accounts.models import Team, User
from circumstances.models import Declaration
from compliance.ssda903 import CollectionYear
from people.models import CareEpisode, YoungPerson
from ssda903 import importing_run
from ssda903.derive import derive_return
from ssda903.export import return_files
from ssda903.models import ImportRun, ReturnOverride
from ssda903.tests.return_cases import YEAR_END, care_leaver, visit

YEAR = CollectionYear(YEAR_END)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path) -> None:  # noqa: ANN001
    settings.MEDIA_ROOT = tmp_path / "documents"


@pytest.fixture
def council(pa, admin_user):  # noqa: ANN001, ANN201
    """A varied cohort with no value left to fix (a return with gaps is refused by the import)."""
    left_in_year = care_leaver(pa, child_id="A100", dob=dt.date(2008, 1, 20), left=dt.date(2025, 6, 30), uasc=True,
                               upn="A123456789012", contact_on=dt.date(2026, 1, 5), accommodation="S")
    ReturnOverride.objects.create(young_person=left_in_year, collection_year=YEAR_END, field="MOTHER", value="1",
                                  reason="Her son was born in May 2025", recorded_by=pa)
    ReturnOverride.objects.create(young_person=left_in_year, collection_year=YEAR_END, field="MC_DOB",
                                  value="14/05/2025", reason="Birth certificate seen", recorded_by=pa)
    care_leaver(pa, child_id="B200", sex="M", contact_on=None)  # not in touch: NO, 0, 0
    care_leaver(pa, child_id="C300", dob=dt.date(2008, 2, 29), left=dt.date(2025, 6, 1), activity="G6",
                contact_on=dt.date(2026, 2, 1),
                accommodation="Z")  # 18 on 28 February 2026
    refused = care_leaver(pa, child_id="D400", dob=dt.date(2006, 11, 3), left=dt.date(2024, 8, 1))
    ReturnOverride.objects.create(young_person=refused, collection_year=YEAR_END, field="IN_TOUCH", value="REFU",
                                  reason="Said on 1 November she wants no contact", recorded_by=pa)
    older = care_leaver(pa, child_id="E500", dob=dt.date(2002, 7, 7), left=dt.date(2020, 7, 7), contact_on=None)
    Declaration.objects.create(young_person=older, kind="support_requested", told_on=dt.date(2025, 5, 1),
                               recorded_by=pa)
    visit(older, pa, dt.date(2026, 2, 2))
    # Looked after again from February 2026 to June 2026: still open on 31 March in this year's file.
    back = care_leaver(pa, child_id="F600", dob=dt.date(2006, 5, 5), left=dt.date(2023, 9, 1),
                       contact_on=dt.date(2025, 5, 1))
    CareEpisode.objects.create(young_person=back, start=dt.date(2026, 2, 10), end=dt.date(2026, 6, 1),
                               reason_new="S", legal_status="V2", category_of_need="N4", placement="K2",
                               reason_ended="E8", home_postcode="LC1 1AA", placement_postcode="LC3 3CC", urn="SC1")
    return admin_user


def empty_database() -> None:
    """Every row that belongs to a young person, then the young people: staff and teams stay."""
    kept = {"accounts", "auth", "contenttypes", "sessions", "admin", "django_tasks_database"}
    models = [m for m in apps.get_models() if m._meta.app_label not in kept]
    for _ in range(len(models)):
        left = []
        for model in models:
            try:
                model.objects.all().delete()
            except ProtectedError:
                left.append(model)
        models = left
        if not models:
            break
    assert not YoungPerson.objects.exists() and not CareEpisode.objects.exists()


def import_files(files: dict[str, bytes], admin_user, capture) -> ImportRun:  # noqa: ANN001
    uploads = [SimpleUploadedFile(name, content) for name, content in files.items()]
    team = Team.objects.get(name="North")
    with capture(execute=True):
        run = importing_run.start_import(acting_user=admin_user, files=uploads, collection_year=YEAR_END, team=team)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED, (run.status, run.message, importing_run.problem_page(run, 0, 20))
    with capture(execute=True):
        importing_run.confirm_import(run, acting_user=User.objects.get(pk=admin_user.pk), expected_version=run.version)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.IMPORTED, run.message
    return run


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xml"])
def test_export_import_into_an_empty_database_and_export_again_gives_identical_files(
    council, file_format: str, django_capture_on_commit_callbacks  # noqa: ANN001
) -> None:
    first = return_files(derive_return(YEAR))
    assert first.children == ["A100", "B200", "C300", "D400", "E500", "F600"]
    assert {r["CHILD"]: r["IN_TOUCH"] for r in first.tables["OC3"]} == {
        "A100": "YES", "B200": "NO", "C300": "YES", "D400": "REFU", "E500": "YES", "F600": "YES"}
    assert [r["DEC"] for r in first.tables["Episodes"] if r["CHILD"] == "F600"] == [""]
    exported = first.files(file_format)
    empty_database()
    import_files(exported, council, django_capture_on_commit_callbacks)
    assert YoungPerson.objects.count() == 6
    again = return_files(derive_return(YEAR))
    assert again.files(file_format) == exported
    assert again.digest(file_format) == first.digest(file_format)
