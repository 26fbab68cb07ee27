"""An activity's booking lists as files for its organisers: CSV and XLSX (name, organisation,
country, e-mail, status, position, booked at, attended), and the guide's printable list (an A4
PDF made with WeasyPrint: the meeting point and departure on top, then the booked people with
a tick box each). Column headings and statuses are in the organiser's language; times in the
event's time zone (the caller activates it)."""

import csv
import io

import weasyprint
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from clustermeet.onsite.bookings import queries
from clustermeet.onsite.models import Activity

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _headings() -> list[str]:
    return [
        _("Name"),
        _("Organisation"),
        _("Country"),
        _("E-mail"),
        _("Status"),
        _("Position"),
        _("Booked at"),
        _("Attended"),
    ]


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


def rows(activity: Activity) -> list[list]:
    """The table of the exports, one row per booking, in the page's order (1 query)."""
    table = []
    for booking in queries.export_rows(activity):
        person = booking.person
        table.append(
            [
                person.full_name,
                person.organisation.name if person.organisation else "",
                person.country.name if person.country else "",
                person.email,
                booking.get_status_display(),
                booking.position or "",
                _when(booking.created_at),
                _when(booking.attended_at),
            ]
        )
    return table


def csv_bytes(activity: Activity) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_headings())
    writer.writerows(rows(activity))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: spreadsheets read UTF-8


def xlsx_bytes(activity: Activity) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Bookings")[:31]
    sheet.append(_headings())
    for row in rows(activity):
        sheet.append(row)
    for column, width in zip("ABCDEFGH", (28, 28, 16, 30, 18, 9, 18, 18), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def guide_pdf(request, activity: Activity) -> bytes:
    """The guide's list: A4, the booked people by name with a tick box column."""
    booked = queries.activity_lists(activity)["booked"]
    html = render_to_string(
        "onsite/bookings/guide_pdf.html",
        {"activity": activity, "event": activity.event, "booked": booked},
        request=request,
    )
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
