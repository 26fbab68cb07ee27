import asyncio

from channels.layers import get_channel_layer

from clustermeet.realtime.fanout import groups


class Member:
    def __init__(self, name: str, log: list):
        self.name, self.log = name, log

    async def deliver(self, text: str) -> None:
        self.log.append((self.name, text))


class Broken:
    async def deliver(self, text: str) -> None:
        raise ConnectionError("socket closed")


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_one_relay_per_group_writes_each_message_to_every_local_member():
    async def scenario():
        log: list = []
        alice, bob = Member("alice", log), Member("bob", log)
        registry = groups()
        await registry.join("session-1.public", alice)
        await registry.join("session-1.public", bob)
        await registry.join("session-1.moderators", alice)
        assert registry.relay_count() == 2

        layer = get_channel_layer()
        await layer.group_send("session-1.public", {"type": "broadcast.message", "text": "A"})
        await layer.group_send("session-1.moderators", {"type": "broadcast.message", "text": "M"})
        await _settle()
        assert sorted(log) == [("alice", "A"), ("alice", "M"), ("bob", "A")]

        await registry.leave("session-1.public", alice)
        log.clear()
        await layer.group_send("session-1.public", {"type": "broadcast.message", "text": "B"})
        await _settle()
        assert log == [("bob", "B")]

        await registry.leave("session-1.public", bob)
        await registry.leave("session-1.moderators", alice)
        assert registry.relay_count() == 0
        assert registry.members("session-1.public") == frozenset()

    asyncio.run(scenario())


def test_a_failing_member_does_not_stop_the_others():
    async def scenario():
        log: list = []
        registry = groups()
        await registry.join("g", Broken())
        await registry.join("g", Member("carol", log))
        layer = get_channel_layer()
        await layer.group_send("g", {"type": "broadcast.message", "text": "1"})
        await layer.group_send("g", {"type": "broadcast.message", "text": "2"})
        await _settle()
        assert log == [("carol", "1"), ("carol", "2")]

    asyncio.run(scenario())


def test_each_event_loop_has_its_own_relays():
    seen: list = []

    async def scenario(name: str):
        log: list = []
        registry = groups()
        seen.append(registry)
        await registry.join("shared-group", Member(name, log))
        assert registry.relay_count() == 1
        await get_channel_layer().group_send(
            "shared-group", {"type": "broadcast.message", "text": name}
        )
        await _settle()
        return log

    # The first loop ends with its relay still registered; the second loop must not reuse it.
    assert asyncio.run(scenario("first")) == [("first", "first")]
    assert asyncio.run(scenario("second")) == [("second", "second")]
    assert seen[0] is not seen[1]
