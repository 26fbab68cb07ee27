"""Who is connected to an event's websocket now, in this process.

The consumer reports each connection it accepts and each that ends; the dashboard reads the
counts. Process-local by design: with several worker processes each counts its own sockets
(the dashboard of a worker shows that worker's count; docs/protocol.md says so). Safe from any
thread (the consumers run on the event loop, the dashboard's figures in a pool thread)."""

import threading
from collections import Counter

_lock = threading.Lock()
# event pk -> {person pk (None: not logged in) -> open connections}
_connections: dict[int, Counter] = {}


def connected(event_id: int, person_id: int | None) -> None:
    with _lock:
        _connections.setdefault(event_id, Counter())[person_id] += 1


def disconnected(event_id: int, person_id: int | None) -> None:
    with _lock:
        counts = _connections.get(event_id)
        if counts is None or not counts[person_id]:
            return
        counts[person_id] -= 1
        if not counts[person_id]:
            del counts[person_id]
        if not counts:
            del _connections[event_id]


def online(event_id: int) -> dict:
    """`people`: distinct logged-in people with at least one open connection; `connections`:
    all open connections (several tabs of one person, and visitors not logged in, included)."""
    with _lock:
        counts = dict(_connections.get(event_id, ()))
    return {
        "people": sum(1 for person in counts if person is not None),
        "connections": sum(counts.values()),
    }


def clear() -> None:
    """Forget every connection: for tests, whose event loops may end without a disconnect."""
    with _lock:
        _connections.clear()
