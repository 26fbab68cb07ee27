"""A finds B in the directory, requests a meeting, B accepts one of the proposed times, both see
the same meeting and video link in "my meetings", and the .ics invitation is in the event's time
zone (e-mailed to both, and downloaded)."""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from clustermeet.networking.models import Meeting, Slot
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, RegistrationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Meet-Me-In-Brussels-2020"
BRUSSELS = ZoneInfo("Europe/Brussels")


def field(page, label: str):
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


@pytest.fixture
def stage():
    day = dt.date.today() + dt.timedelta(days=30)
    event = EventFactory(
        slug="ecc-meet",
        name="Cluster Meeting Days",
        timezone="Europe/Brussels",
        start_date=day,
        end_date=day,
    )
    slots = [
        Slot.objects.create(
            event=event,
            starts_at=dt.datetime.combine(day, dt.time(14, 15 * k), BRUSSELS),
            ends_at=dt.datetime.combine(day, dt.time(14, 15 * k + 15), BRUSSELS),
        )
        for k in range(3)
    ]
    people = {}
    for key, first, last, org, offering, looking in [
        ("ana", "Ana", "Novak", "Slovenian Green Cluster", "Circular economy pilots", "Fibre"),
        ("bruno", "Bruno", "Keller", "Swiss Textile Network", "Recycled fibre supply", "Pilots"),
    ]:
        person = PersonFactory(
            email=f"{key}@cluster.example",
            first_name=first,
            last_name=last,
            slug=key,
            password=PASSWORD,
            organisation=OrganisationFactory(name=org),
            offering=offering,
            looking_for=looking,
        )
        RegistrationFactory(
            event=event, person=person, directory_consent_at=dt.datetime.now(dt.UTC)
        )
        people[key] = person
    return {"event": event, "slots": slots, **people}


def log_in(page, email: str, first_name: str) -> None:
    page.goto("/accounts/login/")
    field(page, "E-mail").fill(email)
    field(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("navigation", name="Account")).to_contain_text(first_name)


def test_a_finds_b_requests_b_accepts_both_see_the_meeting(
    browser, live_server, stage, screenshots
):
    event, second_slot = stage["event"], stage["slots"][1]

    def new_page():
        context = browser.new_context(
            base_url=live_server.url, accept_downloads=True, locale="en-GB", timezone_id="UTC"
        )
        context.set_default_timeout(15_000)
        return context.new_page()

    ana, bruno = new_page(), new_page()
    log_in(ana, "ana@cluster.example", "Ana")
    ana.goto(f"/events/{event.slug}/people/")
    ana.get_by_role("searchbox").fill("recycled fibre")
    ana.get_by_role("searchbox").press("Enter")
    card = ana.locator("article").filter(has_text="Bruno Keller")
    expect(card).to_have_count(1)
    expect(ana.locator("article").filter(has_text="Ana Novak")).to_have_count(0)
    card.get_by_role("link", name="Bruno Keller").click()
    screenshots.take(ana, "profile")
    ana.get_by_role("link", name=re.compile("Request a meeting")).click()
    ana.get_by_label(re.compile("Message")).fill("Shall we talk about fibre pilots?")
    ana.get_by_role("checkbox").nth(1).check()
    ana.get_by_role("button", name="Send the request").click()
    screenshots.take(ana, "sent")

    log_in(bruno, "bruno@cluster.example", "Bruno")
    bruno.goto(f"/events/{event.slug}/meetings/")
    incoming = bruno.locator("[data-section=incoming] article")
    expect(incoming).to_contain_text("Ana Novak")
    expect(incoming).to_contain_text("Shall we talk about fibre pilots?")
    choice = incoming.get_by_label("Time")
    expect(choice.locator("option:checked")).to_contain_text("(proposed)")
    expect(choice.locator("option:checked")).to_contain_text("14:15")
    incoming.get_by_role("button", name="Accept").click()
    screenshots.take(bruno, "accepted")

    meeting = Meeting.objects.get(event=event)
    assert (meeting.status, meeting.slot_id) == ("scheduled", second_slot.pk)
    for page, other in ((ana, "Bruno Keller"), (bruno, "Ana Novak")):
        page.goto(f"/events/{event.slug}/meetings/")
        upcoming = page.locator(f"[data-section=upcoming] [data-meeting='{meeting.pk}']")
        expect(upcoming).to_contain_text(other)
        expect(upcoming).to_contain_text("14:15–14:30")
        join = upcoming.locator("[data-role=join]")
        expect(join).to_be_disabled()  # opens 5 minutes before the start
        expect(join).to_have_attribute("data-join-url", meeting.video_url)
        with page.expect_download() as download:
            upcoming.get_by_role("link", name=".ics").click()
        calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
        start = next(iter(calendar.walk("VEVENT")))["DTSTART"]
        assert start.params["TZID"] == "Europe/Brussels"
        assert start.dt == second_slot.starts_at.astimezone(BRUSSELS)
        assert start.dt.strftime("%H:%M") == "14:15"

    invitations = {m.to[0]: calendar_of(m) for m in mail.outbox if calendar_of(m) is not None}
    assert sorted(invitations) == ["ana@cluster.example", "bruno@cluster.example"]
    for calendar in invitations.values():
        assert calendar["METHOD"] == "REQUEST"
        start = next(iter(calendar.walk("VEVENT")))["DTSTART"]
        assert start.params["TZID"] == "Europe/Brussels"
        assert start.dt == second_slot.starts_at.astimezone(BRUSSELS)
        assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]


def calendar_of(message) -> Calendar | None:
    """The iCalendar attached to an e-mail, if any."""
    for part in message.attachments:
        if part.get_content_type() == "text/calendar":
            return Calendar.from_ical(part.get_payload(decode=True))
    return None
