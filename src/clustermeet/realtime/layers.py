"""The in-process channel layer of the embedded default.

Channels' InMemoryChannelLayer sweeps every channel and every group membership for expired
entries on *each* receive and group_send: with N connections in a group, one broadcast costs
O(N²). This layer sweeps at most once a second, puts a group message on each member's queue
directly (the message is shared: broadcasts are never mutated by their receivers), and keeps group
memberships for the life of the connection instead of expiring them after a day. With the
process-local relay (realtime.fanout) a group has one member per event loop anyway."""

import asyncio
import contextlib
import time

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer

SWEEP_INTERVAL = 1.0  # seconds


class LocalChannelLayer(InMemoryChannelLayer):
    def __init__(self, expiry=60, group_expiry=10 * 365 * 86400, capacity=100, **kwargs):
        super().__init__(expiry=expiry, group_expiry=group_expiry, capacity=capacity, **kwargs)
        self._swept_at = float("-inf")

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._swept_at >= SWEEP_INTERVAL:
            self._swept_at = now
            super()._clean_expired()

    async def send(self, channel, message):
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_channel_name(channel)
        self._put(channel, dict(message))

    def _put(self, channel, message) -> None:
        queue = self.channels.get(channel)
        if queue is None:
            queue = self.channels[channel] = asyncio.Queue(maxsize=self.get_capacity(channel))
        try:
            queue.put_nowait((time.time() + self.expiry, message))
        except asyncio.QueueFull:
            raise ChannelFull(channel) from None

    async def group_send(self, group, message):
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        for channel in list(self.groups.get(group, ())):
            # A member that stopped reading misses this message, not the next one.
            with contextlib.suppress(ChannelFull):
                self._put(channel, message)
