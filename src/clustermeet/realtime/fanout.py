"""Process-local fan-out of pre-serialised broadcasts.

Channels delivers a group message to each member through the member's own channel: a queue put,
a task wake-up, `asyncio.wait` in the consumer's loop, a dispatch — about 100 µs per socket, so
2,000 sockets at a few updates a second take a whole core. Here each event loop runs one *relay*
per group that has members on it: the relay receives the group's message once from the channel
layer (in memory: from the flush; Redis pub/sub: one message per publish per process) and writes
the text to every local member in one loop.

Members are objects with `async deliver(text)`. `deliver` must not block on a slow client (the
consumer drops a client whose socket stopped draining instead of waiting for it), so one stalled
reader never holds up the others.

Relays belong to the event loop that created them: `groups()` returns the registry of the
running loop (tests and `async_to_sync` create and close loops; a relay never outlives its loop).
"""

import asyncio
import contextlib
import logging
import weakref

from channels.layers import get_channel_layer

log = logging.getLogger(__name__)


class LocalGroups:
    """The groups of one event loop: members per group, and one relay task per group."""

    def __init__(self):
        self._members: dict[str, set] = {}
        self._relays: dict[str, tuple[asyncio.Task, asyncio.Future]] = {}

    def members(self, group: str) -> frozenset:
        return frozenset(self._members.get(group, ()))

    def relay_count(self) -> int:
        return len(self._relays)

    async def join(self, group: str, member) -> None:
        """Add `member`; returns once the group's relay listens on the channel layer, so any
        message sent to the group after this returns reaches the member."""
        self._members.setdefault(group, set()).add(member)
        if group not in self._relays:
            ready = asyncio.get_running_loop().create_future()
            task = asyncio.ensure_future(self._relay(group, ready))
            self._relays[group] = (task, ready)
        await asyncio.shield(self._relays[group][1])

    async def leave(self, group: str, member) -> None:
        members = self._members.get(group)
        if members is None:
            return
        members.discard(member)
        if members:
            return
        del self._members[group]
        task, _ready = self._relays.pop(group)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _relay(self, group: str, ready: asyncio.Future) -> None:
        layer = get_channel_layer()
        channel = await layer.new_channel()
        try:
            await layer.group_add(group, channel)
            ready.set_result(None)
            while True:
                message = await layer.receive(channel)
                text = message["text"]
                for member in list(self._members.get(group, ())):
                    try:
                        await member.deliver(text)
                    except Exception:  # a socket closing meanwhile leaves on its disconnect
                        log.debug("delivery to a closing socket failed", exc_info=True)
        finally:
            if not ready.done():
                ready.cancel()
            with contextlib.suppress(Exception):
                await layer.group_discard(group, channel)


_registries: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LocalGroups]" = (
    weakref.WeakKeyDictionary()
)


def groups() -> LocalGroups:
    """The registry of the running event loop."""
    loop = asyncio.get_running_loop()
    registry = _registries.get(loop)
    if registry is None:
        registry = _registries[loop] = LocalGroups()
    return registry
