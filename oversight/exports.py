"""Lists as files a spreadsheet opens: CSV (UTF-8 with a byte-order mark, for Excel) and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

import xlsxwriter
from django.http import HttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value: object) -> object:
    # A cell starting =, +, - or @ is a formula to a spreadsheet: neutralise it (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_response(filename: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_safe(v.isoformat() if isinstance(v, dt.date) else v) for v in row])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, sheet: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(sheet, headers, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def xlsx_bytes(sheet: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """The workbook itself, for an e-mail attachment as well as a download."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    ws = book.add_worksheet(sheet[:31])
    bold = book.add_format({"bold": True})
    dates = book.add_format({"num_format": "d mmmm yyyy"})
    ws.write_row(0, 0, headers, bold)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), dates)
            else:
                ws.write(r, c, value)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
    book.close()
    return out.getvalue()
