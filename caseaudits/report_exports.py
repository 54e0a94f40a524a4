"""A round's report as files: XLSX (a sheet per part of the report), CSV (every table one after
another, each under its title) and a PDF for boards (WeasyPrint, as the scorecard's).

All three are written from the report's ``Table``s, the ones the page shows. A percentage is
a number in the spreadsheet and CSV (its column says which percentage it is) and "63%" in the
PDF; a percentage with nothing to divide by is left empty.
"""

from __future__ import annotations

import csv
import io
import re

import xlsxwriter
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from caseaudits.reports import Pct, RoundReport
from oversight.exports import XLSX_TYPE, _safe


def file_name(report: RoundReport) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", report.round.title.lower()).strip("-")[:60]
    return f"audit-report-{slug or report.round.pk}"


def _attachment(body: bytes | str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _plain(value: object) -> object:
    if isinstance(value, Pct):
        return value.value
    return _safe(value)


def _introduction(report: RoundReport) -> list[str]:
    lines = [f"{report.round.title}, {report.round.template_version}",
             f"{report.counted} audits counted (submitted or moderated{', imported' if report.imported else ''})."]
    if report.not_finished or report.withdrawn:
        lines.append(f"Left out: {report.not_finished} not yet submitted, {report.withdrawn} withdrawn from the sample.")
    return lines


def csv_bytes(report: RoundReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for line in _introduction(report):
        writer.writerow([line])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([table.label])
        writer.writerow(table.headers)
        writer.writerows([_plain(v) for v in row] for row in table.rows)
        if table.note:
            writer.writerow([table.note])
    return "\ufeff" + out.getvalue()


def xlsx_bytes(report: RoundReport) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    heading = book.add_format({"bold": True, "font_size": 13})
    pct = book.add_format({"num_format": "0%"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for section, tables in report.sections():
        ws = book.add_worksheet(re.sub(r"[\[\]:*?/\\]", "", section)[:31])
        ws.set_column(0, 0, 60, wrap)
        ws.set_column(1, 8, 16)
        row = 0
        if section == report.tables[0].section:
            for line in _introduction(report):
                ws.write(row, 0, line)
                row += 1
            row += 1
        for table in tables:
            ws.write(row, 0, table.title, heading)
            ws.write_row(row + 1, 0, table.headers, bold)
            row += 2
            for cells in table.rows:
                for col, value in enumerate(cells):
                    if isinstance(value, Pct):
                        if value.value is not None:
                            ws.write_number(row, col, value.value / 100, pct)
                    else:
                        ws.write(row, col, _safe(value))
                row += 1
            if table.note:
                ws.write(row, 0, table.note)
                row += 1
            row += 1
    book.close()
    return out.getvalue()


def csv_response(report: RoundReport) -> HttpResponse:
    return _attachment(csv_bytes(report), "text/csv; charset=utf-8", f"{file_name(report)}.csv")


def xlsx_response(report: RoundReport) -> HttpResponse:
    return _attachment(xlsx_bytes(report), XLSX_TYPE, f"{file_name(report)}.xlsx")


def pdf_bytes(report: RoundReport, request: HttpRequest | None = None) -> bytes:
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    html = render_to_string("caseaudits/report_pdf.html", {"report": report, "made_on": timezone.localdate(),
                                                            "introduction": _introduction(report)}, request)
    return HTML(string=html).write_pdf()


def pdf_response(report: RoundReport, request: HttpRequest) -> HttpResponse:
    return _attachment(pdf_bytes(report, request), "application/pdf", f"{file_name(report)}.pdf")
