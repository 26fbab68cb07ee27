"""event_stats on a small hand-built event, and the `stats` command."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from clustermeet.live.models import Ballot, Poll, Question
from clustermeet.networking.models import Meeting, MeetingRequest
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.networking.factories import MeetingRequestFactory, SlotFactory, make_meeting

APPROVED, PENDING = Registration.Status.APPROVED, Registration.Status.PENDING
DECLINED, CANCELLED = Registration.Status.DECLINED, Registration.Status.CANCELLED


@pytest.fixture
def event(db):
    """Six registrations: four approved (from DE, DE, FR and one without a country; from two
    organisations and one without), one pending, one declined, one cancelled. Two sessions with
    two distinct speakers. Live: a draft poll (not run), an open poll with two ballots, a closed
    one with one ballot, two questions (one pending). Another event's registrations, sessions,
    polls, ballots and questions must not count."""
    event = EventFactory(slug="small-event")
    other = EventFactory(slug="other-event")
    acme = OrganisationFactory(name="Acme Cluster", country="DE")
    beta = OrganisationFactory(name="Beta Lab", country="FR")
    de1 = PersonFactory(country="DE", organisation=acme)
    de2 = PersonFactory(country="DE", organisation=acme)
    fr = PersonFactory(country="FR", organisation=beta)
    nowhere = PersonFactory(country="", organisation=None)
    it = PersonFactory(country="IT", organisation=None)
    es = PersonFactory(country="ES", organisation=beta)
    pt = PersonFactory(country="PT", organisation=None)
    for person in (de1, de2, fr, nowhere):
        RegistrationFactory(event=event, person=person, status=APPROVED)
    RegistrationFactory(event=event, person=it, status=PENDING)
    RegistrationFactory(event=event, person=es, status=DECLINED)
    RegistrationFactory(event=event, person=pt, status=CANCELLED)
    RegistrationFactory(event=other, person=it, status=APPROVED)
    RegistrationFactory(event=other, person=pt, status=APPROVED)

    opening, panel = SessionFactory(event=event), SessionFactory(event=event)
    SessionSpeakerFactory(session=opening, person=de1, role="speaker")
    SessionSpeakerFactory(session=opening, person=de1, role="moderator")
    SessionSpeakerFactory(session=panel, person=de1, role="panellist")
    SessionSpeakerFactory(session=panel, person=it, role="panellist")
    other_session = SessionFactory(event=other)
    SessionSpeakerFactory(session=other_session, person=es)

    Poll.objects.create(session=opening, question="Draft?")
    running = Poll.objects.create(session=opening, question="Open?", status=Poll.Status.OPEN)
    closed = Poll.objects.create(session=panel, question="Closed?", status=Poll.Status.CLOSED)
    elsewhere = Poll.objects.create(
        session=other_session, question="Elsewhere?", status=Poll.Status.CLOSED
    )
    at = dt.datetime(2020, 11, 10, 9, 30, tzinfo=dt.UTC)
    for n, (poll, person) in enumerate(
        [(running, de1), (running, de2), (closed, fr), (elsewhere, it)], start=1
    ):
        Ballot.objects.create(
            poll=poll,
            voter_key=f"p{person.pk}",
            person=person,
            answer={"words": ["cluster"]},
            version=n,
            created_at=at,
            updated_at=at,
        )
    Question.objects.create(session=panel, author=fr, text="Who funds this?")
    Question.objects.create(
        session=panel, author=de2, text="And after 2027?", status=Question.Status.APPROVED
    )
    Question.objects.create(session=other_session, author=it, text="Not here?")

    # Networking: requests pending, accepted (2), declined, cancelled; meetings scheduled (3: one
    # held by both, one held by one side and a no-show by the other, one not reported), a draft,
    # a cancelled one reported held (not counted). Another event's request and meeting.
    statuses = MeetingRequest.Status
    pairs = [(de1, de2), (de1, fr), (de2, fr), (fr, nowhere), (nowhere, de1)]
    for (sender, recipient), status in zip(
        pairs,
        [
            statuses.PENDING,
            statuses.ACCEPTED,
            statuses.ACCEPTED,
            statuses.DECLINED,
            statuses.CANCELLED,
        ],
        strict=True,
    ):
        MeetingRequestFactory(event=event, sender=sender, recipient=recipient, status=status)
    MeetingRequestFactory(event=other, sender=it, recipient=pt)
    slots = [SlotFactory(event=event) for _ in range(3)]
    held = make_meeting(event=event, people=[de1, fr], slot=slots[0])
    mixed = make_meeting(event=event, people=[de2, fr], slot=slots[1])
    make_meeting(event=event, people=[de1, nowhere], slot=slots[2])
    make_meeting(event=event, people=[de2, nowhere], status=Meeting.Status.DRAFT)
    cancelled = make_meeting(event=event, people=[de1, de2], status=Meeting.Status.CANCELLED)
    elsewhere_meeting = make_meeting(event=other, people=[it, pt], slot=SlotFactory(event=other))
    held.participants.update(attendance="held")
    mixed.participants.filter(person=de2).update(attendance="held")
    mixed.participants.filter(person=fr).update(attendance="no_show")
    cancelled.participants.update(attendance="held")
    elsewhere_meeting.participants.update(attendance="no_show")
    return event


EXPECTED = {
    "event": "small-event",
    "registrations": 7,
    "approved": 4,
    "pending": 1,
    "declined": 1,
    "cancelled": 1,
    "countries": 2,
    "organisations": 2,
    "sessions": 2,
    "speakers": 2,
    "polls": 2,
    "ballots": 3,
    "questions": 2,
    "networking": {
        "requests": 5,
        "accepted": 2,
        "declined": 1,
        "pending": 1,
        "meetings_scheduled": 3,
        "meetings_held": 2,
        "no_shows": 1,
    },
    "onsite": {
        "checked_in": 0,
        "check_ins": 0,
        "per_day": {},
        "expected": 4,
        "badges": 0,
        "site_visits": 0,
        "bookings": 0,
        "waitlisted": 0,
        "promoted": 0,
        "attended": 0,
    },
    "exhibition": {
        "booths": 0,
        "visits": 0,
        "unique_visitors": 0,
        "leads": 0,
        "messages": 0,
        "pitches": 0,
        "pitch_contacts": 0,
    },
    "awards": {
        "categories": 0,
        "nominations": 0,
        "finalists": 0,
        "ballots": {"online": 0, "onsite": 0, "total": 0},
        "turnout": 0.0,
        "winners": [],
    },
}


def test_event_stats(event, django_assert_num_queries):
    with django_assert_num_queries(20):  # the exhibition's five and the awards' four included
        assert event_stats(event) == EXPECTED


def test_event_stats_of_an_empty_event(db):
    empty = EventFactory(slug="empty")
    assert event_stats(empty) == {
        "event": "empty",
        "registrations": 0,
        "approved": 0,
        "pending": 0,
        "declined": 0,
        "cancelled": 0,
        "countries": 0,
        "organisations": 0,
        "sessions": 0,
        "speakers": 0,
        "polls": 0,
        "ballots": 0,
        "questions": 0,
        "networking": {
            "requests": 0,
            "accepted": 0,
            "declined": 0,
            "pending": 0,
            "meetings_scheduled": 0,
            "meetings_held": 0,
            "no_shows": 0,
        },
        "onsite": {
            "checked_in": 0,
            "check_ins": 0,
            "per_day": {},
            "expected": 0,
            "badges": 0,
            "site_visits": 0,
            "bookings": 0,
            "waitlisted": 0,
            "promoted": 0,
            "attended": 0,
        },
        "exhibition": {
            "booths": 0,
            "visits": 0,
            "unique_visitors": 0,
            "leads": 0,
            "messages": 0,
            "pitches": 0,
            "pitch_contacts": 0,
        },
        "awards": {
            "categories": 0,
            "nominations": 0,
            "finalists": 0,
            "ballots": {"online": 0, "onsite": 0, "total": 0},
            "turnout": None,
            "winners": [],
        },
    }


def test_stats_command_prints_one_json_object(event):
    out = io.StringIO()
    call_command("stats", "small-event", "--json", stdout=out)
    assert json.loads(out.getvalue()) == EXPECTED
    assert len(out.getvalue().strip().splitlines()) == 1


def test_stats_command_prints_a_table(event):
    out = io.StringIO()
    call_command("stats", "small-event", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{event.name} (small-event)"
    assert lines[1].split() == ["Registrations", "(all", "statuses)", "7"]
    assert lines[2].split() == ["Approved", "4"]
    assert [line.split() for line in lines[10:]] == [
        ["Polls", "run", "2"],
        ["Ballots", "3"],
        ["Questions", "asked", "2"],
        ["Networking"],
        ["Requests", "5"],
        ["Accepted", "2"],
        ["Declined", "1"],
        ["Pending", "1"],
        ["Meetings", "scheduled", "3"],
        ["Meetings", "held", "2"],
        ["No", "shows", "1"],
        ["On", "site"],
        ["Checked", "in", "0"],
        ["Check", "ins", "0"],
        ["Per", "day"],
        ["Expected", "4"],
        ["Badges", "0"],
        ["Site", "visits", "0"],
        ["Bookings", "0"],
        ["Waitlisted", "0"],
        ["Promoted", "0"],
        ["Attended", "0"],
        ["Exhibition"],
        ["Booths", "0"],
        ["Visits", "0"],
        ["Unique", "visitors", "0"],
        ["Leads", "0"],
        ["Messages", "0"],
        ["Pitches", "0"],
        ["Pitch", "contacts", "0"],
        ["Awards"],
        ["Categories", "0"],
        ["Nominations", "0"],
        ["Finalists", "0"],
        ["Ballots"],
        ["online", "0"],
        ["onsite", "0"],
        ["total", "0"],
        ["Turnout", "0.0"],
        ["Winners", "0"],
    ]
    assert len(lines) == 50


def test_stats_command_lists_the_winners_of_revealed_awards(db):
    from django.utils import timezone

    from tests.awards.factories import CategoryFactory, NominationFactory

    category = CategoryFactory(slug="manager", revealed_at=timezone.now())
    NominationFactory(category=category, name="Uwe Pfeil", finalist=True, winner=True)
    NominationFactory(category=category, name="Corinne Farace", finalist=True)
    out = io.StringIO()
    call_command("stats", category.event.slug, stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split() for line in lines[-2:]] == [["Winners", "1"], ["manager:", "Uwe", "Pfeil"]]


def test_stats_command_rejects_an_unknown_event(event):
    with pytest.raises(CommandError) as error:
        call_command("stats", "no-such-event", "--json")
    assert str(error.value) == (
        "No event with the slug 'no-such-event'. Known events: other-event, small-event."
    )
