"""Broadcasts leave after commit, coalesced.

A write calls `after_commit(builder, arg)` inside its transaction. When the transaction commits,
the key (builder, arg) is marked dirty. Each process flushes a dirty key at most once per
`INTERVAL`: it calls `builder(arg)` once (in a worker thread, it reads the database), which returns
`[(group, message)]`; each message is serialised to JSON once and sent to its group with one
`group_send` — with the Redis pub/sub layer that is one publish per group, whatever the number of
sockets. A burst of 200 votes a second on one poll therefore becomes about five result updates a
second, each one complete (it carries the poll's version, so clients can drop stale ones).

With several worker processes (production: `REDIS_URL`), the workers share one *lease* per key in
Redis (`SET NX PX interval`): a worker flushes only while it holds the key's lease, otherwise it
tries again when the lease ends. The key is still flushed by a process that saw the change (the
other worker's flush may have read the database before this commit), and every socket of every
worker gets at most one update per key per interval — not one per worker.

Where no event loop serves websockets in this process (a management command, a WSGI request,
a plain test), the flush happens right away, synchronously.
"""

import asyncio
import contextvars
import json
import logging
import threading
import time
from collections.abc import Callable, Hashable

from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connections, transaction

log = logging.getLogger(__name__)

# Seconds between two flushes of one key (in all processes): at most 2.5 updates a second per
# poll, so 2,000 sockets get 5,000 messages a second.
INTERVAL = 0.4

Builder = Callable[[Hashable], list[tuple[str, dict]]]


def encode(message: dict) -> str:
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False, default=str)


async def send_group_texts(texts: list[tuple[str, str]]) -> None:
    layer = get_channel_layer()
    for group, text in texts:
        await layer.group_send(group, {"type": "broadcast.message", "text": text})


# Take the lease if free (0), else say how long it is still held (milliseconds).
_LEASE_SCRIPT = """
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
return redis.call('PTTL', KEYS[1])
"""


class RedisLease:
    """One flush per key and interval across processes. Its client belongs to one event loop."""

    def __init__(self, url: str):
        import redis.asyncio

        self._client = redis.asyncio.Redis.from_url(url)
        self._script = self._client.register_script(_LEASE_SCRIPT)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def acquire(self, name: str, seconds: float) -> float:
        """0 when this process may flush now, else the seconds until it may try again."""
        held_ms = await self._script(keys=[name], args=[max(1, int(seconds * 1000))])
        return max(int(held_ms), 1) / 1000 if held_ms else 0.0


def _lease_name(key) -> str:
    builder, arg = key
    return f"clustermeet:flush:{builder.__module__}.{builder.__qualname__}:{arg!r}"


class Coalescer:
    def __init__(self, interval: float = INTERVAL, lease_url: str | None = None):
        self.interval = interval
        self._lease_url = lease_url
        self._lease: RedisLease | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._pending: set[tuple[Builder, Hashable]] = set()
        self._last_flush: dict[tuple[Builder, Hashable], float] = {}

    def attach(self) -> None:
        """Called from the event loop that serves websockets (by every consumer on connect)."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._loop, self._loop_thread = loop, threading.get_ident()
            self._pending.clear()
            self._lease = RedisLease(self._lease_url) if self._lease_url else None

    async def detach(self) -> None:
        """Release the loop's resources (its Redis client); for loops that end (tests)."""
        if self._lease is not None:
            await self._lease.aclose()
        self._loop = self._loop_thread = self._lease = None
        self._pending.clear()

    def _live_loop(self) -> asyncio.AbstractEventLoop | None:
        loop = self._loop
        if loop is None or loop.is_closed() or not loop.is_running():
            return None
        return loop

    def notify(self, builder: Builder, arg: Hashable) -> None:
        """Mark (builder, arg) dirty. Safe from any thread."""
        loop = self._live_loop()
        if loop is None:
            async_to_sync(send_group_texts)(_build_texts(builder, arg))
            return
        if threading.get_ident() == self._loop_thread:
            contextvars.Context().run(self._schedule, (builder, arg))
        else:
            # A fresh context: the caller's (a database thread's) must not leak into the flush.
            loop.call_soon_threadsafe(self._schedule, (builder, arg), context=contextvars.Context())

    def _schedule(self, key) -> None:
        if key in self._pending:
            return
        self._pending.add(key)
        delay = max(0.0, self._last_flush.get(key, 0.0) + self.interval - time.monotonic())
        self._flush_later(key, delay)

    def _flush_later(self, key, delay: float) -> None:
        self._loop.call_later(
            delay, lambda: asyncio.ensure_future(self._flush(key)), context=contextvars.Context()
        )

    async def _flush(self, key) -> None:
        if self._lease is not None:
            try:
                wait = await self._lease.acquire(_lease_name(key), self.interval)
            except Exception:  # Redis unreachable: updates matter more than their rate
                log.warning("flush lease unavailable; flushing anyway", exc_info=True)
                wait = 0.0
            if wait:
                self._flush_later(key, wait)  # still pending: notifies meanwhile are merged
                return
        # Unmark first: a change committed while we build schedules the next flush.
        self._pending.discard(key)
        self._last_flush[key] = time.monotonic()
        builder, arg = key
        # Not in the database thread that serves the consumers: under load that thread has a
        # queue of votes, and results must not wait behind it. A pool thread reads what is
        # committed (the flush runs after commit) on a connection of its own.
        texts = await sync_to_async(_build_texts_in_pool, thread_sensitive=False)(builder, arg)
        await send_group_texts(texts)
        if len(self._last_flush) > 10_000:
            cutoff = time.monotonic() - 60
            self._last_flush = {k: t for k, t in self._last_flush.items() if t > cutoff}


def _build_texts(builder: Builder, arg) -> list[tuple[str, str]]:
    return [(group, encode(message)) for group, message in builder(arg)]


def _build_texts_in_pool(builder: Builder, arg) -> list[tuple[str, str]]:
    """`_build_texts` in a pool thread, which closes its connection afterwards (a pool thread
    may end with its event loop; a flush every 0.4 s makes reconnecting cheap enough)."""
    try:
        return _build_texts(builder, arg)
    finally:
        connections.close_all()


coalescer = Coalescer(lease_url=settings.REDIS_URL or None)


def after_commit(builder: Builder, arg: Hashable) -> None:
    """Schedule `builder(arg)`'s messages for when the current transaction commits."""
    transaction.on_commit(lambda: coalescer.notify(builder, arg))
