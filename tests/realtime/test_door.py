"""The door figures over the event's websocket (`onsite.subscribe_door`, docs/protocol.md):
organisers get a snapshot and then every check-in's figures; door staff and participants are
refused."""

import pytest
from channels.db import database_sync_to_async

from clustermeet.onsite.checkin import services
from clustermeet.people.models import Role
from tests.factories import RegistrationFactory
from tests.live.conftest import Client, connect  # noqa: F401 (the fixture)
from tests.onsite.factories import badged, door_staff_of, event_today

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]


@pytest.fixture(autouse=True)
def _fast_coalescing(monkeypatch):
    from clustermeet.realtime import broadcast

    monkeypatch.setattr(broadcast.coalescer, "interval", 0.05)


def _door():
    event = event_today(slug="ecc-door")
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    staff = door_staff_of(event)
    participant, _token = badged(event)
    _registration, token = badged(event, roles=[Role.SPEAKER])
    return {
        "event": event,
        "organiser": organiser,
        "staff": staff,
        "participant": participant.person,
        "token": token,
    }


async def test_organisers_follow_the_door_figures_live(connect):  # noqa: F811
    s = await database_sync_to_async(_door)()
    organiser: Client = await connect("ecc-door", s["organiser"])
    snapshot = await organiser.call("onsite.subscribe_door")
    assert snapshot["type"] == "onsite.door_snapshot"
    assert (snapshot["data"]["checked_in"], snapshot["data"]["expected"]) == (0, 3)

    result = await database_sync_to_async(services.check_in_token)(
        s["event"], s["token"], by=s["staff"]
    )
    assert result.code == "checked_in"
    update = await organiser.next_event("onsite.door")
    assert (update["data"]["checked_in"], update["data"]["expected"]) == (1, 3)
    speakers = [row for row in update["data"]["per_kind"] if row["kind"] == "speaker"]
    assert speakers == [{"kind": "speaker", "label": "Speaker", "checked_in": 1, "expected": 1}]
    # A second scan of the same badge records nothing and broadcasts nothing.
    again = await database_sync_to_async(services.check_in_token)(
        s["event"], s["token"], by=s["staff"]
    )
    assert again.code == "already"
    assert await organiser.ws.receive_nothing(timeout=0.3)
    await organiser.ws.disconnect()


async def test_door_staff_and_participants_may_not_subscribe(connect):  # noqa: F811
    s = await database_sync_to_async(_door)()
    for person in (s["staff"], s["participant"]):
        client = await connect("ecc-door", person)
        assert isinstance(client, Client)  # a public event: both may connect
        reply = await client.call("onsite.subscribe_door")
        assert reply["type"] == "error"
        assert reply["data"] == {"code": "forbidden", "message": "You may not do this."}
        await client.ws.disconnect()


async def test_the_subscription_takes_no_data(connect):  # noqa: F811
    s = await database_sync_to_async(_door)()
    organiser: Client = await connect("ecc-door", s["organiser"])
    reply = await organiser.call("onsite.subscribe_door", {"event": 1})
    assert reply["type"] == "error"
    assert reply["data"]["code"] == "bad_message"
    await organiser.ws.disconnect()
