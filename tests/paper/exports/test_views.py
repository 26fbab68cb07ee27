"""The tables page and its files: who gets which tables, the links, the files, a fixed number
of queries whatever the event's size."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from clustermeet.events.models import Event
from clustermeet.paper.models import Paper, Takeaway
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.paper.data import PUBLIC_AUTHORITIES, build

pytestmark = pytest.mark.django_db


def client_of(event, role=None):
    client = Client()
    if role is not None:
        client.force_login(RegistrationFactory(event=event, roles=[role]).person)
    return client


def test_the_organisers_see_every_table_with_its_files():
    built = build()
    client = Client()
    client.force_login(built.organiser)
    response = client.get(reverse("paper:exports:index", args=[built.event.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<h1>Tables of the output paper</h1>" in html
    slug = built.event.slug
    assert f'href="/events/{slug}/paper/tables/all.xlsx"' in html
    assert f'href="/events/{slug}/paper/tables/1.csv"' in html
    assert f'href="/events/{slug}/paper/tables/1.xlsx"' in html
    assert f'<th scope="row">{PUBLIC_AUTHORITIES}</th>' in html
    assert "Networking and exhibition" in html


@pytest.mark.parametrize("role", [None, Role.PARTICIPANT, Role.JURY, Role.SPEAKER])
def test_a_draft_papers_tables_are_not_found_by_anyone_else(role):
    event = EventFactory()
    Paper.objects.create(event=event)
    client = client_of(event, role)
    for name, args in (("index", []), ("csv", [1]), ("xlsx", [1]), ("workbook", [])):
        url = reverse(f"paper:exports:{name}", args=[event.slug, *args])
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", [None, Role.PARTICIPANT, Role.JURY, Role.SPEAKER])
def test_the_public_gets_the_public_sections_tables_of_a_published_paper(role):
    built = build()
    Paper.objects.create(
        event=built.event, status=Paper.Status.PUBLISHED, public_sections=["networking"]
    )
    client = client_of(built.event, role)
    html = client.get(reverse("paper:exports:index", args=[built.event.slug])).content.decode()
    assert "Networking and exhibition" in html
    assert PUBLIC_AUTHORITIES not in html
    assert "Live polls" not in html
    response = client.get(reverse("paper:exports:csv", args=[built.event.slug, 1]))
    assert (response.status_code, response["Cache-Control"]) == (200, "public, no-cache")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Booth", "Visits", "Visitors"]


def test_an_event_one_may_not_see_is_not_found():
    event = EventFactory(visibility=Event.Visibility.INVITATION)
    Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    client = Client()
    client.force_login(PersonFactory())
    assert client.get(reverse("paper:exports:index", args=[event.slug])).status_code == 404


def test_the_files():
    built = build()
    client = Client()
    client.force_login(built.organiser)
    slug = built.event.slug
    one = client.get(reverse("paper:exports:csv", args=[slug, 1]))
    assert (one.status_code, one["Content-Type"], one["Content-Disposition"]) == (
        200,
        "text/csv; charset=utf-8",
        f'attachment; filename="{slug}-table-1.csv"',
    )
    assert one["Cache-Control"] == "private, no-store"
    sheet = client.get(reverse("paper:exports:xlsx", args=[slug, 1]))
    assert load_workbook(io.BytesIO(sheet.content)).active.cell(2, 1).value == "Country"
    book = client.get(reverse("paper:exports:workbook", args=[slug]))
    names = load_workbook(io.BytesIO(book.content)).sheetnames
    assert names[0] == "1 Participants by country"
    count = len(names)
    assert client.get(reverse("paper:exports:csv", args=[slug, count + 1])).status_code == 404
    assert client.get(reverse("paper:exports:xlsx", args=[slug, 0])).status_code == 404


def test_a_paper_without_tables():
    event = EventFactory()
    client = Client()
    client.force_login(PersonFactory(is_staff=True))  # staff manage it without a registration
    html = client.get(reverse("paper:exports:index", args=[event.slug])).content.decode()
    assert "The paper has no tables yet." in html
    book = client.get(reverse("paper:exports:workbook", args=[event.slug]))
    assert load_workbook(io.BytesIO(book.content)).sheetnames == ["Tables"]


@pytest.mark.parametrize("size", [1, 2])
def test_the_page_in_a_fixed_number_of_queries(size, django_assert_num_queries):
    built = build(size, slug=f"size-{size}")
    client = Client()
    client.force_login(built.organiser)
    url = reverse("paper:exports:index", args=[built.event.slug])
    with django_assert_num_queries(76):
        client.get(url)


def test_the_tables_are_read_once_per_fingerprint(django_assert_num_queries):
    built = build()
    client = Client()
    client.force_login(built.organiser)
    url = reverse("paper:exports:index", args=[built.event.slug])
    client.get(url)
    # the session, the person, the event and its nav, the organiser rule, the paper and the
    # fingerprint (23), but not the document's figures
    with django_assert_num_queries(29):
        client.get(url)
    Takeaway.objects.filter(session=built.keynote).update(text="Now changed.")
    with django_assert_num_queries(76):
        client.get(url)


def test_the_page_links_the_paper_and_its_pdf_for_its_reader():
    built = build()
    Paper.objects.create(event=built.event, status=Paper.Status.PUBLISHED)
    slug = built.event.slug
    public = Client().get(reverse("paper:exports:index", args=[slug])).content.decode()
    assert f'<li><a href="/events/{slug}/output-paper/">The paper</a></li>' in public
    assert f'<li><a href="/events/{slug}/paper/public.pdf">The PDF</a></li>' in public
    client = Client()
    client.force_login(built.organiser)
    full = client.get(reverse("paper:exports:index", args=[slug])).content.decode()
    assert f'<li><a href="/events/{slug}/paper/">The preview</a></li>' in full
    assert f'<li><a href="/events/{slug}/paper/pdf/">The PDF</a></li>' in full
    assert "The editions compared" not in full  # not in a series
