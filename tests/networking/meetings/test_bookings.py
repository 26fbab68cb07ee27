"""networking.meetings.services, meetings: booking, cancelling, attendance and availability.
Refusals change nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.networking.meetings import services
from clustermeet.networking.meetings.services import NetworkingError
from clustermeet.networking.models import (
    Meeting,
    MeetingRequest,
    Unavailability,
)
from tests.factories import PersonFactory, RegistrationFactory
from tests.networking.factories import (
    MeetingTableFactory,
    SlotFactory,
    UnavailabilityFactory,
    make_meeting,
    participant,
)
from tests.networking.meetings.calls import do, refused

pytestmark = pytest.mark.django_db

Status = MeetingRequest.Status


# --- book_meeting -----------------------------------------------------------------------------


def test_book_meeting_scheduled_and_draft(event, alice, bob, slots):
    scheduled = do(
        services.book_meeting,
        event=event,
        people=[alice, bob],
        slot=slots[0],
        location=Meeting.Location.VIRTUAL,
        origin=Meeting.Origin.MATCHMAKING,
        status=Meeting.Status.SCHEDULED,
    )
    draft = do(
        services.book_meeting,
        event=event,
        people=[alice.pk, bob.pk],
        slot=slots[0],
        location=Meeting.Location.VIRTUAL,
        origin=Meeting.Origin.MATCHMAKING,
        status=Meeting.Status.DRAFT,
    )

    assert list(scheduled.participants.values_list("active", flat=True)) == [True, True]
    assert list(draft.participants.values_list("active", "slot")) == [
        (False, slots[0].pk),
        (False, slots[0].pk),
    ]
    assert scheduled.video_room != draft.video_room


def test_book_meeting_refuses_a_double_booking(event, alice, bob, slots):
    carol = participant(event)
    do(
        services.book_meeting,
        event=event,
        people=[alice, bob],
        slot=slots[0],
        location=Meeting.Location.VIRTUAL,
        origin=Meeting.Origin.MATCHMAKING,
        status=Meeting.Status.SCHEDULED,
    )

    for people in ([alice, carol], [alice, alice]):
        with pytest.raises(NetworkingError):
            do(
                services.book_meeting,
                event=event,
                people=people,
                slot=slots[0],
                location=Meeting.Location.VIRTUAL,
                origin=Meeting.Origin.MATCHMAKING,
                status=Meeting.Status.SCHEDULED,
            )
    assert Meeting.objects.count() == 1


def test_book_meeting_refuses_a_taken_table(event, slots):
    event.format = Event.Format.ONSITE
    event.save()
    table = MeetingTableFactory(event=event)
    make_meeting(
        event=event, people=[participant(event), participant(event)], slot=slots[0], table=table
    )

    error = refused(
        "taken",
        services.book_meeting,
        event=event,
        people=[participant(event), participant(event)],
        slot=slots[0],
        location=Meeting.Location.TABLE,
        table=table,
        origin=Meeting.Origin.MATCHMAKING,
        status=Meeting.Status.SCHEDULED,
    )
    assert str(error) == "This slot or table was just taken: choose another one."
    assert Meeting.objects.count() == 1


# --- cancel meeting, attendance ---------------------------------------------------------------


def test_cancel_meeting_frees_the_slot_and_mails_a_cancellation(
    event, alice, bob, slots, mailoutbox
):
    meeting = make_meeting(event=event, people=[alice, bob], slot=slots[0])

    do(services.cancel_meeting, meeting.pk, by=alice)

    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancelled_by) == (Meeting.Status.CANCELLED, alice)
    assert list(meeting.participants.values_list("active", flat=True)) == [False, False]
    assert sorted(m.to[0] for m in mailoutbox) == sorted([alice.email, bob.email])
    assert all(b"METHOD:CANCEL" in m.attachments[0].get_payload(decode=True) for m in mailoutbox)
    refused("cancelled", services.cancel_meeting, meeting.pk, by=bob)
    # both are free again in that slot
    do(
        services.book_meeting,
        event=event,
        people=[alice, bob],
        slot=slots[0],
        location=Meeting.Location.VIRTUAL,
        origin=Meeting.Origin.REQUEST,
        status=Meeting.Status.SCHEDULED,
    )


def test_organisers_cancel_meetings_strangers_do_not(event, alice, bob, slots):
    meeting = make_meeting(event=event, people=[alice, bob], slot=slots[0])
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person

    refused("not_found", services.cancel_meeting, meeting.pk, by=participant(event))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED

    do(services.cancel_meeting, meeting.pk, by=organiser)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancelled_by) == (Meeting.Status.CANCELLED, organiser)


def test_attendance_is_reported_per_side_after_the_start(event, alice, bob):
    started = SlotFactory(event=event, starts_at=timezone.now() - dt.timedelta(minutes=10))
    meeting = make_meeting(event=event, people=[alice, bob], slot=started)
    later = make_meeting(event=event, people=[alice, bob], slot=SlotFactory(event=event))

    do(services.report_attendance, meeting.pk, by=alice, attendance="held")
    do(services.report_attendance, meeting.pk, by=bob, attendance="no_show")
    do(services.report_attendance, meeting.pk, by=bob, attendance="held")

    seats = meeting.participants.order_by("person_id")
    assert [(s.person_id, s.attendance) for s in seats] == [(alice.pk, "held"), (bob.pk, "held")]
    assert all(s.attendance_reported_at is not None for s in seats)
    refused("not_started", services.report_attendance, later.pk, by=alice, attendance="held")
    refused("invalid", services.report_attendance, meeting.pk, by=alice, attendance="maybe")
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    refused("not_found", services.report_attendance, meeting.pk, by=organiser, attendance="held")
    assert list(later.participants.values_list("attendance", flat=True)) == ["", ""]


# --- availability -----------------------------------------------------------------------------


def test_set_unavailable_replaces_the_persons_slots(event, alice, slots):
    other_event_row = UnavailabilityFactory(person=alice)

    do(services.set_unavailable, event, alice, slots[:2])
    do(services.set_unavailable, event, alice, slots[1:])

    mine = Unavailability.objects.filter(person=alice, slot__event=event)
    assert sorted(mine.values_list("slot_id", flat=True)) == [s.pk for s in slots[1:]]
    assert Unavailability.objects.filter(pk=other_event_row.pk).exists()


def test_set_unavailable_refusals_change_nothing(event, alice, bob, slots):
    do(services.set_unavailable, event, alice, slots[:1])
    make_meeting(event=event, people=[alice, bob], slot=slots[2])

    refused("busy", services.set_unavailable, event, alice, slots[1:])
    refused("invalid_slot", services.set_unavailable, event, alice, [SlotFactory()])
    refused("forbidden", services.set_unavailable, event, PersonFactory(), slots[:1])

    mine = Unavailability.objects.filter(person=alice)
    assert list(mine.values_list("slot_id", flat=True)) == [slots[0].pk]
