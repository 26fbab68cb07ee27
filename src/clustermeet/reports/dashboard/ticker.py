"""The dashboard's updates: one ticker per event and event loop, running while the event's
dashboard has subscribers on that loop.

Rather than every app's services announcing their writes, the ticker recomputes the complete
figures every INTERVAL seconds (in a pool thread, on a connection of its own, so it never waits
behind the votes queued in the consumers' database thread), serialises them once, and sends the
text to each subscriber whose last message differs — nothing when nothing changed. The last
subscriber leaving cancels the task.

Subscribers are objects with `async deliver(text)` (the consumer: it holds what arrives while
its snapshot is read, and drops a client that stopped reading). The ticker serves the sockets of
its own loop only and never goes through the channel layer, so several worker processes each
run their own ticker for their own subscribers."""

import asyncio
import contextlib
import logging
import weakref

from asgiref.sync import sync_to_async

from clustermeet.reports.dashboard import messages

log = logging.getLogger(__name__)

# Seconds between two readings of an event's figures (read at each tick: tests lower it).
INTERVAL = 5.0


class DashboardTicker:
    """The tickers of one event loop: per event, its subscribers (each with the text it was
    sent last) and one task."""

    def __init__(self):
        self._members: dict[int, dict[object, str | None]] = {}
        self._tasks: dict[int, asyncio.Task] = {}

    def running(self) -> frozenset[int]:
        """The events whose ticker task is running."""
        return frozenset(event for event, task in self._tasks.items() if not task.done())

    def members(self, event_id: int) -> frozenset:
        return frozenset(self._members.get(event_id, ()))

    def join(self, event_id: int, member) -> None:
        """Add `member` (sent nothing until `shown` says what its snapshot was); the event's
        ticker starts with its first subscriber."""
        self._members.setdefault(event_id, {}).setdefault(member, None)
        if event_id not in self._tasks:
            self._tasks[event_id] = asyncio.ensure_future(self._tick(event_id))

    def shown(self, event_id: int, member, text: str) -> None:
        """`member` was sent `text` by other means (its snapshot). Until then the ticker sends
        it nothing: a reading taken meanwhile is at most as new as the snapshot, or newer — and
        then the next tick, which differs from the snapshot, sends it."""
        members = self._members.get(event_id)
        if members is not None and member in members:
            members[member] = text

    async def leave(self, event_id: int, member) -> None:
        """Remove `member`; the last one leaving stops the event's ticker (awaited: no task is
        left running)."""
        members = self._members.get(event_id)
        if members is None or member not in members:
            return
        del members[member]
        if members:
            return
        del self._members[event_id]
        task = self._tasks.pop(event_id)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _tick(self, event_id: int) -> None:
        while True:
            await asyncio.sleep(INTERVAL)
            try:
                text = await sync_to_async(messages.current_text, thread_sensitive=False)(event_id)
            except asyncio.CancelledError:
                raise
            except Exception:  # a failed reading: try again at the next tick
                log.exception("the dashboard's figures of event %s could not be read", event_id)
                continue
            if text is None:
                continue
            members = self._members.get(event_id, {})
            for member, last in list(members.items()):
                if last is None or last == text or member not in members:
                    continue  # still reading its snapshot, up to date, or gone
                members[member] = text
                try:
                    await member.deliver(text)
                except Exception:  # a socket closing meanwhile leaves on its disconnect
                    log.debug("dashboard delivery to a closing socket failed", exc_info=True)


_registries: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, DashboardTicker]" = (
    weakref.WeakKeyDictionary()
)


def tickers() -> DashboardTicker:
    """The tickers of the running event loop."""
    loop = asyncio.get_running_loop()
    registry = _registries.get(loop)
    if registry is None:
        registry = _registries[loop] = DashboardTicker()
    return registry
