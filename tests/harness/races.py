"""Real races for the PostgreSQL pass: threads, each with its own database connection, released
together by a barrier. Nothing is mocked: the row locks, constraints and transactions are the
database's. SQLite serialises every writer on one file lock, so race tests skip there."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection

JOIN_TIMEOUT = 120  # seconds; a deadlock fails the test instead of hanging the run

# The marks of a race test module (or test): it runs in the PostgreSQL pass of `make test`.
POSTGRES_ONLY = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="real races need PostgreSQL row locks and concurrent writers "
        "(SQLite serialises writers); run: python -m tests.harness.postgres -- pytest",
    ),
]


def run_together(parties: int, work: Callable, *, own_barrier: bool = False) -> list:
    """Run `work(i)` in `parties` threads released together, or `work(i, barrier)` with
    `own_barrier` (the work waits at the barrier itself, e.g. after its own preparation).
    Returns the results in thread order; re-raises the first error of any thread. Each thread
    closes its own connection at the end, so the test database can be flushed and dropped."""
    barrier = threading.Barrier(parties, timeout=JOIN_TIMEOUT)
    results: list = [None] * parties
    errors: list[BaseException] = []

    def target(i: int) -> None:
        try:
            if own_barrier:
                results[i] = work(i, barrier)
            else:
                barrier.wait()
                results[i] = work(i)
        except BaseException as error:
            errors.append(error)
            barrier.abort()
        finally:
            connection.close()

    threads = [
        threading.Thread(target=target, args=(i,), name=f"racer-{i}") for i in range(parties)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(JOIN_TIMEOUT)
    assert not [t.name for t in threads if t.is_alive()], "threads still running: deadlock?"
    if errors:
        raise errors[0]
    return results
