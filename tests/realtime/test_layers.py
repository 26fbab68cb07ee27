import asyncio

from clustermeet.realtime.layers import LocalChannelLayer


def test_group_send_reaches_every_member_once_and_skips_a_full_one():
    async def scenario():
        layer = LocalChannelLayer(capacity=2)
        full, a, b = [await layer.new_channel() for _ in range(3)]
        for channel in (full, a, b):
            await layer.group_add("g", channel)
        await layer.send(full, {"type": "x", "text": "1"})
        await layer.send(full, {"type": "x", "text": "2"})

        await layer.group_send("g", {"type": "broadcast.message", "text": "hello"})

        assert (await layer.receive(a))["text"] == "hello"
        assert (await layer.receive(b))["text"] == "hello"
        assert [(await layer.receive(full))["text"] for _ in range(2)] == ["1", "2"]
        assert a not in layer.channels  # nothing else was queued (empty queues are dropped)

    asyncio.run(scenario())


def test_memberships_last_as_long_as_the_connection():
    async def scenario():
        layer = LocalChannelLayer()
        channel = await layer.new_channel()
        await layer.group_add("g", channel)
        layer._swept_at = float("-inf")  # force the next sweep
        layer._clean_expired()
        assert channel in layer.groups["g"]

    asyncio.run(scenario())
