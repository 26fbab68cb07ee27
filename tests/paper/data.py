"""An ECC-2020-like event built with factories, at any size: participants from several
countries and organisation types (one who gave no consent to anything but the terms), a
programme with speakers, a recording and a takeaway, the 2020 paper's public-authorities poll
(213 voters: 75/70/30/29/5/4), a ranking, a rating and a word cloud, polls that must not appear
(open, results never shown, a quiz question, a hidden session's), a world café with notes, and
meetings, booths, visits, leads and pitches. `size` multiplies the people and the rows."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from clustermeet.cafe.models import Cafe, CafeQuestion, CafeRound, CafeTable, Note
from clustermeet.events.models import Event
from clustermeet.exhibition.models import Booth, BoothVisit, Lead, Pitch, PitchContact
from clustermeet.live.models import Ballot, Poll, PollOption, Quiz
from clustermeet.networking.models import Meeting, MeetingParticipant, MeetingRequest, Slot
from clustermeet.paper.models import Takeaway
from clustermeet.people.models import Organisation, OrganisationType, Person, Role
from clustermeet.programme.models import Attachment, Session, SessionSpeaker
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

PUBLIC_AUTHORITIES = (
    "How can public authorities support business during the covid-19 crisis and post-covid-19 "
    "recovery?"
)
PA_OPTIONS = (
    ("Increase public investments", 75),
    ("Facilitate collaboration and sharing business intelligence", 70),
    ("Simplify regulations", 30),
    ("Support services for business", 29),
    ("Protect EU market", 5),
    ("Help in internationalisation of activities", 4),
)
RANKING = "How should businesses adapt so that the recovery leads to green and digital transition?"
RANKING_OPTIONS = (
    "Train staff",
    "Enhance use of digital tools",
    "Uptake of green solutions",
    "Search new markets",
)
COUNTRIES = ("BE", "DE", "ES", "IT", "FR", "US")
SECRET_NAME = ("Zelda", "Quasimodo-Unconsented")
SECRET_EMAIL = "zelda.unconsented@example.org"
NOTES = (
    "- Training for managers\n- Communication with members\n- Partner with others",
    "- Training of the staff\n- Measure what you do: indicators and data\n- Partner with others",
    "- Better funding for projects\n- Training for managers and employees",
)


@dataclass
class Built:
    event: Event
    organiser: Person
    participant: Person
    speaker: Person
    secret: Person
    keynote: Session


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2020, 11, day, hour, minute, tzinfo=dt.UTC)


def _ballots(poll: Poll, answers: list[dict], start: int = 0) -> None:
    now = timezone.now()
    Ballot.objects.bulk_create(
        Ballot(
            poll=poll,
            voter_key=f"r{start + n}",
            answer=answer,
            version=n + 1,
            created_at=now,
            updated_at=now,
        )
        for n, answer in enumerate(answers)
    )


def _poll(session, question, type, options=(), **fields) -> tuple[Poll, list[PollOption]]:
    fields.setdefault("status", Poll.Status.CLOSED)
    poll = Poll.objects.create(session=session, question=question, type=type, **fields)
    made = [
        PollOption.objects.create(poll=poll, label=label, position=n)
        for n, label in enumerate(options)
    ]
    return poll, made


def build(size: int = 1, *, slug: str = "ecc-like") -> Built:
    event = EventFactory(
        slug=slug,
        name="European Cluster Conference 2020",
        tagline="Clusters for a greener, more digital and resilient Europe",
        start_date=dt.date(2020, 11, 10),
        end_date=dt.date(2020, 11, 11),
    )
    organiser = PersonFactory(first_name="Olga", last_name="Organiser")
    RegistrationFactory(event=event, person=organiser, roles=[Role.ORGANISER])
    types = list(OrganisationType.values)
    organisations = [
        OrganisationFactory(name=f"Org {slug} {n}", type=types[n % len(types)])
        for n in range(3 * size)
    ]
    people = []
    for n in range(10 * size):
        person = PersonFactory(
            country=COUNTRIES[n % len(COUNTRIES)],
            organisation=organisations[n % len(organisations)],
        )
        RegistrationFactory(
            event=event, person=person, stakeholder_type=["cluster", "public", ""][n % 3]
        )
        people.append(person)
    secret = PersonFactory(
        first_name=SECRET_NAME[0],
        last_name=SECRET_NAME[1],
        email=SECRET_EMAIL if slug == "ecc-like" else f"{slug}.{SECRET_EMAIL}",
        country="CZ",
    )
    RegistrationFactory(event=event, person=secret, directory_consent_at=None)
    participant = people[0]

    # The programme: a keynote day 1 with a speaker and a moderator, a recording, slides and a
    # takeaway; a roundtable with the polls; a hidden session; a café on day 2.
    speaker = PersonFactory(
        first_name="Thierry",
        last_name="Speaker",
        job_title="Commissioner",
        organisation=Organisation.objects.get_or_create(
            name="European Commission", country="BE", defaults={"type": OrganisationType.PUBLIC}
        )[0],
    )
    moderator = PersonFactory(first_name="Ulla", last_name="Moderator")
    keynote = SessionFactory(
        event=event,
        title="High-level opening",
        slug="opening",
        type=Session.Type.KEYNOTE,
        starts_at=_at(10, 8),
        ends_at=_at(10, 9),
        recording_url="https://video.example.org/1",
    )
    SessionSpeakerFactory(session=keynote, person=speaker)
    SessionSpeakerFactory(session=keynote, person=moderator, role=SessionSpeaker.Role.MODERATOR)
    Attachment.objects.create(
        session=keynote, title="Opening slides", url="https://files.example.org/opening.pdf"
    )
    Takeaway.objects.create(
        session=keynote,
        text="- Clusters are **drivers** of change\n- Collaboration matters",
        translations={"de": "- Cluster treiben den Wandel"},
    )
    roundtable = SessionFactory(
        event=event,
        title="Policy roundtable",
        slug="roundtable",
        type=Session.Type.ROUNDTABLE,
        starts_at=_at(10, 9),
        ends_at=_at(10, 10),
    )
    for n in range(size - 1):
        SessionFactory(
            event=event,
            title=f"Workshop {n}",
            slug=f"workshop-{n}",
            starts_at=_at(11, 8),
            ends_at=_at(11, 9),
        )
    hidden = SessionFactory(
        event=event,
        title="Organisers' rehearsal",
        slug="rehearsal",
        visibility=Session.Visibility.HIDDEN,
        starts_at=_at(10, 7),
        ends_at=_at(10, 8),
    )

    poll, options = _poll(
        roundtable,
        PUBLIC_AUTHORITIES,
        Poll.Type.SINGLE,
        [label for label, _n in PA_OPTIONS],
        position=1,
    )
    _ballots(
        poll,
        [
            {"choice": o.pk}
            for o, (_l, count) in zip(options, PA_OPTIONS, strict=True)
            for _ in range(count)
        ],
    )
    poll, options = _poll(roundtable, RANKING, Poll.Type.RANKING, RANKING_OPTIONS, position=0)
    ids = [o.pk for o in options]
    _ballots(poll, [{"ranking": ids}] * (5 * size) + [{"ranking": [ids[1], ids[0]]}] * 2)
    poll, _o = _poll(roundtable, "How useful was the roundtable?", Poll.Type.RATING, position=2)
    _ballots(poll, [{"rating": r} for r in (5, 4, 4, 3)] * size)
    poll, _o = _poll(roundtable, "One word for clusters?", Poll.Type.WORDCLOUD, position=3)
    _ballots(poll, [{"words": ["innovation", "green"]}, {"words": ["innovation"]}] * size)
    for question, fields in (
        ("Still open?", {"status": Poll.Status.OPEN}),
        ("Kept from the room?", {"results_visibility": Poll.Results.NEVER}),
    ):
        poll, options = _poll(roundtable, question, Poll.Type.SINGLE, ["Yes", "No"], **fields)
        _ballots(poll, [{"choice": options[0].pk}] * 3)
    quiz = Quiz.objects.create(session=roundtable, title="Cluster quiz")
    poll, options = _poll(roundtable, "Quiz question?", Poll.Type.SINGLE, ["A", "B"], quiz=quiz)
    _ballots(poll, [{"choice": options[0].pk}])
    poll, options = _poll(hidden, "Rehearsal poll?", Poll.Type.SINGLE, ["A", "B"])
    _ballots(poll, [{"choice": options[0].pk}])

    cafe_session = SessionFactory(
        event=event,
        title="World café: green transition",
        slug="cafe-green",
        type=Session.Type.WORLD_CAFE,
        starts_at=_at(11, 10),
        ends_at=_at(11, 11),
    )
    cafe = Cafe.objects.create(session=cafe_session)
    question = CafeQuestion.objects.create(cafe=cafe, text="What does the green transition need?")
    rounds = [
        CafeRound.objects.create(cafe=cafe, number=n, starts_at=_at(11, 10), ends_at=_at(11, 11))
        for n in (1, 2)
    ]
    tables = [CafeTable.objects.create(cafe=cafe, number=n) for n in range(1, 2 + size)]
    for n, table in enumerate(tables):
        for r in rounds:
            Note.objects.create(
                table=table, round=r, question=question, text=NOTES[(n + r.number) % len(NOTES)]
            )

    # Networking and the exhibition.
    slot = Slot.objects.create(event=event, starts_at=_at(10, 12), ends_at=_at(10, 12, 20))
    for n in range(size):
        one, two = people[2 * n % len(people)], people[(2 * n + 1) % len(people)]
        request = MeetingRequest.objects.create(
            event=event, sender=one, recipient=two, status=MeetingRequest.Status.ACCEPTED
        )
        meeting = Meeting.objects.create(event=event, request=request, slot=slot)
        MeetingParticipant.objects.create(
            meeting=meeting, person=one, slot=slot, attendance=MeetingParticipant.Attendance.HELD
        )
        MeetingParticipant.objects.create(meeting=meeting, person=two, slot=slot)
    for n in range(2 * size):
        booth = Booth.objects.create(
            event=event,
            name=f"Booth {n}",
            slug=f"booth-{n}",
            organisation=organisations[n % len(organisations)],
        )
        for visitor in people[: n + 1]:
            BoothVisit.objects.create(booth=booth, person=visitor)
        Lead.objects.create(booth=booth, person=people[0], source=Lead.Source.SHARED)
    pitch = Pitch.objects.create(
        session=roundtable, title="Hydrogen valley", pitcher=speaker, organisation=organisations[0]
    )
    for visitor in people[:3]:
        PitchContact.objects.create(pitch=pitch, person=visitor)
    return Built(event, organiser, participant, speaker, secret, keynote)


def empty_event() -> Event:
    """An event with its organiser and nothing else."""
    event = EventFactory(slug="empty-event", name="Nothing happened")
    return event
