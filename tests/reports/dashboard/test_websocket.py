"""The dashboard over the event's websocket (`reports.subscribe_dashboard`, docs/protocol.md):
organisers get a snapshot and then the complete figures whenever they change; anyone else is
refused; the ticker runs while someone subscribes and stops with the last one."""

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from clustermeet.reports.dashboard import ticker
from clustermeet.reports.dashboard.queries import dashboard_figures
from clustermeet.reports.dashboard.ticker import tickers
from tests.awards.factories import checked_in
from tests.factories import RegistrationFactory
from tests.live.conftest import Client, connect  # noqa: F401 (the fixture)
from tests.onsite.factories import door_staff_of
from tests.reports.dashboard.factories import dashboard_event

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]


@pytest.fixture(autouse=True)
def _fast_ticks(monkeypatch):
    monkeypatch.setattr(ticker, "INTERVAL", 0.05)


@database_sync_to_async
def _fresh(event):
    return dashboard_figures(event, timezone.now())


async def test_an_organiser_gets_the_figures_then_each_change(connect):  # noqa: F811
    built = await database_sync_to_async(dashboard_event)()
    event = built["event"]
    organiser: Client = await connect(event.slug, built["organiser"])
    snapshot = await organiser.call("reports.subscribe_dashboard")
    assert snapshot["type"] == "reports.dashboard_snapshot"
    assert snapshot["data"] == await _fresh(event)
    assert snapshot["data"]["online"] == {"people": 1, "connections": 1}
    assert snapshot["data"]["registrations"]["registered"] == 7
    assert tickers().running() == {event.pk}

    await database_sync_to_async(RegistrationFactory)(event=event, status="pending")
    update = await organiser.next_event("reports.dashboard")
    # The event replaces what the page shows: applied, it equals a fresh reading.
    assert update["data"] == await _fresh(event)
    assert update["data"]["registrations"] == {"registered": 8, "approved": 5, "pending": 2}
    # Unchanged figures are not sent again.
    assert await organiser.ws.receive_nothing(timeout=0.3)

    await organiser.ws.disconnect()
    assert tickers().running() == frozenset()
    assert tickers().members(event.pk) == frozenset()


async def test_a_check_in_and_a_new_connection_reach_the_dashboard(connect):  # noqa: F811
    built = await database_sync_to_async(dashboard_event)()
    event = built["event"]
    organiser: Client = await connect(event.slug, built["organiser"])
    await organiser.call("reports.subscribe_dashboard")

    participant = await connect(event.slug, built["participants"][-1])
    update = await organiser.next_event("reports.dashboard")
    assert update["data"]["online"] == {"people": 2, "connections": 2}
    assert update["data"] == await _fresh(event)

    registration = await database_sync_to_async(
        lambda: event.registrations.get(person=built["participants"][-1])
    )()
    await database_sync_to_async(checked_in)(registration)
    update = await organiser.next_event("reports.dashboard")
    assert update["data"]["door"]["checked_in"] == 3
    assert update["data"] == await _fresh(event)

    await participant.ws.disconnect()
    update = await organiser.next_event("reports.dashboard")
    assert update["data"]["online"] == {"people": 1, "connections": 1}
    await organiser.ws.disconnect()
    assert tickers().running() == frozenset()


async def test_participants_door_staff_and_visitors_are_refused(connect):  # noqa: F811
    built = await database_sync_to_async(dashboard_event)()
    event = built["event"]
    staff = await database_sync_to_async(door_staff_of)(event)
    for person in (built["participants"][0], staff, None):
        client = await connect(event.slug, person)
        assert isinstance(client, Client)  # a public event: anyone may connect
        reply = await client.call("reports.subscribe_dashboard")
        assert reply["type"] == "error"
        assert reply["data"] == {"code": "forbidden", "message": "You may not do this."}
        assert tickers().running() == frozenset()
        await client.ws.disconnect()


async def test_the_ticker_stops_with_the_last_subscriber(connect):  # noqa: F811
    built = await database_sync_to_async(dashboard_event)()
    event = built["event"]
    first: Client = await connect(event.slug, built["organiser"])
    colleague = await database_sync_to_async(
        lambda: RegistrationFactory(event=event, roles=["organiser"]).person
    )()
    second: Client = await connect(event.slug, colleague)
    await first.call("reports.subscribe_dashboard")
    await second.call("reports.subscribe_dashboard")
    assert tickers().running() == {event.pk}

    assert (await first.call("reports.unsubscribe_dashboard"))["type"] == "ok"
    assert tickers().running() == {event.pk}  # the second still follows
    await second.ws.disconnect()
    assert tickers().running() == frozenset()
    assert tickers().members(event.pk) == frozenset()
    # Unsubscribing again is harmless.
    assert (await first.call("reports.unsubscribe_dashboard"))["type"] == "ok"
    await first.ws.disconnect()


async def test_the_subscription_takes_no_data(connect):  # noqa: F811
    built = await database_sync_to_async(dashboard_event)()
    organiser: Client = await connect(built["event"].slug, built["organiser"])
    reply = await organiser.call("reports.subscribe_dashboard", {"event": 1})
    assert reply["type"] == "error"
    assert reply["data"]["code"] == "bad_message"
    await organiser.ws.disconnect()
