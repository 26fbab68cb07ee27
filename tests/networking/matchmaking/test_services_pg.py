"""Publishing the matchmaking while someone books the same person in the same slot, for real:
two threads with their own PostgreSQL connections, released together by a barrier. Whoever
wins, nobody is double-booked (one active seat per person and slot, one scheduled meeting per
table and slot), the loser gets a clean refusal (publish puts its draft back among the
unplaced; the booking raises NetworkingError), and nothing else fails.

SQLite serialises every writer on one file lock, so these races cannot happen there: the module
is skipped on SQLite and runs in the PostgreSQL pass of `make test`."""

import time
from collections import Counter

import pytest

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking import services as matchmaking
from clustermeet.networking.meetings import services
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
)
from tests.factories import EventFactory
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.networking.factories import (
    MatchmakingFactory,
    MeetingRequestFactory,
    MeetingTableFactory,
    SlotFactory,
    future,
    make_meeting,
    participant,
)

pytestmark = [
    # serialized_rollback: the flush after each test keeps the migrations' reference data.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]

ROUNDS = 6


# Publishing does more work before it locks the people than a booking does: in odd rounds the
# booking starts a little later, so both orders of arrival are raced.
def delays(n: int) -> tuple[float, float]:
    return (0.0, 0.0) if n % 2 == 0 else (0.0, 0.05)


def race(*works, delays=(0.0, 0.0)):
    """Run each work() in its own thread, released together (then each waits its delay: the
    rounds vary who tends to go first); return their results in order."""

    def work(i: int):
        time.sleep(delays[i])
        return works[i]()

    return run_together(len(works), work)


def published_board(n):
    """An on-site event with one table whose matchmaking is published, and a draft A–B placed
    by hand afterwards in the slot at the table (to be published again)."""
    event = EventFactory(slug=f"race-{n}", format=Event.Format.ONSITE)
    mm = MatchmakingFactory(event=event, status=Matchmaking.Status.PUBLISHED)
    slot = SlotFactory(event=event, starts_at=future(24), ends_at=future(24, 30))
    table = MeetingTableFactory(event=event, label="T1")
    a, b, c = participant(event), participant(event), participant(event)
    draft = make_meeting(
        event=event, people=[a, b], slot=slot, table=table, status=Meeting.Status.DRAFT
    )
    return {"event": event, "mm": mm, "slot": slot, "table": table, "a": a, "c": c, "draft": draft}


def publish(mm_id):
    def work():
        return matchmaking.publish(mm_id)

    return work


def refused(call):
    def work():
        try:
            return call()
        except services.NetworkingError as error:
            return error.code

    return work


def check_no_double_booking(board, publish_outcome, other_outcome):
    draft = Meeting.objects.get(pk=board["draft"].pk)
    seats = Counter(
        MeetingParticipant.objects.filter(active=True).values_list("person_id", "slot_id")
    )
    assert max(seats.values()) == 1
    tables = Counter(
        Meeting.objects.filter(status=Meeting.Status.SCHEDULED).values_list("slot_id", "table_id")
    )
    assert max(tables.values()) == 1
    assert seats[(board["a"].pk, board["slot"].pk)] == 1
    if draft.status == Meeting.Status.SCHEDULED:  # publish won
        assert publish_outcome.published == [draft.pk]
        assert isinstance(other_outcome, str)  # a NetworkingError code
        return "publish"
    assert publish_outcome.published == []
    assert [pk for pk, _ in publish_outcome.unplaced] == [draft.pk]
    assert (draft.status, draft.slot_id, draft.table_id) == (Meeting.Status.DRAFT, None, None)
    assert isinstance(other_outcome, Meeting)
    assert other_outcome.status == Meeting.Status.SCHEDULED
    return "booking"


def test_publish_races_an_instant_acceptance_for_the_same_person_and_slot():
    winners = []
    for n in range(ROUNDS):
        board = published_board(n)
        request = MeetingRequestFactory(
            event=board["event"], sender=board["a"], recipient=board["c"]
        )
        outcomes = race(
            publish(board["mm"].pk),
            refused(
                lambda b=board, r=request: services.accept_request(r.pk, by=b["c"], slot=b["slot"])
            ),
            delays=delays(n),
        )
        winners.append(check_no_double_booking(board, *outcomes))
        status = MeetingRequest.objects.get(pk=request.pk).status
        expected = "pending" if winners[-1] == "publish" else "accepted"
        assert status == expected
    assert set(winners) <= {"publish", "booking"}  # who won: the checks above


def test_publish_races_a_direct_booking_of_the_same_person_slot_and_table():
    winners = []
    for n in range(ROUNDS):
        board = published_board(n)
        other = participant(board["event"])
        outcomes = race(
            publish(board["mm"].pk),
            refused(
                lambda b=board, o=other: services.book_meeting(
                    event=b["event"],
                    people=[b["a"], o],
                    slot=b["slot"],
                    location=Meeting.Location.TABLE,
                    table=b["table"],
                    origin=Meeting.Origin.REQUEST,
                    status=Meeting.Status.SCHEDULED,
                )
            ),
            delays=delays(n),
        )
        winners.append(check_no_double_booking(board, *outcomes))
    assert set(winners) <= {"publish", "booking"}  # who won: the checks above
