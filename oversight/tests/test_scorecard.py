"""The quarterly scorecard: figures worked out from records, checked against a hand count."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from casework.models import Allocation
from circumstances.models import AccommodationSpell, ActivitySpell
from compliance.scorecard import last_quarters
from conftest import allocate, client_for, make_young_person
from contacts.models import Contact
from duties.models import ScorecardFigure
from oversight.scorecard import build_scorecard, quarters_to_build, read_scorecard

pytestmark = pytest.mark.django_db

# Today is frozen at 23 November 2026: the latest ended quarter is July to September 2026.
LATEST = last_quarters(dt.date(2026, 11, 23), 8)[-1]
LAST_DAY = dt.date(2026, 9, 30)


def contact(person, worker, on, **fields):  # noqa: ANN001, ANN003, ANN201
    return Contact.objects.create(young_person=person, on=on, kind=fields.pop("kind", "face_to_face"), worker=worker,
                                  summary="Talked about college.", recorded_by=worker, **fields)


def home(person, worker, start, suitable, end=None):  # noqa: ANN001, ANN201
    return AccommodationSpell.objects.create(young_person=person, start=start, end=end, accommodation_type="U",
                                             suitable=suitable, recorded_by=worker)


def doing(person, worker, start, code):  # noqa: ANN001, ANN201
    return ActivitySpell.objects.create(young_person=person, start=start, activity=code, recorded_by=worker)


@pytest.fixture
def council(pa, other_pa, south_pa, north, south, jordan):
    """North: Jordan (18 on 30 Sep 2026) and Alex (20); South: Casey (23). All former relevant.

    Hand count for July to September 2026:
    - in touch: Jordan yes (12 Aug); Alex no (only an attempt, and a call on 1 Oct); Casey yes (3 Jul).
    - EET: Jordan F2 yes; Alex G5 (NEET); Casey nothing recorded (neither).
    - suitable accommodation: Jordan yes; Alex moved out of suitable on 30 Sep (end exclusive) into
      unsuitable: no; Casey none recorded: no.
    - personal adviser: Jordan (Priya) and Alex (Oliver, ended 1 Sep) and Casey (South adviser).
    """
    alex = make_young_person(given_name="Alex", family_name="Hart", child_id="AH010", date_of_birth=dt.date(2006, 2, 1),
                             team=north, episodes=[{"start": dt.date(2020, 1, 10), "end": dt.date(2024, 2, 1),
                                                    "reason_ended": "E17"}])
    casey = make_young_person(given_name="Casey", family_name="Lowe", child_id="CL020", date_of_birth=dt.date(2003, 5, 5),
                              team=south, episodes=[{"start": dt.date(2018, 3, 1), "end": dt.date(2021, 5, 5),
                                                     "reason_ended": "E17"}])
    Allocation.objects.create(young_person=alex, worker=other_pa, role="personal_adviser", start=dt.date(2024, 2, 1),
                              end=dt.date(2026, 9, 1))
    allocate(casey, south_pa)
    contact(jordan, pa, dt.date(2026, 8, 12))
    contact(alex, other_pa, dt.date(2026, 8, 20), attempted=True)
    contact(alex, other_pa, dt.date(2026, 10, 1), kind="phone")
    contact(casey, south_pa, dt.date(2026, 7, 3), kind="phone")
    doing(jordan, pa, dt.date(2026, 9, 1), "F2")
    doing(alex, other_pa, dt.date(2025, 9, 1), "G5")
    home(jordan, pa, dt.date(2026, 1, 1), True)
    home(alex, other_pa, dt.date(2025, 1, 1), True, end=dt.date(2026, 9, 30))
    home(alex, other_pa, dt.date(2026, 9, 30), False)
    build_scorecard([LATEST])
    return {"alex": alex, "casey": casey}


def latest(team_id, measure, band=""):  # noqa: ANN001, ANN201
    figure = read_scorecard([LATEST], team_id)[(measure, band)][0]
    return (figure.numerator, figure.denominator)


def test_outcomes_match_the_hand_count(council, north, south):
    assert latest(None, "in_touch", "17-18") == (1, 1)
    assert latest(None, "in_touch", "19-21") == (0, 1)
    assert latest(None, "in_touch", "22-25") == (1, 1)
    assert latest(north.pk, "in_touch", "19-21") == (0, 1)
    assert ("in_touch", "22-25") not in read_scorecard([LATEST], north.pk)
    assert latest(None, "eet", "17-18") == (1, 1) and latest(None, "eet", "19-21") == (0, 1)
    assert latest(None, "neet", "19-21") == (1, 1) and latest(None, "neet", "22-25") == (0, 1)
    assert latest(None, "suitable_accommodation", "17-18") == (1, 1)
    assert latest(None, "suitable_accommodation", "19-21") == (0, 1)
    assert latest(south.pk, "suitable_accommodation", "22-25") == (0, 1)


def test_personal_advisers_and_caseloads_on_the_last_day(council, north):
    # Alex's adviser left on 1 September; Casey, 23, needs one only if she asks, so does not count.
    assert latest(None, "pa_allocated") == (1, 2)
    # On 30 September: Priya has Jordan, the South adviser Casey; Oliver has nobody.
    assert latest(None, "average_caseload") == (2, 2)
    assert latest(north.pk, "average_caseload") == (1, 1)


def test_building_again_replaces_and_only_missing_quarters_are_built(council):
    before = ScorecardFigure.objects.count()
    build_scorecard([LATEST])
    assert ScorecardFigure.objects.count() == before
    missing = quarters_to_build(dt.date(2026, 11, 23))
    assert LATEST not in missing and len(missing) == 7
    call_command("build_scorecard", stdout=io.StringIO(), stderr=io.StringIO())
    assert quarters_to_build(dt.date(2026, 11, 23)) == []


def test_the_page_reads_stored_figures_in_a_fixed_number_of_queries(council, manager, head, django_assert_max_num_queries):
    client = client_for(head)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("oversight:scorecard")).content.decode()
    assert "Quarterly scorecard" in page and "Q2 2026-27" in page
    assert "100% <span class=\"govuk-body-s\">(1 of 1)</span>" in page
    assert "<svg" in page and 'role="img"' in page
    assert "85% in 2018-19" in page  # national suitable accommodation, 19 to 21


def test_exports_open_as_spreadsheet_and_pdf(council, head):
    client = client_for(head)
    book = load_workbook(io.BytesIO(client.get(reverse("oversight:scorecard") + "?export=xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Measure", "Age group", "Quarter")
    assert ("In touch", "Aged 19 to 21", "Q2 2026-27", "July to September 2026", 0, 1, 0) in [r[:7] for r in rows]
    response = client.get(reverse("oversight:scorecard") + "?export=pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Leaving care scorecard" in text and "In suitable accommodation" in text


def test_a_manager_sees_the_service_and_their_team_only(council, manager, south):
    client = client_for(manager)
    page = client.get(reverse("oversight:scorecard")).content.decode()
    assert "North" in page and f'value="{south.pk}"' not in page
    # Asking for another team shows the whole service, not that team.
    page = client.get(reverse("oversight:scorecard") + f"?team={south.pk}").content.decode()
    assert "Whole service" in page


def test_people_who_do_not_oversee_are_refused(pa, outsider):
    for user in (pa, outsider):
        assert client_for(user).get(reverse("oversight:scorecard")).status_code == 403


def test_only_an_administrator_can_work_it_out_again(council, head, admin_user):
    assert client_for(head).post(reverse("oversight:scorecard-rebuild")).status_code == 403
    ScorecardFigure.objects.all().delete()
    response = client_for(admin_user).post(reverse("oversight:scorecard-rebuild"))
    assert response.status_code == 302
    assert ScorecardFigure.objects.filter(quarter_start=LATEST.start).exists()  # immediate task backend in tests
