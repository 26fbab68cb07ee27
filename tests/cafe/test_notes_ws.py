import pytest
from channels.db import database_sync_to_async

from clustermeet.cafe import services
from clustermeet.cafe.models import Note, Seat
from tests.cafe.test_models_services import build_cafe
from tests.live.conftest import Client, connect  # noqa: F401 (the fixture)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]


@pytest.fixture(autouse=True)
def _fast_coalescing(monkeypatch):
    from clustermeet.realtime import broadcast

    monkeypatch.setattr(broadcast.coalescer, "interval", 0.05)


def _seated():
    setup = build_cafe()
    services.seat_all(setup["cafe"])
    table, rnd = setup["tables"][0], setup["rounds"][0]
    host = setup["hosts"][0]
    member = Seat.objects.filter(round=rnd, table=table).exclude(person=host).first().person
    other = Seat.objects.exclude(table=table).filter(round=rnd).first().person
    return setup | {"table": table, "round": rnd, "host": host, "member": member, "other": other}


async def test_note_autosave_reaches_the_table_not_outsiders(connect):  # noqa: F811
    s = await database_sync_to_async(_seated)()
    ref = {"table": s["table"].pk, "round": s["round"].pk}
    host: Client = await connect("ecc", s["host"])
    member: Client = await connect("ecc", s["member"])
    other: Client = await connect("ecc", s["other"])

    snap = await member.call("cafe.subscribe_table", ref)
    assert snap["type"] == "cafe.snapshot"
    assert snap["data"]["can_write"] is False
    assert snap["data"]["notes"] == []
    assert [q["id"] for q in snap["data"]["questions"]] == [q.pk for q in s["questions"]]
    host_snap = await host.call("cafe.subscribe_table", ref)
    assert host_snap["data"]["can_write"] is True

    refused = await other.call("cafe.subscribe_table", ref)
    assert refused["data"] == {"code": "forbidden", "message": "You may not do this."}

    question = s["questions"][0].pk
    for text in ("Clusters", "Clusters bridge SMEs"):
        ack = await host.call("cafe.note", ref | {"question": question, "text": text})
        assert ack["type"] == "ack"
        assert ack["data"]["question"] == question
    # Updates are coalesced: the last one seen carries the last text.
    data = None
    while data is None or data["text"] != "Clusters bridge SMEs":
        data = (await member.next_event("cafe.note"))["data"]
    assert data["updated_by"] == s["host"].full_name
    assert data["table"] == s["table"].pk

    denied = await member.call("cafe.note", ref | {"question": question, "text": "mine"})
    assert denied["data"] == {
        "code": "forbidden",
        "message": "You may not write this table's notes.",
    }
    denied = await other.call("cafe.note", ref | {"question": question, "text": "mine"})
    assert denied["data"]["code"] == "forbidden"
    note = await database_sync_to_async(Note.objects.get)()
    assert note.text == "Clusters bridge SMEs"

    assert await other.ws.receive_nothing(timeout=0.3)
    for client in (host, member, other):
        await client.ws.disconnect()


async def test_bad_references_are_refused(connect):  # noqa: F811
    s = await database_sync_to_async(_seated)()
    host: Client = await connect("ecc", s["host"])
    reply = await host.call("cafe.subscribe_table", {"table": s["table"].pk, "round": 999999})
    assert reply["data"] == {"code": "not_found", "message": "No such table in this round."}
    reply = await host.call(
        "cafe.note",
        {"table": s["table"].pk, "round": s["round"].pk, "question": 999999, "text": "x"},
    )
    assert reply["data"] == {"code": "not_found", "message": "No such question in this café."}
    reply = await host.call("cafe.note", {"table": s["table"].pk, "round": s["round"].pk})
    assert reply["data"]["code"] == "bad_message"
    assert await database_sync_to_async(Note.objects.count)() == 0
    await host.ws.disconnect()
