import pytest
from channels.db import database_sync_to_async
from django.utils import translation

from clustermeet.events.models import Event
from clustermeet.live.models import Ballot, LiveSettings, Poll, Question
from clustermeet.realtime import consumer as consumer_module

# serialized_rollback: the flush after each test must not lose the reference data that
# migrations created (ecosystems, roles), which later transactional tests rely on.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]


async def test_anonymous_cannot_open_an_invitation_only_event(connect, stage):
    await database_sync_to_async(Event.objects.filter(pk=stage["event"].pk).update)(
        visibility=Event.Visibility.INVITATION
    )

    assert await connect("ecc") == 4404
    assert await connect("ecc", stage["outsider"]) == 4404
    registered = await connect("ecc", stage["alice"])  # registered people were invited
    assert (await registered.call("ping"))["type"] == "pong"
    await registered.ws.disconnect()
    assert await connect("no-such-event") == 4404


async def test_vote_flow_snapshot_ack_and_coalesced_results(connect, stage):
    poll, (invest, collaborate, _) = stage["poll"], stage["options"]
    mod = await connect("ecc", stage["moderator"])
    alice = await connect("ecc", stage["alice"])
    bob = await connect("ecc", stage["bob"])

    snap = await alice.call("subscribe", {"session": stage["session"].pk})
    assert snap["type"] == "snapshot"
    assert snap["data"]["polls"] == []  # drafts are for moderators only
    assert snap["data"]["can_vote"] is True
    mod_snap = await mod.call("subscribe", {"session": stage["session"].pk})
    assert [p["status"] for p in mod_snap["data"]["polls"]] == ["draft"]
    await bob.call("subscribe", {"session": stage["session"].pk})

    refused = await alice.call("poll.vote", {"poll": poll.pk, "answer": {"choice": invest.pk}})
    assert refused["data"] == {
        "code": "poll_not_open",
        "message": "This poll is not open for voting.",
    }

    opened = await mod.call("poll.open", {"poll": poll.pk})
    assert opened["type"] == "ok"
    update = await alice.next_event("poll.update")
    assert update["data"]["status"] == "open"
    assert update["data"]["results"]["voters"] == 0

    ack = await alice.call("poll.vote", {"poll": poll.pk, "answer": {"choice": invest.pk}})
    assert ack["type"] == "ack"
    assert ack["data"]["answer"] == {"choice": invest.pk}
    await bob.call("poll.vote", {"poll": poll.pk, "answer": collaborate.pk})

    # Results arrive coalesced; the last one seen includes both ballots.
    results = None
    while results is None or results["voters"] < 2:
        results = (await bob.next_event("poll.update"))["data"]["results"]
    counts = {o["id"]: o["count"] for o in results["options"]}
    assert counts == {invest.pk: 1, collaborate.pk: 1, stage["options"][2].pk: 0}

    again = await alice.call("poll.vote", {"poll": poll.pk, "answer": {"choice": collaborate.pk}})
    assert again["data"]["code"] == "already_voted"
    assert await database_sync_to_async(Ballot.objects.count)() == 2

    for client in (mod, alice, bob):
        await client.ws.disconnect()


async def test_participant_cannot_moderate_or_see_hidden_results(connect, stage):
    poll = stage["poll"]
    await database_sync_to_async(Poll.objects.filter(pk=poll.pk).update)(
        status=Poll.Status.OPEN, results_visibility=Poll.Results.NEVER
    )
    alice = await connect("ecc", stage["alice"])
    snap = await alice.call("subscribe", {"session": stage["session"].pk})
    assert snap["data"]["polls"][0]["results"] is None

    for type in ("poll.close", "poll.open"):
        reply = await alice.call(type, {"poll": poll.pk})
        assert reply["data"] == {"code": "forbidden", "message": "You may not do this."}
    reply = await alice.call("poll.results_visibility", {"poll": poll.pk, "visibility": "live"})
    assert reply["data"]["code"] == "forbidden"
    assert (
        await database_sync_to_async(lambda: Poll.objects.get(pk=poll.pk).results_visibility)()
        == "never"
    )
    await alice.ws.disconnect()


async def test_a_speaker_on_the_presenter_view_reads_what_moderators_read_and_acts_on_nothing(
    connect, stage
):
    poll = stage["poll"]
    await database_sync_to_async(Poll.objects.filter(pk=poll.pk).update)(
        status=Poll.Status.OPEN, results_visibility=Poll.Results.NEVER
    )
    speaker = await database_sync_to_async(
        lambda: stage["session"].speaker_roles.create(person=stage["bob"], role="panellist").person
    )()
    presenter = await connect("ecc", speaker)
    snap = await presenter.call("subscribe", {"session": stage["session"].pk, "presenter": True})
    assert snap["data"]["moderator"] is True
    assert snap["data"]["polls"][0]["results"]["voters"] == 0
    reply = await presenter.call("poll.close", {"poll": poll.pk})
    assert reply["data"] == {"code": "forbidden", "message": "You may not do this."}

    # The flag gives a participant who is not a speaker nothing more.
    alice = await connect("ecc", stage["alice"])
    snap = await alice.call("subscribe", {"session": stage["session"].pk, "presenter": True})
    assert (snap["data"]["moderator"], snap["data"]["polls"][0]["results"]) == (False, None)
    await presenter.ws.disconnect()
    await alice.ws.disconnect()


async def test_outsider_and_other_event_cannot_vote(connect, stage):
    poll = stage["poll"]
    await database_sync_to_async(Poll.objects.filter(pk=poll.pk).update)(status="open")
    outsider = await connect("ecc", stage["outsider"])
    reply = await outsider.call("poll.vote", {"poll": poll.pk, "answer": stage["options"][0].pk})
    assert reply["data"]["code"] == "forbidden"

    from tests.factories import EventFactory

    await database_sync_to_async(EventFactory)(slug="other")
    elsewhere = await connect("other", stage["alice"])
    reply = await elsewhere.call("poll.vote", {"poll": poll.pk, "answer": stage["options"][0].pk})
    assert reply["data"] == {"code": "not_found", "message": "No such poll."}
    assert await database_sync_to_async(Ballot.objects.count)() == 0
    await outsider.ws.disconnect()
    await elsewhere.ws.disconnect()


async def test_room_code_voting(connect, stage):
    poll = stage["poll"]
    await database_sync_to_async(Poll.objects.filter(pk=poll.pk).update)(status="open")
    settings = await database_sync_to_async(LiveSettings.objects.get)(session=stage["session"])
    guest = await connect("ecc")

    reply = await guest.call("join", {"code": settings.join_code})
    assert reply["data"]["code"] == "bad_code"  # room voting is off
    await database_sync_to_async(LiveSettings.objects.filter(pk=settings.pk).update)(
        room_voting=True
    )
    joined = await guest.call("join", {"code": settings.join_code.lower()})
    assert joined["type"] == "joined"
    ack = await guest.call("poll.vote", {"poll": poll.pk, "answer": stage["options"][1].pk})
    assert ack["type"] == "ack"

    # Reconnecting with the signed token keeps the same voter: no second ballot.
    again = await connect("ecc")
    await again.call("join", {"code": settings.join_code, "token": joined["data"]["token"]})
    reply = await again.call("poll.vote", {"poll": poll.pk, "answer": stage["options"][0].pk})
    assert reply["data"]["code"] == "already_voted"
    forged = await connect("ecc")
    await forged.call("join", {"code": settings.join_code, "token": "forged"})
    assert (await forged.call("poll.vote", {"poll": poll.pk, "answer": 1}))["type"] == "error"
    assert await database_sync_to_async(Ballot.objects.filter(poll=poll).count)() == 1
    for c in (guest, again, forged):
        await c.ws.disconnect()


async def test_bad_messages_get_clear_errors(connect, stage):
    alice = await connect("ecc", stage["alice"])
    await alice.ws.send_to(text_data="not json")
    reply = await alice.ws.receive_json_from()
    assert reply["type"] == "error"
    assert reply["data"]["code"] == "bad_message"
    reply = await alice.call("poll.vote", {"poll": "x"})
    assert reply["data"]["code"] == "bad_message"
    assert reply["data"]["message"].startswith("poll.vote.data.poll")
    assert (await alice.call("ping"))["type"] == "pong"
    await alice.ws.disconnect()


async def test_questions_moderated_upvoted_and_reordered(connect, stage):
    session_id = stage["session"].pk
    mod = await connect("ecc", stage["moderator"])
    alice = await connect("ecc", stage["alice"])
    bob = await connect("ecc", stage["bob"])
    await mod.call("subscribe", {"session": session_id})
    await alice.call("subscribe", {"session": session_id})
    await bob.call("subscribe", {"session": session_id})

    asked = await alice.call("qa.ask", {"session": session_id, "text": "What about skills?"})
    assert asked["data"]["status"] == "pending"
    pending = await mod.next_event("question.update")
    assert pending["data"]["status"] == "pending"
    assert pending["data"]["author"] == stage["alice"].full_name
    hidden = await bob.next_event("question.update")
    assert hidden["data"] == {
        "id": asked["data"]["question"],
        "session": session_id,
        "status": "removed",
    }

    qid = asked["data"]["question"]
    assert (await bob.call("qa.moderate", {"question": qid, "action": "approve"}))["data"][
        "code"
    ] == "forbidden"
    assert (await mod.call("qa.moderate", {"question": qid, "action": "approve"}))["type"] == "ok"
    shown = await bob.next_event("question.update")
    assert shown["data"]["status"] == "approved"

    up = await bob.call("qa.upvote", {"question": qid})
    assert up["data"] == {"question": qid, "upvotes": 1}
    twice = await bob.call("qa.upvote", {"question": qid})
    assert twice["data"]["code"] == "already_upvoted"
    anon = await bob.call(
        "qa.ask", {"session": session_id, "text": "Anonymous one", "anonymous": True}
    )
    assert anon["type"] == "ok"
    question = await database_sync_to_async(Question.objects.get)(pk=qid)
    assert question.upvote_count == 1
    for c in (mod, alice, bob):
        await c.ws.disconnect()


async def test_websocket_refusals_are_worded_in_the_connections_language(
    stage, connect, monkeypatch
):
    monkeypatch.setattr(consumer_module, "_", lambda m: f"[{translation.get_language()}] {m}")
    # As if the cookie said so.
    monkeypatch.setattr(consumer_module, "connection_language", lambda scope, user: "de")
    client = await connect("ecc", stage["alice"])
    reply = await client.call("subscribe", {"session": 987654})
    assert reply["type"] == "error"
    assert reply["data"] == {"code": "not_found", "message": "[de] No such session."}
    await client.ws.disconnect()
