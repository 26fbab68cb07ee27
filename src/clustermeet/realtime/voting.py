"""The votes of the websocket, on their way to the database: where a poll lives (looked up once
per poll and process, one query for every vote waiting for it) and the per-event-loop queue
that writes votes in batches (`live.voting.cast_votes`)."""

import asyncio
import contextvars
import weakref

from channels.db import database_sync_to_async
from django.utils import translation

from clustermeet.live import voting as live_voting
from clustermeet.live.models import Poll

# poll id -> (session id, event id), shared by the connections of this process: a poll never
# moves to another session, so one lookup per poll and process is enough.
_poll_homes: dict[int, tuple[int, int]] = {}


# poll id -> the lookup in flight: when a poll opens, every participant's first vote needs its
# home at once; one query answers them all (one per poll, process and event loop).
_poll_home_lookups: dict[int, asyncio.Future] = {}


def _read_poll_home(poll_id: int) -> tuple[int, int] | None:
    return (
        Poll.objects.filter(pk=poll_id)
        .order_by()
        .values_list("session_id", "session__event_id")
        .first()
    )


async def poll_home(poll_id: int) -> tuple[int, int] | None:
    """(session id, event id) of a poll, or None when there is no such poll."""
    home = _poll_homes.get(poll_id)
    if home is not None:
        return home
    loop = asyncio.get_running_loop()
    lookup = _poll_home_lookups.get(poll_id)
    if lookup is None or lookup.get_loop() is not loop:
        lookup = asyncio.ensure_future(database_sync_to_async(_read_poll_home)(poll_id))
        _poll_home_lookups[poll_id] = lookup

        def forget(done: asyncio.Future) -> None:
            if _poll_home_lookups.get(poll_id) is done:
                del _poll_home_lookups[poll_id]
            if not done.cancelled() and done.exception() is None and done.result() is not None:
                _poll_homes[poll_id] = done.result()

        lookup.add_done_callback(forget)
    return await asyncio.shield(lookup)


# At most this many votes go to the database in one call (SQLite takes 32,766 parameters in a
# statement: 9 per ballot).
VOTE_BATCH = 500


class VoteQueue:
    """The votes of one event loop's connections, written in batches: while the database thread
    writes one batch, the votes that arrive meanwhile wait for the next one, which takes them all
    (`live.voting.cast_votes`: a few statements per poll and batch instead of several per vote). At
    a trickle every batch holds one vote; under load the batches grow instead of the queue of
    calls in the database thread, so the ack of a vote waits for at most about one batch."""

    def __init__(self):
        self._waiting: list[tuple[live_voting.VoteRequest, asyncio.Future]] = []
        self._writer: asyncio.Task | None = None

    async def cast(self, poll_id: int, voter: live_voting.Voter, answer):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        request = live_voting.VoteRequest(poll_id, voter, answer, translation.get_language())
        self._waiting.append((request, future))
        if self._writer is None:
            # A context of its own: the writer serves every connection, not the first voter.
            self._writer = loop.create_task(self._write(), context=contextvars.Context())
        return await future

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[:VOTE_BATCH]
                del self._waiting[:VOTE_BATCH]
                try:
                    results = await database_sync_to_async(live_voting.cast_votes)(
                        [request for request, _future in batch]
                    )
                except Exception as error:  # the database failed: every vote of the batch
                    for _request, future in batch:
                        if not future.done():
                            future.set_exception(error)
                    continue
                for (_request, future), result in zip(batch, results, strict=True):
                    if future.done():  # its connection went away meanwhile
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._writer = None


_vote_queues: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, VoteQueue]" = (
    weakref.WeakKeyDictionary()
)


def votes() -> VoteQueue:
    """The vote queue of the running event loop."""
    loop = asyncio.get_running_loop()
    queue = _vote_queues.get(loop)
    if queue is None:
        queue = _vote_queues[loop] = VoteQueue()
    return queue
