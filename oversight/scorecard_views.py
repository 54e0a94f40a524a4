"""The quarterly scorecard page, its spreadsheet and the corporate parenting board's PDF.

Reads only the stored figures (oversight.scorecard); an administrator can ask for them
to be worked out again, which queues the work for the task worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.models import Role, Team
from compliance.scorecard import AGE_BANDS, ALL, MEASURES, Measure, Quarter, last_quarters
from oversight.benchmarks import NationalFigure, national
from oversight.charts import Series, line_chart
from oversight.exports import csv_response, xlsx_response
from oversight.scorecard import CASELOAD, QUARTERS_SHOWN, Figure, build_missing_quarters, built_at, read_scorecard
from oversight.views import OVERSEEING_ROLES

BAND_LABELS = {key: label for key, label, _low, _high in AGE_BANDS} | {ALL: "All young people"}
CASELOAD_MEASURE = Measure(CASELOAD, "Average caseload",
                           "Young people allocated to each personal adviser on the quarter's last day, on average.",
                           by_age=False)


@dataclass
class Row:
    band: str
    label: str
    figures: list[Figure | None]
    national: NationalFigure | None

    @property
    def latest(self) -> Figure | None:
        return self.figures[-1]

    @property
    def previous(self) -> Figure | None:
        return self.figures[-2] if len(self.figures) > 1 else None


@dataclass
class Section:
    measure: Measure
    rows: list[Row]
    chart: str

    @property
    def is_average(self) -> bool:
        return self.measure.key == CASELOAD


def _teams_for(user) -> list[Team]:  # noqa: ANN001
    if user.role not in OVERSEEING_ROLES:
        raise PermissionDenied("The scorecard is for team managers, heads of service, auditors and administrators.")
    teams = Team.objects.order_by("name")
    # A team manager sees the whole service's figures (they name nobody) and their own team's.
    return list(teams.filter(pk=user.team_id) if user.role == Role.TEAM_MANAGER else teams)


def _sections(quarters: list[Quarter], team_id: int | None) -> list[Section]:
    stored = read_scorecard(quarters, team_id)
    labels = [q.label for q in quarters]
    sections = []
    for measure in (*MEASURES, CASELOAD_MEASURE):
        bands = [key for key, *_ in AGE_BANDS] if measure.by_age else [ALL]
        empty: list[Figure | None] = [None] * len(quarters)
        rows = [Row(b, BAND_LABELS[b], stored.get((measure.key, b), empty), national(measure.key, b)) for b in bands]
        is_average = measure.key == CASELOAD
        series = [Series(r.label, [None if f is None else (f.average if is_average else f.percent) for f in r.figures])
                  for r in rows]
        chart = line_chart(f"{measure.title}, last {len(quarters)} quarters", labels, series,
                           percent=not is_average, chart_id=f"chart-{measure.key}")
        sections.append(Section(measure, rows, chart))
    return sections


def _context(request: HttpRequest) -> dict:  # type: ignore[type-arg]
    teams = _teams_for(request.user)
    team = next((t for t in teams if str(t.pk) == request.GET.get("team", "")), None)
    quarters = last_quarters(timezone.localdate(), QUARTERS_SHOWN)
    return {
        "teams": teams,
        "team": team,
        "quarters": quarters,
        "sections": _sections(quarters, team.pk if team else None),
        "built_at": built_at(quarters),
    }


EXPORT_HEADERS = ["Measure", "Age group", "Quarter", "Months", "Met", "Of", "Percent or average", "National (England)",
                  "National year", "National source"]


def _export_rows(context: dict) -> list[list[object]]:  # type: ignore[type-arg]
    rows: list[list[object]] = []
    for section in context["sections"]:
        for row in section.rows:
            for quarter, figure in zip(context["quarters"], row.figures, strict=True):
                value = None if figure is None else (figure.average if section.is_average else figure.percent)
                rows.append([
                    section.measure.title, row.label, quarter.label, quarter.months,
                    None if figure is None else figure.numerator, None if figure is None else figure.denominator, value,
                    row.national.percent if row.national else None, row.national.year if row.national else None,
                    row.national.url if row.national else None,
                ])
    return rows


def scorecard(request: HttpRequest) -> HttpResponse:
    context = _context(request)
    name = f"scorecard-{context['team'].name.lower().replace(' ', '-') if context['team'] else 'service'}-" \
           f"{context['quarters'][-1].label.replace(' ', '-').lower()}"
    export = request.GET.get("export")
    if export == "xlsx":
        return xlsx_response(name, "Scorecard", EXPORT_HEADERS, _export_rows(context))
    if export == "csv":
        return csv_response(name, EXPORT_HEADERS, _export_rows(context))
    if export == "pdf":
        from weasyprint import HTML  # heavy import: only when a PDF is asked for

        html = render_to_string("oversight/scorecard_pdf.html", {**context, "made_on": timezone.localdate()}, request)
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    query = request.GET.copy()
    query.pop("export", None)
    return render(request, "oversight/scorecard.html", {**context, "query": query.urlencode(),
                                                        "can_rebuild": request.user.role == Role.ADMINISTRATOR})


@require_POST
def rebuild_scorecard(request: HttpRequest) -> HttpResponse:
    if request.user.role != Role.ADMINISTRATOR:
        raise PermissionDenied("Only an administrator can work the scorecard out again.")
    build_missing_quarters.enqueue(rebuild=True)
    messages.success(request, "The scorecard is being worked out again. Reload this page in a minute or two.")
    return redirect("oversight:scorecard")
