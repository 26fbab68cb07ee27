"""Where a poll lives, looked up once per poll and process for every vote waiting for it."""

import asyncio

from asgiref.sync import sync_to_async

from clustermeet.realtime import voting as module


def test_a_poll_home_is_looked_up_once_for_every_vote_waiting_for_it(monkeypatch):
    """When a poll opens, every participant's first vote needs the poll's session at once: one
    query answers all of them, and later votes find it cached."""
    calls = []

    def read(poll_id):
        calls.append(poll_id)
        return (5, 6)

    monkeypatch.setattr(module, "_read_poll_home", read)
    monkeypatch.setattr(module, "_poll_homes", {})
    monkeypatch.setattr(module, "database_sync_to_async", sync_to_async)  # no database here

    async def scenario():
        homes = await asyncio.gather(*(module.poll_home(41) for _ in range(50)))
        assert homes == [(5, 6)] * 50
        assert await module.poll_home(41) == (5, 6)

    asyncio.run(scenario())
    assert calls == [41]
    assert module._poll_home_lookups == {}


def test_a_missing_poll_is_not_cached(monkeypatch):
    calls = []

    def read(poll_id):
        calls.append(poll_id)

    monkeypatch.setattr(module, "_read_poll_home", read)
    monkeypatch.setattr(module, "_poll_homes", {})
    monkeypatch.setattr(module, "database_sync_to_async", sync_to_async)  # no database here

    async def scenario():
        assert await module.poll_home(42) is None
        assert await module.poll_home(42) is None

    asyncio.run(scenario())
    assert calls == [42, 42]
