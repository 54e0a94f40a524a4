"""The import pages: who may use them, and the journey from upload to imported (issue 5 §1)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import client_for
from people.models import CareEpisode, YoungPerson
from ssda903.models import ImportRun
from ssda903.tests import test_import_data as data


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "documents"


def _upload(*names_and_texts: tuple[str, str | bytes]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(name, text if isinstance(text, bytes) else text.encode())
            for name, text in names_and_texts]


def _return_files(episodes: str = data.EPISODES) -> list[SimpleUploadedFile]:
    return _upload(("Header.csv", data.HEADER), ("Episodes.csv", episodes), ("UASC.csv", data.UASC),
                   ("OC3.csv", data.OC3))


def _post_upload(client, north, files, capture):
    with capture(execute=True):
        return client.post(reverse("ssda903:import-new"),
                           {"collection_year": "2026", "team": north.pk, "files": files})


def _a_run(admin_user, north, status=ImportRun.Status.CHECKED) -> ImportRun:
    return ImportRun.objects.create(key=f"k{status}", collection_year=2026, file_format="csv", team=north,
                                    uploaded_by=admin_user, status=status, counts={"children_with_changes": 1})


@pytest.mark.parametrize("persona", ["pa", "manager", "head", "auditor", "outsider"])
def test_only_administrators_can_use_the_import_pages(request, persona, admin_user, north):
    user = request.getfixturevalue(persona)
    run = _a_run(admin_user, north)
    client = client_for(user)
    for name, args in (("import-list", ()), ("import-new", ()), ("import-run", (run.pk,)),
                       ("import-problems-csv", (run.pk,))):
        assert client.get(reverse(f"ssda903:{name}", args=args)).status_code == 403, name
    response = client.post(reverse("ssda903:import-new"), {"collection_year": "2026", "team": north.pk,
                                                            "files": _return_files()})
    assert response.status_code == 403
    assert client.post(reverse("ssda903:import-confirm", args=[run.pk]), {"version": run.version}).status_code == 403
    assert ImportRun.objects.count() == 1
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED


def test_someone_signed_out_is_sent_to_sign_in(client, admin_user, north):
    response = client.get(reverse("ssda903:import-new"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_an_administrator_uploads_sees_the_preview_confirms_and_sees_what_was_imported(
    admin_user, north, django_capture_on_commit_callbacks
):
    client = client_for(admin_user)
    assert "Import files" in client.get(reverse("ssda903:import-list")).content.decode()
    form = client.get(reverse("ssda903:import-new")).content.decode()
    assert 'multiple' in form and "2025 to 2026" in form and "2026 to 2027" in form
    response = _post_upload(client, north, _return_files(), django_capture_on_commit_callbacks)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ssda903:import-run", args=[run.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Check what the import will change" in page
    assert "New to the register" in page and "Import these changes" in page
    assert YoungPerson.objects.count() == 0
    run.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("ssda903:import-confirm", args=[run.pk]), {"version": run.version})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Return imported" in page
    assert (YoungPerson.objects.count(), CareEpisode.objects.count()) == (3, 3)


def test_confirming_twice_imports_once_and_says_why_the_second_is_refused(
    admin_user, north, django_capture_on_commit_callbacks
):
    client = client_for(admin_user)
    _post_upload(client, north, _return_files(), django_capture_on_commit_callbacks)
    run = ImportRun.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ssda903:import-confirm", args=[run.pk]), {"version": run.version})
        again = client.post(reverse("ssda903:import-confirm", args=[run.pk]), {"version": run.version})
    assert again.status_code == 200
    assert "This import has already been confirmed" in again.content.decode()
    assert YoungPerson.objects.count() == 3


def test_a_refused_return_lists_each_problem_and_offers_them_as_csv(
    admin_user, north, django_capture_on_commit_callbacks
):
    client = client_for(admin_user)
    episodes = data.EPISODES.replace("A1003,03/03/2024", "A1003,33/03/2024")
    response = _post_upload(client, north, _return_files(episodes), django_capture_on_commit_callbacks)
    page = client.get(response["Location"]).content.decode()
    assert "The files cannot be imported" in page and "Nothing has been saved" in page
    for cell in ("Episodes.csv", "line 4", "DECOM", "33/03/2024", "Start date must be a real date"):
        assert f'<td class="govuk-table__cell">{cell}</td>' in page
    assert "Download these errors as CSV" in page
    run = ImportRun.objects.get()
    download = client.get(reverse("ssda903:import-problems-csv", args=[run.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).decode("utf-8-sig").splitlines() == [
        "File,Row,Field,Value,Problem", "Episodes.csv,line 4,DECOM,33/03/2024,Start date must be a real date",
    ]
    assert YoungPerson.objects.count() == 0


def test_the_same_return_in_xml_imports_the_same_records(admin_user, north, django_capture_on_commit_callbacks):
    client = client_for(admin_user)
    response = _post_upload(client, north, _upload(("return.xml", data.as_xml())), django_capture_on_commit_callbacks)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.CHECKED, client.get(response["Location"]).content.decode()
    assert (run.counts["people_new"], run.counts["episodes_new"], run.counts["returns_new"]) == (3, 3, 3)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "Select the return’s files"),
        (_upload(("notes.txt", "hello")), "notes.txt must be a CSV or XML file"),
        (_upload(("Header.csv", data.HEADER), ("return.xml", b"<EXPSSDA903/>")),
         "Select either CSV files or one XML file, not both"),
        (_upload(("a.xml", b"<EXPSSDA903/>"), ("b.xml", b"<EXPSSDA903/>")), "Select one XML file: it holds every table"),
    ],
)
def test_the_upload_form_says_what_is_wrong_with_the_files(admin_user, north, files, message):
    response = client_for(admin_user).post(reverse("ssda903:import-new"),
                                           {"collection_year": "2026", "team": north.pk, "files": files})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_the_upload_form_names_the_year_and_team_when_missing(admin_user):
    page = client_for(admin_user).post(reverse("ssda903:import-new"), {}).content.decode()
    assert "Select the collection year" in page and "Select the team for young people new to the register" in page


def test_while_working_the_page_shows_progress_and_refreshes_itself(admin_user, north):
    run = _a_run(admin_user, north, ImportRun.Status.CONFIRMED)
    from ssda903.importing_run import Progress

    progress = Progress(run)
    progress.start("Saving", 2000)
    progress.last = 0
    progress(500)
    page = client_for(admin_user).get(reverse("ssda903:import-run", args=[run.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "Saving: 500 of 2,000 rows (25%)" in page
