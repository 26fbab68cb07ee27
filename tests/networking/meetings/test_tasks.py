"""Networking e-mails: who receives what, the attached invitation (text/calendar with its
METHOD), the event's time zone in the text."""

import datetime as dt

import pytest
from icalendar import Calendar

from clustermeet.networking.meetings import tasks
from clustermeet.networking.models import Meeting, MeetingRequest
from tests.factories import EventFactory
from tests.networking.factories import MeetingRequestFactory, SlotFactory, make_meeting, participant

START = dt.datetime(2030, 3, 5, 9, 0, tzinfo=dt.UTC)  # 10:00 in Brussels


@pytest.fixture
def event(db):
    return EventFactory(slug="ecc", name="ECC", timezone="Europe/Brussels")


@pytest.fixture
def people(event):
    return (
        participant(event, first_name="Alice", last_name="A", email="alice@example.org"),
        participant(event, first_name="Bob", last_name="B", email="bob@example.org"),
    )


@pytest.fixture
def meeting(event, people):
    slot = SlotFactory(event=event, starts_at=START, ends_at=START + dt.timedelta(minutes=30))
    return make_meeting(event=event, people=people, slot=slot)


def invitation(message):
    (part,) = message.attachments
    return part, Calendar.from_ical(part.get_payload(decode=True))


def test_scheduled_mails_both_with_a_request_invitation(meeting, mailoutbox):
    tasks.send_meeting_email(meeting.pk, "scheduled")

    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["alice@example.org"], "Meeting with Bob B at ECC"),
        (["bob@example.org"], "Meeting with Alice A at ECC"),
    ]
    part, calendar = invitation(mailoutbox[0])
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "meeting.ics"
    assert str(calendar["method"]) == "REQUEST"
    assert str(calendar.walk("VEVENT")[0]["summary"]) == "Meeting with Bob B"
    body = mailoutbox[0].body
    assert "When: Tuesday 5 March 2030, 10:00–10:30 (Europe/Brussels)" in body
    assert f"Video room: {meeting.video_url}" in body
    assert f"/events/ecc/meetings/{meeting.pk}/" in body


def test_cancelled_sends_a_cancel_invitation(meeting, mailoutbox):
    tasks.send_meeting_email(meeting.pk, "cancelled")

    part, calendar = invitation(mailoutbox[1])
    assert (part.get_param("method"), str(calendar["method"])) == ("CANCEL", "CANCEL")
    assert mailoutbox[1].subject == "Meeting with Alice A cancelled"


def test_moved_bumps_the_sequence_and_rearms_the_reminder(meeting, mailoutbox):
    Meeting.objects.filter(pk=meeting.pk).update(reminder_sent_at=START)

    tasks.send_meeting_email(meeting.pk, "moved")

    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.reminder_sent_at) == (1, None)
    _, calendar = invitation(mailoutbox[0])
    assert calendar.walk("VEVENT")[0]["sequence"] == 1
    assert mailoutbox[0].subject == "Your meeting with Bob B has moved"


def test_reminder_subject_is_in_the_event_time_zone(meeting, mailoutbox):
    tasks.send_meeting_email(meeting.pk, "reminder")

    assert [m.subject for m in mailoutbox] == [
        "Reminder: meeting with Bob B at 10:00",
        "Reminder: meeting with Alice A at 10:00",
    ]


def test_a_draft_meeting_mail_has_no_invitation(event, people, mailoutbox):
    draft = make_meeting(event=event, people=people, status=Meeting.Status.DRAFT)

    tasks.send_meeting_email(draft.pk, "scheduled")

    assert [m.attachments for m in mailoutbox] == [[], []]
    assert "When: to be scheduled by the organisers" in mailoutbox[0].body


@pytest.mark.parametrize(
    "kind, awaiting_sender, to, subject",
    [
        ("received", False, "bob@example.org", "Alice A would like to meet you at ECC"),
        ("accepted", False, "alice@example.org", "Bob B accepted your meeting request"),
        ("declined", False, "alice@example.org", "Bob B declined your meeting request"),
        ("declined", True, "bob@example.org", "Alice A declined your meeting request"),
        ("cancelled", False, "bob@example.org", "Alice A cancelled their meeting request"),
        ("proposed", True, "alice@example.org", "Bob B proposed other times to meet"),
        ("proposed", False, "bob@example.org", "Alice A proposed other times to meet"),
    ],
)
def test_request_mails_go_to_the_side_that_did_not_act(
    kind, awaiting_sender, to, subject, event, people, mailoutbox
):
    slot = SlotFactory(event=event, starts_at=START, ends_at=START + dt.timedelta(minutes=30))
    request = MeetingRequestFactory(
        event=event,
        sender=people[0],
        recipient=people[1],
        awaiting_sender=awaiting_sender,
        message="Let us talk about batteries.",
        proposed_slots=[slot],
    )

    tasks.send_request_email(request.pk, kind)

    assert [(m.to, m.subject) for m in mailoutbox] == [([to], subject)]
    if kind in ("received", "proposed"):
        assert "- Tuesday 5 March, 10:00–10:30" in mailoutbox[0].body
        assert f"/events/ecc/meetings/requests/{request.pk}/" in mailoutbox[0].body
    if kind == "received":
        assert "Let us talk about batteries." in mailoutbox[0].body


def test_unknown_kinds_are_refused(meeting, mailoutbox):
    request = MeetingRequest.objects.create(
        event=meeting.event, sender=participant(meeting.event), recipient=participant(meeting.event)
    )
    with pytest.raises(ValueError):
        tasks.send_meeting_email(meeting.pk, "hello")
    with pytest.raises(ValueError):
        tasks.send_request_email(request.pk, "hello")
    assert mailoutbox == []


def test_each_person_gets_the_mail_and_the_invitation_in_their_own_language(
    meeting, people, mailoutbox
):
    alice, bob = people
    alice.language, bob.language = "de", "cs"
    for person in people:
        person.save(update_fields=["language"])

    tasks.send_meeting_email(meeting.pk, "scheduled")

    german, czech = mailoutbox
    assert german.subject == "Gespräch mit Bob B bei ECC"
    assert german.body.startswith("Guten Tag Alice,")
    assert "Wann: Dienstag, 5. März 2030, 10:00–10:30 (Europe/Brussels)" in german.body
    assert str(invitation(german)[1].walk("VEVENT")[0]["summary"]) == "Gespräch mit Bob B"
    assert czech.subject == "Schůzka s osobou Alice A na akci ECC"
    assert czech.body.startswith("Dobrý den, Bob,")


def test_a_person_without_a_language_reads_english_whoever_triggered_it(meeting, mailoutbox):
    from django.utils import translation

    with translation.override("de"):  # e.g. a German organiser published the schedule
        tasks.send_meeting_email(meeting.pk, "scheduled")

    assert [m.subject for m in mailoutbox] == [
        "Meeting with Bob B at ECC",
        "Meeting with Alice A at ECC",
    ]
