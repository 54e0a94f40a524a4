"""The duty ledger on the young person's page, the duties list, and the settings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from compliance.duties import DUTIES
from conftest import client_for
from duties.models import DutyLedgerRow, LedgerStamp, PolicySetting
from duties.recompute import people_due_for_sweep, recompute_people, sweep
from duties.forms import SettingsForm
from duties.settings import current_policy, current_standards
from people.models import StatusSpan

pytestmark = pytest.mark.django_db


def test_the_overview_computes_and_shows_every_applying_duty(pa, jordan):
    response = client_for(pa).get(reverse("people:detail", args=[jordan.pk]))
    assert response.status_code == 200
    rows = DutyLedgerRow.objects.filter(young_person=jordan)
    assert rows.count() == len(DUTIES)
    page = response.content.decode()
    assert "What’s due" in page
    for row in rows.exclude(state="not_applicable"):
        assert row.reason.replace("'", "&#39;") in page or row.reason in page


def test_a_stale_ledger_is_recomputed_when_the_page_is_opened(pa, jordan):
    recompute_people([jordan.pk], dt.date(2026, 11, 1))
    assert LedgerStamp.objects.get(young_person=jordan).computed_on == dt.date(2026, 11, 1)
    client_for(pa).get(reverse("people:detail", args=[jordan.pk]))
    assert LedgerStamp.objects.get(young_person=jordan).computed_on == dt.date(2026, 11, 23)


def test_only_answers_that_changed_are_rewritten(jordan):
    recompute_people([jordan.pk], dt.date(2026, 11, 23))
    before = dict(DutyLedgerRow.objects.filter(young_person=jordan).values_list("duty_code", "id"))
    DutyLedgerRow.objects.filter(young_person=jordan, duty_code="case_summary").update(reason="stale answer")
    DutyLedgerRow.objects.filter(young_person=jordan, duty_code="visits").delete()
    recompute_people([jordan.pk], dt.date(2026, 11, 23))
    after = dict(DutyLedgerRow.objects.filter(young_person=jordan).values_list("duty_code", "id"))
    assert after.keys() == before.keys()
    changed = {code for code in after if after[code] != before[code]}
    assert changed == {"case_summary", "visits"}
    assert DutyLedgerRow.objects.get(young_person=jordan, duty_code="case_summary").reason != "stale answer"


def test_the_sweep_picks_up_people_never_computed_and_those_whose_answer_changes(jordan, sam):
    assert set(people_due_for_sweep(dt.date(2026, 11, 23))) >= {jordan.pk, sam.pk}
    recompute_people([jordan.pk, sam.pk], dt.date(2026, 11, 23))
    changing = DutyLedgerRow.objects.filter(young_person=jordan).exclude(next_change_on=None)
    later = min(changing.values_list("next_change_on", flat=True), default=None)
    due = people_due_for_sweep(dt.date(2026, 11, 23))
    assert jordan.pk not in due or later and later <= dt.date(2026, 11, 23)
    if later:
        assert jordan.pk in people_due_for_sweep(later)
    assert sweep(dt.date(2026, 11, 23)) == len(due)


def test_everyone_can_read_the_duties_and_settings_but_only_administrators_change_them(
    pa, manager, head, auditor, admin_user
):
    for user in (pa, manager, head, auditor, admin_user):
        client = client_for(user)
        duties_page = client.get(reverse("duties:list")).content.decode()
        assert all(duty.title in duties_page.replace("&#39;", "'") for duty in DUTIES)
        assert client.get(reverse("duties:settings")).status_code == 200
    for user in (pa, manager, head, auditor):
        assert client_for(user).get(reverse("duties:settings-edit")).status_code == 403
        assert client_for(user).post(reverse("duties:settings-edit"), {}).status_code == 403
    assert not PolicySetting.objects.exists()


def _settings_form(client) -> dict[str, str]:
    assert client.get(reverse("duties:settings-edit")).status_code == 200
    form = SettingsForm(policy=current_policy(), standards=current_standards())
    data = {}
    for name, bound in form.fields.items():
        value = form.initial.get(name, bound.initial)
        data[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return data


def test_an_administrator_changes_a_setting_and_everyone_is_recomputed(
    admin_user, jordan, django_capture_on_commit_callbacks
):
    client = client_for(admin_user)
    data = _settings_form(client)
    data["review_request_days"] = "10"
    StatusSpan.objects.filter(young_person=jordan).delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("duties:settings-edit"), data)
    assert response.status_code == 302
    assert current_standards().review_request_days == 10
    assert DutyLedgerRow.objects.filter(young_person=jordan).count() == len(DUTIES)
    assert StatusSpan.objects.filter(young_person=jordan).exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "Enter the number of days"), ("0", "must be 1 or more"), ("two", "Enter a whole number of days")],
)
def test_a_bad_setting_is_refused_with_its_name_and_nothing_is_saved(admin_user, value, message):
    client = client_for(admin_user)
    data = _settings_form(client)
    data["review_request_days"] = value
    response = client.post(reverse("duties:settings-edit"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "review held after the young person asks for one" in response.content.decode().lower()
    assert not PolicySetting.objects.exists()


def test_list_duties_prints_every_duty_with_its_citation(capsys):
    call_command("list_duties", "--markdown")
    out = capsys.readouterr().out
    for duty in DUTIES:
        assert f"`{duty.code}`" in out
        assert duty.citation in out


def test_recompute_command_reports_how_many(jordan, sam, riley, capsys):
    call_command("recompute_duties", "--status")
    assert "Recomputed 3 young people" in capsys.readouterr().out
    assert DutyLedgerRow.objects.count() == 3 * len(DUTIES)


def test_the_daily_sweep_can_be_queued_for_the_task_worker(jordan, capsys):
    call_command("recompute_duties", "--sweep", "--enqueue")
    assert "Queued task" in capsys.readouterr().out
    # The test settings run tasks at once; in production db_worker picks it up.
    assert DutyLedgerRow.objects.filter(young_person=jordan).count() == len(DUTIES)


def test_a_worker_is_not_offered_a_managers_action(pa, manager, jordan):
    from duties.ledger import MANAGER_ACTIONS, duty_lines

    DutyLedgerRow.objects.filter(young_person=jordan).delete()
    recompute_people([jordan.pk], dt.date(2026, 11, 23))
    DutyLedgerRow.objects.filter(young_person=jordan, duty_code="plan_authorised").update(
        state="overdue", action="authorise_plan"
    )
    DutyLedgerRow.objects.filter(young_person=jordan, duty_code="closure").update(state="overdue", action="close_case")
    as_worker = duty_lines(jordan.pk, dt.date(2026, 11, 23), can_act=True, can_manage=False)
    assert not any(line.action and line.row.action in MANAGER_ACTIONS for line in as_worker)
    as_manager = duty_lines(jordan.pk, dt.date(2026, 11, 23), can_act=True, can_manage=True)
    assert {line.row.action for line in as_manager if line.action} >= {"authorise_plan", "close_case"}


def test_a_changed_setting_says_who_changed_it_from_what(admin_user, head, django_capture_on_commit_callbacks):
    client = client_for(admin_user)
    data = _settings_form(client)
    data["contact_weeks_18_20"] = "6"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("duties:settings-edit"), data, follow=True)
    assert "Settings saved: Keep in touch with 18 to 20 year olds" in response.content.decode()
    page = client_for(head).get(reverse("duties:settings")).content.decode()
    assert "Changed by the council" in page
    assert "From 8 weeks (the default), by " + admin_user.display_name in page
    assert "Changed “Keep in touch with 18 to 20 year olds at least every” from 8 weeks to 6 weeks" in page


def test_a_saved_value_the_rules_now_refuse_falls_back_to_its_default(admin_user):
    PolicySetting.objects.create(name="contact_weeks_18_20", value=0, changed_by=admin_user)
    PolicySetting.objects.create(name="review_request_days", value=15, changed_by=admin_user)
    standards = current_standards()
    assert standards.contact_weeks_18_20 == 8
    assert standards.review_request_days == 15
