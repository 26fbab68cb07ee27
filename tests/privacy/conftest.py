"""One person with a record in every app, and the other person of their meeting."""

import datetime as dt
from dataclasses import dataclass

import pytest

from clustermeet.cafe.models import Cafe, CafeQuestion, CafeRound, CafeSignup, CafeTable, Note, Seat
from clustermeet.events.models import Event
from clustermeet.live.models import Ballot, Poll, PollOption, Question, Upvote
from clustermeet.networking.models import (
    Interest,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    Offer,
    Slot,
    Unavailability,
)
from clustermeet.people.models import Person
from clustermeet.people.services import ProfileData, RegistrationData, register
from clustermeet.programme.models import Bookmark, Session
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory

AT = dt.datetime(2020, 11, 10, 9, 30, tzinfo=dt.UTC)


@dataclass
class World:
    event: Event
    session: Session
    anna: Person
    ben: Person
    poll: Poll
    question: Question
    note: Note
    meeting: Meeting
    offer: Offer


@pytest.fixture
def world(db) -> World:
    event = EventFactory(slug="ecc", name="ECC 2020", end_date=dt.date(2030, 11, 11))
    anna = register(
        event,
        RegistrationData(accept_terms=True, list_in_directory=True),
        profile=ProfileData(
            first_name="Anna",
            last_name="Schmidt",
            email="anna@example.org",
            country="DE",
            organisation_name="Silicon Saxony",
            job_title="Cluster manager",
            offering="Chip design",
            looking_for="Partners",
        ),
    ).person
    ben = PersonFactory(first_name="Ben", last_name="Okafor", email="ben@example.org")
    RegistrationFactory(event=event, person=ben, directory_consent_at=AT)
    session = SessionFactory(event=event, title="Opening panel")
    Bookmark.objects.create(person=anna, session=session)
    poll = Poll.objects.create(session=session, question="Which challenge?", status="open")
    green = PollOption.objects.create(poll=poll, label="Green")
    for person in (anna, ben):
        Ballot.objects.create(
            poll=poll,
            voter_key=f"p{person.pk}",
            person=person,
            answer=[green.pk],
            version=1,
            created_at=AT,
            updated_at=AT,
        )
    question = Question.objects.create(session=session, author=anna, text="What about skills?")
    Upvote.objects.create(question=question, person=ben)
    upvoted = Question.objects.create(session=session, author=ben, text="And funding?")
    Upvote.objects.create(question=upvoted, person=anna)
    cafe_session = SessionFactory(event=event, title="World café", type="world_cafe")
    cafe = Cafe.objects.create(session=cafe_session)
    cafe_question = CafeQuestion.objects.create(cafe=cafe, text="What next?")
    cafe_round = CafeRound.objects.create(
        cafe=cafe, number=1, starts_at=AT, ends_at=AT + dt.timedelta(minutes=20)
    )
    table = CafeTable.objects.create(cafe=cafe, number=3, topic="Skills")
    CafeSignup.objects.create(cafe=cafe, person=anna, created_at=AT)
    Seat.objects.create(round=cafe_round, table=table, person=anna)
    note = Note.objects.create(
        table=table,
        round=cafe_round,
        question=cafe_question,
        text="Train the trainers",
        updated_by=anna,
        updated_at=AT,
    )
    slot = Slot.objects.create(
        event=event, starts_at=AT + dt.timedelta(hours=5), ends_at=AT + dt.timedelta(hours=5.5)
    )
    other_slot = Slot.objects.create(
        event=event, starts_at=AT + dt.timedelta(hours=6), ends_at=AT + dt.timedelta(hours=6.5)
    )
    Unavailability.objects.create(slot=other_slot, person=anna)
    request = MeetingRequest.objects.create(
        event=event, sender=anna, recipient=ben, message="Shall we talk chips?", created_at=AT
    )
    request.status = MeetingRequest.Status.ACCEPTED
    request.save()
    meeting = Meeting.objects.create(event=event, slot=slot, request=request, created_at=AT)
    for person in (anna, ben):
        MeetingParticipant.objects.create(meeting=meeting, person=person, slot=slot)
    offer = Offer.objects.create(
        event=event,
        author=anna,
        kind=Offer.Kind.OFFER,
        category=Offer.Category.EXPERTISE,
        title="Chip design training",
        description="Two days",
        created_at=AT,
    )
    bens_offer = Offer.objects.create(
        event=event,
        author=ben,
        kind=Offer.Kind.REQUEST,
        category=Offer.Category.PARTNERSHIP,
        title="Partners for Horizon",
        description="Consortium",
        created_at=AT,
    )
    Interest.objects.create(offer=bens_offer, person=anna, created_at=AT)
    return World(event, session, anna, ben, poll, question, note, meeting, offer)
