"""Workers' absences and vacant posts: the checks with their messages, the audit trail,
who may see and change them, and the team's list. Today is Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEvent
from conftest import UserFactory, client_for
from oversight import staffing_actions as actions
from oversight.staffing_models import Vacancy, WorkerAbsence

pytestmark = pytest.mark.django_db
D = dt.date


def _absence(worker, by, **fields) -> WorkerAbsence:
    fields = {"kind": "annual_leave", "starts_on": D(2026, 12, 1), "ends_on": D(2026, 12, 5), **fields}
    return actions.record_absence(acting_user=by, worker=worker, **fields)


def _vacancy(team, by, **fields) -> Vacancy:
    fields = {"role": "personal_adviser", "fte": Decimal("1"), "open_on": D(2026, 11, 1), **fields}
    return actions.record_vacancy(acting_user=by, team=team, **fields)


def _refusal(call) -> dict[str, list[str]]:  # noqa: ANN001
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.message_dict


def _form_data(**fields) -> dict[str, str]:
    """POST data with dates split into the GOV.UK day, month and year boxes."""
    data = {}
    for name, value in fields.items():
        if isinstance(value, dt.date):
            data.update({f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year})
        elif value is not None:
            data[name] = value
    return data


# -- absences: checks, audit, versions ------------------------------------------------------


def test_recording_an_absence_saves_it_and_leaves_an_audit_event(manager, pa, other_pa):
    absence = _absence(pa, manager, cover_worker=other_pa, note="Booked in August")
    assert absence.covers(D(2026, 12, 1)) and absence.covers(D(2026, 12, 5))  # the last day is inclusive
    assert not absence.covers(D(2026, 11, 30)) and not absence.covers(D(2026, 12, 6))
    event = AuditEvent.objects.get(action="oversight.record_absence")
    assert event.actor == manager and event.young_person is None and event.object_id == str(absence.pk)
    assert event.summary == "Recorded Priya Adviser's annual leave from 1 December 2026 to 5 December 2026"
    assert event.changes["cover_worker"] == [None, other_pa.pk] and event.changes["worker"] == [None, pa.pk]


def test_the_last_day_cannot_be_before_the_first(manager, pa):
    errors = _refusal(lambda: _absence(pa, manager, ends_on=D(2026, 11, 30)))
    assert errors == {"ends_on": ["Last day of absence must be on or after the first day, 1 December 2026"]}
    assert not WorkerAbsence.objects.exists() and not AuditEvent.objects.exists()


def test_a_one_day_absence_is_allowed(manager, pa):
    absence = _absence(pa, manager, kind="training", starts_on=D(2026, 12, 3), ends_on=D(2026, 12, 3))
    assert AuditEvent.objects.get().summary == "Recorded Priya Adviser's training on 3 December 2026"
    assert absence.covers(D(2026, 12, 3))


def test_the_cover_must_be_someone_else_who_carries_a_caseload(manager, pa):
    assert _refusal(lambda: _absence(pa, manager, cover_worker=pa)) == {
        "cover_worker": ["Select someone other than Priya Adviser to cover their young people"]}
    assert _refusal(lambda: _absence(pa, manager, cover_worker=manager)) == {
        "cover_worker": ["Select a personal adviser or social worker who is in post to cover"]}
    gone = UserFactory(username="gone", role=Role.PERSONAL_ADVISER, is_active=False)
    assert _refusal(lambda: _absence(pa, manager, cover_worker=gone)) == {
        "cover_worker": ["Select a personal adviser or social worker who is in post to cover"]}
    assert not WorkerAbsence.objects.exists()


def test_only_caseload_carrying_workers_have_absences_recorded_here(head, manager):
    assert _refusal(lambda: _absence(manager, head)) == {
        "worker": ["Select a personal adviser or social worker who is in post"]}


def test_one_workers_absences_must_not_overlap_and_the_message_names_the_clash(manager, pa, other_pa):
    _absence(pa, manager)  # 1 to 5 December
    assert _refusal(lambda: _absence(pa, manager, kind="sickness", starts_on=D(2026, 12, 5), ends_on=None)) == {
        "starts_on": ["These dates overlap Priya Adviser's annual leave from 1 December 2026 to 5 December 2026"]}
    # The next day, and another worker on the same days, are fine.
    _absence(pa, manager, kind="training", starts_on=D(2026, 12, 6), ends_on=D(2026, 12, 6))
    _absence(other_pa, manager)
    assert WorkerAbsence.objects.count() == 3


def test_an_open_ended_absence_clashes_with_anything_after_it(manager, pa):
    _absence(pa, manager, kind="sickness", starts_on=D(2026, 11, 20), ends_on=None)
    assert _refusal(lambda: _absence(pa, manager, starts_on=D(2027, 3, 1), ends_on=D(2027, 3, 2))) == {
        "starts_on": ["These dates overlap Priya Adviser's sickness from 20 November 2026 with no end date"]}


def test_a_withdrawn_absence_no_longer_clashes_and_cannot_be_changed(manager, pa):
    absence = _absence(pa, manager)
    withdrawn = actions.withdraw_absence(absence, acting_user=manager, expected_version=1)
    assert withdrawn.withdrawn and withdrawn.version == 2
    assert AuditEvent.objects.filter(action="oversight.withdraw_absence").get().summary == (
        "Withdrew Priya Adviser's annual leave from 1 December 2026 to 5 December 2026")
    _absence(pa, manager, kind="sickness")  # the same days, now free
    refused = _refusal(lambda: actions.change_absence(withdrawn, acting_user=manager, expected_version=2, note="x"))
    assert refused == {"__all__": ["This absence has been withdrawn, so it cannot be changed"]}


def test_changing_an_absence_checks_its_own_dates_but_not_against_itself(manager, pa, other_pa):
    absence = _absence(pa, manager)
    changed = actions.change_absence(absence, acting_user=manager, expected_version=1,
                                     ends_on=D(2026, 12, 8), cover_worker=other_pa)
    assert changed.version == 2 and changed.ends_on == D(2026, 12, 8)
    event = AuditEvent.objects.get(action="oversight.change_absence")
    assert event.summary.startswith("Changed last day of absence and cover worker of Priya Adviser's annual leave")
    assert event.changes == {"ends_on": ["2026-12-05", "2026-12-08"], "cover_worker": [None, other_pa.pk]}


def test_an_absence_can_be_corrected_after_its_worker_or_cover_has_left(manager, pa, other_pa):
    absence = _absence(pa, manager, starts_on=D(2026, 11, 2), ends_on=D(2026, 11, 6), cover_worker=other_pa)
    type(pa).objects.filter(pk__in=[pa.pk, other_pa.pk]).update(is_active=False)
    changed = actions.change_absence(absence, acting_user=manager, expected_version=1, ends_on=D(2026, 11, 5))
    assert changed.ends_on == D(2026, 11, 5)
    # Choosing someone who has left is still refused.
    newcomer = UserFactory(username="newcomer", role=Role.PERSONAL_ADVISER, is_active=False)
    assert _refusal(lambda: actions.change_absence(changed, acting_user=manager, expected_version=2,
                                                   cover_worker=newcomer)) == {
        "cover_worker": ["Select a personal adviser or social worker who is in post to cover"]}


def test_a_change_made_from_a_stale_copy_is_refused(manager, pa):
    absence = _absence(pa, manager)
    actions.change_absence(absence, acting_user=manager, expected_version=1, note="First")
    with pytest.raises(actions.StaleEdit):
        actions.change_absence(absence, acting_user=manager, expected_version=1, note="Second")
    assert WorkerAbsence.objects.get().note == "First"


def test_a_manager_cannot_record_another_teams_absence_even_bypassing_the_page(other_manager, pa):
    with pytest.raises(PermissionDenied):
        _absence(pa, other_manager)
    assert not WorkerAbsence.objects.exists()


# -- vacancies ------------------------------------------------------------------------------


def test_a_vacancy_is_vacant_until_the_day_before_it_is_filled(manager, north):
    vacancy = _vacancy(north, manager, fte=Decimal("0.6"))
    assert AuditEvent.objects.get().summary == (
        "Recorded the personal adviser post (0.6 full-time equivalent) in North, vacant from 1 November 2026")
    filled = actions.fill_vacancy(vacancy, acting_user=manager, expected_version=1, filled_on=D(2026, 12, 1))
    assert filled.version == 2
    assert list(Vacancy.objects.vacant_on(D(2026, 11, 30))) == [filled]
    assert not Vacancy.objects.vacant_on(D(2026, 12, 1)).exists()
    assert AuditEvent.objects.filter(action="oversight.fill_vacancy").get().changes == {"filled_on": [None, "2026-12-01"]}


def test_vacancy_checks_name_the_field(manager, north):
    for fte in (Decimal("0"), Decimal("1.5")):
        assert _refusal(lambda fte=fte: _vacancy(north, manager, fte=fte)) == {
            "fte": ["Full-time equivalent must be more than 0 and no more than 1"]}
    vacancy = _vacancy(north, manager)
    assert _refusal(lambda: actions.fill_vacancy(vacancy, acting_user=manager, expected_version=1,
                                                 filled_on=D(2026, 11, 1))) == {
        "filled_on": ["Date the post is filled must be after 1 November 2026, when it became vacant"]}
    actions.fill_vacancy(vacancy, acting_user=manager, expected_version=1, filled_on=D(2027, 1, 4))
    assert _refusal(lambda: actions.change_vacancy(vacancy, acting_user=manager, expected_version=2,
                                                   open_on=D(2027, 1, 4))) == {
        "open_on": ["Date the post is vacant from must be before 4 January 2027, when it was filled"]}


def test_a_manager_cannot_move_a_vacancy_to_another_team(manager, north, south):
    vacancy = _vacancy(north, manager)
    with pytest.raises(PermissionDenied):
        actions.change_vacancy(vacancy, acting_user=manager, expected_version=1, team=south)
    assert Vacancy.objects.get().team == north


def test_a_withdrawn_vacancy_is_not_vacant(manager, north):
    vacancy = _vacancy(north, manager)
    actions.withdraw_vacancy(vacancy, acting_user=manager, expected_version=1)
    assert not Vacancy.objects.vacant_on(D(2026, 11, 23)).exists()
    assert AuditEvent.objects.filter(action="oversight.withdraw_vacancy").count() == 1


# -- pages: who gets in ---------------------------------------------------------------------


@pytest.fixture
def north_absence(manager, pa) -> WorkerAbsence:
    return _absence(pa, manager)


@pytest.fixture
def north_vacancy(manager, north) -> Vacancy:
    return _vacancy(north, manager)


def _pages(absence: WorkerAbsence, vacancy: Vacancy) -> list[str]:
    return [
        reverse("oversight:absence-new"),
        reverse("oversight:absence-change", args=[absence.pk]),
        reverse("oversight:absence-withdraw", args=[absence.pk]),
        reverse("oversight:vacancy-new"),
        reverse("oversight:vacancy-change", args=[vacancy.pk]),
        reverse("oversight:vacancy-fill", args=[vacancy.pk]),
        reverse("oversight:vacancy-withdraw", args=[vacancy.pk]),
    ]


def test_workers_and_people_without_a_role_cannot_find_the_pages(pa, other_pa, outsider, north_absence, north_vacancy):
    for user in (pa, other_pa, outsider):
        client = client_for(user)
        for page in [reverse("oversight:staffing"), *_pages(north_absence, north_vacancy)]:
            assert client.get(page).status_code == 404, (user.username, page)
        assert client.post(reverse("oversight:absence-withdraw", args=[north_absence.pk]), {"version": 1}).status_code == 404
    assert client_for(None).get(reverse("oversight:staffing")).status_code == 302  # to sign in
    assert not WorkerAbsence.objects.filter(withdrawn=True).exists()


def test_an_auditor_sees_the_list_but_may_change_nothing(auditor, north_absence, north_vacancy):
    client = client_for(auditor)
    page = client.get(reverse("oversight:staffing")).content.decode()
    assert "Priya Adviser" in page and "Record an absence" not in page and "Withdraw" not in page
    for url in _pages(north_absence, north_vacancy):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("oversight:vacancy-withdraw", args=[north_vacancy.pk]), {"version": 1}).status_code == 403
    assert not Vacancy.objects.get().withdrawn


def test_another_teams_manager_cannot_reach_this_teams_records(other_manager, north_absence, north_vacancy):
    client = client_for(other_manager)
    for url in _pages(north_absence, north_vacancy)[1:3] + _pages(north_absence, north_vacancy)[4:]:
        assert client.get(url).status_code == 404, url
    page = client.get(reverse("oversight:staffing")).content.decode()
    assert "Priya Adviser" not in page and "No posts are vacant" in page


def test_a_manager_may_only_choose_their_own_teams_workers(manager, pa, south_pa):
    client = client_for(manager)
    form = client.get(reverse("oversight:absence-new")).content.decode()
    assert "Priya Adviser" in form and "Sian Adviser" not in form.split('name="cover_worker"')[0]
    response = client.post(reverse("oversight:absence-new"), _form_data(
        worker=south_pa.pk, kind="sickness", starts_on=D(2026, 11, 23)))
    assert "Select who is absent" in response.content.decode() and not WorkerAbsence.objects.exists()


@pytest.mark.parametrize("who", ["head", "admin_user"])
def test_heads_of_service_and_administrators_change_any_team(who, request, south_pa, south):
    user = request.getfixturevalue(who)
    client = client_for(user)
    response = client.post(reverse("oversight:absence-new"), _form_data(
        worker=south_pa.pk, kind="parental_leave", starts_on=D(2026, 12, 14)))
    assert response.status_code == 302 and WorkerAbsence.objects.get().worker == south_pa
    response = client.post(reverse("oversight:vacancy-new"), _form_data(
        team=south.pk, role="social_worker", fte="0.5", open_on=D(2026, 11, 23)))
    assert response.status_code == 302 and Vacancy.objects.get().team == south


# -- pages: forms ---------------------------------------------------------------------------


def test_an_empty_absence_form_names_every_missing_field(manager, pa):
    page = client_for(manager).post(reverse("oversight:absence-new"), {}).content.decode()
    assert "There is a problem" in page
    for message in ("Select who is absent", "Select the kind of absence", "Enter the first day of absence"):
        assert message in page


def test_recording_an_absence_through_the_page(manager, pa, other_pa):
    client = client_for(manager)
    response = client.post(reverse("oversight:absence-new") + "?from=caseloads", _form_data(
        worker=pa.pk, kind="sickness", starts_on=D(2026, 11, 23), cover_worker=other_pa.pk))
    assert response.status_code == 302 and response["Location"] == reverse("oversight:caseloads")
    absence = WorkerAbsence.objects.get()
    assert (absence.worker, absence.kind, absence.ends_on, absence.cover_worker) == (pa, "sickness", None, other_pa)
    assert absence.recorded_by == manager


def test_the_page_puts_the_actions_refusal_on_its_field(manager, pa):
    page = client_for(manager).post(reverse("oversight:absence-new"), _form_data(
        worker=pa.pk, kind="annual_leave", starts_on=D(2026, 12, 10), ends_on=D(2026, 12, 9), cover_worker=pa.pk,
    )).content.decode()
    # The form's own checks pass; the action refuses the first problem it finds, on its field.
    assert "Last day of absence must be on or after the first day, 10 December 2026" in page
    assert 'href="#id_ends_on_day"' in page and not WorkerAbsence.objects.exists()


def test_changing_an_absence_from_a_stale_page_keeps_the_other_change(manager, north_absence):
    client = client_for(manager)
    url = reverse("oversight:absence-change", args=[north_absence.pk])
    actions.change_absence(north_absence, acting_user=manager, expected_version=1, note="Changed meanwhile")
    page = client.post(url, _form_data(version=1, kind="training", starts_on=D(2026, 12, 1),
                                       ends_on=D(2026, 12, 5))).content.decode()
    assert "Someone else changed this record" in page
    assert WorkerAbsence.objects.get().kind == "annual_leave"


def test_withdrawing_through_the_page(manager, north_absence):
    client = client_for(manager)
    url = reverse("oversight:absence-withdraw", args=[north_absence.pk])
    assert "annual leave from 1 December 2026 to 5 December 2026." in client.get(url).content.decode()
    assert client.post(url, {"version": 1}).status_code == 302
    assert WorkerAbsence.objects.get().withdrawn
    assert client.get(url).status_code == 404  # nothing left to withdraw


def test_a_manager_records_a_vacancy_in_their_own_team_without_choosing_it(manager, north):
    client = client_for(manager)
    form = client.get(reverse("oversight:vacancy-new")).content.decode()
    assert 'name="team"' not in form
    page = client.post(reverse("oversight:vacancy-new"), _form_data(role="personal_adviser", fte="0.333",
                                                                   open_on=D(2026, 11, 1))).content.decode()
    assert "Full-time equivalent must have no more than 2 decimal places" in page
    page = client.post(reverse("oversight:vacancy-new"), _form_data(role="personal_adviser", fte="three",
                                                                   open_on=D(2026, 11, 1))).content.decode()
    assert "Full-time equivalent must be a number, like 1 or 0.6" in page
    page = client.post(reverse("oversight:vacancy-new"), _form_data(role="personal_adviser", fte="2",
                                                                   open_on=D(2026, 11, 1))).content.decode()
    assert "Full-time equivalent must be more than 0 and no more than 1" in page
    assert client.post(reverse("oversight:vacancy-new"), _form_data(
        role="personal_adviser", fte="0.8", open_on=D(2026, 11, 1))).status_code == 302
    assert Vacancy.objects.get().team == north and Vacancy.objects.get().fte == Decimal("0.8")


def test_changing_a_vacancy_through_the_page(manager, north_vacancy):
    client = client_for(manager)
    url = reverse("oversight:vacancy-change", args=[north_vacancy.pk])
    assert 'value="1"' in client.get(url).content.decode().split('name="fte"')[1][:80]
    response = client.post(url, _form_data(version=1, role="social_worker", fte="0.6", open_on=D(2026, 11, 1),
                                           note="Interviews on 3 December"))
    assert response.status_code == 302
    vacancy = Vacancy.objects.get()
    assert (vacancy.role, vacancy.fte, vacancy.note, vacancy.version) == ("social_worker", Decimal("0.6"),
                                                                        "Interviews on 3 December", 2)
    assert AuditEvent.objects.filter(action="oversight.change_vacancy").get().changes["fte"] == ["1", "0.6"]


def test_marking_a_vacancy_filled_through_the_page(manager, north_vacancy):
    client = client_for(manager)
    url = reverse("oversight:vacancy-fill", args=[north_vacancy.pk])
    page = client.post(url, _form_data(version=1, filled_on=D(2026, 10, 1))).content.decode()
    assert "Date the post is filled must be after 1 November 2026, when it became vacant" in page
    assert client.post(url, _form_data(version=1, filled_on=D(2026, 11, 16))).status_code == 302
    assert Vacancy.objects.get().filled_on == D(2026, 11, 16)


# -- the list -------------------------------------------------------------------------------


def test_the_list_shows_current_and_coming_absences_and_open_posts(manager, pa, other_pa, north, south, head):
    sick = _absence(pa, manager, kind="sickness", starts_on=D(2026, 11, 16), ends_on=None)
    _absence(other_pa, manager, starts_on=D(2026, 11, 23), ends_on=D(2026, 11, 27), cover_worker=pa)
    _absence(other_pa, manager, kind="training", starts_on=D(2026, 12, 2), ends_on=D(2026, 12, 2))
    _absence(other_pa, manager, kind="other", starts_on=D(2026, 11, 2), ends_on=D(2026, 11, 3))  # over: not shown
    _vacancy(north, manager, fte=Decimal("0.6"))
    _vacancy(north, manager, open_on=D(2027, 1, 1), role="social_worker")  # not vacant yet
    filled = _vacancy(north, manager, note="Filled last week")
    actions.fill_vacancy(filled, acting_user=manager, expected_version=1, filled_on=D(2026, 11, 16))
    _vacancy(south, head, fte=Decimal("1"))  # another team's
    page = client_for(manager).get(reverse("oversight:staffing")).content.decode()
    _, today, coming, posts = page.split('<h2 class="govuk-heading-m">')
    assert "Sickness" in today and "Not known" in today and "Cover needed" in today
    assert "Cover is also absent" in today  # Oliver is covered by Priya, who is off sick
    assert "Training" in coming and "Sickness" not in coming and "Other" not in today + coming
    assert "Vacant today: 0.6 full-time equivalent (1 post)." in posts
    assert "1 January 2027" in posts and "Filled last week" not in posts and "South" not in posts
    assert reverse("oversight:absence-withdraw", args=[sick.pk]) in today


def test_the_list_costs_the_same_queries_however_many_absences(manager, pa, other_pa, north):
    client = client_for(manager)
    _absence(pa, manager, starts_on=D(2026, 11, 23), ends_on=D(2026, 11, 24), cover_worker=other_pa)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("oversight:staffing"))
    for n in range(3):
        worker = UserFactory(username=f"extra{n}", role=Role.PERSONAL_ADVISER, team=north)
        _absence(worker, manager, starts_on=D(2026, 11, 20), ends_on=D(2026, 11, 30), cover_worker=pa)
        _absence(worker, manager, starts_on=D(2027, 2, 1 + n), ends_on=D(2027, 2, 1 + n))
        _vacancy(north, manager)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("oversight:staffing"))
    assert len(many) == len(few)


# -- the demo council's staffing (demo/staffing.py) ------------------------------------------


def test_the_demo_staffing_shows_a_team_needing_cover(north, south, manager, other_manager):
    from demo.staff import Staff
    from demo.staffing import add_staffing, forget_staffing

    def worker(name, role="personal_adviser", team=north):
        return UserFactory(username=name, first_name=name.capitalize(), last_name="Demo", role=role, team=team)

    pas = [worker(n) for n in ("pademo", "ada", "bo")]
    sws = [worker(n, "social_worker") for n in ("swdemo", "di")]
    staff = Staff(teams=[north, south], pas={north.pk: pas, south.pk: []}, sws={north.pk: sws, south.pk: []},
                  all_pas=pas, all_sws=sws, users=[], named={"pa.demo": pas[0], "sw.demo": sws[0]}, team_weights=[],
                  managers={north.pk: manager, south.pk: other_manager})
    assert add_staffing(staff, D(2026, 11, 23)) == {"worker absences": 3, "vacancies": 2}
    sick = WorkerAbsence.objects.get(kind="sickness")
    leave = WorkerAbsence.objects.get(kind="annual_leave")
    assert (sick.worker, sick.starts_on, sick.cover_worker) == (pas[1], D(2026, 11, 14), None)
    assert (leave.worker, leave.starts_on, leave.ends_on, leave.cover_worker) == (
        pas[2], D(2026, 11, 30), D(2026, 12, 4), pas[0])
    assert WorkerAbsence.objects.get(kind="training").cover_worker == sws[0]
    assert not WorkerAbsence.objects.filter(worker=pas[0]).exists()
    assert [v.team for v in Vacancy.objects.vacant_on(D(2026, 11, 23))] == [north]
    assert AuditEvent.objects.count() == 5
    forget_staffing()
    assert not WorkerAbsence.objects.exists() and not Vacancy.objects.exists()


# -- in a real browser, with the accessibility scan ------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_manager_records_an_absence_from_the_caseloads_page(page_for, manager, pa, other_pa, jordan, north):
    from web.tests.browser import assert_accessible, sign_in

    _vacancy(north, manager, fte=Decimal("0.5"))
    page = page_for()
    sign_in(page, "mina")
    page.wait_for_url("**/young-people")
    page.goto(reverse("oversight:caseloads"))
    assert_accessible(page)
    page.get_by_role("button", name="Record an absence").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert summary.locator("a").all_inner_texts() == [
        "Select who is absent", "Select the kind of absence", "Enter the first day of absence"]
    assert_accessible(page)
    page.get_by_label("Who is absent?").select_option(label="Priya Adviser (personal adviser, North)")
    page.get_by_label("Sickness").check()
    page.locator("#id_starts_on_day").fill("23")
    page.locator("#id_starts_on_month").fill("11")
    page.locator("#id_starts_on_year").fill("2026")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/caseloads")
    assert "Cover needed" in page.get_by_role("row", name="Priya Adviser").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Absences and vacancies").click()
    assert "Cover needed" in page.get_by_role("table", name="Workers absent today").inner_text()
    assert "0.5" in page.get_by_role("table", name="Posts that are vacant or will be").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Mark as filled the personal adviser post").click()
    page.wait_for_url("**/filled")
    assert_accessible(page)
    page.screenshot(path="/tmp/staffing-fill.png", full_page=True)
