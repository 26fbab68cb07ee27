"""A hybrid event under way, with something of everything the dashboard counts; `people`
scales it (the query-count tests build a small and a larger one)."""

import datetime as dt

from django.utils import timezone

from clustermeet.cafe.models import Cafe, CafeRound, CafeTable, Seat
from clustermeet.exhibition.models import BoothVisit
from clustermeet.live.models import Ballot, Poll, Question
from clustermeet.networking.models import Meeting
from clustermeet.people.models import Registration, Role
from tests.awards.factories import BallotFactory, checked_in, finalists_of, vote_category
from tests.exhibition.factories import BoothFactory
from tests.factories import PersonFactory, RegistrationFactory, RoomFactory, SessionFactory
from tests.networking.factories import SlotFactory, make_meeting
from tests.onsite.factories import event_today


def hours(n: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=n)


def dashboard_event(people: int = 4, **kwargs) -> dict:
    """An event under way today (hybrid, Prague) with `people` approved participants (people ≥
    4) besides its organiser, one pending, one declined and one cancelled registration; half the
    participants checked in; a session under way (a poll open, a vote and a question per
    participant) and one over; a café round under way with two tables, one seated; a meeting
    held and one under way; booth visits today and two days ago; an award voted on by two
    participants."""
    kwargs.setdefault("format", "hybrid")
    kwargs.setdefault("slug", "ecc-live")
    event = event_today(**kwargs)
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER])
    participants = [RegistrationFactory(event=event) for _ in range(people)]
    for status in ("pending", "declined", "cancelled"):
        RegistrationFactory(event=event, status=status)
    two_days_ago = hours(-48)
    Registration.objects.filter(pk=participants[0].pk).update(created_at=two_days_ago)
    for registration in participants[: people // 2]:
        checked_in(registration)

    room = RoomFactory(event=event, name="Main stage")
    live = SessionFactory(
        event=event,
        room=room,
        title="Clusters and the twin transition",
        starts_at=hours(-0.5),
        ends_at=hours(0.5),
    )
    SessionFactory(event=event, room=room, starts_at=hours(-3), ends_at=hours(-2))
    poll = Poll.objects.create(session=live, question="Ready?", status=Poll.Status.OPEN)
    Poll.objects.create(session=live, question="Later?")  # a draft
    now = timezone.now()
    for n, registration in enumerate(participants):
        person = registration.person
        Ballot.objects.create(
            poll=poll,
            voter_key=f"p{person.pk}",
            person=person,
            answer={"choice": 1},
            version=n + 1,
            created_at=now,
            updated_at=now,
        )
        Question.objects.create(session=live, author=person, text=f"Question {n}?")

    cafe_session = SessionFactory(event=event, room=room, starts_at=hours(-1), ends_at=hours(1))
    cafe = Cafe.objects.create(session=cafe_session)
    running = CafeRound.objects.create(
        cafe=cafe, number=1, starts_at=hours(-0.25), ends_at=hours(0.25)
    )
    tables = [CafeTable.objects.create(cafe=cafe, number=n) for n in (1, 2)]
    for registration in participants[:2]:
        Seat.objects.create(round=running, table=tables[0], person=registration.person)

    a, b, c, d = (registration.person for registration in participants[:4])
    over = SlotFactory(event=event, starts_at=hours(-2), ends_at=hours(-1.5))
    now_slot = SlotFactory(event=event, starts_at=hours(-0.1), ends_at=hours(0.4))
    make_meeting(event=event, people=[a, b], slot=over)
    make_meeting(event=event, people=[c, d], slot=now_slot)
    make_meeting(event=event, people=[a, c], slot=over, status=Meeting.Status.CANCELLED)

    booth = BoothFactory(event=event)
    BoothVisit.objects.create(booth=booth, person=a)
    BoothVisit.objects.create(booth=booth, person=b, started_at=two_days_ago)

    award = vote_category(event, voters="participants")
    first = finalists_of(award)[0]
    for voter in (a, b):
        BallotFactory(category=award, nomination=first, voter=voter)
    BallotFactory(category=award, nomination=first, voter=PersonFactory(), channel="onsite")
    return {
        "event": event,
        "organiser": organiser.person,
        "participants": [registration.person for registration in participants],
        "live": live,
        "award": award,
    }
