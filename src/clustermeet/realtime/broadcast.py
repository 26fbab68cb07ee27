"""Broadcasts leave after commit, coalesced.

A write calls `after_commit(builder, arg)` inside its transaction. When the transaction commits,
the key (builder, arg) is marked dirty. Each process flushes a dirty key at most once per
`INTERVAL`: it calls `builder(arg)` once (in a worker thread, it reads the database), which returns
`[(group, message)]`; each message is serialised to JSON once and sent to its group with one
`group_send` — with the Redis pub/sub layer that is one publish per group, whatever the number of
sockets. A burst of 200 votes a second on one poll therefore becomes about five result updates a
second, each one complete (it carries the poll's version, so clients can drop stale ones).

Where no event loop serves websockets in this process (a management command, a WSGI request,
a plain test), the flush happens right away, synchronously.
"""

import asyncio
import contextvars
import json
import threading
import time
from collections.abc import Callable, Hashable

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

INTERVAL = 0.2  # seconds between two flushes of one key in one process

Builder = Callable[[Hashable], list[tuple[str, dict]]]


def encode(message: dict) -> str:
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False, default=str)


async def send_group_texts(texts: list[tuple[str, str]]) -> None:
    layer = get_channel_layer()
    for group, text in texts:
        await layer.group_send(group, {"type": "broadcast.message", "text": text})


class Coalescer:
    def __init__(self, interval: float = INTERVAL):
        self.interval = interval
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

    def _live_loop(self) -> asyncio.AbstractEventLoop | None:
        loop = self._loop
        if loop is None or loop.is_closed() or not loop.is_running():
            return None
        return loop

    def notify(self, builder: Builder, arg: Hashable) -> None:
        """Mark (builder, arg) dirty. Safe from any thread."""
        loop = self._live_loop()
        if loop is None:
            texts = [(group, encode(message)) for group, message in builder(arg)]
            async_to_sync(send_group_texts)(texts)
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
        self._loop.call_later(
            delay, lambda: asyncio.ensure_future(self._flush(key)), context=contextvars.Context()
        )

    async def _flush(self, key) -> None:
        # Unmark first: a change committed while we build schedules the next flush.
        self._pending.discard(key)
        self._last_flush[key] = time.monotonic()
        builder, arg = key
        texts = await database_sync_to_async(_build_texts)(builder, arg)
        await send_group_texts(texts)
        if len(self._last_flush) > 10_000:
            cutoff = time.monotonic() - 60
            self._last_flush = {k: t for k, t in self._last_flush.items() if t > cutoff}


def _build_texts(builder: Builder, arg) -> list[tuple[str, str]]:
    return [(group, encode(message)) for group, message in builder(arg)]


coalescer = Coalescer()


def after_commit(builder: Builder, arg: Hashable) -> None:
    """Schedule `builder(arg)`'s messages for when the current transaction commits."""
    transaction.on_commit(lambda: coalescer.notify(builder, arg))
