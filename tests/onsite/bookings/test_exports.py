"""The organisers' files of a visit: CSV and XLSX with every booking in the page's order, and
the guide's A4 PDF (its pages counted, its text read back)."""

import csv
import io

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clustermeet.onsite.models import Booking
from clustermeet.people.models import Role
from tests.factories import OrganisationFactory
from tests.onsite.factories import ActivityFactory, BookingFactory, approved

pytestmark = pytest.mark.django_db
S = Booking.Status
HEADINGS = [
    "Name",
    "Organisation",
    "Country",
    "E-mail",
    "Status",
    "Position",
    "Booked at",
    "Attended",
]


@pytest.fixture
def visit():
    return ActivityFactory(capacity=2, slug="clutex", title="Clutex", meeting_point="Gate 2")


def url(name, activity):
    return reverse(f"bookings:{name}", args=[activity.event.slug, activity.slug])


def organiser_client(client, event):
    client.force_login(approved(event, roles=[Role.ORGANISER]))
    return client


def person(event, first, last, organisation=None):
    return approved(
        event,
        person__first_name=first,
        person__last_name=last,
        person__email=f"{first.lower()}@example.org",
        person__organisation=organisation,
        person__country="CZ",
    )


def test_csv_has_every_booking_in_order(client, visit):
    org = OrganisationFactory(name="Clutex")
    BookingFactory(activity=visit, person=person(visit.event, "Bara", "Zeman", org))
    BookingFactory(
        activity=visit,
        person=person(visit.event, "Adam", "Novak"),
        attended_at=timezone.now(),
    )
    BookingFactory(
        activity=visit, person=person(visit.event, "Cyril", "Dvorak"), status=S.WAITLISTED
    )
    BookingFactory(activity=visit, person=person(visit.event, "Dana", "Kral"), status=S.CANCELLED)
    response = organiser_client(client, visit.event).get(url("export_csv", visit))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="clutex-bookings.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == HEADINGS
    assert [r[:6] for r in rows[1:]] == [
        ["Adam Novak", "", "Czechia", "adam@example.org", "Booked", ""],
        ["Bara Zeman", "Clutex", "Czechia", "bara@example.org", "Booked", ""],
        ["Cyril Dvorak", "", "Czechia", "cyril@example.org", "On the waiting list", "1"],
        ["Dana Kral", "", "Czechia", "dana@example.org", "Cancelled", ""],
    ]
    assert (rows[1][7] != "", rows[2][7]) == (True, "")  # attended: Adam only


def test_xlsx_has_the_same_rows(client, visit):
    BookingFactory(activity=visit, person=person(visit.event, "Adam", "Novak"))
    BookingFactory(
        activity=visit, person=person(visit.event, "Cyril", "Dvorak"), status=S.WAITLISTED
    )
    response = organiser_client(client, visit.event).get(url("export_xlsx", visit))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == HEADINGS
    assert [r[:6] for r in values[1:]] == [
        ["Adam Novak", None, "Czechia", "adam@example.org", "Booked", None],
        ["Cyril Dvorak", None, "Czechia", "cyril@example.org", "On the waiting list", 1],
    ]


def pdf_pages(content: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(content)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_guide_pdf_lists_the_booked_people_with_the_meeting_point(client, visit):
    BookingFactory(activity=visit, person=person(visit.event, "Adam", "Novak"))
    BookingFactory(
        activity=visit, person=person(visit.event, "Cyril", "Dvorak"), status=S.WAITLISTED
    )
    response = organiser_client(client, visit.event).get(url("guide_pdf", visit))
    assert response["Content-Type"] == "application/pdf"
    [text] = pdf_pages(response.content)
    assert "Clutex" in text
    assert "Meeting point: Gate 2" in text
    assert "Adam Novak" in text
    assert "Cyril Dvorak" not in text  # the guide's list has the booked people only


def test_guide_pdf_of_a_full_bus_runs_over_pages(client):
    visit = ActivityFactory(capacity=60)
    for _ in range(60):
        BookingFactory(activity=visit, person=approved(visit.event))
    response = organiser_client(client, visit.event).get(url("guide_pdf", visit))
    pages = pdf_pages(response.content)
    assert len(pages) == 3
    assert "Name" in pages[1]  # the table's head again on each page
