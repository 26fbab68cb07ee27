"""The flush lease: several worker processes flush one key at most once per interval between
them, and a process that saw a change still flushes it after the other's flush."""

import asyncio
import shutil
import time

import pytest
from asgiref.sync import async_to_sync

from clustermeet.realtime import broadcast
from tests.harness.redis import running_redis

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="needs redis-server (make system-deps)"
)

builds: list[float] = []


def results_of_poll(poll_id):
    builds.append(time.monotonic())
    return []  # no group to send to: only the builds matter here


async def two_workers_see_one_change_each(url: str) -> None:
    worker_a = broadcast.Coalescer(interval=0.3, lease_url=url)
    worker_b = broadcast.Coalescer(interval=0.3, lease_url=url)
    worker_a.attach()
    worker_b.attach()
    worker_a.notify(results_of_poll, 1)
    worker_b.notify(results_of_poll, 1)
    # Both flushes come about one interval apart; on a loaded machine later, so wait for them
    # (up to 10 s) rather than a fixed time, then a little more for a flush too many.
    for _ in range(100):
        if len(builds) >= 2:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)
    await worker_a.detach()
    await worker_b.detach()


def test_two_workers_flush_one_key_once_per_interval_between_them():
    builds.clear()
    with running_redis(announce=False) as url:
        async_to_sync(two_workers_see_one_change_each)(url)

    assert len(builds) == 2  # each worker's change is flushed (by that worker) ...
    assert builds[1] - builds[0] >= 0.25  # ... but not both within one lease
