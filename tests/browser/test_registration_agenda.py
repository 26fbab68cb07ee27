"""Register → an organiser approves → log in → bookmark two sessions → download the agenda."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from icalendar import Calendar
from playwright.sync_api import expect

from clustermeet.people.models import Registration
from clustermeet.programme.models import Bookmark
from tests.factories import EventFactory, PersonFactory, RoomFactory, SessionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEWCOMER_EMAIL = "ana.novak@cluster.example"
NEWCOMER_PASSWORD = "Green-Cluster-Agenda-2020"
ORGANISER_PASSWORD = "Back-Office-Approves-2020"


def utc(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2020, 11, day, hour, minute, tzinfo=dt.UTC)


@pytest.fixture
def event():
    event = EventFactory(
        slug="ecc-browser", name="Browser Cluster Conference", requires_approval=True
    )
    # Its sessions are in November 2020, yet it is not over: registration stays open.
    event.end_date = dt.date.today() + dt.timedelta(days=1)
    event.save(update_fields=["end_date"])
    studio = RoomFactory(event=event, name="Main studio", slug="main-studio")
    sessions = [
        ("Financing cluster projects", utc(10, 9), utc(10, 10)),
        ("Green transition world café", utc(10, 13, 30), utc(10, 15)),
        ("European Cluster Awards ceremony", utc(11, 15), utc(11, 16)),
    ]
    for n, (title, starts_at, ends_at) in enumerate(sessions, start=1):
        SessionFactory(
            event=event,
            room=studio,
            slug=f"session-{n}",
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
        )
    return event


@pytest.fixture
def organiser():
    """Staff with exactly what approving registrations in the back office takes."""
    organiser = PersonFactory(
        email="organiser@cluster.example", is_staff=True, password=ORGANISER_PASSWORD
    )
    organiser.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="people",
            codename__in=["view_registration", "change_registration"],
        )
    )
    return organiser


def field(page, label: str):
    """The form control labelled exactly `label` (Django may add a colon after it)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def register(page, event) -> None:
    page.goto(f"/events/{event.slug}/register/")
    field(page, "First name").fill("Ana")
    field(page, "Last name").fill("Novak")
    field(page, "E-mail").fill(NEWCOMER_EMAIL)
    field(page, "Password (optional)").fill(NEWCOMER_PASSWORD)
    field(page, "Organisation").fill("Slovenian Green Cluster")
    field(page, "Type of organisation").select_option(label="Cluster organisation")
    field(page, "Country").select_option(label="Slovenia")
    field(page, "I take part as").select_option(label="Cluster manager / cluster organisation")
    field(page, "What I can offer").fill("Circular economy pilots with 80 SMEs")
    field(page, "What I am looking for").fill("Partners for a hydrogen valley")
    field(page, "Energy – Renewables").check()
    field(page, "Construction").check()
    page.get_by_label("I accept the terms of participation").check()
    page.get_by_label("List me in the participant directory").check()
    page.get_by_role("button", name="Register", exact=True).click()
    expect(page.get_by_role("heading", name="Your registration awaits approval")).to_be_visible()


def approve_in_back_office(page, organiser) -> None:
    page.goto("/admin/")
    field(page, "Email").fill(organiser.email)
    field(page, "Password").fill(ORGANISER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Registrations", exact=True).first.click()
    expect(page).to_have_url("/admin/people/registration/")
    row = page.get_by_role("row").filter(has_text=NEWCOMER_EMAIL)
    row.get_by_role("checkbox").check()
    # The label wraps the select, so its accessible name ends with the chosen option.
    page.get_by_label(re.compile(r"^Action:")).select_option(label="Approve selected registrations")
    page.get_by_role("button", name="Go", exact=True).click()
    expect(page.get_by_text("Approved 1 registration.")).to_be_visible()
    page.context.clear_cookies()


def log_in(page) -> None:
    page.goto("/accounts/login/")
    field(page, "E-mail").fill(NEWCOMER_EMAIL)
    field(page, "Password").fill(NEWCOMER_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("navigation", name="Account")).to_contain_text("Ana")


def bookmark(page, title: str) -> None:
    slot = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
    slot.get_by_role("button", name="Add to my agenda").click()
    expect(slot.get_by_role("button", pressed=True)).to_be_visible()


def test_newcomer_registers_is_approved_and_downloads_agenda(
    page, live_server, event, organiser, mailoutbox, screenshots, page_problems
):
    register(page, event)

    registration = Registration.objects.get(event=event, person__email=NEWCOMER_EMAIL)
    assert registration.status == Registration.Status.PENDING
    assert registration.listed_in_directory
    newcomer = registration.person
    assert (newcomer.first_name, newcomer.last_name) == ("Ana", "Novak")
    assert newcomer.organisation.name == "Slovenian Green Cluster"
    assert newcomer.country.code == "SI"
    assert sorted(e.name for e in newcomer.ecosystems.all()) == [
        "Construction",
        "Energy – Renewables",
    ]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (
            [NEWCOMER_EMAIL],
            "Your registration for Browser Cluster Conference is waiting for approval",
        )
    ]

    approve_in_back_office(page, organiser)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED
    assert registration.decided_by == organiser
    assert [(m.to, m.subject) for m in mailoutbox[1:]] == [
        ([NEWCOMER_EMAIL], "Your registration for Browser Cluster Conference is approved")
    ]

    log_in(page)
    page.goto(f"/events/{event.slug}/programme/")
    expect(page.get_by_role("heading", name="Programme", exact=True)).to_be_visible()
    bookmark(page, "Financing cluster projects")
    bookmark(page, "Green transition world café")
    screenshots.take(page, "programme")
    assert set(
        Bookmark.objects.filter(person=newcomer).values_list("session__title", flat=True)
    ) == {"Financing cluster projects", "Green transition world café"}

    page.get_by_role("link", name="My agenda").click()
    expect(page).to_have_url(f"/events/{event.slug}/agenda/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download .ics").click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}-agenda.ics"
    with open(download.path(), "rb") as ics:
        calendar = Calendar.from_ical(ics.read())

    events = sorted(
        (component.decoded("dtstart"), str(component["summary"]))
        for component in calendar.walk("VEVENT")
    )
    assert events == [
        (utc(10, 9), "Financing cluster projects"),
        (utc(10, 13, 30), "Green transition world café"),
    ]
    assert page_problems == []
