"""A booth's active leads as files for its staff: CSV and XLSX (name, e-mail, organisation,
country, job title, source, rating, note, date). Withdrawn leads are never in them; the caller
checks `permissions.sees_leads`. Headings and labels are in the reader's language, dates in the
event's time zone (the caller activates it)."""

import csv
import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from clustermeet.exhibition.leads import queries
from clustermeet.exhibition.models import Booth
from clustermeet.people.spreadsheets import spreadsheet_safe

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _headings() -> list[str]:
    return [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Country"),
        _("Job title"),
        _("Source"),
        _("Rating"),
        _("Note"),
        _("Date"),
    ]


def rows(booth: Booth) -> list[list]:
    """One row per active lead, newest first (1 query)."""
    table = []
    for lead in queries.active_leads(booth):
        person = lead.person
        table.append(
            [
                person.full_name,
                person.email,
                person.organisation.name if person.organisation else "",
                person.country.name if person.country else "",
                person.job_title,
                lead.get_source_display(),
                lead.get_rating_display() if lead.rating else "",
                lead.note,
                formats.date_format(timezone.localtime(lead.created_at), "SHORT_DATETIME_FORMAT"),
            ]
        )
    return table


def csv_bytes(booth: Booth) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_headings())
    writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows(booth)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: spreadsheets read UTF-8


def xlsx_bytes(booth: Booth) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Leads")[:31]
    sheet.append(_headings())
    for row in rows(booth):
        sheet.append([spreadsheet_safe(cell) for cell in row])
    widths = (26, 30, 28, 16, 24, 24, 10, 40, 18)
    for column, width in zip("ABCDEFGHI", widths, strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
