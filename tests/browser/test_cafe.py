"""World café "my table" in a real browser (uvicorn in a subprocess): a participant goes from the
session page to their table, sees their round-1 table-mates and video room, and — without
reloading — their round-2 table-mates and video room once round 1 ends."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from clustermeet.cafe import services
from clustermeet.cafe.models import Seat
from clustermeet.programme.models import Session
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NAMES = [
    ("Anna", "Schmidt", "DE"),
    ("Bruno", "Lefèvre", "FR"),
    ("Petra", "Nováková", "CZ"),
    ("Jonas", "Berg", "SE"),
    ("Lucía", "García", "ES"),
    ("Marco", "Rossi", "IT"),
    ("Eva", "Kovács", "HU"),
]
ROUND_1_LEFT = dt.timedelta(seconds=7)  # round 2 starts this long after the café is set up


def mates(round_, table) -> list[str]:
    """Who sits at `table` in `round_`, as the page lists them (no hosts here: by name)."""
    seats = Seat.objects.filter(round=round_, table=table).select_related("person")
    people = sorted((s.person for s in seats), key=lambda p: (p.first_name, p.last_name, p.pk))
    return [p.full_name for p in people]


@pytest.fixture
def cafe(asgi_server):
    """A virtual event's café: 2 tables, 7 seated participants, round 1 under way and ending in
    a few seconds, round 2 right after it (set up once the server runs, so the clock is fair)."""
    event = EventFactory(slug="ecc-cafe", name="Cluster Café Conference")
    session = SessionFactory(  # under way: people still sign up
        event=event,
        slug="cafe",
        title="Clusters world café",
        type=Session.Type.WORLD_CAFE,
        starts_at=timezone.now() - dt.timedelta(minutes=10),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    cafe = services.create_cafe(session, ["How can clusters strengthen the industrial ecosystem?"])
    for _ in range(2):
        services.add_table(cafe, 4)
    people = []
    for first, last, country in NAMES:
        person = PersonFactory(
            first_name=first, last_name=last, country=country, organisation=OrganisationFactory()
        )
        RegistrationFactory(event=event, person=person)
        services.sign_up(cafe, person)
        people.append(person)
    now = timezone.now()
    services.add_round(cafe, now - dt.timedelta(minutes=10), now + ROUND_1_LEFT)
    services.add_round(cafe, now + ROUND_1_LEFT, now + dt.timedelta(minutes=20))
    services.seat_all(cafe)
    return {"cafe": cafe, "people": people, "rounds": list(cafe.rounds.order_by("number"))}


def test_my_table_moves_on_to_round_2_by_itself(live_pages, cafe, screenshots):
    first, second = cafe["rounds"]
    seat_of = {
        (s.round_id, s.person_id): s.table
        for s in Seat.objects.filter(round__cafe=cafe["cafe"]).select_related("table")
    }
    assert len(seat_of) == 2 * len(NAMES)  # everyone seated in both rounds
    # Someone whose table-mates change between the rounds.
    person = next(
        p
        for p in cafe["people"]
        if mates(first, seat_of[first.pk, p.pk]) != mates(second, seat_of[second.pk, p.pk])
    )
    table_1, table_2 = seat_of[first.pk, person.pk], seat_of[second.pk, person.pk]

    page = live_pages.open(person)
    page.goto("/events/ecc-cafe/sessions/cafe/")
    page.get_by_role("link", name="Go to my café table").click()
    expect(page).to_have_url(re.compile(r"/events/ecc-cafe/sessions/cafe/cafe/$"))
    page.evaluate("window.notReloaded = true")

    # Round 1: the table, its people and its video room.
    names = page.locator('[data-role="mates"] [data-role="mate-name"]')
    video = page.locator('[data-role="video"]')
    expect(page.locator("#round-title")).to_have_text("Round 1 of 2")
    expect(page.locator("#table-title")).to_have_text(f"Table {table_1.number}")
    expect(names).to_have_text(mates(first, table_1))
    expect(video).to_have_attribute("href", table_1.video_url)
    expect(page.locator("[data-cafe-countdown]")).to_contain_text("left in this round")
    expect(page.locator("[data-role=connection]")).to_have_text("Live")
    screenshots.take(page, "round-1")

    # Round 1 ends: round 2 shows up by itself.
    expect(page.locator("#round-title")).to_have_text("Round 2 of 2", timeout=15_000)
    expect(page.locator("#table-title")).to_have_text(f"Table {table_2.number}")
    expect(names).to_have_text(mates(second, table_2))
    expect(video).to_have_attribute("href", table_2.video_url)
    expect(page.locator("[data-cafe-countdown]")).to_contain_text("left in this round")
    expect(page.locator("[data-role=connection]")).to_have_text("Live")
    expect(page).to_have_url(re.compile(r"\?round=2$"))
    screenshots.take(page, "round-2")
    assert page.evaluate("window.notReloaded") is True
    assert live_pages.problems == []
