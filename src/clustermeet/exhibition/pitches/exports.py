"""A pitch's standing contacts as CSV, for its pitcher only (the view checks
`permissions.sees_pitch_contacts`): name, organisation, country, job title, e-mail, message,
asked at. Withdrawn contacts are not in it. Headings in the pitcher's language, times in the
event's time zone (the caller activates it); cells are made safe from spreadsheet formulas."""

import csv
import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from clustermeet.exhibition.models import Pitch
from clustermeet.exhibition.pitches import queries
from clustermeet.people.spreadsheets import spreadsheet_safe


def _headings() -> list[str]:
    return [
        _("Name"),
        _("Organisation"),
        _("Country"),
        _("Job title"),
        _("E-mail"),
        _("Message"),
        _("Asked at"),
    ]


def rows(pitch: Pitch) -> list[list[str]]:
    """One row per standing contact, newest first (1 query)."""
    table = []
    for contact in queries.standing_contacts().filter(pitch=pitch):
        person = contact.person
        when = formats.date_format(timezone.localtime(contact.created_at), "SHORT_DATETIME_FORMAT")
        cells = [
            person.full_name,
            person.organisation.name if person.organisation else "",
            str(person.country.name) if person.country else "",
            person.job_title,
            person.email,
            contact.message,
            when,
        ]
        table.append([spreadsheet_safe(cell) for cell in cells])
    return table


def csv_bytes(pitch: Pitch) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_headings())
    writer.writerows(rows(pitch))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: spreadsheets read UTF-8
