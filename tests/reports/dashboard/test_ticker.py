"""The ticker alone, with members that record what they are sent: a reading reaches a member
only once its snapshot is known and only when it differs from what it was sent last; the last
member leaving ends the task."""

import asyncio

import pytest
from channels.db import database_sync_to_async

from clustermeet.reports.dashboard import messages, ticker
from clustermeet.reports.dashboard.ticker import DashboardTicker
from tests.factories import EventFactory, RegistrationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]


@pytest.fixture(autouse=True)
def _fast_ticks(monkeypatch):
    monkeypatch.setattr(ticker, "INTERVAL", 0.02)


class Member:
    def __init__(self):
        self.sent: list[str] = []
        self.arrived = asyncio.Event()

    async def deliver(self, text: str) -> None:
        self.sent.append(text)
        self.arrived.set()


async def _ticks(n: int = 5) -> None:
    await asyncio.sleep(ticker.INTERVAL * n)


async def test_a_member_gets_what_changed_since_its_snapshot_and_nothing_else():
    event = await database_sync_to_async(EventFactory)()
    tickers = DashboardTicker()
    reading, known = Member(), Member()
    tickers.join(event.pk, reading)  # its snapshot is being read: nothing for it yet
    tickers.join(event.pk, known)
    snapshot = await database_sync_to_async(messages.current_text)(event.pk)
    tickers.shown(event.pk, known, snapshot)
    await _ticks()
    assert (reading.sent, known.sent) == ([], [])

    await database_sync_to_async(RegistrationFactory)(event=event)
    await asyncio.wait_for(known.arrived.wait(), timeout=5)
    current = await database_sync_to_async(messages.current_text)(event.pk)
    assert known.sent == [current]
    assert reading.sent == []
    await _ticks()
    assert known.sent == [current]  # unchanged: not sent again

    await tickers.leave(event.pk, known)
    assert tickers.running() == {event.pk}
    await tickers.leave(event.pk, reading)
    assert tickers.running() == frozenset()
    assert tickers.members(event.pk) == frozenset()
    await tickers.leave(event.pk, reading)  # twice: nothing happens


async def test_a_deleted_event_sends_nothing_and_the_ticker_keeps_going():
    event = await database_sync_to_async(EventFactory)()
    pk = event.pk
    tickers = DashboardTicker()
    member = Member()
    # Deleted before the ticker starts: a first tick could otherwise read the event while it
    # still exists and send its figures (a race of the test, not of the ticker).
    await database_sync_to_async(event.delete)()
    tickers.join(pk, member)
    tickers.shown(pk, member, "stale")
    await _ticks()
    assert member.sent == []
    assert tickers.running() == {pk}
    await tickers.leave(pk, member)
    assert tickers.running() == frozenset()
