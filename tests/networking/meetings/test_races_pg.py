"""Real races against PostgreSQL: threads, each with its own database connection, call the live
services at the same moment (a `threading.Barrier` releases them together). Nothing is mocked:
the row locks, the partial unique constraints and the transactions are PostgreSQL's.

SQLite serialises every writer on one file lock, so these races cannot happen there: the module
is skipped on SQLite and runs in the PostgreSQL pass of `make test`."""

import datetime as dt
from collections import Counter
from collections.abc import Callable

import pytest
from django.core import mail
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.networking.meetings import reminders, services
from clustermeet.networking.models import Meeting, MeetingParticipant, MeetingRequest
from tests.factories import EventFactory
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.networking.factories import (
    MeetingRequestFactory,
    MeetingTableFactory,
    SlotFactory,
    make_meeting,
    participant,
)

pytestmark = [
    # serialized_rollback: the flush after each test keeps the migrations' reference data.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def outcome(call: Callable[[], Meeting]) -> tuple:
    """("booked", meeting pk) or ("refused", code). Only NetworkingError is a refusal."""
    try:
        return ("booked", call().pk)
    except services.NetworkingError as error:
        return ("refused", error.code)


def active_seats_per_person_and_slot() -> Counter:
    return Counter(
        MeetingParticipant.objects.filter(active=True).values_list("person_id", "slot_id")
    )


def test_recipients_accepting_the_same_sender_in_the_same_slot_book_once(transactional_db):
    """One sender asked 10 people; all accept at once in the same slot: exactly one meeting, the
    sender is never double-booked, every other acceptance is refused and stays pending."""
    event = EventFactory(slug="race")
    slot = SlotFactory(event=event)
    sender = participant(event)
    recipients = [participant(event) for _ in range(10)]
    requests = [MeetingRequestFactory(event=event, sender=sender, recipient=r) for r in recipients]

    results = run_together(
        10,
        lambda i: outcome(
            lambda: services.accept_request(requests[i].pk, by=recipients[i], slot=slot)
        ),
    )

    booked = [r for r in results if r[0] == "booked"]
    assert len(booked) == 1
    assert Counter(code for kind, code in results if kind == "refused") == {"busy": 9}
    assert Meeting.objects.filter(status=Meeting.Status.SCHEDULED).count() == 1
    assert max(active_seats_per_person_and_slot().values()) == 1
    statuses = Counter(MeetingRequest.objects.values_list("status", flat=True))
    assert statuses == {"accepted": 1, "pending": 9}
    assert len(mail.outbox) == 2  # the one meeting's two e-mails, no more


@pytest.mark.parametrize("tables", [1, 3])
def test_pairs_racing_for_the_last_tables_get_one_each(tables, transactional_db):
    """10 pairs accept at once in the same slot of a hybrid event with `tables` free tables:
    exactly `tables` meetings, each at a different table; the others are told no table is free."""
    event = EventFactory(slug="race", format=Event.Format.HYBRID)
    slot = SlotFactory(event=event)
    pool = [MeetingTableFactory(event=event, position=n) for n in range(tables)]
    pairs = [(participant(event), participant(event)) for _ in range(10)]
    requests = [MeetingRequestFactory(event=event, sender=a, recipient=b) for a, b in pairs]

    results = run_together(
        10,
        lambda i: outcome(
            lambda: services.accept_request(requests[i].pk, by=pairs[i][1], slot=slot)
        ),
    )

    assert Counter(kind for kind, _ in results) == {"booked": tables, "refused": 10 - tables}
    assert {code for kind, code in results if kind == "refused"} == {"no_table"}
    booked = Meeting.objects.filter(status=Meeting.Status.SCHEDULED)
    assert sorted(booked.values_list("table_id", flat=True)) == [t.pk for t in pool]
    assert set(booked.values_list("location", flat=True)) == {Meeting.Location.TABLE}


def test_the_constraints_are_the_last_line(transactional_db):
    """book_meeting with the same given table for 10 disjoint pairs: one wins, the database
    refuses the others, and each refusal is a clear NetworkingError."""
    event = EventFactory(slug="race", format=Event.Format.ONSITE)
    slot = SlotFactory(event=event)
    table = MeetingTableFactory(event=event)
    pairs = [(participant(event), participant(event)) for _ in range(10)]

    def book(i):
        return outcome(
            lambda: services.book_meeting(
                event=event,
                people=pairs[i],
                slot=slot,
                location=Meeting.Location.TABLE,
                table=table,
                origin=Meeting.Origin.MATCHMAKING,
                status=Meeting.Status.SCHEDULED,
            )
        )

    results = run_together(10, book)

    assert Counter(kind for kind, _ in results) == {"booked": 1, "refused": 9}
    assert {code for kind, code in results if kind == "refused"} == {"taken"}
    assert Meeting.objects.count() == 1


def test_accept_and_cancel_of_one_request_at_once(transactional_db):
    """The recipient accepts while the sender cancels, 10 times: each request ends either
    accepted with one meeting or cancelled with none, never both."""
    event = EventFactory(slug="race")
    slots = [SlotFactory(event=event) for _ in range(10)]
    pairs = [(participant(event), participant(event)) for _ in range(10)]
    requests = [MeetingRequestFactory(event=event, sender=a, recipient=b) for a, b in pairs]

    def work(i):
        n, accepting = i // 2, i % 2 == 0
        request, (sender, recipient) = requests[n], pairs[n]
        if accepting:
            return outcome(lambda: services.accept_request(request.pk, by=recipient, slot=slots[n]))
        try:
            services.cancel_request(request.pk, by=sender)
            return ("cancelled", None)
        except services.NetworkingError as error:
            return ("refused", error.code)

    run_together(20, work)

    for request in MeetingRequest.objects.filter(pk__in=[r.pk for r in requests]):
        meetings = Meeting.objects.filter(request=request).count()
        assert (request.status, meetings) in {("accepted", 1), ("cancelled", 0)}


def test_two_reminder_runners_send_each_reminder_once(transactional_db):
    event = EventFactory(slug="race")
    now = timezone.now()
    meetings = []
    for n in range(20):
        start = now + dt.timedelta(minutes=1 + n % 10, seconds=n)
        slot = SlotFactory(event=event, starts_at=start, ends_at=start + dt.timedelta(minutes=20))
        meetings.append(
            make_meeting(event=event, people=[participant(event), participant(event)], slot=slot)
        )

    results = run_together(4, lambda i: reminders.send_due_reminders(15))

    reminded = [pk for result in results for pk in result]
    assert sorted(reminded) == sorted(m.pk for m in meetings)
    assert len(mail.outbox) == 40
